"""The normalised form redaction matches on, so a name cannot slip through by how it is written.

A reader sees "Zoë" whether the file holds ``Zoë``, ``Zoe\\u0308`` (decomposed), ``Zo&shy;ë`` (a soft
hyphen), ``Z\\u200boë`` (a zero-width space), ``Ｚoë`` (full-width), ``Zое`` (Cyrillic о and е), ``ZΟË``
(Greek capitals), ``Zo%C3%AB`` (URL-encoded in a link), ``**Zo**ë`` (split by Markdown emphasis),
``[Zoë](https://…)`` (a Markdown link in a title) or ``\\u202eëoZ`` (reversed by a right-to-left
override). Folding makes all of them the same text, at the depth Unicode defines rather than by a list:

1. HTML entities (``&shy;``, ``&#173;``) and runs of URL percent-escapes are decoded; ``+`` is a space;
   a Markdown link is read without its target (``](…)``), and its target is searched apart; text after a
   right-to-left override is read in the order it is shown;
2. Unicode compatibility decomposition (NFKD: full-width and styled letters become plain ones);
3. every letter that looks like a Latin letter or digit becomes that letter, *before* case folding
   (so the Greek capital Ν is the N it looks like, not the ν it lower-cases to): the confusables table of
   Unicode's UTS #39 as the ``confusable_homoglyphs`` package ships it (``SKELETON``); then case folding;
4. every default-ignorable code point (Unicode property: soft hyphen, zero-width characters, joiners,
   variation selectors, tags, Hangul fillers, direction marks) and every format character is dropped
   (accents stay: "Zoe" is another name than "Zoë", and "Alexánder" another than "Alexander"; a web
   address drops accents, so ``redaction.slug`` checks addresses apart); blank-looking characters
   (U+2800) are a space; Markdown's emphasis, code, escape and link brackets (``* _ ~ ` \\ [ ]``) are
   dropped;
5. the Latin letters that UTS #39 itself confuses are one: ``I``, ``l``, ``1`` and ``|`` look alike, and
   ``I`` is the capital of ``i``, so all are ``l``; ``0`` is ``o``; ``m`` is ``rn``.

Folding only decides what matches; the redaction replaces the original characters. ``fold`` is the fast
form for searching whole files (the safety net); ``find_spans`` maps matches in the folded text back to
the original, so the redaction can replace exactly the characters that spell the name.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import threading
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    import regex

MARKUP = "*_~`\\[]"
"""Markdown emphasis, code, escape and link characters: they split a word in the source, not on the page."""
BLANK = "\u2800"
"""Characters that show as a blank but are neither whitespace nor default-ignorable: a space."""
ASCII_LOOKALIKES = {"i": "l", "1": "l", "|": "l", "0": "o", "m": "rn"}
"""Step 5, applied after case folding (UTS #39 maps I, 1 and | to l, 0 to O and m to rn; i is I's small letter)."""

_OVERRIDE = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: the letters after it are shown in reverse order
_OVERRIDDEN = re.compile("\u202e([^\u202a-\u202e\u2066-\u2069\n]*)")
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_PERCENT = r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*"
_LINK_TARGET = r"\]\([^()\s]{0,2000}\)"
_ESCAPES = re.compile(f"{_ENTITY}|{_PERCENT}")
_ESCAPES_AND_TARGETS = re.compile(f"{_ENTITY}|{_PERCENT}|{_LINK_TARGET}")
_TARGETS = re.compile(_LINK_TARGET)
_SEPARATELY = (re.compile(_ENTITY), re.compile(_PERCENT))
_APART = "\x00"
"""Between the text as read and the text with its link targets: no match runs across it."""


@cache
def _ignored() -> regex.Pattern[str]:
    """Characters that show as nothing (the ``regex`` module knows these Unicode properties; loaded only for
    text that is not plain ASCII)."""
    import regex

    return regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]+")


