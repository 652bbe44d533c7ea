"""The files below a folder, as site paths: the one listing the build's checks, its record and the content
reader share."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def files_below(folder: Path | str, hidden: bool = True) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(site path "a/b.html", directory entry) of everything below ``folder`` that is not a folder, in no
    particular order. One pass with ``os.scandir`` on strings (a ``Path`` for each of 60,000 files cost more
    than reading the folders); links to folders are not followed, as ``os.walk`` does not; ``hidden=False``
    leaves out names starting with a dot and all below them. A folder that cannot be read has nothing."""
    pending = [("", str(folder))]
    while pending:
        prefix, path = pending.pop()
        try:
            entries = os.scandir(path)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not hidden and entry.name.startswith("."):
                    continue
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    continue
                if not is_folder:
                    yield prefix + entry.name, entry
                elif not entry.is_symlink():
                    pending.append((f"{prefix}{entry.name}/", entry.path))


def site_paths(folder: Path | str) -> list[str]:
    """Site paths of every file below ``folder``, in name order."""
    return sorted(site_path for site_path, _entry in files_below(folder))


def sizes_and_times(folder: Path | str) -> Iterator[tuple[str, int, int]]:
    """(site path, size, modification time in ns) of every file below ``folder``, in no particular order; a
    file that vanishes meanwhile is left out."""
    for site_path, entry in files_below(folder):
        try:
            status = entry.stat()
        except OSError:
            continue
        yield site_path, status.st_size, status.st_mtime_ns
