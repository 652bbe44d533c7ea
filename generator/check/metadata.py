"""Every document has valid, complete DiWoo metadata, reachable through the harvest chain.

For each ``diwoo:Document`` in the DiWoo sitemaps (and in the per-document ``.diwoo.xml`` files): it validates
against the DiWoo 0.9.8 schema, the required fields are there (publisher, official title, information category,
a documenthandeling with a full datetime), and its category is the one of the index it was found through.
Every document in the catalog must be in a DiWoo sitemap.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from generator.check import diwoo_schema
from generator.check.harvest_chain import REBUILD, DiwooEntry
from generator.check.site_files import SiteFiles
from generator.core.errors import Problem
from generator.core.translation import N_, _
from generator.outputs.api import CATALOG
from generator.outputs.diwoo import NS
from generator.reference.taxonomy import information_categories

XS_DATETIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
FIX_CONTENT = N_("check the content file's front matter and rebuild")


def check(site: SiteFiles, entries: list[DiwooEntry]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in entries:
        if entry.document is not None:
            problems += document_problems(entry.sitemap, entry.loc, entry.document, entry.category_number)
    problems += _catalog_in_sitemaps(site, {entry.loc for entry in entries})
    return problems


def document_problems(file: Path, loc: str, document: etree._Element, number: str | None = None) -> list[Problem]:
    """Schema errors and missing required metadata of one ``diwoo:Document``, one problem each."""
    problems = [
        Problem(file, line, _("{loc}: DiWoo 0.9.8 schema: {message}").format(loc=loc, message=message), _(FIX_CONTENT))
        for line, message in diwoo_schema.errors(document)
    ]
    line = document.sourceline

    def missing(what: str, hint: str = _(FIX_CONTENT)) -> None:
        problems.append(
            Problem(file, line, _("{loc}: no {what} in its DiWoo metadata").format(loc=loc, what=what), hint)
        )

    publisher = document.find(f".//{{{NS}}}publisher")
    if publisher is None or not publisher.get("resource"):
        missing("publisher with its TOOI URI", "name the publisher in the front matter as CBS does, and rebuild")
    if not (document.findtext(f".//{{{NS}}}officieleTitel") or "").strip():
        missing("official title (officieleTitel)")
    categories = [c.get("resource") for c in document.iterfind(f".//{{{NS}}}informatiecategorie")]
    if not categories:
        missing("information category", "set information_category in the front matter (or remove it), and rebuild")
    elif number is not None:
        numbers = {information_categories()[c].number for c in categories if c in information_categories()}
        if number not in numbers:
            problems.append(
                Problem(
                    file,
                    line,
                    f"{loc}: listed under information category {number}, but its metadata says "
                    + ", ".join(sorted(numbers) or ["an unknown category"]),
                    _(REBUILD),
                )
            )
    actions = document.findall(f".//{{{NS}}}documenthandeling")
    if not actions:
        missing("documenthandeling")
    for action in actions:
        at = (action.findtext(f"{{{NS}}}atTime") or "").strip()
        if not XS_DATETIME.match(at):
            problems.append(
                Problem(
                    file,
                    action.sourceline,
                    _("{loc}: documenthandeling at '{at}', not a full datetime").format(loc=loc, at=at),
                    _(REBUILD),
                )
            )
    return problems


def _catalog_in_sitemaps(site: SiteFiles, harvested: set[str]) -> list[Problem]:
    """Each catalog document is in a DiWoo sitemap, and its own .diwoo.xml file is valid too."""
    catalog = site.root / CATALOG
    try:
        documents = json.loads(catalog.read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError) as exc:
        return [Problem(catalog, None, _("the catalog cannot be read ({exc})").format(exc=exc), _(REBUILD))]
    problems: list[Problem] = []
    for document in documents:
        html = document["urls"]["html"]
        if html not in harvested:
            problems.append(
                Problem(
                    catalog, None, _("{html} is in the catalog but in no DiWoo sitemap").format(html=html), _(REBUILD)
                )
            )
        metadata_url = document["urls"].get("diwoo")
        file = site.file_for(metadata_url) if metadata_url else None
        if file is None:
            continue  # a missing file is reported by the catalog check
        try:
            root = site.read_xml(file).getroot()
        except etree.XMLSyntaxError as exc:
            problems.append(
                Problem(file, exc.lineno, _("not well-formed XML: {exc_msg}").format(exc_msg=exc.msg), _(REBUILD))
            )
            continue
        problems += document_problems(file, html, root)
    return problems
