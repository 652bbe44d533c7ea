"""Finance tables in the layouts platforms export, as small recognisers that can grow.

Each recogniser looks at the lines from a position and either returns the table it found there (and the
lines it used) or None. Layouts recognised:

- ``stacked``: label, amount and share on separate lines ("Lasten" / "-2.113.000" / "3,8 %");
- ``cells``: one cell per line under a header of several lines ("Omschrijving", "Beschikbaar", "(€)", ...);
- ``rows``: one row per line, cells separated by spaces or glued together ("Baten 657 835 1.035 201",
  "Lasten34.87935.605"), under a header whose column names contain spaces;
- ``pipes``: ``| Omschrijving | Begroting 2022 |`` tables.

Rows with fewer values than columns are padded with empty cells and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import ValidationError

from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer import numbers, vocabulary
from generator.importer.lines import Line, collapse, has_letter, is_sentence, title_like
from generator.models import Column, FinanceTable, Row
from generator.models.finance import ColumnKind, RowRole, Value

_ROLES: list[tuple[str, RowRole]] = [
    (r"\bsaldo\b", "saldo"),
    (r"\b(?:totaal\s+)?(?:lasten|uitgaven)\b", "lasten"),
    (r"\b(?:totaal\s+)?(?:baten|inkomsten)\b", "baten"),
    (r"^totaal\b", "totaal"),
]
_NOTE = re.compile(r"^(?:stand|peildatum|stand per|bron)\b.{0,40}\d{4}$", re.I)
_MAX_HEADER_CELL = 45
_UNIT_HEAD = re.compile(r"^\(?(?:bedragen\s+)?(?:x|×|\*)\s*€?\s*1(?:[. ]?000)+(?:,-)?\)?\s+", re.I)
_UNIT_TAIL = re.compile(r"\s+\(?(?:bedragen\s+)?(?:x|×|\*)\s*€?\s*1(?:[. ]?000)+(?:,-)?\)?$", re.I)


@dataclass
class Found:
    """A table found in the export: the lines it spans and what it says."""

    start: int
    end: int
    """Index after the last line used."""
    table: FinanceTable
    row_lines: list[int]
    header_line: int
    note: str | None = None
    warnings: list[Problem] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    """Line numbers of chart labels beside the table, dropped."""
    unit: int | None = None
    """The unit the table itself states (header, unit row); None until ``units.establish`` finds one."""
    kept: bool = False
    """No unit could be established: the lines are kept as text, with a warning."""
    left_out: list[Line] = field(default_factory=list)
    """Lines of rows that could not be placed in the columns: written as text below the table, warned."""


Recogniser = Callable[[list[Line], int], Found | None]


def role_of(label: str) -> RowRole | None:
    """The role of a row from its label: "Lasten" -> lasten, "Saldo van baten en lasten" -> saldo."""
    folded = collapse(label).lower()
    for pattern, role in _ROLES:
        if re.search(pattern, folded):
            return role
    return None


def _nonblank(lines: list[Line], i: int) -> Iterator[int]:
    return (j for j in range(i, len(lines)) if not lines[j].blank)


def _next(lines: list[Line], i: int) -> int | None:
    return next(_nonblank(lines, i), None)


def _number(lines: list[Line], i: int | None) -> numbers.Number | None:
    return None if i is None else numbers.parse(lines[i].clean)


def _cell(lines: list[Line], i: int | None) -> tuple[Value, bool]:
    """(value, is a cell) for a line holding one number or an empty-cell mark."""
    if i is None:
        return None, False
    parsed = numbers.parse(lines[i].clean)
    if parsed is not None:
        return printed_or_value(parsed, lines[i].clean), True
    return None, lines[i].clean in ("-", "\u2212", "\u2013", "\u2014")


def printed_or_value(parsed: numbers.Number, text: str) -> Value:
    """The value, or the cell as printed when an N/V mark goes with it (kept as text, never signed by us)."""
    return text.strip() if parsed.mark else parsed.value


def _label(text: str) -> bool:
    return has_letter(text) and len(text) <= 80 and numbers.parse(text) is None and not text.endswith(".")


def make_table(
    row_header: str | None,
    labels: list[str],
    rows: list[tuple[str, list[Value]]],
    kinds: list[ColumnKind] | None = None,
    added: bool = False,
) -> FinanceTable | None:
    """A table of the given columns and rows, or None if they do not make one. Its caption and unit are
    set later, by the pipeline and ``units.establish``. ``added``: the page prints no column headings, the
    labels are woosite's."""
    kinds = kinds or [_kind([values[c] for _, values in rows], labels[c]) for c in range(len(labels))]
    try:
        return FinanceTable(
            caption="Financiën",
            row_header=row_header,
            columns=[Column(label=label, kind=kind, added=added) for label, kind in zip(labels, kinds, strict=True)],
            rows=[Row(label=label, role=role_of(label), values=values) for label, values in rows],
        )
    except ValidationError:
        return None


