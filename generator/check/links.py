"""Every internal link and asset of every HTML page resolves to a file (and every ``#fragment`` to an id).

Links to other hosts are not followed (the check runs offline). A link to this host outside the base path is
reported: it breaks when the site is published below a sub-path.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from generator.check.site_files import SiteFiles
from generator.core.errors import Problem
from generator.core.translation import N_, _

ATTRIBUTES = ("href", "src")
SKIP_SCHEMES = ("mailto:", "tel:", "data:", "javascript:")
FIX = N_("fix the link in the content file or template, or add the missing file, and rebuild")


def check(site: SiteFiles) -> tuple[list[Problem], int]:
    """Problems, and the number of links checked."""
    problems: list[Problem] = []
    ids: dict[Path, set[str]] = {}
    count = 0
    pages = sorted(site.root.rglob("*.html"))
    trees = {page: lxml_html.parse(str(page)) for page in pages}
    for page, tree in trees.items():
        ids[page] = {str(v) for v in tree.xpath("//@id")}
    for page, tree in trees.items():
        page_url = site.url_of(page)
        for element in tree.iter(etree.Element):
            for attribute in ATTRIBUTES:
                value = element.get(attribute)
                if value is None or value.strip().lower().startswith(SKIP_SCHEMES):
                    continue
                count += 1
                problem = _problem(site, page, page_url, element.sourceline, value.strip(), ids)
                if problem is not None:
                    problems.append(problem)
    return problems, count


def _problem(
    site: SiteFiles, page: Path, page_url: str, line: int | None, value: str, ids: dict[Path, set[str]]
) -> Problem | None:
    url, fragment = urldefrag(urljoin(page_url, value))
    if not site.same_host(url):
        return None
    if not site.under_base(url):
        return Problem(
            page,
            line,
            _("link '{value}' points outside the site's base path {site_base_url}").format(
                value=value, site_base_url=site.base_url
            ),
            _(FIX),
        )
    target = site.file_for(url)
    if target is None:
        return Problem(
            page,
            line,
            _("link '{value}' leads nowhere: no file for {path}").format(value=value, path=urlsplit(url).path),
            _(FIX),
        )
    if fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
        return Problem(
            page,
            line,
            _("link '{value}': no element with id '{fragment}' on that page").format(value=value, fragment=fragment),
            _(FIX),
        )
    return None
