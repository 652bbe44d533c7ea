"""Woo vocabularies: the document kinds woosite publishes and the TOOI terms they map to."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"


class DocumentKind(StrEnum):
    """The planning-and-control documents of a Dutch government body."""

    begroting = "begroting"
    jaarverslag = "jaarverslag"
    kadernota = "kadernota"
    voorjaarsnota = "voorjaarsnota"
    najaarsnota = "najaarsnota"
    bestuursrapportage = "bestuursrapportage"
    voortgangsrapportage = "voortgangsrapportage"

    @property
    def label(self) -> str:
        """Display form: "Begroting", "Voortgangsrapportage"."""
        return self.value.capitalize()

    @property
    def documentsoort(self) -> tuple[str, str]:
        """The TOOI documentsoort (uri, label) closest to this kind."""
        return _DOCUMENTSOORT[self]


DOCUMENT_KINDS = [k.value for k in DocumentKind]

_BEGROTING = (KERN + "c_dfa0ff1f", "begroting")
_JAARVERSLAG = (KERN + "c_3d782f30", "jaarverslag")
_VOORTGANG = (KERN + "c_cccba364", "voortgangsrapport")
_BELEIDSNOTA = (KERN + "c_9376c730", "beleidsnota")
_DOCUMENTSOORT = {
    DocumentKind.begroting: _BEGROTING,
    DocumentKind.jaarverslag: _JAARVERSLAG,
    DocumentKind.kadernota: _BELEIDSNOTA,
    DocumentKind.voorjaarsnota: _BELEIDSNOTA,
    DocumentKind.najaarsnota: _VOORTGANG,
    DocumentKind.bestuursrapportage: _VOORTGANG,
    DocumentKind.voortgangsrapportage: _VOORTGANG,
}

# All planning-and-control documents are "jaarplannen en jaarverslagen" (Woo art. 3.3 lid 2 sub e).
DEFAULT_CATEGORY = KERN + "c_c6cd1213"


@dataclass(frozen=True)
class InformationCategory:
    """A Woo information category (TOOI kern thesaurus)."""

    uri: str
    label: str

    @property
    def code(self) -> str:
        """The concept id, "c_c6cd1213"."""
        return self.uri.rsplit("/", 1)[1]


@cache
def information_categories() -> dict[str, InformationCategory]:
    """All Woo information categories by URI, from the DiWoo 0.9.8 value list."""
    source = resources.files("generator.reference") / "data" / "informatiecategorieen.csv"
    with source.open("r", encoding="utf-8") as f:
        return {row["uri"]: InformationCategory(row["uri"], row["label"]) for row in csv.DictReader(f)}


def information_category(value: str) -> InformationCategory | None:
    """Resolve a category written as URI, concept id ("c_c6cd1213") or label ("jaarplannen en jaarverslagen")."""
    wanted = value.strip().lower()
    for cat in information_categories().values():
        if wanted in (cat.uri.lower(), cat.code, cat.label.lower()):
            return cat
    return None
