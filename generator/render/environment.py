"""The Jinja2 environment: autoescaped templates, a site's own templates overriding built-in ones."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator import urls
from generator.render import formatting
from generator.render.finance import headline_saldo
from generator.render.markdown import to_html
from generator.render.outline import outline
from generator.render.policy import content_security_policy
from generator.render.status import status_level
from generator.render.strings import Strings, load_strings

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def make_environment(site_templates: Path | None = None, language: str = "nl") -> Environment:
    """Templates from ``site_templates`` win over the built-in ones, one file at a time."""
    folders = [p for p in (site_templates, BUILTIN_TEMPLATES) if p is not None and p.is_dir()]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(p)) for p in dict.fromkeys(folders)]),
        autoescape=select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    strings = Strings(load_strings(language, list(reversed(folders))))
    env.filters.update(
        markdown=partial(to_html, table_label=strings.finance.markdown_table),
        number=formatting.number,
        percentage=formatting.percentage,
        date=formatting.date,
        date_local=formatting.date_local,
        headline_saldo=headline_saldo,
        filesize=formatting.filesize,
        status_level=status_level,
    )
    env.globals.update(
        t=strings,
        standard_pages=urls.STANDARD_PAGES,
        outline=outline,
        content_security_policy=content_security_policy(),
    )
    return env


def static_folders(site_templates: Path | None = None) -> list[Path]:
    """Static asset folders, built-in first so a site's own files can replace them."""
    return [p / "static" for p in (BUILTIN_TEMPLATES, site_templates) if p is not None and (p / "static").is_dir()]
