"""Writing a file so that a killed process leaves the old file or the new one, never a part of either.

The one way woosite writes a file in a project: content files (``import``, ``correct``, ``withdraw``, ``new``),
a new site's files (``init``), the ledger and the build cache. Through a temporary file in the same folder and
one rename (or, for a file that must not exist yet, one hard link); a file that existed keeps its permissions,
a new one gets the umask's.
The temporary file's name holds the writer's process id, so the temporary files of a killed writer (which
no ``except`` can remove) are removed by the next writer in that folder.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path


def write_atomic(target: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, line ends as given) to ``target`` via a temporary file and a rename."""
    _write(target, data, os.replace)


def create_atomic(target: Path, data: str | bytes) -> bool:
    """Write ``data`` to ``target`` only if no file is there, whole or not at all; False when one was there.

    The temporary file is hard-linked to the name, which fails when the name exists: no check-then-write race
    with an editor saving the same file. Where the file system has no hard links, a rename after a check."""

    def link(tmp: str, name: Path) -> None:
        try:
            os.link(tmp, name)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some network and FAT file systems)
            if name.exists():
                raise FileExistsError(name) from None
            os.replace(tmp, name)

    try:
        _write(target, data, link)
    except FileExistsError:
        return False
    return True


def _write(target: Path, data: str | bytes, put: Callable[[str, Path], None]) -> None:
    _remove_leftovers(os.path.abspath(target.parent))
    prefix = f".{target.name}-{os.getpid()}-"
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    except FileNotFoundError:  # a new folder: made only then (one system call less for every other file)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        put(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)  # after a rename: gone already; after a link: the second name


_LEFTOVER = re.compile(r"\..+-([0-9]{1,10})-[A-Za-z0-9_]+\.tmp")


@cache
def _remove_leftovers(folder: str) -> None:
    """Delete the temporary files that killed writers left in ``folder`` (once per folder and process)."""
    for leftover in Path(folder).glob(".*.tmp"):
        match = _LEFTOVER.fullmatch(leftover.name)
        if match and not alive(int(match.group(1))):
            leftover.unlink(missing_ok=True)


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a process of another user counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


@cache
def _umask() -> int:
    """The process's umask (read once: reading it means setting it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
