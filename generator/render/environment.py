"""The Jinja2 environment: autoescaped templates, a site's own templates overriding built-in ones."""

from __future__ import annotations

import contextlib
from functools import partial
from pathlib import Path
from typing import ClassVar

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    select_autoescape,
)
from jinja2.bccache import Bucket

from generator.core import urls
from generator.core.atomic import write_atomic
from generator.reference.statuses import status_level
from generator.render import formatting
from generator.render.finance import headline_saldo
from generator.render.folders import BUILTIN_TEMPLATES, template_folders
from generator.render.markdown import to_html
from generator.render.outline import outline
from generator.render.policy import content_security_policy
from generator.render.strings import site_words


class _CompiledTemplates(BytecodeCache):
    """Compiled templates, kept for the life of the process (every build of ``woosite serve`` makes a new
    environment, and compiling the templates again cost more than rendering the edited page) and, given a
    ``folder``, in the build's cache between runs (each ``woosite build`` compiled every template it used:
    a tenth of a one-edit build). Jinja checks each entry against the template's source and its own and
    Python's version, so an edited template is compiled afresh."""

    _memory: ClassVar[dict[str, bytes]] = {}
    """Shared by every environment of the process."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._memory.get(bucket.key)
        if self.folder is not None:
            kept = self.folder / bucket.key
            if data is None:
                with contextlib.suppress(OSError):
                    data = kept.read_bytes()
            elif not kept.is_file():  # compiled by an earlier build of this process, for another cache
                self._keep(kept, data)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = self._memory[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            self._keep(self.folder / bucket.key, data)

    @staticmethod
    def _keep(file: Path, data: bytes) -> None:
        with contextlib.suppress(OSError):  # the cache is a help: a build does not fail for want of it
            write_atomic(file, data)


def make_environment(
    site_templates: Path | None = None, language: str = "nl", compiled: Path | None = None
) -> Environment:
    """Templates from ``site_templates`` win over the built-in ones, one file at a time; numbers and dates
    are written as ``language`` writes them. ``compiled``: a folder to keep compiled templates in."""
    folders = template_folders(site_templates)
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(p)) for p in dict.fromkeys(folders)]),
        autoescape=select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_CompiledTemplates(compiled),
    )
    strings = site_words(site_templates, language)
    env.filters.update(
        markdown=partial(to_html, table_label=strings.finance.markdown_table),
        number=partial(formatting.number, locale=language),
        percentage=partial(formatting.percentage, locale=language),
        date=partial(formatting.date, locale=language),
        date_local=partial(formatting.date_local, locale=language),
        headline_saldo=headline_saldo,
        filesize=partial(formatting.filesize, locale=language),
        facet_label=formatting.facet_label,
        status_level=status_level,
        kind_label=lambda kind: strings.kinds.get(kind.value, kind.label),
        publication_title=lambda publication: (
            f"{strings.kinds.get(publication.kind.value, publication.kind.label)} {publication.year}"
        ),
    )
    env.globals.update(
        t=strings,
        standard_pages=urls.STANDARD_PAGES,
        outline=outline,
        content_security_policy=content_security_policy(),
    )
    return env


def compile_all(site_templates: Path | None = None, language: str = "nl") -> None:
    """Compile every template into this process's cache of compiled templates: ``woosite serve`` does so
    while it waits for the first edit (its first build compiled them in worker processes), so the edited
    page is rendered at once."""
    env = make_environment(site_templates, language)
    for name in env.list_templates(extensions=["html", "xml", "svg", "txt"]):
        with contextlib.suppress(TemplateError):  # a broken site template is reported by the build that uses it
            env.get_template(name)


def static_folders(site_templates: Path | None = None) -> list[Path]:
    """Static asset folders, built-in first so a site's own files can replace them."""
    return [p / "static" for p in (BUILTIN_TEMPLATES, site_templates) if p is not None and (p / "static").is_dir()]
