"""Chart data for a finance table, as plain data; the markup lives in ``templates/partials/finance_chart.html``.

Each chart answers one question. The **totals** chart compares lasten and baten (or, in other tables, the
rows) per total column (Begroting, Rekening, ramingen) on one scale; a table with one row gets one chart
with a bar per column instead of a one-bar chart per column. **Differences** (Afwijking, Verschil,
Mutaties) are changes, not totals: they get their own chart on their own scale, signed around a zero
line, each bar marked voordelig or nadelig where the numbers show which (``finance.effect``).

Bars are drawn as SVG without any inline style (the site's CSP forbids it): ``x`` and ``width`` are
percentages of the chart's width, so bars follow the screen while the labels are ordinary HTML text that
wraps on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.models import FinanceTable, Row
from generator.render.finance import Effect, difference_columns, effect, total_columns

MIN_WIDTH = 0.5
"""Percent: a non-zero amount never disappears, however small."""

ChartKind = Literal["totals", "differences"]


@dataclass(frozen=True)
class Bar:
    label: str
    role: str
    value: int | float | None
    """The amount as printed (with its sign)."""
    euros: int | None
    """The amount in whole euros: the labels name the unit."""
    x: float
    width: float
    effect: Effect | None = None


@dataclass(frozen=True)
class Group:
    label: str
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    groups: list[Group]
    by_size: bool
    """True: bars show the size of lasten and baten; False: bars show signed amounts around ``zero``."""
    zero: float
    series: list[str]
    """Bar labels, in the order of the bars in every group."""
    columns: list[str]
    """The table columns this chart shows."""


def charts(table: FinanceTable) -> list[Chart]:
    """The charts of ``table``: totals first, then differences; none when it has no amounts to draw."""
    out = []
    totals = _totals(table)
    if totals:
        out.append(totals)
    differences = _differences(table)
    if differences:
        out.append(differences)
    return out


def chart(table: FinanceTable) -> Chart | None:
    """The totals chart of ``table`` (or its differences chart when it has no totals)."""
    found = charts(table)
    return found[0] if found else None


def _numbers(rows: list[Row], columns: list[int]) -> list[int | float]:
    return [v for row in rows for i in columns if isinstance(v := row.values[i], int | float)]


def _totals(table: FinanceTable) -> Chart | None:
    columns = total_columns(table)
    rows = _series(table.rows)
    numbers = _numbers(rows, columns)
    if not columns or not rows or not any(numbers):
        return None
    by_size = all(row.role in ("lasten", "baten") for row in rows)
    scale = _Scale([abs(v) for v in numbers] if by_size else numbers)
    labels = [table.columns[i].label for i in columns]

    def bar(label: str, row: Row, i: int) -> Bar:
        value = row.values[i]
        number = value if isinstance(value, int | float) else None
        shown = abs(number) if by_size and number is not None else number
        x, width = scale.extent(shown)
        return Bar(label, row.role or "other", number, table.euros(number), x, width)

    if len(rows) == 1 and len(columns) > 1:
        # One row: one chart with a bar per column, not a one-bar chart per column.
        row = rows[0]
        groups = [Group(row.label, [bar(table.columns[i].label, row, i) for i in columns])]
        return Chart("totals", groups, by_size, scale.zero, labels, labels)
    groups = [Group(table.columns[i].label, [bar(row.label, row, i) for row in rows]) for i in columns]
    return Chart("totals", groups, by_size, scale.zero, [row.label for row in rows], labels)


def _differences(table: FinanceTable) -> Chart | None:
    columns = difference_columns(table)
    rows = [r for r in table.rows if r.role in ("lasten", "baten", "saldo")] or [
        r for r in table.rows if r.role != "totaal"
    ]
    numbers = _numbers(rows, columns)
    if not columns or not rows or not any(numbers):
        return None
    scale = _Scale(numbers)
    groups = []
    for i in columns:
        bars = []
        for row in rows:
            value = row.values[i]
            number = value if isinstance(value, int | float) else None
            x, width = scale.extent(number)
            bars.append(
                Bar(row.label, row.role or "other", number, table.euros(number), x, width, effect(table, row, i))
            )
        groups.append(Group(table.columns[i].label, bars))
    labels = [table.columns[i].label for i in columns]
    return Chart("differences", groups, False, scale.zero, [row.label for row in rows], labels)


def _series(rows: list[Row]) -> list[Row]:
    """Lasten and baten if the table has them; else the rows that are not totals; else all rows."""
    for chosen in (
        [r for r in rows if r.role in ("lasten", "baten")],
        [r for r in rows if r.role not in ("saldo", "totaal")],
    ):
        if chosen:
            return chosen
    return rows


class _Scale:
    """One scale from the lowest to the highest value (always including zero), in percent of the width."""

    def __init__(self, values: list[int | float]) -> None:
        self.low, high = min(0, *values), max(0, *values)
        self.span = (high - self.low) or 1
        self.zero = round(-self.low / self.span * 100, 2)

    def extent(self, value: float | None) -> tuple[float, float]:
        if not value:
            return self.zero, 0.0
        start = (min(value, 0) - self.low) / self.span * 100
        width = max(abs(value) / self.span * 100, MIN_WIDTH)
        return round(start, 2), round(width, 2)
