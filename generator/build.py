"""The build, as one straight line: load -> validate -> arrange -> render into staging -> swap.

Nothing touches the published folder until every step has succeeded: the output is written into a
staging folder beside it and swapped in with renames, so a failed build leaves the old site as it was.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator import reporting
from generator.content.loader import load_config, load_documents
from generator.errors import Problem
from generator.incremental.cache import BuildCache
from generator.incremental.keys import inputs_key, site_key, step_unit
from generator.incremental.previous import PreviousBuild
from generator.outputs import api, pages
from generator.outputs.writer import OutputWriter
from generator.render.environment import make_environment
from generator.reporting import Reporter, Silent
from generator.structure import Site, build_site

CACHE_DIR = ".woosite-cache"


@dataclass(frozen=True)
class BuildOptions:
    content_dir: Path
    out_dir: Path
    config_path: Path | None = None
    base_url: str | None = None
    clean: bool = False
    """Ignore the cache: produce every file afresh (the cache is still updated for the next build)."""
    cache_dir: Path | None = None
    """Where incremental builds keep their cache (default: .woosite-cache/ beside content/)."""

    @property
    def project_dir(self) -> Path:
        """The folder holding site.yaml, content/ and the site's own templates/."""
        return self.content_dir.resolve().parent

    @property
    def config_file(self) -> Path:
        return self.config_path or self.project_dir / "site.yaml"

    @property
    def cache_folder(self) -> Path:
        return self.cache_dir or self.project_dir / CACHE_DIR


@dataclass(frozen=True)
class BuildResult:
    site: Site
    files: dict[str, int]
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    reused: set[str] = field(default_factory=set)
    """Files copied unchanged from the previous build (all of them when nothing changed)."""

    def summary(self) -> str:
        pages_written = sum(1 for p in self.files if p.endswith(".html"))
        return reporting.summary(
            len(self.site.documents), pages_written, len(self.files), len(self.warnings), self.seconds, len(self.reused)
        )


Step = Callable[[Site, OutputWriter], None]


def build(options: BuildOptions, report: Reporter | None = None) -> BuildResult:
    """Build the site; raise a WoositeError (and leave ``out_dir`` untouched) on any problem.

    Incremental: outputs whose inputs did not change since the last build are copied, not produced
    again, and when nothing changed the published folder is left as it is.
    """
    started = time.perf_counter()
    report = report or Silent()
    config = load_config(options.config_file)
    site_templates = options.project_dir / "templates"
    inputs = inputs_key(options.config_file, options.content_dir, site_templates, options.base_url)
    cache = BuildCache(options.cache_folder, options.out_dir, inputs, clean=options.clean)
    sources = load_documents(options.content_dir, config, cache.loader(report))
    site = build_site(config, sources, options.base_url)
    if cache.up_to_date(site):
        record = cache.record()
        files = {path: size for path, (size, _mtime) in record.files.items()}
        return BuildResult(site, files, time.perf_counter() - started, record.problems(), set(files))
    env = make_environment(site_templates)
    # Data files first: pages link to them with their sizes.
    steps: list[Step] = [
        api.write,
        lambda s, out: pages.write(s, out, env, site_templates),
    ]
    report.phase("Writing site", cache.expected_files())
    with staging(options.out_dir, cache.previous, report.advance) as out:
        for number, step in enumerate(steps):
            out.cached(step_unit(number, step), site_key(site), partial(step, site, out))
    cache.save(site, out)
    return BuildResult(site, dict(out.written), time.perf_counter() - started, out.warnings, out.reused)


@contextmanager
def staging(
    target: Path, previous: PreviousBuild | None = None, on_write: Callable[[], None] | None = None
) -> Iterator[OutputWriter]:
    """Write into a temporary folder beside ``target``; on success swap it in, on failure delete it."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        yield OutputWriter(tmp, previous, on_write)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    tmp.chmod(0o755)
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    if target.exists():
        target.rename(old / target.name)
    try:
        tmp.rename(target)
    except OSError:
        if (old / target.name).exists():
            (old / target.name).rename(target)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
