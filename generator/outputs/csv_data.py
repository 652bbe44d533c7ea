"""One CSV file per finance table, for spreadsheets and data portals.

UTF-8 (no byte-order mark), comma-separated, RFC 4180 quoting and line ends, a header row, then one row per
table row. Columns: ``omschrijving`` (the row label as printed), ``rol`` (lasten, baten, saldo, totaal or
empty), then one column per table column, headed by its printed label plus its unit: amount columns
``(euro)`` hold whole euros (the printed value times the table's unit, so "x € 1.000" tables are multiplied
out), percentage columns ``(%)`` hold the printed percentage, text columns the text. A decimal point is a dot;
an empty field means the source has no value.

Text cells are safe to open in a spreadsheet: a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be read as a formula (CSV injection, e.g. ``=HYPERLINK(...)``), so it gets a leading
``'`` as OWASP advises. Numbers (amounts, percentages, also negative ones) are never changed.
"""

from __future__ import annotations

import csv
import io
import re
from functools import partial

from generator.incremental.keys import document_key
from generator.models import FinanceTable
from generator.models.finance import Value
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site

SUFFIX = {"amount": " (euro)", "percentage": " (%)", "text": ""}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$")


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    """Each document's tables; a document's files depend on that document only (reused when it is unchanged)."""
    for page in site.documents:
        write_document(site, page, out, histories)


def write_document(site: Site, page: DocumentPage, out: OutputWriter, histories: dict[str, History]) -> None:
    if page.csv_paths:
        out.cached(f"csv {page.path}", document_key(page), partial(_write_document, page, out))


def _write_document(page: DocumentPage, out: OutputWriter) -> None:
    for path, table in zip(page.csv_paths, page.document.finance, strict=True):
        out.write_text(path, to_csv(table))


def header(table: FinanceTable) -> list[str]:
    return ["omschrijving", "rol", *(neutralise(column.label) + SUFFIX[column.kind] for column in table.columns)]


def to_csv(table: FinanceTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(table))
    for row in table.rows:
        cells = [_cell(table, column.kind, value) for column, value in zip(table.columns, row.values, strict=True)]
        writer.writerow([neutralise(row.label), row.role or "", *cells])
    return buffer.getvalue()


def _cell(table: FinanceTable, kind: str, value: Value) -> str:
    if value is None:
        return ""
    if kind == "amount":
        euros = table.euros(value)
        return "" if euros is None else str(euros)
    return str(value) if isinstance(value, int | float) else neutralise(value)


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as text: ``'`` before a formula start; numbers such as "-12" kept."""
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text
