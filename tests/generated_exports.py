"""Exports generated from the reference data: any municipality (former ones in their years), province or
water board, every document kind, years 2016 and later, a few heading and table styles.

Each export comes with what a correct import must find, so tests (and ``bench/import_speed.py``) can check
every field and every number. The texts are made up here; only the names come from the reference list.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from generator.reference.organisations import Organisation, organisations
from generator.reference.taxonomy import DocumentKind

YEARS = range(2016, 2026)
TITLES: dict[DocumentKind, list[str]] = {
    DocumentKind.begroting: ["Begroting {y}", "Programmabegroting {y}"],
    DocumentKind.jaarverslag: ["Jaarstukken {y}", "Jaarrekening {y}", "Jaarverslag {y}"],
    DocumentKind.kadernota: ["Kadernota {y}"],
    DocumentKind.voorjaarsnota: ["Voorjaarsnota {y}"],
    DocumentKind.najaarsnota: ["Najaarsnota {y}"],
    DocumentKind.bestuursrapportage: ["1e Bestuursrapportage {y}", "2e Bestuursrapportage {y}", "Tweede burap {y}"],
    DocumentKind.voortgangsrapportage: ["Voortgangsrapportage {y}"],
}
PROGRAMMES = ["Veiligheid", "Verkeer en vervoer", "Sociaal domein", "Waterveiligheid", "Ruimte en economie"]
HEADINGS = ["Programma {n} {t}", "Programma {n} – {t}", "Programma {n}   {t}", "P{n} {t}"]


@dataclass(frozen=True)
class Export:
    name: str
    text: str
    publisher: Organisation
    kind: DocumentKind
    year: int
    programme: tuple[str, str]
    """(number, title) of the programme."""
    values: dict[str, list[int]]
    """Per row label of the finance table, the amounts as printed."""


def bodies(year: int) -> list[Organisation]:
    """Every municipality, province and water board that existed in ``year``."""
    return [o for o in organisations().values() if o.existed_in(year)]


def _name_with_kind(org: Organisation) -> str:
    if org.kind == "waterschap" and org.name.startswith(("Hoogheemraadschap", "Wetterskip")):
        return org.name
    return f"{org.kind} {org.name}"


def _voice(org: Organisation, rng: random.Random) -> str:
    """A sentence in which the body speaks for itself."""
    if org.kind == "gemeente":
        return rng.choice([f"Voor {org.name} is dit programma de basis.", f"De gemeente {org.name} werkt hieraan."])
    if org.kind == "provincie":
        return rng.choice(
            [f"De provincie {org.name} investeert hierin.", f"Provinciale Staten van {org.name} stellen de kaders."]
        )
    return f"Het {_name_with_kind(org)} zorgt voor droge voeten."


def _other(org: Organisation, pool: list[Organisation], rng: random.Random) -> str:
    """A sentence naming another body as a partner or a source of money (not the writer)."""
    other = rng.choice([o for o in pool if o != org and o.kind == rng.choice(["gemeente", "provincie"])] or pool)
    if other == org:
        return ""
    if other.kind == "gemeente":
        return f"Wij werken samen met de gemeente {other.name}."
    return f"Dit gebeurt met subsidie van de {_name_with_kind(other)}."


def export(n: int, rng: random.Random) -> Export:
    year = rng.choice(YEARS)
    pool = bodies(year)
    org = rng.choice(pool)
    kind = rng.choice([k for k in DocumentKind if k.phase == k])
    number, title = str(rng.randint(0, 8)), rng.choice(PROGRAMMES)
    lasten, baten = rng.randint(1000, 99_999_999), rng.randint(0, 9_999_999)
    values = {
        "Lasten": [lasten, lasten + rng.randint(-999, 999)],
        "Baten": [baten, baten + rng.randint(0, 999)],
    }
    values["Saldo"] = [b - la for la, b in zip(values["Lasten"], values["Baten"], strict=True)]
    rows = [f"{label} {' '.join(_dutch(v) for v in vs)}" for label, vs in values.items()]
    lines = [
        rng.choice(TITLES[kind]).format(y=year),
        rng.choice(HEADINGS).format(n=number, t=title),
        "",
        "Inleiding",
        "",
        _voice(org, rng) + " " + _other(org, pool, rng),
        "",
        "Wat gaan we doen?",
        "",
        "- Onderhoud en uitvoering van het beleid",
        "- Overleg met inwoners en ondernemers",
        "",
        "Wat mag het kosten?",
        "",
        f"Omschrijving Raming {year} Raming {year + 1}",
        *rows,
        "",
    ]
    return Export(f"{n:04d}.txt", "\n".join(lines), org, kind, year, (number, title), values)


def exports(count: int, seed: int = 10) -> list[Export]:
    rng = random.Random(seed)
    return [export(n, rng) for n in range(count)]


def _dutch(value: int) -> str:
    return ("-" if value < 0 else "") + f"{abs(value):,}".replace(",", ".")
