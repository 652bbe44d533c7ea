"""A programme document: the content format (front matter) and the published JSON, one definition.

``FrontMatter`` is what a communications officer writes at the top of a content file. ``Document`` is
what the build publishes as JSON (and what its JSON Schema describes); it shares every sub-model.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from generator.core.translation import _
from generator.models.finance import FinanceTable
from generator.models.history import Correction, LineageLink, Withdrawal
from generator.reference.taxonomy import DOCUMENT_KINDS, DocumentKind


class Programme(BaseModel):
    """The programme a document belongs to: "Programma 4 Bestuur en ondersteuning"."""

    model_config = ConfigDict(extra="forbid")

    number: str | None = Field(default=None, description='Programme number as printed ("4", "3"), or null.')
    title: str = Field(min_length=1, description="Programme title without its number.")
    label: str | None = Field(
        default=None, description='The word before the number when it is not "Programma", e.g. "Domein".'
    )

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @property
    def heading(self) -> str:
        """ "Programma 4 Bestuur en ondersteuning", "Domein 3: ...", or just the title."""
        if self.number is None:
            return self.title
        return f"{self.label or 'Programma'} {self.number} {self.title}"


class Source(BaseModel):
    """Where the content came from: the platform export it was imported from."""

    model_config = ConfigDict(extra="forbid")

    file: str | None = Field(default=None, description="File name of the imported export.")
    sha256: str | None = Field(default=None, description="Checksum of the export, to detect re-imports.")
    exported: dt.datetime | None = Field(default=None, description="When the platform made the export.")
    generated: dt.datetime | None = Field(default=None, description="When the platform built the page.")

    @field_validator("exported", "generated", mode="before")
    @classmethod
    def _not_a_number(cls, value: object) -> object:
        """A bare number would be read as seconds since 1970: refuse it rather than publish a wrong date."""
        if isinstance(value, (int, float)):
            raise ValueError(_("'{value}' is not a date and time (write e.g. 2021-02-08T10:16:17)").format(value=value))
        return value


class Dates(BaseModel):
    """Dates of the document's life; each optional."""

    model_config = ConfigDict(extra="forbid")

    created: dt.date | None = Field(default=None, description="Creatiedatum of the document.")
    adopted: dt.date | None = Field(default=None, description="Vaststelling by the council.")
    published: dt.date | None = Field(default=None, description="First publication on this site.")


class Section(BaseModel):
    """A section of the prose, nested by heading level."""

    title: str
    level: int = Field(ge=2, le=6, description="Heading level; 2 is a top-level section.")
    text: str = Field(default="", description="The section's own text in Markdown (not its subsections).")
    status: str | None = Field(default=None, description='Status of a goal as printed, e.g. "G" or "O".')
    sections: list[Section] = Field(default_factory=list)


Kind = Annotated[DocumentKind, Field(description="Document kind: " + ", ".join(DOCUMENT_KINDS) + ".")]
Year = Annotated[int, Field(ge=1900, le=2100, description="The year the document is about.")]
Summary = Annotated[str | None, Field(description="One-sentence summary for search results.")]
"""The fields a content file, the published document and its catalog entry share, each declared once."""


class FrontMatter(BaseModel):
    """The YAML front matter of a content file."""

    model_config = ConfigDict(extra="forbid")

    publisher: str = Field(description='Municipality, province or water board: "Lisse", "GM0553".')
    kind: Kind
    year: Year

    @field_validator("year", mode="before")
    @classmethod
    def _year_not_bool(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError(
                _("the year must be a whole number such as 2021, not '{value}'").format(value=str(value).lower())
            )
        return value

    programme: Programme
    title: str | None = Field(default=None, description="Page title; defaults to the programme heading.")
    description: Summary = None
    information_category: str | None = Field(
        default=None, description="Woo information category; defaults to jaarplannen en jaarverslagen."
    )
    dates: Dates = Field(default_factory=Dates)
    source: Source = Field(default_factory=Source)
    finance: list[FinanceTable] = Field(default_factory=list)
    lineage: LineageLink | None = Field(default=None, description="The programme over the years, when renamed.")
    corrections: list[Correction] = Field(default_factory=list, description="Earlier versions, oldest first.")
    withdrawn: Withdrawal | None = Field(default=None, description="Set when the document was withdrawn.")


class PublisherRef(BaseModel):
    """A publisher as the catalog and JSON name it."""

    name: str = Field(description='Official (CBS) name, e.g. "Lisse".')
    kind: str = Field(description="gemeente, provincie or waterschap.")
    code: str = Field(description="CBS-style code: GM0553, PV27, WS0155.")
    uri: str = Field(description="TOOI URI of the organisation.")


class CategoryRef(BaseModel):
    """A Woo information category."""

    label: str
    uri: str


class Urls(BaseModel):
    """Absolute URLs of a document's published forms."""

    model_config = ConfigDict(populate_by_name=True)

    html: str = Field(description="The HTML page: the document that the Woo-index harvests.")
    json_: str = Field(alias="json", description="This document as JSON.")
    csv: list[str] = Field(default_factory=list, description="One CSV file per finance table.")
    xlsx: str | None = Field(default=None, description="All finance tables as one spreadsheet (.xlsx), if any.")
    diwoo: str | None = Field(default=None, description="The document's DiWoo metadata (XML).")


class PublicationHistory(BaseModel):
    """When this site first published the document and last changed its content (from woo-ledger.json)."""

    first_published: dt.datetime = Field(description="First publication on this site.")
    modified: dt.datetime = Field(description="Last change of the content: the sitemap lastmod. Sync on this.")


class DocumentFacts(BaseModel):
    """What identifies a programme document and says what it is: the fields the document (JSON) and its entry
    in the catalog share, declared once (each may restate a field's description, keeping its place)."""

    id: str = Field(description="Stable identifier: publisher code, kind, year and programme.")
    title: str
    publisher: PublisherRef
    kind: Kind
    year: Year
    programme: Programme
    description: Summary = None
    information_category: CategoryRef
    dates: Dates


class Document(DocumentFacts):
    """A programme document as published: the public JSON contract."""

    model_config = ConfigDict(populate_by_name=True)

    source: Source
    intro: str = Field(default="", description="Markdown text before the first section.")
    sections: list[Section]
    finance: list[FinanceTable]
    urls: Urls
    history: PublicationHistory | None = Field(
        default=None, description="First publication and last change on this site (set in every published file)."
    )
