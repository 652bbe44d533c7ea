"""The catalog at api/index.json: the entry point for harvesters, one entry per programme document."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from generator.models.document import Dates, DocumentFacts, Urls
from generator.models.history import ComparisonEntry, LineageEntry, VersionEntry, WithdrawnEntry


class CatalogEntry(DocumentFacts):
    """What a harvester needs to find and fetch one programme document."""

    description: str = Field(description="One-sentence summary (the document's own, or made from its facts).")
    dates: Dates = Field(description="Creation, adoption (vaststelling) and first publication, where known.")
    first_published: dt.datetime = Field(description="First publication on this site.")
    modified: dt.datetime = Field(
        description="Last change of the content: fetch the document again when this is newer than your copy."
    )
    urls: Urls
    versions: list[VersionEntry] = Field(default_factory=list, description="Previous versions, oldest first.")


class Catalog(BaseModel):
    """api/index.json."""

    documents: list[CatalogEntry] = Field(description="Every programme document on the site.")
    lineages: list[LineageEntry] = Field(default_factory=list, description="Programmes over the years.")
    comparisons: list[ComparisonEntry] = Field(
        default_factory=list, description="Comparable programmes of different publishers."
    )
    withdrawn: list[WithdrawnEntry] = Field(default_factory=list, description="Withdrawn documents.")
