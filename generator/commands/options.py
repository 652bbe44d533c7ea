"""Options shared by several commands, defined once so they read the same everywhere."""

from __future__ import annotations

from pathlib import Path

import click

content_dir = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder with the content files.",
)

base_url = click.option(
    "--base-url", default=None, help="Public URL the site is (or was) built for (default: base_url in site.yaml)."
)
