"""Symbolic links that leave the project are refused, never published (issue 17, item 5)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_woosite
from tests.test_errors import GOOD

SECRET = "root:x:0:0:secret-outside-the-project"


def _build(root: Path) -> tuple[int, list[str]]:
    result = run_woosite("build", "--content", str(root / "content"), "--out", str(root / "site"))
    assert "Traceback" not in result.stderr
    return result.returncode, [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize(
    "link",
    ["templates/static/passwd.txt", "content/lisse/stolen.md", "content/elsewhere", "templates/page.html"],
)
def test_link_leaving_the_project_is_refused(tmp_path: Path, link: str) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET)
    (outside / "folder" / "p.md").write_text(GOOD.replace("Tekst.", SECRET))
    root = tmp_path / "project"
    (root / "content" / "lisse").mkdir(parents=True)
    (root / "templates" / "static").mkdir(parents=True)
    (root / "site.yaml").write_text((Path(__file__).parent.parent / "site.yaml").read_text(encoding="utf-8"))
    (root / "content" / "lisse" / "p4.md").write_text(GOOD)
    target = outside / "folder" if link == "content/elsewhere" else outside / "secret.txt"
    if link.endswith(".md"):
        target = outside / "folder" / "p.md"
    (root / link).symlink_to(target)
    code, errors = _build(root)
    assert code == 1
    assert len(errors) == 1 and str(root / link) in errors[0] and "symbolic link" in errors[0], errors
    assert not (root / "site").exists()


def test_link_inside_the_project_is_published(project: Callable[..., Path]) -> None:
    root = project()
    (root / "assets").mkdir()
    (root / "assets" / "logo.txt").write_text("our logo")
    (root / "templates" / "static").mkdir(parents=True)
    (root / "templates" / "static" / "logo.txt").symlink_to(root / "assets" / "logo.txt")
    code, errors = _build(root)
    assert code == 0, errors
    assert (root / "site" / "static" / "logo.txt").read_text() == "our logo"


def test_a_templates_folder_that_is_itself_a_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "templates"
    (outside / "static").mkdir(parents=True)
    (outside / "static" / "passwd.txt").write_text(SECRET)
    root = tmp_path / "project"
    (root / "content" / "lisse").mkdir(parents=True)
    (root / "site.yaml").write_text((Path(__file__).parent.parent / "site.yaml").read_text(encoding="utf-8"))
    (root / "content" / "lisse" / "p4.md").write_text(GOOD)
    (root / "templates").symlink_to(outside)  # issue 26: its static/ was published
    code, errors = _build(root)
    assert code == 1
    assert len(errors) == 1 and str(root / "templates") in errors[0] and "symbolic link" in errors[0], errors
    assert not (root / "site").exists()
