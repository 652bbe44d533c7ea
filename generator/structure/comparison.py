"""Comparable programmes of different publishers, side by side, honestly labelled.

Each government body divides its budget into programmes of its own: "Programma 4 Bestuur en
ondersteuning" of Lisse and of Hillegom have the same number and title, but not necessarily the same
contents. A comparison groups the documents of different publishers whose programme has the same number,
label and (normalised) title; the page says that each is the publisher's own definition, and says so when
the years differ instead of pretending the figures are of one year.

Per inhabitant: when the project has a population file (``data/inwoners.csv`` beside ``site.yaml``: columns
``code,jaar,inwoners``, the CBS code of the municipality and its population on 1 January of that year, e.g.
from CBS StatLine table 03759ned), lasten and baten are also shown per inhabitant of the figure's year.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import ContentError, Problem
from generator.core.translation import _
from generator.models import Redaction
from generator.reference.taxonomy import DocumentKind
from generator.structure import lineage
from generator.structure.page import DocumentPage

POPULATION_FILE = Path("data") / "inwoners.csv"
PATH_PREFIX = "vergelijken/"

Population = dict[tuple[str, int], int]
"""(CBS code, year) -> inhabitants on 1 January."""


@dataclass(frozen=True)
class Entry:
    """One publisher's document in a comparison, with the figure the comparison shows."""

    page: DocumentPage
    figure: lineage.Figure | None
    inhabitants: int | None

    def per_inhabitant(self, amount: int | None) -> int | None:
        """An amount per inhabitant in whole euros, when both are known."""
        if amount is None or not self.inhabitants:
            return None
        return round(amount / self.inhabitants)


@dataclass
class Comparison:
    """Documents of two or more publishers with the same programme number, label and title."""

    key: str
    heading: str
    path: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({e.page.document.year for e in self.entries})

    @property
    def publishers(self) -> list[str]:
        return sorted({e.page.document.publisher.name for e in self.entries})

    @property
    def same_year(self) -> bool:
        """True when every publisher has a document of one same year (the comparison then shows it first)."""
        return bool(self.common_years)

    @property
    def years_by_publisher(self) -> list[tuple[str, list[int]]]:
        """Per publisher (by name) the years of its documents here."""
        return [
            (name, sorted({e.page.document.year for e in self.entries if e.page.document.publisher.name == name}))
            for name in self.publishers
        ]

    @property
    def common_years(self) -> list[int]:
        per_publisher = [set(years) for _name, years in self.years_by_publisher]
        return sorted(set.intersection(*per_publisher)) if per_publisher else []

    @property
    def has_population(self) -> bool:
        return any(e.inhabitants for e in self.entries)


def family(page: DocumentPage, redactions: Sequence[Redaction] = ()) -> str:
    """The comparison key: programme label, number and normalised title ("programma-4-bestuur-en-ondersteuning")."""
    programme = page.document.programme
    if programme.number is None:
        return lineage.family_key(programme, redactions)
    prefix = lineage.family_key(programme.model_copy(update={"title": programme.label or "Programma"}))
    return f"{prefix}-{programme.number.lower()}-{lineage.family_key(programme, redactions)}"


def compare(
    pages: list[DocumentPage], population: Population | None = None, redactions: Sequence[Redaction] = ()
) -> list[Comparison]:
    """Every comparison of the site (two publishers or more), ordered by key; entries by publisher and year."""
    groups: dict[str, list[DocumentPage]] = {}
    for page in pages:
        groups.setdefault(family(page, redactions), []).append(page)
    comparisons = []
    for key, members in sorted(groups.items()):
        if len({p.document.publisher.code for p in members}) < 2:
            continue
        members.sort(key=lambda p: (p.document.publisher.name, p.document.year, lineage.CYCLE[p.document.kind.phase]))
        comparison = Comparison(key, members[0].document.programme.heading, f"{PATH_PREFIX}{key}/")
        for page in members:
            figure = shown_figure(page)
            year = figure.year if figure else page.document.year
            people = (population or {}).get((page.document.publisher.code, year))
            comparison.entries.append(Entry(page, figure, people))
        comparisons.append(comparison)
    return comparisons


def shown_figure(page: DocumentPage) -> lineage.Figure | None:
    """Realisatie for a jaarverslag when it has one, else the document's begroot figure."""
    found = {f.basis: f for f in lineage.figures(page)}
    if "realisatie" in found and (page.document.kind.phase == DocumentKind.jaarverslag or "begroot" not in found):
        return found["realisatie"]
    return found.get("begroot") or found.get("realisatie")


def load_population(project_dir: Path) -> Population:
    """``data/inwoners.csv`` when the project has one (else nothing); every bad line is a problem."""
    path = project_dir / POPULATION_FILE
    if not path.is_file():
        return {}
    population: Population = {}
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"code", "jaar", "inwoners"} <= set(reader.fieldnames):
            raise ContentError(Problem(path, 1, _("the header must be code,jaar,inwoners"), _("add that first line")))
        for number, row in enumerate(reader, start=2):
            try:
                code, year, people = row["code"].strip().upper(), int(row["jaar"]), int(row["inwoners"])
                if people <= 0:
                    raise ValueError(people)
            except (ValueError, AttributeError):
                problems.append(
                    Problem(
                        path,
                        number,
                        _("not a CBS code, a year and a number of inhabitants"),
                        _("write e.g. GM0553,2021 and the number from CBS"),
                    )
                )
                continue
            population[(code, year)] = people
    if problems:
        raise ContentError(problems)
    return population
