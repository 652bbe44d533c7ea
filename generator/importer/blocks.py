"""The blocks an export is cut into: what ``structure`` recognises and ``content_file`` writes."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importer.finance import Found


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
    found: Found


Block = Heading | Paragraph | ListBlock | Pairs | Table
