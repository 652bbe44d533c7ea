"""Pagefind's filter index made deterministic, so an incremental build equals a clean one.

Pagefind (1.5) writes its filter files (``pagefind/filter/<lang>_<hash>.pf_filter``) and the list of them in
the language's ``pagefind.<lang>_<hash>.pf_meta`` in hash-map order, which differs from run to run, and names
each file by a hash of those bytes. This step rewrites them in one canonical order (filters by name, values
by text, pages by number) and renames them by a digest of the canonical bytes, updating the meta file and
``pagefind-entry.json`` that point to them. The search itself reads exactly the same data.

The files are gzip-compressed ``pagefind_dcd`` + CBOR; the small CBOR reader and writer below cover what
Pagefind writes (integers, text, bytes, arrays, maps, booleans, null). Anything else leaves the bundle as
Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class _Unsupported(ValueError):
    pass


def canonicalise(bundle: Path) -> None:
    """Rewrite the filter files and meta of every language in ``bundle`` in canonical order.

    All-or-nothing: the new files are computed first; a bundle that cannot be read as expected (another
    Pagefind version, an incomplete write) is left exactly as Pagefind wrote it."""
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plans = {code: _plan(bundle, language["hash"]) for code, language in entry["languages"].items()}
    except (_Unsupported, OSError, EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return
    for code, (meta_hash, remove, write) in plans.items():
        for path in remove:
            path.unlink()
        for path, data in write.items():
            _write(path, data)
        entry["languages"][code]["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _plan(bundle: Path, meta_hash: str) -> tuple[str, list[Path], dict[Path, Any]]:
    """The language's new meta hash, the files to remove and the files to write."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    filters = _filters_of(meta)
    if filters is None:
        return meta_hash, [], {}
    prefix = meta_hash.split("_")[0]
    remove: list[Path] = [meta_path]
    write: dict[Path, Any] = {}
    renamed: list[list[Any]] = []
    for name, old_hash in sorted(filters, key=lambda f: str(f[0])):
        old = bundle / "filter" / f"{old_hash}.pf_filter"
        data = _read(old)
        if isinstance(data, list) and len(data) == 2 and isinstance(data[1], list):
            values = sorted(([v[0], sorted(v[1])] for v in data[1]), key=lambda v: str(v[0]))
            data = [data[0], values]
        new_hash = f"{prefix}_{_digest(data)[:7]}"
        remove.append(old)
        write[bundle / "filter" / f"{new_hash}.pf_filter"] = data
        renamed.append([name, new_hash])
    filters[:] = renamed
    new_meta = f"{prefix}_{_digest(meta)[:10]}"
    write[bundle / f"pagefind.{new_meta}.pf_meta"] = meta
    return new_meta, remove, write


def _filters_of(meta: Any) -> list[list[Any]] | None:
    """The meta's list of [filter name, file hash] pairs (the list of two-item lists of text)."""
    if not isinstance(meta, list):
        return None
    for item in meta:
        if (
            isinstance(item, list)
            and item
            and all(isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in item)
            and all("_" in f[1] for f in item)
        ):
            return item
    return None


def _digest(data: Any) -> str:
    return hashlib.sha256(_encode(data)).hexdigest()


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise _Unsupported(path)
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise _Unsupported(path)
    return value


def _write(path: Path, data: Any) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + _encode(data), compresslevel=9, mtime=0))


def _decode(raw: bytes, at: int) -> tuple[Any, int]:
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
        raise _Unsupported("indefinite length")
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
            item, at = _decode(raw, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, at = _decode(raw, at)
            value, at = _decode(raw, at)
            mapping[key] = value
        return mapping, at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    raise _Unsupported(f"CBOR major type {major}")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise _Unsupported("integer too large")


def _encode(value: Any) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise _Unsupported(type(value).__name__)
