"""The pages about programmes over time and across publishers, in real Chromium: axe (WCAG 2.1 AA) at phone
and desktop width, on the example site's real comparison and on the fictional history fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Served, describe, run_axe, serve
from tests.history_project import build_copy

WIDTHS = (360, 1280)
HISTORY_PAGES = [
    "vergelijken/",
    "vergelijken/programma-4-bestuur-en-ondersteuning/",  # with per-inhabitant columns
    "noordwijk/begroting-2022/programma-4-bestuur-ondersteuning-en-dienstverlening/",  # timeline, notice, chart
    "noordwijk/begroting-2022/programma-4-bestuur-ondersteuning-en-dienstverlening/versie-1/",  # diff, old text
    "noordwijk/begroting-2022/programma-1-veiligheid/",  # withdrawn
]


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    site: Path = build_copy(tmp_path_factory.mktemp("history-browser"))
    yield from serve(site)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_example_comparison_passes_axe(example: Served, new_page: Any, axe_source: str, width: int) -> None:
    page = new_page(width=width)
    assert page.goto(example.url("vergelijken/programma-4-bestuur-en-ondersteuning/")).status == 200
    assert page.locator("h1").count() == 1
    assert page.locator(".years-differ").is_visible()
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_history_pages_pass_axe(history: Served, new_page: Any, axe_source: str, width: int) -> None:
    page = new_page(width=width)
    for path in HISTORY_PAGES:
        assert page.goto(history.url(path)).status == 200, path
        assert page.locator("h1").count() == 1
        violations = run_axe(page, axe_source)
        assert not violations, f"{path} at {width}px:\n{describe(violations)}"


FILTERS = """async () => {
  const pagefind = await import(new URL('../pagefind/pagefind.js', document.baseURI).href);
  await pagefind.init();
  const filters = await pagefind.filters();
  const found = await pagefind.search(null, {filters: {Overheid: 'gemeente Lisse'}});
  const pages = await Promise.all(found.results.map(r => r.data()));
  return {filters, urls: pages.map(p => p.url)};
}"""


def test_search_facets_publisher_kind_year_and_programme(example: Served, new_page: Any) -> None:
    """The built Pagefind index has the four filters with their counts, and filtering finds the page."""
    page = new_page()
    assert page.goto(example.url("zoeken/")).status == 200
    got = page.evaluate(FILTERS)
    filters = got["filters"]
    assert filters["Overheid"] == {
        "gemeente De Ronde Venen": 1,
        "gemeente Hillegom": 1,
        "gemeente Leidschendam-Voorburg": 1,
        "gemeente Lisse": 1,
        "gemeente Oude IJsselstreek": 1,
    }
    assert filters["Soort document"] == {"Begroting": 2, "Jaarverslag": 1, "Kadernota": 1, "Voortgangsrapportage": 1}
    assert filters["Jaar"] == {"2021": 2, "2022": 3}
    assert filters["Programma"]["Bestuur en ondersteuning"] == 2
    assert got["urls"] == ["/lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/"]
