"""A build killed (SIGKILL) at any moment leaves a complete site/, no process and, after the next build,
no staging folder behind; the next build gives exactly what a clean build gives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from woo_content import build, write_content

from bench.synthetic import make_project
from generator.core import atomic
from generator.publish import swap
from tests.conftest import ROOT, run_woosite
from tests.test_errors import GOOD
from tests.test_incremental import assert_same_tree, clean, incremental

KILLS = 8
DOCUMENTS = 220
"""Enough for the build to fork worker processes (generator/core/parallel.py), which must die with it."""


def start_build(root: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", *extra],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WOOSITE_WORKERS": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: every worker it starts can be found by the group
    )


def group_members(group: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z" and int(fields[2]) == group:
                members.append(int(entry.name))
    return members


def wait_until_gone(group: int, seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := group_members(group)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def test_killed_builds_never_lose_the_site_nor_leave_anything_behind(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", DOCUMENTS)
    edited = root / "content/doc-00007.md"
    durations = []
    for _ in range(2):  # a clean build, then an incremental one: how long each kind takes here
        started = time.monotonic()
        assert start_build(root).wait(timeout=300) == 0
        durations.append(time.monotonic() - started)
        edited.write_text(edited.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    rng = random.Random(9)
    for kill in range(KILLS):
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nZin {kill}.\n", encoding="utf-8")
        cold = kill % 4 == 1  # clean builds fork worker processes; incremental ones are mostly the swap
        build = start_build(root, *(["--clean"] if cold else []))
        time.sleep(rng.uniform(0.2, durations[0] if cold else durations[1] * 1.2))
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
        assert not wait_until_gone(build.pid), f"kill {kill}: worker processes outlived the build"
        assert (root / "site/index.html").is_file(), f"kill {kill}: no complete site/ after the kill"
    assert incremental(root).files  # this build cleans up after the killed ones
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site-")]
    assert not leftovers, f"staging folders left behind: {leftovers}"
    clean(root)
    assert_same_tree(root / "site", root / "clean")


def test_a_site_moved_aside_by_a_killed_swap_is_put_back(tmp_path: Path) -> None:
    """Where the swap takes two renames, a kill between them leaves the old site aside: the next build restores it."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    aside = tmp_path / f".site-old-{dead}-x" / "site"
    aside.mkdir(parents=True)
    (aside / "index.html").write_text("old site", encoding="utf-8")
    staged = tmp_path / f".site-new-{dead}-y"
    staged.mkdir()
    mine = swap.new_folder(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", mine.name])


def _dead_pid() -> int:
    """The id of a process that has ended (a child that ran and was reaped)."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_a_build_that_changes_nothing_still_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    """Issue 26: the no-change build returned before the cleanup that every other build does."""
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    write_content(tmp_path, "lisse/p4.md", GOOD)
    build(tmp_path)
    left = tmp_path / f".site-new-{_dead_pid()}-abc12345"
    (left / "lisse").mkdir(parents=True)
    running = tmp_path / f".site-new-{os.getpid()}-def67890"  # a build that still runs keeps its folder
    running.mkdir()
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert not left.exists() and running.exists()


def test_the_temporary_files_of_a_killed_import_are_removed_by_the_next_writer(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "lisse"
    folder.mkdir(parents=True)
    killed = folder / f".p4.md-{_dead_pid()}-k1ll3d_x.tmp"
    killed.write_bytes(b"")
    running = folder / f".p5.md-{os.getpid()}-runn1ng_.tmp"
    running.write_bytes(b"")
    atomic.write_atomic(folder / "p6.md", "tekst\n")
    assert not killed.exists() and running.exists()
    assert sorted(p.name for p in folder.iterdir()) == [running.name, "p6.md"]
