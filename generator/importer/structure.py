"""Lines -> blocks: headings at their level, goals, lists, status blocks, traffic lights, paragraphs.

Heading levels follow the export's layout: a title followed by an empty line opens a top-level section
(level 2); a title followed directly by its text is a subsection (level 3) once a top-level section
exists. Numbered goals ("3.01 ...", "1.1. ...", "1- ...") and the group titles of a status block sit one
level below the open top-level section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer import numbers, vocabulary
from generator.importer.blocks import Block, Heading, ListBlock, Pairs, Paragraph, Table
from generator.importer.finance import Found, ambiguous_glued
from generator.importer.lines import Line, collapse, is_sentence, title_like
from generator.reference import statuses

BULLET = re.compile(r"^\s*[•·▪◦‣○■□►▸➢✓*\-–]\s+(\S.*)$")
NUMBERED = re.compile(r"^\s*([1-9]\d?)[.)]\s+(\S.*)$")  # "01." keeps its zero: not a list
GOAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\s*-)\s+(\S.*)$")
_GLUE = re.compile(r"^([A-Z][a-zà-ÿ]+(?:[ /&-]+[a-zà-ÿ./&-]+){0,3})([A-Z0-9(].*)$")
_LABELS = sorted(vocabulary.STATUS_LABELS, key=len, reverse=True)


@dataclass
class Parsed:
    blocks: list[Block] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def is_goal(text: str) -> bool:
    text = collapse(text)
    match = GOAL.match(text)
    return match is not None and title_like(match.group(2), max_length=220, max_words=40)


def glued_pair(text: str, generic: bool) -> tuple[str, str] | None:
    """ "Bestuurlijk opdrachtgeverBurgemeester Bijl" -> ("Bestuurlijk opdrachtgever", "Burgemeester Bijl")."""
    text = collapse(text)
    for label in _LABELS:
        rest = text[len(label) :]
        if text.startswith(label) and rest[:1] and (rest[0].isupper() or rest[0].isdigit() or rest[0] == "("):
            return label, rest
    match = _GLUE.match(text) if generic and len(text) <= 90 else None
    return (match.group(1), match.group(2)) if match else None


class _Parser:
    def __init__(self, lines: list[Line], tables: dict[int, Found]) -> None:
        self.lines = lines
        self.tables = tables
        self.out = Parsed()
        self.major = False
        """A top-level section (title followed by an empty line) has been seen."""
        self.in_pairs = False

    # navigation over non-blank lines
    def next(self, i: int) -> int | None:
        return next((j for j in range(i, len(self.lines)) if not self.lines[j].blank), None)

    def end(self, i: int | None) -> int:
        """Where the next step starts: ``i``, or the end of the lines."""
        return len(self.lines) if i is None else i

    def text(self, i: int | None) -> str:
        return "" if i is None else self.lines[i].clean

    def blank_after(self, i: int) -> bool:
        return i + 1 >= len(self.lines) or self.lines[i + 1].blank

    def emit(self, block: Block) -> None:
        self.out.blocks.append(block)
        if isinstance(block, Pairs):
            self.in_pairs = True
        elif not isinstance(block, Heading):
            self.in_pairs = False

    def warn(self, line: int, message: str, hint: str) -> None:
        self.out.warnings.append(Problem(None, line, message, hint))

    def open_top(self) -> bool:
        return any(isinstance(b, Heading) and b.level == 2 for b in self.out.blocks)

    def run(self) -> Parsed:
        i = self.next(0)
        while i is not None:
            i = self.step(i)
        return self.out

    def step(self, i: int) -> int | None:
        line = self.lines[i]
        text = line.clean
        if i in self.tables:
            found = self.tables[i]
            kept = [line for line in self.lines[i : found.end] if not line.blank] if found.kept else []
            self.emit(Table(found, kept))
            return self.next(found.end)
        if ambiguous_glued(text):
            self.warn(
                line.number,
                _("cells glued together that cannot be cut apart without guessing: '{text}'").format(text=_short(text)),
                _("the line is kept as text; type the amounts in a finance table in the content file"),
            )
            self.emit(Paragraph(text, line.number))
            return self.next(i + 1)
        # Each recogniser returns the index after what it took, or None when the line is not its kind.
        for recognise in (self.bullets, self.numbered, self.goal, self.traffic_light, self.pairs, self.colon_run):
            after = recognise(i)
            if after is not None:
                return self.next(after)
        nxt = self.next(i + 1)
        if title_like(text) and nxt is not None and not _row_like(text):
            lone_label = (text in vocabulary.STATUS_LABELS or self.in_pairs) and not is_sentence(self.text(nxt))
            if lone_label:
                level = 3 if self.open_top() else 2
            elif self.blank_after(i):
                level, self.major = 2, True
            else:
                level = 3 if self.major else 2
            self.emit(Heading(text, level, line.number))
            return nxt
        self.paragraph(line)
        return nxt

    def paragraph(self, line: Line) -> None:
        text = line.clean
        if text.count("|") >= 2 or _row_like(text):
            self.warn(
                line.number,
                _("this line looks like a table row but belongs to no table that was recognised: '{text}'").format(
                    text=_short(text)
                ),
                _("the line is kept as text; put the amounts in a finance table in the content file if needed"),
            )
        self.emit(Paragraph(text, line.number))

    def bullets(self, i: int) -> int | None:
        return self._list(i, BULLET, ordered=False)

    def numbered(self, i: int) -> int | None:
        if is_goal(self.text(i)):
            return None
        return self._list(i, NUMBERED, ordered=True)

    def _list(self, i: int, pattern: re.Pattern[str], ordered: bool) -> int | None:
        match = pattern.match(self.lines[i].text)
        if match is None:
            return None
        block = ListBlock([], [], ordered=ordered, start=int(match.group(1)) if ordered else 1)
        j: int | None = i
        while (
            j is not None and (match := pattern.match(self.lines[j].text)) and not (ordered and is_goal(self.text(j)))
        ):
            block.items.append(collapse(match.group(match.lastindex or 1)))
            block.lines.append(self.lines[j].number)
            j = self.next(j + 1)
        self.emit(block)
        return self.end(j)

    def goal(self, i: int) -> int | None:
        if not is_goal(self.text(i)) or self.next(i + 1) is None:
            return None
        self.emit(Heading(self.text(i), 3 if self.open_top() else 2, self.lines[i].number, goal=True))
        return i + 1

    def traffic_light(self, i: int) -> int | None:
        text = self.text(i)
        if text not in statuses.PRINTED:
            return None
        heading = next((b for b in reversed(self.out.blocks) if isinstance(b, Heading)), None)
        if heading is not None and heading.goal and heading.status is None:
            heading.status, heading.status_line = text, self.lines[i].number
        else:
            self.warn(
                self.lines[i].number,
                _("a loose '{text}' that is not below a goal").format(text=text),
                _("the line is kept as text; if it is a status, put 'Status: {text}' below the goal's heading").format(
                    text=text
                ),
            )
            self.emit(Paragraph(text, self.lines[i].number))
        return i + 1

    def pairs(self, i: int) -> int | None:
        block = Pairs()
        j: int | None = i
        while j is not None:
            glued = glued_pair(self.text(j), generic=self.in_pairs or bool(block.items))
            if glued:
                block.items.append(glued)
                block.lines.append(self.lines[j].number)
                j = self.next(j + 1)
                continue
            value = self.separate_value(j, bool(block.items))
            if value is None:
                break
            block.items.append((self.text(j), self.text(value)))
            block.lines += [self.lines[j].number, self.lines[value].number]
            j = self.next(value + 1)
        if not block.items:
            return None
        self.emit(block)
        return self.end(j)

    def separate_value(self, i: int, in_block: bool) -> int | None:
        """Index of the value line when line ``i`` is a label whose value is on the next line."""
        label = self.text(i)
        v = self.next(i + 1)
        if v is None or not title_like(label, max_length=60) or v in self.tables:
            return None
        value = self.text(v)
        if (
            value in vocabulary.STATUS_LABELS
            or value.casefold() in vocabulary.SECTION_TITLES
            or len(value) > 80
            or is_goal(value)
            or BULLET.match(self.lines[v].text)
            or NUMBERED.match(self.lines[v].text)
            or glued_pair(value, generic=False)
        ):
            return None
        if value.casefold() in vocabulary.STATUS_VALUES:
            return v
        after = self.next(v + 1)
        ends = after is None or self.blank_after(v) or self.text(after) in vocabulary.STATUS_LABELS
        if label in vocabulary.STATUS_LABELS and (self.in_pairs or in_block) and ends:
            return v
        return None

    def plain_title(self, i: int) -> bool:
        """A short title-like line that no other recogniser claims."""
        raw, text = self.lines[i].text, self.text(i)
        return (
            title_like(text, max_length=60)
            and i not in self.tables
            and not (BULLET.match(raw) or NUMBERED.match(raw) or is_goal(text) or glued_pair(text, generic=False))
            and text not in vocabulary.STATUS_LABELS
        )

    def colon_run(self, i: int) -> int | None:
        """Short lines right after a sentence ending in ':' are the items it announces."""
        last = self.out.blocks[-1] if self.out.blocks else None
        if not (isinstance(last, Paragraph) and last.text.endswith(":")):
            return None
        run: list[int] = []
        j: int | None = i
        while j is not None and self.plain_title(j):
            run.append(j)
            j = self.next(j + 1)
        if len(run) < 2:
            return None
        self.emit(ListBlock([self.text(k) for k in run], [self.lines[k].number for k in run]))
        return self.end(j)


def parse(lines: list[Line], tables: dict[int, Found]) -> Parsed:
    """Cut the lines (residue removed, tables found) into blocks."""
    return _Parser(lines, tables).run()


def _row_like(text: str) -> bool:
    """Mostly numbers: a table row that no recogniser took ("Lasten 34.879 35.605"), never a heading."""
    cells = numbers.tokens(text)
    numeric = sum(1 for c in cells if numbers.parse(c) is not None)
    return numeric >= 2 and numeric * 5 >= len(cells) * 2


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
