"""Progress: a bar on a terminal (Rich, loaded only then), plain lines in a pipe, a file or CI."""

from __future__ import annotations

import io

import pytest

from generator.core import reporting


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_and_a_pipe_gets_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    screen = Terminal()
    bar = reporting.for_terminal(screen)
    assert isinstance(bar, reporting.Bar)
    bar.phase("Content lezen", 3)
    bar.advance(3)
    bar.close()
    assert "Content lezen" in screen.getvalue()
    piped = io.StringIO()
    lines = reporting.for_terminal(piped)
    assert isinstance(lines, reporting.Lines)
    lines.phase("Content lezen", 3)
    assert "Content lezen" in piped.getvalue()


def test_ci_gets_lines_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert isinstance(reporting.for_terminal(Terminal()), reporting.Lines)
