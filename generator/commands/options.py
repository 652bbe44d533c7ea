"""Options shared by several commands, defined once so they read the same everywhere."""

from __future__ import annotations

from pathlib import Path

import click

from generator.urls import normalise_base_url

content_dir = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder with the content files.",
)


def _checked_base_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Refuse e.g. 'javascript:...' in one line, before any work is done."""
    if value is None:
        return None
    try:
        return normalise_base_url(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


base_url = click.option(
    "--base-url",
    default=None,
    callback=_checked_base_url,
    help="Public URL the site is (or was) built for (default: base_url in site.yaml).",
)
