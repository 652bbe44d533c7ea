"""Markdown to HTML for section text: CommonMark with tables and definition lists, raw HTML off.

Raw HTML in content is shown as text, never executed; markdown-it refuses javascript: links. Images are off
(``![alt](url)`` becomes a link to ``url``): content comes from exports, and a page loads nothing from
outside the site.

Elements get their NL Design System class (paragraph, lists, table, link, heading), so content looks like
every other component of the theme.

Tables get the same look as finance tables and must obey the site's Content-Security-Policy, which
forbids inline style: ``tables`` is a post-pass over the rendered HTML (whatever Markdown engine made it)
that turns alignment attributes (``style="text-align:right"``, ``align="right"``) into classes, adds the
NL Design System table classes and wraps each table in a focusable, labelled scroll region.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup, escape
from mdit_py_plugins.deflist import deflist_plugin

NLDS_CLASSES = {
    "paragraph_open": "utrecht-paragraph",
    "bullet_list_open": "utrecht-unordered-list",
    "ordered_list_open": "utrecht-ordered-list",
    "link_open": "utrecht-link utrecht-link--html-a",
}
_ITEM_CLASSES = {"bullet_list_open": "utrecht-unordered-list__item", "ordered_list_open": "utrecht-ordered-list__item"}


def _nlds_classes(state: StateCore) -> None:
    """Put the NL Design System class on every element it has a component for (lists' items by their list;
    tables get theirs in the ``tables`` post-pass)."""
    lists: list[str] = []
    for token in state.tokens:
        if token.type in _ITEM_CLASSES:
            lists.append(token.type)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open" and lists:
            token.attrJoin("class", _ITEM_CLASSES[lists[-1]])
        if token.type == "heading_open":
            token.attrJoin("class", f"utrecht-heading-{token.tag[1]}")
        elif token.type in NLDS_CLASSES:
            token.attrJoin("class", NLDS_CLASSES[token.type])
        for child in token.children or []:
            if child.type in NLDS_CLASSES:
                child.attrJoin("class", NLDS_CLASSES[child.type])


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table").disable("image")
_md.use(deflist_plugin)
_md.core.ruler.push("nlds_classes", _nlds_classes)


def render(text: str) -> str:
    """The HTML of trusted-structure, untrusted-text Markdown, before the ``tables`` post-pass (cached)."""
    html: str = _md.render(text)
    return html


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
    return Markup(tables(render(text), table_label))


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
