"""Traffic-light statuses of goals ("Status: G"): the words exports print, and the level each means.

Sources print a letter (G, O, R) or a word (groen, oranje, rood). The importer takes a loose line of one of
``PRINTED`` below a goal as its status; the page shows the level in words and a shape beside it, so the
meaning never depends on colour alone; unknown statuses are shown as printed.
"""

from __future__ import annotations

from typing import Literal

StatusLevel = Literal["green", "orange", "red"]

_LEVELS: dict[str, StatusLevel] = {
    "g": "green",
    "groen": "green",
    "green": "green",
    "o": "orange",
    "oranje": "orange",
    "orange": "orange",
    "a": "orange",
    "amber": "orange",
    "geel": "orange",
    "y": "orange",
    "r": "red",
    "rood": "red",
    "red": "red",
}


PRINTED = frozenset({"G", "O", "R", "Groen", "Oranje", "Geel", "Rood"})
"""How Dutch exports print a status on a line of its own (the importer's traffic lights); each has a level."""


def status_level(printed: str | None) -> StatusLevel | None:
    """ "G" -> "green", "Oranje" -> "orange", "rood." -> "red"; anything else (or nothing) -> None."""
    if not printed:
        return None
    return _LEVELS.get(printed.strip().strip(".:;!").strip().lower())
