"""One-cell-per-paragraph tables, reassembled: the layout most P&C platforms export.

Every cell of the table is a paragraph of its own: the header cells, then per row an optional code cell
("0.10", "6.1"), the label and its values (a number or "-", each optionally followed by an "N"/"V" cell).
The table is read from the data up: the width is the number of values that follows every label (rows
without values are group rows: "Lasten", "1 Ruimtelijke ontwikkeling"); the header cells above the first
row are then fitted to that width, in one row, in rows that each span the columns evenly ("Rekening 2017"
over "Lasten" / "Baten" / "Saldo"), or with year cells that wrapped onto their own paragraph ("Begroting" /
"2018"). A table whose rows differ in width, or whose header fits the width in no single way, is not
guessed: it is kept as text with one warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer import numbers, vocabulary
from generator.importer.finance import Found, kept_table, make_table, printed_or_value, role_of
from generator.importer.lines import Line, has_letter, is_sentence
from generator.models.finance import Value

_CODE = re.compile(r"^(?:[A-Z]{1,3}\s?)?\d{1,3}(?:\.\d{1,3})*\.?$")
_MARKS = {"N": "N", "V": "V", "nadeel": "N", "voordeel": "V"}
_SIGN_NOTE = re.compile(r"nadeel|voordeel|[-+]\s*=|=\s*[-+]", re.I)
_COLUMN_WORDS = re.compile(
    r"\b(?:rekening|begroting|begroot|realisatie|raming|jaarrekening|primitie\w*|actuele?|gewijzigde?|"
    r"lasten|baten|saldo|verschil|afwijking|mutatie|stand)\b",
    re.I,
)
_MAX_CELL = 80
_MAX_LEAD = 5
"""Header cells before the column labels: the label column's name, a caption, a group title."""
_MIN_ROWS = 2


@dataclass
class _Cell:
    line: Line
    kind: str
    """num, empty, mark, unit, note, year, code, text"""
    last: int
    """Index of the cell's last line."""

    @property
    def text(self) -> str:
        return self.line.clean


@dataclass
class _Row:
    label: _Cell
    code: _Cell | None = None
    values: list[_Cell] = field(default_factory=list)
    marks: list[str | None] = field(default_factory=list)
    cells: list[_Cell] = field(default_factory=list)
    """Every cell of the row, code and marks included, in order."""


def _classify(line: Line) -> str | None:
    text = line.clean
    if len(text) > _MAX_CELL:
        return None
    if numbers.YEAR.fullmatch(text):
        return "year"
    if text in _MARKS:
        return "mark"
    if numbers.is_empty_cell(text) and text:
        return "empty"
    if numbers.parse(text) is not None:
        return "num"
    if numbers.unit_note(text) or (numbers.multiplier(text) or 1) > 1:
        return "unit"  # "(bedragen x € 1.000)", also inside a caption: "Meerjarenoverzicht (x 1.000 euro)"
    if _SIGN_NOTE.search(text) and not has_letter(re.sub(r"nadeel|voordeel", "", text, flags=re.I)):
        return "note"
    if _CODE.match(text) and not numbers.YEAR.fullmatch(text):
        return "code"
    if not has_letter(text) or text.endswith("?"):
        return None
    if is_sentence(text) and not (text.endswith(":") and len(text.split()) <= 6):
        return None  # prose; a short label ending in ':' ("Toevoeging aan reserve:") is a group row
    return "text"


def _cells(lines: list[Line], i: int) -> list[_Cell]:
    """The run of short paragraphs from ``i``, each separated by one blank line. A header cell may wrap over
    lines ("Begroting" / "2018"): its lines are one cell; a paragraph of several numbers is not a cell."""
    out: list[_Cell] = []
    j = i
    while j < len(lines):
        if lines[j].blank:
            if j + 1 < len(lines) and lines[j + 1].blank:
                break
            j += 1
            continue
        k = j
        while k + 1 < len(lines) and not lines[k + 1].blank:
            k += 1
        line = lines[j] if k == j else Line(lines[j].number, " ".join(x.clean for x in lines[j : k + 1]))
        kind = _classify(line)
        if kind is None and k == j and _last(lines, j) and len(line.clean) <= 20 and not is_sentence(line.clean):
            kind = "cut"  # the page text stops here, mid-number or mid-word
        if kind is None or (k > j and kind not in ("text", "unit")):
            break
        out.append(_Cell(line, kind, k))
        j = k + 1
    return out


