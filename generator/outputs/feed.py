"""An Atom 1.0 feed (RFC 4287) of new and changed programme documents, newest change first.

``updated`` is the document's last content change and ``published`` its first publication (both from the
ledger), so a feed reader shows a document again exactly when its content changed.
"""

from __future__ import annotations

from lxml import etree

from generator.core import timestamps
from generator.outputs import diwoo
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.site import Site

NS = "http://www.w3.org/2005/Atom"
PATH = "feed.xml"
MAX_ENTRIES = 100


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    out.write_bytes(PATH, feed(site, histories))


def feed(site: Site, histories: dict[str, History]) -> bytes:
    pages = sorted(site.documents, key=lambda p: (histories[p.document.id].modified, p.document.id), reverse=True)
    pages = pages[:MAX_ENTRIES]
    root = etree.Element(f"{{{NS}}}feed", nsmap={None: NS})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", site.config.language)
    _sub(root, "id", site.url(PATH))
    _sub(root, "title", f"{site.config.title}: nieuwe en gewijzigde documenten")
    if site.config.description:
        _sub(root, "subtitle", site.config.description)
    newest = max((histories[p.document.id].modified for p in pages), default=None)
    _sub(root, "updated", timestamps.w3c(newest or timestamps.now()))
    _link(root, site.url(PATH), "self", "application/atom+xml")
    _link(root, site.url(""), "alternate", "text/html")
    _sub(_sub(root, "author"), "name", site.config.contact.organisation or site.config.title)
    _sub(root, "generator", "woosite")
    for page in pages:
        document, history = page.document, histories[page.document.id]
        entry = _sub(root, "entry")
        _sub(entry, "id", document.urls.html)
        _sub(entry, "title", diwoo.official_title(document))
        _sub(entry, "updated", timestamps.w3c(history.modified))
        _sub(entry, "published", timestamps.w3c(history.first_published))
        _sub(_sub(entry, "author"), "name", diwoo.publisher_label(document))
        _link(entry, document.urls.html, "alternate", "text/html")
        _link(entry, document.urls.json_, "alternate", "application/json")
        category = _sub(entry, "category")
        category.set("term", document.kind.value)
        category.set("label", site.words.kinds.get(document.kind.value, document.kind.label))
        _sub(entry, "summary", diwoo.summary(document, site.words))
    _corrections_and_withdrawals(site, root)
    return diwoo.to_bytes(root)


def _corrections_and_withdrawals(site: Site, root: etree._Element) -> None:
    """One entry per correction (linking the kept previous version) and per withdrawn document."""
    for page in site.documents:
        for version in site.versions.get(page.path, []):
            entry = _sub(root, "entry")
            _sub(entry, "id", site.url(version.path))
            _sub(entry, "title", site.words.versions.feed_title.format(title=diwoo.official_title(page.document)))
            _sub(entry, "updated", timestamps.w3c(timestamps.aware(version.correction.date)))
            _sub(_sub(entry, "author"), "name", diwoo.publisher_label(page.document))
            _link(entry, page.document.urls.html, "alternate", "text/html")
            _link(entry, site.url(version.path), "related", "text/html")
            changed = site.words.data.feed.changed
            _sub(
                entry,
                "summary",
                changed.format(date=version.correction.date.isoformat(), reason=version.correction.reason),
            )
    for page in site.withdrawn:
        withdrawal = page.source.front.withdrawn
        if withdrawal is None:
            continue
        entry = _sub(root, "entry")
        _sub(entry, "id", page.document.urls.html + "#ingetrokken")
        _sub(entry, "title", site.words.versions.feed_withdrawn.format(title=diwoo.official_title(page.document)))
        _sub(entry, "updated", timestamps.w3c(timestamps.aware(withdrawal.date)))
        _sub(_sub(entry, "author"), "name", diwoo.publisher_label(page.document))
        _link(entry, page.document.urls.html, "alternate", "text/html")
        withdrawn = site.words.data.feed.withdrawn
        _sub(entry, "summary", withdrawn.format(date=withdrawal.date.isoformat(), reason=withdrawal.reason))


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{name}")
    if text is not None:
        element.text = text
    return element


def _link(parent: etree._Element, href: str, rel: str, media_type: str) -> None:
    link = _sub(parent, "link")
    link.set("rel", rel)
    link.set("type", media_type)
    link.set("href", href)
