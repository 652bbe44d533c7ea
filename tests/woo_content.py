"""Helpers for the Woo tests: content files written into throw-away projects, builds, and reading the output."""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from pathlib import Path

import yaml
from conftest import SEEDS, run_woosite
from lxml import etree

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
CIVIL_SERVANTS = ["Alexander van Mazijk", "Marian Rood"]


def seed_002_structure() -> list[tuple[str, str]]:
    """(role, person) lines of the "Programma structuur" block of seed 002, as the export prints them."""
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    roles = ("Bestuurlijk opdrachtgever", "Ambtelijk opdrachtgever", "Programma manager")
    found = []
    for line in seed.splitlines():
        for role in roles:
            if line.startswith(role):
                found.append((role, line[len(role) :].strip()))
    assert [r for r, _ in found] == list(roles), "seed 002 changed: the structure lines are not there"
    return found


def seed_002_document() -> str:
    """A content file made from seed 002 (Leidschendam-Voorburg, De Moderne Overheid) that names two civil
    servants in many places: text, a definition list, a heading, the page title, a table label, across a line
    break and in capitals."""
    structure = "\n\n".join(f"{role}\n: {person}" for role, person in seed_002_structure())
    return f"""---
publisher: Leidschendam-Voorburg
kind: voortgangsrapportage
year: 2023
programme:
  title: De Moderne Overheid
title: De Moderne Overheid, opdrachtgever Alexander van Mazijk
description: Voortgang van het programma De Moderne Overheid van Marian Rood.
dates: {{created: 2022-02-24, adopted: 2022-03-15}}
source: {{file: 002_27e3d451c4843a75.txt, exported: 2022-02-24T13:10:49, generated: 2022-02-24T15:42:33}}
finance:
  - caption: Financiën (bijgehouden door Marian Rood)
    unit: 1
    row_header: Omschrijving
    section: Financiën
    columns:
      - {{label: Beschikbaar, kind: amount}}
      - {{label: Uitgaven, kind: amount}}
      - {{label: Verplichtingen, kind: amount}}
      - {{label: Saldo, kind: amount}}
    rows:
      - {{label: Programma Moderne Overheid 2021, values: [110000, 93720, 0, 16280]}}
      - {{label: Inhuur advies Marian Rood, values: [0, 0, 0, 0]}}
      - {{label: Totaal, role: totaal, values: [110000, 93720, 0, 16280]}}
---
Het programma richt zich in 2022 op de invoering van de Wet Open Overheid.

## Programma structuur

{structure}

## Overleg met Marian Rood

Vragen over het programma gaan naar Alexander van
Mazijk of naar MARIAN ROOD.

## Financiën

Stand 1 januari 2022.
"""


def small_document(number: int, title: str = "Bestuur en ondersteuning", text: str = "Wat we doen.") -> str:
    """A minimal programme of Lisse's begroting 2020 (the example content has 2021) with a table in thousands."""
    return f"""---
publisher: Lisse
kind: begroting
year: 2020
programme: {{number: "{number}", title: {title}}}
finance:
  - caption: Lasten, baten en saldo
    unit: 1000
    columns: [{{label: Begroting 2021, kind: amount}}, {{label: Aandeel, kind: percentage}}]
    rows:
      - {{label: Lasten, role: lasten, values: [-2113, 12.5]}}
      - {{label: Baten, role: baten, values: [1.5, null]}}
      - {{label: Saldo, role: saldo, values: [-2111.5, 3]}}
---
## Wat willen we bereiken?

{text}
"""


def write_content(project: Path, relative: str, text: str) -> Path:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def set_config(project: Path, **values: object) -> None:
    """Change top-level fields of the project's site.yaml."""
    config_file = project / "site.yaml"
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    data.update(values)
    config_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build(project: Path, *extra: str, out: Path | None = None) -> Path:
    """Build a project with the real command line; return the site folder."""
    site = out or project / "site"
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(site), *extra)
    assert result.returncode == 0, result.stderr
    return site


def diwoo_sitemaps(site: Path) -> list[Path]:
    """The urlset files reached from robots.txt through the DiWoo index files (following the real chain)."""
    found = []
    for line in (site / "robots.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("Sitemap:"):
            name = line.split("/")[-1]
            if re.fullmatch(r"sitemapindex-diwoo-infocat\d{3}\.xml", name):
                index = etree.parse(str(site / name))
                found += [site / loc.text.rsplit("/", 1)[1] for loc in index.iter(f"{SITEMAP}loc")]
    return found


def lastmods(site: Path) -> dict[str, str]:
    """loc -> lastmod of every entry in the DiWoo sitemaps."""
    result = {}
    for sitemap in diwoo_sitemaps(site):
        for url in etree.parse(str(sitemap)).iter(f"{SITEMAP}url"):
            result[url.findtext(f"{SITEMAP}loc")] = url.findtext(f"{SITEMAP}lastmod")
    return result


def all_text(site: Path) -> dict[Path, str]:
    """Every file of a built site as text (bytes decoded leniently; a workbook's sheets unzipped), for grepping."""
    return {p: unpacked(p.read_bytes()).decode("utf-8", errors="ignore") for p in site.rglob("*") if p.is_file()}


def unpacked(raw: bytes) -> bytes:
    """A file's bytes as a reader gets them: gzip (search fragments) unpacked, a zip archive's (a workbook's)
    members after its bytes; compressed text cannot be grepped as it lies."""
    if raw.startswith(b"\x1f\x8b"):
        return gzip.decompress(raw)
    if not raw.startswith(b"PK\x03\x04"):
        return raw
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return b"\n".join([raw, *(archive.read(name) for name in archive.namelist())])
