"""Is the Pagefind search bundle in ``pagefind/`` whole? Used by the build (before the swap) and by ``check``.

Pagefind has been seen to leave files cut short (a 0-byte ``pagefind-entry.json``, ``pagefind-ui.js`` cut at
64 KiB) while the build went on. So every file is checked:

- ``pagefind-entry.json`` parses and names, per language, a ``pagefind.<hash>.pf_meta`` and a
  ``wasm.<lang>.pagefind`` that exist;
- every ``.pf_meta``, ``.pf_index``, ``.pf_fragment``, ``.pf_filter`` and ``.pagefind`` file is a complete
  gzip stream holding Pagefind's ``pagefind_dcd`` signature; each index chunk and page fragment the meta
  file names exists;
- the scripts and stylesheets Pagefind ships are byte for byte the ones of its version (``ASSETS``: SHA-256
  taken from a complete bundle); for a version not listed, they must at least be non-empty.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Collection
from pathlib import Path

from generator.core.errors import BuildError, Problem
from generator.core.translation import N_, _
from generator.core.tree import site_paths

BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
_SIGNATURE = b"pagefind_dcd"
_COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")
_CBOR_TEXT = re.compile(rb"[\x61-\x77](?=[a-z])")
"""A CBOR text string of 1-23 bytes starts with 0x60 + its length: how the meta file names its chunks."""
_CHUNK = re.compile(r"[a-z]{2,}(?:-[a-z]+)*_[0-9a-f]{7,}")

ASSETS: dict[str, dict[str, str]] = {
    "1.5.2": {
        "pagefind-component-ui.js": "958620129dd14bd851805daeb12ce708bd63b9287325d1d5ae6f73a04d1723f8",
        "pagefind-highlight.js": "04741266a86911636cefc41c8b407e380dda99b7d208724f700f94cdf57e37b5",
        "pagefind-modular-ui.js": "f3efa0f74b305ccab0bc9edc7c09ab69867180b4c43093d84bb9b508ac4ec32c",
        "pagefind-ui.js": "2efa93f2e80a199ca742a69bd4cfffabc5c591ebe7763f64f7c655fd00d2209f",
        "pagefind-worker.js": "4ca50d25bcab9e1c3afbc00ab5f7761114e83c8fc1b83d38655af1558b650c2a",
        "pagefind.js": "252d272bd34d483d19a752060f6a065114d15ab12c42d8f905ca565e2768a009",
        "pagefind-component-ui.css": "de389c7e5d87d6e2b10d65fb1e36e8989a12a2ad8dd6239b7e070d81fb5d8b0d",
        "pagefind-modular-ui.css": "653ab29e4de5629f6ddf5f6fcdf5d2b3eb539a8c07fff8a56b8ce2156a570788",
        "pagefind-ui.css": "e113b816110ed07b017613e901addfe635350f2a5b84990aa76c91a74b158084",
    }
}
"""Pagefind version -> its fixed files (the same in every bundle) and their SHA-256."""
REQUIRED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js")
"""Files the search page needs, whatever the version."""

_FIX = N_("build again with 'woosite build --clean'; the search files are written afresh")


def problems(site_root: Path, checked: Collection[str] = ()) -> list[Problem]:
    """Every problem of the search bundle below ``site_root`` (one line each, naming the file).

    ``checked``: site paths of files known whole (reused unchanged from a build that checked them): they
    are not read again, only looked for (a large site's bundle holds tens of megabytes of fragments)."""
    bundle = site_root / BUNDLE
    entry_file = bundle / ENTRY
    try:
        entry = json.loads(entry_file.read_bytes())
        languages = entry["languages"]
        version = str(entry.get("version", ""))
        if not isinstance(languages, dict) or not languages:
            raise ValueError("no languages")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [_problem(site_root, entry_file, f"search index entry file missing or incomplete ({exc})")]
    found: list[Problem] = []
    for lang, info in languages.items():
        meta = bundle / f"pagefind.{info.get('hash')}.pf_meta"
        wasm = bundle / f"wasm.{info.get('wasm')}.pagefind"
        for needed in (meta, wasm):
            if not needed.is_file():
                found.append(_problem(site_root, needed, f"search file for language '{lang}' is missing"))
    named: set[str] = set()
    listed = [name for name in site_paths(bundle) if os.path.splitext(name)[1] in _COMPRESSED]  # one listing
    for name in listed:
        is_meta = name.endswith(".pf_meta")
        if not is_meta and f"{BUNDLE}/{name}" in checked:
            continue
        path = bundle / name
        data = _unpacked(path)
        if data is None:
            found.append(_problem(site_root, path, "search file is cut short or damaged (not a complete gzip file)"))
        elif not data.startswith(_SIGNATURE):
            found.append(_problem(site_root, path, "search file is damaged (no Pagefind signature)"))
        elif is_meta:
            named.update(_chunk_names(data))
    present = {os.path.splitext(os.path.basename(name))[0] for name in listed}
    languages = {name.split("_", 1)[0] for name in present if "_" in name}
    for missing in sorted(h for h in named if h not in present and _looks_like_chunk(h, languages)):
        found.append(_problem(site_root, bundle / "index" / f"{missing}.pf_index", "search index chunk is missing"))
    expected = ASSETS.get(version, {})
    for name in sorted(set(expected) | set(REQUIRED)):
        path = bundle / name
        if not path.is_file() or path.stat().st_size == 0:
            found.append(_problem(site_root, path, "search script or stylesheet is missing or empty"))
        elif (
            name in expected
            and f"{BUNDLE}/{name}" not in checked
            and hashlib.sha256(path.read_bytes()).hexdigest() != expected[name]
        ):
            found.append(
                _problem(
                    site_root,
                    path,
                    f"search script or stylesheet is not the one Pagefind {version} ships "
                    f"({path.stat().st_size} bytes; cut short?)",
                )
            )
    return found


def verify(site_root: Path, checked: Collection[str] = ()) -> None:
    """Raise BuildError when the search bundle is not whole: never publish a broken search."""
    found = problems(site_root, checked)
    if found:
        raise BuildError(found)


def _chunk_names(meta: bytes) -> set[str]:
    """Names of index chunks and page fragments in a decompressed meta file (CBOR)."""
    names = set()
    for match in _CBOR_TEXT.finditer(meta):
        start = match.end()
        text = meta[start : start + match.group()[0] - 0x60].decode("ascii", errors="replace")
        if _CHUNK.fullmatch(text):
            names.add(text)
    return names


def _looks_like_chunk(name: str, languages: set[str]) -> bool:
    """Meta files also hold other short strings; only names shaped like the chunks present (``languages``: the
    part before "_" of their names; one set, not a scan of 10,000 names for each string) are checked."""
    return name.split("_", 1)[0] in languages


def _unpacked(path: Path) -> bytes | None:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error):
        return None


def _problem(site_root: Path, path: Path, message: str) -> Problem:
    return Problem(path.relative_to(site_root) if path.is_relative_to(site_root) else path, None, message, _(_FIX))
