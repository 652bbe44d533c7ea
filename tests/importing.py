"""Helpers for the import tests: the seeds and the flags each needs (as scripts/import-examples.sh gives them)."""

from __future__ import annotations

from pathlib import Path

from generator.importer.pipeline import ImportOptions, ImportResult, import_bytes
from tests.conftest import SEEDS

FLAGS: dict[str, ImportOptions] = {
    "000": ImportOptions(),
    "001": ImportOptions(kind="begroting", year=2022),
    "002": ImportOptions(kind="voortgangsrapportage", year=2022),
    "003": ImportOptions(publisher="Oude IJsselstreek"),
    "004": ImportOptions(),
}


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def import_seed(prefix: str, options: ImportOptions | None = None) -> ImportResult:
    path = seed(prefix)
    return import_bytes(path.read_bytes(), path, FLAGS[prefix] if options is None else options)
