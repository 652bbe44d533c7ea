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

from generator import redaction, redaction_list, reporting, timestamps
from generator.content.loader import load_config, load_documents
from generator.errors import Problem
from generator.incremental.cache import BuildCache
from generator.incremental.keys import digest, inputs_key, site_key, step_unit
from generator.incremental.previous import PreviousBuild
from generator.ledger import FILE_NAME as LEDGER_FILE
from generator.ledger import Ledger
from generator.outputs import api, csv_data, dcat, diwoo, feed, headers, pages, schema_org, search, sitemaps
from generator.outputs.downloads import downloads
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
    def ledger_file(self) -> Path:
        """When each document was first published and last changed (see generator/ledger.py); committed."""
        return self.project_dir / LEDGER_FILE

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
    config = redaction.apply_to_config(load_config(options.config_file))
    site_templates = options.project_dir / "templates"
    inputs = inputs_key(options.config_file, options.content_dir, site_templates, options.base_url)
    inputs = digest(inputs, *(f"{r.ground}\0{r.text}" for r in config.redactions))  # also from the redaction file
    exposed = redaction_list.exposed(options.config_file, config)
    cache = BuildCache(options.cache_folder, options.out_dir, inputs, clean=options.clean)
    sources = redaction.apply(load_documents(options.content_dir, config, cache.loader(report)), config.redactions)
    site = build_site(config, sources, options.base_url)
    ledger = Ledger.load(options.ledger_file)
    histories = ledger.record([page.document for page in site.documents], timestamps.now())
    if cache.up_to_date(site) and not ledger.changed:
        record = cache.record()
        files = {path: size for path, (size, _mtime) in record.files.items()}
        return BuildResult(site, files, time.perf_counter() - started, exposed + record.problems(), set(files))
    env = make_environment(site_templates, config.language)
    env.globals.update(
        structured_data=partial(schema_org.page_data, site, histories),
        downloads=downloads,
        redaction_ground=redaction.explanation,
    )
    # Data files first: pages link to them with their sizes.
    steps: list[Step] = [
        api.write,
        csv_data.write,
        lambda s, out: diwoo.write(s, out, histories),
        lambda s, out: dcat.write(s, out, histories),
        lambda s, out: sitemaps.write(s, out, histories),
        lambda s, out: feed.write(s, out, histories),
        lambda s, out: pages.write(s, out, env, site_templates),
        headers.write,
        search.write,  # last: indexes the HTML written above
    ]
    # Site-wide outputs also show when documents were published and changed (the ledger).
    key = digest(site_key(site), *(f"{doc_id}{history}" for doc_id, history in sorted(histories.items())))
    report.phase("Writing site", cache.expected_files())
    with staging(options.out_dir, cache.previous, report.advance) as out:
        for number, step in enumerate(steps):
            out.cached(step_unit(number, step), key, partial(step, site, out))
        redaction.verify(out.root, config.redactions, out.reused)
    cache.save(site, out)
    ledger.save()
    return BuildResult(site, dict(out.written), time.perf_counter() - started, exposed + out.warnings, out.reused)


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