def _kind(values: list[Value], label: str = "") -> ColumnKind:
    """Text if any cell is text; a percentage column when its heading says "%"; else amounts."""
    if any(isinstance(v, str) for v in values):
        return "text"
    return "percentage" if "%" in label else "amount"


def _placed(values: list[Value], width: int, label: str, line: int, warnings: list[Problem]) -> list[Value] | None:
    """The row's values, or None when there are fewer or more than columns: which cell is empty (or extra)
    the text does not say, so the row is left out of the table (kept as text below it) with a warning."""
    if len(values) == width:
        return values
    warnings.append(
        Problem(
            None,
            line,
            _(
                "row '{label}' has {count} values for {width} columns: which column is empty is not printed; the row "
                "is kept as text below the table"
            ).format(label=label, count=len(values), width=width),
            _("put the values with the right empty cells in the table in the content file"),
        )
    )
    return None


def cut_off(label: str, line: int) -> Problem:
    """The text stops on this row's line (no line break after it): its last number may be cut short."""
    return Problem(
        None,
        line,
        _(
            "the text stops in row '{label}': its last amount may be cut short; the row is kept as text below the table"
        ).format(label=label),
        _("complete the row in the content file if the document shows more"),
    )


def kept_table(start: int, end: int, line: int, message: str, hint: str) -> Found:
    """Lines that hold a table whose numbers cannot be published with certainty: kept as text, one warning."""
    table = FinanceTable(caption="Financiën", columns=[Column(label="Kolom")])
    return Found(start, end, table, [], line, warnings=[Problem(None, line, message, hint)], kept=True)


_NUMBER_LIKE = re.compile(r"[^\W\d_]?\s*[(\-\u2212]?[\d.,\s]*\d(?:[eE][+-]?\d+)?\s*%?\)?")
"""A line that looks like an amount but may be none the parser reads ("1e308", "1e400 %", "12,3,4")."""


