"""The one way woosite writes a file in a project (core/atomic.py): whole or not at all, and ``create_atomic``
(``init``, ``new``) never replaces a file that is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.core.atomic import create_atomic, write_atomic


def test_create_writes_a_new_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "content" / "lisse" / "p.md"
    assert create_atomic(target, "tekst\n")
    assert target.read_text(encoding="utf-8") == "tekst\n"
    assert [p.name for p in target.parent.iterdir()] == ["p.md"]


@pytest.mark.parametrize("hard_links", [True, False])
def test_create_never_replaces_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool) -> None:
    """Also where the file system has no hard links (the fallback checks, then renames)."""
    if not hard_links:

        def no_links(*args: object) -> None:
            raise PermissionError("no hard links here")

        monkeypatch.setattr(os, "link", no_links)
        assert create_atomic(tmp_path / "fresh.md", "nieuw\n")
        assert (tmp_path / "fresh.md").read_text(encoding="utf-8") == "nieuw\n"
    target = tmp_path / "p.md"
    write_atomic(target, "door de redactie bewerkt\n")
    assert not create_atomic(target, "nieuw\n")
    assert target.read_text(encoding="utf-8") == "door de redactie bewerkt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["p.md", *([] if hard_links else ["fresh.md"])])


def test_a_create_stopped_half_way_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stopped(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", stopped)
    with pytest.raises(KeyboardInterrupt):
        create_atomic(tmp_path / "p.md", "tekst\n" * 1000)
    assert list(tmp_path.iterdir()) == []
