"""woosite withdraw: withdraw a published document explicitly, with its reason (never by deleting the file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import click

from generator.core.translation import _
from generator.models.history import CorrectionGround
from generator.structure import versions


@click.command(
    "withdraw",
    help=_("Mark FILE as withdrawn: its URL keeps a page saying when and why; its content is no longer published."),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reason", required=True, help=_('Why, for the reader: "Per vergissing gepubliceerd".'))
@click.option(
    "--ground", type=click.Choice(get_args(CorrectionGround)), default=None, help=_("The DiWoo reason, if any.")
)
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), default=None, help=_("Date of withdrawal (today)."))
def command(file: Path, reason: str, ground: CorrectionGround | None, date: dt.datetime | None) -> None:
    """Mark FILE as withdrawn: its URL keeps a page saying when and why; its content is no longer published."""
    versions.withdraw(file, reason, ground, date.date() if date else dt.date.today())
    click.echo(_("{file} is withdrawn; build to publish that").format(file=file))
