"""Was the site built for the address it is checked against? One root cause, one message.

A site built for another base URL fails every link, sitemap and metadata check; instead of hundreds of
problems with the same cause, ``check`` reports that cause once and checks nothing else.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from generator.check.site_files import SiteFiles
from generator.core.errors import Problem
from generator.core.translation import _
from generator.outputs.build_record import FILE_NAME, BuildRecord
from generator.outputs.sitemaps import ROBOTS


def mismatch(site: SiteFiles, record: BuildRecord | None) -> Problem | None:
    """The one problem when the site was built for another base URL than ``site.base_url``, else None."""
    built_for = record.base_url if record else _from_robots(site.root / ROBOTS)
    if built_for is None or built_for == site.base_url:
        return None
    where = site.root / FILE_NAME if record else site.root / ROBOTS
    return Problem(
        where,
        None,
        _("the site was built for {built_for}, not for {site_base_url}").format(
            built_for=built_for, site_base_url=site.base_url
        ),
        _("build with --base-url {site_base_url}, or check with --base-url {built_for} (or without --base-url)").format(
            site_base_url=site.base_url, built_for=built_for
        ),
    )


def _from_robots(robots: Path) -> str | None:
    """The base URL an older build (without a build record) used, seen in its first ``Sitemap:`` line."""
    try:
        lines = robots.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap":
            parts = urlsplit(value.strip())
            if parts.scheme and parts.netloc:
                return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"
    return None
