"""One spreadsheet (.xlsx) per programme document with finance tables, beside the CSV files.

A CSV opens in one column with broken letters in a Dutch Excel (it expects semicolons and a BOM); an .xlsx
opens right everywhere. One sheet per finance table ("Tabel 1", …) with the CSV's columns: amounts as
numbers in whole euros, percentages as numbers, and every text written as text, never as a formula (a
label "=1+1" stays those characters). A last sheet says where the numbers come from.

Deterministic: XlsxWriter stamps the zip entries with a fixed date, and the document properties get a
fixed creation time, so the same content gives the same bytes (incremental builds equal clean builds).
"""

from __future__ import annotations

import datetime as dt
import io
from functools import partial
from typing import Any

from generator.core import urls
from generator.incremental.keys import document_key
from generator.models import FinanceTable
from generator.outputs.csv_data import header
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""Creation time written into every workbook: the real dates are in the JSON, the catalog and the page."""


def path(page: DocumentPage) -> str | None:
    """The workbook beside the page, or None for a document without finance tables."""
    return urls.xlsx_file(page.path, page.slug) if page.document.finance else None


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    """Each document's workbook, made across cores (those of unchanged documents are reused)."""
    stale = [(page, target) for page in site.documents if not _reused(page, out) and (target := path(page))]
    units = [(f"xlsx {target}", document_key(page), target) for page, target in stale]
    out.write_units(units, lambda i: workbook(stale[i][0], site.words))


def write_document(site: Site, page: DocumentPage, out: OutputWriter, histories: dict[str, History]) -> None:
    target = path(page)
    if target is not None:
        out.cached(f"xlsx {target}", document_key(page), partial(_write, page, site.words, target, out))


def _reused(page: DocumentPage, out: OutputWriter) -> bool:
    """No workbook (no finance tables), or the previous build's (or this build's first look's) is still right."""
    target = path(page)
    return target is None or out.reuse(f"xlsx {target}", document_key(page))


def _write(page: DocumentPage, words: Any, target: str, out: OutputWriter) -> None:
    out.write_bytes(target, workbook(page, words))


def workbook(page: DocumentPage, words: Any) -> bytes:
    """The .xlsx bytes of ``page``'s finance tables, with a sheet about them in the site's words."""
    text = words.data.spreadsheet
    buffer = io.BytesIO()
    import xlsxwriter  # here: only a build that writes workbooks needs it, not every command's start

    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    document = page.document
    book.set_properties({"title": document.title, "author": document.publisher.name, "created": FIXED_TIME})
    bold = book.add_format({"bold": True})
    euros = book.add_format({"num_format": "#,##0"})
    percent = book.add_format({"num_format": "0.0##"})
    for number, table in enumerate(document.finance, start=1):
        _sheet(book.add_worksheet(text.table_sheet.format(n=number)), table, bold, euros, percent)
    about = book.add_worksheet(text.about_sheet)
    about.set_column(0, 0, 28)
    about.set_column(1, 1, 80)
    lines = [
        (text.document, document.title),
        (text.publisher, document.publisher.name),
        (text.year, str(document.year)),
        (text.page, document.urls.html),
        (text.amounts, text.amounts_text),
        *((text.table_sheet.format(n=n), table.caption) for n, table in enumerate(document.finance, start=1)),
    ]
    for row, (label, value) in enumerate(lines):
        about.write_string(row, 0, label, bold)
        about.write_string(row, 1, value)
    book.close()
    return buffer.getvalue()


def _sheet(
    sheet: Any,
    table: FinanceTable,
    bold: Any,
    euros: Any,
    percent: Any,
) -> None:
    for index, text in enumerate(header(table)):
        sheet.write_string(0, index, text, bold)
    sheet.set_column(0, 0, 36)
    sheet.set_column(2, 1 + len(table.columns), 18)
    for r, row in enumerate(table.rows, start=1):
        sheet.write_string(r, 0, row.label)
        sheet.write_string(r, 1, row.role or "")
        for c, (column, value) in enumerate(zip(table.columns, row.values, strict=True), start=2):
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif column.kind == "amount":
                amount = table.euros(value)
                if amount is not None:
                    sheet.write_number(r, c, amount, euros)
            else:
                sheet.write_number(r, c, value, percent)
    sheet.freeze_panes(1, 1)
