"""Privacy and security by default, checked in the browser: no request leaves the site, no cookies,
and nothing the pages do is refused by their own Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.browser.conftest import Served
from tests.browser.pages import page_types, programme_paths


@dataclass
class Visit:
    requests: list[str]
    problems: list[str]
    """Console errors and warnings, and uncaught script errors."""
    page: Any


@pytest.fixture(scope="session")
def rich(themed_rich: Served) -> Served:
    """Every test here runs once per theme: no theme may load anything from elsewhere."""
    return themed_rich


@pytest.fixture(scope="module")
def visit(rich: Served, browser: Any) -> Iterator[Visit]:
    """Load every page type and every programme, and run a search, recording what the browser did."""
    context = browser.new_context()
    yield visit_everything(rich, context.new_page())
    context.close()


def visit_everything(served: Served, page: Any) -> Visit:
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    paths = [*page_types(served.root).values(), *programme_paths(served.root)]
    for path in paths:
        page.goto(served.url(path))
        page.wait_for_load_state("networkidle")
    page.goto(served.url(page_types(served.root)["search"]) + "?q=gemeente")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    return Visit(requests, problems, page)


def test_no_page_requests_anything_outside_the_site(visit: Visit, rich: Served) -> None:
    assert any("/pagefind/" in url for url in visit.requests), "the search did not load its index"
    outside = [url for url in visit.requests if not url.startswith(rich.origin + "/") and not url.startswith("data:")]
    assert outside == []


def test_no_cookies_and_no_policy_violations(visit: Visit) -> None:
    assert visit.page.context.cookies() == []
    assert visit.page.evaluate("document.cookie") == ""
    not_found = [p for p in visit.problems if "404 (Not Found)" in p]
    assert len(not_found) == 1, visit.problems  # the visit to a missing page, answered with the 404 page
    assert [p for p in visit.problems if p not in not_found] == []


def test_the_policy_refuses_inline_script(rich: Served, new_page: Any) -> None:
    """The CSP is really in force: a script injected into the page as markup does not run."""
    page = new_page()
    page.goto(rich.url())
    page.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';
                   document.body.append(s); }"""
    )
    assert page.evaluate("window.ran === true") is False
