"""Full-text search: a Pagefind index of the programme pages, built from the HTML already in staging.

Pagefind (its bundled binary, driven through the ``pagefind`` Python package) reads the written pages and
writes a static index plus its search UI into ``pagefind/``; the search page loads them as same-origin
files. Only elements marked ``data-pagefind-body`` (the programme pages' main content) are indexed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from generator.errors import BuildError, Problem
from generator.outputs import search_facets
from generator.outputs.writer import OutputWriter
from generator.structure import Site

BUNDLE = "pagefind"


def write(site: Site, out: OutputWriter) -> None:
    """Index the HTML in ``out`` and record every file Pagefind wrote."""
    bundle = out.root / BUNDLE
    try:
        _run(_index(out.root, bundle, site.config.language))
    except FileNotFoundError as exc:
        raise BuildError(
            Problem(None, None, f"search index not built: {exc}", "install it with: pip install 'pagefind[bin]'")
        ) from exc
    search_facets.canonicalise(bundle)  # Pagefind writes its filter index in run-dependent order
    written = sorted(p for p in bundle.rglob("*") if p.is_file())
    if not written:
        raise BuildError(Problem(None, None, "Pagefind wrote no search index", "run the build with -v to see why"))
    for path in written:
        out.adopt(path.relative_to(out.root).as_posix())


async def _index(root: Path, bundle: Path, language: str) -> None:
    config = IndexConfig(force_language=language, output_path=str(bundle))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(root))


def _run(job: object) -> None:
    """Run a coroutine to completion, also when called from code that already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(job)  # type: ignore[arg-type]
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, job).result()  # type: ignore[arg-type]
