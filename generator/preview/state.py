"""What the preview server shows: the folder of the last good build, or the problems of a failed one."""

from __future__ import annotations

import threading
from pathlib import Path

from generator.core.errors import Problem
from generator.core.translation import _


class PreviewState:
    """Shared between the rebuild loop and the request threads; every change bumps ``generation``.

    While a rebuild runs, the last build's folder is served (it is swapped for the new one in one step), and
    the edited documents' own files from the new build as soon as they are there (``early``)."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.generation = 0
        self.problems: list[Problem] = [Problem(None, None, _("the site has not been built yet"), _("wait a moment"))]
        self.ready = False
        """A build has ended (well or not): from then on requests never wait."""
        self.overlay: dict[str, Path] = {}
        """Site path -> file in the running build's staging folder: the edited documents, shown first."""
        self._changed = threading.Condition()

    def early(self, staging: Path, files: list[str]) -> None:
        """The running build wrote the edited documents' files: show them now."""
        with self._changed:
            self.overlay = {path: staging / path for path in files}
            self.generation += 1
            self._changed.notify_all()

    def early_file(self, site_path: str) -> Path | None:
        with self._changed:
            return self.overlay.get(site_path)

    def succeeded(self) -> None:
        self._publish([])

    def failed(self, problems: list[Problem]) -> None:
        self._publish(problems)

    def _publish(self, problems: list[Problem]) -> None:
        with self._changed:
            self.problems = problems
            self.overlay = {}
            self.ready = True
            self.generation += 1
            self._changed.notify_all()

    def wait_for_change(self, generation: int, timeout: float) -> int:
        """Block until the generation differs from ``generation`` (or the timeout passes); return it."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != generation, timeout)
            return self.generation

    def wait_until_built(self, timeout: float) -> None:
        """Wait for the first build: before it there is nothing to serve."""
        with self._changed:
            self._changed.wait_for(lambda: self.ready, timeout)
