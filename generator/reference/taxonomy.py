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
    # Names some bodies give the same documents; each is shown under its own name and placed in the cycle
    # by ``phase``.
    begrotingsnotitie = "begrotingsnotitie"
    begrotingswijziging = "begrotingswijziging"
    perspectiefnota = "perspectiefnota"
    tussenrapportage = "tussenrapportage"
    jaarstukken = "jaarstukken"
    jaarrekening = "jaarrekening"
    programmarekening = "programmarekening"

    @property
    def label(self) -> str:
        """Display form: "Begroting", "Voortgangsrapportage"."""
        return self.value.capitalize()

    @property
    def phase(self) -> DocumentKind:
        """The document's place in the planning-and-control cycle: a begrotingsnotitie is a begroting, a
        programmarekening a jaarverslag. The seven base kinds are their own phase."""
        return _PHASE.get(self, self)

    @property
    def documentsoort(self) -> tuple[str, str]:
        """The TOOI documentsoort (uri, label) closest to this kind."""
        return _DOCUMENTSOORT[self.phase]


DOCUMENT_KINDS = [k.value for k in DocumentKind]

_PHASE = {
    DocumentKind.begrotingsnotitie: DocumentKind.begroting,
    DocumentKind.begrotingswijziging: DocumentKind.begroting,
    DocumentKind.perspectiefnota: DocumentKind.kadernota,
    DocumentKind.tussenrapportage: DocumentKind.bestuursrapportage,
    DocumentKind.jaarstukken: DocumentKind.jaarverslag,
    DocumentKind.jaarrekening: DocumentKind.jaarverslag,
    DocumentKind.programmarekening: DocumentKind.jaarverslag,
}

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

# Woo art. 3.3 lid 2, sub a..q in order; the 3.1 "inspanningsverplichting" category follows as 18.
_CATEGORY_NUMBERS = {
    "c_139c6280": 1,  # wetten en algemeen verbindende voorschriften
    "c_aab6bfc7": 2,  # overige besluiten van algemene strekking
    "c_759721e2": 3,  # ontwerpen van wet- en regelgeving met adviesaanvraag
    "c_40a05794": 4,  # organisatie en werkwijze
    "c_89ee6784": 5,  # bereikbaarheidsgegevens
    "c_8c840238": 6,  # bij vertegenwoordigende organen ingekomen stukken
    "c_c76862ab": 7,  # vergaderstukken Staten-Generaal
    "c_db4862c3": 8,  # vergaderstukken decentrale overheden
    "c_3a248e3a": 9,  # agenda's en besluitenlijsten bestuurscolleges
    "c_99a836c7": 10,  # adviezen
    "c_8fc2335c": 11,  # convenanten
    "c_c6cd1213": 12,  # jaarplannen en jaarverslagen
    "c_cf268088": 13,  # subsidieverplichtingen anders dan met beschikking
    "c_3baef532": 14,  # Woo-verzoeken en -besluiten
    "c_fdaee95e": 15,  # onderzoeksrapporten
    "c_46a81018": 16,  # beschikkingen
    "c_a870c43d": 17,  # klachtoordelen
    "c_816e508d": 18,  # inspanningsverplichting art 3.1 Woo
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

    @property
    def number(self) -> str:
        """The three-digit number the Woo-index uses in sitemap index names ("012" in
        ``sitemapindex-diwoo-infocat012.xml``): the category's place in Woo art. 3.3 lid 2 (a=001 .. q=017)."""
        return f"{_CATEGORY_NUMBERS[self.code]:03d}"


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
