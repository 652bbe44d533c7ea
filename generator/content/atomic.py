"""Writing a file so that a killed process leaves the old file or the new one, never a part of either.

Content files (``import``, ``correct``, ``withdraw``) and the build cache are written through a temporary file
in the same folder and one rename; a file that existed keeps its permissions, a new one gets the umask's.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path


def write_atomic(target: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, line ends as given) to ``target`` via a temporary file and a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def _umask() -> int:
    """The process's umask (read once: reading it means setting it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