def stacked(lines: list[Line], i: int) -> Found | None:
    """ "Lasten" / "-2.113.000" / "3,8 %" / "Baten" / ...: one row per group of lines."""
    if role_of(lines[i].clean) is None or not title_like(lines[i].clean, max_length=40):
        return None
    rows: list[tuple[str, Value, Value]] = []
    row_lines: list[int] = []
    j: int | None = i
    end = i
    while j is not None and _label(lines[j].clean) and title_like(lines[j].clean, max_length=40):
        k = _next(lines, j + 1)
        amount = _number(lines, k)
        if k is None or amount is None or amount.kind != "amount" or amount.mark:
            break
        m = _next(lines, k + 1)
        share = _number(lines, m)
        pct: Value = None
        end = k + 1
        if m is not None and share is not None and share.kind == "percentage":
            pct, end = share.value, m + 1
        rows.append((lines[j].clean, amount.value, pct))
        row_lines.append(lines[j].number)
        j = _next(lines, end)
    if not rows:
        return None
    warnings = []
    k = _next(lines, j + 1) if j is not None and role_of(lines[j].clean) is not None else None
    if j is not None and k is not None and _NUMBER_LIKE.fullmatch(lines[k].clean):
        # "Baten" / "1e308": a row whose amount is no Dutch number stops the table; it must not go unsaid
        warnings.append(
            Problem(
                None,
                lines[j].number,
                _(
                    "row '{label}' has no amount that can be read ('{cell}'): the table stops above it and the row "
                    "is kept as text"
                ).format(label=lines[j].clean, cell=lines[k].clean),
                _("put the amount as the document shows it in the table in the content file"),
            )
        )
    with_share = any(p is not None for _, _, p in rows)
    # The source prints no column headings here: the labels are ours, marked as added.
    labels = ["Bedrag", "Percentage"] if with_share else ["Bedrag"]
    kinds: list[ColumnKind] = ["amount", "percentage"] if with_share else ["amount"]
    values = [(r[0], [r[1], r[2]] if with_share else [r[1]]) for r in rows]
    table = make_table(None, labels, values, kinds, added=True)
    if table is None:
        return None
    return Found(i, end, table, row_lines, lines[i].number, warnings=warnings)


def cells(lines: list[Line], i: int) -> Found | None:
    """A header of one cell per line ("Omschrijving", "Beschikbaar", "(€)", ...) over rows of one cell per line."""
    first = lines[i].clean
    if not _header_cell(first) or first.casefold() not in vocabulary.LABEL_COLUMN:
        return None  # the first cell is the label column's name ("Omschrijving"); anything else: see grid
    labels: list[str] = []
    units: set[int] = set()
    j = _next(lines, i + 1)
    while j is not None:
        text = lines[j].clean
        after = _next(lines, j + 1)
        if numbers.unit_note(text) and labels:
            units.add(numbers.multiplier(text) or 1)
        elif _header_cell(text) and split_row(text) is None and not (_number(lines, after) is not None and labels):
            labels.append(text)
        else:
            break
        j = after
        if len(labels) > 12:
            return None
    if len(labels) < 2 or j is None or len(units) > 1:
        return None
    warnings: list[Problem] = []
    rows: list[tuple[str, list[Value]]] = []
    row_lines: list[int] = []
    left_out: list[Line] = []
    end = j
    while j is not None and _label(lines[j].clean) and _cell(lines, _next(lines, j + 1))[1]:
        values: list[Value] = []
        k = _next(lines, j + 1)
        while k is not None and len(values) < len(labels):
            value, ok = _cell(lines, k)
            if not ok:
                break
            values.append(value)
            end = k + 1
            k = _next(lines, k + 1)
        if not rows and len(values) < len(labels):
            return None
        placed = _placed(values, len(labels), lines[j].clean, lines[j].number, warnings)
        if placed is None:
            left_out += [line for line in lines[j:end] if not line.blank]
        else:
            rows.append((lines[j].clean, placed))
            row_lines.append(lines[j].number)
        j = k
    if not rows:
        return None
    unit = units.pop() if units else None
    table = make_table(first, labels, rows)
    if table is None:
        return None
    found = Found(i, end, table, row_lines, lines[i].number, warnings=warnings, unit=unit, left_out=left_out)
    return _with_note(lines, found)


def _header_cell(text: str) -> bool:
    return (
        len(text) <= _MAX_HEADER_CELL
        and has_letter(text)
        and numbers.parse(text) is None
        and not is_sentence(text)
        and not numbers.unit_note(text)
    )


def split_row(text: str) -> tuple[str, list[str]] | None:
    """ "Saldo (4.886) (4.741)" -> ("Saldo", ["(4.886)", "(4.741)"]); glued cells are cut apart."""
    found = _split_row(text)
    return None if found is None else (found[0], list(found[1]))


