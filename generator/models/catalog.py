"""The catalog at api/index.json: the entry point for harvesters, one entry per programme document."""

from __future__ import annotations

from pydantic import BaseModel, Field

from generator.models.document import Programme, PublisherRef, Urls
from generator.models.history import ComparisonEntry, LineageEntry, VersionEntry, WithdrawnEntry
from generator.reference.taxonomy import DocumentKind


class CatalogEntry(BaseModel):
    """What a harvester needs to find and fetch one programme document."""

    id: str
    title: str
    publisher: PublisherRef
    kind: DocumentKind
    year: int
    programme: Programme
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
