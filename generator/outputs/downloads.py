"""The files published beside each programme page, described once for the page, DCAT and schema.org.

Every download has its site path, a title, a one-line explanation for citizens, its media type and its
EU file-type URI (as DCAT-AP asks).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.outputs import spreadsheet
from generator.structure import DocumentPage

FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


@dataclass(frozen=True)
class Download:
    path: str
    title: str
    explanation: str
    media_type: str
    format: str
    """EU file-type code: JSON, CSV, XLSX, XML."""

    @property
    def file_type(self) -> str:
        return FILE_TYPE + self.format


def downloads(page: DocumentPage) -> list[Download]:
    """JSON first (everything), then one CSV per finance table, the spreadsheet, then the DiWoo metadata."""
    items = [
        Download(
            page.json_path,
            "Dit programma als JSON",
            "Alle tekst, tabellen en gegevens van dit programma in één bestand, voor hergebruik.",
            "application/json",
            "JSON",
        )
    ]
    for n, (path, table) in enumerate(zip(page.csv_paths, page.document.finance, strict=True), start=1):
        items.append(
            Download(
                path,
                f"Tabel {n}: {table.caption} (CSV)",
                "De bedragen van deze tabel in hele euro's, te openen in een spreadsheet.",
                "text/csv",
                "CSV",
            )
        )
    workbook = spreadsheet.path(page)
    if workbook is not None:
        items.append(
            Download(
                workbook,
                "Alle tabellen als spreadsheet (Excel, .xlsx)",
                "Opent goed in Excel, LibreOffice en Numbers: bedragen als getallen in hele euro's, "
                "een blad per tabel.",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "XLSX",
            )
        )
    items.append(
        Download(
            page.diwoo_path,
            "Metadata volgens DiWoo (XML)",
            "De gegevens waarmee de landelijke Woo-index dit document vindt.",
            "application/xml",
            "XML",
        )
    )
    return items
