"""woosite import: raw programme exports in, content files out (never over a hand-edited file)."""

from __future__ import annotations

from pathlib import Path

import click

from generator import limits
from generator.commands import options
from generator.errors import ImportFailed, Problem, WoositeError
from generator.importer.pipeline import ImportOptions, ImportResult, import_bytes
from generator.reference.taxonomy import DOCUMENT_KINDS


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--publisher", default=None, help="Municipality name or code (GM0553) when the text does not name it.")
@click.option(
    "--kind", type=click.Choice(DOCUMENT_KINDS), default=None, help="Document kind when the text does not state it."
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    default=None,
    help="Year of the document when the text does not state it.",
)
@click.option(
    "--programme", default=None, help='Programme when the text has no title line, e.g. "Programma 4 Bestuur".'
)
@options.content_dir
@click.option("--force", is_flag=True, help="Replace content files that differ from this import (loses their edits).")
def command(
    files: tuple[Path, ...],
    publisher: str | None,
    kind: str | None,
    year: int | None,
    programme: str | None,
    content_dir: Path,
    force: bool,
) -> None:
    """Import platform exports (plain text) as content files."""
    options = ImportOptions(publisher=publisher, kind=kind, year=year, programme=programme)
    results = [_import(path, options) for path in files]
    missing = [problem for result in results for problem in result.missing]
    if missing:
        raise ImportFailed(missing)
    targets = _targets(results, content_dir, force)
    for result, target in zip(results, targets, strict=True):
        assert result.text is not None
        if target.is_file() and target.read_text(encoding="utf-8") == result.text:
            status = "unchanged"
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(result.text, encoding="utf-8")
            status = "written"
        click.echo(f"{target}: {status}")
        click.echo("  " + _summary(result))
        for warning in result.warnings:
            click.echo(f"  warning: {warning}")


def _import(path: Path, options: ImportOptions) -> ImportResult:
    if not path.is_file():
        raise ImportFailed(Problem(path, None, "file not found", "check the name and folder of the export"))
    return import_bytes(limits.read_bytes(path, ImportFailed), path, options)


def _targets(results: list[ImportResult], content_dir: Path, force: bool) -> list[Path]:
    """Where each result goes; refuse (before writing anything) to replace a file that differs."""
    targets: list[Path] = []
    problems: list[Problem] = []
    for result in results:
        relative = result.relative_path
        assert relative is not None and result.text is not None
        target = content_dir / relative
        if target in targets:
            problems.append(
                Problem(
                    target,
                    None,
                    f"two exports would both become this file ({result.name})",
                    "import them one at a time with different --programme",
                )
            )
        elif target.is_file() and not force and target.read_text(encoding="utf-8") != result.text:
            problems.append(
                Problem(
                    target,
                    None,
                    f"exists and differs from the import of {result.name} (it may hold your edits)",
                    "move your edits elsewhere first, or run again with --force to replace it",
                )
            )
        targets.append(target)
    if problems:
        raise WoositeError(problems)
    return targets


def _summary(result: ImportResult) -> str:
    assert result.publisher and result.kind and result.programme
    parts = [
        f"publisher {result.publisher.name} ({result.publisher.code})",
        f"{result.kind.value} {result.year}",
        result.programme.heading,
        _count(len(result.sections), "section"),
        _count(len(result.tables), "finance table"),
        _count(len(result.warnings), "warning"),
    ]
    if result.removed:
        parts.append(_count(len(result.removed), "line") + " of platform residue removed")
    return ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
