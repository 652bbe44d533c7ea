"""Blocks and metadata -> the text of a content file: readable YAML front matter, then Markdown.

Imported prose is escaped where Markdown would read it differently than it was written (a line starting
with "1." that is not a list, "*", "#", "[", "Status:", ...), so the page shows the text as printed.
Headings are written as they are: the page shows heading titles as plain text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.importer.blocks import Block, Heading, ListBlock, Pairs, Paragraph, Table
from generator.models import FinanceTable

_INLINE = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:#{1,6}(?:\s|$)|>|[+\-=](?:\s|$)|[-=]+\s*$|~~~|:)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape(text: str) -> str:
    """Escape ``text`` so Markdown renders it literally, as one paragraph line."""
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    if _BLOCK_START.match(text):
        text = "\\" + text
    text = _ORDERED_START.sub(r"\1\\\2", text)
    if text.startswith("Status:"):
        text = "Status\\:" + text[len("Status:") :]
    return text


class _Dumper(yaml.SafeDumper):
    """Block style, with sequences indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _Flow(list[Any]):
    """A list written on one line: the values of a finance row."""


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def table_data(table: FinanceTable) -> dict[str, Any]:
    """A finance table as front-matter data: only fields that say something, values on one line."""
    data: dict[str, Any] = {"caption": table.caption, "unit": table.unit}
    if table.row_header:
        data["row_header"] = table.row_header
    if table.section:
        data["section"] = table.section
    data["columns"] = [
        {"label": c.label, "kind": c.kind, **({"added": True} if c.added else {})} for c in table.columns
    ]
    data["rows"] = [
        {"label": r.label, **({"role": r.role} if r.role else {}), "values": _Flow(r.values)} for r in table.rows
    ]
    return data


def front_matter(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=110)


def body(blocks: list[Block]) -> str:
    parts: list[str] = []
    for n, block in enumerate(blocks):
        # Two lists in a row need different markers, or Markdown joins them into one.
        follows_list = n > 0 and isinstance(blocks[n - 1], ListBlock)
        parts.append(_block(block, alternate=follows_list))
    return "\n\n".join(p for p in parts if p) + "\n"


def render(data: dict[str, Any], blocks: list[Block]) -> str:
    """The whole content file."""
    return f"---\n{front_matter(data)}---\n{body(blocks)}"


def _block(block: Block, alternate: bool = False) -> str:
    if isinstance(block, Heading):
        heading = "#" * block.level + " " + block.title
        return heading + (f"\nStatus: {block.status}" if block.status else "")
    if isinstance(block, Paragraph):
        return escape(block.text)
    if isinstance(block, ListBlock):
        if block.ordered:
            mark = ")" if alternate else "."
            return "\n".join(f"{block.start + n}{mark} {escape(item)}" for n, item in enumerate(block.items))
        bullet = "*" if alternate else "-"
        return "\n".join(f"{bullet} {escape(item)}" for item in block.items)
    if isinstance(block, Pairs):
        return "\n\n".join(f"{escape(term)}\n: {escape(value)}" for term, value in block.items)
    assert isinstance(block, Table)
    return ""
