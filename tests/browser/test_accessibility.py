"""WCAG 2.1 AA in a real browser: axe-core on every page type, reflow at 320 px, keyboard-only use,
and screenshots at phone and desktop width (saved in test-artifacts/screenshots/THEME/ to look at).
Every test here runs once per theme (``THEMES``): the neutral default and a municipality's."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS, Served, describe, run_axe
from tests.browser.pages import page_types, programme_paths

WIDTHS = (375, 1280)


@pytest.fixture(scope="session")
def example(themed_example: Served) -> Served:
    return themed_example


@pytest.fixture(scope="session")
def rich(themed_rich: Served) -> Served:
    return themed_rich


PAGE_TYPES = ("home", "publisher", "publication", "programme", "search", "accessibility", "contact", "open_data")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", [*PAGE_TYPES, "not_found"])
def test_every_page_type_passes_axe_and_is_screenshotted(
    example: Served, new_page: Any, axe_source: str, kind: str, width: int
) -> None:
    page = new_page(width=width)
    response = page.goto(example.url(page_types(example.root)[kind]))
    assert response.status == (404 if kind == "not_found" else 200)
    page.wait_for_load_state("networkidle")
    shots = ARTIFACTS / "screenshots" / example.theme
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"{kind}-{width}.png"), full_page=True)
    assert page.locator("h1").count() == 1
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_every_programme_of_the_rich_fixture_passes_axe(rich: Served, new_page: Any, axe_source: str) -> None:
    """Nested sections, statuses, definition lists and every table layout, at both widths."""
    for width in WIDTHS:
        page = new_page(width=width)
        for path in programme_paths(rich.root):
            assert page.goto(rich.url(path)).status == 200
            slug = path.strip("/").replace("/", "_")
            shot = ARTIFACTS / "screenshots" / rich.theme / f"rich-{slug}-{width}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            violations = run_axe(page, axe_source)
            assert not violations, f"{path} at {width}px:\n{describe(violations)}"


@pytest.mark.parametrize("kind", ["home", "programme", "search", "open_data"])
def test_pages_reflow_at_320_px_without_sideways_scrolling(rich: Served, new_page: Any, kind: str) -> None:
    """WCAG 1.4.10: wide tables scroll inside their own region, the page itself never does."""
    page = new_page(width=320, height=640)
    page.goto(rich.url(page_types(rich.root)[kind]))
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a 320px screen"


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), id: el.id, cls: el.className,
          text: (el.innerText || '').trim().slice(0, 60), outline: style.outlineStyle,
          visible: el.getBoundingClientRect().width > 0};
}"""


def test_keyboard_alone_reaches_skip_link_search_and_every_link(rich: Served, new_page: Any) -> None:
    programme = next(p for p in programme_paths(rich.root) if "hillegom" in p)
    page = new_page(width=1280)
    page.goto(rich.url(programme))
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert "skip-link" in first["cls"] and first["href"] == "#inhoud"
    assert first["visible"] and first["outline"] != "none"
    focused: list[dict[str, Any]] = [first]
    for _ in range(300):
        page.keyboard.press("Tab")
        current = page.evaluate(FOCUSED)
        if current["tag"] == "body" or ("skip-link" in current["cls"] and len(focused) > 1):
            break
        assert current["outline"] != "none", f"no visible focus on {current}"
        focused.append(current)
    reached = {f["href"] for f in focused if f["tag"] == "a"}
    links = set(page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"))
    assert links - reached == set(), "links the keyboard cannot reach"
    assert any(f["id"] == "site-zoekterm" for f in focused), "the search field is not reachable"
    regions = page.locator(".table-scroll").count()
    assert sum("table-scroll" in f["cls"] for f in focused) == regions > 0


def test_skip_link_moves_focus_to_the_content(example: Served, new_page: Any) -> None:
    page = new_page(width=360)
    page.goto(example.url(page_types(example.root)["programme"]))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_print_hides_navigation_and_keeps_the_tables(example: Served, new_page: Any) -> None:
    page = new_page()
    page.goto(example.url(page_types(example.root)["programme"]))
    page.emulate_media(media="print")
    assert not page.locator(".site-search").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert page.locator("table.finance").first.is_visible()
    page.pdf(path=str(ARTIFACTS / f"programme-print-{example.theme}.pdf"))
