"""Finance tables: the lasten/baten/saldo overviews of a programme, exactly as printed."""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from generator.core.translation import _

ColumnKind = Literal["amount", "percentage", "text"]
RowRole = Literal["lasten", "baten", "saldo", "totaal"]
Value = int | float | str | None

MAX_EUROS = 10**15
"""No amount (value times unit) is larger: a thousand times the Dutch state budget, and safely within the
precision of the number formatting."""
MAX_UNIT = 10**9

ROUNDING = 1
"""How far a printed total may lie from the sum of its printed parts: every amount is rounded to whole units, by
at most half a unit each, so two whole amounts add up to their printed total within 1. The importer's check
of a table and the page's reading of its saldo rule both allow this much."""

DIFFERENCE = re.compile(r"afwijking|verschil|mutatie|wijzigingen\b", re.IGNORECASE)
"""Column labels of changes, not amounts of a year: Afwijking, Verschil, (Begrotings)mutaties, Wijzigingen."""

VARIANCE = re.compile(r"\s*(afwijking|verschil)", re.IGNORECASE)
"""A change column that is realisation minus budget ("Afwijking t.o.v. begroting"), by the start of its label."""


def is_difference(label: str) -> bool:
    """A column of changes (charted apart, not an amount of the year): see ``DIFFERENCE``."""
    return DIFFERENCE.search(label) is not None


class ValueErrorAt(ValueError):
    """A validation error that knows the field it is about, below the model that raised it (so the message
    names the line of a row's ``values:``, not the start of its table)."""

    def __init__(self, message: str, loc: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.loc = loc


_DUTCH_NUMBER = re.compile(r"^([-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")


def _number_fix(text: str) -> str:
    """The fix for a number written as text: "-2.400.000" -> "write -2400000, without thousands dots"."""
    match = _DUTCH_NUMBER.match(text.strip())
    if match is None:
        return "write a number, or null"
    sign, whole, fraction = match.groups()
    number = ("-" if sign else "") + whole.replace(".", "") + (f".{fraction}" if fraction else "")
    return f"write {number}, without thousands dots" + (" and with a decimal point" if fraction else "")


class Column(BaseModel):
    """One value column of a finance table."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(description='Column heading as printed, e.g. "Rekening 2021".')
    kind: ColumnKind = Field(default="amount", description="amount (money in `unit`), percentage or text.")
    added: bool = Field(
        default=False,
        description="True when the source prints no heading over this column: the label is woosite's own, "
        "and the page marks it as added.",
    )


class Row(BaseModel):
    """One row: a label, its role in the overview, and one value per column."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(description='Row label as printed, e.g. "Lasten".')
    role: RowRole | None = Field(default=None, description="lasten, baten, saldo, totaal, or null.")
    values: list[Value] = Field(
        description="One value per column, as printed with its sign; amounts are in `unit` euros; "
        "null where the source has no value."
    )

    @field_validator("values", mode="before")
    @classmethod
    def _numbers_only(cls, values: object) -> object:
        """true/false is not 1/0, and .nan/.inf are not amounts: refuse them instead of publishing them."""
        for i, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, bool):
                raise ValueError(
                    _("value {value} is '{value2}', not a number (write a number, or null)").format(
                        value=i + 1, value2=str(value).lower()
                    )
                )
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(
                    _("value {value} is not a number ({value2}); write a number, or null").format(
                        value=i + 1, value2=value
                    )
                )
        return values


class FinanceTable(BaseModel):
    """A finance table; amounts times ``unit`` are whole euros."""

    model_config = ConfigDict(extra="forbid")

    caption: str = Field(description='Caption, e.g. "Lasten, baten en saldo".')
    unit: int = Field(
        default=1, ge=1, le=MAX_UNIT, description="Multiplier of the amounts: 1 for euros, 1000 for x € 1.000."
    )
    row_header: str | None = Field(default=None, description='Heading of the label column, e.g. "Programma 4".')
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(default_factory=list)
    section: str | None = Field(
        default=None, description="Title of the section the table belongs to; null places it after the text."
    )

    @field_validator("unit", mode="before")
    @classmethod
    def _unit_not_bool(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError(
                _("the unit is '{value}', not a number (write 1 or 1000)").format(value=str(value).lower())
            )
        if isinstance(value, float):
            # YAML reads "unit: 1.000" as 1.0: taken as 1, every amount would be 1,000 times too small.
            raise ValueError(
                _("the unit is the decimal number {value} (YAML reads 1.000 as 1.0); write 1000, without a dot").format(
                    value=repr(value)
                )
            )
        return value

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> FinanceTable:
        for i, row in enumerate(self.rows):
            where = ("rows", i, "values")
            if len(row.values) != len(self.columns):
                raise ValueErrorAt(
                    _(
                        "row {value} '{row_label}' has {count} values for {count2} columns (give one value per "
                        "column, null for an empty cell; a decimal comma splits a number in two: write 500.5, "
                        "not 500,5)"
                    ).format(value=i + 1, row_label=row.label, count=len(row.values), count2=len(self.columns)),
                    where,
                )
            for value, column in zip(row.values, self.columns, strict=True):
                if isinstance(value, str) and column.kind != "text":
                    raise ValueErrorAt(
                        _(
                            "row '{row_label}': '{value}' is text in {column_kind} column '{column_label}' "
                            "({number_fix})"
                        ).format(
                            row_label=row.label,
                            value=value,
                            column_kind=column.kind,
                            column_label=column.label,
                            number_fix=_number_fix(value),
                        ),
                        where,
                    )
                if isinstance(value, (int, float)) and abs(value) * self.unit > MAX_EUROS:
                    raise ValueError(
                        _(
                            "row '{row_label}': {value:.3g} x {self_unit} euros is more than {max_euros:.0e} "
                            "(check the number and the unit)"
                        ).format(row_label=row.label, value=value, self_unit=self.unit, max_euros=MAX_EUROS)
                    )
        return self

    def euros(self, value: Value) -> int | None:
        """An amount in whole euros (value times unit)."""
        if value is None or isinstance(value, str):
            return None
        return round(value * self.unit)
