"""Change one field of a content file's front matter from a model, keeping every other byte of the file.

``woosite correct`` and ``woosite withdraw`` write here. A content file is edited by people, so it is not
dumped anew (that would lose their comments, order and quoting); instead the lines of one field are
replaced by the field as the model dumps it, and the result is parsed again: it must hold exactly the old
fields plus the new value, or nothing is written. The file keeps its byte-order mark and line endings and
is written atomically (a killed command leaves the old file or the new one, never half of one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.content.frontmatter import FrontMatterError, decode, invisible_control, split
from generator.content.validation import describe
from generator.core.atomic import write_atomic
from generator.core.errors import ContentError, Problem
from generator.core.translation import _

_BOM = "\ufeff".encode()
M = TypeVar("M", bound=BaseModel)


@dataclass
class FrontMatterFile:
    """A content file as read for an edit: its text (``\\n`` line ends), its fields and how it was stored."""

    path: Path
    raw: bytes
    """The file as it was read (a kept version is a copy of exactly these bytes)."""
    text: str
    data: dict[str, Any]
    node: yaml.MappingNode | None
    newline: str

    @classmethod
    def read(cls, path: Path) -> FrontMatterFile:
        raw = path.read_bytes()
        text = decode(raw, path)
        try:
            parts = split(text)
        except FrontMatterError as exc:
            raise ContentError(Problem(path, exc.line, exc.message, exc.hint)) from exc
        node = parts.node if isinstance(parts.node, yaml.MappingNode) else None
        newline = "\r\n" if b"\r\n" in raw else "\n"
        return cls(path, raw, text, parts.data, node, newline)

    def check_field(self, key: str, value: list[BaseModel] | BaseModel) -> str:
        """The text with ``key: value`` (a model or a list of models) in place of the field's lines, or
        before the closing line; ContentError when it would not read back as exactly that."""
        lines = self.text.splitlines(keepends=True)
        start, end = self._lines_of(key, len(lines))
        new_text = "".join(lines[:start]) + _dumped(key, value) + "".join(lines[end:])
        self._check(new_text, key, value)
        return new_text

    def set_field(self, key: str, value: list[BaseModel] | BaseModel) -> None:
        """``check_field``, then the file written atomically, with its byte-order mark and line ends."""
        new_text = self.check_field(key, value)
        encoded = new_text.replace("\n", self.newline).encode("utf-8")
        write_atomic(self.path, (_BOM if self.raw.startswith(_BOM) else b"") + encoded)
        self.text = new_text

    def _lines_of(self, key: str, count: int) -> tuple[int, int]:
        """The file lines (0-based, end exclusive) the field takes now; an empty range before the closing
        ``---`` (or ``...``) when the file has no such field."""
        lines = self.text.splitlines()
        closing = next(i for i in range(1, count) if lines[i].rstrip() in ("---", "..."))
        if self.node is None:
            return closing, closing
        for key_node, value_node in self.node.value:
            if getattr(key_node, "value", None) == key:
                first = key_node.start_mark.line + 1  # the YAML text starts below the first '---'
                mark = value_node.end_mark
                last = mark.line + 1 if mark.column == 0 else mark.line + 2
                return first, min(last, closing)
        return closing, closing

    def _check(self, new_text: str, key: str, value: list[BaseModel] | BaseModel) -> None:
        """The edited text must parse to the old fields with ``key`` set to ``value``, and hold nothing the
        build refuses; else nothing is written."""
        found = invisible_control(new_text)
        if found:
            raise ContentError(
                Problem(
                    self.path,
                    None,
                    _("the text holds a control character U+{ord:04X}").format(ord=ord(found.group())),
                    _("leave it out"),
                )
            )
        expected = {**self.data, key: _plain(value)}
        try:
            parsed = split(new_text).data
        except FrontMatterError:
            parsed = None
        if parsed is None or _plain_data(parsed) != _plain_data(expected):
            raise ContentError(
                Problem(
                    self.path,
                    None,
                    _("'{key}:' could not be written into this file without changing other fields").format(key=key),
                    _("add '{key}:' by hand, see docs/handleiding.md, 'Corrigeren of intrekken'").format(key=key),
                )
            )


def validated(model: type[M], path: Path, fields: dict[str, Any], what: str = "--{field}") -> M:
    """The model made from ``fields``, or one line naming the field (as ``what`` calls it) and the fix."""
    for name, value in fields.items():
        found = invisible_control(value) if isinstance(value, str) else None
        if found:
            field = what.format(field=name)
            message = _("{field}: holds a control character U+{code:04X}, which cannot be published").format(
                field=field, code=ord(found.group())
            )
            raise ContentError(Problem(path, None, message, _("leave it out")))
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = what.format(field=".".join(str(p) for p in error["loc"]))
        message, hint = describe(error, field, tuple(error["loc"]), model)
        hint = hint or _("give a valid {field}").format(field=field)
        raise ContentError(Problem(path, None, message, hint)) from exc


def _dumped(key: str, value: list[BaseModel] | BaseModel) -> str:
    """``key:`` and the value: a list as one flow mapping per item, a model as one flow mapping."""
    if isinstance(value, list):
        items = "".join(f"  - {_flow(item)}\n" for item in value)
        return f"{key}:\n{items}"
    return f"{key}: {_flow(value)}\n"


def _flow(model: BaseModel) -> str:
    return yaml.safe_dump(
        _plain(model), default_flow_style=True, allow_unicode=True, sort_keys=False, width=1 << 30
    ).strip()


def _plain(value: list[BaseModel] | BaseModel) -> Any:
    """The fields as written: those given (defaults stay unwritten), none that are empty."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.model_dump(exclude_unset=True, exclude_none=True)


def _plain_data(data: Any) -> Any:
    """Compared as text: the content loader reads dates as strings, the models hold dates."""
    return json.loads(json.dumps(data, default=str, sort_keys=True))
