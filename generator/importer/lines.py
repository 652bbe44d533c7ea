"""Lines of an export and the small tests every recogniser shares (is this a title? a sentence?)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Line:
    """One line of the export: its 1-based number in the file and its text (NBSP as space, right-trimmed)."""

    number: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @cached_property
    def clean(self) -> str:
        """The text with runs of spaces collapsed and the ends trimmed."""
        return collapse(self.text)


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def has_letter(text: str) -> bool:
    return _LETTER.search(text) is not None


def title_like(text: str, max_length: int = 90, max_words: int = 14) -> bool:
    """A short line that reads as a title: starts with a capital or digit, no closing punctuation."""
    text = collapse(text)
    if not text or len(text) > max_length or len(text.split()) > max_words or not has_letter(text):
        return False
    if text[-1] in ".,;:" or text.endswith(" #") or text.endswith("#"):
        return False
    first = next(c for c in text if c.isalnum())
    return first.isupper() or first.isdigit()


def is_sentence(text: str) -> bool:
    """Prose: ends like a sentence or is too long to be a title."""
    text = collapse(text)
    return bool(text) and (text[-1] in ".:;!," or len(text) > 90)
