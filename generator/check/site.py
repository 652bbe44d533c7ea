"""Check a built site: every kind of check (one module each), their problems in one report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.check import built_for, catalog_urls, harvest_chain, links, metadata, redactions
from generator.check.site_files import SiteFiles
from generator.core.errors import Problem
from generator.core.translation import _
from generator.models import SiteConfig
from generator.outputs import search_index
from generator.outputs.build_record import BuildRecord


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0
    links: int = 0
    indexes: list[tuple[str, str]] = field(default_factory=list)
    """(category number, URL) of the DiWoo sitemap indexes: what to register with the Woo-index."""

    def summary(self) -> str:
        counts = _("{documents} documents in the DiWoo sitemaps, {links} links").format(
            documents=self.documents, links=self.links
        )
        if self.problems:
            return _("{count} problems ({counts} checked)").format(count=len(self.problems), counts=counts)
        return _("site is ready: {counts} checked, no problems").format(counts=counts)


def run(site_dir: Path, config: SiteConfig, record: BuildRecord | None = None) -> Report:
    """Check the site in ``site_dir`` as published at ``config.base_url`` (validated, overrides applied)."""
    site = SiteFiles(site_dir.resolve(), config.base_url)
    report = Report()
    wrong_address = built_for.mismatch(site, record)
    if wrong_address is not None:
        report.problems.append(wrong_address)
        return report
    chain = harvest_chain.walk(site)
    report.documents = len(chain.entries)
    report.indexes = chain.indexes
    report.problems += chain.problems
    report.problems += metadata.check(site, chain.entries)
    link_problems, report.links = links.check(site)
    report.problems += link_problems
    report.problems += catalog_urls.check(site)
    report.problems += redactions.check(site, config.redactions)
    report.problems += search_index.problems(site.root)
    return report