@cache
def skeleton() -> dict[str, str]:
    """Non-ASCII character -> the lower-case Latin letters or digits it looks like (UTS #39).

    Read once from the table ``confusable_homoglyphs`` ships (``confusables.json`` lists each source with
    its prototype, and each prototype with all its sources)."""
    table = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    mapping: dict[str, str] = {}
    for key, entries in table.items():
        char = _ignored().sub("", key)  # right-to-left letters are listed between left-to-right marks
        if len(char) != 1 or char.isascii() or len(entries) != 1:
            continue
        prototype = entries[0]["c"]
        if key not in {e["c"] for e in table.get(prototype, ())}:
            continue  # a prototype listing one source, not a source
        latin = _ascii_fold(unicodedata.normalize("NFKD", prototype).casefold())
        if latin and latin.isascii() and latin.isalnum():
            mapping[char] = latin
    return mapping


def _ascii_fold(text: str) -> str:
    for char, replacement in ASCII_LOOKALIKES.items():  # str.replace is many times faster than str.translate
        text = text.replace(char, replacement)
    return text


def fold_char(text: str) -> str:
    """Steps 2-5 for a text (one character, a decoded escape, or a whole file).

    Each step acts on one character at a time (NFKD reorders only combining marks, which are never ASCII),
    so the text is folded in runs: ASCII runs by one byte table, other runs by the full steps, cached."""
    if text.isascii():
        return _fold_ascii(text)
    parts, at = [], 0
    for start, end in _non_ascii_runs(text):
        parts += [_fold_ascii(text[at:start]), _fold_other(text[start:end])]
        at = end
    parts.append(_fold_ascii(text[at:]))
    return "".join(parts)


_RUNS = threading.local()


