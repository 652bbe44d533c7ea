"""woosite new: start a programme document by hand, for documents that have no export."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands import options
from generator.content import scaffold
from generator.content.loader import load_config, parse_document
from generator.core.atomic import create_atomic
from generator.core.errors import Problem, WoositeError
from generator.core.translation import _
from generator.reference.taxonomy import DOCUMENT_KINDS, DocumentKind


@click.command(
    "new", help=_("Write a new content file with front matter and the programme's three questions as sections.")
)
@click.option("--kind", type=click.Choice(DOCUMENT_KINDS), required=True, help=_("The kind of document."))
@click.option("--year", type=click.IntRange(1900, 2100), required=True, help=_("The year the document is about."))
@click.option("--title", required=True, help=_('Programme title without its number, e.g. "Veiligheid".'))
@click.option("--number", default=None, help=_('Programme number as printed, e.g. "1" (leave out if it has none).'))
@click.option("--label", default=None, help=_('The word before the number when it is not "Programma", e.g. "Domein".'))
@click.option(
    "--publisher", default=None, help=_("Name or code of the municipality (default: publisher in site.yaml).")
)
@options.content_dir
def command(
    kind: str,
    year: int,
    title: str,
    number: str | None,
    label: str | None,
    publisher: str | None,
    content_dir: Path,
) -> None:
    """Write a new content file with front matter and the programme's three questions as sections."""
    config_file = content_dir.resolve().parent / "site.yaml"
    config = load_config(config_file)
    name = publisher or config.publisher
    if not name:
        raise WoositeError(
            Problem(None, None, _("which municipality publishes this document?"), _("give --publisher NAME"))
        )
    new = scaffold.NewDocument(
        publisher=name, kind=DocumentKind(kind), year=year, title=title, number=number, label=label
    )
    text = new.text()
    # Validated through the loader before writing: the file is correct or not written at all.
    document = parse_document(content_dir / new.relative_path(name), text.encode("utf-8"), config)
    path = content_dir / new.relative_path(document.publisher.name)
    if not create_atomic(path, text):
        raise WoositeError(
            Problem(
                path, None, _("this file already exists; nothing was written"), _("edit it, or choose another --title")
            )
        )
    click.echo(
        _("Wrote {path}: {kind} {year}, {new_heading} of {document_publisher_label}").format(
            path=path, kind=kind, year=year, new_heading=new.heading, document_publisher_label=document.publisher.label
        )
    )
    click.echo(_("Fill in the sections, then preview with 'woosite serve'."))
