"""One preview session: build into a temporary folder, serve it, rebuild whenever a source changes.

The preview never publishes: ``site/``, the build cache and ``woo-ledger.json`` are never touched (the
preview has its own output folder, cache and copy of the ledger, removed at the end). A failed build
keeps the server running and shows the problems in the browser and the terminal; the next good build
replaces them.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.core.errors import Problem, WoositeError
from generator.core.reporting import Reporter, Silent
from generator.core.translation import _
from generator.models import SiteConfig
from generator.preview.server import PreviewServer
from generator.preview.state import PreviewState
from generator.preview.watcher import changed_paths, snapshot, wait_for_change
from generator.publish.build import BuildOptions, BuildResult, build
from generator.publish.cache import WarmDocuments
from generator.render.environment import compile_all
from generator.render.folders import BUILTIN_TEMPLATES

Say = Callable[[str], None]


@dataclass(frozen=True)
class PreviewOptions:
    content_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    config_path: Path | None = None


class Preview:
    """Owns the temporary folder, the server thread and the rebuild loop."""

    def __init__(self, options: PreviewOptions, say: Say) -> None:
        self.options = options
        self.say = say
        self.workdir = Path(tempfile.mkdtemp(prefix="woosite-serve-"))
        self.state = PreviewState(self.workdir / "site")
        self.stopping = threading.Event()
        try:
            self.server = PreviewServer((options.host, options.port), self.state)
        except OSError as exc:
            shutil.rmtree(self.workdir, ignore_errors=True)
            raise WoositeError(
                Problem(
                    None,
                    None,
                    _("cannot listen on {host}:{port}: {exc_strerror}").format(
                        host=options.host, port=options.port, exc_strerror=exc.strerror
                    ),
                    _("choose another port with --port, or stop the other program using it"),
                )
            ) from exc
        host = "localhost" if options.host in ("0.0.0.0", "::", "") else options.host
        self.url = f"http://{host}:{self.server.server_address[1]}/"
        published = BuildOptions(content_dir=options.content_dir, out_dir=self.state.out_dir)
        ledger = self.workdir / published.ledger_file.name
        if published.ledger_file.is_file():  # the real dates, in a copy that only the preview changes
            shutil.copyfile(published.ledger_file, ledger)
        build_options = replace(
            published,
            config_path=options.config_path,
            base_url=self.url,
            cache_dir=self.workdir / "cache",
            ledger_path=ledger,
            warm=WarmDocuments(),  # a warm process: unchanged files are not read again between rebuilds
            first=self.state.early,  # an edited document is shown before the rest of the site is rebuilt
        )
        self.build_options = build_options
        self.thread = threading.Thread(target=self.server.serve_forever, name="woosite-serve", daemon=True)
        self.sources = self._sources()

    def run(self, first_report: Reporter | None = None) -> None:
        """Build, serve and rebuild until ``stop()``; always clean up."""
        try:
            seen = snapshot(self.sources)
            # The first build runs before the server threads start, so it may use every core.
            first = self.rebuild(first_report or Silent())
            self.thread.start()
            if first is not None and first.config is not None:  # its pages were rendered in worker processes
                compile_all(self.build_options.project_dir / "templates", first.config.language)
            self.say(_("Preview on {url} (press Ctrl+C to stop); watching for changes.").format(url=self.url))
            while not self.stopping.is_set():
                settled = wait_for_change(self.sources, seen, self.stopping)
                if settled is None:
                    break
                changes = changed_paths(seen, settled)
                seen = settled
                shown = ", ".join(self._shown(p) for p in changes[:3])
                if len(changes) > 3:
                    shown = _("{files} and {count} more").format(files=shown, count=len(changes) - 3)
                self.say(_("changed: {files}").format(files=shown))
                self.rebuild(Silent())
        finally:
            self.close()

    def _sources(self, config: SiteConfig | None = None) -> list[Path]:
        """What a rebuild depends on (declared by ``BuildOptions.watched``) and the built-in templates."""
        return [*self.build_options.watched(config), BUILTIN_TEMPLATES]

    def rebuild(self, report: Reporter) -> BuildResult | None:
        try:
            result = build(self.build_options, report)
        except WoositeError as exc:
            self.state.failed([self._relative(problem) for problem in exc.problems])
            for problem in exc.problems:
                self.say(_("error: {problem}").format(problem=problem))
            self.say(_("The preview shows the error; fix the file and it rebuilds by itself."))
            return None
        except Exception as exc:  # a bug must not end the session: show it like a problem
            problem = Problem(
                None,
                None,
                _("internal error: {exc}").format(exc=repr(exc)),
                _("please report this to the woosite maintainers"),
            )
            self.state.failed([problem])
            self.say(_("error: {problem}").format(problem=problem))
            return None
        finally:
            report.close()
        self.state.succeeded()
        self.sources = self._sources(result.config)  # site.yaml may now name another list or theme
        for warning in result.warnings:
            self.say(_("warning: {warning}").format(warning=warning))
        self.say(result.summary())
        return result

    def stop(self) -> None:
        self.stopping.set()

    def close(self) -> None:
        self.stopping.set()
        if self.thread.is_alive():
            self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _shown(self, path: str) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.build_options.project_dir))
        except ValueError:
            return path

    def _relative(self, problem: Problem) -> Problem:
        """The problem with its file named as the team sees it: relative to the site's folder."""
        if problem.path is None:
            return problem
        return replace(problem, path=Path(self._shown(str(problem.path))))
