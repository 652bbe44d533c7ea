"""Turn pydantic validation errors into one-line problems with the file line and a fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from generator.content.frontmatter import line_of, shorten
from generator.core import translation
from generator.core.errors import Problem, close_matches, did_you_mean
from generator.core.translation import _
from generator.reference.taxonomy import DOCUMENT_KINDS

_EXAMPLES = {
    "publisher": "publisher: Lisse",
    "kind": "kind: begroting",
    "year": "year: 2021",
    "programme": "programme: {number: '4', title: Bestuur en ondersteuning}",
    "programme.title": "title: Bestuur en ondersteuning",
    "title": "title: Woo-publicaties gemeente Lisse",
    "base_url": "base_url: https://www.lisse.nl/woo/",
}
_UNION_MEMBERS = {"int", "float", "str", "none", "bool"}


MAX_PROBLEMS = 20
"""Problems listed per file; the rest are counted."""


def problems_from(
    exc: ValidationError, path: Path, node: yaml.Node | None, model: type[BaseModel], first_line: int = 2
) -> list[Problem]:
    """One problem per distinct invalid value, in file order; after ``MAX_PROBLEMS``, one line saying how many
    more (finding each line is a walk of the file: 50,000 unknown fields took minutes)."""
    problems: dict[tuple[int, str], Problem] = {}
    errors = exc.errors()
    for number, error in enumerate(errors):
        if len(problems) == MAX_PROBLEMS:
            more = len(errors) - number
            problems[(1 << 62, "")] = Problem(
                path,
                None,
                _("and {more} more problem(s) like these in this file").format(more=more),
                _("fix the ones above first"),
            )
            break
        loc = tuple(k for k in error["loc"] if not (isinstance(k, str) and k in _UNION_MEMBERS))
        loc += getattr(error.get("ctx", {}).get("error"), "loc", ())  # a ValueErrorAt names its own field
        line = line_of(node, loc, first_line)
        name = dotted(loc)
        key = (line, name)
        if key not in problems:
            message, hint = describe(error, name, loc, model)
            problems[key] = Problem(path, line, message, hint)
    return [problems[k] for k in sorted(problems)]


def dotted(loc: tuple[Any, ...]) -> str:
    """('finance', 0, 'rows', 2, 'role') -> "finance[1].rows[3].role" (counting from 1, as people do)."""
    out = ""
    for key in loc:
        out += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def describe(error: Any, name: str, loc: tuple[Any, ...], model: type[BaseModel]) -> tuple[str, str]:
    """(message, fix) for one pydantic error, in the user's language (pydantic's own texts are English)."""
    kind, value = error["type"], shorten(error.get("input"))
    plain = "".join(k for k in loc if isinstance(k, str))
    if kind == "missing":
        field = ".".join(k for k in loc if isinstance(k, str))
        example = _EXAMPLES.get(field)
        hint = _("add e.g. '{example}'").format(example=example) if example else _("add it")
        return _("missing required field '{name}'").format(name=name), hint
    if kind == "enum" and plain == "kind":
        return _("unknown document kind '{value}'").format(value=value), _("expected one of: {choices}").format(
            choices=", ".join(DOCUMENT_KINDS)
        )
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = close_matches(str(loc[-1]), {field: field for field in allowed})
        if close:
            hint = did_you_mean(close)
        else:
            hint = _("remove it; allowed here: {allowed}").format(allowed=", ".join(allowed))
        return _("unknown field '{name}'").format(name=name), hint
    if kind in ("literal_error", "enum"):
        return _("invalid value '{value}' for '{name}'").format(value=value, name=name), _(
            "expected one of: {choices}"
        ).format(choices=error["ctx"]["expected"])
    message = shorten(error["msg"].removeprefix("Value error, "), 200)
    if kind in ("int_parsing", "int_type", "float_parsing", "int_from_float"):
        return _("'{name}' must be a whole number, not '{value}'").format(name=name, value=value), _(
            "write digits only, e.g. 2021"
        )
    if kind.startswith(("date", "datetime")):
        return _("'{name}' is not a valid date: '{value}'").format(name=name, value=value), _(
            "write dates as YYYY-MM-DD, e.g. 2021-11-04"
        )
    if kind in ("model_type", "dict_type"):
        return _("'{name}' must be a group of 'field: value' lines").format(name=name), _("indent its fields under it")
    if kind == "list_type":
        return _("'{name}' must be a list").format(name=name), _("start each item on its own line with '- '")
    if kind == "string_pattern_mismatch" and plain.endswith("previous"):
        return (
            _("'{name}' is '{value}': not a kept version below content/.versions/").format(name=name, value=value),
            _("leave 'previous:' as woosite correct wrote it (no '..', no other folder)"),
        )
    bounds = {
        "less_than_equal": _("write a value at most {limit}"),
        "less_than": _("write a value below {limit}"),
        "greater_than_equal": _("write a value at least {limit}"),
        "greater_than": _("write a value above {limit}"),
    }
    if kind in bounds:
        limit = next(iter(error.get("ctx", {}).values()), "")
        return _("'{name}' is {value}, out of range").format(name=name, value=value), bounds[kind].format(limit=limit)
    if kind in ("string_too_short", "string_too_long"):
        size = error.get("ctx", {}).get("min_length" if kind == "string_too_short" else "max_length")
        text = (
            _("write at least {size} characters")
            if kind == "string_too_short"
            else _("write at most {size} characters")
        )
        return _("'{name}' is '{value}'").format(name=name, value=value), text.format(size=size)
    if kind != "value_error" and translation.current() != translation.SOURCE:
        message = _("this value is not valid here")  # pydantic's explanation is English only
    if not name:
        return message, ""
    return _("invalid '{name}': {message}").format(name=name, message=message), ""


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (nested) model at ``loc``."""
    current: Any = model
    for key in loc:
        if isinstance(key, int):
            continue
        field = current.model_fields.get(key) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> Any:
    """The BaseModel inside ``X``, ``list[X]`` or ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
