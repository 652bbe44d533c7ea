"""Pagefind's filter index made deterministic, so an incremental build equals a clean one.

Pagefind (1.5) writes its filter files (``pagefind/filter/<lang>_<hash>.pf_filter``) and the list of them in
the language's ``pagefind.<lang>_<hash>.pf_meta`` in hash-map order, which differs from run to run, and names
each file by a hash of those bytes. This step rewrites them in one canonical order (filters by name, values
by text, pages by number) and renames them by a digest of the canonical bytes, updating the meta file and
``pagefind-entry.json`` that point to them. The search itself reads exactly the same data.

The files are gzip-compressed ``pagefind_dcd`` + CBOR (generator/outputs/cbor.py). Anything else leaves
the bundle as Pagefind wrote it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from generator.outputs import cbor

ENTRY = "pagefind-entry.json"


def canonicalise(bundle: Path) -> None:
    """Rewrite the filter files and meta of every language in ``bundle`` in canonical order.

    All-or-nothing: the new files are computed first; a bundle that cannot be read as expected (another
    Pagefind version, an incomplete write) is left exactly as Pagefind wrote it."""
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plans = {code: _plan(bundle, language["hash"]) for code, language in entry["languages"].items()}
    except (cbor.Unsupported, OSError, EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return
    for code, (meta_hash, remove, write) in plans.items():
        for path in remove:
            path.unlink()
        for path, data in write.items():
            cbor.write(path, data)
        entry["languages"][code]["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _plan(bundle: Path, meta_hash: str) -> tuple[str, list[Path], dict[Path, Any]]:
    """The language's new meta hash, the files to remove and the files to write."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = cbor.read(meta_path)
    filters = _filters_of(meta)
    if filters is None:
        return meta_hash, [], {}
    prefix = meta_hash.split("_")[0]
    remove: list[Path] = [meta_path]
    write: dict[Path, Any] = {}
    renamed: list[list[Any]] = []
    for name, old_hash in sorted(filters, key=lambda f: str(f[0])):
        old = bundle / "filter" / f"{old_hash}.pf_filter"
        data = cbor.read(old)
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
    return hashlib.sha256(cbor.encode(data)).hexdigest()
