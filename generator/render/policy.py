"""The security policy every page is written for: nothing but the site itself, no inline script.

One definition, used by the CSP ``<meta>`` tag in base.html and by the header files for hosts
(``outputs/headers.py``). ``'wasm-unsafe-eval'`` lets the search (Pagefind, WebAssembly) run; it does
not allow ``eval`` of JavaScript. ``data:`` images are the search UI's icons, inside its stylesheet.
"""

from __future__ import annotations

CSP_DIRECTIVES: dict[str, str] = {
    "default-src": "'none'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "object-src": "'none'",
}

HEADER_ONLY_DIRECTIVES: dict[str, str] = {"frame-ancestors": "'none'"}
"""Directives browsers ignore in a ``<meta>`` tag: only a real header can set them."""


def content_security_policy(*, header: bool = False) -> str:
    directives = {**CSP_DIRECTIVES, **(HEADER_ONLY_DIRECTIVES if header else {})}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": content_security_policy(header=True),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
"""Headers for every response of the site (``_headers`` and the nginx snippet)."""
