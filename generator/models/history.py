"""Programmes over time in the content format: lineage overrides, corrections and withdrawal.

These are the front-matter parts a communications officer writes when a programme was renamed, split or
renumbered (``lineage``), when a published document was corrected (``corrections``, written by
``woosite correct``), or when it was withdrawn (``withdrawn``). Everything stays explicit in the repository.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CorrectionGround = Literal["procedurele fout", "privacygevoelige gegevens"]
"""The two reasons of the TOOI list redenen intrekking of vervanging (DiWoo ``redenVerwijderingVervanging``)."""


class LineageLink(BaseModel):
    """Which programme this document continues, when number and title do not say it."""

    model_config = ConfigDict(extra="forbid")

    key: str | None = Field(
        default=None,
        min_length=1,
        description="Name of the programme over the years; the documents of one publisher with the same key are "
        "one programme. Default: the programme title. Set it when a programme was renamed, split or renumbered; "
        "a document with a key is linked by its key only.",
    )
    note: str | None = Field(
        default=None, description='Shown in the timeline: what changed, e.g. "hernoemd; was Bestuur".'
    )


class Correction(BaseModel):
    """One correction of a published document: the previous version is kept in the repository."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date = Field(description="When the corrected version was published.")
    reason: str = Field(min_length=3, description="Why, in a sentence the reader understands.")
    ground: CorrectionGround = Field(
        default="procedurele fout", description="procedurele fout or privacygevoelige gegevens (DiWoo list)."
    )
    previous: str = Field(
        # Below content/.versions/ only: no ".." or "." segment, no empty one (a path escape published the
        # file it named, issue 26).
        pattern=r"^\.versions(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)+\.md$",
        description="The previous version, relative to content/: a copy made by woosite correct.",
    )


class Withdrawal(BaseModel):
    """A withdrawn document: its page stays and says so; its content, data and metadata are no longer published."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date = Field(description="When the document was withdrawn.")
    reason: str = Field(min_length=3, description="Why, for the reader, e.g. the Woo ground.")
    ground: CorrectionGround | None = Field(default=None, description="The DiWoo reason, when one applies.")


# --- in the catalog (api/index.json) ------------------------------------------------------------------

Basis = Literal["begroot", "realisatie"]


class YearFigure(BaseModel):
    """Lasten, baten and saldo of one year in whole euros, as one document states them."""

    year: int
    basis: Basis = Field(description="begroot (a budget) or realisatie (the accounts).")
    lasten: int | None = Field(description="Lasten in whole euros, as a positive amount.")
    baten: int | None = Field(description="Baten in whole euros, as a positive amount.")
    saldo: int | None = Field(description="Baten minus lasten; negative when more goes out than comes in.")
    document: str = Field(description="Id of the document the figure comes from.")
    column: str = Field(description="The column of that document's finance table, as printed.")


class LineageDocument(BaseModel):
    id: str
    url: str
    kind: str
    year: int
    programme: str = Field(description='The programme heading in this document, e.g. "Programma 4 Bestuur".')
    note: str | None = Field(default=None, description="What changed, from the document's lineage.note.")


class LineageEntry(BaseModel):
    """One programme of one publisher over the years (see generator/structure/lineage.py)."""

    id: str
    key: str = Field(description="lineage.key of its documents, else the normalised programme title.")
    publisher: str = Field(description="CBS code of the publisher.")
    documents: list[LineageDocument] = Field(description="In order of year and the planning-and-control cycle.")
    figures: list[YearFigure] = Field(description="Per year and basis, from the latest document that states it.")


class ComparisonDocument(BaseModel):
    id: str
    url: str
    publisher: str = Field(description="CBS code of the publisher.")
    year: int
    figure: YearFigure | None
    inhabitants: int | None = Field(description="Inhabitants on 1 January of the figure's year, when known.")


class ComparisonEntry(BaseModel):
    """Programmes with the same number and title at different publishers; each is that publisher's own definition."""

    id: str
    url: str
    title: str
    same_year: bool = Field(description="False when the publishers' documents are of different years.")
    years: list[int]
    documents: list[ComparisonDocument]


class VersionEntry(BaseModel):
    """A previous version of a corrected document."""

    number: int
    url: str = Field(description="Stable URL of this version.")
    replaced: dt.date = Field(description="When the next version replaced it.")
    reason: str
    ground: CorrectionGround


class WithdrawnEntry(BaseModel):
    """A withdrawn document: only a page saying so remains at its URL."""

    id: str
    url: str
    title: str
    withdrawn: Withdrawal
