"""Options shared by several commands, defined once so they read the same everywhere."""

from __future__ import annotations

from pathlib import Path

import click

from generator.translation import _

content_dir = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help=_("Folder with the content files."),
)

base_url = click.option(
    "--base-url", default=None, help=_("Public URL the site is (or was) built for (default: base_url in site.yaml).")
)
