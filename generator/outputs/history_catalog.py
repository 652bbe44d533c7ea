"""The catalog's account of programmes over time and elsewhere: lineages, comparisons, versions, withdrawals."""

from __future__ import annotations

from generator.models import Catalog
from generator.models.history import (
    ComparisonDocument,
    ComparisonEntry,
    LineageDocument,
    LineageEntry,
    VersionEntry,
    WithdrawnEntry,
    YearFigure,
)
from generator.structure import comparison, lineage
from generator.structure.site import Site


def extend(site: Site, catalog: Catalog) -> Catalog:
    """``catalog`` with every lineage, comparison and withdrawn document of ``site`` (its documents' previous
    versions are in their entries: ``versions``)."""
    return catalog.model_copy(
        update={
            "lineages": [_lineage(found) for found in site.lineages],
            "comparisons": [_comparison(site, found) for found in site.comparisons],
            "withdrawn": [
                WithdrawnEntry(id=p.document.id, url=p.document.urls.html, title=p.document.title, withdrawn=withdrawal)
                for p in site.withdrawn
                if (withdrawal := p.source.front.withdrawn) is not None
            ],
        }
    )


def versions(site: Site, path: str) -> list[VersionEntry]:
    return [
        VersionEntry(
            number=v.number,
            url=site.url(v.path),
            replaced=v.correction.date,
            reason=v.correction.reason,
            ground=v.correction.ground,
        )
        for v in site.versions.get(path, [])
    ]


def figure(found: lineage.Figure) -> YearFigure:
    return YearFigure(
        year=found.year,
        basis=found.basis,
        lasten=found.lasten,
        baten=found.baten,
        saldo=found.saldo,
        document=found.page.document.id,
        column=found.column,
    )


def _lineage(found: lineage.Lineage) -> LineageEntry:
    return LineageEntry(
        id=found.id,
        key=found.key,
        publisher=found.pages[0].document.publisher.code,
        documents=[
            LineageDocument(
                id=p.document.id,
                url=p.document.urls.html,
                kind=p.document.kind.value,
                year=p.document.year,
                programme=p.document.programme.heading,
                note=p.source.front.lineage.note if p.source.front.lineage else None,
            )
            for p in found.pages
        ],
        figures=[figure(f) for f in found.figures()],
    )


def _comparison(site: Site, found: comparison.Comparison) -> ComparisonEntry:
    return ComparisonEntry(
        id=found.key,
        url=site.url(found.path),
        title=found.heading,
        same_year=found.same_year,
        years=found.years,
        documents=[
            ComparisonDocument(
                id=e.page.document.id,
                url=e.page.document.urls.html,
                publisher=e.page.document.publisher.code,
                year=e.page.document.year,
                figure=figure(e.figure) if e.figure else None,
                inhabitants=e.inhabitants,
            )
            for e in found.entries
        ],
    )
