"""Split a content file into YAML front matter and Markdown body, keeping line numbers.

YAML is read with a safe loader only (no Python objects); the node tree it composes keeps the marks that
let any validation error point at the line that holds the offending value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

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


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely, once; return the data and the node tree (for line numbers)."""
    loader = ContentYamlLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def yaml_problem(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> tuple[int, str, str]:
    """(file line, message, fix) for a YAML syntax error; a tab is named as such, since it cannot be seen."""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + first_line) if mark else first_line
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    at = mark.line if mark else 0
    if "\t" in (lines[at] if 0 <= at < len(lines) else "") or "'\\t'" in problem:
        return line, "a tab character in the YAML (invalid YAML: " + problem + ")", "replace the tab with spaces"
    return line, f"invalid YAML: {problem}", "check indentation and put text containing ':' or '#' in quotes"


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
            "the file does not start with front matter",
            "put a line '---', the YAML fields, and another '---' at the top",
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError(1, "the front matter is not closed", "add a line '---' after the last YAML field")
    yaml_text = "".join(lines[1:end])
    try:
        data, node = load_yaml(yaml_text)
    except yaml.MarkedYAMLError as exc:
        line, message, hint = yaml_problem(exc, yaml_text, first_line=2)
        raise FrontMatterError(line, message, hint) from exc
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict) or not (node is None or isinstance(node, yaml.MappingNode)):
        raise FrontMatterError(
            2,
            "the front matter must be a list of 'field: value' lines",
            "write e.g. 'kind: begroting' on its own line",
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
