"""The files below a folder, as site paths: the one listing the build's checks and its record share."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def site_paths(folder: Path) -> list[str]:
    """Site paths ("a/b.html") of every file below ``folder``, in name order; ``os.walk`` on strings, since a
    ``Path`` for each of 60,000 files costs more than reading the folders."""
    found: list[str] = []
    root = str(folder)
    for dirpath, _dirs, files in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in files)
    found.sort()
    return found


def sizes_and_times(folder: Path | str) -> Iterator[tuple[str, int, int]]:
    """(site path, size, modification time in ns) of every file below ``folder``, in no particular order, as
    ``site_paths`` lists them (links to folders not followed). One pass with ``os.scandir``: a file that
    vanishes meanwhile is left out; a missing ``folder`` has none."""
    pending = [("", str(folder))]
    while pending:
        prefix, path = pending.pop()
        try:
            entries = os.scandir(path)
        except OSError:
            continue
        with entries:
            for entry in entries:
                try:
                    if entry.is_dir():
                        if not entry.is_symlink():
                            pending.append((f"{prefix}{entry.name}/", entry.path))
                        continue
                    st = entry.stat()
                except OSError:
                    continue
                yield prefix + entry.name, st.st_size, st.st_mtime_ns
