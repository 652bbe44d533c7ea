"""Every table recogniser, in the order they are asked: the first that sees a table at a line takes it."""

from __future__ import annotations

import re

from generator.importer import numbers
from generator.importer.finance import (
    Found,
    Recogniser,
    card,
    cells,
    chart_leftovers,
    cut_off,
    pipes,
    rows,
    stacked,
)
from generator.importer.grid import grid
from generator.importer.lines import Line
from generator.models import FinanceTable

_MARKED = re.compile(r"^(?:(?P<pre>[NV])\s+)?(?P<amount>[^NV\s][^\s]*?)(?:\s+(?P<post>[NV]))?$")
RECOGNISERS: list[Recogniser] = [pipes, card, cells, grid, stacked, rows]


def find_table(lines: list[Line], i: int) -> Found | None:
    """The first recogniser that sees a table starting at line index ``i``."""
    for recognise in RECOGNISERS:
        found = recognise(lines, i)
        if found is not None and not found.kept:
            found = _cut_at_the_end(lines, found)
        if found is not None and not found.kept and not found.table.rows:
            found.kept, found.left_out = True, []  # every row left out: the whole table is text, as warned
        if found is not None:
            return found if found.kept else _marked(chart_leftovers(lines, found))
    return None


def _cut_at_the_end(lines: list[Line], found: Found) -> Found:
    """The text stops inside the table's last row, without a line break: its last number may be cut short
    ("-2.394.855" exported as "-2.394"), so the row is left out of the table, as text, with a warning."""
    last = lines[-1] if lines else None
    if last is None or last.blank or found.end < len(lines) or not found.row_lines:
        return found
    if any(line.number == last.number for line in found.left_out) or found.row_lines[-1] > last.number:
        return found
    if last.number != found.row_lines[-1] and numbers.parse(last.clean) is None:
        return found  # the text ends on something after the rows (a unit line, a note), not in a row
    first = found.row_lines[-1]
    found.left_out += [line for line in lines if first <= line.number <= last.number and not line.blank]
    found.warnings.append(cut_off(found.table.rows[-1].label, first))
    found.table = found.table.model_copy(update={"rows": found.table.rows[:-1]})
    found.row_lines = found.row_lines[:-1]
    return found


def _marked(found: Found) -> Found:
    """Amounts printed with N or V ("21.580 V", "N 31.393") keep their printed value, unsigned, and the mark
    goes into a column of its own beside them: the mark, not a sign, says which way the amount goes."""
    table = found.table
    marked = [
        n
        for n in range(len(table.columns))
        if any(isinstance(row.values[n], str) and _mark_of(row.values[n]) for row in table.rows)
    ]
    if not marked:
        return found
    columns: list[dict[str, object]] = []
    rows: list[list[object]] = [[] for _ in table.rows]
    for n, column in enumerate(table.columns):
        if n not in marked:
            columns.append(column.model_dump())
            for values, row in zip(rows, table.rows, strict=True):
                values.append(row.values[n])
            continue
        split = [_split(row.values[n]) for row in table.rows]
        if any(s is None for s in split):
            return found  # a cell that is neither a marked amount nor empty: the column stays text
        columns += [{**column.model_dump(), "kind": "amount"}, {"label": f"{column.label} (N/V)", "kind": "text"}]
        for values, pair in zip(rows, split, strict=True):
            assert pair is not None
            values += pair
    data = table.model_dump()
    data["columns"] = columns
    data["rows"] = [{**row.model_dump(), "values": values} for row, values in zip(table.rows, rows, strict=True)]
    found.table = FinanceTable.model_validate(data)
    found.note = found.note or "met N (nadeel) en V (voordeel) zoals gedrukt"
    return found


def _split(value: object) -> list[object] | None:
    """ "21.580 V" -> [21580, "V"]; an amount without a mark or an empty cell -> [value, None]."""
    if value is None or isinstance(value, int | float):
        return [value, None]
    match = _MARKED.match(str(value))
    if match is None or not _mark_of(value):
        return None
    parsed = numbers.parse(match.group("amount"))
    return None if parsed is None else [parsed.value, _mark_of(value)]


def _mark_of(value: object) -> str | None:
    match = _MARKED.match(str(value))
    return (match.group("pre") or match.group("post")) if match else None
