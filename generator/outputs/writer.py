"""Write output files into a staging folder, never the same path twice, never outside it."""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from generator.errors import BuildError, Problem

_SAFE = re.compile(r"^[A-Za-z0-9._-]+$")


class OutputWriter:
    """Collects the files of one build under ``root`` (a staging folder, swapped in when all succeeded)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: dict[str, int] = {}
        """Site path -> size in bytes, of every file written in this build."""

    def target(self, site_path: str) -> Path:
        """The file for a site path; refuse paths that could leave the output or need escaping."""
        pure = PurePosixPath(site_path)
        if pure.is_absolute() or not pure.parts or any(p in ("..", ".") or not _SAFE.match(p) for p in pure.parts):
            raise BuildError(Problem(None, None, f"refusing to write unsafe output path '{site_path}'"))
        if site_path in self.written:
            raise BuildError(
                Problem(
                    None,
                    None,
                    f"two outputs want the same file '{site_path}'",
                    "rename one of the documents so their URLs differ",
                )
            )
        return self.root.joinpath(*pure.parts)

    def write_bytes(self, site_path: str, data: bytes) -> None:
        target = self.target(site_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written[site_path] = len(data)

    def write_text(self, site_path: str, text: str) -> None:
        self.write_bytes(site_path, text.encode("utf-8"))

    def copy_tree(self, source: Path, prefix: str) -> None:
        """Copy a folder of static files (CSS, images) to ``prefix`` in the site."""
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(source).as_posix()
                self.write_bytes(f"{prefix}{rel}", path.read_bytes())

    def adopt(self, site_path: str) -> None:
        """Record a file that a tool (e.g. a search indexer) wrote into the staging folder itself."""
        self.written[site_path] = os.path.getsize(self.root / site_path)
