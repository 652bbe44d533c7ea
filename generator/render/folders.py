"""Where templates and strings are found: the site's own ``templates/`` over the built-in ones.

A fact the build's keys, the themes, the strings and ``woosite init`` need without loading Jinja (so a build
that finds nothing changed stays quick to start).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
BUILTIN_TEMPLATES = next(
    (p for p in (_PACKAGE / "builtin_templates", _PACKAGE.parent / "templates") if p.is_dir()),
    _PACKAGE.parent / "templates",
)
"""The built-in templates: inside the package in an installed wheel (pyproject.toml maps the repository's
``templates/`` onto ``generator/builtin_templates/``), the repository's ``templates/`` in a source checkout."""


def template_folders(site_templates: Path | None) -> list[Path]:
    """The folders a template or strings file is looked up in, the first that has it winning."""
    return [p for p in (site_templates, BUILTIN_TEMPLATES) if p is not None and p.is_dir()]
