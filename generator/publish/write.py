"""Write an arranged site: every output of the registry rendered into a staging folder, checked, swapped in.

Jinja, Pagefind and every writer are loaded with this module, which only a build with something to write
imports (generator/publish/build.py): a build that finds nothing changed answers without them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from generator.content import redaction
from generator.content.source import SourceDocument
from generator.core.digests import digest
from generator.core.reporting import Reporter
from generator.core.translation import _
from generator.incremental.keys import outline_key, site_key
from generator.incremental.previous import PreviousBuild
from generator.outputs import registry, schema_org, search_index
from generator.outputs.downloads import downloads
from generator.outputs.registry import Depends
from generator.outputs.writer import OutputWriter
from generator.publish import swap
from generator.publish.cache import BuildCache
from generator.render import history
from generator.render.environment import make_environment
from generator.structure import versions
from generator.structure.ledger import History, Ledger
from generator.structure.site import Site
from generator.theme import stylesheet
from generator.theme.themes import Theme

COMPILED_TEMPLATES = "templates"
"""The folder of the build cache that keeps the compiled templates."""
FIRST_LOOK = 8
"""At most this many edited documents are shown before the rest of the site is built."""


def write_site(
    site: Site,
    sources: list[SourceDocument],
    histories: dict[str, History],
    ledger: Ledger,
    theme: Theme,
    cache: BuildCache,
    *,
    out_dir: Path,
    site_templates: Path,
    cache_folder: Path,
    clean: bool,
    first: Callable[[Path, list[str]], None] | None,
    report: Reporter,
) -> OutputWriter:
    """Produce (or link, when unchanged) every output into staging, verify it and swap it in for ``out_dir``;
    returns the writer with what was written, reused and warned about. ``first``: see BuildOptions.first."""
    config = site.config
    env = make_environment(site_templates, config.language, cache_folder / COMPILED_TEMPLATES)
    env.globals.update(
        structured_data=partial(schema_org.page_data, site, histories),
        downloads=partial(downloads, words=site.words),
        redaction_ground=partial(redaction.explanation, words=site.words),
        history=lambda page: histories[page.document.id],
        programme_history=history.programme_history,
        page_comparison=history.page_comparison,
        comparison_chart=history.comparison_chart,
    )
    context = registry.Context(
        histories, env, site_templates, partial(stylesheet.bundle, theme), outline_key(site), cache_folder, clean
    )
    # Site-wide outputs also show when documents were published and changed (the ledger).
    key = digest(site_key(site), *(f"{doc_id}{history}" for doc_id, history in sorted(histories.items())))
    report.phase(_("Writing site"), cache.expected_files())
    with staging(out_dir, cache.previous, report.advance) as out:
        edited = [page for page in site.documents if page.source.path in cache.fresh]
        if first is not None and 0 < len(edited) <= min(FIRST_LOOK, len(site.documents) - 1):
            for page in edited:  # the same units and keys as the outputs below, which then find them done
                for output in registry.OUTPUTS:
                    if output.depends is Depends.DOCUMENT and output.document is not None:
                        output.document(site, page, out, context)
            first(out.root, sorted(out.written))
        for output in registry.OUTPUTS:
            out.cached(f"output {output.name}", key, partial(output.write, site, out, context))
        search_index.verify(out.root, out.reused)  # Pagefind has left files cut short: never publish them
        redaction.verify(out.root, config.redactions, out.reused, [source.path for source in sources])
        for problem in versions.vanished(
            set(ledger.entries), {p.document.id for p in site.documents + site.withdrawn}, ledger.path
        ):
            out.warn(problem)
    return out


@contextmanager
def staging(
    target: Path, previous: PreviousBuild | None = None, on_write: Callable[[], None] | None = None
) -> Iterator[OutputWriter]:
    """Write into a staging folder beside ``target``; on success swap it in, on failure delete it."""
    target = target.resolve()
    tmp = swap.new_folder(target)
    try:
        yield OutputWriter(tmp, previous, on_write)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap.publish(tmp, target)
