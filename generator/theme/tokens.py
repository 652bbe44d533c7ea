"""Design tokens: read from CSS custom properties or JSON, resolve ``var()``, keep only what is used."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.core.translation import _
from generator.theme import css

Tokens = dict[str, str]
"""Custom property name (``--utrecht-document-color``) to its value as written (may contain ``var()``)."""

_REFERENCE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


class TokenFileError(ValueError):
    """A tokens file that cannot be read as CSS custom properties or JSON design tokens."""


def read(path: Path) -> Tokens:
    """The tokens in a ``.css`` file (custom properties of its top-level rules) or a ``.json`` file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        try:
            return from_json(json.loads(text))
        except json.JSONDecodeError as exc:
            raise TokenFileError(
                _("invalid JSON at line {line}: {problem}").format(line=exc.lineno, problem=exc.msg)
            ) from exc
    return from_css(text)


def from_css(text: str) -> Tokens:
    """Custom properties declared in top-level rules, later declarations winning; ``@media`` blocks ignored."""
    tokens: Tokens = {}
    for rule in css.parse(text):
        if not rule.prelude.startswith("@"):
            tokens.update(css.declarations(rule.body))
    return tokens


def from_json(data: Any) -> Tokens:
    """Style Dictionary / W3C design-token JSON (``{"utrecht": {"color": {"value": …}}}``) or a flat object.

    Flat keys may be written ``--utrecht-color`` or ``utrecht.color``; nested groups are joined by ``-``.
    """
    if not isinstance(data, Mapping):
        raise TokenFileError(_("the top level must be an object of tokens"))
    tokens: Tokens = {}
    _flatten(data, [], tokens)
    return tokens


def _flatten(node: Mapping[str, Any], path: list[str], out: Tokens) -> None:
    for key, value in node.items():
        if key.startswith("$") and key not in ("$value",):
            continue
        parts = [*path, *key.lstrip("-").replace(".", "-").split("-")]
        if isinstance(value, Mapping):
            leaf = value.get("$value", value.get("value"))
            if leaf is not None and not isinstance(leaf, Mapping):
                out["--" + "-".join(parts)] = _json_value(leaf)
            else:
                _flatten(value, parts, out)
        elif isinstance(value, str | int | float):
            out["--" + "-".join(parts)] = _json_value(value)


def _json_value(value: Any) -> str:
    """A JSON token value as CSS; ``{utrecht.color.blue}`` references become ``var(--utrecht-color-blue)``."""
    text = str(value)
    return re.sub(r"\{([A-Za-z0-9_.-]+)\}", lambda m: f"var(--{m.group(1).replace('.', '-')})", text)


def references(text: str) -> set[str]:
    """The custom properties a stylesheet or value refers to with ``var()``."""
    return set(_REFERENCE.findall(text))


def used(tokens: Mapping[str, str], roots: Iterable[str]) -> Tokens:
    """The tokens among ``roots`` and everything they refer to, transitively, in the order of ``tokens``."""
    wanted: set[str] = set()
    todo = [name for name in roots if name in tokens]
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        todo.extend(ref for ref in references(tokens[name]) if ref in tokens and ref not in wanted)
    return {name: value for name, value in tokens.items() if name in wanted}


def resolve(value: str, tokens: Mapping[str, str], depth: int = 0) -> str:
    """``value`` with every ``var(--x, fallback)`` replaced by the token's resolved value (or the fallback)."""
    if depth > 32:
        return value  # a cycle: leave it, the contrast check will not recognise a colour
    out, pos = [], 0
    while True:
        start = value.find("var(", pos)
        if start == -1:
            out.append(value[pos:])
            return "".join(out).strip()
        end = _closing(value, start + 3)
        inner = value[start + 4 : end]
        name, _, fallback = inner.partition(",")
        name = name.strip()
        if name in tokens:
            replacement = resolve(tokens[name], tokens, depth + 1)
        else:
            replacement = resolve(fallback.strip(), tokens, depth + 1)
        out += [value[pos:start], replacement]
        pos = end + 1


def _closing(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(text) - 1


def as_css(tokens: Mapping[str, str], selector: str = ":root") -> str:
    """The tokens as one rule."""
    return selector + "{" + ";".join(f"{name}:{value}" for name, value in tokens.items()) + "}\n"
