"""How finance tables are explained and charted, and how statuses and sections are arranged."""

from __future__ import annotations

from typing import Any

import pytest

from generator.models import FinanceTable
from generator.reference import statuses
from generator.reference.statuses import status_level
from generator.render.charts import chart, charts
from generator.render.finance import computed_saldo, effect, headline_saldo, sign_notes


def table(
    rows: list[tuple[str, str | None, list[Any]]], columns: list[str] | None = None, unit: int = 1000
) -> FinanceTable:
    kinds = columns or ["amount"] * len(rows[0][2])
    return FinanceTable.model_validate(
        {
            "caption": "Lasten, baten en saldo",
            "unit": unit,
            "columns": [{"label": f"Kolom {i + 1}", "kind": kind} for i, kind in enumerate(kinds)],
            "rows": [{"label": label, "role": role, "values": values} for label, role, values in rows],
        }
    )


# The three layouts of the seed exports.
OUDE_IJSSELSTREEK = table(
    [("Baten", "baten", [657, 835, 1035, 201]), ("Lasten", "lasten", [5543, 5576, 5854, 278]),
     ("Saldo", "saldo", [-4886, -4741, -4818, -77])]
)  # fmt: skip
HILLEGOM = table(
    [("Lasten", "lasten", [-2113000, 3.8]), ("Baten", "baten", [508000, 1.1])], ["amount", "percentage"], unit=1
)
MODERNE_OVERHEID = table(
    [
        ("Programma Moderne Overheid 2021", None, [110000, 93720, 0, 16280]),
        ("Totaal", "totaal", [110000, 93720, 0, 16280]),
    ],
    unit=1,
)


def keys(t: FinanceTable) -> list[str]:
    return [note.key for note in sign_notes(t)]


def test_sign_convention_is_derived_from_the_numbers() -> None:
    assert keys(OUDE_IJSSELSTREEK) == ["unit", "lasten_positive", "saldo_baten_minus_lasten"]
    assert keys(HILLEGOM) == ["lasten_negative", "saldo_computed"]
    assert keys(MODERNE_OVERHEID) == ["as_printed"]
    negative_saldo = table([("Lasten", "lasten", [-100]), ("Baten", "baten", [30]), ("Saldo", "saldo", [-70])])
    assert keys(negative_saldo) == ["unit", "lasten_negative", "saldo_baten_plus_lasten"]
    cost_saldo = table([("Lasten", "lasten", [100]), ("Baten", "baten", [30]), ("Saldo", "saldo", [70])])
    assert keys(cost_saldo)[-1] == "saldo_lasten_minus_baten"
    unrelated = table([("Lasten", "lasten", [100]), ("Baten", "baten", [30]), ("Saldo", "saldo", [5])])
    assert keys(unrelated) == ["unit", "lasten_positive"]
    mixed = table([("Lasten", "lasten", [100, -5]), ("Baten", "baten", [30, 3])])
    assert "lasten_mixed" in keys(mixed)
    assert keys(table([("Correctie", None, [-5])], unit=1)) == ["as_printed_negative"]


def test_unit_note_names_a_real_amount_in_whole_euros() -> None:
    note = sign_notes(OUDE_IJSSELSTREEK)[0]
    assert (note.example, note.euros) == (657, 657_000)
    assert sign_notes(table([("Lasten", "lasten", [None, -12345])]))[0].euros == 12_345_000


def test_chart_compares_lasten_and_baten_by_size_per_total_column() -> None:
    c = chart(OUDE_IJSSELSTREEK)
    assert c is not None and c.by_size and c.kind == "totals"
    assert [g.label for g in c.groups] == ["Kolom 1", "Kolom 2", "Kolom 3", "Kolom 4"]
    assert c.series == ["Baten", "Lasten"]  # saldo is not a bar: it is the difference
    rekening = c.groups[2]
    assert [b.value for b in rekening.bars] == [1035, 5854]
    assert [b.euros for b in rekening.bars] == [1_035_000, 5_854_000]  # the labels carry the unit
    assert rekening.bars[1].width == 100.0  # the largest amount fills the width
    assert rekening.bars[0].width == pytest.approx(1035 / 5854 * 100, abs=0.01)
    hillegom = chart(HILLEGOM)
    assert hillegom is not None and len(hillegom.groups) == 1  # percentages are not charted
    lasten, baten = hillegom.groups[0].bars
    assert lasten.value == -2113000 and lasten.x == 0 and lasten.width == 100.0  # printed negative, drawn by size
    assert baten.width == pytest.approx(508000 / 2113000 * 100, abs=0.01)


JAARVERSLAG = FinanceTable.model_validate(
    {
        "caption": "Wat heeft het gekost?",
        "unit": 1000,
        "columns": [
            {"label": "Begroot na wijziging 2021"},
            {"label": "Rekening 2021"},
            {"label": "Afwijking (tov begroot na wijziging)"},
        ],
        "rows": [
            {"label": "Baten", "role": "baten", "values": [835, 1035, 201]},
            {"label": "Lasten", "role": "lasten", "values": [5576, 5854, 278]},
            {"label": "Saldo", "role": "saldo", "values": [-4741, -4818, -77]},
        ],
    }
)


