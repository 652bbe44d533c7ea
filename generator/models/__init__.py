"""The contract: pydantic models that define the content format, the JSON output and its schema, once."""

from generator.models.catalog import Catalog, CatalogEntry
from generator.models.document import (
    CategoryRef,
    Dates,
    Document,
    FrontMatter,
    Programme,
    PublicationHistory,
    PublisherRef,
    Section,
    Source,
    Urls,
)
from generator.models.finance import Column, FinanceTable, Row
from generator.models.site import Contact, Redaction, SiteConfig

__all__ = [
    "Catalog",
    "CatalogEntry",
    "CategoryRef",
    "Column",
    "Contact",
    "Dates",
    "Document",
    "FinanceTable",
    "FrontMatter",
    "Programme",
    "PublicationHistory",
    "PublisherRef",
    "Redaction",
    "Row",
    "Section",
    "SiteConfig",
    "Source",
    "Urls",
]
