"""What a programme page shows about its programme over time and elsewhere: the timeline, the table and
chart of lasten, baten and saldo per year (through the usual finance partials), and the comparison link."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.core.digests import digest
from generator.models import Column, FinanceTable, Row
from generator.render.charts import charts
from generator.render.finance import SignNote
from generator.render.outline import PlacedTable
from generator.structure import comparison
from generator.structure.lineage import Figure, Lineage
from generator.structure.page import DocumentPage
from generator.structure.site import Site

NOTE = "lineage_whole_euros"
"""The key of the reading note under the table (``finance.notes`` in the UI strings)."""


@dataclass(frozen=True)
class History:
    lineage: Lineage
    placed: PlacedTable | None
    sources: list[tuple[str, Figure]]
    """Per column of the table: its label and the figure (document and printed column) it comes from."""


def programme_history(site: Site, page: DocumentPage, t: Any) -> History | None:
    """The page's programme over time; None when this is its only document on the site."""
    found = site.lineage_of(page)
    if found is None or len(found.pages) < 2:
        return None
    labels = {"begroot": t["basis"]["begroot"], "realisatie": t["basis"]["realisatie"]}
    table = found.table(t["table_caption"], labels, {k: t["rows"][k] for k in ("lasten", "baten", "saldo")})
    if table is None:
        return History(found, None, [])
    # Numbered after the document's own tables, so ids on the page stay unique.
    placed = PlacedTable(len(page.document.finance) + 1, table, charts(table), [SignNote(NOTE)])
    figures = found.figures()
    return History(found, placed, [(c.label, f) for c, f in zip(table.columns, figures, strict=True)])


def page_comparison(site: Site, page: DocumentPage) -> comparison.Comparison | None:
    return site.comparison_of(page)


def page_key(site: Site, page: DocumentPage) -> str:
    """What the page's history depends on besides its own document: the other documents of its lineage."""
    found = site.lineage_of(page)
    others = found.pages if found else []
    return digest(*(f"{p.path}\0{p.source.digest}" for p in others))


def comparison_chart(found: comparison.Comparison, t: Any) -> PlacedTable | None:
    """The comparison's lasten and baten as a chart (one group per publisher's document), via the usual partial."""
    shown = [e for e in found.entries if e.figure is not None]
    if not shown:
        return None
    columns = [
        Column(label=t["column"].format(publisher=e.page.document.publisher.name, document=_document_label(e)))
        for e in shown
    ]
    rows = [
        Row(label=t["lasten"], role="lasten", values=[e.figure.lasten if e.figure else None for e in shown]),
        Row(label=t["baten"], role="baten", values=[e.figure.baten if e.figure else None for e in shown]),
    ]
    table = FinanceTable(caption=t["table_caption"], unit=1, columns=columns, rows=rows)
    return PlacedTable(1, table, charts(table), [SignNote(NOTE)])


def _document_label(entry: comparison.Entry) -> str:
    return f"{entry.page.document.kind.value} {entry.page.document.year}"
