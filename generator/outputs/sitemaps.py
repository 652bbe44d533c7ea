"""The harvest chain: robots.txt -> DiWoo sitemap index per information category -> sitemaps -> pages.

The Woo-index reads ``Sitemap:`` lines in robots.txt and follows only index files named
``sitemapindex-diwoo-infocatNNN.xml`` (NNN = the Woo category number, 012 = jaarplannen en jaarverslagen).
Each index lists ``<urlset>`` sitemaps whose ``<url>`` holds ``<loc>`` (the HTML page), ``<lastmod>`` (when
the content last changed, from the ledger) and the document's ``<diwoo:Document>``. A plain ``sitemap.xml``
of every page serves search engines. Every file stays within the sitemaps.org limits (50,000 URLs, 50 MiB
uncompressed): larger sets are split. All files live at the site root, because a sitemap may only list URLs
at or below its own folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from lxml import etree

from generator.core import timestamps, urls
from generator.core.errors import BuildError, Problem
from generator.core.translation import _
from generator.outputs import diwoo
from generator.outputs.writer import OutputWriter
from generator.reference.taxonomy import information_categories
from generator.structure import comparison
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
MAX_SITEMAPS = 50_000
"""Sitemaps one index may list."""
MAX_BYTES = 50 * 1024 * 1024
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"

INDEX_NSMAP = {None: NS}
URLSET_NSMAP = {None: NS, "diwoo": diwoo.NS}

T = TypeVar("T")


def index_name(number: str) -> str:
    """ "012" -> "sitemapindex-diwoo-infocat012.xml" (the DiWoo naming convention)."""
    return f"sitemapindex-diwoo-infocat{number}.xml"


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    """robots.txt, the DiWoo indexes and their sitemaps, and sitemap.xml."""
    by_category: dict[str, list[DocumentPage]] = {}
    for page in site.documents:
        number = information_categories()[page.document.information_category.uri].number
        by_category.setdefault(number, []).append(page)
    listed = [SITEMAP]
    for number, pages in sorted(by_category.items()):
        entries = [
            _url(
                page.document.urls.html,
                histories[page.document.id].modified,
                diwoo.document_element(site, page, histories[page.document.id]),
            )
            for page in pages
        ]
        parts = _write_urlsets(out, f"sitemap-diwoo-infocat{number}", entries)
        out.write_bytes(index_name(number), sitemap_index(site, parts))
        listed.append(index_name(number))
    _write_plain_sitemap(site, out, histories)
    out.write_text(ROBOTS, robots(site, listed))


def robots(site: Site, sitemaps: list[str]) -> str:
    """Everything may be crawled; the Sitemap lines start the harvest."""
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {site.url(name)}" for name in sitemaps]
    return "\n".join(lines) + "\n"


Entry = tuple[bytes, dt.datetime | None, bool]
"""A ``<url>`` as it stands in its file (indented, without the namespaces its ``<urlset>`` declares), its
lastmod, and whether it holds DiWoo metadata. Kept as bytes, not as an element tree: the DiWoo metadata of
10,000 documents took 160 MB as trees, and each entry is measured for the size limit once."""

_DECLARED = etree.tostring(etree.Element(f"{{{NS}}}url", nsmap=URLSET_NSMAP))[len(b"<url") : -len(b"/>")]
"""The namespace declarations a ``<url>`` serialized on its own carries, which its ``<urlset>`` makes."""


def _url(loc: str, lastmod: dt.datetime | None, *extra: etree._Element) -> Entry:
    element = etree.Element(f"{{{NS}}}url", nsmap=URLSET_NSMAP)
    etree.SubElement(element, f"{{{NS}}}loc").text = loc
    if lastmod is not None:
        etree.SubElement(element, f"{{{NS}}}lastmod").text = timestamps.w3c(lastmod)
    for child in extra:
        element.append(child)
    etree.indent(element, level=1)  # as lxml's pretty print indents it one level inside <urlset>
    data = etree.tostring(element, encoding="UTF-8", xml_declaration=False)
    if not data.startswith(b"<url" + _DECLARED):
        raise AssertionError(f"unexpected serialization of a sitemap entry: {data[:200]!r}")
    return b"  <url" + data[len(b"<url" + _DECLARED) :] + b"\n", lastmod, bool(extra)


def _write_plain_sitemap(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    """Every HTML page; an overview page changes when one of the documents it lists does."""

    def latest(pages: list[DocumentPage]) -> dt.datetime | None:
        return max((histories[p.document.id].modified for p in pages), default=None)

    entries = [_url(site.url(""), latest(site.documents))]
    for publisher in site.publishers:
        entries.append(_url(site.url(publisher.path), latest([d for p in publisher.publications for d in p.documents])))
        for publication in publisher.publications:
            entries.append(_url(site.url(publication.path), latest(publication.documents)))
            entries += [_url(p.document.urls.html, histories[p.document.id].modified) for p in publication.documents]
    entries += [_url(site.url(path), None) for path in urls.STANDARD_PAGES.values()]
    # Comparisons; previous versions and withdrawn documents are noindex pages and not listed.
    if site.comparisons:
        entries.append(_url(site.url(comparison.PATH_PREFIX), latest(site.documents)))
    entries += [_url(site.url(c.path), latest([e.page for e in c.entries])) for c in site.comparisons]
    chunks = split(entries, _size, MAX_URLS, MAX_BYTES, _overhead())
    if len(chunks) == 1:
        out.write_bytes(SITEMAP, urlset(chunks[0]))
        return
    parts = _write_urlsets(out, "sitemap", entries)
    out.write_bytes(SITEMAP, sitemap_index(site, parts))


def _write_urlsets(out: OutputWriter, stem: str, entries: list[Entry]) -> list[tuple[str, dt.datetime | None]]:
    """Write ``<stem>-1.xml``, ``<stem>-2.xml``, … and return each file with its newest lastmod."""
    parts = []
    for n, chunk in enumerate(split(entries, _size, MAX_URLS, MAX_BYTES, _overhead()), start=1):
        name = f"{stem}-{n}.xml"
        data = urlset(chunk)
        if len(data) > MAX_BYTES:
            raise BuildError(
                Problem(
                    None,
                    None,
                    _("sitemap {name} is {count} bytes, over the 50 MiB limit").format(name=name, count=len(data)),
                )
            )
        out.write_bytes(name, data)
        parts.append((name, max((m for _, m, _ in chunk if m is not None), default=None)))
    return parts


def urlset(entries: Sequence[Entry]) -> bytes:
    """The file: the bytes lxml's pretty print makes of one ``<urlset>`` tree of the entries (which declares
    the DiWoo namespace only when an entry uses it), joined from the entries' own bytes."""
    if not entries:
        return diwoo.to_bytes(etree.Element(f"{{{NS}}}urlset", nsmap={None: NS}))
    head, tail = _frame(any(uses_diwoo for _, _, uses_diwoo in entries))
    return b"".join([head, *(data for data, _, _ in entries), tail])


