"""The path a harvester walks: robots.txt -> sitemap indexes -> sitemaps -> pages, by the sitemaps.org rules.

Every link in the chain must resolve to a file of the site; every file must follow the sitemaps.org protocol
(namespace, absolute ``loc`` below the base URL, W3C datetimes, 50,000 entries and 50 MiB per file). The DiWoo
entries found on the way are returned for the metadata checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.check.site_files import SiteFiles
from generator.core.errors import Problem
from generator.core.translation import N_, _
from generator.outputs.diwoo import NS as DIWOO
from generator.outputs.sitemaps import MAX_BYTES, MAX_URLS, ROBOTS
from generator.outputs.sitemaps import NS as SITEMAP

DIWOO_INDEX = re.compile(r"^sitemapindex-diwoo-infocat(\d{3})\.xml$")
# W3C datetime (https://www.w3.org/TR/NOTE-datetime) as sitemaps.org allows it: a date, or a time with offset.
W3C_DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")
MAX_LOC = 2048
REBUILD = N_("rebuild the site with 'woosite build'")


@dataclass(frozen=True)
class DiwooEntry:
    """A ``<url>`` of a DiWoo sitemap: where it is, the page it names, and its metadata."""

    sitemap: Path
    line: int | None
    loc: str
    category_number: str
    """The NNN of the index file that led here."""
    document: etree._Element | None


@dataclass
class Chain:
    entries: list[DiwooEntry]
    problems: list[Problem]
    indexes: list[tuple[str, str]] = field(default_factory=list)
    """(category number, URL) of every DiWoo sitemap index robots.txt names: what the Woo-index registers."""


def walk(site: SiteFiles) -> Chain:
    chain = Chain([], [])
    robots = site.root / ROBOTS
    if not robots.is_file():
        chain.problems.append(
            Problem(robots, None, _("robots.txt is missing: harvesters find no sitemaps"), _(REBUILD))
        )
        return chain
    found_diwoo = False
    for number, line in enumerate(robots.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        key, _colon, value = line.partition(":")
        if key.strip().lower() != "sitemap":
            continue
        url = value.strip()
        match = DIWOO_INDEX.match(url.rstrip("/").rsplit("/", 1)[-1])
        found_diwoo = found_diwoo or match is not None
        target = _resolve(site, url, robots, number, chain.problems, _("sitemap"))
        if target is None:
            continue
        if match:
            chain.indexes.append((match.group(1), url))
            _index(site, target, match.group(1), chain)
        else:
            _any_sitemap(site, target, chain)
    if not found_diwoo:
        chain.problems.append(
            Problem(
                robots,
                None,
                _("no 'Sitemap:' line names a sitemapindex-diwoo-infocatNNN.xml: the Woo-index finds no documents"),
                _(REBUILD),
            )
        )
    return chain


def _resolve(
    site: SiteFiles, url: str, file: Path, line: int | None, problems: list[Problem], what: str
) -> Path | None:
    """The file behind a URL in the chain, or None with a problem explaining why."""
    if not site.under_base(url):
        problems.append(
            Problem(
                file,
                line,
                _("{what} URL '{url}' is not below the site's base URL {site_base_url}").format(
                    what=what, url=url, site_base_url=site.base_url
                ),
                _("build with the base URL the site is published at (--base-url), or check with the same --base-url"),
            )
        )
        return None
    if len(url) > MAX_LOC:
        problems.append(
            Problem(
                file,
                line,
                _("{what} URL is longer than {max_loc} characters").format(what=what, max_loc=MAX_LOC),
                _("shorten the URL"),
            )
        )
    target = site.file_for(url)
    if target is None:
        problems.append(
            Problem(file, line, _("{what} '{url}' does not exist in the site").format(what=what, url=url), _(REBUILD))
        )
    return target


def _parse(site: SiteFiles, file: Path, expected: str, problems: list[Problem]) -> etree._Element | None:
    """The root element of a sitemap file, checked for its size, namespace and element name."""
    if file.stat().st_size > MAX_BYTES:
        problems.append(Problem(file, None, _("larger than the 50 MiB a sitemap may be"), _(REBUILD)))
    try:
        root = site.read_xml(file).getroot()
    except etree.XMLSyntaxError as exc:
        problems.append(
            Problem(file, exc.lineno, _("not well-formed XML: {exc_msg}").format(exc_msg=exc.msg), _(REBUILD))
        )
        return None
    if root.tag != f"{{{SITEMAP}}}{expected}":
        problems.append(
            Problem(
                file,
                root.sourceline,
                _("root element is {root_tag}, not <{expected}> in {sitemap}").format(
                    root_tag=root.tag, expected=expected, sitemap=SITEMAP
                ),
                _(REBUILD),
            )
        )
        return None
    return root


def _entries(root: etree._Element, file: Path, child: str, problems: list[Problem]) -> list[etree._Element]:
    entries: list[etree._Element] = list(root.findall(f"{{{SITEMAP}}}{child}"))
    if len(entries) > MAX_URLS:
        problems.append(
            Problem(
                file,
                None,
                _("{count} entries; a sitemap file may hold {max_urls}").format(count=len(entries), max_urls=MAX_URLS),
                _(REBUILD),
            )
        )
    for entry in entries:
        lastmod = entry.findtext(f"{{{SITEMAP}}}lastmod")
        if lastmod is not None and not W3C_DATETIME.match(lastmod.strip()):
            problems.append(
                Problem(
                    file,
                    entry.sourceline,
                    _("lastmod '{lastmod}' is not a W3C datetime").format(lastmod=lastmod),
                    _(REBUILD),
                )
            )
    return entries


def _index(site: SiteFiles, file: Path, number: str, chain: Chain) -> None:
    root = _parse(site, file, "sitemapindex", chain.problems)
    if root is None:
        return
    for entry in _entries(root, file, "sitemap", chain.problems):
        loc = (entry.findtext(f"{{{SITEMAP}}}loc") or "").strip()
        target = _resolve(site, loc, file, entry.sourceline, chain.problems, _("sitemap"))
        if target is not None:
            _urlset(site, target, number, chain)


def _any_sitemap(site: SiteFiles, file: Path, chain: Chain) -> None:
    """A sitemap for search engines: a urlset, or an index of urlsets."""
    try:
        tag = site.read_xml(file).getroot().tag
    except etree.XMLSyntaxError as exc:
        chain.problems.append(
            Problem(file, exc.lineno, _("not well-formed XML: {exc_msg}").format(exc_msg=exc.msg), _(REBUILD))
        )
        return
    if tag == f"{{{SITEMAP}}}sitemapindex":
        root = _parse(site, file, "sitemapindex", chain.problems)
        for entry in _entries(root, file, "sitemap", chain.problems) if root is not None else []:
            loc = (entry.findtext(f"{{{SITEMAP}}}loc") or "").strip()
            target = _resolve(site, loc, file, entry.sourceline, chain.problems, _("sitemap"))
            if target is not None:
                _urlset(site, target, None, chain)
    else:
        _urlset(site, file, None, chain)


def _urlset(site: SiteFiles, file: Path, number: str | None, chain: Chain) -> None:
    """Check a ``<urlset>``; with a category ``number`` it is a DiWoo sitemap whose entries are collected."""
    root = _parse(site, file, "urlset", chain.problems)
    if root is None:
        return
    for entry in _entries(root, file, "url", chain.problems):
        loc = (entry.findtext(f"{{{SITEMAP}}}loc") or "").strip()
        _resolve(site, loc, file, entry.sourceline, chain.problems, _("page"))
        if number is None:
            continue
        if entry.find(f"{{{SITEMAP}}}lastmod") is None:
            chain.problems.append(
                Problem(
                    file,
                    entry.sourceline,
                    _("{loc}: no <lastmod>; the Woo-index needs it to see changes").format(loc=loc),
                    _(REBUILD),
                )
            )
        document = entry.find(f"{{{DIWOO}}}Document")
        if document is None:
            chain.problems.append(
                Problem(file, entry.sourceline, _("{loc}: no <diwoo:Document> metadata").format(loc=loc), _(REBUILD))
            )
        chain.entries.append(DiwooEntry(file, entry.sourceline, loc, number, document))
