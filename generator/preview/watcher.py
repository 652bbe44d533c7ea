"""Notice changes to the files a site is built from, and wait until an editor has finished saving.

Editors save in odd ways: a temporary file renamed over the original, several writes in a row, a
backup file beside it. Polling snapshots (path -> size, modification time, inode) sees all of these,
and a change is reported only once the snapshot has stayed the same for a quiet period, so a build
never starts on a half-written file. Polling needs no extra threads or OS support and is cheap at the
size of a site's sources.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

Snapshot = dict[str, tuple[int, int, int]]

_TEMP_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload", ".kate-swp")


def is_editor_temp(name: str) -> bool:
    """Backup, swap and lock files that editors write next to the file being edited."""
    return name.startswith((".", "#")) or name.endswith(_TEMP_SUFFIXES) or name == "4913"


def snapshot(sources: Iterable[Path]) -> Snapshot:
    """Size, modification time and inode of every source file (folders walked, hidden ones skipped)."""
    found: Snapshot = {}
    for source in sources:
        if source.is_file():
            _add(found, source)
        elif source.is_dir():
            for dirpath, dirs, files in os.walk(source):
                dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
                for name in files:
                    if not is_editor_temp(name):
                        _add(found, Path(dirpath) / name)
    return found


def _add(found: Snapshot, path: Path) -> None:
    try:
        st = path.stat()
    except OSError:
        return  # removed while we looked: the next snapshot shows it gone
    found[str(path)] = (st.st_size, st.st_mtime_ns, st.st_ino)


def changed_paths(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def wait_for_change(
    sources: list[Path],
    since: Snapshot,
    stop: Callable[[], bool],
    poll: float = 0.2,
    quiet: float = 0.3,
) -> Snapshot | None:
    """Block until the sources differ from ``since`` and have then been still for ``quiet`` seconds.

    Returns the settled snapshot, or None when ``stop()`` became true."""
    current = since
    while current == since:
        if stop():
            return None
        time.sleep(poll)
        current = snapshot(sources)
    while True:
        time.sleep(quiet)
        if stop():
            return None
        settled = snapshot(sources)
        if settled == current:
            return settled
        current = settled
