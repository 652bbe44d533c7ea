"""What the preview server shows: the folder of the last good build, or the problems of a failed one."""

from __future__ import annotations

import threading
from pathlib import Path

from generator.core.errors import Problem
from generator.core.translation import _


class PreviewState:
    """Shared between the rebuild loop and the request threads; every change bumps ``generation``."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.generation = 0
        self.problems: list[Problem] = [Problem(None, None, _("the site has not been built yet"), _("wait a moment"))]
        self.building = False
        self._changed = threading.Condition()

    def started(self) -> None:
        with self._changed:
            self.building = True

    def succeeded(self) -> None:
        self._publish([])

    def failed(self, problems: list[Problem]) -> None:
        self._publish(problems)

    def _publish(self, problems: list[Problem]) -> None:
        with self._changed:
            self.problems = problems
            self.building = False
            self.generation += 1
            self._changed.notify_all()

    def wait_for_change(self, generation: int, timeout: float) -> int:
        """Block until the generation differs from ``generation`` (or the timeout passes); return it."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != generation, timeout)
            return self.generation

    def wait_until_built(self, timeout: float) -> None:
        """Wait while a build swaps the folder in, so a request never sees it half-replaced."""
        with self._changed:
            self._changed.wait_for(lambda: not self.building, timeout)
