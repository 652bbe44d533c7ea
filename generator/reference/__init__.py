"""Reference data shipped with the package: organisations (TOOI/CBS) and Woo vocabularies."""

from generator.reference.organisations import Organisation, UnknownOrganisation, lookup, organisations
from generator.reference.taxonomy import (
    DOCUMENT_KINDS,
    DocumentKind,
    InformationCategory,
    information_categories,
    information_category,
)

__all__ = [
    "DOCUMENT_KINDS",
    "DocumentKind",
    "InformationCategory",
    "Organisation",
    "UnknownOrganisation",
    "information_categories",
    "information_category",
    "lookup",
    "organisations",
]
