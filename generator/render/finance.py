"""What a reader needs to know to read a finance table: the sign convention of the source, derived
from the numbers themselves, and what the unit means in whole euros.

Municipal exports differ: one prints lasten as negative amounts, another prints everything positive
and lets the saldo carry the sign. The page must say which, in plain words; the wording lives in the
UI strings, keyed by the ``SignNote.key`` values below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.models import FinanceTable

Number = int | float


@dataclass(frozen=True)
class SignNote:
    """One sentence about the table, named by a key in the UI strings (``finance.notes``)."""

    key: str
    example: Number | None = None
    """For ``unit``: a printed amount to show in whole euros."""
    euros: int | None = None


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
    return notes


def _saldo_rule(table: FinanceTable) -> str | None:
    """Which sum the saldo row is, if one rule holds in every column that has all three amounts."""
    lasten, baten, saldo = (_values(table, role) for role in ("lasten", "baten", "saldo"))
    if len(lasten) != 1 or len(baten) != 1 or len(saldo) != 1:
        return None
    tolerance = 2  # printed amounts are rounded, each by up to half a unit
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
        if all(abs(rule(la, ba) - sa) <= tolerance for la, ba, sa in triples):
            return key
    return None
