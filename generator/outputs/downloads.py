"""The files published beside each programme page, described once for the page, DCAT and schema.org.

Every download has its site path, a title, a one-line explanation for citizens, its media type and its
EU file-type URI (as DCAT-AP asks).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.outputs import spreadsheet
from generator.structure.page import DocumentPage

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


def downloads(page: DocumentPage, words: Any) -> list[Download]:
    """JSON first (everything), then one CSV per finance table, the spreadsheet, then the DiWoo metadata; their
    titles and explanations in the site's words (``downloads`` in templates/strings/<language>.yaml)."""
    text = words.downloads
    items = [Download(page.json_path, text.json.title, text.json.explanation, "application/json", "JSON")]
    for n, (path, table) in enumerate(zip(page.csv_paths, page.document.finance, strict=True), start=1):
        title = text.csv.title.format(n=n, caption=table.caption)
        items.append(Download(path, title, text.csv.explanation, "text/csv", "CSV"))
    workbook = spreadsheet.path(page)
    if workbook is not None:
        media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        items.append(Download(workbook, text.xlsx.title, text.xlsx.explanation, media_type, "XLSX"))
    items.append(Download(page.diwoo_path, text.diwoo.title, text.diwoo.explanation, "application/xml", "XML"))
    return items
