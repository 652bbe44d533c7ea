"""An HTTP server for the preview: the built folder as a static host would serve it, plus live reload.

Every HTML page gets a small same-origin script that long-polls ``/__woosite__/wait`` and reloads when
the site was rebuilt; it is added while serving, so the built files stay exactly as ``woosite build``
makes them. After a failed build every page shows the problems instead (file, line, fix).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import re
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from generator.core import translation
from generator.preview.host import BoundedServer
from generator.preview.state import PreviewState

ASSETS = Path(__file__).resolve().parent
PREFIX = "/__woosite__/"
WAIT_SECONDS = 20.0
DIGEST_HEADER = "X-Woosite-Digest"
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_GENERATION = re.compile(r"-?[0-9]{1,18}", re.ASCII)


@cache
def _templates() -> Environment:
    """The error page's words come from the message catalog, in the language the messages speak."""
    env = Environment(
        loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(default=True), extensions=["jinja2.ext.i18n"]
    )
    env.install_gettext_callables(translation._, translation.ngettext, newstyle=False)  # type: ignore[attr-defined]
    return env


def snippet(generation: int, digest: str = "") -> str:
    return _templates().get_template("snippet.html").render(generation=generation, digest=digest)


def error_page(state: PreviewState, generation: int) -> bytes:
    html = (
        _templates()
        .get_template("error.html")
        .render(problems=state.problems, snippet=Markup(snippet(generation)), language=translation.current())
    )
    return html.encode("utf-8")


def inject(html: bytes, generation: int, digest: str = "") -> bytes:
    """Add the reload script before the last ``</body>`` (or at the end)."""
    script = snippet(generation, digest).encode("utf-8")
    matches = list(_BODY_END.finditer(html))
    at = matches[-1].start() if matches else len(html)
    return html[:at] + script + html[at:]


class PreviewServer(BoundedServer):
    def __init__(self, address: tuple[str, int], state: PreviewState) -> None:
        self.state = state
        super().__init__(address, PreviewHandler)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "woosite-preview"

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each in the terminal; build results are."""

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        if url.path == PREFIX + "wait":
            since = parse_qs(url.query).get("generation", ["-1"])[0]
            known = int(since) if _GENERATION.fullmatch(since) else -1  # "²", "--1", 5,000 digits: unknown
            current = state.wait_for_change(known, WAIT_SECONDS)
            self._send(HTTPStatus.OK, "application/json", json.dumps({"generation": current}).encode())
        elif url.path in (PREFIX + "reload.js", PREFIX + "error.css"):
            asset = ASSETS / url.path.removeprefix(PREFIX)
            self._send(HTTPStatus.OK, _content_type(asset), asset.read_bytes())
        else:
            self._serve_site(url.path)

    def _serve_site(self, url_path: str) -> None:
        state = self.server.state
        state.wait_until_built(timeout=30)
        generation = state.generation
        file = _site_file(state.out_dir, url_path)
        early = state.early_file(file.relative_to(state.out_dir).as_posix()) if file is not None else None
        if early is not None:  # an edited document, from the build still running
            with contextlib.suppress(OSError):  # swapped in meanwhile: then from the site folder below
                self._send_file(HTTPStatus.OK, early, early.read_bytes(), generation)
                return
        if state.problems and (file is None or file.suffix == ".html" or file.is_dir()):
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", error_page(state, generation))
            return
        if file is not None and file.is_dir():
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if file is None or not file.is_file():
            status, file = HTTPStatus.NOT_FOUND, state.out_dir / "404.html"
            if not file.is_file():
                self._send(status, "text/plain; charset=utf-8", b"404 not found\n")
                return
        try:
            data = file.read_bytes()
        except OSError:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"404 not found\n")
            return
        self._send_file(status, file, data, generation)

    def _send_file(self, status: HTTPStatus, file: Path, data: bytes, generation: int) -> None:
        """A page gets the reload script and the digest of its bytes as built: after a rebuild the browser
        reloads only a page whose bytes changed (``reload.js`` asks for the digest first)."""
        kind = _content_type(file)
        if not kind.startswith("text/html"):
            self._send(status, kind, data)
            return
        digest = hashlib.sha256(data).hexdigest()[:16]
        self._send(status, kind, inject(data, generation, digest), digest)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, digest: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if digest:
            self.send_header(DIGEST_HEADER, digest)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _site_file(root: Path, url_path: str) -> Path | None:
    """The file serving a URL path (folders serve their index.html); None for paths outside the site."""
    parts = [p for p in unquote(url_path).split("/") if p]
    if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
        return None
    target = root.joinpath(*parts)
    if url_path.endswith("/") or not parts:
        target = target / "index.html"
    if not target.resolve().is_relative_to(root.resolve()):  # a symbolic link out of the site
        return None
    return target


def _content_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return (
        f"{kind}; charset=utf-8"
        if kind.startswith("text/") or kind in ("application/json", "application/javascript")
        else kind
    )
