"""HTML pages: home, one per publisher, one per publication, one per programme document, the standard
pages (search, accessibility statement, contact, open data, 404); static assets."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError, TemplateSyntaxError

from generator.core import urls
from generator.core.digests import digest
from generator.core.errors import BuildError, Problem
from generator.core.translation import _
from generator.incremental.keys import document_key, outline_key
from generator.models import Catalog, Document
from generator.outputs import api
from generator.outputs.sitemaps import ROBOTS
from generator.outputs.writer import OutputWriter
from generator.render import history
from generator.render.environment import static_folders
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Publication, PublisherSection, Site

STATIC_PREFIX = "static/"
STYLESHEET = "style.css"
"""The one stylesheet of every page: woosite's (or the site's own) layer, bundled with the theme."""
TEMPLATE_SUFFIXES = (".html", ".xml", ".svg", ".txt")


def write(
    site: Site,
    out: OutputWriter,
    env: Environment,
    site_templates: Path | None = None,
    histories: dict[str, History] | None = None,
    stylesheet: Callable[[str], str] | None = None,
) -> None:
    facts = histories or {}
    outline = outline_key(site)

    def shown(pages: list[DocumentPage]) -> str:
        """What a list page shows: the site's outline and the cards of its documents (text, saldo, dates)."""
        return digest(outline, *(document_key(page, str(facts.get(page.document.id))) for page in pages))

    out.cached("list home", shown(site.documents), partial(render, out, env, "home.html", "", site=site))
    for publisher in site.publishers:
        listed = [page for publication in publisher.publications for page in publication.documents]
        context = {"site": site, "publisher": publisher}
        out.cached(
            f"list {publisher.path}",
            shown(listed),
            partial(render, out, env, "publisher.html", publisher.path, **context),
        )
        for publication in publisher.publications:
            out.cached(
                f"list {publication.path}",
                shown(publication.documents),
                partial(render, out, env, "publication.html", publication.path, **context, publication=publication),
            )
    write_programmes(site, out, env, facts, outline)
    write_standard_pages(site, out, env, outline)
    # Static files depend on the template folders only, which are part of every key.
    out.cached("static", "", partial(write_static, out, site_templates, stylesheet))


def write_static(
    out: OutputWriter, site_templates: Path | None, stylesheet: Callable[[str], str] | None = None
) -> None:
    """Copy the static files; ``style.css`` goes through ``stylesheet`` (the theme bundle) when given."""
    assets: dict[str, Path] = {}
    for folder in static_folders(site_templates):
        assets.update({p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()})
    for rel, source in sorted(assets.items()):
        if rel == STYLESHEET and stylesheet is not None:
            out.write_bytes(STATIC_PREFIX + rel, stylesheet(source.read_text(encoding="utf-8")).encode("utf-8"))
        else:
            out.write_bytes(STATIC_PREFIX + rel, source.read_bytes())


STANDARD_TEMPLATES = {
    "search": "search.html",
    "accessibility": "accessibility.html",
    "contact": "contact.html",
    "open_data": "open_data.html",
}


def write_standard_pages(site: Site, out: OutputWriter, env: Environment, outline: str) -> None:
    """The pages every site has, whatever its content; open data links to the API files already written.

    They show site.yaml and the ``outline`` (the search page lists every programme by its title and
    publication), never a document's text or dates, so that is their key; the open data page also shows the
    size of each file it links to."""
    schemas = {model: path for path, model in api.SCHEMAS.items()}
    context = {
        "site": site,
        "api_catalog": api.CATALOG,
        "api_document_schema": schemas[Document],
        "api_catalog_schema": schemas[Catalog],
    }
    linked = (api.CATALOG, schemas[Document], schemas[Catalog], ROBOTS)
    sizes = digest(*(f"{path}={out.written.get(path)}" for path in linked))
    for role, template in STANDARD_TEMPLATES.items():
        key = digest(outline, sizes) if role == "open_data" else outline
        out.cached(f"page {role}", key, partial(render, out, env, template, urls.STANDARD_PAGES[role], **context))
    out.cached("page not found", outline, partial(render, out, env, "404.html", urls.NOT_FOUND, site=site))


def write_programmes(
    site: Site,
    out: OutputWriter,
    env: Environment,
    histories: dict[str, History] | None = None,
    outline: str | None = None,
) -> None:
    """Programme pages: only those whose document, publication facts or the site's outline changed are
    rendered, across cores (each worker writes the pages it renders)."""
    outline = outline if outline is not None else outline_key(site)
    facts = histories or {}
    keys = {page.path: programme_key(site, page, outline, facts) for page in site.documents}
    stale = [page for page in site.documents if not out.reuse(f"page {page.path}", keys[page.path])]
    places = _places(site)
    out.write_units(
        [(f"page {page.path}", keys[page.path], urls.output_file(page.path)) for page in stale],
        lambda i: _programme_html(site, stale[i], env, out.written, places).encode("utf-8"),
    )


def write_programme(
    site: Site, page: DocumentPage, out: OutputWriter, env: Environment, histories: dict[str, History], outline: str
) -> None:
    """One programme page, as ``write_programmes`` makes it (same unit and key): the preview's first look at
    an edited document."""
    key = programme_key(site, page, outline, histories)
    if not out.reuse(f"page {page.path}", key):
        with out.unit(f"page {page.path}", key):
            out.write_text(urls.output_file(page.path), _programme_html(site, page, env, out.written, _places(site)))


def programme_key(site: Site, page: DocumentPage, outline: str, histories: dict[str, History]) -> str:
    """What a programme page shows: its document, the site's outline, its publication facts, its lineage."""
    return document_key(page, outline + str(histories.get(page.document.id)) + history.page_key(site, page))


def _places(site: Site) -> dict[str, tuple[PublisherSection, Publication]]:
    return {
        page.path: (publisher, publication)
        for publisher in site.publishers
        for publication in publisher.publications
        for page in publication.documents
    }


def _programme_html(
    site: Site,
    page: DocumentPage,
    env: Environment,
    written: dict[str, int],
    places: dict[str, tuple[PublisherSection, Publication]],
) -> str:
    publisher, publication = places[page.path]
    return to_html(
        env,
        "programme.html",
        page.path,
        written,
        site=site,
        publisher=publisher,
        publication=publication,
        page=page,
        document=page.document,
    )


def render(out: OutputWriter, env: Environment, template: str, path: str, **context: Any) -> None:
    """Render one template to the file that serves ``path``."""
    out.write_text(urls.output_file(path), to_html(env, template, path, out.written, **context))


def to_html(env: Environment, template: str, path: str, written: dict[str, int], **context: Any) -> str:
    """Render one template for the page at ``path``."""
    site: Site = context["site"]
    try:
        return env.get_template(template).render(href=site.href, url=site.url, path=path, written=written, **context)
    except (TemplateError, LookupError, AttributeError, TypeError, ValueError) as exc:
        name, line = _template_location(exc, template)
        message = exc.message if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
        raise BuildError(
            Problem(
                name,
                line,
                _("template error while writing /{path}: {message}").format(path=path, message=message),
                _("fix the template (or a UI string it uses), or delete your copy to use the built-in one"),
            )
        ) from exc


def _template_location(exc: Exception, template: str) -> tuple[Path, int | None]:
    """The template file and line where rendering failed (Jinja puts template frames in the traceback)."""
    if isinstance(exc, TemplateSyntaxError):
        return Path(exc.filename or template), exc.lineno
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(TEMPLATE_SUFFIXES)]
    if frames:
        return Path(frames[-1].filename), frames[-1].lineno
    return Path(template), None
