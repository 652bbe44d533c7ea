"""A large JSON file written a list item at a time, with the bytes one dump of the whole would give."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def filled(head: bytes, field: str, items: Iterable[bytes]) -> Iterator[bytes]:
    """``head`` (JSON indented by two spaces, its top-level ``field`` an empty list) with that list's items, each
    its own JSON indented by two spaces, in turn: a catalog of 10,000 documents is never whole in memory."""
    marker = f'\n  "{field}": []'.encode()
    at = head.index(marker) + len(marker) - len(b"[]")
    yield head[:at] + b"["
    empty = True
    for item in items:  # in the list, two levels deep: four more spaces on each line
        yield (b"\n    " if empty else b",\n    ") + item.replace(b"\n", b"\n    ")
        empty = False
    yield (b"]" if empty else b"\n  ]") + head[at + len(b"[]") :]
