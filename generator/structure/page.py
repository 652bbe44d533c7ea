"""The page model: one programme document with its place on the site, as every output sees it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.source import SourceDocument
from generator.core import urls
from generator.models import Document


@dataclass
class DocumentPage:
    """A programme document with its place on the site."""

    source: SourceDocument
    document: Document
    path: str
    slug: str
    """Descriptive base name for downloads: "lisse-begroting-2021-programma-4-bestuur-en-ondersteuning"."""

    @property
    def json_path(self) -> str:
        return urls.json_file(self.path, self.slug)

    @property
    def diwoo_path(self) -> str:
        """The document's DiWoo metadata on its own, beside the page."""
        return urls.diwoo_file(self.path, self.slug)

    @property
    def csv_paths(self) -> list[str]:
        """One CSV file per finance table, in the order of the front matter."""
        return urls.csv_files(self.path, self.slug, len(self.document.finance))
