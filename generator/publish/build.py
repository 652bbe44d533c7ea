"""The build, as one straight line: load -> validate -> arrange -> render into staging -> swap.

Nothing touches the published folder until every step has succeeded: the output is written into a
staging folder beside it and swapped in (generator/publish/swap.py), so a failed or killed build leaves
the old site as it was. The last two steps are generator/publish/write.py, loaded only when there is
something to write: a build that finds nothing changed answers without Jinja, Pagefind or any writer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import readiness
from generator.content import links, redaction, redaction_list
from generator.content.loader import content_files, load_config, load_documents, with_overrides
from generator.core import reporting, timestamps
from generator.core.digests import digest, tree_digest
from generator.core.errors import Problem, WoositeError
from generator.core.reporting import Reporter, Silent
from generator.incremental.keys import inputs_key
from generator.models import SiteConfig
from generator.publish import lock, output_folder, swap
from generator.publish.cache import BuildCache, WarmDocuments
from generator.render.strings import site_words
from generator.structure import comparison, versions
from generator.structure.ledger import FILE_NAME as LEDGER_FILE
from generator.structure.ledger import Ledger
from generator.structure.site import Site, build_site
from generator.theme import themes
from generator.theme.themes import Theme

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
    ledger_path: Path | None = None
    """The publication ledger to read and update (default: woo-ledger.json beside content/; the preview
    passes its own copy, so that serving never changes what the published site records)."""
    warm: WarmDocuments | None = field(default=None, compare=False)
    """Documents kept in memory from the previous build of this process (``woosite serve``)."""
    first: Callable[[Path, list[str]], None] | None = field(default=None, compare=False)
    """Called with the staging folder and the files written so far once the edited documents' own files
    (their data and page) are there, before the rest of the site (``woosite serve`` shows them at once)."""

    @property
    def project_dir(self) -> Path:
        """The folder holding site.yaml, content/ and the site's own templates/."""
        return self.content_dir.resolve().parent

    @property
    def config_file(self) -> Path:
        return self.config_path or self.project_dir / "site.yaml"

    @property
    def ledger_file(self) -> Path:
        """When each document was first published and last changed (see generator/structure/ledger.py); committed."""
        return self.ledger_path or self.project_dir / LEDGER_FILE

    @property
    def cache_folder(self) -> Path:
        return self.cache_dir or self.project_dir / CACHE_DIR

    def watched(self, config: SiteConfig | None = None) -> list[Path]:
        """Every file and folder a build reads from the project, declared once: what the preview watches.

        The content (with the kept versions of ``content/.versions/``), the site's templates, site.yaml, the
        population file, the redaction list site.yaml or the environment names, and a local theme file or
        token package. ``config``: site.yaml as a build just read it (else it is read here); when it cannot be
        read, the files that never depend on it."""
        watched = [
            self.content_dir,
            self.content_dir / versions.VERSIONS_DIR,
            self.project_dir / "templates",
            self.config_file,
            self.project_dir / comparison.POPULATION_FILE,
            self.config_file.parent / redaction_list.DEFAULT_FILE,  # watched before it exists
        ]
        if config is None:
            try:
                config = load_config(self.config_file)
            except WoositeError:
                return watched
        redaction_file, _required = redaction_list.source_file(self.config_file, config)
        watched += [redaction_file] if redaction_file is not None else []
        watched += themes.local_sources(config.theme, self.config_file.resolve().parent)
        return watched

    @property
    def inputs(self) -> list[Path]:
        """What the output folder may neither be, hold nor lie in (see generator/publish/output_folder.py)."""
        return [self.content_dir, self.project_dir / "templates", self.config_file, self.cache_folder]


@dataclass(frozen=True)
class BuildResult:
    site: Site | None
    """None when nothing changed since the last build into the folder (then nothing was even read)."""
    files: dict[str, int]
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    reused: set[str] = field(default_factory=set)
    """Files reused (hard-linked) unchanged from the previous build (all of them when nothing changed)."""
    theme: Theme | None = None
    """The theme the stylesheet was made with."""
    config: SiteConfig | None = None
    """site.yaml as the build read it (with any ``--base-url``)."""
    documents: int = 0

    def summary(self) -> str:
        pages_written = sum(1 for p in self.files if p.endswith(".html"))
        return reporting.summary(
            self.documents, pages_written, len(self.files), len(self.warnings), self.seconds, len(self.reused)
        )


