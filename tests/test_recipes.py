"""``woosite init`` writes the publishing recipes and the requirement they install (the run of their steps
is in test_install.py, with the installed wheel)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import run_woosite

from generator import __version__
from generator.commands.install_source import from_direct_url


def test_init_writes_recipes_that_install_build_check_and_deploy(tmp_path: Path) -> None:
    result = run_woosite("init", str(tmp_path / "woo"), "--publisher", "Lisse")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "woo"
    github = yaml.safe_load((site / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in github["jobs"]["build"]["steps"] if "run" in step]
    assert runs[0] == "python -m pip install -r requirements.txt"
    assert runs[1].startswith("woosite build --base-url ") and runs[2] == "woosite check --strict"
    cached = [step for step in github["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert cached and cached[0]["with"]["path"] == ".woosite-cache", "a published rebuild is incremental too"
    gitlab = yaml.safe_load((site / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert gitlab["cache"]["paths"] == [".woosite-cache/"]
    assert gitlab["script"][-1] == "rm -rf public && mv site public" and gitlab["artifacts"]["paths"] == ["public"]
    assert "/public/" in (site / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (site / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1].startswith("woosite")


def test_init_keeps_a_recipe_that_is_already_there(tmp_path: Path) -> None:
    (tmp_path / "woo").mkdir()
    (tmp_path / "woo" / ".gitlab-ci.yml").write_text("# our own\n", encoding="utf-8")
    assert run_woosite("init", str(tmp_path / "woo")).returncode == 0
    assert (tmp_path / "woo" / ".gitlab-ci.yml").read_text(encoding="utf-8") == "# our own\n"


def test_the_requirement_names_where_woosite_came_from() -> None:
    git = {"url": "https://github.com/gemeente/woosite", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}
    assert from_direct_url(git) == "woosite @ git+https://github.com/gemeente/woosite@abc123"
    archive = {"url": "https://example.org/woosite-0.1.0-py3-none-any.whl", "archive_info": {}}
    assert from_direct_url(archive) == "woosite @ https://example.org/woosite-0.1.0-py3-none-any.whl"
    # A local wheel or checkout cannot be reached from a CI runner: the released version instead.
    assert from_direct_url({"url": "file:///home/x/woosite.whl", "archive_info": {}}) == f"woosite=={__version__}"
    assert from_direct_url({"url": "file:///home/x/woosite", "dir_info": {"editable": True}}) == (
        f"woosite=={__version__}"
    )
