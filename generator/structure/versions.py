"""Corrections and withdrawal: a published document that changes keeps its previous versions, visibly.

How it works, explicitly and reproducibly from the repository:

- ``woosite correct FILE --reason ...`` copies the content file as it is now to
  ``content/.versions/<the file's path>/<n>.md`` (hidden, so never loaded as a document of its own) and adds
  an entry to the file's ``corrections:`` (date, reason, DiWoo ground, ``previous:`` that copy). Then the
  editor makes the correction. Entries are only ever appended, so version ``n`` keeps its URL for good.
- The build loads each previous version (redacted like everything else) and publishes it at
  ``<document URL>versie-<n>/``, with a notice on both pages, a readable diff of text and numbers, a feed
  entry, and in the DiWoo metadata a ``documentrelatie`` to each previous version and the
  ``redenVerwijderingVervanging`` of the last correction.
- ``withdrawn:`` in the front matter (date, reason) withdraws a document: its URL keeps a page saying so;
  its content, data and metadata are no longer published. Deleting a file is not a withdrawal: the build
  warns when a document it published before (the ledger knows it) has no file any more.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content import redaction
from generator.content.edit import FrontMatterFile, validated
from generator.content.loader import load_document
from generator.content.source import SourceDocument
from generator.core.atomic import write_atomic
from generator.core.errors import ContentError, Problem
from generator.core.translation import _
from generator.models import Document, FinanceTable, Section, SiteConfig
from generator.models.history import Correction, CorrectionGround, Withdrawal
from generator.reference.taxonomy import KERN

VERSIONS_DIR = ".versions"
VERSION_SEGMENT = "versie-{n}/"
GROUNDS: dict[CorrectionGround, tuple[str, str]] = {
    "procedurele fout": (KERN + "c_c77c86e0", "correctie procedurele fout"),
    "privacygevoelige gegevens": (KERN + "c_098c1346", "correctie privacygevoelige gegevens"),
}
"""The TOOI list redenen intrekking of vervanging (uri, label), as DiWoo's redenVerwijderingVervanging."""
VERWIJST_NAAR = (KERN + "c_75fac459", "verwijst naar")
"""The TOOI documentrelatie a corrected document has to each of its previous versions."""


@dataclass(frozen=True)
class Version:
    """Version ``number`` of a document: the content as it was before correction ``number``."""

    number: int
    correction: Correction
    source: SourceDocument
    document: Document
    """The version as a document, to show it as the programme page shows the current one."""
    path: str
    """Site path: "<document path>versie-<n>/"."""


def snapshot_path(content_dir: Path, file: Path, number: int) -> Path:
    """Where ``woosite correct`` keeps version ``number`` of ``file``."""
    relative = file.resolve().relative_to(content_dir.resolve()).with_suffix("")
    return content_dir / VERSIONS_DIR / relative / f"{number}.md"


def load(content_dir: Path, sources: list[SourceDocument], config: SiteConfig) -> dict[Path, list[SourceDocument]]:
    """The previous versions of every corrected document, by content file, oldest first; redacted."""
    loaded: dict[Path, list[SourceDocument]] = {}
    problems: list[Problem] = []
    for source in sources:
        for i, correction in enumerate(source.front.corrections):
            path = content_dir / correction.previous
            if not path.is_file():
                problems.append(
                    Problem(
                        source.path,
                        None,
                        _(
                            "correction {value} names previous version '{correction_previous}', which does not exist"
                        ).format(value=i + 1, correction_previous=correction.previous),
                        _("restore it from version control (woosite correct makes it); never remove a correction"),
                    )
                )
                continue
            try:
                loaded.setdefault(source.path, []).append(load_document(path, config))
            except ContentError as exc:
                problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return {path: redaction.apply(previous, config.redactions) for path, previous in loaded.items()}


def versions_of(
    source: SourceDocument,
    document_path: str,
    previous: list[SourceDocument],
    as_document: Callable[[SourceDocument], Document],
) -> list[Version]:
    """The versions of a corrected document, numbered from 1 in the order of its corrections."""
    return [
        Version(n, correction, old, as_document(old), document_path + VERSION_SEGMENT.format(n=n))
        for n, (correction, old) in enumerate(zip(source.front.corrections, previous, strict=True), start=1)
    ]


# --- the readable diff ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextChange:
    removed: list[str]
    added: list[str]


@dataclass(frozen=True)
class NumberChange:
    table: str
    row: str
    column: str
    before: int | float | str | None
    after: int | float | str | None
    unit: int


def text_lines(document: Document | SourceDocument) -> list[str]:
    """The prose as lines: intro, then each section's heading ("## Title") and text."""
    lines = [line for line in document.intro.splitlines() if line.strip()]

    def walk(sections: list[Section]) -> None:
        for section in sections:
            lines.append("#" * section.level + " " + section.title)
            if section.status:
                lines.append(f"Status: {section.status}")
            lines.extend(line for line in section.text.splitlines() if line.strip())
            walk(section.sections)

    walk(document.sections)
    return lines