def build(options: BuildOptions, report: Reporter | None = None) -> BuildResult:
    """Build the site; raise a WoositeError (and leave ``out_dir`` untouched) on any problem.

    Incremental: outputs whose inputs did not change since the last build are linked, not produced
    again, and when nothing changed the published folder is left as it is.
    """
    started = time.perf_counter()
    site_templates = options.project_dir / "templates"
    output_folder.refuse_unsafe(options.out_dir, options.project_dir, options.inputs)  # before anything is written
    links.refuse_outside(options.project_dir, [options.content_dir, site_templates])
    with lock.held(options.cache_folder / lock.FILE_NAME):  # one build of a project at a time
        return _build(options, report or Silent(), started)


def _build(options: BuildOptions, report: Reporter, started: float) -> BuildResult:
    site_templates = options.project_dir / "templates"
    config = with_overrides(load_config(options.config_file), base_url=options.base_url)
    theme = themes.load(config.theme, options.config_file.resolve().parent, options.config_file)
    population = comparison.load_population(options.project_dir)  # data/inwoners.csv: an input of every page
    inputs = inputs_key(options.config_file, options.content_dir, site_templates, config.base_url)
    kept_versions = tree_digest([options.content_dir / versions.VERSIONS_DIR])  # previous versions of corrections
    # A theme file outside templates/ counts too.
    inputs = digest(
        inputs, theme.digest, repr(sorted(population.items())), kept_versions, redaction.list_key(config.redactions)
    )
    exposed = redaction_list.exposed(options.config_file, config)
    cache = BuildCache(options.cache_folder, options.out_dir, inputs, clean=options.clean, warm=options.warm)
    read = [] if options.warm else [(str(p), cache.file_digest(p)) for p in content_files(options.content_dir)]
    read_key = _sources_key(inputs, read, options.ledger_file)  # what this build reads, before it changes the ledger
    if cache.unchanged(read_key):  # nothing to read, nothing to build
        swap.recover(options.out_dir.resolve())  # what a killed build left, even when nothing is built now
        record = cache.record()
        files = {path: size for path, (size, _mtime) in record.files.items()}
        warnings = [*exposed, *record.problems(record.unfinished), *record.problems()]
        seconds = time.perf_counter() - started
        return BuildResult(None, files, seconds, warnings, set(files), theme, config, record.documents)
    sources = readiness.with_warnings(load_documents(options.content_dir, config, cache.loader(report)))
    cache.remember(sources)  # redacted, with their warnings: an unchanged file costs nothing next time
    previous = versions.load(options.content_dir, sources, config)
    site = build_site(config, sources, population, previous, site_words(site_templates, config.language))
    unfinished = readiness.warnings(config, options.config_file, sources)
    ledger = Ledger.load(options.ledger_file)
    histories = ledger.record([page.document for page in site.documents], timestamps.now(), cache.content_digests(site))
    if cache.up_to_date(site) and not ledger.changed:
        swap.recover(options.out_dir.resolve())  # what a killed build left, even when nothing is built now
        cache.note_sources(read_key if read else "", unfinished)
        record = cache.record()
        files = {path: size for path, (size, _mtime) in record.files.items()}
        warnings = [*exposed, *unfinished, *record.problems()]
        seconds = time.perf_counter() - started
        return BuildResult(site, files, seconds, warnings, set(files), theme, config, len(site.documents))
    from generator.publish.write import write_site  # Jinja, Pagefind, every writer: only with something to write

    out = write_site(
        site,
        sources,
        histories,
        ledger,
        theme,
        cache,
        out_dir=options.out_dir,
        site_templates=site_templates,
        cache_folder=options.cache_folder,
        clean=options.clean,
        first=options.first,
        report=report,
    )
    ledger.save()
    cache.save(site, out, _sources_key(inputs, read, options.ledger_file) if read else "", unfinished)
    warnings = [*exposed, *unfinished, *out.warnings]
    seconds = time.perf_counter() - started
    return BuildResult(site, dict(out.written), seconds, warnings, out.reused, theme, config, len(site.documents))


def _sources_key(inputs: str, read: list[tuple[str, str]], ledger_file: Path) -> str:
    """What a build reads, in one digest: the inputs, the ledger (as the build found or left it) and each
    content file's path and digest."""
    ledger = ledger_file.read_bytes() if ledger_file.is_file() else b""
    return digest(inputs, ledger, *(part for pair in read for part in pair))
