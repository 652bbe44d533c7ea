"""Dutch numbers as budget documents print them.

``2.394.855`` (dot groups thousands), ``3,8 %`` (comma is the decimal sign), ``-2.113.000``, ``(4.886)``
(parentheses mean negative), ``N 31.393`` / ``V 1.200`` (nadeel is negative, voordeel positive),
``€ 155.000``, ``k€ 444`` (thousands of euros). ``-`` alone is an empty cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Kind = Literal["amount", "percentage"]

_DASHES = "-\u2212\u2013\u2014"
_BODY = r"(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:\x20\d{3})+|\d+)(?:,\d+)?"
"""Thousands grouped by dots, or by (no-break) spaces when the text is one cell ("657 000" in a table cell)."""
_SPACED_GROUP = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
_NUMBER = re.compile(
    rf"""^(?P<nv>[NV]\s+)?
    (?P<open>\()?\s*
    (?P<sign>[{_DASHES}])?\s*
    (?P<cur>k€|€|EUR)?\s*
    (?P<sign2>[{_DASHES}])?\s*
    (?P<body>{_BODY})
    \s*(?P<pct>%)?\s*
    (?P<close>\))?
    (?P<nv2>\s+[NV])?$""",
    re.VERBOSE,
)
_MAX_DIGITS = 24
"""More digits than any amount (with its decimals) in euros: 10^15 euros is the model's bound."""
YEAR = re.compile(r"(?:19|20)\d\d")
"""A year (matched whole: a column heading, never an amount, which prints four digits with a dot: 2.025)."""
EMPTY_CELLS = frozenset({"-", "\u2212", "\u2013", "\u2014", "", "n.v.t.", "nvt"})
# Every unit note has one of these; the rest of the tests run only when one is there.
_UNIT_WORD = re.compile(r"€|eur|x|×|\*|duizend|miljoen")
_GLUED = re.compile(rf"[(]?[{_DASHES}]?\d{{1,3}}(?:\.\d{{3}})+[)]?")
GLUED_LINE = re.compile(rf"^\D*[^\W\d_]\s*[(]?[{_DASHES}]?\d[{_DASHES}\d.,()]{{4,}}$")
"""A label with digits glued to it ("Lasten34.87935.6"): cells glued together, perhaps beyond cutting apart."""


@dataclass(frozen=True)
class Number:
    """A parsed number: its value as printed with the sign applied, and whether it was a percentage."""

    value: int | float
    kind: Kind = "amount"
    scale: int = 1
    """1000 for k€ amounts."""
    mark: str | None = None
    """"N" (nadeel) or "V" (voordeel) printed beside the number: the recognisers keep such a cell as printed
    text, since the mark, not a sign, says which way the amount goes."""


@lru_cache(maxsize=8192)
def parse(text: str) -> Number | None:
    """A Dutch number, or None when ``text`` is not exactly one number."""
    match = _NUMBER.match(re.sub(r"[\u00a0\u202f\u2009]", " ", text.strip()))
    if match is None or bool(match["open"]) != bool(match["close"]) or (match["sign"] and match["sign2"]):
        return None
    if match["pct"] and (match["cur"] or match["nv"] or match["nv2"]):
        return None
    if match["nv"] and match["nv2"]:
        return None
    if not match["pct"] and re.fullmatch(r"\d{1,3},\d{3}", match["body"]):
        return None  # "3,000": three decimals of a euro, or 3.000 written the English way? Not a number.
    body = match["body"].replace(".", "").replace(" ", "")
    if len(body) > _MAX_DIGITS:
        return None  # no budget amount has this many digits: text, not a number (and never an overflow)
    value: int | float = float(body.replace(",", ".")) if "," in body else int(body)
    nadeel = (match["nv"] or "").startswith("N") or (match["nv2"] or "").strip() == "N"
    if nadeel and (match["open"] or match["sign"] or match["sign2"]):
        return None  # "N -1.200": two signs, no telling which one the writer meant
    negative = bool(match["open"] or match["sign"] or match["sign2"]) or nadeel
    if negative:
        value = -value
    mark = (match["nv"] or match["nv2"] or "").strip() or None
    return Number(
        value=value,
        kind="percentage" if match["pct"] else "amount",
        scale=1000 if match["cur"] == "k€" else 1,
        mark=mark,
    )


