"""The canonical Pagefind filter index: the same data, in one order, whatever order Pagefind wrote."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from generator.outputs import cbor, search_facets
from tests.history_project import build_copy


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(tmp_path_factory.mktemp("facets")) / "pagefind"


def _data(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    value, end = cbor.decode(raw, len(cbor.SIGNATURE))
    assert end == len(raw)
    assert cbor.SIGNATURE + cbor.encode(value) == raw  # the CBOR writer is exact
    return value


def test_filters_are_sorted_and_named_by_their_content(bundle: Path) -> None:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"]["nl"]["hash"]
    meta = _data(bundle / f"pagefind.{meta_hash}.pf_meta")
    assert isinstance(meta, list)
    filters = search_facets._filters_of(meta)
    assert filters is not None
    assert [name for name, _ in filters] == ["Jaar", "Overheid", "Programma", "Soort document"]
    assert sorted(p.stem for p in (bundle / "filter").iterdir()) == sorted(h for _, h in filters)
    for name, file_hash in filters:
        data = _data(bundle / "filter" / f"{file_hash}.pf_filter")
        assert isinstance(data, list) and data[0] == name
        values = [v[0] for v in data[1]]
        assert values == sorted(values)
        assert all(v[1] == sorted(v[1]) for v in data[1])
    overheid = next(h for n, h in filters if n == "Overheid")
    assert [v[0] for v in _data(bundle / "filter" / f"{overheid}.pf_filter")[1]] == [  # type: ignore[index]
        "gemeente Katwijk",
        "gemeente Noordwijk",
    ]


def test_canonicalising_again_changes_nothing(bundle: Path, tmp_path: Path) -> None:
    before = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    search_facets.canonicalise(bundle)
    after = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    assert after == before


def test_an_unreadable_bundle_is_left_as_pagefind_wrote_it(bundle: Path, tmp_path: Path) -> None:
    copy = tmp_path / "pagefind"
    shutil.copytree(bundle, copy)
    (copy / "pagefind-entry.json").write_text("", encoding="utf-8")  # e.g. an incomplete write
    before = {p.relative_to(copy).as_posix(): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    search_facets.canonicalise(copy)
    assert {p.relative_to(copy).as_posix(): p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
