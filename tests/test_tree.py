"""The files below a folder, listed once for the build's checks and its record (generator/core/tree.py)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.core.tree import site_paths, sizes_and_times


def test_sizes_and_times_list_what_site_paths_lists_with_each_files_status(tmp_path: Path) -> None:
    (tmp_path / "a/b/c").mkdir(parents=True)
    for name, text in {"index.html": "x", "a/b/c/deep.json": "{}", "a/b/page.html": "<p>", "a/b/é.csv": "1"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "a/link").symlink_to(tmp_path / "a/b", target_is_directory=True)  # not followed, as os.walk
    (tmp_path / "a/file-link").symlink_to(tmp_path / "index.html")
    listed = {path: (size, mtime) for path, size, mtime in sizes_and_times(tmp_path)}
    assert sorted(listed) == site_paths(tmp_path)
    assert sorted(listed) == ["a/b/c/deep.json", "a/b/page.html", "a/b/é.csv", "a/file-link", "index.html"]
    for path, (size, mtime) in listed.items():
        status = os.stat(tmp_path / path)
        assert (size, mtime) == (status.st_size, status.st_mtime_ns)
    assert list(sizes_and_times(tmp_path / "missing")) == []
