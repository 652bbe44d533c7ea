"""woosite import: raw programme exports in, content files out (never over a hand-edited file).

Files and folders (every ``*.txt`` below them) are imported in one process: one summary line per file,
then a total. A file whose metadata cannot be found is refused (its problems listed, exit code 2) while
the others are written; a content file that differs from its import stops the whole run before anything
is written. Content files are written through a temporary file and a rename, so a killed import leaves
either the old file or the new one, never half of one.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from generator.commands import options
from generator.content.loader import load_config
from generator.core import limits
from generator.core.atomic import write_atomic
from generator.core.errors import ImportFailed, Problem, WoositeError
from generator.core.parallel import pmap
from generator.core.translation import _, ngettext
from generator.importer.pipeline import ImportOptions, ImportResult, import_bytes
from generator.reference.taxonomy import DOCUMENT_KINDS


@click.command("import", help=_("Import platform exports (plain text files, or folders of them) as content files."))
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--publisher",
    default=None,
    help=_(
        "Municipality, province or water board (name or code) when the text does not name it "
        "(default: publisher in site.yaml)."
    ),
)
@click.option(
    "--kind", type=click.Choice(DOCUMENT_KINDS), default=None, help=_("Document kind when the text does not state it.")
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    default=None,
    help=_("Year of the document when the text does not state it."),
)
@click.option(
    "--programme", default=None, help=_('Programme when the text has no title line, e.g. "Programma 4 Bestuur".')
)
@click.option(
    "--unit",
    type=click.IntRange(1, 1_000_000_000),
    default=None,
    help=_("Unit of the amounts in tables whose text states none: 1 (whole euros), 1000 (x € 1.000)."),
)
@options.content_dir
@click.option(
    "--force", is_flag=True, help=_("Replace content files that differ from this import (loses their edits).")
)
def command(
    sources: tuple[Path, ...],
    publisher: str | None,
    kind: str | None,
    year: int | None,
    programme: str | None,
    unit: int | None,
    content_dir: Path,
    force: bool,
) -> None:
    """Import platform exports (plain text files, or folders of them) as content files."""
    options = ImportOptions(
        publisher=publisher,
        kind=kind,
        year=year,
        programme=programme,
        unit=unit,
        default_publisher=_site_publisher(content_dir),
    )
    files = _files(sources)
    results = pmap(functools.partial(_import, options=options), files)  # across cores where that pays
    refused = [result for result in results if result.missing]
    imported = [result for result in results if not result.missing]
    targets = _targets(imported, content_dir, force)
    written = 0
    for result, (target, same) in zip(imported, targets.items(), strict=True):
        assert result.text is not None
        if same:
            status = _("unchanged")
        else:
            write_atomic(target, result.text)
            status, written = _("written"), written + 1
        click.echo(_("{target}: {status}; {summary}").format(target=target, status=status, summary=_summary(result)))
        for warning in result.warnings:
            click.echo(_("  warning: {warning}").format(warning=warning))
    for result in refused:
        click.echo(
            _("{name}: refused; {missing}").format(
                name=result.name,
                missing=ngettext("{count} missing field", "{count} missing fields", len(result.missing)).format(
                    count=len(result.missing)
                ),
            )
        )
    warnings = sum(len(result.warnings) for result in results)
    if len(results) > 1:
        click.echo(
            _(
                "{files} files: {imported} imported ({written} written, {unchanged} unchanged), {warnings}, "
                "{refused} refused"
            ).format(
                files=len(results),
                imported=len(imported),
                written=written,
                unchanged=len(imported) - written,
                warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
                refused=len(refused),
            )
        )
    problems = [problem for result in refused for problem in result.missing]
    if problems and not imported:
        raise ImportFailed(problems)
    if problems:
        # The other files were imported: say so rather than the CLI's "nothing was changed".
        for problem in problems:
            click.echo(_("error: {problem}").format(problem=problem), err=True)
        sys.exit(ImportFailed.exit_code)


def _files(sources: tuple[Path, ...]) -> list[Path]:
    """The exports named: files as given, folders as every ``*.txt`` below them in name order."""
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            found = sorted(p for p in source.rglob("*.txt") if p.is_file())
            if not found:
                raise ImportFailed(Problem(source, None, _("no .txt exports in this folder"), _("check the folder")))
            files += found
        elif source.is_file():
            files.append(source)
        else:
            raise ImportFailed(Problem(source, None, _("file not found"), _("check the name and folder of the export")))
    return files


def _site_publisher(content_dir: Path) -> str | None:
    """``publisher:`` of the site.yaml beside the content folder, if there is one."""
    config = content_dir.resolve().parent / "site.yaml"
    return load_config(config).publisher if config.is_file() else None


def _import(path: Path, options: ImportOptions) -> ImportResult:
    return import_bytes(limits.read_bytes(path, ImportFailed), path, options)


def _targets(results: list[ImportResult], content_dir: Path, force: bool) -> dict[Path, bool]:
    """Where each result goes, in order, and whether the file there already holds it; refuse (before writing
    anything) to replace a file that differs."""
    targets: dict[Path, bool] = {}
    problems: list[Problem] = []
    for result in results:
        relative = result.relative_path
        assert relative is not None and result.text is not None
        target = content_dir / relative
        existing = _read(target)
        if target in targets:
            problems.append(
                Problem(
                    target,
                    None,
                    _("two exports would both become this file ({result_name})").format(result_name=result.name),
                    _("import them one at a time with different --programme"),
                )
            )
        elif existing is not None and not force and existing != result.text:
            problems.append(
                Problem(
                    target,
                    None,
                    _("exists and differs from the import of {result_name} (it may hold your edits)").format(
                        result_name=result.name
                    ),
                    _("move your edits elsewhere first, or run again with --force to replace it"),
                )
            )
        targets[target] = existing == result.text
    if problems:
        raise WoositeError(problems)
    return targets


def _read(target: Path) -> str | None:
    """The text of the content file at ``target``, None when there is none."""
    try:
        return target.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _summary(result: ImportResult) -> str:
    assert result.publisher and result.kind and result.programme
    publisher = (
        _("publisher {name} ({code}, from site.yaml)") if result.publisher_from_site else _("publisher {name} ({code})")
    ).format(name=result.publisher.name, code=result.publisher.code)
    sections, tables, warnings = len(result.sections), len(result.tables), len(result.warnings)
    parts = [
        publisher,
        f"{result.kind.value} {result.year}",
        result.programme.heading,
        ngettext("{count} section", "{count} sections", sections).format(count=sections),
        ngettext("{count} finance table", "{count} finance tables", tables).format(count=tables),
        ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    ]
    if result.removed:
        removed = len(result.removed)
        parts.append(
            ngettext(
                "{count} line of platform residue removed", "{count} lines of platform residue removed", removed
            ).format(count=removed)
        )
    return ", ".join(parts)
