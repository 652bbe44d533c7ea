"""Every output of a build, declared once, in the order the build writes them (Hugo's output formats are
the model): its name, its media type, what it depends on and the functions that write it.

The build (generator/publish/build.py) runs the outputs in this order, each as a unit keyed on the whole site
(reused unchanged when nothing changed), and within it the writers key their own files on less (a document's
files on that document). Outputs that depend on one document also write a single document's files: the
preview writes those of an edited document first (``document``). Adding an output means adding its writer
module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import ModuleType

from jinja2 import Environment

from generator.outputs import (
    api,
    build_record,
    csv_data,
    dcat,
    diwoo,
    feed,
    headers,
    history_pages,
    pages,
    search,
    sitemaps,
    spreadsheet,
)
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site


class Depends(Enum):
    """What an output's files are made from, besides the code, templates and settings every file depends on."""

    DOCUMENT = "one document each (and the site's outline)"
    SITE = "the whole site"
    PAGES = "the HTML written before it"


@dataclass(frozen=True)
class Context:
    """What the writers need besides the site: made once per build by the build."""

    histories: dict[str, History]
    """When each document was first published and last changed (the ledger)."""
    env: Environment
    site_templates: Path | None
    stylesheet: Callable[[str], str] | None
    """The theme bundle the stylesheet goes through."""
    outline: str
    """A digest of the site's outline (generator/incremental/keys.py): every page shows it."""
    cache: Path | None = None
    """Where an output may keep work between builds (the search index shards)."""
    clean: bool = False
    """Take nothing from that cache."""


Write = Callable[[Site, OutputWriter, Context], None]
WriteDocument = Callable[[Site, DocumentPage, OutputWriter, Context], None]


@dataclass(frozen=True)
class Output:
    name: str
    """Names the output's unit in the build record."""
    media_type: str
    """Of its files (a site-wide output of several kinds names the main one)."""
    depends: Depends
    write: Write
    document: WriteDocument | None = None
    """Writes the files of one document (the same units and keys as ``write``)."""


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _data(name: str, media_type: str, module: ModuleType) -> Output:
    """A data file per document: ``module.write(site, out, histories)`` for all of them, and
    ``module.write_document(site, page, out, histories)`` for one."""
    return Output(
        name,
        media_type,
        Depends.DOCUMENT,
        lambda site, out, c: module.write(site, out, c.histories),
        lambda site, page, out, c: module.write_document(site, page, out, c.histories),
    )


OUTPUTS: tuple[Output, ...] = (
    # Data files first: pages link to them with their sizes.
    _data("json", "application/json", api),
    _data("csv", "text/csv", csv_data),
    _data("xlsx", XLSX, spreadsheet),
    _data("diwoo", "application/xml", diwoo),
    Output("dcat", "application/ld+json", Depends.SITE, lambda site, out, c: dcat.write(site, out, c.histories)),
    Output("sitemaps", "application/xml", Depends.SITE, lambda site, out, c: sitemaps.write(site, out, c.histories)),
    Output("feed", "application/atom+xml", Depends.SITE, lambda site, out, c: feed.write(site, out, c.histories)),
    Output(
        "html",
        "text/html",
        Depends.DOCUMENT,
        lambda site, out, c: pages.write(site, out, c.env, c.site_templates, c.histories, c.stylesheet),
        lambda site, page, out, c: pages.write_programme(site, page, out, c.env, c.histories, c.outline),
    ),
    Output("comparisons", "text/html", Depends.SITE, lambda site, out, c: history_pages.write(site, out, c.env)),
    Output("headers", "text/plain", Depends.SITE, lambda site, out, c: headers.write(site, out)),
    Output("build-record", "application/json", Depends.SITE, lambda site, out, c: build_record.write(site, out)),
    # Last: indexes the HTML written above (a large site in shards, kept in the cache).
    Output(
        "search",
        "application/octet-stream",
        Depends.PAGES,
        lambda site, out, c: search.write(site, out, c.cache, reuse=not c.clean),
    ),
)
