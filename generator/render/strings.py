"""UI strings: every word the templates show, one YAML file per language (templates/strings/nl.yaml).

A site may override single strings in its own templates/strings/<language>.yaml; adding a language is
adding one file. Templates read them as ``t`` (``{{ t.nav.search }}``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content.frontmatter import read_yaml_file
from generator.core.errors import BuildError, Problem
from generator.core.translation import _
from generator.render.folders import template_folders

STRINGS_FOLDER = "strings"


class Strings:
    """Read-only view of nested strings for templates: ``t.search_page.clear`` is the string, never a
    dict method of the same name, and a missing key is an error (the environment's StrictUndefined)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self._groups: dict[str, Strings] = {}
        """Each group's view, made once (a large site's build asks for them hundreds of thousands of times)."""

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_") or key not in self._data:
            raise AttributeError(key)
        return self[key]

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        if not isinstance(value, dict):
            return value
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = Strings(value)
        return group

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        """The string (or group) at ``key``, or ``default`` when this group has no such key."""
        return self[key] if key in self._data else default


def load_strings(language: str, folders: list[Path]) -> dict[str, Any]:
    """The strings for ``language``: built-in file first, each later folder's file overriding key by key."""
    files = [f for f in (folder / STRINGS_FOLDER / f"{language}.yaml" for folder in folders) if f.is_file()]
    if not files:
        raise BuildError(
            Problem(
                None,
                None,
                _("no UI strings for language '{language}'").format(language=language),
                _(
                    "set language: nl in site.yaml, or add templates/{strings_folder}/{language}.yaml (a "
                    "translated copy of the built-in nl.yaml)"
                ).format(strings_folder=STRINGS_FOLDER, language=language),
            )
        )
    strings: dict[str, Any] = {}
    for path in files:
        strings = _merge(strings, _read(path))
    return strings


def _read(path: Path) -> dict[str, Any]:
    data, _node = read_yaml_file(path, BuildError)
    if not isinstance(data, dict):
        raise BuildError(
            Problem(path, 1, _("UI strings must be 'key: text' lines"), _("compare with the built-in nl.yaml"))
        )
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def site_words(site_templates: Path | None = None, language: str = "nl") -> Strings:
    """The words of a site in ``language``: the built-in strings with the site's own overrides."""
    return Strings(load_strings(language, list(reversed(template_folders(site_templates)))))
