"""The redaction list lives outside the repository: a file the site names, git-ignored, or given by CI.

Every test here sets or clears ``WOOSITE_REDACTIONS`` itself (the session gives builds the example's list).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import run_woosite
from woo_content import CIVIL_SERVANTS, all_text, seed_002_document, write_content

from generator.content.redaction_list import ENVIRONMENT

LIST = "redactions:\n" + "".join(f"  - {{text: {name}, ground: 5.1.2e}}\n" for name in CIVIL_SERVANTS)
SITE = "title: Test\nbase_url: https://example.org/\ncontact: {email: woo@example.org}\n"


@pytest.fixture(autouse=True)
def _no_list_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)


def _project(root: Path, site_yaml: str = SITE, redactions: str | None = LIST) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    if redactions is not None:
        (root / "redactions.yaml").write_text(redactions, encoding="utf-8")
    write_content(root, "leidschendam-voorburg/moderne-overheid.md", seed_002_document())
    return root


def _build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_woosite("build", "--content", str(project / "content"), "--out", str(project / "site"), *extra)


def _leaked(site: Path) -> set[str]:
    return {name for text in all_text(site).values() for name in CIVIL_SERVANTS if name.lower() in text.lower()}


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def test_redactions_yaml_beside_site_yaml_is_applied(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert _leaked(project / "site") == set()
    assert "git tracks" not in result.stderr, "not in git: nothing to warn about"


def test_without_a_list_the_names_would_be_published(tmp_path: Path) -> None:
    """The seed names the people: without the list they are in the site (so the other tests can fail)."""
    project = _project(tmp_path, redactions=None)
    assert _build(project).returncode == 0
    assert _leaked(project / "site") == set(CIVIL_SERVANTS)


def test_a_named_list_that_is_missing_stops_the_build(tmp_path: Path) -> None:
    """A clean clone, or CI without its secret, fails instead of publishing the names."""
    project = _project(tmp_path, SITE + "redactions_file: geheim/lijst.yaml\n", redactions=None)
    (project / "site" / "api").mkdir(parents=True)
    (project / "site" / "index.html").write_text("previous site", encoding="utf-8")
    (project / "site" / "api" / "index.json").write_text("{}", encoding="utf-8")
    result = _build(project)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "lijst.yaml" in line and "redaction list is not there" in line and "Traceback" not in result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "previous site"
    (project / "geheim").mkdir()
    (project / "geheim" / "lijst.yaml").write_text(LIST, encoding="utf-8")
    assert _build(project).returncode == 0
    assert _leaked(project / "site") == set()


def test_the_environment_names_the_list_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path / "p", SITE + "redactions_file: redactions.yaml\n", redactions=None)
    secret = tmp_path / "secret.yaml"
    secret.write_text(LIST, encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(secret))
    assert _build(project).returncode == 0
    assert _leaked(project / "site") == set()
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "forgotten.yaml"))
    result = _build(project)
    assert result.returncode == 1 and f"${ENVIRONMENT}" in result.stderr


def test_a_changed_list_rebuilds(tmp_path: Path) -> None:
    """The list is part of every incremental key, though it is not in site.yaml."""
    project = _project(tmp_path, redactions="redactions: []\n")
    assert _build(project).returncode == 0
    assert _leaked(project / "site") == set(CIVIL_SERVANTS)
    (project / "redactions.yaml").write_text(LIST, encoding="utf-8")
    assert _build(project).returncode == 0
    assert _leaked(project / "site") == set()


def test_a_list_in_a_tracked_file_gets_a_warning(tmp_path: Path) -> None:
    inline = SITE + "redactions:\n" + LIST.removeprefix("redactions:\n")
    project = _project(tmp_path, inline, redactions=None)
    _git(project, "init", "-q")
    _git(project, "add", "site.yaml")
    _git(project, "commit", "-qm", "site")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert _leaked(project / "site") == set(), "still redacted"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:") and "redaction" in line]
    assert len(warnings) == 1
    assert "site.yaml:5: the redaction list is in a file git tracks" in warnings[0]
    assert "redactions.yaml" in warnings[0], "says what to do"


def test_a_tracked_redactions_yaml_gets_a_warning_an_ignored_one_none(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _git(project, "init", "-q")
    (project / ".gitignore").write_text("/redactions.yaml\n/site/\n/.woosite-cache/\n", encoding="utf-8")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "site")
    assert "git tracks" not in _build(project).stderr
    _git(project, "add", "-f", "redactions.yaml")
    result = _build(project)
    assert "redactions.yaml:1: the redaction list is in a file git tracks" in result.stderr


def test_errors_in_the_list_name_file_and_line(tmp_path: Path) -> None:
    project = _project(tmp_path, redactions="redactions:\n  - {text: Marian Rood}\n  - {text: x, ground: 5.1.2e}\n")
    result = _build(project)
    assert result.returncode == 1
    assert "redactions.yaml:3:" in result.stderr and "Traceback" not in result.stderr


def test_check_verifies_with_the_list_from_the_file(tmp_path: Path) -> None:
    project = _project(tmp_path, redactions=None)
    assert _build(project).returncode == 0  # built without the list: the names are in it
    (project / "redactions.yaml").write_text(LIST, encoding="utf-8")
    result = run_woosite("check", "--site", str(project / "site"), "--config", str(project / "site.yaml"))
    assert result.returncode == 1
    assert "'Marian Rood' (redacted under Woo 5.1.2e" in result.stdout


def test_init_keeps_the_list_out_of_git(tmp_path: Path) -> None:
    site = tmp_path / "lisse"
    assert run_woosite("init", str(site), "--publisher", "Lisse").returncode == 0
    assert (site / "redactions.yaml").is_file()
    _git(site, "init", "-q")
    ignored = subprocess.run(["git", "check-ignore", "redactions.yaml"], cwd=site, capture_output=True, check=False)
    assert ignored.returncode == 0, ".gitignore ignores the list"
    (site / "redactions.yaml").write_text(LIST, encoding="utf-8")
    write_content(site, "leidschendam-voorburg/moderne-overheid.md", seed_002_document())
    result = _build(site)
    assert result.returncode == 0, result.stderr
    assert _leaked(site / "site") == set()
    (site / "redactions.yaml").unlink()
    assert _build(site).returncode == 1, "site.yaml names the list: without it nothing is built"
