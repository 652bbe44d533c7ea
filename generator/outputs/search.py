"""Full-text search: a Pagefind index of the programme pages, built from the HTML already in staging.

Pagefind (the binary of the ``pagefind`` Python package) reads the written pages and writes a static
index plus its search UI into ``pagefind/``; the search page loads them as same-origin files. Only
elements marked ``data-pagefind-body`` (the programme pages' main content) are indexed.

Pagefind has no incremental mode and costs about 4 ms and 0.4 MB per page. So a site of more than
``SHARD_PAGES`` programme pages is indexed in shards (pages split by a stable hash of their path), each
kept in the build cache (``.woosite-cache/pagefind/``) under a digest of its pages' bytes: an edit re-indexes
only its shard, one Pagefind per core at a time (bounded memory), and the shards are merged into the one index the
search page loads (generator/outputs/search_merge.py). A smaller site, or an index format the merge does
not know, is indexed in one run as before.

The binary runs as a command that exits when every file is written. (The package's Python API answers
"written" before the last files are flushed and then terminates the binary, which left empty files in
the index on a busy machine.)
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.service import get_executable

from generator.core import urls
from generator.core.digests import digest
from generator.core.errors import BuildError, Problem
from generator.core.parallel import workers
from generator.core.translation import N_, _
from generator.core.tree import site_paths
from generator.incremental.previous import PreviousBuild
from generator.outputs import search_facets, search_index, search_merge
from generator.outputs.search_merge import ShardIndex
from generator.outputs.writer import OutputWriter, link_or_copy
from generator.structure.site import Site

BUNDLE = search_index.BUNDLE
SHARD_PAGES = 100
"""At most about this many programme pages per shard (at least half as many): Pagefind indexes 100 in about
0.55 s here, and merging the shards costs more the more there are (about 0.2 s for 16 at 1,000 documents,
3 s for 128 at 10,000; 6 s for 400 shards of 25)."""
SHARD_PAGES_VARIABLE = "WOOSITE_SEARCH_SHARD_PAGES"
"""Overrides SHARD_PAGES (tests use 1 to shard a small site; the index is the same either way)."""
HINT = N_("install it with: pip install 'pagefind[bin]'")
ATTEMPTS = 3
"""Indexing runs again if a run left a file missing or cut short (seen with Pagefind's Python API on a busy
machine); the build verifies the result either way (generator/outputs/search_index.py)."""
_SHARD_FILE = "shard.pickle"


def write(site: Site, out: OutputWriter, cache: Path | None = None, reuse: bool = True) -> None:
    """Index the programme pages in ``out`` and record every file of the search bundle. With the build's
    ``cache`` folder, a large site is indexed in shards kept in its ``pagefind/`` (``reuse``: take the shards
    indexed before)."""
    bundle = out.root / BUNDLE
    pages = sorted(urls.output_file(page.path) for page in site.documents)
    groups = shards(pages)
    merged = (
        _merge(groups, out.root, cache / BUNDLE, site.config.language, reuse) if cache and len(groups) > 1 else None
    )
    if merged is None:
        _index_with_retries(out.root, bundle, site.config.language)
        search_facets.canonicalise(bundle)  # Pagefind writes its filter index in run-dependent order
    else:
        _write_merged(bundle, *merged, out.previous)
    written = site_paths(bundle)
    if not written:
        raise BuildError(
            Problem(None, None, _("Pagefind wrote no search index"), _("run the build with -v to see why"))
        )
    for name in written:
        out.adopt(f"{BUNDLE}/{name}")


def shards(pages: list[str]) -> list[list[str]]:
    """The pages split by a stable hash of their path into shards of at most about SHARD_PAGES (none empty).

    The number of shards is a power of two: it changes only when the site doubles (or halves), so adding a
    document re-indexes its own shard, not every shard, as a count that followed the size page by page did.
    Shards then hold half to all of SHARD_PAGES pages (Pagefind's time per shard: about 0.07 s and 5 ms a
    page here)."""
    size = int(os.environ.get(SHARD_PAGES_VARIABLE) or SHARD_PAGES)
    wanted = len(pages) / max(1, size)
    count = 1 if wanted <= 1 else 2 ** math.ceil(math.log2(wanted))
    groups: list[list[str]] = [[] for _ in range(count)]
    for page in pages:
        groups[int.from_bytes(hashlib.sha256(page.encode("utf-8")).digest()[:8], "big") % count].append(page)
    return [group for group in groups if group]


def _merge(
    groups: list[list[str]], root: Path, cache: Path, language: str, reuse: bool
) -> tuple[search_merge.Merged, Path] | None:
    """Each shard's index (from the cache, or made now) merged into one; None when they cannot be."""
    cache.mkdir(parents=True, exist_ok=True)
    binary = _binary()
    version = f"{binary}:{binary.stat().st_size}"
    folders: list[Path] = []
    shards: list[ShardIndex | None] = []
    for pages in groups:
        parts = [part for page in pages for part in (page, hashlib.sha256((root / page).read_bytes()).digest())]
        folder = cache / digest(search_merge.FORMAT, version, language, *parts)[:32]
        folders.append(folder)
        shards.append(ShardIndex.load(folder / _SHARD_FILE) if reuse else None)
    missing = [n for n, shard in enumerate(shards) if shard is None]
    if missing:  # one Pagefind per core at a time (each a process of about 60 MB): a cold build's shards
        with ThreadPoolExecutor(min(workers(), len(missing))) as pool:
            made = pool.map(lambda n: _index_shard(groups[n], root, folders[n], language), missing)
            for n, shard in zip(missing, made, strict=True):
                shards[n] = shard
    if any(shard is None for shard in shards):
        return None
    indexed = [(shard, folder / BUNDLE) for shard, folder in zip(shards, folders, strict=True) if shard is not None]
    for stale in set(cache.iterdir()) - set(folders):  # shards of pages that changed since
        shutil.rmtree(stale, ignore_errors=True)
    merged = search_merge.merge(indexed)
    return (merged, folders[0] / BUNDLE) if merged is not None else None


