"""Markdown to HTML for section text: CommonMark with tables and definition lists, raw HTML off.

Raw HTML in content is shown as text, never executed; markdown-it refuses javascript: links.

Rendering is the costliest part of a page, so a document's fragments (its intro and section texts) are
rendered once, when the document is loaded, and kept with it in the build cache (``fragments``); the
template filter looks them up by text (``Fragments``) and renders only what it was not given.

Elements get their NL Design System class (paragraph, lists, table, link, heading), so content looks like
every other component of the theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup
from mdit_py_plugins.deflist import deflist_plugin

NLDS_CLASSES = {
    "paragraph_open": "utrecht-paragraph",
    "bullet_list_open": "utrecht-unordered-list",
    "ordered_list_open": "utrecht-ordered-list",
    "table_open": "utrecht-table",
    "thead_open": "utrecht-table__header",
    "tbody_open": "utrecht-table__body",
    "tr_open": "utrecht-table__row",
    "th_open": "utrecht-table__header-cell",
    "td_open": "utrecht-table__cell",
    "link_open": "utrecht-link utrecht-link--html-a",
}
_ITEM_CLASSES = {"bullet_list_open": "utrecht-unordered-list__item", "ordered_list_open": "utrecht-ordered-list__item"}


def _nlds_classes(state: StateCore) -> None:
    """Put the NL Design System class on every element it has a component for (lists' items by their list)."""
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


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_md.use(deflist_plugin)
_md.core.ruler.push("nlds_classes", _nlds_classes)


def render(text: str) -> str:
    """The HTML of trusted-structure, untrusted-text Markdown (any post-pass on the HTML goes here)."""
    html: str = _md.render(text)
    return html


def to_html(text: str) -> Markup:
    """Render trusted-structure, untrusted-text Markdown to safe HTML."""
    return Markup(render(text))


def fragments(texts: Iterable[str]) -> dict[str, str]:
    """Each distinct text with its HTML: what a document's page will ask the ``markdown`` filter for."""
    return {text: render(text) for text in dict.fromkeys(texts)}


class Fragments:
    """The ``markdown`` filter of one build: pre-rendered fragments by text, the rest rendered on demand."""

    def __init__(self, known: Iterable[Mapping[str, str]] = ()) -> None:
        self.known: dict[str, str] = {}
        for table in known:
            self.known.update(table)

    def __call__(self, text: str) -> Markup:
        found = self.known.get(text)
        return Markup(found) if found is not None else to_html(text)