@lru_cache(maxsize=8192)
def _split_row(text: str) -> tuple[str, tuple[str, ...]] | None:
    """``split_row``, remembered: every recogniser run from a line above asks again for the same line."""
    if numbers.unit_note(text):
        return None
    cells_ = numbers.tokens(collapse(text))
    n = len(cells_)
    while n > 0 and (numbers.parse(cells_[n - 1]) is not None or numbers.is_empty_cell(cells_[n - 1])):
        n -= 1
    label, values = " ".join(cells_[:n]), cells_[n:]
    if values and n and _GLUED_LABEL_END.search(cells_[n - 1]):
        return None  # "Baten657 835": where the label ends is a guess (see ambiguous_glued)
    if not values or all(numbers.is_empty_cell(v) for v in values):
        glued = re.match(r"^(.*?[^\W\d_)])\s*([(\-\u2212\u2013]?\d[\d.,()\-\u2212\u2013]*)$", collapse(text))
        parts = numbers.split_glued(glued.group(2)) if glued else None
        if glued is None or parts is None:
            return None
        label, values = glued.group(1), parts
    if _header_years(label, values):
        return None
    if not label or not _label(label) or len(label) > 60 or label.endswith((":", ",")) or numbers.multiplier(label):
        return None
    return label, tuple(values)


_MARKS_LINE = re.compile(r"(?:(?:Voordeel|Nadeel|V|N)\s*)+", re.I)


def _header_years(label: str, values: list[str]) -> bool:
    """ "Omschrijving Raming 2020 Raming 2021", "Renterisiconorm 2025 2026 2027", "Rekening 2021": column
    labels ending in years, not a row of amounts (an amount of four digits is printed with its dot, "2.025")."""
    return all(numbers.YEAR.fullmatch(v) for v in values)


