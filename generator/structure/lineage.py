"""Programme lineage: the documents of one publisher that are the same programme across years and kinds.

Begroting 2021, voortgangsrapportage 2021, jaarverslag 2021 and begroting 2022 of "Programma 4 Bestuur en
ondersteuning" are one programme over time. Two documents of one publisher are linked when

- they have the same lineage key: the front matter's ``lineage.key``, else the programme title normalised
  ("Bestuur & ondersteuning" = "bestuur en ondersteuning"), or
- neither sets a key, they have the same programme number and label, and their titles share most words
  (a title reworded a little from one year to the next).

``lineage.key`` is the explicit override for a programme that was renamed, split or renumbered: a document
with a key is linked by its key only. Linking is transitive (union-find), so the result does not depend on
the order of the files.

The figures per year are read from the documents' finance tables, in whole euros whatever each table's
unit: one lasten and one baten row, the amount column of the document's own year (meerjarenramingen are
left out), classified as *begroot* or *realisatie* by its label ("Rekening 2021" is realisatie,
"Begroot na wijziging 2021" is begroot) or, when the label says neither ("Bedrag"), by the document kind
(a jaarverslag reports realisatie). Lasten and baten are shown as positive amounts, saldo = baten - lasten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from generator.content import redaction
from generator.models import Column, FinanceTable, Programme, Redaction, Row
from generator.models.finance import is_difference
from generator.reference.taxonomy import DocumentKind
from generator.structure.page import DocumentPage

Basis = Literal["begroot", "realisatie"]

CYCLE = {
    DocumentKind.kadernota: 0,
    DocumentKind.begroting: 1,
    DocumentKind.voorjaarsnota: 2,
    DocumentKind.bestuursrapportage: 3,
    DocumentKind.voortgangsrapportage: 3,
    DocumentKind.najaarsnota: 4,
    DocumentKind.jaarverslag: 5,
}
"""A year's documents in the order of the planning-and-control cycle; a later one has the newer figures."""

SIMILAR = 0.5
"""Share of common words (Jaccard) above which two titles with the same number are one programme."""

