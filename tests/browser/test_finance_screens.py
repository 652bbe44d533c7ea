"""Finance a citizen can read on any screen, checked in Chromium: captions and units never cut off at 320
and 375 px, the label column stays in view while the amounts scroll, a visible cue when a table is wider
than the screen, Markdown tables without CSP violations, charts that say voordelig or nadelig, and the
publication facts on the pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS, Served
from tests.browser.pages import page_types, programme_paths

TABLES = """() => [...document.querySelectorAll('.finance-block, .md-table')].map(block => {
  const scroller = block.matches('.table-scroll') ? block : block.querySelector('.table-scroll');
  const caption = block.querySelector('.finance-caption');
  const cue = scroller.querySelector('.scroll-cue');
  const cut = [...scroller.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1)
    .map(c => c.innerText);
  const rect = caption ? caption.getBoundingClientRect() : null;
  return {id: block.id, overflows: scroller.scrollWidth > scroller.clientWidth + 1, cut,
          caption: caption && {visible: rect.width > 0 && rect.height > 0, left: rect.left, right: rect.right,
                               overflow: caption.scrollWidth - caption.clientWidth, text: caption.innerText},
          cue: cue ? cue.getBoundingClientRect().height > 0 : null};
})"""

SETTLED = """() => [...document.querySelectorAll('.table-scroll')].every(scroller => {
  const cue = scroller.querySelector('.scroll-cue');
  if (!cue) return true;
  const overflows = scroller.scrollWidth > scroller.clientWidth + 1;
  return overflows === cue.getBoundingClientRect().height > 0;
})"""
"""Whether every scroll cue shows exactly when its table overflows: the scroll-state container query that shows
it is applied after layout, a frame or more after the page loaded (later still on a busy machine)."""


def settle(page: Any) -> None:
    """Wait until the cues follow their tables (at most 5 s; if they never do, the assertions say which)."""
    try:
        page.wait_for_function(SETTLED, timeout=5000)
    except Exception as exc:  # Playwright's TimeoutError
        if "Timeout" not in type(exc).__name__:
            raise


STICKY = """id => {
  const scroller = document.querySelector('#' + id + ' .table-scroll');
  scroller.scrollLeft = scroller.scrollWidth;
  const label = scroller.querySelector('tbody th');
  const left = label.getBoundingClientRect().left - scroller.getBoundingClientRect().left;
  return {scrolled: scroller.scrollLeft, label: left};
}"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("site", ["example", "rich"])
def test_finance_tables_fit_or_scroll_with_caption_cue_and_sticky_labels(
    site: str, width: int, request: pytest.FixtureRequest, new_page: Any
) -> None:
    served: Served = request.getfixturevalue(site)
    page = new_page(width=width, height=800)
    seen = 0
    for path in programme_paths(served.root):
        page.goto(served.url(path))
        settle(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
        for table in page.evaluate(TABLES):
            seen += 1
            where = f"{path} {table['id'] or 'markdown table'} at {width}px"
            assert table["cut"] == [], f"{where}: text cut off in {table['cut']}"
            if table["caption"]:
                caption = table["caption"]
                assert caption["visible"] and caption["overflow"] <= 0, where
                assert caption["left"] >= 0 and caption["right"] <= width, f"{where}: caption off screen"
                assert "bedragen" in caption["text"] or "%" not in caption["text"], where
            if table["overflows"]:
                assert table["cue"] in (True, None), f"{where}: wider than the screen but no scroll cue"
                if table["id"]:
                    sticky = page.evaluate(STICKY, table["id"])
                    assert sticky["scrolled"] > 0 and abs(sticky["label"]) <= 1, f"{where}: label column scrolled away"
            else:
                assert table["cue"] in (False, None), f"{where}: a scroll cue although the table fits"
        slug = path.strip("/").replace("/", "_")
        page.screenshot(path=str(ARTIFACTS / "screenshots" / f"finance-{site}-{slug}-{width}.png"), full_page=True)
    assert seen > 0


def test_a_wide_table_shows_the_cue_and_keeps_its_labels_in_view(rich: Served, new_page: Any) -> None:
    """The four-column Leidschendam table cannot fit 320 px: it must scroll, with the cue, labels sticky."""
    path = next(p for p in programme_paths(rich.root) if "leidschendam" in p)
    page = new_page(width=320)
    page.goto(rich.url(path))
    settle(page)
    tables = {t["id"]: t for t in page.evaluate(TABLES)}
    assert tables["tabel-1"]["overflows"] and tables["tabel-1"]["cue"]
    assert page.locator("#tabel-1 .scroll-cue").inner_text().startswith("De tabel is breder dan het scherm")
    sticky = page.evaluate(STICKY, "tabel-1")
    assert sticky["scrolled"] > 0 and abs(sticky["label"]) <= 1


RECORD_CSP = (
    "window.__csp = []; document.addEventListener('securitypolicyviolation', "
    "e => window.__csp.push(e.violatedDirective + ' ' + (e.sample || '')));"
)


def test_markdown_tables_are_styled_and_cause_no_csp_violation(rich: Served, new_page: Any) -> None:
    path = next(p for p in programme_paths(rich.root) if "teylingen" in p)
    page = new_page(width=375)
    page.add_init_script(RECORD_CSP)
    page.goto(rich.url(path))
    page.wait_for_load_state("networkidle")
    table = page.locator(".md-table table.utrecht-table")
    assert table.count() == 1
    assert page.locator("[style]").count() == 0
    amount = table.locator("tbody tr").first.locator("td").nth(1)
    assert amount.inner_text() == "250"
    assert amount.evaluate("c => getComputedStyle(c).textAlign") == "right"
    assert table.locator("td").nth(2).evaluate("c => getComputedStyle(c).textAlign") == "center"
    assert table.evaluate("t => getComputedStyle(t.querySelector('th')).borderBottomStyle") == "solid"
    assert page.locator(".md-table").get_attribute("tabindex") == "0"
    assert page.evaluate("window.__csp") == []
    # The listener does see a violation: an inline style attribute added now is refused and recorded.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_function("window.__csp.length > 0")


def test_the_afwijking_gets_its_own_chart_with_voordelig_and_nadelig(example: Served, new_page: Any) -> None:
    path = next(p for p in programme_paths(example.root) if "jaarverslag" in p)
    page = new_page(width=375)
    page.goto(example.url(path))
    totals, differences = page.locator("#tabel-1 figure.chart").all()
    assert totals.locator(".chart-question").inner_text() == "Lasten en baten per kolom, op één schaal"
    assert "Afwijking" not in totals.inner_text()  # not on the scale of the totals
    texts = differences.locator(".bar-text").all_inner_texts()
    assert texts == ["Baten: € 201.000, voordelig", "Lasten: € 278.000, nadelig", "Saldo: € −77.000, nadelig"]
    assert all("€" in t for t in totals.locator(".bar-text").all_inner_texts())
    fills = [b.evaluate("r => getComputedStyle(r).fill") for b in differences.locator("rect").all()]
    assert fills[0] != fills[1] and fills[1] == fills[2] == "rgb(255, 255, 255)"  # nadelig: an open bar
    notes = page.locator("#tabel-1 .table-notes").inner_text()
    assert "Afwijking (tov begroot na wijziging) is Rekening 2021 min Begroot na wijziging 2021" in notes
    # The heading already says "Wat heeft het gekost in 2021?": the caption does not show it again.
    visible = page.locator("#tabel-1 .finance-caption").evaluate(
        "p => [...p.childNodes].filter(n => !(n.classList && n.classList.contains('visually-hidden')))"
        ".map(n => n.textContent).join('')"
    )
    assert visible.split() == ["Tabel", "1", "(bedragen", "x", "€", "1.000)"]
    assert page.locator("#tabel-1 caption").text_content().startswith("Tabel 1: Wat heeft het gekost in 2021?")


def test_one_row_is_one_chart_and_added_labels_are_marked(example: Served, new_page: Any) -> None:
    paths = programme_paths(example.root)
    page = new_page(width=1280)
    page.goto(example.url(next(p for p in paths if "leidschendam" in p)))
    assert page.locator("#tabel-1 figure.chart").count() == 1
    assert page.locator("#tabel-1 figure.chart .bar-text").count() == 4
    page.goto(example.url(next(p for p in paths if "lisse" in p)))
    headers = page.locator("#tabel-1 thead th").all_inner_texts()
    assert headers == ["kolom zonder kop", "Bedrag (kolom zonder kop)", "Percentage (kolom zonder kop)"]
    saldo = page.locator("#tabel-1 tr.computed")
    assert saldo.locator("th").inner_text() == "Saldo (berekend)"
    assert saldo.locator("td").first.inner_text() == "−1.605.000"
    assert (
        "zegt niet waarvan de kolom Percentage een percentage is" in page.locator("#tabel-1 .table-notes").inner_text()
    )


def test_publication_facts_and_document_lists(example: Served, new_page: Any) -> None:
    page = new_page(width=1280)
    for path in programme_paths(example.root):
        page.goto(example.url(path))
        facts = page.locator("dl.pub-facts").inner_text()
        for term in ("Gepubliceerd op deze site", "Vastgesteld", "Informatiecategorie (Woo)"):
            assert term in facts, path
        assert "jaarplannen en jaarverslagen" in facts
        assert page.locator("a[href$='.xlsx']").count() == (1 if page.locator(".finance-block").count() else 0)
    types = page_types(example.root)
    page.goto(example.url(types["publication"]))
    assert "bestaat uit de volgende" not in page.locator("main").inner_text()
    assert "één programma" in page.locator("main").inner_text()
    page.goto(example.url(""))
    cards = page.locator(".doc-cards > li")
    assert cards.count() == len(programme_paths(example.root))
    home = page.locator("main").inner_text()
    assert "Saldo Rekening 2021: € −4.818.000" in home and "Gepubliceerd 8 februari 2021" in home
