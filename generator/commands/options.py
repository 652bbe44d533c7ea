"""Options shared by several commands, defined once so they read the same everywhere."""

from __future__ import annotations

from pathlib import Path

import click

from generator.core.translation import _

content_dir = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help=_("Folder with the content files."),
)

config = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    help=_("site.yaml to use (default: beside the content folder)."),
)
"""One definition for every command: ``None`` means site.yaml beside the content folder (``content/`` by
default, so ``./site.yaml``)."""

base_url = click.option(
    "--base-url", default=None, help=_("Public URL the site is (or was) built for (default: base_url in site.yaml).")
)
