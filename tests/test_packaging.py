"""The wheel holds exactly what woosite needs, declared, built without warnings (issue 27).

Every file git tracks below ``generator/`` and ``templates/`` (the latter as ``generator/builtin_templates``)
is in the wheel, plus the compiled message catalogs; nothing else is (no tests, no caches, no site).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


def _tracked() -> set[str]:
    result = subprocess.run(
        ["git", "ls-files", "generator", "templates"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not result.stdout:
        pytest.skip("not a git checkout: the list of files the wheel must hold comes from git")
    return {
        "generator/builtin_templates/" + name.removeprefix("templates/") if name.startswith("templates/") else name
        for name in result.stdout.splitlines()
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], str]:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v", "-w", str(out), str(ROOT)],
        cwd=build,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = out.glob("woosite-*.whl")
    with zipfile.ZipFile(built) as archive:
        return set(archive.namelist()), result.stdout + result.stderr


def test_the_wheel_builds_without_warnings(wheel: tuple[set[str], str]) -> None:
    _names, log = wheel
    assert "would be ignored" not in log and "absent from the `packages` configuration" not in log


def test_the_wheel_holds_exactly_the_tracked_files_and_the_compiled_catalogs(wheel: tuple[set[str], str]) -> None:
    names, _log = wheel
    files = {n for n in names if not n.startswith("woosite-") and not n.endswith("/")}
    expected = _tracked() | {"generator/core/locale/nl/LC_MESSAGES/woosite.mo"}
    assert sorted(files - expected) == []
    assert sorted(expected - files) == []
