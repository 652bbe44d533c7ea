"""Write output files into a staging folder, never the same path twice, never outside it.

Outputs can be grouped in units with a key (see ``generator.incremental``): a unit whose key matches the
previous build's is hard-linked from the previous output (copied where links are impossible) instead
of being produced again. Sharing inodes with the published site is safe because nothing ever writes to
an existing file here: every path is written once, into a new file, and a reused path is never written.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from generator.core.errors import BuildError, Problem
from generator.core.parallel import pmap
from generator.core.translation import _
from generator.incremental.previous import PreviousBuild, UnitRecord

_SAFE = re.compile(r"^[A-Za-z0-9._-]+$")


class OutputWriter:
    """Collects the files of one build under ``root`` (a staging folder, swapped in when all succeeded)."""

    def __init__(
        self, root: Path, previous: PreviousBuild | None = None, on_write: Callable[[], None] | None = None
    ) -> None:
        self.root = root
        self.written: dict[str, int] = {}
        """Site path -> size in bytes, of every file written in this build."""
        self.previous = previous
        self.on_write = on_write
        self.units: dict[str, UnitRecord] = {}
        """Unit -> its key and files, for the next build to reuse."""
        self.reused: set[str] = set()
        """Files hard-linked unchanged from the previous build."""
        self.warnings: list[Problem] = []
        """Problems that do not stop the build; reported with the summary."""
        self._open: list[list[str]] = []
        self._folders: set[str] = set()

    def target(self, site_path: str) -> Path:
        """The file for a site path; refuse paths that could leave the output or need escaping."""
        return self.root.joinpath(*self._checked(site_path))

    def _checked(self, site_path: str) -> list[str]:
        """The parts of a site path that is safe and not yet written; BuildError otherwise."""
        parts = site_path.split("/")
        if any(p in ("..", ".") or not _SAFE.match(p) for p in parts):  # "" too: absolute, "a//b", "a/"
            raise BuildError(
                Problem(None, None, _("refusing to write unsafe output path '{site_path}'").format(site_path=site_path))
            )
        if site_path in self.written:
            raise BuildError(
                Problem(
                    None,
                    None,
                    _("two outputs want the same file '{site_path}'").format(site_path=site_path),
                    _("rename one of the documents so their URLs differ"),
                )
            )
        return parts

    def _folder_for(self, target: str | Path) -> None:
        """Make the file's folder (once per build: thousands of files share a few hundred folders)."""
        self._make_folder(os.path.dirname(target))

    def _make_folder(self, folder: str) -> None:
        """One ``mkdir`` per folder of the site: its parent made first when missing, every made folder
        remembered (a new staging folder gets each of the site's folders, 1,500 at 1,000 documents)."""
        if folder in self._folders:
            return
        try:
            os.mkdir(folder)
        except FileNotFoundError:
            self._make_folder(os.path.dirname(folder))
            os.mkdir(folder)
        except FileExistsError:
            if not os.path.isdir(folder):
                raise
        self._folders.add(folder)

    def write_bytes(self, site_path: str, data: bytes) -> None:
        target = self.target(site_path)
        self._folder_for(target)
        target.write_bytes(data)
        self._record(site_path, len(data))

    def write_parts(self, site_path: str, parts: Iterable[bytes]) -> None:
        """Write a file from its parts, one after another: a large site-wide file (the DCAT catalog, 63 MB
        at 10,000 documents) is never whole in memory."""
        target = self.target(site_path)
        self._folder_for(target)
        size = 0
        with target.open("wb") as f:
            for part in parts:
                f.write(part)
                size += len(part)
        self._record(site_path, size)

    def write_text(self, site_path: str, text: str) -> None:
        self.write_bytes(site_path, text.encode("utf-8"))

    def write_units(self, units: Sequence[tuple[str, str, str]], make: Callable[[int], bytes]) -> None:
        """One file per unit (unit name, key, site path), made across cores: ``make(i)`` gives the bytes of the
        i-th in a worker process, which writes them; only the sizes come back (the files of a large site do
        not all pass through this process's memory)."""
        targets = [self.target(site_path) for _unit, _key, site_path in units]  # checked here, once
        for target in targets:
            self._folder_for(target)

        def write(index: int) -> int:
            data = make(index)
            targets[index].write_bytes(data)
            return len(data)

        for (unit, key, site_path), size in zip(units, pmap(write, range(len(units))), strict=True):
            with self.unit(unit, key):
                self.target(site_path)  # refuses a path two units want
                self._record(site_path, size)

    def copy_tree(self, source: Path, prefix: str) -> None:
        """Copy a folder of static files (CSS, images) to ``prefix`` in the site."""
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(source).as_posix()
                self.write_bytes(f"{prefix}{rel}", path.read_bytes())

    def adopt(self, site_path: str) -> None:
        """Record a file that a tool (e.g. a search indexer) wrote into the staging folder itself. One with
        the same bytes as the previous build's file at its path becomes a link to that file and counts as
        reused, as a reused unit's files do (the safety net read it then, with the same redaction list)."""
        path = self.root / site_path
        size = os.path.getsize(path)
        if self.previous is not None and self.previous.intact(site_path):
            previous = self.previous.source(site_path)
            if os.path.samefile(path, previous):  # both linked from one file (the search cache): nothing to do
                self.reused.add(site_path)
            elif self.previous.record.files[site_path][0] == size and filecmp.cmp(path, previous, shallow=False):
                swap = path.with_name(f".{path.name}.link")
                link_or_copy(previous, swap)
                os.replace(swap, path)  # (a no-op, leaving both names, were they links to one file)
                self.reused.add(site_path)
        self._record(site_path, size)

    def warn(self, problem: Problem) -> None:
        """Report a problem that does not stop the build (shown with the summary, counted in it)."""
        self.warnings.append(problem)

    def cached(self, unit: str, key: str, produce: Callable[[], None]) -> bool:
        """Run ``produce`` (which writes the unit's files), or reuse the previous build's files for an
        unchanged ``key``. ``key`` must be a digest of everything the files depend on besides the global
        inputs. Returns True when the files were reused."""
        if self.reuse(unit, key):
            return True
        with self.unit(unit, key):
            produce()
        return False

    def reuse(self, unit: str, key: str) -> bool:
        """Link the unit's files from the previous build when its key matches and they are intact; or find
        it made already in this build (ahead of its step, for the preview), its files then counted in the
        units open now too."""
        done = self.units.get(unit)
        if done is not None and done.key == key:
            for open_files in self._open:
                open_files.extend(done.files)
            return True
        files = self.previous.reusable(unit, key) if self.previous else None
        if files is None or self.previous is None:
            return False
        root, sizes = str(self.root), self.previous.record.files
        for site_path in files:  # on strings: a Path for each of thousands of files costs more than the link
            self._checked(site_path)
            target = f"{root}/{site_path}"
            self._folder_for(target)
            link_or_copy(self.previous.source(site_path), target)
            self._record(site_path, sizes[site_path][0])
        self.reused.update(files)
        record = self._claim(unit)
        record.key, record.files = key, list(files)
        return True

    @contextmanager
    def unit(self, unit: str, key: str) -> Iterator[None]:
        """Record the files written inside the block as the output of ``unit`` with ``key``; units nest
        (a file written inside two open units belongs to both)."""
        record = self._claim(unit)
        record.key = key
        self._open.append(record.files)
        try:
            yield
        finally:
            self._open.pop()

    def _claim(self, unit: str) -> UnitRecord:
        if unit in self.units:
            raise ValueError(f"output unit '{unit}' used twice in one build")
        self.units[unit] = UnitRecord(key="", files=[])
        return self.units[unit]

    def _record(self, site_path: str, size: int) -> None:
        self.written[site_path] = size
        for files in self._open:
            files.append(site_path)
        if self.on_write is not None:
            self.on_write()


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link to ``source`` (no bytes copied), or a copy where the file system cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
