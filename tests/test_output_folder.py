"""A wrong --out never deletes the project: the folder the build would replace is checked before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_woosite


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "out",
    [".", "content", "content/lisse", "templates", "templates/site", "..", "notes", "repo"],
    ids=["project", "content", "inside-content", "templates", "inside-templates", "ancestor", "foreign", "git"],
)
def test_wrong_out_is_refused_before_anything_is_deleted(project: Callable[..., Path], out: str) -> None:
    root = project()
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / "templates").mkdir()
    (root / "templates" / "page.html").write_text("{% extends 'base.html' %}")
    (root / "notes").mkdir()
    (root / "notes" / "todo.txt").write_text("mine")
    (root / "repo" / ".git").mkdir(parents=True)
    (root / "repo" / "index.html").write_text("")
    (root / "repo" / "api").mkdir()
    (root / "repo" / "api" / "index.json").write_text("{}")
    before = _snapshot(root)
    result = run_woosite("build", "--content", str(root / "content"), "--out", out, cwd=root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"refusing to build into --out {out}" in errors[0], result.stderr
    assert _snapshot(root) == before  # content/, site.yaml, .git, templates/: all there, unchanged
    assert not any(p.name.startswith(".") and "-new-" in p.name for p in root.parent.iterdir())


def test_a_site_woosite_built_is_replaced_as_before(project: Callable[..., Path]) -> None:
    root = project()
    first = run_woosite("build", "--content", "content", "--out", "public", cwd=root)
    assert first.returncode == 0, first.stderr
    (root / "public" / "stale.txt").write_text("left by an older build")
    again = run_woosite("build", "--clean", "--content", "content", "--out", "public", cwd=root)
    assert again.returncode == 0, again.stderr
    assert not (root / "public" / "stale.txt").exists()
