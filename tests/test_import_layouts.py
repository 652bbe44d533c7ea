"""Table layouts of real platforms that the five examples lack, on small texts written for them: every number
exact, or the line kept as text with a warning naming it. Plus a property test: shuffling, truncating or
gluing an example table never yields a wrong number without a warning."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer import numbers
from generator.importer.pipeline import ImportOptions, ImportResult, import_text
from generator.models import FinanceTable

FLAGS = ImportOptions(publisher="Lisse", kind="jaarverslag", year=2022)
U = "Bedragen x € 1.000\n"
"""The unit statement a table needs before its numbers are published."""


def imported(table: str) -> ImportResult:
    return import_text(f"Programma 1 Bestuur\n\nWat heeft het gekost?\n\n{table}\nTekst na de tabel.\n", "t.txt", FLAGS)


def only(result: ImportResult) -> FinanceTable:
    (table,) = result.tables
    return table


def values(table: FinanceTable) -> dict[str, list[object]]:
    return {row.label: list(row.values) for row in table.rows}


def test_glued_cells_cut_at_thousands_dots() -> None:
    result = imported(U + "Omschrijving Begroting 2022 Begroting 2023\nLasten34.87935.605\nBaten1.2345.678\n")
    assert values(only(result)) == {"Lasten": [34879, 35605], "Baten": [1234, 5678]}


@pytest.mark.parametrize("line", ["Lasten34.879353", "Baten1.234,51.234", "Saldo1.23456"])
def test_ambiguous_glued_cells_are_text_with_a_warning(line: str) -> None:
    result = imported(f"Omschrijving Begroting 2022 Begroting 2023\n{line}\n")
    assert result.tables == []
    assert (6, True) in [(w.line, "geplakt" in w.message) for w in result.warnings]
    assert result.text is not None and line in result.text


def test_one_ambiguous_glued_row_refuses_the_whole_table() -> None:
    result = imported(
        "Omschrijving Begroting 2022 Begroting 2023\nLasten 34.879 35.605\nBaten1.234,51.234\nSaldo -33.645 -34.371\n"
    )
    assert result.tables == []
    assert [w.line for w in result.warnings] == [5, 6, 7, 8]  # every line of it kept as text, named
    assert "geplakt" in result.warnings[2].message


def test_pipe_table_with_two_header_rows_and_nil_cells() -> None:
    table = only(
        imported(
            "| Bedragen x € 1.000 | Begroting | | Realisatie |\n| | Primair | na wijziging | 2022 |\n"
            "|---|---|---|---|\n| Lasten | 1.000 | 1.100 | - |\n| Baten | 400 |  | 450 |\n"
        )
    )
    assert table.unit == 1000
    assert [c.label for c in table.columns] == ["Begroting Primair", "Begroting na wijziging", "Realisatie 2022"]
    assert values(table) == {"Lasten": [1000, 1100, None], "Baten": [400, None, 450]}


def test_pipe_table_with_three_header_rows() -> None:
    table = only(
        imported("| | Begroting | Rekening |\n| | 2022 | 2022 |\n| | (x € 1.000) | (x € 1.000) |\n| Lasten | 5 | 6 |\n")
    )
    assert [c.label for c in table.columns] == ["Begroting 2022 (x € 1.000)", "Rekening 2022 (x € 1.000)"]
    assert values(table) == {"Lasten": [5, 6]}


def test_space_run_rows_short_rows_and_unit_after_the_block() -> None:
    result = imported(
        "Omschrijving    Begroting 2022 na wijziging    Realisatie 2022\nLasten    1.000    1.100\nBaten    400\n"
        "bedragen * €1.000\n"
    )
    table = only(result)
    assert table.unit == 1000
    assert [c.label for c in table.columns] == ["Begroting 2022 na wijziging", "Realisatie 2022"]
    # Which column the one value of "Baten" belongs to the line does not say: the row is text, warned.
    assert values(table) == {"Lasten": [1000, 1100]}
    assert [w.line for w in result.warnings] == [7] and "Baten    400" not in (result.text or "")
    assert result.text is not None and "Baten 400" in result.text and result.uses[7] == "kept"


@pytest.mark.parametrize(
    ("unit_line", "unit"),
    [("(bedragen x € 1.000", 1000), ("x € 1000", 1000), ("x 1.000,-", 1000), ("schaal x € 1.000", 1000)],
)
def test_unit_variants_before_the_rows(unit_line: str, unit: int) -> None:
    table = only(imported(f"{unit_line}\nOmschrijving Begroting Rekening\nLasten 1.000 1.100\nBaten 400 450\n"))
    assert table.unit == unit and values(table) == {"Lasten": [1000, 1100], "Baten": [400, 450]}


def test_unit_inside_the_header() -> None:
    table = only(imported("Omschrijving Begroting 2022 Realisatie 2022 (x € 1000)\nLasten 1.000 1.100\nBaten 4 5\n"))
    assert table.unit == 1000 and [c.label for c in table.columns] == ["Begroting 2022", "Realisatie 2022"]


def test_full_euro_table_without_a_unit() -> None:
    assert only(imported("Omschrijving Begroting 2022 Realisatie 2022\nLasten 1.234.567 1.300.000\n")).unit == 1


def test_nadeel_voordeel_after_the_amount() -> None:
    result = imported(U + "Omschrijving Begroting Realisatie Afwijking\nLasten 1.000 1.200 200 N\nBaten 500 700 200 V")
    # The mark, not a sign, says which way the amount goes: the amount as printed, the mark in its own column.
    table = only(result)
    assert values(table) == {"Lasten": [1000, 1200, 200, "N"], "Baten": [500, 700, 200, "V"]}
    assert [c.label for c in table.columns][2:] == ["Afwijking", "Afwijking (N/V)"]
    assert [c.kind for c in table.columns] == ["amount", "amount", "amount", "text"]
    assert "N (nadeel) en V (voordeel)" in table.caption and result.warnings == []
    assert numbers.parse("-1.200 N") is None  # two signs: not a number


def test_card_layout() -> None:
    result = imported("Begroot €\n1.234.567\nGerealiseerd €\n1.300.000\nAfwijking €\n65.433\n")
    table = only(result)
    assert [c.label for c in table.columns] == ["Begroot", "Gerealiseerd", "Afwijking"]
    assert values(table) == {"Bedrag": [1234567, 1300000, 65433]} and table.unit == 1
    assert result.warnings == []  # Afwijking = Gerealiseerd - Begroot, checked


def test_chart_leftovers_are_dropped_with_a_note() -> None:
    result = imported(
        U + "Omschrijving Begroting 2022 Realisatie 2022\nLasten 34.879 35.605\nBaten 400 450\n\n€ 34.879.177\n100,0%\n"
    )
    assert values(only(result)) == {"Lasten": [34879, 35605], "Baten": [400, 450]}
    (warning,) = result.warnings
    assert warning.line == 10 and "'€ 34.879.177', '100,0%'" in warning.message
    assert result.text is not None and "34.879.177" not in result.text


def test_taakveld_codes_stay_in_the_row_label() -> None:
    table = only(
        imported(
            U + "Taakveld Begroting 2022 Realisatie 2022\n0.10 Mutaties reserves 1.000 1.100\n"
            "04.01 Huisvesting onderwijs 5 6\n"
        )
    )
    assert values(table) == {"0.10 Mutaties reserves": [1000, 1100], "04.01 Huisvesting onderwijs": [5, 6]}


def test_lasten_negative_is_kept_as_printed() -> None:
    table = only(
        imported(U + "Omschrijving Begroting Realisatie\nLasten -1.000 -1.100\nBaten 400 450\nSaldo -600 -650")
    )
    assert values(table)["Lasten"] == [-1000, -1100] and values(table)["Saldo"] == [-600, -650]


# The property: example tables, changed as real pages change them, never give a wrong number silently.
EXAMPLES = [
    (
        "Omschrijving Begroting 2022 Realisatie 2022",
        {"Lasten": [34879, 35605], "Baten": [1234, 5678], "Saldo": [-33645, -29927]},
    ),
    ("Omschrijving Begroting Rekening", {"Lasten": [5543, 5576], "Baten": [657, 835], "Saldo": [-4886, -4741]}),
    ("Programma 4 Primitief Actueel", {"Lasten": [120, 1200], "Baten": [20, 200], "Saldo": [-100, -1000]}),
]


def dutch(value: int) -> str:
    return ("-" if value < 0 else "") + f"{abs(value):,}".replace(",", ".")


UNITS = [("Bedragen x € 1.000", 1000), ("(bedragen x € 1.000,-)", 1000), ("x € 1 miljoen", 1_000_000)]


@st.composite
def changed(draw: st.DrawFn) -> tuple[str, dict[str, list[int]], int]:
    """An example table as real pages change it: rows in any order, cells glued, and the page text cut off
    anywhere (nothing follows a cut: the export stops there, without a line break)."""
    header, rows = draw(st.sampled_from(EXAMPLES))
    unit_line, unit = draw(st.sampled_from(UNITS))
    lines = [f"{label} {' '.join(dutch(v) for v in vs)}" for label, vs in rows.items()]
    order = draw(st.permutations(range(len(lines))))
    lines = [lines[n] for n in order]
    for _ in range(draw(st.integers(0, 2))):
        n = draw(st.integers(0, len(lines) - 1))
        spaces = [m.start() for m in re.finditer(" ", lines[n])]
        if spaces:
            at = draw(st.sampled_from(spaces))
            lines[n] = lines[n][:at] + lines[n][at + 1 :]
    text = "Programma 1 Bestuur\n\nWat heeft het gekost?\n\n" + unit_line + "\n" + header + "\n" + "\n".join(lines)
    if draw(st.booleans()):
        return text[: draw(st.integers(len(text) - len("\n".join(lines)), len(text)))], rows, unit
    return text + "\nTekst na de tabel.\n", rows, unit


def wrong_numbers(result: ImportResult, truth: dict[str, list[int]], unit: int) -> list[tuple[str, int, object]]:
    """Published amounts that are not the true value × the true unit, each with its row and column."""
    return [
        (row.label, n, value)
        for table in result.tables
        for row in table.rows
        for n, value in enumerate(row.values)
        if isinstance(value, int | float)
        and (row.label not in truth or n >= len(truth[row.label]) or table.euros(value) != truth[row.label][n] * unit)
    ]


@settings(max_examples=200, deadline=None)
@given(changed())
def test_changed_tables_never_give_a_wrong_number_without_a_warning(
    case: tuple[str, dict[str, list[int]], int],
) -> None:
    text, truth, unit = case
    result = import_text(text, "t.txt", FLAGS)
    wrong = wrong_numbers(result, truth, unit)
    assert not wrong or result.warnings, (text, wrong)
