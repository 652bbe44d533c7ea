"""woosite build: content in, a complete static site out."""

from __future__ import annotations

from pathlib import Path

import click

from generator.build import BuildOptions, build


@click.command("build")
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder with the content files.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site to (replaced only when the build succeeds).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    help="site.yaml to use (default: beside the content folder).",
)
@click.option("--base-url", default=None, help="Public URL of the site (default: base_url in site.yaml).")
def command(content_dir: Path, out_dir: Path, config_path: Path | None, base_url: str | None) -> None:
    """Build the static site."""
    result = build(BuildOptions(content_dir=content_dir, out_dir=out_dir, config_path=config_path, base_url=base_url))
    click.echo(result.summary() + f" -> {out_dir}")
