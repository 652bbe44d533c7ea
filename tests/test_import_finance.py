"""Dutch numbers, finance-table layouts beyond the seeds, and the arithmetic checks."""

from __future__ import annotations

import pytest

from generator.importer import numbers
from generator.importer.pipeline import ImportOptions, import_text
from tests.importing import seed

FLAGS = ImportOptions(publisher="GM0553", kind="begroting", year=2022)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("2.394.855", 2394855, "amount"),
        ("3,8 %", 3.8, "percentage"),
        ("3,8\u00a0%", 3.8, "percentage"),
        ("-2.113.000", -2113000, "amount"),
        ("\u22122.113", -2113, "amount"),
        ("(4.886)", -4886, "amount"),
        ("N 31.393", -31393, "amount"),
        ("V 1.200", 1200, "amount"),
        ("€ 155.000", 155000, "amount"),
        ("0", 0, "amount"),
    ],
)
def test_dutch_numbers(text: str, value: float, kind: str) -> None:
    parsed = numbers.parse(text)
    assert parsed is not None and parsed.value == value and parsed.kind == kind


def test_thousands_of_euros_and_non_numbers() -> None:
    parsed = numbers.parse("k€ 444")
    assert parsed is not None and parsed.value * parsed.scale == 444_000
    for text in ("1.5", "Lasten", "(12", "3,8 % %", "12-3"):
        assert numbers.parse(text) is None


def test_units_and_glued_cells() -> None:
    assert numbers.multiplier("Bedragen x 1.000") == 1000
    assert numbers.multiplier("(x € 1.000)") == 1000
    assert numbers.multiplier("(€)") == 1
    assert numbers.split_glued("34.87935.605") == ["34.879", "35.605"]
    assert numbers.split_glued("657835") is None  # ambiguous without thousands dots


def only_table(text: str) -> tuple[list[list[object]], list[str]]:
    result = import_text(text, "t.txt", FLAGS)
    assert len(result.tables) == 1, result.warnings
    table = result.tables[0]
    return [[r.label, *r.values] for r in table.rows], [w.message for w in result.warnings]


def test_glued_rows() -> None:
    rows, warnings = only_table(
        "Programma 1 Veiligheid\n\nWat mag het kosten?\n\n"
        "Bedragen x € 1.000 Begroting 2022 Begroting 2023\nLasten34.87935.605\nBaten1.2001.150\n"
    )
    assert rows == [["Lasten", 34879, 35605], ["Baten", 1200, 1150]]
    assert warnings == []
    (table,) = import_text(
        "Programma 1 Veiligheid\n\nWat mag het kosten?\n\n"
        "Bedragen x € 1.000 Begroting 2022 Begroting 2023\nLasten34.87935.605\nBaten1.2001.150\n",
        "t.txt",
        FLAGS,
    ).tables
    assert (table.unit, table.row_header) == (1000, "Bedragen x € 1.000")
    assert [c.label for c in table.columns] == ["Begroting 2022", "Begroting 2023"]


def test_pipe_table_with_a_short_row() -> None:
    result = import_text(
        "Programma 2 Wonen\n\nFinanciën\n\n| Bedragen x € 1.000 | Begroting 2022 | Rekening 2022 |\n"
        "|---|---|---|\n| Lasten | 1.000 | 1.100 |\n| Baten | 400 |\n",
        "t.txt",
        FLAGS,
    )
    (table,) = result.tables
    assert [c.label for c in table.columns] == ["Begroting 2022", "Rekening 2022"]
    # One value for two columns: which one is empty the row does not say. Left out, kept as text, warned.
    assert [r.values for r in table.rows] == [[1000, 1100]]
    assert any("1 waarden voor 2 kolommen" in w.message and w.line == 8 for w in result.warnings)
    assert result.text is not None and "\n| Baten | 400 |\n" in result.text
    assert table.section == "Financiën"


def test_nadeel_voordeel_column() -> None:
    rows, _ = only_table(
        "Programma 2 Wonen\n\nAfwijkingen\n\n(bedragen x € 1.000)\nOmschrijving Begroting 2022 Rekening 2022 Verschil\n"
        "Lasten 40.000 71.393 N 31.393\nBaten 5.000 6.200 V 1.200\n"
    )
    # N/V printed with the amount: the amount as printed (unsigned) and the mark beside it, never a sign we chose.
    assert rows == [["Lasten", 40000, 71393, 31393, "N"], ["Baten", 5000, 6200, 1200, "V"]]


def test_003_table_rounding_is_not_warned_but_a_wrong_number_is() -> None:
    text = seed("003").read_text(encoding="utf-8")
    options = ImportOptions(publisher="Oude IJsselstreek")
    assert import_text(text, "003.txt", options).warnings == []
    wrong_saldo = text.replace("(4.818)", "(4.828)")
    warnings = import_text(wrong_saldo, "003.txt", options).warnings
    assert len(warnings) == 2  # saldo = baten - lasten, and the Afwijking column
    assert all(w.line == 42 for w in warnings)
    assert "baten − lasten" in warnings[0].message or "baten − lasten" in warnings[1].message
    wrong_afwijking = text.replace("278\n", "287\n")
    (warning,) = import_text(wrong_afwijking, "003.txt", options).warnings
    assert "Afwijking" in warning.message and warning.line == 41


def test_002_saldo_columns_and_total_are_checked() -> None:
    text = seed("002").read_text(encoding="utf-8")
    options = ImportOptions(kind="voortgangsrapportage", year=2022)
    assert import_text(text, "002.txt", options).warnings == []
    mutated = text.replace("16.280", "16.380", 1)
    messages = [w.message for w in import_text(mutated, "002.txt", options).warnings]
    assert any("beschikbaar − uitgaven − verplichtingen" in m for m in messages)
    assert any("de som van de rijen erboven" in m for m in messages)


def test_unrecognised_table_like_line_is_kept_with_a_warning() -> None:
    result = import_text("Programma 1 Veiligheid\n\nTabel\nwaarde 12 34 | 56 | x\n", "t.txt", FLAGS)
    assert result.text is not None and "waarde 12 34 | 56 | x" in result.text
    assert any("lijkt op een tabelrij" in w.message for w in result.warnings)