def _frame(uses_diwoo: bool) -> tuple[bytes, bytes]:
    """The bytes of a urlset file before and after its entries."""
    root = etree.Element(f"{{{NS}}}urlset", nsmap=URLSET_NSMAP if uses_diwoo else {None: NS})
    root.text = "\n"
    head, tail = diwoo.to_bytes(root).split(b"\n</urlset>")
    return head + b"\n", b"</urlset>" + tail


def sitemap_index(site: Site, parts: list[tuple[str, dt.datetime | None]]) -> bytes:
    """A ``<sitemapindex>`` of the given sitemap files."""
    if len(parts) > MAX_SITEMAPS:
        raise BuildError(
            Problem(
                None, None, _("{count} sitemaps exceed the 50,000 a sitemap index may list").format(count=len(parts))
            )
        )
    root = etree.Element(f"{{{NS}}}sitemapindex", nsmap=INDEX_NSMAP)
    for name, lastmod in parts:
        entry = etree.SubElement(root, f"{{{NS}}}sitemap")
        etree.SubElement(entry, f"{{{NS}}}loc").text = site.url(name)
        if lastmod is not None:
            etree.SubElement(entry, f"{{{NS}}}lastmod").text = timestamps.w3c(lastmod)
    return diwoo.to_bytes(root)


def split(
    items: Sequence[T],
    size: Callable[[T], int],
    max_items: int = MAX_URLS,
    max_bytes: int = MAX_BYTES,
    overhead: int = 0,
) -> list[list[T]]:
    """Cut ``items`` into consecutive chunks of at most ``max_items`` whose sizes plus ``overhead`` fit
    ``max_bytes``; always at least one chunk (an empty sitemap is still a valid file)."""
    chunks: list[list[T]] = [[]]
    used = overhead
    for item in items:
        item_size = size(item)
        if overhead + item_size > max_bytes:
            raise BuildError(
                Problem(
                    None,
                    None,
                    _("one sitemap entry of {item_size} bytes exceeds {max_bytes} bytes").format(
                        item_size=item_size, max_bytes=max_bytes
                    ),
                )
            )
        if len(chunks[-1]) >= max_items or used + item_size > max_bytes:
            chunks.append([])
            used = overhead
        chunks[-1].append(item)
        used += item_size
    return chunks


def _size(entry: Entry) -> int:
    """Bytes an entry takes in its file."""
    return len(entry[0])


def _overhead() -> int:
    """Bytes of a urlset file around its entries: declaration, root element, closing tag."""
    return sum(map(len, _frame(True)))
