"""woosite check: is a built site ready for the Woo-index, and are all its links whole?"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.check import run
from generator.commands import options
from generator.content.loader import load_config, with_overrides
from generator.errors import ContentError, Problem
from generator.outputs import build_record


@click.command("check")
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The built site to check.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=Path("site.yaml"),
    show_default=True,
    help="site.yaml with the base URL and the redactions.",
)
@options.base_url
def command(site_dir: Path, config_path: Path, base_url: str | None) -> None:
    """Check a built site: DiWoo metadata and sitemaps, links, catalog URLs, redactions.

    Without --base-url the site is checked for the base URL it was built with (woosite-build.json)."""
    if not site_dir.is_dir():
        raise ContentError(Problem(site_dir, None, "site folder not found", "build it first with 'woosite build'"))
    record = build_record.read(site_dir)
    config = with_overrides(load_config(config_path), base_url=base_url or (record.base_url if record else None))
    report = run(site_dir, config, record)
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(report.summary())
    if report.problems:
        sys.exit(1)