def grid(lines: list[Line], i: int) -> Found | None:
    """A one-cell-per-paragraph table starting at line index ``i`` (its first header cell or unit line)."""
    cells = _cells(lines, i)
    if len(cells) < 6 or cells[0].kind not in ("text", "unit", "year"):
        return None
    if cells[0].text.casefold() in vocabulary.SECTION_TITLES:
        return None  # "Financiën": the heading above the table
    first = _first_row(cells)
    if first is None:
        return None
    header, body = cells[:first], cells[first:]
    rows, rest = _rows(body)
    if rows is None:
        return None
    if rows[-1].cells[-1].last == len(lines) - 1 and rows[-1].values:
        # The text stops on the last cell, without a line break: that number may be cut short.
        rest = [*rows.pop().cells, *rest]
    with_values = [r for r in rows if r.values]
    if len(with_values) < _MIN_ROWS and not (with_values and len(with_values[0].values) >= 2):
        return None
    used = header + body[: len(body) - len(rest)]
    end = used[-1].last + 1
    run_end = cells[-1].last + 1
    start_line = used[0].line.number
    warnings: list[Problem] = []
    widths = Counter(len(r.values) for r in with_values)
    truncated = _partial_row(rest) and _at_end(lines, run_end)
    width, held = max(widths.items(), key=lambda item: (item[1], item[0]))
    if len(widths) > 1 and (held < _MIN_ROWS or held * 2 <= len(with_values)):
        return _kept(i, run_end, start_line, _("the rows do not all have as many values"))
    left_out: list[Line] = []
    for row in [r for r in with_values if len(r.values) != width]:
        rows.remove(row)
        left_out += [c.line for c in row.cells]
        cut = row is with_values[-1] and len(row.values) < width and _at_end(lines, run_end)
        warnings.append(_left_out(row, width, cut))
    if truncated:
        # The cells after the last whole row, where the text stops: text below the table, as printed.
        left_out += [c.line for c in rest]
        end = run_end
    if truncated and len(widths) == 1:
        warnings.append(
            Problem(
                None,
                rest[0].line.number,
                _("the table is cut short (the text stops inside a row): its last cells are text below the table"),
                _("complete the row in the content file if the document shows more"),
            )
        )
    units = {numbers.multiplier(c.text) or 1 for c in header if c.kind == "unit"}
    if len(units) > 1:
        return _kept(i, run_end, start_line, _("the header states more than one unit"))
    groups = any(not r.values for r in rows)
    header_cells = [c for c in header if c.kind in ("text", "year", "code")]
    # One row alone hardly says how many columns there are: its header may set no cell aside but the name of
    # the label column ("Omschrijving").
    alone = len(with_values) == 1
    named = bool(header_cells) and header_cells[0].text.casefold() in vocabulary.LABEL_COLUMN
    fitted = fit_header(header_cells, width, groups, max_lead=(1 if named else 0) if alone else _MAX_LEAD, alone=alone)
    added = width == 1 and fitted is not None and not fitted[0]
    if added and fitted is not None:
        # One column under one header cell: that cell is the table's title; the page names no column.
        fitted = (fitted[1][0], ["Bedrag"], fitted[2])
    if fitted is None and len([c for c in header if c.kind != "unit"]) < width:
        return None  # too few header cells for a grid: another layout ("Lasten" / amount / share)
    if fitted is None:
        return _kept(
            i,
            run_end,
            start_line,
            _("the header cells do not fit above {width} columns in one way").format(width=width),
        )
    row_header, labels, group = fitted
    rows[:0] = [_Row(cell) for cell in header_cells[len(header_cells) - group :]] if group else []
    table_rows: list[tuple[str, list[Value]]] = []
    for row in rows:
        label = f"{row.code.text} {row.label.text}" if row.code else row.label.text
        values = [_value(c, m) for c, m in zip(row.values, row.marks, strict=True)] or [None] * width
        table_rows.append((label, values))
    table = make_table(row_header, labels, table_rows, added=added)
    if table is None:
        return _kept(i, run_end, start_line, _("the table cannot be read"))
    unit = units.pop() if units else None
    return Found(
        i, end, table, [r.label.line.number for r in rows], start_line, warnings=warnings, unit=unit, left_out=left_out
    )


def _left_out(row: _Row, width: int, cut: bool) -> Problem:
    """Why a row is not in the table but below it, as text."""
    if cut:
        message = _("row '{label}' is cut short (the text stops): kept as text below the table").format(
            label=row.label.text
        )
        hint = _("complete the row in the content file if the document shows more")
    else:
        message = _(
            "row '{label}' has {count} values for {width} columns: which column is empty is not printed; the row "
            "is kept as text below the table"
        ).format(label=row.label.text, count=len(row.values), width=width)
        hint = _("put the values with the right empty cells in the table in the content file")
    return Problem(None, row.label.line.number, message, hint)


