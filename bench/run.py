"""Benchmark: clean build, no-change rebuild and one-edit rebuild for N synthetic documents.

    python bench/run.py [N ...]        (default: 100 1000 5000)

Runs the real command line (so times include starting Python) and writes bench/RESULTS.md. When the
`hugo` binary is installed, the same documents as plain Markdown are built with Hugo for comparison.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.results import RESULTS, write_section
from bench.synthetic import ROOT, make_project
from generator.content.frontmatter import split

HEADING = "## Build times"


def timed(*args: str, cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    return time.perf_counter() - started, result.stdout.strip()


def woosite(project: Path) -> dict[str, float]:
    build = [sys.executable, "-m", "generator", "build"]
    clean, summary = timed(*build, "--clean", cwd=project)
    unchanged, _ = timed(*build, cwd=project)
    edited = sorted((project / "content").glob("*.md"))[len(list((project / "content").glob("*.md"))) // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    one_edit, _ = timed(*build, cwd=project)
    files = int(re.search(r"(\d+) files", summary).group(1))  # type: ignore[union-attr]
    return {"clean": clean, "unchanged": unchanged, "one_edit": one_edit, "files": files}


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


def hugo(project: Path, work: Path) -> dict[str, float] | None:
    binary = shutil.which("hugo")
    if binary is None:
        return None
    target = work / "hugo"
    hugo_project(project, target)
    clean, _ = timed(binary, "--quiet", cwd=target)
    unchanged, _ = timed(binary, "--quiet", cwd=target)
    edited = sorted((target / "content").glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    one_edit, _ = timed(binary, "--quiet", cwd=target)
    files = sum(1 for p in (target / "public").rglob("*") if p.is_file())
    return {"clean": clean, "unchanged": unchanged, "one_edit": one_edit, "files": files}


def hugo_version() -> str:
    binary = shutil.which("hugo")
    return subprocess.run([binary, "version"], capture_output=True, text=True).stdout.strip() if binary else ""


def row(tool: str, count: int, t: dict[str, float]) -> str:
    return f"| {tool} | {count} | {t['files']:.0f} | {t['clean']:.2f} | {t['unchanged']:.2f} | {t['one_edit']:.2f} |"


def main(sizes: list[int]) -> None:
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    rows: list[str] = []
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="woosite-bench-") as tmp:
            project = make_project(Path(tmp) / "project", count)
            ours = woosite(project)
            theirs = hugo(project, Path(tmp))
        rows.append(row("woosite", count, ours))
        if theirs:
            rows.append(row("hugo", count, theirs))
        print(rows[-2:] if theirs else rows[-1:], flush=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    text = f"""{HEADING}

Written by `python bench/run.py {" ".join(map(str, sizes))}`. Each document is a copy of a bundled content file
(text, goals, a finance table) with its own publisher and programme, so the site has realistic indexes.
Times are wall-clock seconds of the command line, including starting Python and importing woosite
(about 0.6 s). The 2 cores were shared with other jobs (load average below), so absolute times are
pessimistic; compare the columns rather than the numbers.

Machine: {platform.machine()}, {cores} cores, {platform.system()} {platform.release()},
Python {platform.python_version()}; load average before the run: {load}.

| tool | documents | files | clean build | no-change rebuild | one-edit rebuild |
| --- | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

- **clean build**: `woosite build --clean` (no cache), into an empty output folder.
- **no-change rebuild**: `woosite build` again; nothing is produced or copied, the published folder is
  left as it is.
- **one-edit rebuild**: one sentence added to one document; its page and JSON, the indexes, the catalog
  and other site-wide files are produced again, the rest is copied from the previous output into the
  staging folder (copies, not hard links, so no later step can change the published site in place).
"""
    if hugo_version():
        text += f"""
### Hugo, for comparison

`{hugo_version()}` (Debian's `hugo` package) builds the same documents as plain Markdown (body text
plus the finance table as a Markdown table) with a minimal layout: one page per document and Hugo's
list pages. It writes fewer and simpler files than woosite (no JSON, catalog, schemas, structured data,
breadcrumbs, number formatting), so this compares the cost of a build, not equal outputs. `hugo`
has no persistent cache between runs, so its rebuilds are full builds (only `hugo server` rebuilds
incrementally, in memory).
"""
    write_section(HEADING, text)
    print(f"wrote the section '{HEADING}' of {RESULTS}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
