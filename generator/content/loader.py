"""Load site.yaml and every content file, validating all of them and collecting every problem.

A problem in one file does not stop the others from being checked: the communications team sees the
whole list in one run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from generator.content import redaction, redaction_list
from generator.content.body import parse_body, walk
from generator.content.frontmatter import FrontMatterError, decode, invisible_control, line_of, read_yaml_file, split
from generator.content.source import SourceDocument
from generator.content.validation import problems_from
from generator.core import limits, translation
from generator.core.errors import ContentError, Problem
from generator.core.translation import _
from generator.core.tree import files_below
from generator.models import FrontMatter, SiteConfig
from generator.reference.organisations import Organisation, UnknownOrganisation, lookup
from generator.reference.taxonomy import (
    DEFAULT_CATEGORY,
    InformationCategory,
    information_categories,
    information_category,
)

CONTENT_SUFFIX = ".md"


def load_config(path: Path) -> SiteConfig:
    """Read and validate site.yaml, with the redactions of the redaction file it names (content/redaction_list.py).

    Its texts (title, description, contact) come back redacted, as the documents of ``load_documents`` do: every
    caller sees redacted content, none has to remember to apply the list."""
    if not path.is_file():
        raise ContentError(
            Problem(
                path,
                None,
                _("site.yaml not found"),
                _("create it with at least 'title:' and 'base_url:', or run 'woosite init'"),
            )
        )
    data, node = read_yaml_file(path)
    data = data or {}
    if not isinstance(data, dict):
        raise ContentError(Problem(path, 1, _("site.yaml must be a list of 'field: value' lines")))
    try:
        config = SiteConfig.model_validate(data)
    except ValidationError as exc:
        raise ContentError(problems_from(exc, path, node, SiteConfig, first_line=1)) from exc
    translation.choose(config.language)  # from here on, messages speak the site's language
    return redaction.apply_to_config(redaction_list.with_file(path, config))


def with_overrides(config: SiteConfig, **overrides: object) -> SiteConfig:
    """The site config with command-line options (``--base-url``) put over site.yaml, validated again.

    Options are overrides of the config, not a second source of truth: one model validates both. ``None``
    means "not given"."""
    given = {name: value for name, value in overrides.items() if value is not None}
    if not given:
        return config
    try:
        return SiteConfig.model_validate({**config.model_dump(), **given})
    except ValidationError as exc:
        raise ContentError(
            [
                Problem(
                    None,
                    None,
                    f"--{'-'.join(str(k) for k in error['loc'])}".replace("_", "-")
                    + ": "
                    + error["msg"].removeprefix("Value error, "),
                )
                for error in exc.errors()
            ]
        ) from exc


def content_files(content_dir: Path) -> list[Path]:
    """All content files below ``content_dir``, in a stable order (a path's folders, then its name: as ``Path``
    sorts); hidden files and folders are skipped, links to folders not followed. Listed on strings
    (``rglob`` and sorting ``Path`` objects took a fifth of a no-change build at 10,000 files)."""
    found = [
        site_path
        for site_path, entry in files_below(content_dir, hidden=False)
        if site_path.endswith(CONTENT_SUFFIX) and _is_file(entry)
    ]
    found.sort(key=lambda site_path: site_path.split("/"))
    return [content_dir / site_path for site_path in found]


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A file, or a link to one."""
    try:
        return entry.is_file()
    except OSError:
        return False


Loaded = SourceDocument | list[Problem]
"""One content file loaded: the document, or its problems."""

LoadAll = Callable[[list[Path], SiteConfig], Iterable[Loaded]]


def load_documents(content_dir: Path, config: SiteConfig, load_all: LoadAll | None = None) -> list[SourceDocument]:
    """Load every content file, redacted by the site's list; raise ContentError listing the problems of all
    files together.

    ``load_all`` loads a list of files (default: one by one; the build passes a cached, parallel one)."""
    if not content_dir.is_dir():
        raise ContentError(
            Problem(
                content_dir,
                None,
                _("content folder not found"),
                _("create it, or point --content at the folder with your .md files"),
            )
        )
    documents: list[SourceDocument] = []
    problems: list[Problem] = []
    for loaded in (load_all or load_each)(content_files(content_dir), config):
        if isinstance(loaded, SourceDocument):
            documents.append(loaded)
        else:
            problems.extend(loaded)
    if problems:
        raise ContentError(problems)
    return redaction.apply(documents, config.redactions)


