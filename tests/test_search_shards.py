"""A site indexed in shards gets the one search index Pagefind would write for all its pages at once.

The example project is built with the real command line twice: as it is (one Pagefind run over the site) and
with ``WOOSITE_SEARCH_SHARD_PAGES=1`` (a shard per programme page, merged by generator/outputs/search_merge.py).
Every file of both indexes is decoded and compared by meaning: page numbers differ, so pages are named by their
fragment (the page's text, which holds its URL).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import BuildError
from generator.outputs import cbor, search, search_index, search_merge
from generator.publish.build import BuildOptions, build
from tests.conftest import run_woosite
from tests.test_incremental import assert_same_tree, write_document


def index_content(bundle: Path) -> dict[str, Any]:
    """What a Pagefind index says, independent of page numbers and file names."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    ((language, info),) = entry["languages"].items()
    version, pages, chunks, filters, sorts, fields = cbor.read(bundle / f"pagefind.{info['hash']}.pf_meta")
    assert info["page_count"] == len(pages)
    names = [fragment for fragment, _count in pages]

    def by_fragment(page_list: list[list[Any]]) -> dict[str, Any]:
        found, number = {}, 0
        for item in page_list:
            number += item[0]
            found[names[number]] = [list(locations) for locations in item[1:]]
        return found

    words: dict[str, Any] = {}
    for first, last, chunk in chunks:
        (entries,) = cbor.read(bundle / "index" / f"{chunk}.pf_index")
        for word, page_list, variants in entries:
            assert word not in words, f"{word} in two chunks"
            assert first <= word[: len(first)] and word[: len(last)] <= last, f"{word} outside [{first}, {last}]"
            words[word] = (by_fragment(page_list), {form: by_fragment(p) for form, p in variants})
    facets = {}
    for _name, filter_hash in filters:
        name, values = cbor.read(bundle / "filter" / f"{filter_hash}.pf_filter")
        facets[name] = {value: sorted(names[number] for number in numbers) for value, numbers in values}
    fragments = {name: (bundle / "fragment" / f"{name}.pf_fragment").read_bytes() for name in names}
    return {
        "language": language,
        "version": version,
        "pages": sorted(map(tuple, pages)),
        "words": words,
        "filters": facets,
        "sorts": sorts,
        "fields": fields,
        "fragments": fragments,
    }


