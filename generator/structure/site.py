"""The site as a tree: publishers > publications (e.g. "Begroting 2021") > programme documents.

Built from validated content; decides every URL (via ``urls``) and refuses two documents at one URL.
Everything downstream (pages, JSON, sitemaps) reads this tree and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from generator.content import redaction
from generator.content.source import SourceDocument
from generator.core import urls
from generator.core.errors import BuildError, Problem
from generator.core.translation import _
from generator.models import CategoryRef, Document, PublisherRef, SiteConfig, Urls
from generator.reference.organisations import Organisation
from generator.reference.taxonomy import DocumentKind
from generator.structure import comparison, lineage, versions
from generator.structure.page import DocumentPage


@dataclass
class Publication:
    """All programme documents of one publisher, kind and year: "Begroting 2021" of Lisse."""

    publisher: Organisation
    kind: DocumentKind
    year: int
    path: str
    documents: list[DocumentPage] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.kind.label} {self.year}"


@dataclass
class PublisherSection:
    """A publisher with its publications, newest first."""

    organisation: Organisation
    path: str
    publications: list[Publication] = field(default_factory=list)


@dataclass
class Site:
    """Everything a build renders."""

    config: SiteConfig
    base_url: str
    publishers: list[PublisherSection]
    documents: list[DocumentPage]
    lineages: list[lineage.Lineage] = field(default_factory=list)
    """The programmes over time (see generator/structure/lineage.py)."""
    withdrawn: list[DocumentPage] = field(default_factory=list)
    """Withdrawn documents: only a page saying so is published at their URL (see structure/versions.py)."""
    comparisons: list[comparison.Comparison] = field(default_factory=list)
    """Comparable programmes of different publishers (see generator/structure/comparison.py)."""
    versions: dict[str, list[versions.Version]] = field(default_factory=dict)
    """Per document path, the previous versions of a corrected document, oldest first."""
    words: Any = None
    """The site's words in its language (``render.strings.Strings``: templates/strings/<language>.yaml with
    the site's own overrides), for the outputs that write text of their own (downloads, descriptions)."""

    def url(self, path: str) -> str:
        """Absolute URL of a site path ("lisse/" -> "https://example.org/woo/lisse/")."""
        return urls.absolute(self.base_url, path)

    def href(self, path: str) -> str:
        """Link from any page to a site path, correct under a sub-path deployment ("/woo/lisse/")."""
        return urls.base_path(self.base_url) + path

    def lineage_of(self, page: DocumentPage) -> lineage.Lineage | None:
        """The programme over time that ``page`` belongs to."""
        return self._by_page[0].get(id(page))

    def comparison_of(self, page: DocumentPage) -> comparison.Comparison | None:
        """The comparison of publishers that ``page`` is in."""
        return self._by_page[1].get(id(page))

    @cached_property
    def _by_page(self) -> tuple[dict[int, lineage.Lineage], dict[int, comparison.Comparison]]:
        """Lineage and comparison of each page, looked up once (every page asks: a scan each was quadratic)."""
        lineages = {id(page): found for found in self.lineages for page in found.pages}
        comparisons = {id(entry.page): found for found in reversed(self.comparisons) for entry in found.entries}
        return lineages, comparisons


def build_site(
    config: SiteConfig,
    sources: list[SourceDocument],
    population: comparison.Population | None = None,
    previous: dict[Path, list[SourceDocument]] | None = None,
    words: Any = None,
) -> Site:
    """Arrange documents into the site tree; raise BuildError when two documents claim one URL.

    The base URL is the config's, already validated (with any ``--base-url`` override applied)."""
    base = config.base_url
    claimed: dict[str, SourceDocument] = {}
    problems: list[Problem] = []
    publishers: dict[str, PublisherSection] = {}
    publications: dict[tuple[str, str, int], Publication] = {}
    pages: list[DocumentPage] = []
    withdrawn: list[DocumentPage] = []
    for source in sorted(sources, key=_order):
        front, org = source.front, source.publisher
        programme = redaction.slug(front.programme.heading, config.redactions)
        path = urls.document_path(org.name, front.kind, front.year, programme)
        if path in claimed:
            problems.append(
                Problem(
                    source.path,
                    1,
                    _("same URL /{path} as {path2}").format(path=path, path2=claimed[path].path),
                    _(
                        "two files describe the same programme; remove one or change its "
                        "programme number, title, kind or year"
                    ),
                )
            )
            continue
        claimed[path] = source
        slug = "-".join([urls.slugify(org.name), front.kind, str(front.year), programme])
        document = _document(source, base, path, slug, programme)
        page = DocumentPage(source=source, document=document, path=path, slug=slug)
        if front.withdrawn is not None:
            withdrawn.append(page)
            continue
        pages.append(page)
        section = publishers.setdefault(org.code, PublisherSection(org, urls.publisher_path(org.name)))
        key = (org.code, front.kind.value, front.year)
        if key not in publications:
            publications[key] = Publication(
                org, front.kind, front.year, urls.publication_path(org.name, front.kind, front.year)
            )
            section.publications.append(publications[key])
        publications[key].documents.append(page)
    if problems:
        raise BuildError(problems)
    ordered = sorted(publishers.values(), key=lambda p: p.organisation.name)
    for section in ordered:
        section.publications.sort(key=lambda p: (-p.year, p.kind.value))
    comparisons = comparison.compare(pages, population, config.redactions)
    kept = {
        page.path: versions.versions_of(
            page.source,
            page.path,
            (previous or {})[page.source.path],
            partial(
                _document, base=base, path=page.path, slug=page.slug, programme=page.path.rstrip("/").rsplit("/", 1)[-1]
            ),
        )
        for page in pages
        if page.source.front.corrections and page.source.path in (previous or {})
    }
    return Site(
        config=config,
        base_url=base,
        publishers=ordered,
        documents=pages,
        lineages=lineage.link(pages, config.redactions),
        withdrawn=withdrawn,
        comparisons=comparisons,
        versions=kept,
        words=words,
    )


def _order(source: SourceDocument) -> tuple[str, int, str, str, str]:
    programme = source.front.programme
    number = programme.number or ""
    return (
        source.publisher.name,
        -source.front.year,
        source.front.kind.value,
        number.zfill(6) if number.isdigit() else number or "~",
        programme.title,
    )


def _document(source: SourceDocument, base: str, path: str, slug: str, programme: str) -> Document:
    front, org = source.front, source.publisher
    # Built from models validated already (the front matter, the references resolved): not validated again.
    return Document.model_construct(
        id=urls.document_id(org.code, front.kind, front.year, programme),
        title=front.title or front.programme.heading,
        publisher=PublisherRef(name=org.name, kind=org.kind, code=org.code, uri=org.uri),
        kind=front.kind,
        year=front.year,
        programme=front.programme,
        description=front.description,
        information_category=CategoryRef(label=source.category.label, uri=source.category.uri),
        dates=front.dates,
        source=front.source,
        intro=source.intro,
        sections=source.sections,
        finance=front.finance,
        urls=Urls(
            html=urls.absolute(base, path),
            json_=urls.absolute(base, urls.json_file(path, slug)),
            csv=[urls.absolute(base, p) for p in urls.csv_files(path, slug, len(front.finance))],
            xlsx=urls.absolute(base, urls.xlsx_file(path, slug)) if front.finance else None,
            diwoo=urls.absolute(base, urls.diwoo_file(path, slug)),
        ),
    )