def group_thousands(text: str) -> str:
    """A no-break, narrow no-break or thin space between digits is a thousands separator, never a cell
    boundary: "657\u00a0000" -> "657.000". (An ordinary space may be either, so it is left as it is.)"""
    return _SPACED_GROUP.sub(".", text) if not text.isascii() else text


def is_empty_cell(text: str) -> bool:
    return text.strip().lower() in EMPTY_CELLS


def tokens(text: str) -> list[str]:
    """Split a row into cells: numbers keep their %, N/V mark (before or after), € sign and parentheses together.

    An N or V between two numbers belongs to the number after it ("71.393 N 31.393"), as a prefix.
    """
    words = text.split()
    out: list[str] = []
    for n, word in enumerate(words):
        joined = f"{out[-1]} {word}" if out else ""
        following = words[n + 1] if n + 1 < len(words) else None
        if out and (
            word == "%"
            or (out[-1] in ("N", "V", "€", "k€") and parse(joined) is not None)
            or (
                word in ("N", "V")
                and parse(out[-1]) is not None
                and parse(joined) is not None
                and (following is None or parse(f"{word} {following}") is None)
            )
        ):
            out[-1] = joined
        else:
            out.append(word)
    return out


def split_glued(text: str) -> list[str] | None:
    """``34.87935.605`` -> ``["34.879", "35.605"]``; None unless every number has dot-grouped thousands.

    Only grouped numbers can be cut apart unambiguously: each group after a dot has exactly three digits.
    """
    if "," in text:
        return None  # "1.234,51.234": ",5" + "1.234" or ",51" + ".234"? Decimals make the cut a guess.
    parts = [m.group(0) for m in _GLUED.finditer(text)]
    if not parts or "".join(parts) != text:
        return None
    return parts


@lru_cache(maxsize=8192)
def multiplier(text: str) -> int | None:
    """The unit a note declares: "Bedragen x 1.000", "(x € 1.000)", "in duizenden euro's" -> 1000; "(€)" -> 1."""
    folded = text.strip().lower().replace("\u00a0", " ")
    if not _UNIT_WORD.search(folded):
        return None
    if re.fullmatch(r"\(?\s*(?:bedragen\s*)?(?:in\s*)?(?:€|euro|eur)\s*\)?", folded):
        return 1
    match = re.search(r"(?:x|×|\*)\s*(?:€|eur)?\s*(1(?:[. ]?000)+|1\s*mln|1\s*miljoen)\b", folded)
    if match:
        found = match.group(1).replace(" ", "")
        return 1_000_000 if found in ("1mln", "1miljoen") else int(found.replace(".", ""))
    match = re.search(r"\bbedrag(?:en)?\s+(?:in\s+)?(?:€|eur)\s*(1(?:[. ]?000)+)\b", folded)
    if match:
        return int(match.group(1).replace(".", "").replace(" ", ""))  # "Bedragen € 1.000"
    if re.search(r"\bin\s+duizenden\b|\bx\s*duizend\b", folded):
        return 1000
    if re.search(r"\bin\s+miljoenen\b", folded):
        return 1_000_000
    return None


@lru_cache(maxsize=8192)
def unit_note(text: str) -> bool:
    """A line that only declares the unit of a table (e.g. "Bedragen x 1.000")."""
    folded = text.strip().lower()
    return (
        multiplier(text) is not None and len(folded) <= 40 and not re.search(r"\d{4}", re.sub(r"1[. ]?000", "", folded))
    )
