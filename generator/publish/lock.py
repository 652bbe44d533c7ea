"""One build at a time per project: a lock file that the operating system releases when its process ends.

``woosite build`` holds ``.woosite-cache/build.lock`` (beside ``content/``) while it runs. A second build of
the same project stops at once with one line naming the running build, instead of racing it for the cache,
the ledger and the swap of ``site/``. The lock is an advisory ``flock``: when a build is killed the kernel
drops it, so a stale lock file of a dead process never blocks the next build (the file itself stays; it
only records who holds it). Where ``fcntl`` does not exist (Windows) builds are not locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.core.errors import BuildError, Problem
from generator.core.translation import _

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FILE_NAME = "build.lock"


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold the lock at ``path`` for the block; raise BuildError at once when another process holds it."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            raise BuildError(
                Problem(
                    path,
                    None,
                    _("another build of this project is running (process {holder}); nothing was changed").format(
                        holder=holder
                    ),
                    _("wait until it has finished, then build again"),
                )
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