def test_differences_get_their_own_chart_with_voordelig_or_nadelig() -> None:
    totals, differences = charts(JAARVERSLAG)
    assert totals.kind == "totals" and [g.label for g in totals.groups] == [
        "Begroot na wijziging 2021",
        "Rekening 2021",
    ]
    assert max(b.width for g in totals.groups for b in g.bars) == 100.0  # own scale, not shared with the afwijking
    assert differences.kind == "differences" and differences.columns == ["Afwijking (tov begroot na wijziging)"]
    bars = {b.label: b for b in differences.groups[0].bars}
    assert (bars["Baten"].effect, bars["Lasten"].effect, bars["Saldo"].effect) == ("voordelig", "nadelig", "nadelig")
    assert bars["Lasten"].x + bars["Lasten"].width == 100.0 and bars["Saldo"].x + bars["Saldo"].width == pytest.approx(
        differences.zero
    )
    # Lasten printed negative: a more negative lasten is more cost, still nadelig.
    negative = JAARVERSLAG.model_copy(deep=True)
    negative.rows[1].values = [-5576, -5854, -278]
    assert effect(negative, negative.rows[1], 2) == "nadelig"
    # An afwijking printed as begroting minus rekening: the sign flips, the verdict does not.
    flipped = JAARVERSLAG.model_copy(deep=True)
    for row in flipped.rows:
        row.values[2] = -row.values[2]  # type: ignore[operator]
    assert [effect(flipped, row, 2) for row in flipped.rows] == ["voordelig", "nadelig", "nadelig"]
    notes = [n for n in sign_notes(JAARVERSLAG) if n.key == "difference"]
    assert notes[0].columns == ("Afwijking (tov begroot na wijziging)", "Rekening 2021", "Begroot na wijziging 2021")


def test_a_difference_that_the_numbers_do_not_explain_gets_no_verdict() -> None:
    odd = JAARVERSLAG.model_copy(deep=True)
    odd.rows[0].values[2] = 999
    assert effect(odd, odd.rows[0], 2) is None
    assert "difference_unknown" in [n.key for n in sign_notes(odd)]


def test_one_row_is_one_chart_with_a_bar_per_column() -> None:
    c = chart(MODERNE_OVERHEID)
    assert c is not None and len(c.groups) == 1
    assert [b.label for b in c.groups[0].bars] == ["Kolom 1", "Kolom 2", "Kolom 3", "Kolom 4"]
    assert [b.value for b in c.groups[0].bars] == [110000, 93720, 0, 16280]


def test_saldo_is_computed_only_where_the_source_has_lasten_and_baten_but_no_saldo() -> None:
    assert computed_saldo(HILLEGOM) == [-1605000, None]
    assert computed_saldo(OUDE_IJSSELSTREEK) is None  # printed already
    assert computed_saldo(MODERNE_OVERHEID) is None
    positive = table([("Lasten", "lasten", [100]), ("Baten", "baten", [30])])
    assert computed_saldo(positive) == [-70]
    headline = headline_saldo([HILLEGOM])
    assert headline is not None and (headline.euros, headline.computed) == (-1605000, True)
    printed = headline_saldo([JAARVERSLAG])
    assert printed is not None and (printed.column, printed.euros, printed.computed) == (
        "Rekening 2021",
        -4818000,
        False,
    )


def test_chart_of_other_rows_is_signed_around_a_zero_line() -> None:
    t = table([("Budget", None, [100, -50]), ("Correctie", None, [-50, None]), ("Totaal", "totaal", [50, -50])])
    c = chart(t)
    assert c is not None and not c.by_size
    assert c.series == ["Budget", "Correctie"]
    assert c.zero == pytest.approx(100 / 3, abs=0.01)
    budget, correctie = c.groups[0].bars
    assert budget.x == c.zero and correctie.x + correctie.width == pytest.approx(c.zero, abs=0.01)
    missing = c.groups[1].bars[1]
    assert missing.value is None and missing.width == 0


def test_no_chart_without_amounts() -> None:
    assert chart(table([("Klachten", None, ["binnen termijn", 2.5])], ["text", "percentage"])) is None
    assert chart(table([("Leeg", None, [None, 0])])) is None


@pytest.mark.parametrize(
    ("printed", "level"),
    [("G", "green"), ("groen", "green"), ("Groen.", "green"), (" O ", "orange"), ("Oranje", "orange"),
     ("R", "red"), ("ROOD", "red"), ("Volgens verwachting", None), ("", None), (None, None)],
)  # fmt: skip
def test_status_levels(printed: str | None, level: str | None) -> None:
    assert status_level(printed) == level


def test_every_traffic_light_the_importer_takes_has_a_level() -> None:
    assert all(status_level(word) is not None for word in statuses.PRINTED)
