"""Just enough CSS parsing for bundling: rules, declarations, pruning by class name, compacting.

The inputs are generated stylesheets (the NL Design System packages' ``dist/index.css``, token files):
flat rules, at most one level of ``@media``, no nesting. Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_DECLARATION = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*((?:[^;()]|\((?:[^()]|\([^()]*\))*\))*)\s*(?:;|$)")


@dataclass(frozen=True)
class Rule:
    """``prelude { body }``; ``children`` holds the rules inside an at-rule block such as ``@media``."""

    prelude: str
    body: str
    children: tuple[Rule, ...] = ()


def strip_comments(text: str) -> str:
    return _COMMENT.sub("", text)


def parse(text: str) -> list[Rule]:
    """The top-level rules of a stylesheet (comments dropped; ``@charset`` and other statements kept as rules)."""
    return list(_rules(strip_comments(text)))


def _rules(text: str) -> Iterator[Rule]:
    pos, n = 0, len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if pos >= n:
            return
        brace, semi = text.find("{", pos), text.find(";", pos)
        if semi != -1 and (brace == -1 or semi < brace) and text[pos] == "@":
            yield Rule(text[pos:semi].strip(), "")
            pos = semi + 1
            continue
        if brace == -1:
            return
        end = _matching(text, brace)
        prelude, body = " ".join(text[pos:brace].split()), text[brace + 1 : end]
        if prelude.startswith("@") and "{" in body:
            yield Rule(prelude, "", tuple(_rules(body)))
        else:
            yield Rule(prelude, body.strip())
        pos = end + 1


def _matching(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def declarations(body: str) -> dict[str, str]:
    """The custom property declarations (``--name: value``) of a rule body, in order."""
    return {m.group(1): " ".join(m.group(2).split()) for m in _DECLARATION.finditer(body)}


def classes(selector: str) -> set[str]:
    return set(_CLASS.findall(selector))


def prune(rules: list[Rule], keep: Callable[[str], bool]) -> list[Rule]:
    """Keep the selectors all of whose classes ``keep`` accepts; drop rules left without a selector."""
    kept: list[Rule] = []
    for rule in rules:
        if rule.children:
            children = prune(list(rule.children), keep)
            if children:
                kept.append(Rule(rule.prelude, "", tuple(children)))
        elif rule.prelude.startswith("@"):
            continue  # @charset and the like: the bundle is UTF-8 anyway
        else:
            selectors = [s.strip() for s in _split_selectors(rule.prelude)]
            selectors = [s for s in selectors if all(keep(c) for c in classes(s))]
            if selectors:
                kept.append(Rule(",".join(selectors), rule.body))
    return kept


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def serialise(rules: list[Rule]) -> str:
    """Compact CSS, one rule per line (readable in a diff, small on the wire)."""
    lines: list[str] = []
    for rule in rules:
        if rule.children:
            lines.append(rule.prelude + "{")
            lines.extend(serialise(list(rule.children)).splitlines())
            lines.append("}")
        elif rule.prelude.startswith("@") and not rule.body:
            lines.append(rule.prelude + ";")
        else:
            lines.append(f"{rule.prelude}{{{compact_body(rule.body)}}}")
    return "\n".join(lines) + ("\n" if lines else "")


def compact_body(body: str) -> str:
    """Declarations joined by ``;`` with runs of white space collapsed (strings are not touched here)."""
    parts = [" ".join(p.split()) for p in _split_declarations(body)]
    return ";".join(p.replace(": ", ":", 1) for p in parts if p)


def _split_declarations(body: str) -> list[str]:
    parts, depth, start, quote = [], 0, 0, ""
    for i, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts
