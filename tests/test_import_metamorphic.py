"""Metamorphic test of the rule above all: every finance table of the bundled examples, written out again as
real pages write tables (one row per line, one cell per paragraph, pipes), with the unit statement moved
(its own line, the lead sentence, the first header cell, or missing), rows re-signed, cells glued and the page
cut off anywhere, is imported either exactly (printed number × unit, under its row and column) or with a
warning. Never a wrong number in silence."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.pipeline import ImportOptions, import_text

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ImportOptions(publisher="Lisse", kind="jaarverslag", year=2021)


def example_tables() -> list[tuple[int, list[str], list[tuple[str, list[int]]]]]:
    """(unit, column labels, rows) of every amount column of every table in the bundled content/."""
    out = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        for table in front.get("finance") or []:
            amount = [n for n, c in enumerate(table["columns"]) if c["kind"] == "amount"]
            labels = [table["columns"][n]["label"] for n in amount]
            rows = [(r["label"], [int(r["values"][n]) for n in amount]) for r in table["rows"]]
            if amount and all(all(v is not None for v in vs) for _, vs in rows):
                out.append((table["unit"], labels, rows))
    return out


TABLES = example_tables()
UNIT_TEXT = {1: "Bedragen in €", 1000: "Bedragen x € 1.000"}


def dutch(value: int, parentheses: bool) -> str:
    digits = f"{abs(value):,}".replace(",", ".")
    if value < 0:
        return f"({digits})" if parentheses else f"-{digits}"
    return digits


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, int, list[str], dict[str, list[int]], bool]:
    unit, labels, rows = draw(st.sampled_from(TABLES))
    signs = {label: draw(st.sampled_from([1, -1])) for label, _ in rows}
    truth = {label: [v * signs[label] for v in values] for label, values in rows}
    parentheses = draw(st.booleans())
    layout = draw(st.sampled_from(["rows", "cells", "pipes"]))
    where = draw(st.sampled_from(["line", "lead", "header", "none"]))
    statement = UNIT_TEXT[unit]
    header = [statement if where == "header" else "Omschrijving", *labels]
    body = [[label, *(dutch(v, parentheses) for v in truth[label])] for label, _ in rows]
    if layout == "rows":
        lines = ["    ".join(header), *(" ".join(cells) for cells in body)]
        if draw(st.booleans()):  # glue the first value of one row to its label
            n = draw(st.integers(0, len(body) - 1))
            lines[n + 1] = body[n][0] + " ".join(body[n][1:])
        table = "\n".join(lines)
    elif layout == "cells":
        table = "\n\n".join(cell for cells in [header, *body] for cell in cells)
    else:
        table = "\n".join(["| " + " | ".join(header) + " |", "|---" * len(header) + "|"])
        table += "\n" + "\n".join("| " + " | ".join(cells) + " |" for cells in body)
    lead = {"line": statement + "\n\n", "lead": f"De tabel toont de cijfers ({statement.lower()}).\n\n"}.get(where, "")
    text = f"Programma 1 Bestuur\n\nWat heeft het gekost?\n\n{lead}{table}"
    stated = where != "none"
    if draw(st.booleans()):
        return text[: draw(st.integers(len(text) - len(table), len(text)))], unit, labels, truth, stated
    return text + "\n\nTekst na de tabel.\n", unit, labels, truth, stated


@settings(max_examples=300, deadline=None)
@given(pages())
def test_every_example_table_rewritten_is_exact_or_warned(
    page: tuple[str, int, list[str], dict[str, list[int]], bool],
) -> None:
    text, unit, labels, truth, stated = page
    result = import_text(text, "t.txt", FLAGS)
    wrong = []
    for table in result.tables:
        if [c.label for c in table.columns] != labels[: len(table.columns)] or len(table.columns) != len(labels):
            wrong.append(("columns", [c.label for c in table.columns]))
            continue
        for row in table.rows:
            for n, value in enumerate(row.values):
                if value is not None and (row.label not in truth or table.euros(value) != truth[row.label][n] * unit):
                    wrong.append((row.label, n, value, table.unit))
    assert not wrong or result.warnings, (text, wrong)
    if result.tables and not stated:
        assert all(t.unit == 1 for t in result.tables)  # no statement: only seven-digit whole euros are taken
