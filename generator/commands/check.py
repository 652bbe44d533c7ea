"""woosite check: is a built site ready for the Woo-index, and are all its links whole?"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.check import run
from generator.commands import options
from generator.content.loader import load_config
from generator.errors import ContentError, Problem
from generator.urls import normalise_base_url


@click.command("check")
@click.argument("site", type=click.Path(path_type=Path), required=False)
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The built site to check (also as the argument: woosite check SITE).",
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
def command(site: Path | None, site_dir: Path, config_path: Path, base_url: str | None) -> None:
    """Check a built site (SITE, default site/): DiWoo metadata and sitemaps, links, catalog URLs, redactions."""
    site_dir = site or site_dir
    if not site_dir.is_dir():
        raise ContentError(Problem(site_dir, None, "site folder not found", "build it first with 'woosite build'"))
    config = load_config(config_path)
    if base_url is not None:
        try:
            base_url = normalise_base_url(base_url)
        except ValueError as exc:
            raise ContentError(Problem(None, None, str(exc))) from exc
    report = run(site_dir, config, base_url)
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(report.summary())
    if report.problems:
        sys.exit(1)
