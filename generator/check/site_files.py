"""A built site on disk, seen the way a visitor sees it: absolute URLs map to files.

Shared by every check: which file serves a URL, how to read an XML file safely (no network, no entities),
and how to name a file in a problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from generator.core import urls

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class SiteFiles:
    root: Path
    base_url: str

    def url(self, path: str) -> str:
        """Absolute URL of a site path."""
        return self.base_url + path

    def url_of(self, file: Path) -> str:
        """The URL a file is served at; an index.html is served as its folder."""
        rel = file.relative_to(self.root).as_posix()
        return self.url(rel.removesuffix("index.html") if rel == "index.html" or rel.endswith("/index.html") else rel)

    def under_base(self, url: str) -> bool:
        return url.startswith(self.base_url)

    def same_host(self, url: str) -> bool:
        own, other = urlsplit(self.base_url), urlsplit(url)
        return (other.scheme, other.netloc) == (own.scheme, own.netloc)

    def file_for(self, url: str) -> Path | None:
        """The file that serves an absolute URL below the base URL, or None when there is none."""
        if not self.under_base(url):
            return None
        path = unquote(urlsplit(url).path)[len(urls.base_path(self.base_url)) :]
        if any(part == ".." for part in path.split("/")):
            return None
        target = self.root / urls.output_file(path)
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def read_xml(self, file: Path) -> etree._ElementTree:
        """Parse an XML file; raises etree.XMLSyntaxError with the line."""
        return etree.parse(str(file), PARSER)
