"""Search works in the browser (Pagefind, static files only), and the page still works without it."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import ARTIFACTS, Served, describe, run_axe
from tests.browser.pages import page_types, programme_paths

RESULT = ".pagefind-ui__result-link"


def test_typing_a_word_from_the_content_finds_its_programme(rich: Served, new_page: Any, axe_source: str) -> None:
    page = new_page(width=360)
    page.goto(rich.url(page_types(rich.root)["search"]))
    box = page.get_by_role("searchbox").or_(page.locator(".pagefind-ui__search-input"))
    box.first.fill("Informatieveiligheid")
    page.locator(RESULT).first.wait_for()
    hrefs = page.eval_on_selector_all(RESULT, "els => els.map(e => e.getAttribute('href'))")
    hillegom = next(p for p in programme_paths(rich.root) if p.startswith("hillegom/"))
    assert any(href.split("#")[0] == f"/{rich.prefix}{hillegom}" for href in hrefs), hrefs
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "search-results-360.png"), full_page=True)
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_the_header_search_form_leads_to_results(rich: Served, new_page: Any) -> None:
    page = new_page()
    page.goto(rich.url())
    page.fill("#site-zoekterm", "Cameratoezicht")
    page.keyboard.press("Enter")
    page.locator(RESULT).first.wait_for()
    assert "?q=Cameratoezicht" in page.url
    assert "teylingen" in page.locator(RESULT).first.get_attribute("href")


def test_without_javascript_the_search_page_lists_every_programme(rich: Served, new_page: Any) -> None:
    page = new_page(javascript=False)
    page.goto(rich.url(page_types(rich.root)["search"]))
    assert page.locator(".notice").is_visible()
    listed = page.eval_on_selector_all("main li a", "els => els.map(e => e.getAttribute('href'))")
    assert sorted(listed) == sorted(f"/{rich.prefix}{p}" for p in programme_paths(rich.root))
