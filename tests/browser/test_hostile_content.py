"""No vector of ``tests/hostile.py`` runs in Chromium: every page of the hostile site (and a search over it)
loaded with its CSP, recording dialogs, ``securitypolicyviolation`` events, console errors and requests, and
loaded again with the CSP switched off, so the escaping alone is tested, not only the policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.browser.conftest import Served
from tests.hostile import VECTORS

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@dataclass
class Run:
    pages: int = 0
    dialogs: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def _visit_all(served: Served, browser: Any, bypass_csp: bool) -> Run:
    run = Run()
    context = browser.new_context(bypass_csp=bypass_csp)
    try:
        page = context.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("dialog", lambda d: (run.dialogs.append(f"{d.type}: {d.message} on {page.url}"), d.dismiss()))
        page.on("console", lambda m: run.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: run.errors.append(str(error)))
        page.on(
            "request",
            lambda r: None if r.url.startswith((served.origin + "/", "data:")) else run.outside.append(r.url),
        )
        paths = sorted(p.relative_to(served.root).as_posix() for p in served.root.rglob("*.html"))
        for path in paths:
            page.goto(served.url(path.removesuffix("index.html")), wait_until="load")
            run.violations += page.evaluate("window.__violations")
            run.pages += 1
        for word in ("alert", "onerror"):
            page.goto(served.url("zoeken/") + f"?q={word}")
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=90_000)
            page.wait_for_timeout(300)  # let every result's excerpt render
            run.violations += page.evaluate("window.__violations")
    finally:
        context.close()
    return run


@pytest.fixture(scope="module", params=[False, True], ids=["with-csp", "csp-off"])
def hostile_run(request: pytest.FixtureRequest, hostile: Served, browser: Any) -> Run:
    return _visit_all(hostile, browser, bypass_csp=request.param)


def test_no_dialog_opens_on_any_page(hostile_run: Run) -> None:
    assert hostile_run.pages > len(VECTORS)
    assert hostile_run.dialogs == []


def test_nothing_is_refused_by_the_policy(hostile_run: Run) -> None:
    """No injected script, style, frame or image reached the page for the CSP to refuse."""
    assert hostile_run.violations == []
    assert [e for e in hostile_run.errors if "Content Security Policy" in e] == []


def test_no_request_leaves_the_site(hostile_run: Run) -> None:
    assert hostile_run.outside == []
