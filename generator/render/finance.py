"""What a reader needs to know to read a finance table: the sign convention of the source, derived
from the numbers themselves, and what the unit means in whole euros.

Municipal exports differ: one prints lasten as negative amounts, another prints everything positive
and lets the saldo carry the sign. The page must say which, in plain words; the wording lives in the
UI strings, keyed by the ``SignNote.key`` values below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.models import FinanceTable, Row
from generator.models.finance import ROUNDING, is_difference

Number = int | float


@dataclass(frozen=True)
class SignNote:
    """One sentence about the table, named by a key in the UI strings (``finance.notes``)."""

    key: str
    example: Number | None = None
    """For ``unit``: a printed amount to show in whole euros."""
    euros: int | None = None
    columns: tuple[str, ...] = ()
    """Column labels the sentence names, in the order its text uses them."""


def amount_columns(table: FinanceTable) -> list[int]:
    return [i for i, column in enumerate(table.columns) if column.kind == "amount"]


def _values(table: FinanceTable, role: str) -> list[list[Number | None]]:
    """Per row with ``role``: its amounts (None where empty or not a number)."""
    columns = amount_columns(table)
    return [
        [v if isinstance(v, int | float) else None for v in (row.values[i] for i in columns)]
        for row in table.rows
        if row.role == role
    ]


def sign_notes(table: FinanceTable) -> list[SignNote]:
    """The sentences that explain how to read ``table``'s signs and unit, derived from its values."""
    notes: list[SignNote] = []
    example = next(
        (v for row in table.rows for i in amount_columns(table) if isinstance(v := row.values[i], int | float) and v),
        None,
    )
    if table.unit != 1 and example is not None:
        notes.append(SignNote("unit", example=abs(example), euros=table.euros(abs(example))))
    lasten = [v for row in _values(table, "lasten") for v in row if v is not None]
    baten = [v for row in _values(table, "baten") for v in row if v is not None]
    if lasten:
        if all(v <= 0 for v in lasten) and any(v < 0 for v in lasten):
            notes.append(SignNote("lasten_negative"))
        elif all(v >= 0 for v in lasten):
            notes.append(SignNote("lasten_positive" if baten else "lasten_positive_alone"))
        else:
            notes.append(SignNote("lasten_mixed"))
        saldo = _saldo_rule(table)
        if saldo:
            notes.append(SignNote(saldo))
    elif any(isinstance(v, int | float) and v < 0 for row in table.rows for v in row.values):
        notes.append(SignNote("as_printed_negative"))
    else:
        notes.append(SignNote("as_printed"))
    return notes + _column_notes(table)


def _column_notes(table: FinanceTable) -> list[SignNote]:
    """What the columns mean where the source leaves it open: added labels, percentages, differences,
    a computed saldo, a saldo column."""
    notes: list[SignNote] = []
    added = tuple(c.label for c in table.columns if c.added)
    if added:
        notes.append(SignNote("added_labels", columns=added))
    for column in table.columns:
        if column.kind == "percentage" and column.added:
            notes.append(SignNote("percentage_unexplained", columns=(column.label,)))
    if computed_saldo(table) is not None:
        notes.append(SignNote("saldo_computed"))
    totals = total_columns(table)
    for i in difference_columns(table):
        direction = difference_direction(table, i)
        earlier = [j for j in totals if j < i][-2:]
        label = table.columns[i].label
        if direction is not None and len(earlier) == 2:
            first, second = (table.columns[j].label for j in earlier)
            later, before = (second, first) if direction > 0 else (first, second)
            notes.append(SignNote("difference", columns=(label, later, before)))
        elif direction is not None:
            notes.append(SignNote("difference_change", columns=(label,)))
        else:
            notes.append(SignNote("difference_unknown", columns=(label,)))
    remainder = _remainder_column(table)
    if remainder is not None:
        notes.append(SignNote("remainder", columns=remainder))
    return notes


def _remainder_column(table: FinanceTable) -> tuple[str, ...] | None:
    """A last amount column "Saldo" that is the first amount column minus the ones between, in every row."""
    columns = amount_columns(table)
    if len(columns) < 3 or not re.fullmatch(r"\s*saldo\s*", table.columns[columns[-1]].label, re.I):
        return None
    first, middle, last = columns[0], columns[1:-1], columns[-1]
    checked = 0
    for row in table.rows:
        if not all(isinstance(v, int | float) for v in (row.values[first], row.values[last])):
            continue
        start, end = row.values[first], row.values[last]
        rest = [v for i in middle if isinstance(v := row.values[i], int | float)]
        assert isinstance(start, int | float) and isinstance(end, int | float)
        if abs(start - sum(rest) - end) > 2:
            return None
        checked += 1
    if not checked:
        return None
    return (table.columns[last].label, table.columns[first].label, *(table.columns[i].label for i in middle))


def _saldo_rule(table: FinanceTable) -> str | None:
    """Which sum the saldo row is, if one rule holds in every column that has all three amounts."""
    lasten, baten, saldo = (_values(table, role) for role in ("lasten", "baten", "saldo"))
    if len(lasten) != 1 or len(baten) != 1 or len(saldo) != 1:
        return None
    rules: dict[str, Callable[[Number, Number], Number]] = {
        "saldo_baten_plus_lasten": lambda la, ba: ba + la,
        "saldo_baten_minus_lasten": lambda la, ba: ba - la,
        "saldo_lasten_minus_baten": lambda la, ba: la - ba,
    }
    triples = [
        (la, ba, sa)
        for la, ba, sa in zip(lasten[0], baten[0], saldo[0], strict=True)
        if la is not None and ba is not None and sa is not None
    ]
    if not triples:
        return None
    for key, rule in rules.items():
        if all(abs(rule(la, ba) - sa) <= ROUNDING for la, ba, sa in triples):
            return key
    return None