_REALISATIE = re.compile(r"rekening|realisatie|werkelijk", re.IGNORECASE)
_BEGROOT = re.compile(r"begro|raming|geraamd", re.IGNORECASE)
_SHARE_OR_TOTAL = re.compile(r"aandeel|saldo|totaal", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_STOP_WORDS = frozenset({"en", "de", "het", "van", "voor", "een"})


def family_key(programme: Programme, redactions: Sequence[Redaction] = ()) -> str:
    """The programme title as a key: case, accents, "&" and punctuation do not matter. It is part of
    addresses and data, so no redacted name is in it (``redaction.slug``)."""
    return redaction.slug(re.sub(r"\s*&\s*", " en ", programme.title), redactions)


def lineage_key(page: DocumentPage, redactions: Sequence[Redaction] = ()) -> str:
    """The explicit key when the front matter sets one, else the programme's family key."""
    link = page.source.front.lineage
    if link and link.key:
        return redaction.slug(link.key, redactions)
    return family_key(page.document.programme, redactions)


@dataclass(frozen=True)
class Figure:
    """Lasten, baten and saldo of one year in whole euros, as one document states them."""

    year: int
    basis: Basis
    lasten: int | None
    baten: int | None
    page: DocumentPage
    column: str
    """The column label as printed, to name the source exactly."""

    @property
    def saldo(self) -> int | None:
        return None if self.lasten is None or self.baten is None else self.baten - self.lasten


@dataclass
class Lineage:
    """One programme of one publisher over time, its documents in cycle order."""

    key: str
    pages: list[DocumentPage] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Stable identifier: publisher code and key ("gm0553-bestuur-en-ondersteuning")."""
        return f"{self.pages[0].document.publisher.code.lower()}-{self.key}"

    @property
    def years(self) -> list[int]:
        return sorted({p.document.year for p in self.pages})

    def figures(self) -> list[Figure]:
        """Per year and basis the figure of the latest document in the cycle that states one."""
        chosen: dict[tuple[int, Basis], Figure] = {}
        for page in self.pages:
            for figure in figures(page):
                slot = (figure.year, figure.basis)
                if slot not in chosen or _rank(figure.page) >= _rank(chosen[slot].page):
                    chosen[slot] = figure
        return [chosen[slot] for slot in sorted(chosen, key=lambda s: (s[0], s[1] != "begroot"))]

    def table(self, caption: str, labels: dict[str, str], roles: dict[str, str]) -> FinanceTable | None:
        """The figures as one finance table (whole euros), a column per year and basis, for the usual
        table and chart partials; ``labels`` names the bases ("Begroot {year}"), ``roles`` the rows."""
        chosen = self.figures()
        if not chosen:
            return None
        columns = [Column(label=labels[f.basis].format(year=f.year), kind="amount") for f in chosen]
        rows = [
            Row(label=roles["lasten"], role="lasten", values=[f.lasten for f in chosen]),
            Row(label=roles["baten"], role="baten", values=[f.baten for f in chosen]),
            Row(label=roles["saldo"], role="saldo", values=[f.saldo for f in chosen]),
        ]
        return FinanceTable(caption=caption, unit=1, columns=columns, rows=rows)


def _rank(page: DocumentPage) -> tuple[int, str]:
    return CYCLE[page.document.kind.phase], page.document.id


def figures(page: DocumentPage) -> list[Figure]:
    """The lasten/baten figures a document states for its own year, per basis (see the module docstring)."""
    document = page.document
    found: dict[Basis, Figure] = {}
    for table in document.finance:
        lasten = next((r for r in table.rows if r.role == "lasten"), None)
        baten = next((r for r in table.rows if r.role == "baten"), None)
        if lasten is None and baten is None:
            continue
        for i, column in enumerate(table.columns):
            if column.kind != "amount" or is_difference(column.label) or _SHARE_OR_TOTAL.search(column.label):
                continue
            years = {int(m.group(0)) for m in _YEAR.finditer(column.label)}
            if years and years != {document.year}:
                continue
            basis = classify(column.label, document.kind)
            la = _euros(table, lasten, i)
            ba = _euros(table, baten, i)
            if la is None and ba is None:
                continue
            # Several begroot columns ("voor wijziging", "na wijziging"): the last one is the newest budget.
            found[basis] = Figure(document.year, basis, la, ba, page, column.label)
    return [found[b] for b in ("begroot", "realisatie") if b in found]


def classify(label: str, kind: DocumentKind) -> Basis:
    """begroot or realisatie, from a column label, else from the document kind."""
    if _REALISATIE.search(label):
        return "realisatie"
    if _BEGROOT.search(label):
        return "begroot"
    return "realisatie" if kind.phase == DocumentKind.jaarverslag else "begroot"


def _euros(table: FinanceTable, row: Row | None, column: int) -> int | None:
    if row is None:
        return None
    euros = table.euros(row.values[column])
    return None if euros is None else abs(euros)


def link(pages: list[DocumentPage], redactions: Sequence[Redaction] = ()) -> list[Lineage]:
    """Every lineage of the site, ordered by publisher and key; each page in exactly one."""
    parent = list(range(len(pages)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    keys = [lineage_key(p, redactions) for p in pages]
    explicit = [bool(p.source.front.lineage and p.source.front.lineage.key) for p in pages]
    by_publisher: dict[str, list[int]] = {}  # only documents of one publisher are compared
    for i, page in enumerate(pages):
        by_publisher.setdefault(page.document.publisher.code, []).append(i)
    for members in by_publisher.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                a, b = pages[i], pages[j]
                if keys[i] == keys[j] or (not explicit[i] and not explicit[j] and _same_numbered(a, b)):
                    union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(pages)):
        groups.setdefault(find(i), []).append(i)
    lineages = []
    for members in groups.values():
        ordered = sorted(members, key=lambda i: (pages[i].document.year, CYCLE[pages[i].document.kind.phase], keys[i]))
        named = sorted(keys[i] for i in ordered if explicit[i])
        lineages.append(Lineage(named[0] if named else keys[ordered[0]], [pages[i] for i in ordered]))
    return sorted(lineages, key=lambda lineage: (lineage.pages[0].document.publisher.name, lineage.key))


def _same_numbered(a: DocumentPage, b: DocumentPage) -> bool:
    pa, pb = a.document.programme, b.document.programme
    if pa.number is None or pa.number != pb.number or (pa.label or "") != (pb.label or ""):
        return False
    wa, wb = _words(pa.title), _words(pb.title)
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= SIMILAR


@lru_cache(maxsize=65536)
def _words(title: str) -> frozenset[str]:
    """The words of a title, once per title: documents are compared pairwise within their publisher."""
    return frozenset(family_key(Programme(title=title)).split("-")) - _STOP_WORDS
