"""``woosite check``: is a built site ready for the Woo-index, and whole?

One module per kind of check; ``run`` calls them all and returns every problem (file, line, what, fix).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.check import catalog_urls, harvest_chain, links, metadata, redactions, search_index
from generator.check.site_files import SiteFiles
from generator.errors import Problem
from generator.models import SiteConfig


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0
    links: int = 0

    def summary(self) -> str:
        counts = f"{self.documents} documents in the DiWoo sitemaps, {self.links} links"
        if self.problems:
            return f"{len(self.problems)} problems ({counts} checked)"
        return f"site is ready: {counts} checked, no problems"


def run(site_dir: Path, config: SiteConfig, base_url: str | None = None) -> Report:
    site = SiteFiles(site_dir.resolve(), (base_url or config.base_url).rstrip("/") + "/")
    report = Report()
    chain = harvest_chain.walk(site)
    report.documents = len(chain.entries)
    report.problems += chain.problems
    report.problems += metadata.check(site, chain.entries)
    link_problems, report.links = links.check(site)
    report.problems += link_problems
    report.problems += catalog_urls.check(site)
    report.problems += redactions.check(site, config.redactions)
    report.problems += search_index.problems(site.root)
    return report
