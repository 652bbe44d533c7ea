"""One-cell-per-paragraph tables and the unit rule, on small texts written for each layout real pages use:
every published number is the printed number times a unit the page (or the editor) states, or the table is
kept as text with a warning naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.pipeline import ImportOptions, ImportResult, import_text
from generator.models import FinanceTable
from tests.conftest import run_woosite

FLAGS = ImportOptions(publisher="Lisse", kind="begroting", year=2020)


def paragraphs(*cells: str) -> str:
    """One cell per paragraph, as the platforms export a table."""
    return "\n\n".join(cells) + "\n"


def imported(text: str, options: ImportOptions = FLAGS) -> ImportResult:
    return import_text(
        f"Programma 3 Sociaal domein\n\nWat gaat het kosten?\n\n{text}\nTekst na de tabel.\n", "t.txt", options
    )


def only(result: ImportResult) -> FinanceTable:
    (table,) = result.tables
    return table


def grid(table: FinanceTable) -> dict[str, list[object]]:
    return {row.label: list(row.values) for row in table.rows}


YEARS = ["2019", "2020", "2021"]
ROWS = ["Lasten", "26.138", "26.377", "25.281", "Baten", "5.916", "5.705", "5.119"]


def test_unit_paragraph_above_a_header_of_years() -> None:
    table = only(imported(paragraphs("(bedragen x € 1.000)", *YEARS, *ROWS)))
    assert [c.label for c in table.columns] == YEARS and table.unit == 1000
    assert grid(table) == {"Lasten": [26138, 26377, 25281], "Baten": [5916, 5705, 5119]}


@pytest.mark.parametrize(
    "lead",
    [
        "De tabel toont de lasten en baten over 2019 tot 2021 (schaal x € 1.000).",
        "Bedragen € 1.000",
        "bedragen x € 1.000,-",
        "(x 1.000 euro)",
        "Bedragen * € 1.000",
    ],
)
def test_unit_stated_in_any_of_the_ways_pages_state_it(lead: str) -> None:
    result = imported(paragraphs(lead, "Omschrijving", *YEARS, *ROWS))
    assert only(result).unit == 1000 and grid(only(result))["Lasten"] == [26138, 26377, 25281]


def test_no_unit_keeps_the_table_as_text_and_says_what_to_add() -> None:
    result = imported(paragraphs("Omschrijving", *YEARS, *ROWS))
    assert result.tables == []
    (warning,) = result.warnings
    assert warning.line == 5 and "geen eenheid" in warning.message and "--unit" in warning.hint
    assert result.text is not None and "26.138" in result.text  # the text is kept, as printed
    assert {result.uses[n] for n in range(5, 28, 2)} == {"kept"}


def test_the_editor_gives_the_unit() -> None:
    result = imported(paragraphs("Omschrijving", *YEARS, *ROWS), ImportOptions(**{**FLAGS.__dict__, "unit": 1000}))
    assert only(result).unit == 1000 and result.warnings == []


def test_seven_digit_whole_amounts_are_euros_without_a_statement() -> None:
    table = only(
        imported(paragraphs("Omschrijving", "2020", "2021", "Lasten", "2.113.000", "2.200.000", "Baten", "508", "0"))
    )
    assert table.unit == 1 and grid(table)["Lasten"] == [2113000, 2200000]


def test_header_cells_wrapped_over_two_lines_codes_and_group_rows() -> None:
    text = paragraphs(
        "Bedragen x € 1.000",
        "Programma",
        "Taakveld",
        "Begroting\n2018",
        "Begroting na wijziging\n2018",
        "Rekening",
        "1 Ruimtelijke ontwikkeling",
        "0.10  Mutaties reserves",
        "-",
        "2.815",
        "2.755",
        "3.1  Economische ontwikkeling",
        "1.064",
        "406",
        "339",
        "2 Wonen",
        "8.1  Ruimtelijke ordening",
        "772",
        "744",
        "773",
    )
    table = only(imported(text))
    assert [c.label for c in table.columns] == ["Begroting 2018", "Begroting na wijziging 2018", "Rekening"]
    assert table.row_header == "Programma Taakveld"
    assert grid(table) == {
        "1 Ruimtelijke ontwikkeling": [None, None, None],
        "0.10 Mutaties reserves": [None, 2815, 2755],
        "3.1 Economische ontwikkeling": [1064, 406, 339],
        "2 Wonen": [None, None, None],
        "8.1 Ruimtelijke ordening": [772, 744, 773],
    }


def test_code_in_a_cell_of_its_own_goes_with_the_label() -> None:
    text = paragraphs(
        "x € 1.000", "Taakveld", "2020", "2021", "6.1", "Samenkracht", "1.200", "1.300", "6.2", "Wijkteams", "5", "6"
    )
    assert grid(only(imported(text))) == {"6.1 Samenkracht": [1200, 1300], "6.2 Wijkteams": [5, 6]}


def test_header_rows_that_span_the_columns() -> None:
    header = ["Programma", "Rekening 2019", "Begroting 2020", "Lasten", "Baten", "Saldo", "Lasten", "Baten", "Saldo"]
    text = paragraphs("bedragen x € 1.000", *header, "Programma 0", "1.104", "340", "764", "1.217", "227", "991")
    table = only(imported(text))
    assert [c.label for c in table.columns] == [
        "Rekening 2019 / Lasten",
        "Rekening 2019 / Baten",
        "Rekening 2019 / Saldo",
        "Begroting 2020 / Lasten",
        "Begroting 2020 / Baten",
        "Begroting 2020 / Saldo",
    ]
    assert grid(table) == {"Programma 0": [1104, 340, 764, 1217, 227, 991]}


def test_nadeel_voordeel_cells_are_kept_as_printed_beside_the_amount() -> None:
    text = paragraphs(
        "bedragen x € 1.000",
        "Rekening 2017",
        "Rekening 2018",
        "Sport",
        "7.229",
        "N",
        "7.678",
        "N",
        "Cultuur",
        "366",
        "V",
        "181",
        "V",
    )
    table = only(imported(text))
    assert [c.label for c in table.columns] == [
        "Rekening 2017",
        "Rekening 2017 (N/V)",
        "Rekening 2018",
        "Rekening 2018 (N/V)",
    ]
    assert grid(table) == {"Sport": [7229, "N", 7678, "N"], "Cultuur": [366, "V", 181, "V"]}
    assert "N (nadeel) en V (voordeel)" in table.caption


def test_a_row_cut_off_where_the_page_stops_is_left_out_with_a_warning() -> None:
    text = "Programma 3 Sociaal domein\n\n" + paragraphs(
        "bedragen x € 1.000", *YEARS, *ROWS, "Saldo", "-20.222", "-20.6"
    )
    result = import_text(text.rstrip("\n"), "t.txt", FLAGS)
    table = only(result)
    assert list(grid(table)) == ["Lasten", "Baten"]
    assert any("afgebroken" in w.message and w.line == 27 for w in result.warnings)


def test_a_row_with_a_dropped_empty_cell_is_left_out_as_text() -> None:
    text = paragraphs("bedragen x € 1.000", *YEARS, *ROWS, "Reserves", "4", "5", "Overig", "7", "8", "9")
    result = imported(text)
    assert grid(only(result)) == {"Lasten": [26138, 26377, 25281], "Baten": [5916, 5705, 5119], "Overig": [7, 8, 9]}
    (warning,) = result.warnings
    assert warning.line == 29 and "2 waarden voor 3 kolommen" in warning.message
    assert result.text is not None and "Reserves\\\n4\\\n5" in result.text


def test_rows_without_a_common_width_are_not_guessed() -> None:
    text = paragraphs("bedragen x € 1.000", *YEARS, "Lasten", "1", "2", "3", "Baten", "4", "5", "Saldo", "7", "8")
    result = imported(text + "\n" + paragraphs("Reserves", "1", "2", "3"))
    assert result.tables == []
    assert [w.line for w in result.warnings] == [5] and "evenveel waarden" in result.warnings[0].message


def test_a_sub_page_takes_its_own_title_as_chapter() -> None:
    result = import_text(
        "Begroting 2020\n\nOverzicht baten en lasten\n\nTekst.\n", "t.txt", ImportOptions(publisher="Lisse")
    )
    assert result.programme is not None and result.programme.title == "Overzicht baten en lasten"
    assert result.kind is not None and result.year == 2020
    assert any("paginatitel" in w.message and w.line == 3 for w in result.warnings)


def test_every_document_kind_of_the_cycle_is_accepted(tmp_path: Path) -> None:
    export = tmp_path / "notitie.txt"
    export.write_text("Financiën\n\nDe begrotingsnotitie in het kort.\n", encoding="utf-8")
    content = tmp_path / "content"
    done = run_woosite(
        "import",
        str(export),
        "--publisher",
        "Uden",
        "--kind",
        "begrotingsnotitie",
        "--year",
        "2017",
        "--content",
        str(content),
    )
    assert done.returncode == 0, done.stderr
    (written,) = content.rglob("*.md")
    assert "kind: begrotingsnotitie" in written.read_text(encoding="utf-8")


def test_pipe_table_under_a_unit_only_row_with_group_rows() -> None:
    text = (
        "Bedragen € 1.000 | |||\n"
        "Programma | Begroting 2023 | Begroting 2024 |\n---|---|---|\n"
        "Lasten | ||\n1. Bestuur | -8.713 | -8.749 |\nBaten | ||\n1. Bestuur | 514 | 514 |\n"
    )
    result = imported(text)
    table = only(result)
    assert table.unit == 1000 and [c.label for c in table.columns] == ["Begroting 2023", "Begroting 2024"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Lasten", [None, None]),
        ("1. Bestuur", [-8713, -8749]),
        ("Baten", [None, None]),
        ("1. Bestuur", [514, 514]),
    ]
    assert result.warnings == []


def test_pipe_header_shifted_against_its_values_is_not_published() -> None:
    result = imported(
        "| bedragen x € 1.000 | |||\n|---|---|---|---|\n"
        "| begroting | realisatie | resultaat | |\n| Beheer | 1.720 | 1.720 | 0 |\n"
    )
    assert result.tables == []
    assert "geen kop" in result.warnings[0].message and result.warnings[0].line == 7  # the header row


def test_pipe_row_of_percentages_is_left_out_of_an_amount_table() -> None:
    result = imported(
        "(bedragen x € 1.000) | ||\n---|---|---|\nNorm | 2025 | 2026 |\n"
        "Totaal | 230.150 | 237.153 |\nPercentage | 30% | 30% |\n"
    )
    assert grid(only(result)) == {"Totaal": [230150, 237153]}
    assert any("percentages" in w.message and w.line == 9 for w in result.warnings)


def test_a_page_that_opens_with_prose_takes_its_first_heading() -> None:
    text = "Dit overzicht vat de cijfers samen.\n\nStructureel evenwicht\n\nDe begroting is in evenwicht.\n"
    result = import_text(text, "t.txt", FLAGS)
    assert result.programme is not None and result.programme.title == "Structureel evenwicht"


def test_row_layout_with_a_header_of_years_and_a_percentage_row() -> None:
    result = imported(
        "(bedragen x € 1.000)\nRenterisiconorm 2025 2026 2027\n1. Begrotingstotaal 230.150 237.153 244.104\n"
        "2. Vastgesteld percentage 30% 30% 30%\n3. Renterisiconorm (30% van 1.) 69.045 71.146 73.231\n"
    )
    table = only(result)
    assert table.row_header == "Renterisiconorm" and [c.label for c in table.columns] == ["2025", "2026", "2027"]
    assert grid(table) == {
        "1. Begrotingstotaal": [230150, 237153, 244104],
        "3. Renterisiconorm (30% van 1.)": [69045, 71146, 73231],
    }
    assert [w.line for w in result.warnings] == [8] and "percentages" in result.warnings[0].message


def test_a_label_beside_a_year_is_a_heading_not_a_row_of_euros() -> None:
    result = imported("Bedragen x € 1.000\nRekening 2021\nBegroting 2022\n")
    assert result.tables == []


def test_rows_under_a_header_of_years_with_group_lines_and_years_in_labels() -> None:
    result = imported(
        "2026 2027 2028\nSaldo Begroting 2025 -5.639.000 -5.198.000 -5.888.000\n"
        "A. Bijstellingen:\nI. Septembercirculaire 2024 477.000 251.000 323.000\n"
        "III. Actualisatie jaarschijf 2028 465.000\n"
    )
    table = only(result)
    assert table.unit == 1 and [c.label for c in table.columns] == ["2026", "2027", "2028"]
    assert grid(table) == {
        "Saldo Begroting 2025": [-5639000, -5198000, -5888000],
        "A. Bijstellingen:": [None, None, None],
        "I. Septembercirculaire 2024": [477000, 251000, 323000],
    }
    (warning,) = result.warnings  # one value for three years: which year the text does not say
    assert warning.line == 9 and "1 waarden voor 3 kolommen" in warning.message


def test_each_platform_family_residue_is_removed_and_named() -> None:
    text = "Programma 1 Bestuur\n\nTerug naar navigatie - 1 Bestuur - Financiën\n\nTekst.\n\nga terug\n\nTop\n"
    result = import_text(text, "t.txt", FLAGS)
    assert [(r.line, r.reason) for r in result.removed] == [
        (3, "navigatie van het platform (begrotingsapp)"),
        (7, "navigatie van het platform (P&C-platform)"),
        (9, "navigatie van het platform (eigen portaal)"),
    ]
    assert result.text is not None and "ga terug" not in result.text and "Top" not in result.text


def test_a_table_of_zeros_needs_no_unit_and_a_unit_under_the_heading_counts() -> None:
    zeros = only(imported(paragraphs("Omschrijving", "2020", "2021", "Toevoeging", "0", "0", "Onttrekking", "0", "-")))
    assert zeros.unit == 1 and grid(zeros) == {"Toevoeging": [0, 0], "Onttrekking": [0, None]}
    table = only(imported("Netto kosten\n(* € 1 miljoen)\n\nWaterveiligheid 24,8\nWaterketen 92,3\n"))
    assert table.unit == 1_000_000 and [c.label for c in table.columns] == ["Netto kosten"]
    assert [table.euros(r.values[0]) for r in table.rows] == [24_800_000, 92_300_000]


def test_header_with_a_slash_and_words_after_a_year_and_voordeel_nadeel_lines() -> None:
    result = imported(
        "Bedragen x € 1.000,-\nProgramma / Resultaat Rekening 2023 Begroting 2024 incl begr.wijz Rekening 2024\n"
        "Wegen 12.324 8.258 7.631\nVoordeel Nadeel Voordeel\nSaldo netto kosten -1.551 1.625 -7.302\n"
    )
    table = only(result)
    assert table.row_header == "Programma / Resultaat"
    assert [c.label for c in table.columns] == ["Rekening 2023", "Begroting 2024 incl begr.wijz", "Rekening 2024"]
    assert grid(table) == {"Wegen": [12324, 8258, 7631], "Saldo netto kosten": [-1551, 1625, -7302]}
    (warning,) = result.warnings
    assert warning.line == 8 and "voordeel/nadeel" in warning.message
    assert result.text is not None and "Voordeel Nadeel Voordeel" in result.text


def test_a_row_that_does_not_add_up_is_one_warning_naming_every_column() -> None:
    result = imported(paragraphs("(bedragen x € 1.000)", *YEARS, *ROWS, "Saldo", "-1", "-2", "-20.162"))
    (warning,) = result.warnings
    assert warning.line == 29 and "rij 'Saldo'" in warning.message
    assert "kolom '2019'" in warning.message and "kolom '2020'" in warning.message and "'2021'" not in warning.message


def test_a_unit_in_a_sentence_about_its_own_figure_is_not_the_table_unit() -> None:
    lead = "Het aandeel van de gemeente (* € 1.000) komt daarmee op € 4.602,- uit, zoals vorig jaar."
    result = imported(paragraphs(lead, "Omschrijving", *YEARS, *ROWS))
    assert result.tables == [] and "geen eenheid" in result.warnings[0].message


def test_an_amount_of_hundreds_of_digits_is_text_not_a_crash() -> None:
    huge = "9" * 320
    for text in (
        f"Bedragen x € 1.000\nOmschrijving Begroting Rekening\nLasten {huge} 5\nBaten 4 5\n",
        paragraphs("(bedragen x € 1.000)", *YEARS, "Lasten", huge, "1", "2", "Baten", "4", "5", f"{huge},5"),
    ):
        result = imported(text)
        assert not any(v == int(huge) for t in result.tables for r in t.rows for v in r.values)
        assert result.warnings and result.text is not None and huge in result.text


# Hostile numbers (issue 26): each is read exactly or kept as text with a warning, never read as other values.


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_thousands_grouped_by_spaces_in_a_pipe_cell_are_one_number(space: str) -> None:
    sep = space
    text = (
        "Bedragen in euro\n\nOmschrijving | Begroting 2024 | Begroting 2025\n"
        f"Lasten | 657{sep}000 | 1{sep}234{sep}567\nBaten | 1.000 | 2{sep}000\n"
    )
    table = only(imported(text))
    assert grid(table) == {"Lasten": [657000, 1234567], "Baten": [1000, 2000]} and table.unit == 1
    assert [c.label for c in table.columns] == ["Begroting 2024", "Begroting 2025"]


def test_thousands_grouped_by_no_break_spaces_in_a_row_of_spaces_are_one_number() -> None:
    text = "Bedragen in euro\n\nOmschrijving Begroting 2024 Begroting 2025\nLasten 657\u00a0000 1\u00a0234\u00a0567\n"
    text += "Baten 1.000 2.000\n"
    assert grid(only(imported(text))) == {"Lasten": [657000, 1234567], "Baten": [1000, 2000]}


def test_thousands_grouped_by_plain_spaces_in_a_row_of_spaces_are_never_several_amounts() -> None:
    """ "657 000 1 234 567" is two amounts or five: no number of it is published."""
    result = imported("Bedragen in euro\n\nOmschrijving Begroting 2024 Begroting 2025\nLasten 657 000 1 234 567\n")
    published = [v for t in result.tables for r in t.rows for v in r.values]
    assert not {657, 0, 1, 234, 567} & set(published) and result.warnings


def test_a_row_whose_amount_no_parser_reads_stops_the_table_with_a_warning() -> None:
    text = "Bedragen x € 1.000\n\nLasten\n-2.113\n3,8 %\nBaten\n1e308\n2,0 %\nSaldo\n1e400 %\n"
    result = imported(text)
    assert grid(only(result)) == {"Lasten": [-2113, 3.8]}
    (warning,) = [w for w in result.warnings if "Baten" in w.message]
    assert "1e308" in warning.message and warning.line == 10  # the export line, below the four added
    assert result.text is not None and "1e308" in result.text


def test_an_amount_with_three_decimals_may_be_english_thousands_and_is_no_number() -> None:
    text = "Bedragen x € 1.000\n\nOmschrijving Begroting 2024 Begroting 2025 Rekening 2023\n"
    text += "Lasten 1.234 1.500 2.000\nBaten 1.000 2.000,00 3,000\n"
    result = imported(text)
    published = {v for t in result.tables for r in t.rows for v in r.values}
    assert 3.0 not in published and 3000 not in published
    assert any("3,000" in w.message for w in result.warnings)


def test_fifty_levels_of_numbered_goals_are_headings_not_tables() -> None:
    goals = "\n".join(f"{'.'.join(['1'] * n)} Doel nummer {n}\n\nTekst bij doel {n}.\n" for n in range(1, 51))
    result = imported(goals)
    assert result.tables == [] and len(result.warnings) <= 1
