"""The .xlsx beside the CSVs: a sheet per table, amounts as numbers in whole euros, text never a formula,
and the same bytes on every build."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from generator.models import Document
from generator.outputs.spreadsheet import workbook
from generator.render.strings import site_words
from generator.structure.page import DocumentPage


def sheet_cells(data: bytes, sheet: int = 1) -> tuple[list[str], str]:
    """(shared strings, the sheet's XML) of a workbook."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        strings = re.findall(r"<t[^>]*>(.*?)</t>", book.read("xl/sharedStrings.xml").decode())
        return strings, book.read(f"xl/worksheets/sheet{sheet}.xml").decode()


def test_example_workbook_has_numbers_as_numbers(example_site: Path) -> None:
    [path] = example_site.glob("oude-ijsselstreek/*/*/*.xlsx")
    strings, sheet = sheet_cells(path.read_bytes())
    assert strings[:6] == [
        "omschrijving",
        "rol",
        "Begroot voor wijziging 2021 (euro)",
        "Begroot na wijziging 2021 (euro)",
        "Rekening 2021 (euro)",
        "Afwijking (tov begroot na wijziging) (euro)",
    ]
    numbers = re.findall(r'<c r="([A-Z]+\d+)" s="\d+"><v>(-?\d+)</v></c>', sheet)
    assert ("E4", "-4818000") in numbers and ("C2", "657000") in numbers  # whole euros, as numbers
    assert "<f>" not in sheet


def test_text_that_looks_like_a_formula_stays_text(example_site: Path) -> None:
    [json_file] = example_site.glob("lisse/*/*/*.json")
    document = Document.model_validate_json(json_file.read_text(encoding="utf-8"))
    document.finance[0].rows[0].label = '=HYPERLINK("http://evil.example","klik")'
    page = DocumentPage(source=None, document=document, path="x/", slug="x")  # type: ignore[arg-type]
    data = workbook(page, site_words())
    strings, sheet = sheet_cells(data)
    assert "<f>" not in sheet and any(s.startswith("=HYPERLINK") for s in strings)
    assert workbook(page, site_words()) == data  # deterministic: no clock in the file
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert "2000-01-01T00:00:00Z" in book.read("docProps/core.xml").decode()