def rows(lines: list[Line], i: int) -> Found | None:
    """One row per line under an optional header line: "Baten 657 835 1.035 201"."""
    start = i
    header: Line | None = None
    unit: int | None = None
    if numbers.unit_note(lines[i].clean):
        unit = numbers.multiplier(lines[i].clean)
        nxt = _next(lines, i + 1)
        if nxt is None:
            return None
        i = nxt
    if split_row(lines[i].clean) is None:
        nxt = _next(lines, i + 1)
        text = lines[i].clean
        if unit is None and nxt is not None and nxt == i + 1 and numbers.unit_note(lines[nxt].clean):
            # "Netto exploitatiekosten" over "(* € 1 miljoen)" over the rows: the unit under the heading
            unit, nxt = numbers.multiplier(lines[nxt].clean), _next(lines, nxt + 1)
        if nxt is None or nxt > i + 3 or split_row(lines[nxt].clean) is None or text.endswith((".", ":", ";", "?")):
            return None
        if ambiguous_glued(text) or "|" in text:
            return None  # cells split by "|" are a pipe table's, which ``pipes`` reads or leaves as text
        header, i = lines[i], nxt
    found: list[tuple[Line, tuple[str, list[str]]]] = []
    j: int | None = i
    end = i
    marks: list[Line] = []
    while j is not None and j <= end + 1:
        if "|" in lines[j].clean:
            return None
        parsed = split_row(lines[j].clean)
        if parsed is None and found and _MARKS_LINE.fullmatch(lines[j].clean):
            marks.append(lines[j])  # "Voordeel Nadeel Voordeel" over the next row: kept as text, said once
            end = j + 1
            j = _next(lines, end)
            continue
        if parsed is None and header is not None and _group_line(lines, j):
            parsed = (lines[j].clean, [])  # "A. Financiële bijstellingen:" over the rows that follow
        if parsed is None:
            break
        found.append((lines[j], parsed))
        end = j + 1
        j = _next(lines, end)
    if j is not None and j <= end + 1 and ambiguous_glued(lines[j].clean):
        return None  # a row whose glued cells cannot be cut: the whole table stays text, with warnings
    years = _year_header(header)
    # A bare year before the amounts is part of the label ("Saldo Begroting 2025 -5.639.000 ..."): an amount
    # of four digits is printed with its dot.
    found = [(line, _refit(label, values)) for line, (label, values) in found]
    width = years or (max(len(values) for _, (_, values) in found) if found else 0)
    roles = sum(1 for _, (label, _) in found if role_of(label))
    if not found or not (len(found) >= 2 or (header and width >= 2)) or not (roles or header):
        return None
    warnings: list[Problem] = []
    if header is not None and unit is None:
        unit = numbers.multiplier(header.clean)
    first = header.number if header else found[0][0].number
    columns = _columns(header, width) if header else None
    if columns is None:
        if header:
            what = _("the header '{header}' does not fit {width} columns").format(header=header.clean, width=width)
        else:
            what = _("the table has no header")
        return kept_table(
            start,
            end,
            first,
            _("{what}: which amounts belong to which year or column is not certain; kept as text").format(what=what),
            _("put the table with its column names in the content file if the amounts must be published"),
        )
    row_header, labels = columns
    table_rows: list[tuple[str, list[Value]]] = []
    row_lines: list[int] = []
    left_out: list[Line] = []
    kinds: list[ColumnKind] = []
    for line, (label, cells_) in found:
        if not cells_:
            table_rows.append((label, [None] * width))  # a group row
            row_lines.append(line.number)
            continue
        numbers_ = [numbers.parse(c) for c in cells_]
        values: list[Value] = [printed_or_value(p, c) if p else None for p, c in zip(numbers_, cells_, strict=True)]
        for cell, number in zip(cells_, numbers_, strict=True):
            if number is None and not numbers.is_empty_cell(cell):
                warnings.append(
                    Problem(
                        None,
                        line.number,
                        _("unreadable amount '{cell}' in row '{label}': the cell is left empty").format(
                            cell=cell, label=label
                        ),
                        _("type the amount in the content file"),
                    )
                )
        placed = _placed(values, width, label, line.number, warnings)
        if placed is None:
            left_out.append(line)
            continue
        table_rows.append((label, placed))
        row_lines.append(line.number)
        for n, p in enumerate(numbers_):
            if p is not None and n >= len(kinds):
                kinds.append(p.kind)
    kinds += ["amount"] * (width - len(kinds))
    for line, (label, cells_) in found:
        if line.number in row_lines and any(
            p is not None and p.kind != kinds[n] for n, p in enumerate(numbers.parse(c) for c in cells_)
        ):
            warnings.append(_percentage_row(label, line.number))
            k = row_lines.index(line.number)
            del row_lines[k], table_rows[k]
            left_out.append(line)
    for _label, values_ in table_rows:
        kinds = [("text" if isinstance(v, str) else k) for k, v in zip(kinds, values_, strict=True)]
    after = _next(lines, end)
    if after is not None and after <= end + 1 and numbers.unit_note(lines[after].clean) and unit is None:
        unit, end = numbers.multiplier(lines[after].clean), after + 1
    if marks:
        left_out += marks
        warnings.append(
            Problem(
                None,
                marks[0].number,
                _(
                    "{count} lines of voordeel/nadeel above rows ('{first}'): they cannot be tied to amounts, kept as "
                    "text below the table"
                ).format(count=len(marks), first=marks[0].clean),
                _("put them in a column of the table in the content file if they belong to the amounts"),
            )
        )
    table = make_table(row_header, labels, table_rows, kinds)
    if table is None:
        return None
    return Found(start, end, table, row_lines, first, warnings=warnings, unit=unit, left_out=left_out)


def _group_line(lines: list[Line], j: int) -> bool:
    """A short label without amounts, directly followed by a row: the title of a group of rows."""
    text = lines[j].clean
    after = _next(lines, j + 1)
    return (
        has_letter(text)
        and not ambiguous_glued(text)
        and len(text) <= 80
        and not is_sentence(text.rstrip(":"))
        and not any(numbers.parse(t) for t in numbers.tokens(text))
        and after is not None
        and after <= j + 2
        and split_row(lines[after].clean) is not None
    )