def _collect_run(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    _RUNS.found.append((error.start, error.end))
    return "", error.end


codecs.register_error("woosite-non-ascii-runs", _collect_run)


def _non_ascii_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-ASCII characters: the ASCII encoder finds them at C speed and
    reports each whole run once (a regular expression takes 20 ms a megabyte to step through the text)."""
    _RUNS.found = []
    text.encode("ascii", "woosite-non-ascii-runs")
    found: list[tuple[int, int]] = _RUNS.found
    return found


def _fold_ascii(text: str) -> str:
    """No decomposition, confusable or ignorable character is ASCII: case, markup and step 5 only."""
    text = text.encode("ascii").lower().translate(_ASCII_TABLE, _MARKUP_BYTES).decode("ascii")
    return text.replace("m", "rn") if "m" in text else text


@lru_cache(maxsize=65536)
def _fold_other(text: str) -> str:
    text = _NON_ASCII.sub(lambda m: _looks_like(m.group()), text)  # as listed, then as decomposed
    text = _NON_ASCII.sub(lambda m: _looks_like(m.group()), unicodedata.normalize("NFKD", text)).casefold()
    text = _ignored().sub("", text)
    for char in MARKUP:
        text = text.replace(char, "")
    return _ascii_fold(text.replace("+", " ").replace(BLANK, " "))


_ASCII_TABLE = bytes.maketrans(
    b"+" + bytes("".join(k for k, v in ASCII_LOOKALIKES.items() if len(v) == 1), "ascii"),
    b" " + bytes("".join(v for v in ASCII_LOOKALIKES.values() if len(v) == 1), "ascii"),
)
_MARKUP_BYTES = MARKUP.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # looked up one by one: a class of 6,000 characters scans 100× slower


@cache
def _looks_like(char: str) -> str:
    """Step 3 for one non-ASCII character: the Latin letters it looks like, else its case-folded form with
    the letters *that* looks like (a capital without an entry of its own)."""
    mapping = skeleton()
    return mapping.get(char) or "".join(mapping.get(c, c) for c in char.casefold())


def _decode(token: str) -> str:
    """An entity or a run of percent-escapes as the text it stands for (unchanged when it is not UTF-8); a
    Markdown link target as nothing."""
    if token.startswith("&"):
        return html.unescape(token)
    if token.startswith("]"):
        return ""
    try:
        return unquote(token, errors="strict")
    except UnicodeDecodeError:
        return token


def fold(text: str) -> str:
    """The whole text folded (see the module docstring): what a person reads, in one spelling. With
    Markdown links, twice: as read (without the targets) and with the targets (a name in a URL)."""
    if _OVERRIDE in text:
        text = _OVERRIDDEN.sub(lambda m: m.group(1)[::-1], text)
    for encoded in _SEPARATELY:  # simple patterns one by one scan far faster than one alternation
        text = encoded.sub(lambda m: _decode(m.group()), text)
    if "](" in text and _TARGETS.search(text):
        return fold_char(_TARGETS.sub("", text)) + _APART + fold_char(text)
    return fold_char(text)


def pattern(text: str) -> re.Pattern[str]:
    """Matches the folded ``text`` in folded text, with or without whitespace or hyphens between its words (a
    word joiner or a Hangul filler in the place of a space is dropped, not a space; an address joins words
    with hyphens)."""
    return re.compile(r"[\s-]*".join(re.escape(word) for word in fold(text).split()))


def letters(text: str) -> str:
    """What remains of ``text`` to match on: folded, without whitespace."""
    return "".join(fold(text).split())


def _tokens(text: str, targets: bool) -> list[tuple[int, int, str]]:
    """(start, end, decoded) for every character or escape sequence of ``text``, in the order it is shown
    (the characters after a right-to-left override reversed); a Markdown link target is one token that
    reads as nothing, unless ``targets``."""
    pos = 0
    tokens = []
    for match in (_ESCAPES if targets else _ESCAPES_AND_TARGETS).finditer(text):
        tokens += [(i, i + 1, text[i]) for i in range(pos, match.start())]
        tokens.append((match.start(), match.end(), _decode(match.group())))
        pos = match.end()
    tokens += [(i, i + 1, text[i]) for i in range(pos, len(text))]
    if _OVERRIDE in text:
        for match in _OVERRIDDEN.finditer(text):
            inside = [i for i, (start, _end, _t) in enumerate(tokens) if match.start(1) <= start < match.end(1)]
            if inside:
                tokens[inside[0] : inside[-1] + 1] = tokens[inside[0] : inside[-1] + 1][::-1]
    return tokens


def find_spans(text: str, compiled: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` (original positions) whose folded form matches ``compiled`` (from ``pattern``),
    with the characters that show nothing right around them (Markdown emphasis, a link's brackets and
    target), so no stray ``**`` or ``](…)`` is left. A name in a link target is found too."""
    spans = _spans(_tokens(text, targets=False), compiled)
    if "](" in text:
        spans += _spans(_tokens(text, targets=True), compiled)
    return _merged(spans)


def _spans(tokens: list[tuple[int, int, str]], compiled: re.Pattern[str]) -> list[tuple[int, int]]:
    folded: list[str] = []
    owner: list[int] = []  # for each folded character, the token it comes from
    for index, (_start, _end, decoded) in enumerate(tokens):
        piece = _fold_token(decoded)
        folded.append(piece)
        owner += [index] * len(piece)
    spans = []
    for match in compiled.finditer("".join(folded)):
        if match.end() <= match.start():
            continue
        first, last = owner[match.start()], owner[match.end() - 1]
        while first > 0 and _shows_nothing(tokens[first - 1][2]):
            first -= 1
        while last + 1 < len(tokens) and _shows_nothing(tokens[last + 1][2]):
            last += 1
        chosen = tokens[min(first, last) : max(first, last) + 1]
        spans.append((min(t[0] for t in chosen), max(t[1] for t in chosen)))
    return spans


def _shows_nothing(decoded: str) -> bool:
    """A token that folds to nothing and is not whitespace (emphasis, a link target, a zero-width space)."""
    return not decoded.isspace() and _fold_token(decoded) == ""


_fold_token = lru_cache(maxsize=4096)(fold_char)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one (a reversed run can make a span that covers another)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
