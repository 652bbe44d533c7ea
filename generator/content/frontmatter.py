"""Split a content file into YAML front matter and Markdown body, keeping line numbers.

YAML is read with a safe loader only (no Python objects); the node tree it composes keeps the marks that
let any validation error point at the line that holds the offending value.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.core import limits
from generator.core.errors import ContentError, Problem, WoositeError
from generator.core.translation import _

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe loader, in C when libyaml is present: a tenth of the time on large sites."""


@dataclass(frozen=True)
class SplitFile:
    """A content file cut in two; ``body_line`` is the file line number of the body's first line."""

    data: dict[str, Any]
    node: yaml.MappingNode | None
    body: str
    body_line: int


class ContentYamlLoader(_SAFE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, leaving dates as text so pydantic validates them and errors get a line."""


ContentYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class RefusedYaml(yaml.MarkedYAMLError):
    """Valid YAML that content may not use: aliases (a few hundred bytes can expand to gigabytes), duplicate
    keys (the last one would silently win), control characters XML cannot hold, numbers too long to read."""

    def __init__(self, mark: yaml.Mark, problem: str, hint: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely, once; return the data and the node tree (for line numbers).

    The node tree is checked before any value is built (see ``refuse_aliases_and_duplicates``), so this
    works the same with the pure-Python and the libyaml loader and never expands an alias bomb.
    """
    loader = ContentYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            refuse_aliases_and_duplicates(node)
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def yaml_problem(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> tuple[int, str, str]:
    """(file line, message, fix) for a YAML syntax error; a tab is named as such, since it cannot be seen."""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + first_line) if mark else first_line
    problem = (exc.problem or _("invalid YAML")).strip()
    if isinstance(exc, RefusedYaml):
        return line, problem, exc.hint
    lines = text.splitlines()
    at = mark.line if mark else 0
    if "\t" in (lines[at] if 0 <= at < len(lines) else "") or "'\\t'" in problem:
        return (
            line,
            _("a tab character in the YAML (invalid YAML: {problem})").format(problem=problem),
            _("replace the tab with spaces"),
        )
    return (
        line,
        _("invalid YAML: {problem}").format(problem=problem),
        _("check indentation and put text containing ':' or '#' in quotes"),
    )


def refuse_aliases_and_duplicates(root: yaml.Node) -> None:
    """Raise RefusedYaml at the first alias (a node reached twice in the composed tree), duplicate key,
    merge key, control character XML cannot hold, or number too long to read.

    Composing is linear in the text (an alias is the same node object again); only constructing the
    values expands it, so the walk stops at the first node seen twice.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise RefusedYaml(
                node.start_mark,
                _("a YAML anchor ('&name') repeated by an alias ('*name')"),
                _("write the value out where it is needed; content files may not use anchors and aliases"),
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, _value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.tag == _MERGE_TAG:
                        raise RefusedYaml(
                            key.start_mark,
                            _("a YAML merge key ('<<:') would silently replace the fields around it"),
                            _("write the fields themselves; content files may not merge groups"),
                        )
                    if key.value in keys:
                        raise RefusedYaml(
                            key.start_mark,
                            _("the field '{key_value}' appears twice in one group").format(
                                key_value=shorten(key.value)
                            ),
                            _("keep one of them; YAML would silently use the last"),
                        )
                    keys.add(key.value)
            stack += [child for pair in reversed(node.value) for child in reversed(pair)]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)
        elif isinstance(node, yaml.ScalarNode):
            _refuse_bad_scalar(node)


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (the DiWoo metadata, sitemaps, feed): control characters, surrogates."""
MAX_DIGITS = 30
"""A number in a content file has at most this many digits (Python refuses to read over 4,300)."""
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_MERGE_TAG = "tag:yaml.org,2002:merge"


def invisible_control(text: str) -> re.Match[str] | None:
    """The first character of ``text`` that no XML output can hold, if any."""
    return _NOT_IN_XML.search(text)


def _refuse_bad_scalar(node: yaml.ScalarNode) -> None:
    found = invisible_control(node.value)
    if found:
        raise RefusedYaml(
            node.start_mark,
            _("a control character U+{ord:04X} in '{node_value}'").format(
                ord=ord(found.group()), node_value=shorten(node.value)
            ),
            _("delete it: it is invisible and cannot be published in XML"),
        )
    if node.tag in _NUMBER_TAGS and sum(c.isdigit() for c in node.value) > MAX_DIGITS:
        raise RefusedYaml(
            node.start_mark,
            _("a number with more than {max_digits} digits ('{node_value}')").format(
                max_digits=MAX_DIGITS, node_value=shorten(node.value, 20)
            ),
            _("check the number; amounts go in the table's unit, e.g. unit: 1000"),
        )


def shorten(value: object, limit: int = 60) -> str:
    """A value as text for a message, cut to ``limit`` characters: never print an unbounded value."""
    text = value if isinstance(value, str) else reprlib.repr(value)
    text = _NOT_IN_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FrontMatterError(ValueError):
    """The front matter is missing or is not valid YAML; carries the file line."""

    def __init__(self, line: int, message: str, hint: str) -> None:
        self.line, self.message, self.hint = line, message, hint
        super().__init__(message)


def split(text: str) -> SplitFile:
    """Parse ``---\\n<yaml>\\n---\\n<body>``. Line 1 must be ``---``."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            1,
            _("the file does not start with front matter"),
            _("put a line '---', the YAML fields, and another '---' at the top"),
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError(1, _("the front matter is not closed"), _("add a line '---' after the last YAML field"))
    yaml_text = "".join(lines[1:end])
    try:
        data, node = load_yaml(yaml_text)
    except yaml.MarkedYAMLError as exc:
        line, message, hint = yaml_problem(exc, yaml_text, first_line=2)
        raise FrontMatterError(line, message, hint) from exc
    except yaml.YAMLError as exc:  # e.g. a character the YAML reader refuses
        raise FrontMatterError(2, _("invalid YAML"), _("check the front matter for unusual characters")) from exc
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict) or not (node is None or isinstance(node, yaml.MappingNode)):
        raise FrontMatterError(
            2,
            _("the front matter must be a list of 'field: value' lines"),
            _("write e.g. 'kind: begroting' on its own line"),
        )
    return SplitFile(data=data, node=node, body="".join(lines[end + 1 :]), body_line=end + 2)


def line_of(node: yaml.Node | None, loc: tuple[int | str, ...], first_line: int = 2) -> int:
    """File line of the value at ``loc`` (a pydantic error location), or of its nearest parent.

    ``first_line`` is the file line of the YAML text's first line: 2 below a '---' line, 1 in site.yaml.
    """
    if node is None:
        return first_line
    current: yaml.Node = node
    for key in loc:
        child: yaml.Node | None = None
        if isinstance(current, yaml.MappingNode) and isinstance(key, str):
            child = next((v for k, v in current.value if getattr(k, "value", None) == key), None)
            if child is not None and isinstance(child, yaml.ScalarNode):
                return child.start_mark.line + first_line
        elif isinstance(current, yaml.SequenceNode) and isinstance(key, int) and key < len(current.value):
            child = current.value[key]
        if child is None:
            break
        current = child
    return current.start_mark.line + first_line


def decode(raw: bytes, path: Path) -> str:
    """A project file's bytes as text: UTF-8 with or without a byte-order mark, ``\n`` line ends."""
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            Problem(path, line, _("the file is not UTF-8 text"), _("save it as UTF-8 in your editor"))
        ) from exc


def read_yaml_file(path: Path, error: type[WoositeError] = ContentError) -> tuple[Any, yaml.Node | None]:
    """A YAML file of the project (site.yaml, the redaction list, UI strings): read within the size limit,
    decoded, parsed safely (``load_yaml``); a syntax error is one problem with its line, raised as ``error``."""
    text = decode(limits.read_bytes(path), path)
    try:
        return load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        line, message, hint = yaml_problem(exc, text, first_line=1)
        raise error(Problem(path, line, message, hint)) from exc
