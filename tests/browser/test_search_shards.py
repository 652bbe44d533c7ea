"""In the browser, a site indexed in shards finds what the site indexed in one run finds.

The rich project (under the sub-path /woo/) is built twice with the real command line: as it is, and with
``WOOSITE_SEARCH_SHARD_PAGES=1`` (every programme page in a shard of its own, merged at build time by
generator/outputs/search_merge.py). Pagefind's own search runs on both, in Chromium.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.outputs import search
from tests.browser.conftest import Served, serve
from tests.browser.pages import page_types
from tests.conftest import RICH_PROJECT, built

QUERIES = ("Informatieveiligheid", "Cameratoezicht", "programma", "lasten", "veilig", "wonen", "inform", "xyzzy")
"""Whole words, prefixes, words in one page only (where Pagefind falls back to shorter words per index)."""
RESULT = ".pagefind-ui__result-link"
SEARCH = """async ([bundle, query]) => {
    const pagefind = await import(bundle + "pagefind.js");
    const search = await pagefind.search(query);
    const pages = await Promise.all(search.results.map((result) => result.data()));
    return {
        found: pages.map((page, i) => [page.url, Math.round(search.results[i].score * 1e6)]).sort(),
        excerpts: pages.map((page) => page.excerpt).sort(),
        filters: search.filters,
    };
}"""


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    source = tmp_path_factory.mktemp("sharded-source")
    shutil.copytree(RICH_PROJECT, source, dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(search.SHARD_PAGES_VARIABLE, "1")
        site = built(source / "content", tmp_path_factory.mktemp("sharded") / "woo")
    assert len(list((site.parent / "project/.woosite-cache/pagefind").iterdir())) > 1, "built in shards"
    yield from serve(site, prefix="woo/")


@pytest.fixture(scope="module")
def single(rich_site: Path) -> Iterator[Served]:
    yield from serve(rich_site, prefix="woo/")


def _search(site: Served, new_page: Any, query: str) -> dict[str, Any]:
    page = new_page()
    page.goto(site.url(page_types(site.root)["search"]))
    found: dict[str, Any] = page.evaluate(SEARCH, [f"{site.origin}/woo/pagefind/", query])
    return found


@pytest.mark.parametrize("query", QUERIES)
def test_every_query_finds_the_same_pages_with_the_same_scores(
    sharded: Served, single: Served, new_page: Any, query: str
) -> None:
    assert _search(sharded, new_page, query) == _search(single, new_page, query)


def test_the_search_page_finds_programmes_of_every_shard(sharded: Served, new_page: Any) -> None:
    page = new_page()
    page.goto(sharded.url(page_types(sharded.root)["search"]) + "?q=programma")
    page.locator(RESULT).first.wait_for()
    shown = page.eval_on_selector_all(RESULT, "els => els.map(e => e.getAttribute('href'))")
    expected = [url for url, _score in _search(sharded, new_page, "programma")["found"]]
    assert len(expected) > 1 and {href.split("#")[0] for href in shown} == set(expected)
