"""Markdown to HTML for section text: CommonMark with tables and definition lists, raw HTML off.

Raw HTML in content is shown as text, never executed; markdown-it refuses javascript: links.

Tables get the same look as finance tables and must obey the site's Content-Security-Policy, which
forbids inline style: ``tables`` is a post-pass over the rendered HTML (whatever Markdown engine made it)
that turns alignment attributes (``style="text-align:right"``, ``align="right"``) into classes, adds the
NL Design System table classes and wraps each table in a focusable, labelled scroll region.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from mdit_py_plugins.deflist import deflist_plugin

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_md.use(deflist_plugin)

TABLE_LABEL = "Tabel"
"""The scroll region's name when the caller gives none (the page passes its UI string)."""

_TAG = re.compile(r"<(table|thead|tbody|tr|th|td)(\s[^<>]*)?>", re.I)
_ALIGN = re.compile(
    r"""\s(?:style\s*=\s*(["'])\s*text-align\s*:\s*(left|right|center)\s*;?\s*\1|align\s*=\s*(["']?)(left|right|center)\3)""",
    re.I,
)
_STYLE = re.compile(r"""\sstyle\s*=\s*(["']).*?\1""", re.I | re.S)
_CLASSES = {
    "table": "utrecht-table",
    "thead": "utrecht-table__header",
    "tbody": "utrecht-table__body",
    "tr": "utrecht-table__row",
    "th": "utrecht-table__header-cell",
    "td": "utrecht-table__cell",
}
_ALIGN_CLASSES = {"right": "utrecht-table__cell--numeric", "center": "woosite-align-center", "left": ""}


def to_html(text: str, table_label: str = TABLE_LABEL) -> Markup:
    """Render trusted-structure, untrusted-text Markdown to safe HTML."""
    return Markup(tables(_md.render(text), table_label))


def tables(html: str, label: str = TABLE_LABEL) -> str:
    """CSP-safe, styled tables in rendered HTML: alignment as classes, no style attribute, a scroll region."""
    if "<table" not in html.lower():
        return html
    html = _TAG.sub(_classed, html)
    count = 0

    def wrap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return (
            f'<div class="table-scroll md-table" role="region" tabindex="0" aria-label="{escape(label)} {count}">'
            f"{match.group(0)}</div>"
        )

    return re.sub(r"<table\b.*?</table>", wrap, html, flags=re.S | re.I)


def _classed(match: re.Match[str]) -> str:
    tag, attributes = match.group(1).lower(), match.group(2) or ""
    classes = [_CLASSES[tag]]
    align = _ALIGN.search(attributes)
    if align:
        classes.append(_ALIGN_CLASSES[(align.group(2) or align.group(4)).lower()])
        attributes = _ALIGN.sub("", attributes)
    attributes = _STYLE.sub("", attributes)
    existing = re.search(r"""\sclass\s*=\s*(["'])(.*?)\1""", attributes, re.I)
    if existing:
        classes.insert(0, existing.group(2))
        attributes = attributes[: existing.start()] + attributes[existing.end() :]
    if tag == "th" and "scope=" not in attributes.lower():
        attributes += ' scope="col"'
    return f'<{match.group(1)} class="{" ".join(c for c in classes if c)}"{attributes}>'