def _year_header(header: Line | None) -> int:
    """The number of columns of a header that is only years ("2026 2027 2028 2029"), else 0."""
    words = header.clean.split() if header else []
    return len(words) if words and all(numbers.YEAR.fullmatch(w) for w in words) else 0


def _refit(label: str, values: list[str]) -> tuple[str, list[str]]:
    """No amount is a bare year: leading year cells belong to the label (when amounts follow them)."""
    values = list(values)
    while values and numbers.YEAR.fullmatch(values[0]) and len(values) > 1:
        label = f"{label} {values.pop(0)}"
    return label, values


def ambiguous_glued(text: str) -> bool:
    """A label with digits glued to it that no cut at thousands dots explains ("Lasten34.879353"), also
    before further cells ("Baten657 835 1.035": is the first value 657, or 57?)."""
    if numbers.GLUED_LINE.match(text) and not any(numbers.parse(c) for c in numbers.tokens(text)):
        return True
    cells_ = numbers.tokens(collapse(text))
    n = len(cells_)
    while n > 0 and (numbers.parse(cells_[n - 1]) is not None or numbers.is_empty_cell(cells_[n - 1])):
        n -= 1
    return 0 < n < len(cells_) and bool(_GLUED_LABEL_END.search(cells_[n - 1]))


_GLUED_LABEL_END = re.compile(r"[^\W\d_][(\-\u2212\u2013]?\d[\d.,]*\)?$")
"""The last word of a label ends in digits glued to its letters: "Baten657"."""


def _columns(header: Line, width: int) -> tuple[str | None, list[str]] | None:
    """Cut a header line into a row header and ``width`` column labels.

    A leading unit ("Bedragen x € 1.000") is the row header; the rest is cut at capitals or after years.
    """
    unit = _UNIT_HEAD.match(header.clean)
    rest = header.clean[unit.end() :] if unit else header.clean
    rest = _UNIT_TAIL.sub("", rest)
    runs = [collapse(part) for part in re.split(r"\s{2,}|\t", header.text.strip()) if part.strip()]
    runs = [part for part in runs if not (numbers.unit_note(part) and part != (unit.group(0).strip() if unit else ""))]
    if unit and runs and runs[0] == unit.group(0).strip():
        runs = runs[1:]
    if len(runs) > 1:
        fitted = _fit(runs, width, unit.group(0).strip() if unit else None)
        if fitted is not None:
            return fitted
    words = rest.split()
    if (
        len(words) >= width
        and all(numbers.YEAR.fullmatch(w) for w in words[-width:])
        and not numbers.YEAR.search(" ".join(words[:-width]))
    ):
        return " ".join(words[:-width]) or None, words[-width:]  # "Renterisiconorm 2025 2026": a year a column
    # Cut at capitals; where the labels carry years, the cut after each year must give the same labels
    # (a row header may stand before the first), or the cut is a guess.
    by_capitals = _fit(_split_capitals(rest), width, unit.group(0).strip() if unit else None)
    if by_capitals is None:
        return None
    by_years = _fit(_split_after_years(rest), width, None)
    if by_years is not None and not all(y.endswith(c) for y, c in zip(by_years[1], by_capitals[1], strict=True)):
        return None
    return by_capitals


def _fit(parts: list[str], width: int, unit: str | None) -> tuple[str | None, list[str]] | None:
    """(row header, labels) when ``parts`` are the labels, or a row header and the labels."""
    if unit and len(parts) == width:
        return unit, parts
    if len(parts) == width + 1:
        return parts[0], parts[1:]
    if len(parts) == width:
        return None, parts
    return None


def _split_capitals(text: str) -> list[str]:
    """A new label starts at each capitalised word outside parentheses and not after a "/" ("Programma /
    Resultaat" is one label)."""
    parts: list[list[str]] = []
    depth = 0
    for word in text.split():
        joined = bool(parts) and parts[-1][-1].endswith("/")
        if (depth == 0 and word[:1].isupper() and not joined) or not parts:
            parts.append([])
        parts[-1].append(word)
        depth = max(0, depth + word.count("(") - word.count(")"))
    return [" ".join(p) for p in parts]


