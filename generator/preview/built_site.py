"""Serve a built site as its host will: below its base path, so styles and links work locally too.

A site built for ``https://www.gemeente.nl/woo/`` links to ``/woo/static/style.css``; opened from the file
system or a plain local server at ``/`` its pages look broken. ``woosite serve --site site/`` serves the
folder at that base path (read from ``woosite-build.json``), sends ``/`` there, and answers missing pages
with the site's own 404 page. No rebuilding, no reload script: exactly the files that will be published.
"""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.core.urls import NOT_FOUND
from generator.preview.host import BoundedServer


class BuiltSiteServer(BoundedServer):
    def __init__(self, address: tuple[str, int], root: Path, base_path: str) -> None:
        self.root, self.base_path = root, base_path
        super().__init__(address, partial(BuiltSiteHandler, directory=str(root)))


class BuiltSiteHandler(SimpleHTTPRequestHandler):
    server: BuiltSiteServer
    server_version = "woosite-serve"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: one line per request helps nobody here."""

    def do_GET(self) -> None:
        if self._below_base():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._below_base():
            super().do_HEAD()

    def _below_base(self) -> bool:
        """Redirect ``/`` to the base path; strip the base path from the request, or answer 404."""
        base = self.server.base_path
        path = urlsplit(self.path).path
        if any(c in unquote(path) for c in "\0\\") or not unquote(path).isprintable():
            self.send_error(HTTPStatus.BAD_REQUEST)  # a NUL made the file lookup raise; no file has these
            return False
        if base != "/" and path in ("/", base.rstrip("/")):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", base)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return False
        if not unquote(path).startswith(base):
            self.send_error(HTTPStatus.NOT_FOUND)
            return False
        self.path = "/" + self.path[len(base) :]
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Missing pages get the site's own 404 page, as on the real host."""
        page = self.server.root / NOT_FOUND
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
