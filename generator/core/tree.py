"""The files below a folder, as site paths: the one listing the build's checks and its record share."""

from __future__ import annotations

import os
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