def _split_after_years(text: str) -> list[str]:
    """A label ends after a year or a closing parenthesis; words in lower case after it still belong to it
    ("Begroting 2024 incl begr.wijz")."""
    parts: list[list[str]] = [[]]
    for word in text.split():
        if not parts[-1] and len(parts) > 1 and word[:1].islower():
            parts[-2].append(word)
            continue
        parts[-1].append(word)
        if re.fullmatch(r"\d{4}", word) or word.endswith(")"):
            parts.append([])
    return [" ".join(p) for p in parts if p]


def pipes(lines: list[Line], i: int) -> Found | None:
    """Markdown-style tables: ``| Omschrijving | Begroting 2022 |``."""
    block: list[Line] = []
    j = i
    while j < len(lines) and lines[j].clean.count("|") >= 2:
        block.append(lines[j])
        j += 1
    cells_ = [[c.strip() for c in line.clean.strip().strip("|").split("|")] for line in block]
    body = [
        (line, c) for line, c in zip(block, cells_, strict=True) if not all(re.fullmatch(r":?-{2,}:?", x) for x in c)
    ]
    if len(body) < 2:
        return None
    unit_in_header = next((numbers.multiplier(c) for c in body[0][1] if numbers.unit_note(c)), None)
    if unit_in_header is not None and all(numbers.unit_note(c) or not c for c in body[0][1]) and len(body) > 2:
        body = body[1:]  # a header row that holds only the unit ("Bedragen x € 1.000 | | |"): the labels follow
    header_line, header, data = _pipe_header(body)
    width = len(header) - 1
    if width < 1:
        return None
    warnings: list[Problem] = []
    table_rows: list[tuple[str, list[Value]]] = []
    row_lines: list[int] = []
    left_out: list[Line] = []
    shares = any("%" in cell for cell in header[1:])
    for line, row in data:
        values: list[Value] = []
        percentages = False
        for text in row[1 : width + 1]:
            parsed = numbers.parse(text)
            percentages |= parsed is not None and parsed.kind == "percentage"
            values.append(printed_or_value(parsed, text) if parsed else (None if numbers.is_empty_cell(text) else text))
        group = all(v is None for v in values)  # "Baten | | |": a group row, its cells empty
        placed: list[Value] | None = [None] * width if group else _placed(values, width, row[0], line.number, warnings)
        if placed is not None and percentages and not shares:
            warnings.append(_percentage_row(row[0], line.number))
            placed = None
        if placed is None:
            left_out.append(line)
            continue
        table_rows.append((row[0], placed))
        row_lines.append(line.number)
    unit = unit_in_header or next((u for cell in header if (u := numbers.multiplier(cell))), None)
    unnamed = [n for n, label in enumerate(header[1:]) if not label]
    if any(values[n] is not None for _, values in table_rows for n in unnamed):
        return kept_table(
            i,
            j,
            header_line.number,
            _("a column of amounts has no header (the header may be shifted by a cell): kept as text"),
            _("put the table with the right column names in the content file if the amounts must be published"),
        )
    table = make_table(header[0] or None, header[1:], table_rows)
    if table is None:
        return None
    found = Found(i, j, table, row_lines, header_line.number, warnings=warnings, unit=unit, left_out=left_out)
    return found


def _percentage_row(label: str, line: int) -> Problem:
    return Problem(
        None,
        line,
        _("row '{label}' has percentages beside amounts in the same columns: kept as text below the table").format(
            label=label
        ),
        _("put the percentages in a table of their own in the content file if they must be published"),
    )


