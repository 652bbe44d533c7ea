"""Bounds on what woosite reads, so a hostile or mistaken file costs bounded time and memory.

A programme chapter is tens of kilobytes (the largest seed export is under 100 kB); a file over
``MAX_FILE_BYTES`` is not a content file, export or site.yaml but a mistake, refused before it is read.
"""

from __future__ import annotations

from pathlib import Path

from generator.core.errors import ContentError, Problem, WoositeError
from generator.core.translation import _

MAX_FILE_BYTES = 10 * 1024 * 1024


def read_bytes(path: Path, error: type[WoositeError] = ContentError) -> bytes:
    """The file's bytes; raise ``error`` (one line) for a file over the limit, without reading it."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise error(
            Problem(
                path,
                None,
                _("the file is {value:.1f} MB; woosite reads files up to {value2} MB").format(
                    value=size / 2**20, value2=MAX_FILE_BYTES // 2**20
                ),
                _("check that this is the right file; split a very large document into one file per programme"),
            )
        )
    with path.open("rb") as f:
        return f.read(MAX_FILE_BYTES + 1)
