"""The files below a folder: the output as the build lists it (core/tree.py), the content it reads (content/loader)."""

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


def test_content_files_are_listed_as_path_sorts_them_without_hidden_ones(tmp_path: Path) -> None:
    from generator.content.loader import content_files

    names = ["b.md", "a-c/x.md", "a/b.md", "a/z/y.md", "A.md", "a/notes.txt", ".hidden.md", "a/.drafts/d.md", "é.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)  # not followed, as rglob
    (tmp_path / "file-link.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "missing.md")
    listed = content_files(tmp_path)
    assert listed == sorted(listed)
    assert [p.relative_to(tmp_path).as_posix() for p in listed] == [
        "A.md",
        "a/b.md",
        "a/z/y.md",
        "a-c/x.md",
        "b.md",
        "file-link.md",
        "é.md",
    ]
