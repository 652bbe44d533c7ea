"""Shared fixtures: the repository's own example site, built once per test session, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Tests read messages in the language of the code (English); the Dutch run, the default for users, has its
# own tests (tests/test_translation.py). Set before any generator module reads it.
os.environ.setdefault("WOOSITE_LANG", "en")

from bench import shared
from generator.content.redaction_list import ENVIRONMENT as REDACTIONS_ENVIRONMENT
from scripts import example_redactions

ROOT = Path(__file__).resolve().parent.parent

# In CI the property tests replay a fixed sequence of examples, so a landing never depends on luck; on a
# developer's machine they explore new inputs every run (and keep failures in .hypothesis/ to replay).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
# The example's redaction list is never committed: made here from its documented rule, as
# scripts/build-example.sh and the Pages workflow make it, and given to every build of the session the way CI
# gives a secret list (tests of the redaction file itself set or clear the variable).
os.environ.setdefault(REDACTIONS_ENVIRONMENT, str(example_redactions.write(ROOT)))


@pytest.fixture(autouse=True)
def importer_messages_in_dutch(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The importer's tests were written against its Dutch messages (what the team reads): they run in Dutch."""
    from generator.core import translation

    if not request.node.module.__name__.split(".")[-1].startswith("test_import"):
        yield
        return
    monkeypatch.setenv(translation.ENVIRONMENT, "nl")
    translation.choose()
    yield
    monkeypatch.undo()
    translation.choose()


SEEDS = ROOT / "tests" / "fixtures" / "seeds"
"""The five real platform exports the example content/ is imported from, carried by the project (the same
files as ../shared/seeds), so the suite needs nothing beside the checkout."""
SHARED_DATA = shared.DATA
"""The shared data beside the checkout: only the test that the packaged schemas are the published ones reads
it (and skips without it)."""
DIWOO_SCHEMAS = ROOT / "generator" / "check" / "schemas"
"""The DiWoo schemas as woosite packages them (checked against the published ones where ../shared is)."""
RICH_PROJECT = ROOT / "tests" / "fixtures" / "rich"
"""A project with every kind of content the importer writes (nested sections, statuses, definition lists,
finance tables in several layouts), for the page templates' tests."""


def run_woosite(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line (python -m generator) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's generator, from any folder
        check=False,
    )


def run_python(code: str) -> str:
    """Run ``code`` in a fresh Python with this checkout's generator (what a command imports, what it
    compiles, starts from nothing there); fail the test with its error output; return what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def built(content: Path, out: Path, theme: str | None = None) -> Path:
    """Build ``content`` into ``out`` with the real command line; fail the test with its output if it fails.

    The project (site.yaml, content, ledger, site templates) is copied beside ``out`` first, so a test build
    never writes into the repository (the build updates ``woo-ledger.json`` beside the content).
    """
    source, project = content.parent, out.parent / "project"
    shutil.copytree(content, project / "content")
    for name in ("site.yaml", "woo-ledger.json"):
        if (source / name).is_file():
            shutil.copy(source / name, project / name)
    if (source / "templates").is_dir() and source != ROOT:
        shutil.copytree(source / "templates", project / "templates")
    if theme is not None:
        config = project / "site.yaml"
        config.write_text(config.read_text(encoding="utf-8") + f"theme: {theme}\n", encoding="utf-8")
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example content built into a temporary folder (once per session)."""
    return built(ROOT / "content", tmp_path_factory.mktemp("example") / "site")


MUNICIPAL_THEME = "gemeente-denhaag"
"""The municipality theme the browser tests run besides the neutral default (real npm token package)."""


@pytest.fixture(scope="session")
def example_site_municipal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example content built with the municipality theme (once per session)."""
    return built(ROOT / "content", tmp_path_factory.mktemp("example-municipal") / "site", MUNICIPAL_THEME)


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """A throw-away project (site.yaml + content/) copied from the example; returns its folder."""

    def make(with_content: bool = True) -> Path:
        (tmp_path / "content").mkdir()
        shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
        if with_content:
            shutil.copytree(ROOT / "content", tmp_path / "content", dirs_exist_ok=True)
        return tmp_path

    return make


@pytest.fixture(scope="session")
def rich_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``RICH_PROJECT`` built into a temporary folder named "woo" (its base_url is https://test.example.org/woo/)."""
    return built(RICH_PROJECT / "content", tmp_path_factory.mktemp("rich") / "woo")


@pytest.fixture(scope="session")
def rich_site_municipal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``RICH_PROJECT`` built with the municipality theme, into a folder named "woo"."""
    return built(RICH_PROJECT / "content", tmp_path_factory.mktemp("rich-municipal") / "woo", MUNICIPAL_THEME)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/hostile.py``: every script-injection vector in every field, file name and site.yaml text, built."""
    from tests.hostile import make_project

    project = make_project(tmp_path_factory.mktemp("hostile"))
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(project / "site"))
    assert result.returncode == 0, result.stderr
    return project / "site"
