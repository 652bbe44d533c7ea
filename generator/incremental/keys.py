"""Digests of what outputs depend on: the global inputs, the whole site, its outline, one document."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator import __version__
from generator.core.digests import digest, tree_digest
from generator.render.folders import BUILTIN_TEMPLATES
from generator.structure.page import DocumentPage
from generator.structure.site import Site

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_digest() -> str:
    """woosite's own code and reference data: a changed generator never reuses old output. Not what is
    compiled from it (bytecode; a message catalog's ``.mo``, kept beside its ``.po`` by the first run)."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".mo")
    return digest(__version__, *(part for p in files for part in (p.relative_to(PACKAGE).as_posix(), p.read_bytes())))


def inputs_key(config_file: Path, content_dir: Path, site_templates: Path, base_url: str | None) -> str:
    """What every output depends on: code, templates and static files, site.yaml, base URL, content folder."""
    config = config_file.read_bytes() if config_file.is_file() else b""
    return digest(
        code_digest(), tree_digest([BUILTIN_TEMPLATES, site_templates]), config, base_url or "", str(content_dir)
    )


def site_key(site: Site) -> str:
    """Changes when any document changes, appears, disappears or moves: the key of site-wide outputs."""
    return digest(site.base_url, *(f"{page.path}\0{page.source.path}\0{page.source.digest}" for page in site.documents))


def outline_key(site: Site) -> str:
    """The site's outline: every document's place and metadata, not its text or tables.

    A document's own page may show the outline (navigation, sibling programmes) besides its own content.
    """
    return digest(
        *(
            page.path + page.document.model_dump_json(exclude={"intro", "sections", "finance"})
            for page in site.documents
        )
    )


def document_key(page: DocumentPage, outline: str = "") -> str:
    """The key of one document's own outputs (its page, JSON, ...), optionally with the outline."""
    return digest(page.path, page.slug, str(page.source.path), page.source.digest, outline)
