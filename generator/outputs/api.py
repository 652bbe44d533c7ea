"""Machine-readable output: one JSON file per programme document, the catalog, and their JSON Schemas."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from pydantic import BaseModel

from generator.incremental.keys import document_key
from generator.models import Catalog, CatalogEntry, Document
from generator.models.document import DocumentFacts
from generator.outputs import diwoo, history_catalog
from generator.outputs.facts import published
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site

CATALOG = "api/index.json"
SCHEMAS: dict[str, type[BaseModel]] = {"api/document.schema.json": Document, "api/index.schema.json": Catalog}


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    entries = []
    for page in site.documents:  # one published document at a time: only the small catalog entries are kept
        document = published(page.document, histories[page.document.id])
        write_document(site, page, out, histories, document)
        entries.append(catalog_entry(document, site.words))
    catalog = history_catalog.extend(site, Catalog(documents=entries))
    out.write_text(CATALOG, to_json(catalog))
    for path, model in SCHEMAS.items():
        out.write_text(path, json.dumps(schema(model, site.url(path)), indent=2, ensure_ascii=False) + "\n")


def write_document(
    site: Site, page: DocumentPage, out: OutputWriter, histories: dict[str, History], document: Document | None = None
) -> None:
    """One document's JSON (``document``: the document as published, when the caller made it already)."""
    history = histories[page.document.id]
    found = document or published(page.document, history)
    key = document_key(page, str(history))
    out.cached(f"json {page.json_path}", key, partial(_write_document, page.json_path, found, out))


def _write_document(path: str, document: Document, out: OutputWriter) -> None:
    out.write_text(path, to_json(document))


def catalog_entry(document: Document, words: Any) -> CatalogEntry:
    """The catalog entry of a published document (one with its ``history``): enough to sync incrementally."""
    assert document.history is not None, "catalog entries are made from published documents"
    facts = {name: getattr(document, name) for name in DocumentFacts.model_fields}  # what the two share
    return CatalogEntry(
        **{**facts, "description": diwoo.summary(document, words)},
        first_published=document.history.first_published,
        modified=document.history.modified,
        urls=document.urls,
    )


def to_json(model: BaseModel) -> str:
    """Stable, readable JSON: aliases as published, UTF-8 kept as text."""
    return model.model_dump_json(by_alias=True, indent=2) + "\n"


def schema(model: type[BaseModel], url: str) -> dict[str, object]:
    """The JSON Schema of a published model, with its own URL as ``$id``."""
    body = model.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url, **body}
