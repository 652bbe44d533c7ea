"""Chart geometry for a finance table, as plain data; the SVG markup lives in a template partial.

One horizontal bar per lasten/baten row, grouped per amount column ("Begroting 2021", "Rekening 2021"),
so a reader sees at a glance whether a programme costs more than it brings in. Lasten and baten are
compared by size (lasten are often printed negative); a table without lasten/baten rows charts its
other rows with their sign around a zero line. x positions are percentages of the chart's width, so
the chart follows the width of the screen while its text keeps its normal size; y positions are pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.models import FinanceTable, Row
from generator.render.finance import amount_columns

GROUP_HEADER = 26
LABEL = 20
BAR = 14
BAR_GAP = 10
GROUP_GAP = 10
MIN_WIDTH = 0.5
"""Percent: a non-zero amount never disappears, however small."""


@dataclass(frozen=True)
class Bar:
    label: str
    role: str
    value: int | float | None
    """The amount as printed (with its sign), for the text beside the bar."""
    x: float
    width: float
    label_y: int
    y: int


@dataclass(frozen=True)
class Group:
    label: str
    y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    groups: list[Group]
    height: int
    by_size: bool
    """True: bars show the size of lasten and baten; False: bars show signed amounts around ``zero``."""
    zero: float
    series: list[str]
    """Row labels, in the order of the bars in every group."""
    bar_height: int = BAR


def chart(table: FinanceTable) -> Chart | None:
    """The chart of ``table``, or None when it has no amounts to draw."""
    columns = amount_columns(table)
    rows = _series(table.rows)
    numbers = [v for row in rows for i in columns if isinstance(v := row.values[i], int | float)]
    if not columns or not rows or not any(numbers):
        return None
    by_size = all(row.role in ("lasten", "baten") for row in rows)
    plotted = [abs(v) for v in numbers] if by_size else numbers
    low, high = min(0, *plotted), max(0, *plotted)
    span = (high - low) or 1
    groups: list[Group] = []
    y = 0
    for i in columns:
        group_y, y = y, y + GROUP_HEADER
        bars = []
        for row in rows:
            value = row.values[i]
            number = value if isinstance(value, int | float) else None
            shown = abs(number) if by_size and number is not None else number
            x, width = _extent(shown, low, span)
            bars.append(Bar(row.label, row.role or "other", number, x, width, y + LABEL - 4, y + LABEL))
            y += LABEL + BAR + BAR_GAP
        groups.append(Group(table.columns[i].label, group_y + GROUP_HEADER - 8, bars))
        y += GROUP_GAP
    return Chart(groups, y, by_size, round(-low / span * 100, 2), [row.label for row in rows])


def _series(rows: list[Row]) -> list[Row]:
    """Lasten and baten if the table has them; else the rows that are not totals; else all rows."""
    for chosen in (
        [r for r in rows if r.role in ("lasten", "baten")],
        [r for r in rows if r.role not in ("saldo", "totaal")],
    ):
        if chosen:
            return chosen
    return rows


def _extent(value: float | None, low: float, span: float) -> tuple[float, float]:
    if not value:
        return round(-low / span * 100, 2), 0.0
    start = (min(value, 0) - low) / span * 100
    width = max(abs(value) / span * 100, MIN_WIDTH)
    return round(start, 2), round(width, 2)
