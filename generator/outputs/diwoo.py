"""DiWoo 0.9.8 metadata of each programme document, for the Woo-index.

One ``diwoo:Document`` element per document, built with lxml: the sitemaps embed it in their ``<url>``
entries, and it is also written on its own beside the page (``<slug>.diwoo.xml``, linked from the page).

Which documenthandeling: ``vaststelling`` at ``dates.adopted`` when the council adopted the document;
otherwise ``ontvangst`` (the document was received for publication) at the platform's export time
(``source.exported``, else ``source.generated``), else at its first publication on this site. A date
without a time is local midnight. Only three handelingen exist; there is no "publicatie".
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from lxml import etree

from generator.core import timestamps, urls
from generator.core.digests import digest
from generator.incremental.keys import document_key
from generator.models import Document
from generator.outputs.writer import OutputWriter
from generator.reference.taxonomy import KERN
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site
from generator.structure.versions import GROUNDS, VERWIJST_NAAR, Version

NS = "https://standaarden.overheid.nl/diwoo/metadata/"
NSMAP = {"diwoo": NS}
VASTSTELLING = (KERN + "c_641ecd76", "vaststelling")
ONTVANGST = (KERN + "c_dfcee535", "ontvangst")
THEMA = ("https://identifier.overheid.nl/tooi/def/thes/top/c_4348dad1", "begroting")
FORMAT_HTML = ("http://publications.europa.eu/resource/authority/file-type/HTML", "HTML")
_EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
LANGUAGES = {
    "nl": (_EU_LANGUAGE + "NLD", "Nederlands"),
    "en": (_EU_LANGUAGE + "ENG", "Engels"),
    "fy": (_EU_LANGUAGE + "FRY", "Fries"),
}


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    """Each document's metadata as its own XML file, depending on that document and its history only
    (the site's language and base URL are global inputs, part of every key)."""
    for page in site.documents:
        write_document(site, page, out, histories)


def write_document(site: Site, page: DocumentPage, out: OutputWriter, histories: dict[str, History]) -> None:
    history = histories[page.document.id]
    key = digest(document_key(page), str(history))
    out.cached(f"diwoo {page.diwoo_path}", key, partial(_write_document, site, page, history, out))


def _write_document(site: Site, page: DocumentPage, history: History, out: OutputWriter) -> None:
    out.write_bytes(page.diwoo_path, to_bytes(document_element(site, page, history)))


def to_bytes(element: etree._Element) -> bytes:
    """An XML file: declaration, UTF-8, indented."""
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def handeling(document: Document, history: History) -> tuple[tuple[str, str], dt.datetime]:
    """The documenthandeling (uri, label) and its moment, as the module docstring explains."""
    if document.dates.adopted is not None:
        return VASTSTELLING, timestamps.aware(document.dates.adopted)
    moment = document.source.exported or document.source.generated
    return ONTVANGST, timestamps.aware(moment) if moment is not None else history.first_published


def language(code: str) -> tuple[str, str]:
    """The EU language (uri, label) of a site language code; Dutch when unknown."""
    return LANGUAGES.get(code, LANGUAGES["nl"])


def official_title(document: Document) -> str:
    """ "Programma 4 Bestuur en ondersteuning, begroting 2021 gemeente Lisse": readable on its own."""
    return f"{document.title}, {document.kind.value} {document.year} {publisher_label(document)}"


def publisher_label(document: Document) -> str:
    """ "gemeente Lisse"."""
    return f"{document.publisher.kind} {document.publisher.name}"


def summary(document: Document, words: Any) -> str:
    """The description, or one made from the facts in the site's words (``data.summary``)."""
    if document.description:
        return document.description
    text = words.data
    article = text.articles.get(document.kind.value, text.article)
    return str(text.summary).format(
        heading=document.programme.heading,
        article=article,
        kind=document.kind.value,
        year=document.year,
        publisher=publisher_label(document),
    )


def document_element(site: Site, page: DocumentPage, history: History) -> etree._Element:
    """``<diwoo:Document><diwoo:DiWoo>…</diwoo:DiWoo></diwoo:Document>`` with every field woosite knows."""
    document = page.document
    publisher = (document.publisher.uri, publisher_label(document))
    root = etree.Element(f"{{{NS}}}Document", nsmap=NSMAP)
    diwoo = _sub(root, "DiWoo")
    identifiers = _sub(diwoo, "identifiers")
    _sub(identifiers, "identifier", document.id)
    _sub(identifiers, "identifier", document.urls.html)
    _sub(diwoo, "publisher", publisher)
    _sub(diwoo, "verantwoordelijke", publisher)
    titles = _sub(diwoo, "titelcollectie")
    _sub(titles, "officieleTitel", official_title(document))
    _sub(_sub(titles, "verkorteTitels"), "verkorteTitel", document.title)
    _sub(_sub(diwoo, "omschrijvingen"), "omschrijving", summary(document, site.words))
    classification = _sub(diwoo, "classificatiecollectie")
    category = (document.information_category.uri, document.information_category.label)
    _sub(_sub(classification, "informatiecategorieen"), "informatiecategorie", category)
    _sub(_sub(classification, "documentsoorten"), "documentsoort", document.kind.documentsoort)
    _sub(_sub(classification, "themas"), "thema", THEMA)
    keywords = _sub(classification, "trefwoorden")
    for word in (document.programme.title, f"{document.kind.label} {document.year}"):
        _sub(keywords, "trefwoord", word)
    if document.dates.created is not None:
        _sub(diwoo, "creatiedatum", document.dates.created.isoformat())
    _sub(diwoo, "language", language(site.config.language))
    _sub(diwoo, "format", FORMAT_HTML)
    publication = urls.publication_path(document.publisher.name, document.kind, document.year)
    publication_title = f"{document.kind.label} {document.year} {publisher_label(document)}"
    _sub(diwoo, "isPartOf", (site.url(publication), publication_title))
    (kind, label), moment = handeling(document, history)
    action = _sub(_sub(diwoo, "documenthandelingen"), "documenthandeling")
    _sub(action, "soortHandeling", (kind, label))
    _sub(action, "atTime", timestamps.w3c(moment))
    _versions(diwoo, site.versions.get(page.path, []), site)
    return root


def _versions(diwoo: etree._Element, kept: list[Version], site: Site) -> None:
    """A corrected document refers to each previous version and gives the reason of the last correction."""
    if not kept:
        return
    relations = _sub(diwoo, "documentrelaties")
    for version in kept:
        relation = _sub(relations, "documentrelatie")
        _sub(relation, "role", VERWIJST_NAAR)
        _sub(
            relation,
            "relation",
            (site.url(version.path), f"versie {version.number}, vervangen op {version.correction.date}"),
        )
    _sub(diwoo, "redenVerwijderingVervanging", GROUNDS[kept[-1].correction.ground])


def _sub(parent: etree._Element, name: str, value: str | tuple[str, str] | None = None) -> etree._Element:
    """A DiWoo child: plain text, or (uri, label) written as label text with a ``resource`` attribute."""
    element = etree.SubElement(parent, f"{{{NS}}}{name}")
    if isinstance(value, tuple):
        element.set("resource", value[0])
        element.text = value[1]
    elif value is not None:
        element.text = value
    return element
