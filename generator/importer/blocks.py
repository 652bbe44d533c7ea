"""The blocks an export is cut into: what ``structure`` recognises and ``content_file`` writes."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importer.finance import Found
from generator.importer.lines import Line


@dataclass
class Heading:
    title: str
    level: int
    line: int
    goal: bool = False
    status: str | None = None
    status_line: int | None = None


@dataclass
class Paragraph:
    text: str
    line: int


@dataclass
class ListBlock:
    items: list[str]
    lines: list[int]
    ordered: bool = False
    start: int = 1


@dataclass
class Pairs:
    """Label/value pairs of a status block: written as a definition list."""

    items: list[tuple[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


@dataclass
class Table:
    """A finance table; when its numbers cannot be published (``found.kept``), ``kept`` holds its lines,
    written as text."""

    found: Found
    kept: list[Line] = field(default_factory=list)


Block = Heading | Paragraph | ListBlock | Pairs | Table
