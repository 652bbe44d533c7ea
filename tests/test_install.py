"""From install to published: the wheel, installed into a fresh environment, makes and publishes a site.

From an empty folder outside the source tree: install the wheel, ``woosite init``, import one real export,
then run the steps of the publishing recipes ``init`` wrote (GitHub Pages and GitLab Pages) exactly as
written, with only their install line replaced by the local wheel: build with the public address, check,
deploy folder ready. Only what the site repository contains is used.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS

from generator import __version__


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip wheel`` builds from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], check=True, cwd=out
    )
    (found,) = out.glob("woosite-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; its dependencies are this environment's
    (already installed), so the test needs no network."""
    folder = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install(folder, wheel)
    return folder


PIP = [sys.executable, "-m", "pip"]
OFFLINE = ["-q", "--no-deps", "--no-index", "--force-reinstall"]


def install(venv: Path, wheel: Path) -> None:
    subprocess.run(
        [*PIP, "--python", str(venv / "bin" / "python"), "install", *OFFLINE, str(wheel)],
        check=True,
    )


def shell(command: str, cwd: Path, venv: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a command as a CI runner would: bash, woosite on the PATH, nothing of the source tree."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    path = f"{venv / 'bin'}{os.pathsep}{clean.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=cwd,
        env={**clean, "PATH": path, "CI": "true", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_wheel_carries_templates_static_files_strings_recipes_and_data(wheel: Path) -> None:
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "generator/builtin_templates/base.html",
        "generator/builtin_templates/static/style.css",
        "generator/builtin_templates/strings/nl.yaml",
        "generator/content/recipes/github-pages.yml",
        "generator/reference/data/organisations.csv",
        "generator/check/schemas/diwoo-metadata.xsd",
    ):
        assert name in names
    repository = {p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    shipped = {n.removeprefix("generator/builtin_templates/") for n in names if "builtin_templates/" in n}
    assert repository <= shipped


def test_from_an_empty_folder_to_a_published_site(venv: Path, wheel: Path, tmp_path: Path) -> None:
    assert ok(shell("woosite --version", tmp_path, venv)).strip() == f"woosite, version {__version__}"
    ok(shell("woosite init woo-lisse --publisher Lisse", tmp_path, venv))
    repo = tmp_path / "woo-lisse"
    config = repo / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('email: ""', 'email: "woo@lisse.nl"'), "utf-8")
    seed = next(SEEDS.glob("000_*.txt"))  # Lisse, begroting 2021, programme 4: all stated in the text
    ok(shell(f"woosite import {seed}", repo, venv))
    assert (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"woosite=={__version__}"

    # GitHub Pages: every `run:` step of the workflow init wrote, in order.
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step]
    assert any("requirements.txt" in run for run in runs)
    for run in runs:
        if "pip install" in run:
            install(venv, wheel)  # the install step, from the local wheel instead of requirements.txt
            continue
        ok(
            shell(
                run.replace("${{ steps.pages.outputs.base_url }}", "https://gemeente-lisse.github.io/woo"), repo, venv
            )
        )
    record = json.loads((repo / "site" / "woosite-build.json").read_text(encoding="utf-8"))
    assert record["base_url"] == "https://gemeente-lisse.github.io/woo/"
    assert list((repo / "site").glob("sitemapindex-diwoo-infocat*.xml"))
    page = (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="/woo/' in page

    # GitLab Pages: the job's script lines, in one shell as GitLab runs them.
    job = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    script = [line for line in job["script"] if not re.search(r"pip install", line)]
    assert len(script) == len(job["script"]) - 1
    install(venv, wheel)
    out = ok(shell("\n".join(script), repo, venv, CI_PAGES_URL="https://gemeente-lisse.gitlab.io/woo"))
    assert "sitemapindex-diwoo-infocat012.xml" in out  # what to register with the Woo-index
    assert (repo / job["artifacts"]["paths"][0] / "index.html").is_file()
    built = json.loads((repo / "public" / "woosite-build.json").read_text(encoding="utf-8"))
    assert built["base_url"] == "https://gemeente-lisse.gitlab.io/woo/"
