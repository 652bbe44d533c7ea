"""The preview's watcher: the operating system reports saves (inotify, through watchfiles); a file that
appears later, a save made before the watch began, and a system that cannot watch are all still seen."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.preview import watcher
from generator.preview.watcher import snapshot, wait_for_change


def _later(seconds: float, action: Callable[[], None]) -> None:
    timer = threading.Timer(seconds, action)
    timer.daemon = True
    timer.start()


def _project(tmp_path: Path) -> list[Path]:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text("a\n", encoding="utf-8")
    return [tmp_path / "content", tmp_path / "redactions.yaml"]  # the second does not exist yet


def test_a_save_a_rename_and_a_new_file_are_each_seen(tmp_path: Path) -> None:
    sources = _project(tmp_path)
    stop = threading.Event()
    seen = snapshot(sources)
    page = tmp_path / "content" / "p.md"

    _later(0.3, lambda: page.write_text("b\n", encoding="utf-8"))
    seen = wait_for_change(sources, seen, stop) or {}
    assert seen[str(page)][0] == 2

    def rename_over() -> None:
        temp = page.with_name(".p.md.swp")
        temp.write_text("ccc\n", encoding="utf-8")  # an editor's temporary file: not a change by itself
        os.replace(temp, page)

    _later(0.3, rename_over)
    seen = wait_for_change(sources, seen, stop) or {}
    assert seen[str(page)][0] == 4 and not any(name.endswith(".swp") for name in seen)

    _later(0.3, lambda: (tmp_path / "redactions.yaml").write_text("redactions: []\n", encoding="utf-8"))
    seen = wait_for_change(sources, seen, stop) or {}
    assert str(tmp_path / "redactions.yaml") in seen


def test_a_save_made_while_the_preview_was_building_is_seen(tmp_path: Path) -> None:
    sources = _project(tmp_path)
    seen = snapshot(sources)
    (tmp_path / "content" / "p.md").write_text("during the build\n", encoding="utf-8")
    started = time.monotonic()
    assert wait_for_change(sources, seen, threading.Event()) != seen
    assert time.monotonic() - started < 5


def test_where_nothing_can_be_watched_the_files_are_polled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot_watch(*args: object, **kwargs: object) -> None:
        raise OSError("inotify watch limit reached")

    monkeypatch.setattr(watcher.watchfiles, "watch", cannot_watch)
    sources = _project(tmp_path)
    seen = snapshot(sources)
    _later(0.3, lambda: (tmp_path / "content" / "q.md").write_text("new\n", encoding="utf-8"))
    assert str(tmp_path / "content" / "q.md") in (wait_for_change(sources, seen, threading.Event()) or {})


def test_stopping_ends_the_wait(tmp_path: Path) -> None:
    sources = _project(tmp_path)
    stop = threading.Event()
    _later(0.3, stop.set)
    assert wait_for_change(sources, snapshot(sources), stop) is None
