"""woosite build: content in, a complete static site out."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands import options
from generator.core import reporting
from generator.core.translation import _
from generator.publish.build import BuildOptions, build


@click.command("build", help=_("Build the static site (only what changed since the last build is made again)."))
@options.content_dir
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help=_("Folder to write the site to (replaced only when the build succeeds)."),
)
@options.config
@options.base_url
@click.option("--clean", is_flag=True, help=_("Ignore the cache of earlier builds and produce every file afresh."))
def command(content_dir: Path, out_dir: Path, config_path: Path | None, base_url: str | None, clean: bool) -> None:
    """Build the static site (only what changed since the last build is made again)."""
    options = BuildOptions(
        content_dir=content_dir, out_dir=out_dir, config_path=config_path, base_url=base_url, clean=clean
    )
    report = reporting.for_terminal()
    try:
        result = build(options, report)
    finally:
        report.close()
    for warning in result.warnings:
        click.echo(_("warning: {warning}").format(warning=warning), err=True)
    if result.theme is not None:
        click.echo(_("theme: {label} ({source})").format(label=result.theme.label, source=result.theme.source))
    click.echo(result.summary() + f" -> {out_dir}")
