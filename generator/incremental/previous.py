"""The record a successful build leaves behind, and the question a new build asks of it: can I reuse this?"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.core.digests import digest
from generator.core.errors import Problem
from generator.core.tree import sizes_and_times

FORMAT = 1


@dataclass
class UnitRecord:
    key: str
    files: list[str]


@dataclass
class BuildRecord:
    """What one build produced: its inputs, its units and every file with its size and modification time."""

    inputs: str
    site: str
    units: dict[str, UnitRecord] = field(default_factory=dict)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    documents: int = 0
    warnings: list[tuple[str | None, int | None, str, str]] = field(default_factory=list)
    sources: str = ""
    """A digest of the inputs, the ledger and every content file's path and bytes: when the next build finds
    the same, and the output as it was left, it has nothing to read (see ``PreviousBuild.unchanged``)."""
    unfinished: list[tuple[str | None, int | None, str, str]] = field(default_factory=list)
    """The content's readiness warnings (generator/check/readiness.py), shown again by such a build."""

    def to_json(self) -> tuple[str, str]:
        """The record and its units as two compact JSON texts (the fields as they are: ``dataclasses.asdict``
        deep-copied every value of 60,000 files, 2.5 s of a build at 10,000 documents). The units, every file
        of every unit, are 70 % of it: a build that finds nothing changed reads only the first text, which
        carries the digest of the second (see ``units_from_json``)."""
        units = json.dumps(
            {name: {"key": unit.key, "files": unit.files} for name, unit in self.units.items()}, separators=(",", ":")
        )
        fields = {name: value for name, value in vars(self).items() if name != "units"}
        record = json.dumps({"format": FORMAT, **fields, "units": digest(units)}, separators=(",", ":"))
        return record, units

    @classmethod
    def from_json(cls, text: str) -> tuple[BuildRecord, str] | None:
        """The record without its units, and the digest of its units' text; None when it is unreadable or from
        another format (then nothing is reused)."""
        try:
            data = json.loads(text)
            if data.pop("format") != FORMAT:
                return None
            units = data.pop("units")
            if not isinstance(units, str):
                return None
            data["files"] = {k: (int(v[0]), int(v[1])) for k, v in data["files"].items()}
            data["warnings"] = [tuple(w) for w in data["warnings"]]
            data["unfinished"] = [tuple(w) for w in data.get("unfinished", [])]
            return cls(**data), units
        except (ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def units_from_json(text: str | None, expected: str) -> dict[str, UnitRecord]:
        """The units written with a record whose units digest is ``expected``; none when the text is missing,
        unreadable or another build's (then nothing is reused)."""
        if text is None or digest(text) != expected:
            return {}
        try:
            return {name: UnitRecord(**unit) for name, unit in json.loads(text).items()}
        except (ValueError, TypeError, AttributeError):
            return {}

    def problems(self, warnings: list[tuple[str | None, int | None, str, str]] | None = None) -> list[Problem]:
        """The build's warnings (or those given) as problems."""
        found = self.warnings if warnings is None else warnings
        return [Problem(Path(p) if p else None, line, message, hint) for p, line, message, hint in found]


class PreviousBuild:
    """The previous build's output folder and record, valid only for the same global inputs."""

    def __init__(
        self, out_dir: Path, record: BuildRecord, units: Callable[[], dict[str, UnitRecord]] | None = None
    ) -> None:
        """``units``: reads the record's units when a unit is first asked for (else they are the record's)."""
        self.out_dir = out_dir
        self.record = record
        self._root = str(out_dir)
        self._units = units

    @cached_property
    def units(self) -> dict[str, UnitRecord]:
        return self._units() if self._units is not None else self.record.units

    def source(self, site_path: str) -> str:
        """The previous build's file at ``site_path`` (a string: asked for each of thousands of files)."""
        return f"{self._root}/{site_path}"

    def intact(self, site_path: str) -> bool:
        """The file is still exactly as the previous build left it (same size and modification time)."""
        expected = self.record.files.get(site_path)
        try:
            st = os.stat(self.source(site_path))
        except OSError:
            return False
        return expected is not None and (st.st_size, st.st_mtime_ns) == expected

    def reusable(self, unit: str, key: str) -> list[str] | None:
        """The unit's files when its key matches and all of them are intact, else None."""
        found = self.units.get(unit)
        if found is None or found.key != key or not all(self.intact(p) for p in found.files):
            return None
        return found.files

    def unchanged(self, sources: str) -> bool:
        """Nothing the build reads changed since this record (``BuildRecord.sources``), and the output is as
        it was left: the build need not even read the content."""
        return bool(sources) and self.record.sources == sources and self._intact_output()

    def up_to_date(self, inputs: str, site: str) -> bool:
        """The previous output is exactly what a build of these inputs produces: no file missing, changed or extra."""
        if (self.record.inputs, self.record.site) != (inputs, site):
            return False
        return self._intact_output()

    def _intact_output(self) -> bool:
        """No file missing, changed or extra: one pass over the folder, stopping at the first difference."""
        expected, found = self.record.files, 0
        for site_path, size, mtime in sizes_and_times(self._root):
            if expected.get(site_path) != (size, mtime):
                return False
            found += 1
        return found == len(expected)
