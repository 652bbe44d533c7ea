"""woosite check: is a built site ready for the Woo-index, and are all its links whole?"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.check import readiness, registration
from generator.check.site import run
from generator.commands import options
from generator.content.loader import load_config, load_documents, with_overrides
from generator.content.source import SourceDocument
from generator.core.errors import ContentError, Problem
from generator.core.translation import _, ngettext
from generator.models import SiteConfig
from generator.outputs import build_record


@click.command(
    "check",
    help=_(
        "Check a built site (SITE, default site/): DiWoo metadata and sitemaps, links, catalog URLs, redactions. "
        "Without --base-url the site is checked for the base URL it was built with."
    ),
)
@click.argument("site", type=click.Path(path_type=Path), required=False)
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help=_("The built site to check (also as the argument: woosite check SITE)."),
)
@options.config
@options.base_url
@click.option("--strict", is_flag=True, help=_("Fail on warnings too (anything unfinished): for publishing recipes."))
def command(site: Path | None, site_dir: Path, config_path: Path | None, base_url: str | None, strict: bool) -> None:
    """Check a built site (SITE, default site/): DiWoo metadata and sitemaps, links, catalog URLs, redactions.

    Without --base-url the site is checked for the base URL it was built with (woosite-build.json)."""
    site_dir = site or site_dir
    config_path = config_path or Path("content").resolve().parent / "site.yaml"  # as options.config says
    if not site_dir.is_dir():
        raise ContentError(
            Problem(site_dir, None, _("site folder not found"), _("build it first with 'woosite build'"))
        )
    record = build_record.read(site_dir)
    config = with_overrides(load_config(config_path), base_url=base_url or (record.base_url if record else None))
    report = run(site_dir, config, record)
    unfinished = readiness.warnings(config, config_path, _sources(config_path.parent / "content", config))
    for problem in report.problems:
        click.echo(str(problem))
    for warning in unfinished:
        click.echo(_("warning: {warning}").format(warning=warning))
    if report.indexes and not report.problems:
        for line in registration.lines(config.base_url, report.indexes):
            click.echo(line)
    warnings = len(unfinished)
    counted = ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
    click.echo(report.summary() + (f", {counted}" if unfinished else ""))
    if report.problems or (strict and unfinished):
        sys.exit(1)


def _sources(content_dir: Path, config: SiteConfig) -> list[SourceDocument]:
    """The content the site was built from, when it lies beside site.yaml (for the warnings)."""
    if not content_dir.is_dir():
        return []
    return load_documents(content_dir, config)
