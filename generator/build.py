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
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator import redaction, timestamps
from generator.content.loader import load_config, load_documents
from generator.ledger import FILE_NAME as LEDGER_FILE
from generator.ledger import Ledger
from generator.outputs import api, csv_data, dcat, diwoo, feed, headers, pages, schema_org, search, sitemaps
from generator.outputs.downloads import downloads
from generator.outputs.writer import OutputWriter
from generator.render.environment import make_environment
from generator.structure import Site, build_site


@dataclass(frozen=True)
class BuildOptions:
    content_dir: Path
    out_dir: Path
    config_path: Path | None = None
    base_url: str | None = None

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


@dataclass(frozen=True)
class BuildResult:
    site: Site
    files: dict[str, int]
    seconds: float

    def summary(self) -> str:
        pages_written = sum(1 for p in self.files if p.endswith(".html"))
        return (
            f"built {len(self.site.documents)} documents: {pages_written} pages, {len(self.files)} files "
            f"in {self.seconds:.2f} s"
        )


Step = Callable[[Site, OutputWriter], None]


def build(options: BuildOptions) -> BuildResult:
    """Build the site; raise a WoositeError (and leave ``out_dir`` untouched) on any problem."""
    started = time.perf_counter()
    config = redaction.apply_to_config(load_config(options.config_file))
    sources = redaction.apply(load_documents(options.content_dir, config), config.redactions)
    site = build_site(config, sources, options.base_url)
    ledger = Ledger.load(options.ledger_file)
    histories = ledger.record([page.document for page in site.documents], timestamps.now())
    site_templates = options.project_dir / "templates"
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
    with staging(options.out_dir) as out:
        for step in steps:
            step(site, out)
        redaction.verify(out.root, config.redactions)
        files = dict(out.written)
    ledger.save()
    return BuildResult(site=site, files=files, seconds=time.perf_counter() - started)


@contextmanager
def staging(target: Path) -> Iterator[OutputWriter]:
    """Write into a temporary folder beside ``target``; on success swap it in, on failure delete it."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        yield OutputWriter(tmp)
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
