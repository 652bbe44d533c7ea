"""Bytes of an export -> its lines: UTF-8 with or without BOM, CRLF/CR/LF; anything else is refused."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from generator.core.errors import ImportFailed, Problem
from generator.core.translation import _
from generator.importer import numbers
from generator.importer.lines import Line

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufffe\uffff]")
"""Control characters and the non-characters U+FFFE/U+FFFF (which no XML output may hold): each a space."""
_BINARY_SHARE = 0.05


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""UTF-32 before UTF-16: the UTF-32 little-endian mark begins with the UTF-16 one."""


def decode(raw: bytes, path: Path) -> str:
    """The text of an export: UTF-8 (with or without BOM), or UTF-16/UTF-32 with their BOM (as some editors
    save); raise ImportFailed (with the line) for anything else."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec).replace("\r\n", "\n").replace("\r", "\n")
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    Problem(
                        path,
                        None,
                        _("the file starts as {codec} but is not").format(codec=codec.upper()),
                        _("save it as UTF-8"),
                    )
                ) from exc
    if b"\x00" in raw[:65536] or _control_share(raw[:65536]) > _BINARY_SHARE:
        raise ImportFailed(
            Problem(
                path,
                None,
                _("this is not a text file"),
                _("export the programme from the platform as plain text (.txt)"),
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            Problem(path, line, _("the file is not UTF-8 text"), _("open it in an editor and save it as UTF-8"))
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str) -> list[Line]:
    """Number the lines; stray control characters become spaces so no later step mistakes them for breaks, and
    digits grouped by a no-break space ("657\u00a0000") are grouped by a dot, as in every other number."""
    return [
        Line(i, numbers.group_thousands(_CONTROL.sub(" ", raw)).replace("\u00a0", " ").rstrip())
        for i, raw in enumerate(text.split("\n"), 1)
    ]


def _control_share(raw: bytes) -> float:
    if not raw:
        return 0.0
    controls = sum(1 for b in raw if b < 32 and b not in (9, 10, 13, 12))
    return controls / len(raw)
