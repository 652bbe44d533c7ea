"""A document's sections as the page shows them: heading levels without gaps, unique anchors, and every
finance table placed under its section (or, when it names none or a section that does not exist, after
the text, so no table is ever lost).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.urls import slugify
from generator.models import Document, FinanceTable, Section
from generator.render.charts import Chart, charts
from generator.render.finance import Number, SignNote, computed_saldo, sign_notes

MAX_LEVEL = 6
RESERVED_IDS = frozenset({"inhoud", "site-zoekterm", "op-deze-pagina", "financien", "downloads"})
"""Element ids the page templates use themselves; a section titled "Financiën" gets "financien-2"."""


@dataclass(frozen=True)
class PlacedTable:
    """A finance table with what the page shows beside it."""

    number: int
    """1-based position in the document's ``finance`` list: the table's id on the page."""
    table: FinanceTable
    charts: list[Chart]
    notes: list[SignNote]
    saldo: list[Number | None] | None = None
    """Baten minus lasten per column when the source prints lasten and baten but no saldo (shown as computed)."""
    repeats_heading: bool = False
    """The caption says what the heading right above it says: the page shows it once."""


@dataclass
class Heading:
    """One section on the page."""

    section: Section
    level: int
    anchor: str
    tables: list[PlacedTable] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)


@dataclass(frozen=True)
class Outline:
    headings: list[Heading]
    loose_tables: list[PlacedTable]


def outline(document: Document, loose_heading: str | None = None, top_level: int = 2) -> Outline:
    """Arrange ``document`` for the page; ``top_level`` is the level of its top sections (h2 under the h1).

    Tables that name no section go under the top-level section titled ``loose_heading`` ("Financiën")
    if the text has one; otherwise they are returned as ``loose_tables`` for the page to place.
    """
    used: set[str] = set(RESERVED_IDS)
    by_title: dict[str, Heading] = {}

    def arrange(sections: list[Section], level: int) -> list[Heading]:
        out = []
        for section in sections:
            heading = Heading(section, min(level, MAX_LEVEL), _unique(slugify(section.title), used))
            by_title.setdefault(section.title, heading)
            heading.children = arrange(section.sections, level + 1)
            out.append(heading)
        return out

    headings = arrange(document.sections, top_level)
    fallback = next((h for h in headings if h.section.title == loose_heading), None)
    loose: list[PlacedTable] = []
    for number, table in enumerate(document.finance, start=1):
        home = by_title.get(table.section) if table.section else fallback
        heading = home.section.title if home else loose_heading
        repeats = heading is not None and _same(table.caption, heading)
        placed = PlacedTable(number, table, charts(table), sign_notes(table), computed_saldo(table), repeats)
        (home.tables if home else loose).append(placed)
    return Outline(headings, loose)


def _same(a: str, b: str) -> bool:
    """Two titles that read the same, whatever their case, spacing and punctuation."""
    return slugify(a) == slugify(b)


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate
