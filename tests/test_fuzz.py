"""Bad input never crashes: the importer and the loader, fed random bytes and mutations of the real files
(truncated, bytes flipped, invalid UTF-8, lines dropped or repeated, values of the wrong type, deep nesting,
binary, 50 MB), either succeed or report problems that each name the file (and the line where there is one).

Bounded: each property runs a fixed number of examples (figures in SECURITY.md); YAML aliases and duplicate
keys are left out of the generated input on purpose (issue 17 handles them).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.loader import load_config, load_document
from generator.core.errors import WoositeError
from generator.core.limits import MAX_FILE_BYTES
from generator.importer.pipeline import ImportOptions, import_bytes
from generator.models import SiteConfig
from tests.conftest import ROOT, SEEDS, run_woosite

SEED_FILES = sorted(SEEDS.glob("*.txt"))
CONTENT_FILES = sorted((ROOT / "content").rglob("*.md"))
CONFIG = SiteConfig(title="Fuzz", base_url="https://example.org/")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WRONG_TYPES = [
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "{a: {b: {c: 1}}}",
    "12",
    "-1",
    "1e400",
    "true",
    "null",
    '""',
    "'x'",
    "2021-02-30",
    "0x1F",
    "~",
    "[null]",
    "{values: [1]}",
    '"' + "9" * 400 + '"',
]


def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "invalid-utf8", "drop-lines", "repeat-lines", "splice"]))
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        flips = draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), max_size=8))
        out = bytearray(data)
        for i, b in flips:
            out[i] = b
        return bytes(out)
    if kind == "invalid-utf8":
        return (
            data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"])) + data[at:]
        )
    lines = data.split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(i, min(len(lines), i + 20)))
    if kind == "drop-lines":
        return b"\n".join(lines[:i] + lines[j:])
    if kind == "repeat-lines":
        return b"\n".join(lines[:j] + lines[i:j] * draw(st.integers(2, 50)) + lines[j:])
    return b"\n".join([*lines[:i], draw(st.binary(max_size=200)), *lines[j:]])


@st.composite
def mutated_seeds(draw: st.DrawFn) -> bytes:
    return _mutate(draw(st.sampled_from(SEED_FILES)).read_bytes(), draw)


@st.composite
def mutated_content(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(CONTENT_FILES)).read_bytes()
    if draw(st.booleans()):
        return _mutate(data, draw)
    # A value of the wrong type in one front-matter field.
    head, sep, body = data.partition(b"\n---\n")
    lines = head.split(b"\n")
    fields = [i for i, line in enumerate(lines) if b": " in line and i > 0]
    i = draw(st.sampled_from(fields))
    key = lines[i].split(b": ", 1)[0]
    lines[i] = key + b": " + draw(st.sampled_from(WRONG_TYPES)).encode()
    return b"\n".join(lines) + sep + body


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"


def _without_issue_17_classes(data: bytes) -> bytes:
    """Leave out what issue 17 fixes in the YAML reader: aliases (bombs) and control characters."""
    head, sep, body = data.partition(b"\n---\n")
    head = head.replace(b"&", b"+").replace(b"*", b"+").translate(None, _CONTROL)
    head = head.replace(b"\xc2\x85", b" ").replace(b"\xef\xbf\xbe", b" ").replace(b"\xef\xbf\xbf", b" ")
    return head + sep + body


def _assert_one_line_problems(exc: WoositeError, path: Path) -> None:
    assert exc.problems
    for problem in exc.problems:
        text = str(problem)
        assert "\n" not in text and "Traceback" not in text
        assert problem.path == path


@FUZZ
@given(st.one_of(mutated_seeds(), st.binary(max_size=4000), st.text(max_size=4000).map(str.encode)))
def test_the_importer_never_crashes(data: bytes) -> None:
    path = Path("fuzz.txt")
    try:
        result = import_bytes(data, path, ImportOptions(publisher="Lisse", kind="begroting", year=2021))
    except WoositeError as exc:
        _assert_one_line_problems(exc, path)
        return
    for problem in result.missing:
        assert "\n" not in str(problem)


@FUZZ
@given(st.one_of(mutated_content(), st.binary(max_size=2000)))
def test_the_loader_never_crashes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    data = _without_issue_17_classes(data)
    path = tmp_path_factory.mktemp("fuzz") / "doc.md"
    path.write_bytes(data)
    try:
        load_document(path, CONFIG)
    except WoositeError as exc:
        _assert_one_line_problems(exc, path)


@pytest.mark.parametrize("depth", [50, 5000, 200_000])
def test_deep_nesting_is_one_line(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "doc.md"
    path.write_text("---\npublisher: Lisse\nprogramme: " + "[" * depth + "]" * depth + "\n---\nTekst\n", "utf-8")
    with pytest.raises(WoositeError) as caught:
        load_document(path, CONFIG)
    _assert_one_line_problems(caught.value, path)


@pytest.mark.parametrize("junk", [b"", b"\xff\xfe" * 1000, b"---\n", b"---\n---\n", b"\xef\xbb\xbf", b"\n" * 10000])
def test_site_yaml_junk_is_one_line(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "site.yaml"
    path.write_bytes(junk)
    with pytest.raises(WoositeError) as caught:
        load_config(path)
    _assert_one_line_problems(caught.value, path)


def _peak_child_rss_mb(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the CLI in a fresh process and report its peak resident memory."""
    script = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.stderr.write(r.stderr); "
        "sys.exit(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "WOOSITE_LANG": os.environ["WOOSITE_LANG"]},
        check=False,
    )
    return result, int(result.stdout.strip().splitlines()[-1]) / 1024


def test_a_50_mb_content_file_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    big = tmp_path / "content" / "groot.md"
    big.write_bytes(b"---\npublisher: Lisse\n---\n" + b"Tekst. " * (50 * 2**20 // 7))
    result, peak = _peak_child_rss_mb(["build", "--content", "content", "--out", "site"], tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "groot.md" in errors[0] and f"up to {MAX_FILE_BYTES // 2**20} MB" in errors[0]
    assert "Traceback" not in result.stderr
    assert peak < 400, f"peak memory {peak:.0f} MB"


def test_a_50_mb_export_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "export.txt"
    big.write_bytes(b"Programma 1 Veiligheid\n" * (50 * 2**20 // 23))
    result = run_woosite("import", str(big), "--content", str(tmp_path / "content"))
    assert result.returncode == 2
    assert "export.txt: the file is 50.0 MB" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "content").exists()
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss > 0