def _pipe_header(body: list[tuple[Line, list[str]]]) -> tuple[Line, list[str], list[tuple[Line, list[str]]]]:
    """The header rows of a pipe table (up to three rows without a number, as in "Begroting" over "2022" or
    "Primair" / "na wijziging"), joined per column; an empty header cell continues the one to its left."""
    count = 1
    while (
        count < min(3, len(body) - 1)
        and any(body[count][1][1:])  # a label with empty cells ("Lasten | | |") is a group row, not a header
        and not any(numbers.parse(c) and not numbers.YEAR.fullmatch(c) for c in body[count][1][1:])
    ):
        count += 1
    if count == 1:
        return body[0][0], body[0][1], body[1:]
    width = max(len(cells_) for _line, cells_ in body[:count])
    labels = [[] for _n in range(width)]  # type: list[list[str]]
    for _line, cells_ in body[:count]:
        last = ""
        for n in range(width):
            cell = cells_[n] if n < len(cells_) else ""
            last = cell or (last if n > 0 and count > 1 and _spans(body[:count], n) else "")
            if last and (not labels[n] or labels[n][-1] != last):
                labels[n].append(last)
    return body[0][0], [" ".join(parts) for parts in labels], body[count:]


def _spans(header: list[tuple[Line, list[str]]], n: int) -> bool:
    """An empty cell in an upper header row spans to its left only when a lower row names this column."""
    return any(n < len(cells_) and cells_[n] for _, cells_ in header[1:])


def _with_note(lines: list[Line], found: Found) -> Found:
    """Take a note right after the table ("Stand 1 januari 2022") as part of its caption."""
    after = _next(lines, found.end)
    if after is not None and _NOTE.match(lines[after].clean):
        found.note, found.end = lines[after].clean, after + 1
    return found


_CARD_LABEL = re.compile(r"^([^\W\d_][^€]{0,40}?)\s*(\(€\)|€|\(?x\s*€\s*1(?:[. ]?000)+\)?)$")


def card(lines: list[Line], i: int) -> Found | None:
    """A "card" of label/value lines instead of a table: "Begroot €" / "1.234" / "Gerealiseerd €" / "1.300"."""
    labels: list[str] = []
    values: list[Value] = []
    units: set[int] = set()
    row_lines: list[int] = []
    j: int | None = i
    end = i
    while j is not None and (match := _CARD_LABEL.match(lines[j].clean)):
        k = _next(lines, j + 1)
        amount = _number(lines, k)
        if k is None or amount is None or amount.kind != "amount" or amount.scale != 1 or amount.mark:
            break
        labels.append(match.group(1).strip())
        values.append(amount.value)
        units.add(numbers.multiplier(match.group(2)) or 1)
        row_lines.append(lines[j].number)
        end = k + 1
        j = _next(lines, end)
    if len(labels) < 2 or len(units) > 1 or len(set(labels)) < len(labels):
        return None
    unit = units.pop()
    table = make_table(None, labels, [("Bedrag", values)], ["amount"] * len(labels))
    if table is None:
        return None
    return Found(i, end, table, [row_lines[0]], lines[i].number, unit=unit)


_CHART_LABEL = re.compile(r"^(?:€\s*[-\u2212]?\d{1,3}(?:\.\d{3})*|[-\u2212]?\d{1,3}(?:,\d+)?\s*%)$")


def chart_leftovers(lines: list[Line], found: Found) -> Found:
    """Lone chart labels right after a table ("€ 34.879.177", "100,0%"): dropped, and said so in a warning."""
    dropped: list[Line] = []
    j = _next(lines, found.end)
    while j is not None and j <= found.end + 1:
        if not _CHART_LABEL.match(lines[j].clean):
            break
        dropped.append(lines[j])
        found.end = j + 1
        j = _next(lines, j + 1)
    if dropped:
        found.dropped = [line.number for line in dropped]
        found.warnings.append(
            Problem(
                None,
                dropped[0].number,
                _("labels of a chart beside the table left out: {labels}").format(
                    labels=", ".join(f"'{line.clean}'" for line in dropped)
                ),
                _("the table holds the amounts; add the labels to it if they say more"),
            )
        )
    return found
