"""The arithmetic a finance table carries, checked: a wrong number on a government site is the worst bug.

- saldo = baten − lasten or lasten − baten (lasten printed positive), or baten + lasten (lasten printed
  negative), against the lasten and baten rows of its own group;
- saldo = beschikbaar − uitgaven − verplichtingen, per row;
- an "Afwijking" column = realisation − budget (either sign convention);
- a "Totaal" row = the sum of the rows above it.

A difference of one unit is rounding (1.035 − 5.854 printed as −4.818); anything larger is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer.finance import Found
from generator.models import FinanceTable
from generator.models.finance import ROUNDING, VARIANCE, Row

Warn = Callable[[Row, int, float, float, str], None]


def check(found: Found) -> list[Problem]:
    """One warning per row and rule whose printed values do not add up, naming every column that is off."""
    table = found.table
    line_of = dict(zip((id(r) for r in table.rows), found.row_lines, strict=True))
    off: dict[tuple[int, str], list[str]] = {}
    rows: dict[int, Row] = {}

    def warn(row: Row, column: int, printed: float, expected: float, rule: str) -> None:
        rows[id(row)] = row
        off.setdefault((id(row), rule), []).append(
            _("column '{column}': {printed} is not {rule} = {expected}").format(
                column=table.columns[column].label, printed=_show(printed), rule=rule, expected=_show(expected)
            )
        )

    apply_rules(table, warn)
    return [
        Problem(
            None,
            line_of.get(key, found.header_line),
            _("table '{caption}', row '{label}', {columns}").format(
                caption=table.caption, label=rows[key].label, columns="; ".join(columns)
            ),
            _("compare the amounts with the printed document"),
        )
        for (key, _rule), columns in off.items()
    ]


def apply_rules(table: FinanceTable, warn: Warn) -> None:
    """Every arithmetic rule over ``table``; ``warn`` gets each printed value that is off by more than
    ROUNDING. The one entry point for the importer and for the build's check of edited content."""
    for rule in (_saldo_rows, _saldo_columns, _afwijking, _totals):
        rule(table, warn)


def _amount(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _amount_columns(table: FinanceTable) -> list[int]:
    return [n for n, c in enumerate(table.columns) if c.kind == "amount"]


def _saldo_rows(table: FinanceTable, warn: Warn) -> None:
    """Each saldo row against the lasten and baten rows just above it (its own group), in whichever sign
    convention the table uses: baten − lasten, lasten − baten (a positive saldo is net cost), or baten +
    lasten (lasten printed negative)."""
    for k, saldo in enumerate(table.rows):
        if saldo.role != "saldo":
            continue
        lasten, baten = _operands(table.rows, k)
        if lasten is None or baten is None:
            continue
        for n in _amount_columns(table):
            lv, bv, sv = _amount(lasten.values[n]), _amount(baten.values[n]), _amount(saldo.values[n])
            if lv is None or bv is None or sv is None or _is_afwijking(table, n):
                continue
            readings = (
                [(bv + lv, "baten + lasten")] if lv < 0 else [(bv - lv, "baten − lasten"), (lv - bv, "lasten − baten")]
            )
            if all(abs(sv - expected) > ROUNDING for expected, _ in readings):
                expected, rule = min(readings, key=lambda reading: abs(sv - reading[0]))
                warn(saldo, n, sv, expected, rule)


def _operands(rows: list[Row], k: int) -> tuple[Row | None, Row | None]:
    """The lasten and baten rows of the saldo row ``k``: nearest to it, between the saldo rows around it."""
    saldi = [n for n, r in enumerate(rows) if r.role == "saldo"]
    before = max((n for n in saldi if n < k), default=-1)
    after = min((n for n in saldi if n > k), default=len(rows))
    group = sorted(range(before + 1, after), key=lambda n: abs(n - k))
    lasten = next((rows[n] for n in group if rows[n].role == "lasten"), None)
    baten = next((rows[n] for n in group if rows[n].role == "baten"), None)
    return lasten, baten


def _column(table: FinanceTable, pattern: str) -> int | None:
    return next((n for n, c in enumerate(table.columns) if re.search(pattern, c.label, re.I)), None)


def _saldo_columns(table: FinanceTable, warn: Warn) -> None:
    available, spent = _column(table, r"beschikbaar|budget"), _column(table, r"uitgaven|besteed")
    committed, saldo = _column(table, r"verplicht"), _column(table, r"saldo|restant")
    if available is None or spent is None or saldo is None:
        return
    for row in table.rows:
        a, s, r = _amount(row.values[available]), _amount(row.values[spent]), _amount(row.values[saldo])
        c = _amount(row.values[committed]) if committed is not None else 0.0
        if a is None or s is None or r is None or c is None:
            continue
        expected = a - s - c
        if abs(r - expected) > ROUNDING:
            rule = "beschikbaar − uitgaven" + (" − verplichtingen" if committed is not None else "")
            warn(row, saldo, r, expected, rule)


def _is_afwijking(table: FinanceTable, n: int) -> bool:
    return VARIANCE.match(table.columns[n].label) is not None


def _afwijking(table: FinanceTable, warn: Warn) -> None:
    column = next((n for n in range(len(table.columns)) if _is_afwijking(table, n)), None)
    if column is None:
        return
    realised = _column(table, r"rekening|realisatie|werkelijk")
    budget = _reference_budget(table, column, realised)
    if realised is None or budget is None:
        return
    for row in table.rows:
        a, r, b = _amount(row.values[column]), _amount(row.values[realised]), _amount(row.values[budget])
        if a is None or r is None or b is None:
            continue
        if min(abs(a - (r - b)), abs(a - (b - r))) > ROUNDING:
            warn(row, column, a, r - b, f"{table.columns[realised].label} − {table.columns[budget].label}")


def _reference_budget(table: FinanceTable, column: int, realised: int | None) -> int | None:
    """The budget column an Afwijking compares with: the one its label names ("tov begroot na wijziging"),
    else the last budget column before the realisation."""
    reference = re.search(r"t\.?o\.?v\.?\s+([^)]*)", table.columns[column].label, re.I)
    budgets = [n for n, c in enumerate(table.columns) if re.search(r"begro", c.label, re.I) and n != column]
    if reference:
        wanted = reference.group(1).strip().lower()
        named = [n for n in budgets if re.sub(r"\s*\d{4}$", "", table.columns[n].label).strip().lower() == wanted]
        if named:
            return named[0]
    before = [n for n in budgets if realised is None or n < realised]
    return before[-1] if before else None


def _totals(table: FinanceTable, warn: Warn) -> None:
    above: list[Row] = []
    for row in table.rows:
        if row.role != "totaal":
            above.append(row)
            continue
        for n in _amount_columns(table):
            parts = [_amount(r.values[n]) for r in above]
            total = _amount(row.values[n])
            if above and total is not None and all(p is not None for p in parts):
                expected = sum(p for p in parts if p is not None)
                if abs(total - expected) > ROUNDING * len(above):
                    warn(row, n, total, expected, _("the sum of the rows above"))
        above = []


def _show(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:.2f}".replace(".", ",")