def _value(cell: _Cell, mark: str | None) -> Value:
    """The amount; with an N/V cell after it, the two as printed ("7.229 N"), which ``recognisers`` turns
    into the amount and a mark column, as for marks printed beside the amount."""
    parsed = numbers.parse(cell.text) if cell.kind == "num" else None
    if parsed is None:
        return None
    return f"{cell.text} {mark}" if mark else printed_or_value(parsed, cell.text)


def _first_row(cells: list[_Cell]) -> int | None:
    """Index of the first label (or code before a label) directly followed by a value."""
    for n, (a, b) in enumerate(pairwise(cells)):
        if a.kind == "text" and b.kind in ("num", "empty"):
            return n - 1 if n > 0 and cells[n - 1].kind == "code" else n
    return None


def _rows(body: list[_Cell]) -> tuple[list[_Row] | None, list[_Cell]]:
    """Rows from the first label on; returns the cells after the last whole row (a cut-off tail)."""
    rows: list[_Row] = []
    n = 0
    while n < len(body):
        code = None
        if body[n].kind == "code" and n + 1 < len(body) and body[n + 1].kind == "text":
            code, n = body[n], n + 1
        if body[n].kind != "text":
            break
        row = _Row(body[n], code, cells=[c for c in (code, body[n]) if c is not None])
        n += 1
        while n < len(body) and body[n].kind in ("num", "empty"):
            row.values.append(body[n])
            row.cells.append(body[n])
            mark = None
            if n + 1 < len(body) and body[n + 1].kind == "mark":
                mark, n = _MARKS[body[n + 1].text], n + 1
                row.cells.append(body[n])
            row.marks.append(mark)
            n += 1
        rows.append(row)
    while rows and not rows[-1].values:
        rows.pop()  # a trailing label is the text after the table, not a group row
    if not rows:
        return None, body
    used = _count(rows)
    marks = [m for r in rows for m in r.marks]
    if any(m is not None for m in marks) and any(m is None for m in marks):
        return None, body  # N/V after some values only: no telling which value a mark belongs to
    return rows, body[used:]


def _count(rows: list[_Row]) -> int:
    return sum(1 + (r.code is not None) + len(r.values) + sum(m is not None for m in r.marks) for r in rows)


def fit_header(
    cells: list[_Cell], width: int, groups: bool, max_lead: int = _MAX_LEAD, alone: bool = False
) -> tuple[str | None, list[str], int] | None:
    """(row header, ``width`` column labels, number of trailing group rows) from the header cells, or None
    when no single reading fits.

    Tried in order, fewest group rows first, the first that fits wins: leading cells that name the label
    column ("Programma", "Omschrijving", or a title; never a short column label such as "Rekening 2017") are
    the row header; trailing cells may be group rows when the body has group rows too (or one "Lasten"); the
    rest is one row of labels, rows that span the columns evenly, or labels with wrapped year cells.
    """
    texts = [c.text for c in cells]
    for group in range(1 if alone else 3):
        for reading in (_one_row, _spanning_rows, _wrapped):
            for lead in range(max_lead + 1):
                if lead + group > len(texts):
                    continue
                head, cols = texts[:lead], texts[lead : len(texts) - group]
                if any(not _row_header_like(t) for t in head[:-1]) or (head and not _corner(head[-1])):
                    continue
                if any(numbers.YEAR.search(t) for t in head) and any(numbers.YEAR.search(t) for t in cols):
                    continue  # where the column labels carry years, a leading cell with a year is one of them
                tail = texts[len(texts) - group :] if group else []
                if tail and (
                    any(numbers.YEAR.search(t) for t in tail) or not (groups or (group == 1 and role_of(tail[0])))
                ):
                    continue  # a group row ("Lasten") above the first row, when the body has them too
                labels = reading(cols, width)
                if labels is not None:
                    return (" ".join(head) or None), labels, group
    return None


def _corner(text: str) -> bool:
    """The cell above the labels may name them ("Programma", "Lasten") or be part of a caption."""
    return _row_header_like(text) or text.casefold() in ("lasten", "baten")


def _row_header_like(text: str) -> bool:
    """Not a column label: no year in a short cell, no lone column word ("Rekening", "Begroting 2018")."""
    words = len(text.split())
    return not (words <= 3 and numbers.YEAR.search(text)) and not (words <= 2 and _COLUMN_WORDS.search(text))


