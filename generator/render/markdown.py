"""Markdown to HTML for section text: CommonMark with tables and definition lists, raw HTML off.

Raw HTML in content is shown as text, never executed; markdown-it refuses javascript: links.

Rendering is the costliest part of a page, so a document's fragments (its intro and section texts) are
rendered once, when the document is loaded, and kept with it in the build cache (``fragments``); the
template filter looks them up by text (``Fragments``) and renders only what it was not given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.deflist import deflist_plugin

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_md.use(deflist_plugin)


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
