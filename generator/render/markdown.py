"""Markdown to HTML for section text: CommonMark with tables and definition lists, raw HTML off.

Raw HTML in content is shown as text, never executed; markdown-it refuses javascript: links. Images are off
(``![alt](url)`` becomes a link to ``url``): content comes from exports, and a page loads nothing from
outside the site.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.deflist import deflist_plugin

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table").disable("image")
_md.use(deflist_plugin)


def to_html(text: str) -> Markup:
    """Render trusted-structure, untrusted-text Markdown to safe HTML."""
    return Markup(_md.render(text))
