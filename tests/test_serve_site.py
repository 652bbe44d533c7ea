"""``woosite serve --site``: a built site served below its base path; clients that go away stay quiet."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from woo_content import build, seed_002_document, set_config, write_content

from generator.preview import host
from generator.preview.built_site import BuiltSiteServer
from generator.preview.server import PreviewServer
from generator.preview.state import PreviewState


def get(url: str) -> tuple[int, str, str]:
    """Status, final URL and text; redirects followed, as a browser does."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.url, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, url, exc.read().decode("utf-8")


def test_a_sub_path_site_is_served_below_its_base_path(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    set_config(tmp_path, base_url="https://www.gemeente.nl/woo/")
    write_content(tmp_path, "lv/moderne-overheid.md", seed_002_document())
    site = build(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--site", str(site), "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        assert f"at http://127.0.0.1:{port}/woo/" in process.stderr.readline()
        status, url, html = get(f"http://127.0.0.1:{port}/")
        assert (status, url) == (200, f"http://127.0.0.1:{port}/woo/")
        assert 'href="/woo/static/' in html
        stylesheet = html.split('href="/woo/static/', 1)[1].split('"', 1)[0]
        assert get(f"http://127.0.0.1:{port}/woo/static/{stylesheet}")[0] == 200
        status, _url, missing = get(f"http://127.0.0.1:{port}/woo/bestaat-niet/")
        assert status == 404 and missing == (site / "404.html").read_text(encoding="utf-8")
        assert get(f"http://127.0.0.1:{port}/static/{stylesheet}")[0] == 404  # not below the base path
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        process.stderr.close() if process.stderr else None


@pytest.mark.parametrize("gone", [BrokenPipeError, ConnectionResetError])
def test_a_client_that_went_away_is_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gone: type
) -> None:
    server = PreviewServer(("127.0.0.1", 0), PreviewState(tmp_path))
    try:
        try:
            raise gone(32, "client went away")
        except OSError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real bug")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert "ValueError: a real bug" in capsys.readouterr().err
    finally:
        server.server_close()


# Hostile and careless clients (issue 26): every request gets an answer, none a traceback, and the number of
# threads stays bounded however many clients hold a connection open.


def _raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(request)
        chunks = []
        while chunk := client.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture
def built_site_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[int]:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>thuis</p>", encoding="utf-8")
    server = BuiltSiteServer(("127.0.0.1", 0), tmp_path / "site", "/woo/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
        assert "Traceback" not in capsys.readouterr().err
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", ["/woo/%00", "/woo/a%00b/", "/woo/%5c..%5cetc", "/woo/%01", "/woo/%0a"])
def test_a_path_no_file_can_have_is_a_bad_request(built_site_server: int, path: str) -> None:
    answer = _raw(built_site_server, f"GET {path} HTTP/1.0\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.0 400 ")


@pytest.fixture
def preview_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[PreviewServer]:
    state = PreviewState(tmp_path)
    server = PreviewServer(("127.0.0.1", 0), state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
        assert "Traceback" not in capsys.readouterr().err
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("generation", ["9" * 5000, "%C2%B2", "--1", "1e3", "-", "%00"])
def test_a_generation_that_is_no_number_is_answered_at_once(preview_server: PreviewServer, generation: str) -> None:
    port = preview_server.server_address[1]
    answer = _raw(port, f"GET /__woosite__/wait?generation={generation} HTTP/1.0\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.0 200 ") and answer.endswith(b'{"generation": 0}')


def test_silent_clients_neither_multiply_threads_nor_block_the_others(built_site_server: int) -> None:
    before = threading.active_count()
    silent = [socket.create_connection(("127.0.0.1", built_site_server)) for _ in range(300)]
    try:
        answer = _raw(built_site_server, b"GET /woo/ HTTP/1.0\r\n\r\n")  # waits for a slot, not for ever
        assert answer.startswith(b"HTTP/1.0 200 ") and answer.endswith(b"<p>thuis</p>")
        assert threading.active_count() - before <= host.MAX_THREADS
    finally:
        for client in silent:
            client.close()
