"""The staging folder beside the published one, and the swap that publishes it.

``site/`` stays a real folder (users upload it as it is), so publishing cannot be an atomic symlink
switch. On Linux the new folder and ``site/`` are exchanged with one ``renameat2(RENAME_EXCHANGE)``: at
every moment ``site/`` is either the complete old site or the complete new one, even if the build is
killed. Elsewhere two renames are used, and a kill between them leaves the old site in a
``.site-old-<pid>-*`` folder, which the next build puts back before it starts.

Staging folders carry the id of the process that made them; a later build removes those whose process
is gone (a build killed with SIGKILL cannot clean up after itself).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

from generator.core.atomic import alive

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def new_folder(target: Path) -> Path:
    """A fresh staging folder beside ``target``, after recovering from and removing killed builds' folders."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    return Path(tempfile.mkdtemp(prefix=f"{_prefix(target, 'new')}{os.getpid()}-", dir=target.parent))


def publish(staged: Path, target: Path) -> None:
    """Put ``staged`` in the place of ``target`` and delete the old site; never a moment without ``target``."""
    staged.chmod(0o755)
    if target.exists() and _exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)  # now the old site
        return
    old = Path(tempfile.mkdtemp(prefix=f"{_prefix(target, 'old')}{os.getpid()}-", dir=target.parent))
    if target.exists():
        target.rename(old / target.name)
    try:
        staged.rename(target)
    except OSError:
        if (old / target.name).exists():
            (old / target.name).rename(target)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def recover(target: Path) -> None:
    """Undo what killed builds left: restore a site moved aside mid-swap, delete their staging folders."""
    for folder in sorted(target.parent.glob(f"{_prefix(target, '*')}*")):
        kind, _, rest = folder.name[len(target.name) + 2 :].partition("-")
        pid = rest.partition("-")[0]
        if kind not in ("new", "old") or not pid.isdigit() or alive(int(pid)):
            continue
        moved = folder / target.name
        if kind == "old" and moved.is_dir() and not target.exists():
            moved.rename(target)
        shutil.rmtree(folder, ignore_errors=True)


def _prefix(target: Path, kind: str) -> str:
    return f".{target.name}-{kind}-"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    with contextlib.suppress(OSError):
        result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if result == 0:
            return True
    return False