def load_each(paths: list[Path], config: SiteConfig) -> Iterator[Loaded]:
    """Load files one by one, turning each file's ContentError into its list of problems."""
    for path in paths:
        yield load_or_problems(path, config)


def load_or_problems(path: Path, config: SiteConfig) -> Loaded:
    try:
        return load_document(path, config)
    except ContentError as exc:
        return exc.problems


def load_document(path: Path, config: SiteConfig) -> SourceDocument:
    """Read, parse and validate one content file."""
    return parse_document(path, limits.read_bytes(path), config)


def parse_document(path: Path, raw: bytes, config: SiteConfig) -> SourceDocument:
    """Parse and validate the bytes of a content file at ``path`` (which need not exist yet: ``woosite new``)."""
    text = decode(raw, path)
    found = invisible_control(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise ContentError(
            Problem(
                path,
                line,
                _("the text holds a control character U+{ord:04X}").format(ord=ord(found.group())),
                _("delete it: it is invisible and cannot be published"),
            )
        )
    try:
        parts = split(text)
    except FrontMatterError as exc:
        raise ContentError(Problem(path, exc.line, exc.message, exc.hint)) from exc
    data = dict(parts.data)
    if "publisher" not in data and config.publisher:
        data["publisher"] = config.publisher
    try:
        front = FrontMatter.model_validate(data)
    except ValidationError as exc:
        raise ContentError(problems_from(exc, path, parts.node, FrontMatter)) from exc

    problems: list[Problem] = []
    publisher = _resolve_publisher(front, path, line_of(parts.node, ("publisher",)), problems)
    category = _resolve_category(front, path, line_of(parts.node, ("information_category",)), problems)
    body = parse_body(parts.body, parts.body_line)
    problems += [
        Problem(
            path,
            line,
            _("a level-1 heading ('# ...') in the text"),
            _("the programme title is the page's only level-1 heading; use '## ...' for sections"),
        )
        for line in body.h1_lines
    ]
    titles = {s.title for s in walk(body.sections)}
    for i, table in enumerate(front.finance):
        if table.section is not None and table.section not in titles:
            problems.append(
                Problem(
                    path,
                    line_of(parts.node, ("finance", i, "section")),
                    _(
                        "finance table '{table_caption}' names section '{table_section}', which is not a heading "
                        "in the text"
                    ).format(table_caption=table.caption, table_section=table.section),
                    _("use the exact text of a '## ...' heading, or remove 'section:'"),
                )
            )
    if problems or publisher is None or category is None:
        raise ContentError(problems)
    return SourceDocument(
        path=path,
        front=front,
        publisher=publisher,
        category=category,
        intro=body.intro,
        sections=body.sections,
        digest=hashlib.sha256(raw).hexdigest(),
    )


def _resolve_publisher(front: FrontMatter, path: Path, line: int, problems: list[Problem]) -> Organisation | None:
    try:
        org = lookup(front.publisher)
    except UnknownOrganisation as exc:
        problems.append(
            Problem(
                path,
                line,
                _("unknown municipality, province or water board '{name}'").format(name=exc.name),
                exc.hint(),
            )
        )
        return None
    if not org.existed_in(front.year):
        problems.append(
            Problem(
                path,
                line,
                _("{org_label} did not exist in {front_year}").format(org_label=org.label, front_year=front.year),
                _("check the year, or name the municipality that existed then"),
            )
        )
    return org


def _resolve_category(front: FrontMatter, path: Path, line: int, problems: list[Problem]) -> InformationCategory | None:
    if front.information_category is None:
        return information_categories()[DEFAULT_CATEGORY]
    category = information_category(front.information_category)
    if category is None:
        problems.append(
            Problem(
                path,
                line,
                _("unknown Woo information category '{front_information_category}'").format(
                    front_information_category=front.information_category
                ),
                _("use a label from the Woo list, e.g. 'jaarplannen en jaarverslagen'"),
            )
        )
    return category
