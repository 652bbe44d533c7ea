"""Progress and summaries for long runs: a Rich progress bar in a terminal, plain lines in CI and logs.

A build or import reports phases ("Reading content", "Writing site") and advances them one item at a
time; the reporter decides how that looks. Nothing here knows about documents or pages.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO, TYPE_CHECKING, Protocol

from generator.core.translation import _, decimal, ngettext

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

_PLAIN_STEPS = 4
"""Plain reporters print a phase's progress at most this many times (25 %, 50 %, ...)."""


class Reporter(Protocol):
    """Receives progress; ``total`` is None when the number of items is not known in advance."""

    def phase(self, name: str, total: int | None = None) -> None: ...

    def advance(self, count: int = 1) -> None: ...

    def close(self) -> None: ...


class Silent:
    """Reports nothing: for library use and tests."""

    def phase(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class Lines:
    """One line when a phase starts and a few as it proceeds: readable in CI logs, no control codes."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self.shown = 0
        self.started = time.perf_counter()

    def phase(self, name: str, total: int | None = None) -> None:
        self.name, self.total, self.done, self.shown = name, total, 0, 0
        self._print(f"{name}" + (f" ({total})" if total else "") + " ...")

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.total and self.total >= 100:
            step = self.done * _PLAIN_STEPS // self.total
            if step > self.shown and self.done < self.total:
                self.shown = step
                self._print(f"{self.name}: {self.done}/{self.total}")

    def close(self) -> None:
        pass

    def _print(self, text: str) -> None:
        print(f"[{time.perf_counter() - self.started:6.1f}s] {text}", file=self.stream, flush=True)


class Bar:
    """A Rich progress bar on the terminal, one task per phase.

    Refreshed from the caller's thread (no refresh thread), so builds may still fork worker processes.
    """

    def __init__(self, console: Console | None = None) -> None:
        # Imported here: only a terminal shows a bar, and every other run (tests, CI, pipes) starts faster.
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=True,
            auto_refresh=False,
        )
        self.task: TaskID | None = None
        self.shown = 0.0
        self.progress.start()

    def phase(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(name, total=total)
        self.progress.refresh()

    def advance(self, count: int = 1) -> None:
        if self.task is not None:
            self.progress.advance(self.task, count)
            now = time.perf_counter()
            if now - self.shown > 0.1:
                self.shown = now
                self.progress.refresh()

    def close(self) -> None:
        self.progress.stop()


def for_terminal(stream: IO[str] | None = None) -> Reporter:
    """A progress bar on an interactive terminal; plain lines when output is a file, a pipe or CI."""
    stream = stream or sys.stderr
    if stream.isatty() and not os.environ.get("CI"):
        from rich.console import Console

        return Bar(Console(file=stream))
    return Lines(stream)


def summary(documents: int, pages: int, files: int, warnings: int, seconds: float, reused: int = 0) -> str:
    """The one line every build ends with."""
    line = _("{documents} documents, {pages} pages, {files} files, {warnings}, {seconds} s").format(
        documents=documents,
        pages=pages,
        files=files,
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        seconds=decimal(seconds, 2),
    )
    if reused:
        line += " " + _("({reused} files unchanged, reused)").format(reused=reused)
    return line