def _one_row(cols: list[str], width: int) -> list[str] | None:
    return cols if len(cols) == width else None


def _spanning_rows(cols: list[str], width: int) -> list[str] | None:
    """Header rows whose cells each span width/len(row) columns, the last row one cell per column:
    "Rekening 2017", "Begroting 2018" over "Lasten", "Baten", "Saldo", "Lasten", ... ."""
    sizes = [s for s in range(2, width + 1) if width % s == 0]
    readings: list[list[str]] = []
    for split in _partitions(len(cols) - width, sizes):
        rows, n = [], 0
        for size in [*split, width]:
            rows.append(cols[n : n + size])
            n += size
        if not all(_periodic(rows[-1], width // len(r)) for r in rows[:-1]):
            continue
        if not all(numbers.YEAR.search(t) or _COLUMN_WORDS.search(t) for r in rows[:-1] for t in r):
            continue  # an upper row is years or column words ("Rekening", "Begroting 2020"), not titles
        joined = [" / ".join(r[c * len(r) // width] for r in rows) for c in range(width)]
        if all(len(numbers.YEAR.findall(label)) <= 1 for label in joined):  # a column of two years is no reading
            readings.append(joined)
    if not readings and len(cols) > width:
        readings = [labels] if (labels := _uneven_spans(cols[: len(cols) - width], cols[-width:])) else []
    return readings[0] if len(readings) == 1 else None


def _uneven_spans(upper: list[str], lower: list[str]) -> list[str] | None:
    """One upper row over groups of lower cells that each start with the same label: "Begroting 2020",
    "Jaarrekening 2020", "Saldo 2020" over "Lasten", "Baten", "Lasten", "Baten", "Lasten", "Baten", "Totaal"."""
    starts = [n for n, text in enumerate(lower) if text.casefold() == lower[0].casefold()]
    if len(starts) != len(upper) or len(upper) < 2:
        return None
    if not all(numbers.YEAR.search(t) or _COLUMN_WORDS.search(t) for t in upper):
        return None
    bounds = [*starts, len(lower)]
    return [f"{upper[g]} / {lower[n]}" for g in range(len(upper)) for n in range(bounds[g], bounds[g + 1])]


def _partitions(total: int, sizes: list[int]) -> list[list[int]]:
    """Non-decreasing sequences of ``sizes`` that add up to ``total`` (each an upper header row)."""
    if total == 0:
        return [[]]
    out: list[list[int]] = []
    for size in sizes:
        if size <= total:
            out += [[size, *rest] for rest in _partitions(total - size, [s for s in sizes if s >= size])]
    return out


def _periodic(row: list[str], period: int) -> bool:
    """The lower row repeats itself under every upper cell ("Lasten, Baten, Saldo" under each year); an upper
    cell over one column each asks nothing of the lower row."""
    if period == 1:
        return True
    if period < 1 or len(row) % period:
        return False
    first = [t.casefold() for t in row[:period]]
    if period > 1 and len(set(first)) < period:
        return False
    return all([t.casefold() for t in row[k : k + period]] == first for k in range(0, len(row), period))


def _wrapped(cols: list[str], width: int) -> list[str] | None:
    """Header cells whose year wrapped onto a paragraph of its own: "Begroting" / "2018"."""
    joined: list[str] = []
    for text in cols:
        if (
            numbers.YEAR.fullmatch(text)
            and joined
            and not numbers.YEAR.search(joined[-1])
            and _COLUMN_WORDS.search(joined[-1])
        ):
            joined[-1] += " " + text
        else:
            joined.append(text)
    return joined if len(joined) == width and joined != cols else None


def _kept(i: int, end: int, line: int, why: str) -> Found:
    return kept_table(
        i,
        end,
        line,
        _("a table of one cell per paragraph that cannot be read with certainty ({why}): kept as text").format(why=why),
        _("put the amounts in a finance table in the content file if they must be published"),
    )


def _partial_row(rest: list[_Cell]) -> bool:
    """The cells after the last whole row are one row begun and not finished: a label (perhaps with its
    code) and some values, or a value cut short."""
    kinds = [c.kind for c in rest]
    while kinds and kinds[0] in ("code", "text"):
        kinds.pop(0)
    return bool(kinds) and len(rest) - len(kinds) <= 2 and all(k in ("cut", "num", "empty", "mark") for k in kinds)


def _last(lines: list[Line], j: int) -> bool:
    return _at_end(lines, j + 1)


def _at_end(lines: list[Line], end: int) -> bool:
    return all(line.blank for line in lines[end:])
