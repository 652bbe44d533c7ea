"""What to register with the Woo-index: the DiWoo collection URLs, and the robots.txt lines for the host.

The Woo-index (KOOP) harvests the ``sitemapindex-diwoo-infocatNNN.xml`` files a site's robots.txt names. A
harvester reads robots.txt only at the root of a host, so a site below a sub-path must have its ``Sitemap:``
lines added to the host's own robots.txt.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.core import urls
from generator.core.translation import _
from generator.reference.taxonomy import information_categories


def lines(base_url: str, indexes: list[tuple[str, str]]) -> list[str]:
    """Lines to print after a passing check (pure: the base URL and the (number, URL) pairs in)."""
    labels = {cat.number: cat.label for cat in information_categories().values()}
    out = [_("Register with the Woo-index (one collection per information category):")]
    out += [f"  {number} {labels.get(number, '?')}: {url}" for number, url in indexes]
    parts = urlsplit(base_url)
    root = f"{parts.scheme}://{parts.netloc}/robots.txt"
    if urls.base_path(base_url) == "/":
        out.append(_("robots.txt at the host root: {root} (this site's own, with these lines)").format(root=root))
    else:
        out.append(_("Add these lines to {root} (harvesters read robots.txt only at the host root):").format(root=root))
        out += [f"  Sitemap: {url}" for _number, url in indexes]
    return out
