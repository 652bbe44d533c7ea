"""Notice changes to the files a site is built from, and wait until an editor has finished saving.

The operating system says when something changed (inotify and its kin, through ``watchfiles``), so a save
is seen within milliseconds and an idle preview costs nothing. What changed is then decided by snapshots
(path -> size, modification time, inode): editors save in odd ways (a temporary file renamed over the
original, several writes in a row, a backup file beside it), and a snapshot sees all of them the same way
and ignores an editor's own temporary files. A change is reported once nothing moved for a short quiet
period, so a build never starts on a half-written file. A source that does not exist yet (the redaction
list, the population file) is looked for on every timeout; where the system cannot watch (no inotify, too
many watches), the snapshots are polled.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

import watchfiles

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
    stop: threading.Event,
    quiet: float = 0.05,
    poll: float = 0.2,
) -> Snapshot | None:
    """Block until the sources differ from ``since`` and have then been still for ``quiet`` seconds.

    Returns the settled snapshot, or None when ``stop`` is set. A change made while the caller was busy (a
    build) is found at once, by the first snapshot."""
    current: Snapshot | None = snapshot(sources)
    if current == since:
        try:
            current = _notified(sources, since, stop, quiet)
        except (OSError, RuntimeError):  # this system cannot watch these files: poll instead
            current = _polled(sources, since, stop, poll)
    return None if current is None else _settled(sources, current, stop, quiet)


def _notified(sources: list[Path], since: Snapshot, stop: threading.Event, quiet: float) -> Snapshot | None:
    existing = [source for source in sources if source.exists()]
    missing = [source for source in sources if not source.exists()]
    step = max(1, int(quiet * 1000))
    first = True  # a save between the caller's snapshot and the watch starting sends no event: look once
    for changes in watchfiles.watch(
        *existing,
        watch_filter=None,  # every event: the snapshot decides what counts (a token package in node_modules too)
        stop_event=stop,
        step=step,
        rust_timeout=250,
        yield_on_timeout=True,
        raise_interrupt=False,
    ):
        if stop.is_set():
            return None
        if changes or first or any(source.exists() for source in missing):
            first = False
            current = snapshot(sources)
            if current != since:
                return current
    return None


def _polled(sources: list[Path], since: Snapshot, stop: threading.Event, poll: float) -> Snapshot | None:
    current = since
    while current == since:
        if stop.wait(poll):
            return None
        current = snapshot(sources)
    return current


def _settled(sources: list[Path], current: Snapshot, stop: threading.Event, quiet: float) -> Snapshot | None:
    """The snapshot once it stayed the same for ``quiet`` seconds (an editor may still be writing)."""
    while True:
        if stop.wait(quiet):
            return None
        settled = snapshot(sources)
        if settled == current:
            return settled
        current = settled