def _index_shard(pages: list[str], root: Path, folder: Path, language: str) -> ShardIndex | None:
    """Index the shard's pages into ``folder`` (whole or not at all: made beside it, then renamed); a shard
    Pagefind left broken is never kept."""
    work = folder.with_name(f".{folder.name}.{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    for page in pages:  # the shard's pages at their site paths: Pagefind takes URLs from them
        link = work / "pages" / page
        link.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(root / page, link)
    _index_with_retries(work / "pages", work / BUNDLE, language)
    broken = search_index.problems(work)
    if broken:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildError(broken)
    shard = search_merge.read_shard(work / BUNDLE)
    if shard is not None:
        shard.save(work / _SHARD_FILE)
        shutil.rmtree(work / "pages")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(work, folder)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return shard


def _write_merged(
    bundle: Path, merged: search_merge.Merged, assets: Path, previous: PreviousBuild | None = None
) -> None:
    """The merged index's files (linked from the previous build where one by that name is intact: the names
    are digests of the bytes), its fragments and Pagefind's scripts (linked from the cache, where nothing
    is ever written to an existing file)."""
    for name, data in merged.files.items():
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        site_path = f"{BUNDLE}/{name}"
        if previous is not None and name != search_merge.ENTRY and previous.intact(site_path):
            link_or_copy(previous.source(site_path), bundle / name)
        else:
            (bundle / name).write_bytes(merged.packed(name, data))
    for name, source in merged.fragments.items():
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        if not (bundle / name).exists():  # pages with the same text share one fragment
            link_or_copy(source, bundle / name)
    for asset in assets.iterdir():
        if asset.is_file() and asset.name != search_merge.ENTRY and asset.suffix != ".pf_meta":
            link_or_copy(asset, bundle / asset.name)


def _index_with_retries(root: Path, bundle: Path, language: str) -> None:
    """Index the HTML below ``root`` into ``bundle`` (a folder named BUNDLE), again if a file came out broken."""
    for attempt in range(ATTEMPTS):
        if attempt:
            shutil.rmtree(bundle)
        _index(root, bundle, language)
        if not search_index.problems(bundle.parent):
            break


def _binary() -> Path:
    binary = get_executable()
    if binary is None or not binary.is_file():
        raise BuildError(Problem(None, None, _("search index not built: the Pagefind binary is missing"), _(HINT)))
    return binary


def _index(root: Path, bundle: Path, language: str) -> None:
    command = [str(_binary()), "--site", str(root), "--output-path", str(bundle), "--force-language", language]
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
