"""Blocks and metadata -> the text of a content file: readable YAML front matter, then Markdown.

Imported prose is escaped where Markdown would read it differently than it was written (a line starting
with "1." that is not a list, "*", "#", "[", "Status:", ...), so the page shows the text as printed.
Headings are written as they are: the page shows heading titles as plain text.
"""

from __future__ import annotations

import datetime
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

    def ignore_aliases(self, data: Any) -> bool:
        """Never write '&anchor'/'*alias': content files may not use them (see content/frontmatter.py)."""
        return True


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
    """The front matter as PyYAML writes it (block style, width 110); simple data is written directly.

    Writing directly is several times faster than PyYAML's emitter and gives the same text: it only takes
    data whose every string is written plain or in single quotes on one line, and hands anything else
    (long texts, special characters, text cells) to PyYAML. A test compares both on every example.
    """
    fast = _fast(data)
    return fast if fast is not None else yaml_dump(data)


def yaml_dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=110)


_PLAIN = re.compile(r"[^\W_][\w .,()/&'+?!;\-\u2013\u20ac%]*(?<! )")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_MAX_LINE = 100


class _Slow(Exception):
    """A value the direct writer leaves to PyYAML."""


def _fast(data: dict[str, Any]) -> str | None:
    out: list[str] = []
    try:
        _mapping(data, 0, out, first_prefix="")
    except _Slow:
        return None
    return "".join(out)


def _mapping(data: dict[str, Any], indent: int, out: list[str], first_prefix: str) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = first_prefix if n == 0 and first_prefix else pad
        if not isinstance(key, str) or _PLAIN.fullmatch(key) is None:
            raise _Slow
        if isinstance(value, dict):
            if not value:
                raise _Slow
            out.append(f"{lead}{key}:\n")
            _mapping(value, indent + 2, out, first_prefix="")
        elif isinstance(value, _Flow):
            line = f"{lead}{key}: [{', '.join(_flow_item(v) for v in value)}]"
            if len(line) > _MAX_LINE:
                raise _Slow
            out.append(line + "\n")
        elif isinstance(value, list):
            if not value or not all(isinstance(item, dict) and item for item in value):
                raise _Slow
            out.append(f"{lead}{key}:\n")
            for item in value:
                _mapping(item, indent + 4, out, first_prefix=" " * (indent + 2) + "- ")
        else:
            line = f"{lead}{key}: {_scalar(value)}"
            if len(line) > _MAX_LINE:
                raise _Slow
            out.append(line + "\n")


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is None and not value.microsecond:
        return value.isoformat(" ")
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str) and _PLAIN.fullmatch(value):
        if _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR:  # type: ignore[no-untyped-call]
            return value
        return f"'{value}'" if "'" not in value else _raise()
    raise _Slow


def _flow_item(value: Any) -> str:
    if value is None or isinstance(value, int):
        return _scalar(value)
    if isinstance(value, float) and value == value and abs(value) < 1e15:
        text = repr(value)
        if "e" in text or "inf" in text:
            raise _Slow
        return text
    raise _Slow


def _raise() -> str:
    raise _Slow


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
    # A table whose numbers cannot be published (or its rows that could not be placed): the lines as printed,
    # one paragraph with line breaks.
    return "\\\n".join(escape(line.clean) for line in block.kept or block.found.left_out)
