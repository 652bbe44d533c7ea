"""The normalised form redaction matches on, so a name cannot slip through by how it is written.

A reader sees "Zoë" whether the file holds ``Zoë``, ``Zoe\\u0308`` (decomposed), ``Zo&shy;ë`` (a soft
hyphen), ``Z\\u200boë`` (a zero-width space), ``Ｚoë`` (full-width), ``Zое`` (Cyrillic о and е),
``Zo%C3%AB`` (URL-encoded in a link) or ``**Zo**ë`` (split by Markdown emphasis). Folding makes all of
them the same text:

1. HTML entities (``&shy;``, ``&#173;``) and runs of URL percent-escapes are decoded; ``+`` is a space;
2. Unicode compatibility decomposition (NFKD: full-width and styled letters become plain ones, accents
   separate marks), then case folding;
3. invisible characters (soft hyphen, zero-width space/joiners, word joiner, BOM, direction marks) and
   Markdown's emphasis and escape characters (``* _ ~ ` \\``) are dropped;
4. Latin lookalikes from Cyrillic and Greek are replaced by the Latin letter (``CONFUSABLES``; a small,
   deliberate list of the letters that look the same in ordinary fonts, after Unicode's confusables.txt).

``fold`` is the fast form for searching whole files (the safety net); ``find_spans`` maps matches in the
folded text back to the original, so the redaction can replace exactly the characters that spell the name.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

INVISIBLE = (
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters that show nothing (or only a hyphen at a line break): dropped."""
MARKUP = "*_~`\\"
"""Markdown emphasis, code and escape characters: they split a word in the source, not on the page."""
CONFUSABLES = {
    # Cyrillic (lower case; upper case folds to these first)
    "а": "a", "в": "b", "г": "r", "д": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
    "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b", "п": "n", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j",
    # Latin letters that look like others
    "ı": "i", "ȷ": "j", "ſ": "s",
}  # fmt: skip
"""Latin lookalikes: letter -> the Latin letter it is mistaken for."""

_RARE = {c: "" for c in INVISIBLE} | CONFUSABLES
_RARE_CHARS = re.compile("[" + re.escape("".join(_RARE)) + "]")
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_PERCENT = r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*"
_ENCODED = re.compile(f"{_ENTITY}|{_PERCENT}")
_SEPARATELY = (re.compile(_ENTITY), re.compile(_PERCENT))


def _decode(token: str) -> str:
    """An entity or a run of percent-escapes as the text it stands for (unchanged when it is not UTF-8)."""
    if token.startswith("&"):
        return html.unescape(token)
    try:
        return unquote(token, errors="strict")
    except UnicodeDecodeError:
        return token


def fold_char(text: str) -> str:
    """Steps 2-4 for a short text (one character, or a decoded escape)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    for char in MARKUP:  # str.replace is many times faster than str.translate with a table
        text = text.replace(char, "")
    return _RARE_CHARS.sub(lambda m: _RARE[m.group()], text.replace("+", " "))


def fold(text: str) -> str:
    """The whole text folded (see the module docstring): what a person reads, in one spelling."""
    for encoded in _SEPARATELY:  # two simple patterns scan far faster than one alternation
        text = encoded.sub(lambda m: _decode(m.group()), text)
    return fold_char(text)


def pattern(text: str) -> re.Pattern[str]:
    """Matches the folded ``text`` in folded text, with any run of whitespace between its words."""
    return re.compile(r"\s+".join(re.escape(word) for word in fold(text).split()))


def letters(text: str) -> str:
    """What remains of ``text`` to match on: folded, without whitespace."""
    return "".join(fold(text).split())


def _tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, decoded) for every character or escape sequence of ``text``."""
    pos = 0
    for match in _ENCODED.finditer(text):
        for i in range(pos, match.start()):
            yield i, i + 1, text[i]
        yield match.start(), match.end(), _decode(match.group())
        pos = match.end()
    for i in range(pos, len(text)):
        yield i, i + 1, text[i]


def find_spans(text: str, compiled: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` (original positions) whose folded form matches ``compiled`` (from ``pattern``),
    with the Markdown emphasis characters right around them (so no stray ``**`` is left)."""
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end, decoded in _tokens(text):
        piece = fold_char(decoded)
        folded.append(piece)
        starts += [start] * len(piece)
        ends += [end] * len(piece)
    spans = []
    for match in compiled.finditer("".join(folded)):
        if match.end() > match.start():
            start, end = starts[match.start()], ends[match.end() - 1]
            while start > 0 and text[start - 1] in MARKUP:  # "**Zo**ë": the emphasis goes with the name
                start -= 1
            while end < len(text) and text[end] in MARKUP:
                end += 1
            spans.append((start, end))
    return spans
