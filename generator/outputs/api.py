"""Machine-readable output: one JSON file per programme document, the catalog, and their JSON Schemas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import Any

from pydantic import BaseModel

from generator.incremental.keys import document_key
from generator.models import Catalog, CatalogEntry, Document
from generator.models.document import DocumentFacts
from generator.models.history import VersionEntry
from generator.outputs import diwoo, history_catalog, json_stream
from generator.outputs.facts import published
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site

CATALOG = "api/index.json"
SCHEMAS: dict[str, type[BaseModel]] = {"api/document.schema.json": Document, "api/index.schema.json": Catalog}


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    for page in site.documents:
        write_document(site, page, out, histories)
    out.write_parts(CATALOG, _catalog(site, histories))
    for path, model in SCHEMAS.items():
        out.write_text(path, json.dumps(schema(model, site.url(path)), indent=2, ensure_ascii=False) + "\n")


def _catalog(site: Site, histories: dict[str, History]) -> Iterator[bytes]:
    """The bytes of ``to_json`` of the whole catalog, one document's entry at a time: the entries of a large
    site as models and their JSON as one string took more memory than any other step (150 MB at 10,000)."""
    head = to_json(history_catalog.extend(site, Catalog(documents=[]))).encode("utf-8")
    return json_stream.filled(head, "documents", (_entry(site, page, histories) for page in site.documents))


def _entry(site: Site, page: DocumentPage, histories: dict[str, History]) -> bytes:
    document = published(page.document, histories[page.document.id])
    entry = catalog_entry(document, site.words, history_catalog.versions(site, page.path))
    return entry.model_dump_json(by_alias=True, indent=2).encode("utf-8")


def write_document(site: Site, page: DocumentPage, out: OutputWriter, histories: dict[str, History]) -> None:
    """One document's JSON, as published."""
    history = histories[page.document.id]
    key = document_key(page, str(history))
    out.cached(f"json {page.json_path}", key, partial(_write_document, page, history, out))


def _write_document(page: DocumentPage, history: History, out: OutputWriter) -> None:
    out.write_text(page.json_path, to_json(published(page.document, history)))


def catalog_entry(document: Document, words: Any, versions: list[VersionEntry] | None = None) -> CatalogEntry:
    """The catalog entry of a published document (one with its ``history``): enough to sync incrementally;
    ``versions``: its previous versions (``history_catalog.versions``)."""
    assert document.history is not None, "catalog entries are made from published documents"
    facts = {name: getattr(document, name) for name in DocumentFacts.model_fields}  # what the two share
    return CatalogEntry(
        **{**facts, "description": diwoo.summary(document, words)},
        first_published=document.history.first_published,
        modified=document.history.modified,
        urls=document.urls,
        versions=versions or [],
    )


def to_json(model: BaseModel) -> str:
    """Stable, readable JSON: aliases as published, UTF-8 kept as text."""
    return model.model_dump_json(by_alias=True, indent=2) + "\n"


def schema(model: type[BaseModel], url: str) -> dict[str, object]:
    """The JSON Schema of a published model, with its own URL as ``$id``."""
    body = model.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url, **body}
