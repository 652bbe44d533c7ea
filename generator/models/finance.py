"""Finance tables: the lasten/baten/saldo overviews of a programme, exactly as printed."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ColumnKind = Literal["amount", "percentage", "text"]
RowRole = Literal["lasten", "baten", "saldo", "totaal"]
Value = int | float | str | None


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


class FinanceTable(BaseModel):
    """A finance table; amounts times ``unit`` are whole euros."""

    model_config = ConfigDict(extra="forbid")

    caption: str = Field(description='Caption, e.g. "Lasten, baten en saldo".')
    unit: int = Field(default=1, ge=1, description="Multiplier of the amounts: 1 for euros, 1000 for x € 1.000.")
    row_header: str | None = Field(default=None, description='Heading of the label column, e.g. "Programma 4".')
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(default_factory=list)
    section: str | None = Field(
        default=None, description="Title of the section the table belongs to; null places it after the text."
    )

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> FinanceTable:
        for i, row in enumerate(self.rows):
            if len(row.values) != len(self.columns):
                raise ValueError(
                    f"row {i + 1} '{row.label}' has {len(row.values)} values for {len(self.columns)} columns"
                )
            for value, column in zip(row.values, self.columns, strict=True):
                if isinstance(value, str) and column.kind != "text":
                    raise ValueError(
                        f"row '{row.label}': '{value}' is text in {column.kind} column "
                        f"'{column.label}' (write a number, or null)"
                    )
        return self

    def euros(self, value: Value) -> int | None:
        """An amount in whole euros (value times unit)."""
        if value is None or isinstance(value, str):
            return None
        return round(value * self.unit)
