"""woosite correct: keep the published version of a content file before it is corrected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import click

from generator.commands import options
from generator.core.errors import Problem, WoositeError
from generator.core.translation import _
from generator.models.history import CorrectionGround
from generator.structure import versions


@click.command(
    "correct",
    help=_("Copy FILE as published to content/.versions/ and note the correction in its front matter; then edit FILE."),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reason", required=True, help=_('Why, for the reader: "Bedrag lasten verkeerd overgenomen".'))
@click.option(
    "--ground",
    type=click.Choice(get_args(CorrectionGround)),
    default="procedurele fout",
    show_default=True,
    help=_("The reason as the Woo-index lists it."),
)
@click.option(
    "--date", "date", type=click.DateTime(["%Y-%m-%d"]), default=None, help=_("Date of the correction (today).")
)
@options.content_dir
def command(file: Path, reason: str, ground: CorrectionGround, date: dt.datetime | None, content_dir: Path) -> None:
    """Copy FILE as published to content/.versions/ and note the correction in its front matter; then edit FILE."""
    if not file.resolve().is_relative_to(content_dir.resolve()):
        raise WoositeError(
            Problem(
                file,
                None,
                _("not inside the content folder {content_dir}").format(content_dir=content_dir),
                _("pass --content DIR"),
            )
        )
    day = date.date() if date else dt.date.today()
    kept = versions.correct(file, content_dir, reason, ground, day)
    click.echo(_("kept the published version as {kept}").format(kept=kept))
    click.echo(
        _("now correct {file}; the build publishes both versions, with the reason and the differences").format(
            file=file
        )
    )
