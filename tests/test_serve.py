"""woosite serve, driven for real: a server process on a free port, edited files, fetched pages."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGE = "oude-ijsselstreek/jaarverslag-2021/programma-4-de-dienstverlenende-gemeente/"
CONTENT = "content/oude-ijsselstreek/jaarverslag-2021/programma-4-de-dienstverlenende-gemeente.md"
TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_until(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Served:
    def __init__(self, root: Path, process: subprocess.Popen[str], port: int) -> None:
        self.root, self.process, self.base = root, process, f"http://127.0.0.1:{port}/"

    def get(self, path: str = "") -> tuple[int, str]:
        return fetch(self.base + path)

    def page_shows(self, path: str, text: str) -> Callable[[], bool]:
        return lambda: text in self.get(path)[1]


@pytest.fixture
def served(project: Callable[..., Path]) -> Iterator[Served]:
    root = project()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port), "--content", str(root / "content")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Served(root, process, port)
    try:
        wait_until(lambda: server.get()[0] == 200, "the first build to be served")
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_rebuilds_on_edits_shows_errors_and_recovers(served: Served) -> None:
    status, html = served.get(PAGE)
    assert status == 200
    assert "Datalab Gelderland Oost" in html
    assert 'src="/__woosite__/reload.js"' in html, "live reload script injected while serving"
    assert served.base + PAGE in html, "canonical URLs use the preview's own address"

    source = served.root / CONTENT
    original = source.read_text(encoding="utf-8")

    # A plain save.
    source.write_text(original.replace("Datalab Gelderland Oost", "Datalab Achterhoek"), encoding="utf-8")
    wait_until(served.page_shows(PAGE, "Datalab Achterhoek"), "the edited text")

    # An atomic save: the editor writes a temporary file and renames it over the original.
    temp = source.with_name("." + source.name + ".swp")
    temp.write_text(original.replace("Datalab Gelderland Oost", "Datalab Oost-Gelderland"), encoding="utf-8")
    os.replace(temp, source)
    wait_until(served.page_shows(PAGE, "Datalab Oost-Gelderland"), "the text saved by rename")

    # Broken front matter: every page shows the problem with file, line and fix; the server stays up.
    source.write_text(original.replace("kind: jaarverslag", "kind: [jaarverslag"), encoding="utf-8")
    wait_until(served.page_shows(PAGE, "The site could not be built"), "the error page")
    status, html = served.get(PAGE)
    assert status == 500
    assert re.search(
        r"content/oude-ijsselstreek/jaarverslag-2021/programma-4-de-dienstverlenende-gemeente\.md:\d+", html
    ), "file and line"
    assert "invalid YAML" in html
    assert "Fix:" in html
    assert "The site could not be built" in served.get("")[1], "the home page shows it too"

    # A wrong value: the page names the line that holds it.
    source.write_text(original.replace("kind: jaarverslag", "kind: jaarboek"), encoding="utf-8")
    wait_until(served.page_shows(PAGE, "jaarboek"), "the second error")
    assert "programma-4-de-dienstverlenende-gemeente.md:3" in served.get(PAGE)[1], "line 3 holds 'kind:'"

    # Fixing the file recovers by itself.
    source.write_text(original.replace("Datalab Gelderland Oost", "Datalab hersteld"), encoding="utf-8")
    wait_until(served.page_shows(PAGE, "Datalab hersteld"), "recovery after the fix")
    assert served.get(PAGE)[0] == 200

    assert not (served.root / "site").exists(), "serve never writes the published site"
    served.process.send_signal(signal.SIGTERM)
    output, _ = served.process.communicate(timeout=10)
    assert "error: " in output and "invalid YAML" in output, "the terminal shows the problem too"


def test_a_change_to_site_yaml_or_a_template_rebuilds(served: Served) -> None:
    config = served.root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("title: ", "title: Voorvertoning, "), "utf-8")
    wait_until(served.page_shows("", "Voorvertoning, Woo-publicaties"), "the new site title")

    static = served.root / "templates" / "static"
    static.mkdir(parents=True)
    (static / "extra.css").write_text("main { margin: 0; }\n", encoding="utf-8")
    wait_until(lambda: served.get("static/extra.css") == (200, "main { margin: 0; }\n"), "the new static file")


def test_the_reload_endpoint_answers_when_the_site_was_rebuilt(served: Served) -> None:
    _status, html = served.get()
    generation = html.split('data-generation="')[1].split('"')[0]
    source = served.root / CONTENT
    source.write_text(source.read_text(encoding="utf-8") + "\nNieuwe alinea.\n", encoding="utf-8")
    status, body = served.get(f"__woosite__/wait?generation={generation}")
    assert status == 200
    assert f'"generation": {generation}' not in body
    status, script = served.get("__woosite__/reload.js")
    assert status == 200 and "location.reload" in script


def test_missing_pages_get_the_sites_404_page(served: Served) -> None:
    status, html = served.get("bestaat-niet/")
    assert status == 404
    assert "reload.js" in html
    assert served.get("../../etc/passwd")[0] == 404


def test_stopping_the_server_removes_its_temporary_folder(served: Served) -> None:
    served.process.send_signal(signal.SIGTERM)
    output, _ = served.process.communicate(timeout=10)
    assert served.process.returncode == 0
    assert "Preview stopped." in output
    assert "Preview on http://127.0.0.1:" in output


def test_a_port_in_use_is_a_clear_error(project: Callable[..., Path]) -> None:
    root = project()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "--port" in result.stderr


def test_published_builds_carry_no_reload_script(example_site: Path) -> None:
    pages = list(example_site.rglob("*.html"))
    assert pages
    assert not [p for p in pages if "__woosite__" in p.read_text(encoding="utf-8")]


def test_serve_never_publishes(project: Callable[..., Path]) -> None:
    """Serving a built project and editing its content leaves site/, the build cache and the ledger as they were."""
    root = project()
    built = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr

    def published() -> dict[str, bytes]:
        kept = [root / "woo-ledger.json", *(root / "site").rglob("*"), *(root / ".woosite-cache").rglob("*")]
        return {str(p.relative_to(root)): p.read_bytes() for p in kept if p.is_file()}

    before = published()
    assert "woo-ledger.json" in before and any(p.startswith(".woosite-cache") for p in before)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Served(root, process, port)
    try:
        wait_until(lambda: server.get()[0] == 200, "the first build to be served")
        source = root / CONTENT
        source.write_text(source.read_text(encoding="utf-8").replace("Datalab Gelderland Oost", "Datalab X"), "utf-8")
        wait_until(server.page_shows(PAGE, "Datalab X"), "the edited text")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
    assert published() == before
