"""A platform family: the lines it adds to every page that are not the document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

Stamps = tuple[dt.datetime | None, dt.datetime | None]


@dataclass(frozen=True)
class Platform:
    name: str
    """How the family is known ("begrotingsapp"): named in what the import reports it removed."""
    navigation: re.Pattern[str]
    """A whole line that is one of its navigation links."""
    footer: re.Pattern[str] | None = None
    """A whole line that is its build footer."""
    stamps: Callable[[re.Match[str]], Stamps] | None = None
    """(generated, exported) from a footer match; None for a date that does not exist."""
