"""Stable, readable URLs: one place decides where every page and file lives.

Every path segment is a slug of ``[a-z0-9-]`` only, so no content can make a path that needs escaping
or that leaves the output directory. Pages are folders with an ``index.html`` (``/lisse/begroting-2021/``).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin, urlsplit

from generator.core.translation import _

_MAX_SLUG = 80
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
"""Names Windows refuses for a file or folder (the site may be copied to or served from Windows)."""


_SITE_PATH = re.compile(r"(?:[a-z0-9._-]+/)*[a-z0-9._-]*")


def absolute(base: str, path: str) -> str:
    """The absolute URL of a site path below the (normalised) base URL: ``urljoin``'s answer, found by
    joining the two where the path is one this module made (slugs and file names), which is far cheaper."""
    if _SITE_PATH.fullmatch(path) and not any(part in (".", "..") for part in path.split("/")):
        return base + path
    return urljoin(base, path)


def slugify(text: str) -> str:
    """ "Programma 4: Bestuur & ondersteuning" -> "programma-4-bestuur-ondersteuning".

    Always 1 to 80 characters of ``[a-z0-9-]``, never a Windows device name ("con" -> "con-x"): whatever the
    text (``../``, absolute paths, drive letters, NUL, 300 characters), the slug is one safe path segment.
    Texts that differ only in letter case or Unicode normalisation get the same slug (so two documents
    with such titles are a URL collision, reported by the build, never two files that a host confuses).
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rsplit("-", 1)[0]
    slug = slug or "x"
    return f"{slug}-x" if slug in WINDOWS_RESERVED else slug


def normalise_base_url(url: str) -> str:
    """Check a base URL is absolute http(s) and end it with exactly one slash.

    The one normaliser: only ``SiteConfig`` calls it, so every base URL (site.yaml or ``--base-url``) is
    validated once, and downstream code sees the validated value only."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url.strip()):
        raise ValueError(_("base URL '{url}' must be absolute, like https://example.org/woo/").format(url=url))
    if parts.query or parts.fragment:
        raise ValueError(_("base URL '{url}' must not have a query or fragment").format(url=url))
    return url.strip().rstrip("/") + "/"


def base_path(base_url: str) -> str:
    """The path part of the base URL: "/" or "/woo/"."""
    return urlsplit(base_url).path.rstrip("/") + "/"


def publisher_path(publisher_name: str) -> str:
    return f"{slugify(publisher_name)}/"


def publication_path(publisher_name: str, kind: str, year: int) -> str:
    return f"{publisher_path(publisher_name)}{kind}-{year}/"


def document_path(publisher_name: str, kind: str, year: int, programme_slug: str) -> str:
    """ "lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/" (the programme's slug is made by
    ``redaction.slug``, so no redacted name is in it)."""
    return f"{publication_path(publisher_name, kind, year)}{programme_slug}/"


def document_id(publisher_code: str, kind: str, year: int, programme_slug: str) -> str:
    """Identifier that survives a renamed publisher: "gm0553-begroting-2021-programma-4-bestuur-en-..."."""
    return f"{publisher_code.lower()}-{kind}-{year}-{programme_slug}"


def json_file(path: str, slug: str) -> str:
    """The document as JSON, beside its page."""
    return f"{path}{slug}.json"


def diwoo_file(path: str, slug: str) -> str:
    """The document's DiWoo metadata (XML), beside its page."""
    return f"{path}{slug}.diwoo.xml"


def csv_files(path: str, slug: str, tables: int) -> list[str]:
    """One CSV per finance table, numbered from 1 in front-matter order: "<slug>-tabel-1.csv"."""
    return [f"{path}{slug}-tabel-{n}.csv" for n in range(1, tables + 1)]


def xlsx_file(path: str, slug: str) -> str:
    """All finance tables of a document as one spreadsheet: "<slug>.xlsx" beside the page."""
    return f"{path}{slug}.xlsx"


def output_file(path: str) -> str:
    """The file that serves a URL path: folders get their index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path


STANDARD_PAGES = {
    "search": "zoeken/",
    "accessibility": "toegankelijkheidsverklaring/",
    "contact": "contact/",
    "open_data": "open-data/",
}
"""The site's own pages, by role: the same paths on every site so visitors and harvesters can rely on them."""

NOT_FOUND = "404.html"