def _build(project: Path, out: str, shard_pages: str | None, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shard_pages is None:
        monkeypatch.delenv(search.SHARD_PAGES_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(search.SHARD_PAGES_VARIABLE, shard_pages)
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(project / out))
    assert result.returncode == 0, result.stderr
    return project / out


@pytest.fixture
def two_ways(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    root = project()
    one = _build(root, "one", None, monkeypatch)
    shutil.rmtree(root / ".woosite-cache")
    sharded = _build(root, "sharded", "1", monkeypatch)
    return root, one, sharded


def test_the_merged_shards_are_the_index_of_one_run(two_ways: tuple[Path, Path, Path]) -> None:
    root, one, sharded = two_ways
    programmes = len(json.loads((one / "api/index.json").read_text(encoding="utf-8"))["documents"])
    shards = [folder for folder in (root / ".woosite-cache/pagefind").iterdir() if folder.is_dir()]
    assert 1 < len(shards) <= programmes, "about a shard per programme page, each kept in the cache"
    want, got = index_content(one / "pagefind"), index_content(sharded / "pagefind")
    assert len(want["pages"]) == programmes and len(want["words"]) > 500 and want["filters"]
    for part in want:
        assert got[part] == want[part], part
    assert not search_index.problems(sharded)
    assert sorted(p.name for p in (sharded / "pagefind").iterdir() if p.is_file() and p.suffix != ".pf_meta") == sorted(
        p.name for p in (one / "pagefind").iterdir() if p.is_file() and p.suffix != ".pf_meta"
    ), "the same scripts, styles and WebAssembly"


def test_an_edit_indexes_one_shard_again_and_gives_the_clean_build(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project()
    content = root / "content"
    write_document(content, "lisse-1", "Lisse", 1, "Veiligheid", "## Doelen\n\nEen veilig dorp.\n")
    monkeypatch.setenv(search.SHARD_PAGES_VARIABLE, "2")
    monkeypatch.setattr(search_merge, "CHUNK_BYTES", (500, 5000))  # many small chunks, as on a large site
    build(BuildOptions(content_dir=content, out_dir=root / "site"))
    shards = root / ".woosite-cache/pagefind"
    before = {folder.name for folder in shards.iterdir()}
    assert len(before) > 1

    doc = content / "lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("veilig dorp", "veilig en groen dorp"), encoding="utf-8")
    result = build(BuildOptions(content_dir=content, out_dir=root / "site"))
    after = {folder.name for folder in shards.iterdir()}
    assert len(after) == len(before) and len(after - before) == 1, "only the edited page's shard is indexed again"
    fragments = [path for path in result.files if path.startswith("pagefind/fragment/")]
    assert len(set(fragments) - result.reused) == 1, "the other pages' fragments are reused, not read again"
    chunks = [path for path in result.files if path.startswith("pagefind/index/")]
    assert len(chunks) > 10 and len(set(chunks) - result.reused) < len(chunks) / 3, "chunks of unchanged words too"
    build(BuildOptions(content_dir=content, out_dir=root / "clean", clean=True, cache_dir=root / "clean-cache"))
    assert_same_tree(root / "site", root / "clean")
    assert "groen" in index_content(root / "site/pagefind")["words"]

    # Files linked from the cache twice in a row (scripts, fragments) stay reusable for the next build.
    doc.write_text(doc.read_text(encoding="utf-8").replace("groen", "schoon"), encoding="utf-8")
    again = build(BuildOptions(content_dir=content, out_dir=root / "site"))
    assert "pagefind/pagefind-ui.js" in again.reused and "static/style.css" in again.reused
    assert not [p for p in (root / "site/pagefind").iterdir() if p.name.startswith(".")], "no link left behind"


def test_a_new_document_indexes_its_own_shard_only(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The number of shards changes only when the site doubles: a document added to a site of 5 programme pages
    (8 shards of at most one page, by the hash of the page) is indexed in its shard, the others are reused; at 9
    pages the pages are spread over 16."""
    root = project()
    content = root / "content"
    monkeypatch.setenv(search.SHARD_PAGES_VARIABLE, "1")
    assert len(build(BuildOptions(content_dir=content, out_dir=root / "site")).site.documents) == 5
    shards = root / ".woosite-cache/pagefind"
    before = {folder.name for folder in shards.iterdir()}
    assert len(before) > 1

    write_document(content, "lisse-1", "Lisse", 1, "Veiligheid", "## Doelen\n\nEen veilig dorp.\n")
    build(BuildOptions(content_dir=content, out_dir=root / "site"))
    after = {folder.name for folder in shards.iterdir()}
    assert len(after - before) == 1 and len(before - after) <= 1, "one shard indexed again, the others reused"

    for n in range(2, 5):
        write_document(content, f"lisse-{n}", "Lisse", n, f"Programma {n}", "## Doelen\n\nEen dorp.\n")
    build(BuildOptions(content_dir=content, out_dir=root / "site"))
    assert len(list(shards.iterdir())) > len(after), "spread over twice as many shards"
    build(BuildOptions(content_dir=content, out_dir=root / "clean", clean=True, cache_dir=root / "clean-cache"))
    assert_same_tree(root / "site", root / "clean")


def test_an_index_of_another_format_is_not_merged(tmp_path: Path, two_ways: tuple[Path, Path, Path]) -> None:
    root, _one, _sharded = two_ways
    folder = next(f for f in (root / ".woosite-cache/pagefind").iterdir())
    bundle = tmp_path / "pagefind"
    shutil.copytree(folder / "pagefind", bundle)
    assert search_merge.read_shard(bundle) is not None
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    entry["version"] = "2.0.0"
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    assert search_merge.read_shard(bundle) is None, "a version whose format is not known here"
    shard = search_merge.read_shard(folder / "pagefind")
    assert shard is not None
    other = search_merge.read_shard(folder / "pagefind")
    assert other is not None
    other.meta_fields = [*other.meta_fields, "image"]
    assert search_merge.merge([(shard, folder / "pagefind"), (other, folder / "pagefind")]) is None


def test_two_shards_with_different_fragments_of_one_name_keep_both(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pf_fragment", tmp_path / "b.pf_fragment"
    first.write_bytes(b"one page")
    second.write_bytes(b"another page")
    taken = {"fragment/nl_1234567.pf_fragment": first}
    assert search_merge._fragment_name("nl_1234567", first, taken, "nl") == "nl_1234567"
    renamed = search_merge._fragment_name("nl_1234567", second, taken, "nl")
    assert renamed != "nl_1234567" and renamed.startswith("nl_")


def test_a_shard_pagefind_left_broken_fails_the_build_and_is_not_kept(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project()
    options = BuildOptions(content_dir=root / "content", out_dir=root / "site")
    monkeypatch.setenv(search.SHARD_PAGES_VARIABLE, "2")
    real = search._index

    def truncating(site_root: Path, bundle: Path, language: str) -> None:
        real(site_root, bundle, language)
        ui = bundle / "pagefind-ui.js"
        ui.write_bytes(ui.read_bytes()[:1000])

    monkeypatch.setattr(search, "_index", truncating)
    with pytest.raises(BuildError) as raised:
        build(options)
    assert "pagefind-ui.js" in str(raised.value) and "cut short" in str(raised.value)
    assert not (root / "site").exists()
    assert not list((root / ".woosite-cache/pagefind").iterdir()), "no broken shard is kept for the next build"
    monkeypatch.setattr(search, "_index", real)
    build(options)
    assert not search_index.problems(root / "site")
