"""No path escapes: whatever a title, programme number, label, publisher or flag says, every file the build,
import and new write stays inside the output or content folder; hostile names are normalised to one safe
segment, and names that differ only in case or Unicode normalisation are a one-line collision error."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core import urls
from tests.conftest import SEEDS, run_woosite

ESCAPES = [
    "../../../../etc/passwd",
    "..",
    ".",
    "/etc/passwd",
    "/",
    "C:\\Windows\\System32\\drivers",
    "C:",
    "\\\\server\\share\\x",
    "..\\..\\boot.ini",
    "%2e%2e%2f%2e%2e%2fetc",
    "~/.ssh/authorized_keys",
    "con",
    "AUX",
    "nul",
    "Prn",
    "com1",
    "LPT9",
    "con.txt",
    "x" * 300,
    "ä" * 300,
    "🙂" * 50,
    "‮gpj.exe",
    "ﬁle",
    "",
    " ",
    "-",
    "...",
]
"""Titles, numbers and labels that would leave a folder, need escaping, or break a Windows or a case-folding host."""


def _document(number: str, title: str, label: str | None = None) -> str:
    programme = {"number": number, "title": title or "x", **({"label": label} if label else {})}
    return (
        "---\npublisher: Lisse\nkind: begroting\nyear: 2021\n"
        f"programme: {json.dumps(programme, ensure_ascii=False)}\n---\n## Tekst\n\nInhoud.\n"
    )


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@given(st.text(max_size=400))
@settings(max_examples=300)
def test_a_slug_is_always_one_safe_segment(text: str) -> None:
    slug = urls.slugify(text)
    assert 1 <= len(slug) <= 80
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug.split(".")[0] not in urls.WINDOWS_RESERVED


@pytest.mark.parametrize("text", ESCAPES)
def test_hostile_names_become_safe_slugs(text: str) -> None:
    slug = urls.slugify(text)
    assert 1 <= len(slug) <= 80 and slug not in urls.WINDOWS_RESERVED
    assert slug == urls.slugify(text.upper()) == urls.slugify(unicodedata.normalize("NFD", text))


def test_reserved_names_get_a_suffix() -> None:
    assert [urls.slugify(t) for t in ("con", "AUX", "Nul", "com1", "lpt9", "console")] == [
        "con-x",
        "aux-x",
        "nul-x",
        "com1-x",
        "lpt9-x",
        "console",
    ]


def test_a_build_of_hostile_names_writes_only_inside_its_output(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    for i, text in enumerate(ESCAPES):
        name = f"{i}-{text.replace('/', '_')[:100]}.md"
        (project / "content" / name).write_text(_document(f"{i}{text}"[:40], text, label=text[:40]), "utf-8")
    before = _files(tmp_path)
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(project / "site"))
    assert result.returncode == 0, result.stderr
    new = _files(tmp_path) - before
    allowed = (project / "site", project / ".woosite-cache", project / "woo-ledger.json")
    assert new and all(any(p == a or a in p.parents for a in allowed) for p in new), new - set(allowed)
    for path in (project / "site").rglob("*"):
        rel = path.relative_to(project / "site")
        assert all(part.split(".")[0].lower() not in urls.WINDOWS_RESERVED for part in rel.parts), rel
        assert len(path.name.encode()) <= 255
    pages = json.loads((project / "site/api/index.json").read_text(encoding="utf-8"))["documents"]
    assert len(pages) == len(ESCAPES)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Veiligheid", "VEILIGHEID"),
        ("Financiën", unicodedata.normalize("NFD", "Financiën")),
        ("Financiën", "Financien"),
        ("a" * 90 + " een", "a" * 90 + " twee"),
    ],
    ids=["case", "nfd", "accent", "truncated"],
)
def test_names_that_differ_only_in_case_or_normalisation_collide(tmp_path: Path, first: str, second: str) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    (tmp_path / "content/a.md").write_text(_document("1", first), encoding="utf-8")
    (tmp_path / "content/b.md").write_text(_document("1", second), encoding="utf-8")
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert "same URL" in line and "b.md" in line and "a.md" in line
    assert not (tmp_path / "site").exists()


def test_an_unknown_publisher_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    text = _document("1", "Veiligheid").replace("publisher: Lisse", 'publisher: "../../etc"')
    (tmp_path / "content/a.md").write_text(text, encoding="utf-8")
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "a.md:2: unknown municipality, province or water board '../../etc'" in result.stderr


@pytest.mark.parametrize("programme", ["../../../../outside", "/tmp/absolute", "C:\\x", "con", "x" * 300])
def test_import_flags_cannot_write_outside_the_content_folder(tmp_path: Path, programme: str) -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    content = tmp_path / "project" / "content"
    before = _files(tmp_path)
    result = run_woosite("import", str(seed), "--programme", programme, "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert all(content in p.parents for p in _files(tmp_path) - before - {content, content.parent}), "outside"
    files = [p for p in content.rglob("*") if p.is_file()]
    assert len(files) == 1 and content in files[0].parents
    assert files[0].stem.split("-")[0] not in urls.WINDOWS_RESERVED or files[0].stem.endswith("-x")


@pytest.mark.parametrize("hostile", ["../../../outside", "/tmp/x", "nul"])
def test_new_cannot_write_outside_the_content_folder(tmp_path: Path, hostile: str) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    args = ["--kind", "begroting", "--year", "2025", "--publisher", "Lisse", "--content", str(tmp_path / "content")]
    result = run_woosite("new", "--title", hostile, "--number", hostile, "--label", hostile, *args)
    assert result.returncode == 0, result.stderr
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".md"]
    assert len(files) == 1 and (tmp_path / "content") in files[0].parents
    assert os.path.commonpath([files[0], tmp_path / "content"]) == str(tmp_path / "content")
