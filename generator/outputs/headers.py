"""Security headers for hosts that set them: ``_headers`` (Netlify, Cloudflare Pages) in the site, and
the same headers as an nginx snippet (``deploy/nginx-security-headers.conf`` in the repository).

The policy itself is defined once, in ``generator.render.policy``; the pages carry it as a meta tag too.
"""

from __future__ import annotations

from generator.outputs.writer import OutputWriter
from generator.render.policy import SECURITY_HEADERS
from generator.structure.site import Site

HEADERS_FILE = "_headers"


def write(site: Site, out: OutputWriter) -> None:
    out.write_text(HEADERS_FILE, netlify_headers())


def netlify_headers() -> str:
    """The ``_headers`` format: a path pattern, then indented ``Name: value`` lines."""
    lines = ["# Security headers for every file of this site (Netlify / Cloudflare Pages format).", "/*"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet() -> str:
    """``add_header`` lines for an nginx ``server`` block (include it there, not in a ``location``)."""
    lines = [
        "# Security headers for a woosite site. Generated from generator/render/policy.py by",
        "# `python -m scripts.write_nginx_headers`; include it in the server block:",
        "#   include /etc/nginx/snippets/nginx-security-headers.conf;",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items()]
    return "\n".join(lines) + "\n"
