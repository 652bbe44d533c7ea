"""Real headless Chromium (Debian's, never a downloaded one) against the built sites, served over HTTP.

One browser per test session; every test gets a fresh context (no shared cookies or cache). The local
server applies the security headers the build writes in ``_headers``, as a static host would, and
answers unknown paths with the site's 404 page. Missing Chromium or axe-core is a failure, not a skip:
``scripts/setup.sh test`` installs both.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.conftest import MUNICIPAL_THEME, ROOT

CHROMIUM = Path(os.environ.get("WOOSITE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
RICH_PREFIX = "woo/"
"""The rich site's base_url is https://test.example.org/woo/: it is served under a sub-path, and
``rich_site`` builds it into a folder of that name."""
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
THEMES = ("woosite", MUNICIPAL_THEME)
"""The themes the accessibility, keyboard, reflow, print and privacy tests run on: the neutral default and
a municipality's real token package. Same content, other tokens: every one must pass."""


def _headers_file(root: Path) -> list[tuple[str, str]]:
    """The ``/*`` headers of a Netlify-style ``_headers`` file."""
    headers: list[tuple[str, str]] = []
    path = root / "_headers"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and ":" in line:
                name, _, value = line.strip().partition(":")
                headers.append((name.strip(), value.strip()))
    return headers


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a built site like a static host: its ``_headers``, its 404 page, no logging noise."""

    site_headers: ClassVar[list[tuple[str, str]]] = []
    not_found: ClassVar[Path]

    def end_headers(self) -> None:
        for name, value in self.site_headers:
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Served:
    root: Path
    """The built site."""
    origin: str
    prefix: str = ""
    """The sub-path the site is deployed under ("woo/"), as its base_url says."""
    theme: str = THEMES[0]
    """The theme the site was built with (screenshots are filed under it)."""

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{self.prefix}{path}"


@functools.cache
def _mime_types() -> dict[str, str]:
    return {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".pagefind": "application/octet-stream",
    }


def serve(root: Path, prefix: str = "", theme: str = THEMES[0]) -> Iterator[Served]:
    """Serve the site in ``root`` on a free port of 127.0.0.1 from a background thread; with ``prefix``
    ("woo/") the site is at that sub-path, so ``root`` must be a folder of that name."""
    docroot = root.parent if prefix else root
    assert not prefix or root.name == prefix.strip("/")
    handler = type(
        "Handler",
        (_SiteHandler,),
        {"site_headers": _headers_file(root), "extensions_map": _mime_types(), "not_found": root / "404.html"},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(docroot)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_address[1]}", prefix, theme)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def example(example_site: Path) -> Iterator[Served]:
    """The bundled example content, built and served."""
    yield from serve(example_site)


@pytest.fixture(scope="session")
def rich(rich_site: Path) -> Iterator[Served]:
    yield from serve(rich_site, RICH_PREFIX)


@pytest.fixture(scope="session", params=THEMES)
def themed_example(request: pytest.FixtureRequest) -> Iterator[Served]:
    """The example site once per theme (a test module uses it as its ``example``)."""
    site = request.getfixturevalue("example_site" if request.param == THEMES[0] else "example_site_municipal")
    yield from serve(site, theme=request.param)


@pytest.fixture(scope="session", params=THEMES)
def themed_rich(request: pytest.FixtureRequest) -> Iterator[Served]:
    """The rich fixture site once per theme."""
    site = request.getfixturevalue("rich_site" if request.param == THEMES[0] else "rich_site_municipal")
    yield from serve(site, RICH_PREFIX, request.param)


@pytest.fixture(scope="session")
def hostile(hostile_site: Path) -> Iterator[Served]:
    """The site made of script-injection vectors (tests/hostile.py), built and served."""
    yield from serve(hostile_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole session."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need it. Install it with "
            "'bash scripts/setup.sh test' (Debian package chromium), or set WOOSITE_CHROMIUM to its path.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"axe-core not found at {AXE}: run 'npm ci' in the repository (or 'bash scripts/setup.sh test').",
            pytrace=False,
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """Make pages in fresh browser contexts: ``new_page(width=360, javascript=True)``."""
    contexts: list[Any] = []

    def make(width: int = 1280, height: int = 900, javascript: bool = True) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript, locale="nl-NL"
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """Run axe-core in ``page`` with the WCAG 2.1 A and AA rules; return its violations."""
    page.evaluate(axe_source)  # through DevTools: the page's CSP (rightly) refuses inline script
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(node["target"]) for node in v["nodes"][:5])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)