Effect = Literal["voordelig", "nadelig"]


def total_columns(table: FinanceTable) -> list[int]:
    """Amount columns that hold totals (begroting, rekening, ramingen): one scale in one chart."""
    return [i for i in amount_columns(table) if not is_difference(table.columns[i].label)]


def difference_columns(table: FinanceTable) -> list[int]:
    return [i for i in amount_columns(table) if is_difference(table.columns[i].label)]


def _single(table: FinanceTable, role: str) -> Row | None:
    rows = [row for row in table.rows if row.role == role]
    return rows[0] if len(rows) == 1 else None


def lasten_negative(table: FinanceTable) -> bool | None:
    """True when the table prints lasten negative, False when positive, None when it does not say."""
    columns = total_columns(table)
    values = [
        v
        for row in table.rows
        if row.role == "lasten"
        for i in columns
        if isinstance(v := row.values[i], int | float) and v
    ]
    if values and all(v < 0 for v in values):
        return True
    if values and all(v > 0 for v in values):
        return False
    return None


def computed_saldo(table: FinanceTable) -> list[Number | None] | None:
    """Baten minus lasten per column, for a table with one lasten and one baten row but no saldo row.

    The page shows it as a row marked "berekend": the source does not print it.
    """
    lasten, baten = _single(table, "lasten"), _single(table, "baten")
    negative = lasten_negative(table)
    if lasten is None or baten is None or negative is None or any(row.role == "saldo" for row in table.rows):
        return None
    saldo: list[Number | None] = []
    for i, column in enumerate(table.columns):
        la, ba = lasten.values[i], baten.values[i]
        if column.kind != "amount" or not isinstance(la, int | float) or not isinstance(ba, int | float):
            saldo.append(None)
        else:
            saldo.append(ba + la if negative else ba - la)
    return saldo if any(v is not None for v in saldo) else None


def _saldo_rises_with_baten(table: FinanceTable) -> bool | None:
    """True when a higher saldo is better (saldo = baten − lasten), False when worse, None when unknown."""
    rule = _saldo_rule(table)
    if rule in ("saldo_baten_plus_lasten", "saldo_baten_minus_lasten"):
        return True
    if rule == "saldo_lasten_minus_baten":
        return False
    return None


def difference_direction(table: FinanceTable, column: int) -> int | None:
    """+1 when the difference column is the later total minus the earlier one (Rekening − Begroting),
    −1 when it is the earlier minus the later, None when the numbers do not show it.

    Mutaties are changes by definition (+1) when the numbers cannot be checked.
    """
    totals = [i for i in total_columns(table) if i < column]
    checks: list[int] = []
    if len(totals) >= 2:
        earlier, later = totals[-2], totals[-1]
        for row in table.rows:
            d, a, b = row.values[column], row.values[earlier], row.values[later]
            if isinstance(d, int | float) and isinstance(a, int | float) and isinstance(b, int | float) and d:
                if abs((b - a) - d) <= 2:
                    checks.append(1)
                elif abs((a - b) - d) <= 2:
                    checks.append(-1)
                else:
                    checks.append(0)
        if checks and all(c == checks[0] for c in checks) and checks[0]:
            return checks[0]
        if checks:
            return None
    return 1 if re.search(r"mutatie|wijziging", table.columns[column].label, re.I) else None


def effect(table: FinanceTable, row: Row, column: int) -> Effect | None:
    """Whether a difference in ``row`` is voordelig (better for the saldo) or nadelig; None when unknown."""
    value = row.values[column]
    direction = difference_direction(table, column)
    if not isinstance(value, int | float) or not value or direction is None:
        return None
    change = value * direction  # the change from the earlier to the later amount
    if row.role == "baten":
        better = change > 0
    elif row.role == "lasten":
        negative = lasten_negative(table)
        if negative is None:
            return None
        better = change > 0 if negative else change < 0
    elif row.role == "saldo":
        rises = _saldo_rises_with_baten(table)
        if rises is None:
            return None
        better = change > 0 if rises else change < 0
    else:
        return None
    return "voordelig" if better else "nadelig"


@dataclass(frozen=True)
class Headline:
    """The one number a list of documents shows per programme: its saldo in the last total column."""

    column: str
    euros: int
    computed: bool
    column_added: bool = False
    """The column's label is not the source's: lists say just "Saldo"."""


def headline_saldo(tables: list[FinanceTable]) -> Headline | None:
    """The saldo of the first table with lasten and baten, in its last total column (printed or computed)."""
    for table in tables:
        columns = total_columns(table)
        if not columns:
            continue
        saldo_row = _single(table, "saldo")
        values = saldo_row.values if saldo_row else computed_saldo(table)
        if values is None:
            continue
        for i in reversed(columns):
            euros = table.euros(values[i])
            if euros is not None:
                return Headline(table.columns[i].label, euros, saldo_row is None, table.columns[i].added)
    return None