def text_changes(before: list[str], after: list[str]) -> list[TextChange]:
    """The changed passages, each as the lines removed and the lines added."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [TextChange(before[i1:i2], after[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def number_changes(before: list[FinanceTable], after: list[FinanceTable]) -> list[NumberChange]:
    """Every cell whose value differs, matched by table caption, row label and column label."""
    changes: list[NumberChange] = []
    old = {table.caption: table for table in before}
    for table in after:
        previous = old.pop(table.caption, None)
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                was = _cell(previous, row.label, column.label) if previous else None
                if was != value or (previous and previous.unit != table.unit and value is not None):
                    changes.append(NumberChange(table.caption, row.label, column.label, was, value, table.unit))
        for row in previous.rows if previous else []:
            if all(r.label != row.label for r in table.rows):
                for column, value in zip(previous.columns, row.values, strict=True) if previous else []:
                    changes.append(NumberChange(table.caption, row.label, column.label, value, None, table.unit))
    for table in old.values():
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                changes.append(NumberChange(table.caption, row.label, column.label, value, None, table.unit))
    return changes


def _cell(table: FinanceTable, row_label: str, column_label: str) -> int | float | str | None:
    row = next((r for r in table.rows if r.label == row_label), None)
    index = next((i for i, c in enumerate(table.columns) if c.label == column_label), None)
    return None if row is None or index is None else row.values[index]


@dataclass(frozen=True)
class Diff:
    text: list[TextChange]
    numbers: list[NumberChange]


def diff(before: SourceDocument, after: SourceDocument) -> Diff:
    """What changed from ``before`` to ``after``: passages of text and cells of finance tables."""
    return Diff(
        text_changes(text_lines(before), text_lines(after)),
        number_changes(before.front.finance, after.front.finance),
    )


# --- woosite correct ------------------------------------------------------------------------------


def correct(file: Path, content_dir: Path, reason: str, ground: CorrectionGround, date: dt.date) -> Path:
    """Snapshot ``file`` into content/.versions/ and add a ``corrections:`` entry; return the snapshot.

    The entry is made by the model and checked before anything is written, so a reason the build would
    refuse is refused here; a correct stopped after keeping the version goes on when run again."""
    edited = FrontMatterFile.read(file)
    existing = edited.data.get("corrections") or []
    if not isinstance(existing, list):
        raise ContentError(
            Problem(file, None, _("'corrections:' is not a list"), _("write it as a list, see the guide"))
        )
    number = 1 + len(existing)
    target = snapshot_path(content_dir, file, number)
    previous = target.relative_to(content_dir).as_posix()
    fields = {"date": date, "reason": " ".join(reason.split()), "ground": ground, "previous": previous}
    entry = validated(Correction, file, fields)
    entries = [
        validated(Correction, file, item, f"corrections, entry {n}, {{field}}") for n, item in enumerate(existing, 1)
    ]
    raw = edited.raw
    if target.exists() and target.read_bytes() != raw:
        raise ContentError(
            Problem(
                target,
                None,
                _("kept version {number} already exists and differs from the file").format(number=number),
                _(
                    "if an earlier 'woosite correct' stopped, compare the two and delete {previous} if it is not "
                    "a published version; never overwrite one that is"
                ).format(previous=previous),
            )
        )
    edited.check_field("corrections", [*entries, entry])
    if not target.exists():  # the same bytes: a correct that was stopped after keeping the version
        write_atomic(target, raw)
    edited.set_field("corrections", [*entries, entry])
    return target


def vanished(published: set[str], site_ids: set[str], ledger_file: Path) -> list[Problem]:
    """Documents the ledger says were published but that have no content file any more: a deleted file is
    not a withdrawal, so the build says so (it does not stop: the file may have been renamed)."""
    return [
        Problem(
            ledger_file,
            None,
            _("document '{doc_id}' was published before, but no content file describes it any more").format(
                doc_id=doc_id
            ),
            _(
                "to withdraw it, restore the file and add 'withdrawn: {date: ..., reason: ...}'; "
                "if it was renamed or moved, ignore this"
            ),
        )
        for doc_id in sorted(published - site_ids)
    ]


def withdraw(file: Path, reason: str, ground: CorrectionGround | None, date: dt.date) -> None:
    """Add ``withdrawn:`` to the front matter of ``file`` (the file itself stays: it is the record)."""
    edited = FrontMatterFile.read(file)
    if edited.data.get("withdrawn"):
        raise ContentError(Problem(file, None, _("this document is already withdrawn"), _("edit 'withdrawn:' by hand")))
    entry = validated(Withdrawal, file, {"date": date, "reason": " ".join(reason.split()), "ground": ground})
    edited.set_field("withdrawn", entry)
