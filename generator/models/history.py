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
        pattern=r"^\.versions/[A-Za-z0-9._/-]+\.md$",
        description="The previous version, relative to content/: a copy made by woosite correct.",
    )


class Withdrawal(BaseModel):
    """A withdrawn document: its page stays and says so; its content, data and metadata are no longer published."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date = Field(description="When the document was withdrawn.")
    reason: str = Field(min_length=3, description="Why, for the reader, e.g. the Woo ground.")
    ground: CorrectionGround | None = Field(default=None, description="The DiWoo reason, when one applies.")
