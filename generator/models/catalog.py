"""The catalog at api/index.json: the entry point for harvesters, one entry per programme document."""

from __future__ import annotations

from pydantic import BaseModel, Field

from generator.models.document import Programme, PublisherRef, Urls
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


class Catalog(BaseModel):
    """api/index.json."""

    documents: list[CatalogEntry] = Field(description="Every programme document on the site.")
