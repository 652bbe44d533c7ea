"""One error hierarchy for everything a user can cause.

Every problem names the file and line, says what is wrong and what to do, and fits on one line,
because the people who run woosite are communications officers, not programmers.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.core.translation import _


@dataclass(frozen=True)
class Problem:
    """A single problem in a user's file: where it is, what is wrong, how to fix it."""

    path: Path | None
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{_display(self.path)}:{self.line}: " if self.line else f"{_display(self.path)}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


def _display(path: Path) -> str:
    """Show a path relative to the working directory when it lies below it; a relative path as it is given
    (resolving each of thousands of warnings' paths asked the file system for every folder on the way)."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.resolve().relative_to(_resolved(os.getcwd())))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    """The working directory with its links resolved (once per directory: every problem of an import shows it)."""
    return Path(folder).resolve()


class WoositeError(Exception):
    """Base class: an error a user can act on. The CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = Problem(None, None, problems)
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self) -> tuple[type[WoositeError], tuple[list[Problem]]]:
        """Keep the problems when the error crosses a process boundary (parallel rendering)."""
        return (type(self), (self.problems,))


class ContentError(WoositeError):
    """Content files or site.yaml are invalid; all problems of one run are collected."""


class BuildError(WoositeError):
    """The build could not produce a consistent site (URL collisions, template errors, ...)."""


class ImportFailed(WoositeError):
    """An export could not be imported; nothing was written."""

    exit_code = 2


def close_matches(word: str, choices: Mapping[str, str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The choices closest to ``word`` (difflib's ratio), compared by their keys and given as their values."""
    found = difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)
    return list(dict.fromkeys(choices[key] for key in found))


def did_you_mean(suggestions: Sequence[str]) -> str:
    """The one hint for a near miss (a field, a municipality): "did you mean 'a' or 'b'?"."""
    return _("did you mean {suggestions}?").format(suggestions=_(" or ").join(f"'{s}'" for s in suggestions))
