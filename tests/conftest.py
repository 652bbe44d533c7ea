"""Shared fixtures: the repository's own example site, built once per test session, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


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


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example content built into a temporary folder (once per session)."""
    out = tmp_path_factory.mktemp("example") / "site"
    result = run_woosite("build", "--content", str(ROOT / "content"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


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
