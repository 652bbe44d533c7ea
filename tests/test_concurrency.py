"""Concurrent use: one build of a project at a time (a lock the kernel drops with its process), and the
preview server under a bounded local load during rebuilds, never serving a file outside its folder."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from generator.preview.server import _site_file
from generator.publish import lock
from tests.conftest import ROOT, run_woosite
from tests.test_serve import CONTENT, PAGE, Served, served, wait_until

__all__ = ["served"]  # the preview fixture, shared with test_serve

LOCK_MESSAGE = "another build of this project is running"


def _build_args(root: Path) -> list[str]:
    return ["build", "--content", str(root / "content"), "--out", str(root / "site")]


def test_a_second_build_while_one_runs_stops_with_one_line(project: Callable[..., Path]) -> None:
    root = project()
    (root / "site" / "api").mkdir(parents=True)  # a previous site, as woosite leaves one
    (root / "site" / "index.html").write_text("previous site", encoding="utf-8")
    (root / "site" / "api" / "index.json").write_text("{}", encoding="utf-8")
    with lock.held(root / ".woosite-cache" / lock.FILE_NAME):  # a build in progress, as far as others see
        result = run_woosite(*_build_args(root))
    assert result.returncode == 1
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert LOCK_MESSAGE in line and f"process {os.getpid()}" in line and "build.lock" in line
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "previous site", "nothing was changed"
    assert run_woosite(*_build_args(root)).returncode == 0, "the lock is gone with its holder"


def test_a_stale_lock_of_a_dead_process_does_not_block(project: Callable[..., Path]) -> None:
    root = project()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from generator.publish import lock; "
            "l = lock.held(__import__('pathlib').Path(sys.argv[1])); l.__enter__(); print('held', flush=True); "
            "time.sleep(60)",
            str(root / ".woosite-cache" / lock.FILE_NAME),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert LOCK_MESSAGE in run_woosite(*_build_args(root)).stderr
    finally:
        holder.kill()  # SIGKILL: no clean-up runs, the lock file stays behind with its pid
        holder.wait()
    assert (root / ".woosite-cache" / lock.FILE_NAME).read_text().strip() == str(holder.pid)
    result = run_woosite(*_build_args(root))
    assert result.returncode == 0, result.stderr


def test_builds_started_together_never_corrupt_the_project(project: Callable[..., Path]) -> None:
    root = project()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes: list[int] = []
    for _round in range(3):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "generator", *_build_args(root), "--clean"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        for run in runs:
            _out, err = run.communicate(timeout=300)
            assert run.returncode == 0 or LOCK_MESSAGE in err, err
            outcomes.append(run.returncode)
        check = run_woosite("check", "--site", str(root / "site"), "--config", str(root / "site.yaml"))
        assert check.returncode == 0, check.stdout
    assert 0 in outcomes
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")], "no staging folder left behind"


def _raw_get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


ESCAPES = [
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%252e%252e%252fetc%252fpasswd",
    "/..\\..\\..\\etc\\passwd",
    "/%5c..%5c..%5cetc%5cpasswd",
    "/%00/etc/passwd",
    "//etc/passwd",
    "/static/../../../../etc/passwd",
    "/outside-link",
    "/outside-dir/passwd",
]


def test_the_file_server_never_serves_outside_its_folder(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim", encoding="utf-8")
    (root / "outside-link").symlink_to(secret)
    (root / "outside-dir").symlink_to(tmp_path)
    for path in ESCAPES:
        file = _site_file(root, path)
        assert file is None or (file.resolve().is_relative_to(root.resolve()) and not file.exists()), path


def test_serve_under_load_during_rebuilds_answers_every_request(served: Served) -> None:
    """8 clients x 40 requests on loopback while the content is edited three times: every answer is complete
    (the whole page, old or new), nothing outside the site is served."""
    port = int(served.base.rstrip("/").rsplit(":", 1)[1])
    (served.root / "secret.txt").write_text("geheim", encoding="utf-8")
    source = served.root / CONTENT
    original = source.read_text(encoding="utf-8")
    failures: list[str] = []
    served_count = [0]

    def client(n: int) -> None:
        for i in range(40):
            path = ESCAPES[(n + i) % len(ESCAPES)] if i % 4 == 3 else "/" + PAGE
            status, body = _raw_get(port, path)
            if path.endswith(PAGE) and (status != 200 or not body.rstrip().endswith(b"</html>")):
                failures.append(f"{path}: {status} {body[-60:]!r}")
            if b"geheim" in body or b"root:" in body:
                failures.append(f"{path}: served a file outside the site")
            served_count[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for edit in range(3):
        source.write_text(original.replace("Datalab Gelderland Oost", f"Datalab versie {edit}"), encoding="utf-8")
        time.sleep(1.0)
    for thread in threads:
        thread.join(timeout=240)
    assert served_count[0] == 8 * 40 and failures == []
    wait_until(served.page_shows(PAGE, "Datalab versie 2"), "the last edit")


def test_serve_is_loopback_by_default() -> None:
    """The preview listens on 127.0.0.1 unless told otherwise: nobody else on the network sees a draft."""
    from generator.commands.serve import command

    assert [p.default for p in command.params if p.name == "host"] == ["127.0.0.1"]
