"""Pagefind's file format: gzip of ``pagefind_dcd`` + CBOR. A small CBOR reader and writer covering what
Pagefind writes (integers, text, bytes, arrays, maps, booleans, null), exact both ways: encoding a decoded
file gives its bytes back (tests/test_search_facets.py)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class Unsupported(ValueError):
    """The bytes are not what this reader understands (another Pagefind version, an incomplete write)."""


def read(path: Path) -> Any:
    """The value of one Pagefind file (``.pf_meta``, ``.pf_index``, ``.pf_filter``)."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise Unsupported(path)
    value, end = decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise Unsupported(path)
    return value


def pack(data: bytes, level: int = 9) -> bytes:
    """A Pagefind file holding the CBOR ``data``, compressed the same way on every build."""
    return gzip.compress(SIGNATURE + data, compresslevel=level, mtime=0)


def write(path: Path, value: Any) -> None:
    path.write_bytes(pack(encode(value)))


def decode(raw: bytes, at: int) -> tuple[Any, int]:
    """The value starting at ``raw[at]`` and the position after it."""
    head = raw[at]
    major, info = head >> 5, head & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument = int.from_bytes(raw[at : at + size], "big")
        at += size
    else:
        raise Unsupported("indefinite length")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        chunk = raw[at : at + argument]
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = decode(raw, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, at = decode(raw, at)
            value, at = decode(raw, at)
            mapping[key] = value
        return mapping, at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    raise Unsupported(f"CBOR major type {major}")


def head(major: int, argument: int) -> bytes:
    """The head of a CBOR item: its major type and its argument (a number, or a length)."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise Unsupported("integer too large")


def encode(value: Any) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return head(3, len(data)) + data
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise Unsupported(type(value).__name__)
