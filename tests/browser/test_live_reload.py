"""``woosite serve`` in a real browser: a saved edit reloads the open page by itself, once, with the edit."""

from __future__ import annotations

from typing import Any

from tests.test_serve import CONTENT, PAGE, TIMEOUT, Served, served

__all__ = ["served"]  # the preview fixture, shared with test_serve


def test_an_edit_reloads_the_open_page_once(served: Served, new_page: Any) -> None:
    page = new_page()
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(served.base + PAGE)
    assert "Datalab Gelderland Oost" in page.content()
    source = served.root / CONTENT
    source.write_text(
        source.read_text(encoding="utf-8").replace("Datalab Gelderland Oost", "Datalab Live"), encoding="utf-8"
    )
    page.get_by_text("Datalab Live").first.wait_for(timeout=TIMEOUT * 1000)  # waits across the reload
    # The rest of the site is rebuilt after the page was shown; the page's bytes stay the same, so the
    # browser does not reload it a second time.
    page.wait_for_timeout(3000)  # (Playwright's wait: events are handled meanwhile)
    assert len(loads) == 2, loads
