"""Machine-readable output: one JSON file per programme document, the catalog, and their JSON Schemas."""

from __future__ import annotations

import json
from functools import partial

from pydantic import BaseModel

from generator.incremental.keys import document_key
from generator.models import Catalog, CatalogEntry, Document
from generator.outputs import history_catalog
from generator.outputs.writer import OutputWriter
from generator.structure import DocumentPage, Site

CATALOG = "api/index.json"
SCHEMAS: dict[str, type[BaseModel]] = {"api/document.schema.json": Document, "api/index.schema.json": Catalog}


def write(site: Site, out: OutputWriter) -> None:
    for page in site.documents:
        out.cached(f"json {page.json_path}", document_key(page), partial(_write_document, page, out))
    catalog = history_catalog.extend(site, Catalog(documents=[catalog_entry(page.document) for page in site.documents]))
    out.write_text(CATALOG, to_json(catalog))
    for path, model in SCHEMAS.items():
        out.write_text(path, json.dumps(schema(model, site.url(path)), indent=2, ensure_ascii=False) + "\n")


def _write_document(page: DocumentPage, out: OutputWriter) -> None:
    out.write_text(page.json_path, to_json(page.document))


def catalog_entry(document: Document) -> CatalogEntry:
    return CatalogEntry(
        id=document.id,
        title=document.title,
        publisher=document.publisher,
        kind=document.kind,
        year=document.year,
        programme=document.programme,
        urls=document.urls,
    )


def to_json(model: BaseModel) -> str:
    """Stable, readable JSON: aliases as published, UTF-8 kept as text."""
    return model.model_dump_json(by_alias=True, indent=2) + "\n"


def schema(model: type[BaseModel], url: str) -> dict[str, object]:
    """The JSON Schema of a published model, with its own URL as ``$id``."""
    body = model.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url, **body}
