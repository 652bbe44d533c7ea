"""Traffic-light statuses of goals ("Status: G") -> a level the templates explain in words.

Sources print a letter (G, O, R) or a word (groen, oranje, rood). The level decides the wording and the
shape shown beside it, so the meaning never depends on colour alone; unknown statuses are shown as printed.
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


def status_level(printed: str | None) -> StatusLevel | None:
    """ "G" -> "green", "Oranje" -> "orange", "rood." -> "red"; anything else (or nothing) -> None."""
    if not printed:
        return None
    return _LEVELS.get(printed.strip().strip(".:;!").strip().lower())
