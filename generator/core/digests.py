"""One way to digest what a key depends on: length-prefixed SHA-256 over parts, and over folders of files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def digest(*parts: str | bytes) -> str:
    """SHA-256 over the parts, length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def tree_digest(folders: Iterable[Path | None]) -> str:
    """Every file below the folders, by relative path and bytes (hidden files too: they may be copied)."""
    parts: list[str | bytes] = []
    for folder in folders:
        parts.append(str(folder))
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
