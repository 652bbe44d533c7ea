"""Full-text search: a Pagefind index of the programme pages, built from the HTML already in staging.

Pagefind (the binary of the ``pagefind`` Python package) reads the written pages and writes a static
index plus its search UI into ``pagefind/``; the search page loads them as same-origin files. Only
elements marked ``data-pagefind-body`` (the programme pages' main content) are indexed.

The binary runs as a command that exits when every file is written. (The package's Python API answers
"written" before the last files are flushed and then terminates the binary, which left empty files in
the index on a busy machine.)
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pagefind.service import get_executable

from generator.core.errors import BuildError, Problem
from generator.core.translation import N_, _
from generator.outputs import search_facets, search_index
from generator.outputs.writer import OutputWriter
from generator.structure.site import Site

BUNDLE = "pagefind"
HINT = N_("install it with: pip install 'pagefind[bin]'")
ATTEMPTS = 3
"""Indexing runs again if a run left a file missing or cut short (seen with Pagefind's Python API on a busy
machine); the build verifies the result either way (generator/outputs/search_index.py)."""


def write(site: Site, out: OutputWriter) -> None:
    """Index the HTML in ``out`` and record every file Pagefind wrote."""
    bundle = out.root / BUNDLE
    for attempt in range(ATTEMPTS):
        if attempt:
            shutil.rmtree(bundle)
        _index(out.root, bundle, site.config.language)
        if not search_index.problems(out.root):
            break
    search_facets.canonicalise(bundle)  # Pagefind writes its filter index in run-dependent order
    written = sorted(p for p in bundle.rglob("*") if p.is_file())
    if not written:
        raise BuildError(
            Problem(None, None, _("Pagefind wrote no search index"), _("run the build with -v to see why"))
        )
    for path in written:
        out.adopt(path.relative_to(out.root).as_posix())


def _index(root: Path, bundle: Path, language: str) -> None:
    binary = get_executable()
    if binary is None or not binary.is_file():
        raise BuildError(Problem(None, None, _("search index not built: the Pagefind binary is missing"), _(HINT)))
    command = [str(binary), "--site", str(root), "--output-path", str(bundle), "--force-language", language]
    try:
        result = subprocess.run([*command, "--silent"], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BuildError(Problem(None, None, _("search index not built: {exc}").format(exc=exc), _(HINT))) from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no message"]
        raise BuildError(
            Problem(
                None,
                None,
                _("Pagefind failed: {detail}").format(detail=detail[0]),
                _("run the build with -v to see why"),
            )
        )
