"""The Markdown body of a content file -> intro text and a tree of sections.

Headings (``##`` .. ``######``) start sections; a line ``Status: G`` right under a heading is that
section's status (the traffic light of a goal). Section text stays Markdown, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from generator.models import Section

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_STATUS = re.compile(r"^Status:\s*(\S.*?)\s*$")


@cache
def _parser() -> MarkdownIt:
    """The block parser, made when a body is first read (a build that finds nothing changed reads none)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    parser.core.ruler.disable("inline")  # headings are found by the block pass; their text stays Markdown
    return parser


@dataclass
class ParsedBody:
    intro: str
    sections: list[Section]
    heading_lines: dict[str, int] = field(default_factory=dict)
    """File line of each section title, for error messages about sections."""
    h1_lines: list[int] = field(default_factory=list)


def parse_body(body: str, first_line: int = 1) -> ParsedBody:
    """Split ``body`` at its headings; ``first_line`` is the file line of the body's first line."""
    lines = body.splitlines()
    headings: list[tuple[int, int, str]] = []  # (body line index, level, title)
    tokens = _parser().parse(body)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            headings.append((token.map[0], int(token.tag[1]), tokens[i + 1].content.strip()))

    result = ParsedBody(intro="", sections=[])
    end = headings[0][0] if headings else len(lines)
    result.intro = _clean("\n".join(lines[:end]))
    stack: list[Section] = []
    for n, (start, level, title) in enumerate(headings):
        stop = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        text = _clean("\n".join(lines[start + 1 : stop]))
        status = None
        first, _, rest = text.partition("\n")
        match = _STATUS.match(first)
        if match:
            status, text = match.group(1), _clean(rest)
        if level == 1:
            result.h1_lines.append(first_line + start)
            level = 2
        section = Section(title=title, level=level, text=text, status=status)
        result.heading_lines.setdefault(title, first_line + start)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].sections if stack else result.sections).append(section)
        stack.append(section)
    return result


def _clean(text: str) -> str:
    """Drop the blank lines around a block of Markdown."""
    return text.strip("\n").rstrip()


def walk(sections: list[Section]) -> list[Section]:
    """All sections, depth first."""
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(walk(s.sections))
    return out
