"""Every kind of bad content gets one line: file:line, what is wrong, what to do. No traceback, exit 1."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_woosite

GOOD = """---
publisher: Lisse
kind: begroting
year: 2021
programme:
  number: "4"
  title: Bestuur en ondersteuning
finance:
  - caption: Lasten en baten
    columns:
      - {label: Bedrag, kind: amount}
    rows:
      - {label: Lasten, role: lasten, values: [-2113000]}
---
## Trends en ontwikkelingen

Tekst.
"""


def build_files(root: Path, files: dict[str, str | bytes]) -> subprocess.CompletedProcess[str]:
    """Write a project with these content files and build it."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    if not (root / "site.yaml").exists():
        (root / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return run_woosite("build", "--content", str(root / "content"), "--out", str(root / "site"))


def edited(*edits: tuple[str, str]) -> str:
    text = GOOD
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    return text


CASES = [
    (
        ("kind: begroting", "kind: begrotin"),
        3,
        "unknown document kind 'begrotin' (expected one of: begroting, jaarverslag, kadernota, voorjaarsnota",
    ),
    (
        ("publisher: Lisse", "publisher: Lise"),
        2,
        "unknown municipality, province or water board 'Lise' (did you mean 'Lisse'?)",
    ),
    (("year: 2021\n", ""), 2, "missing required field 'year' (add e.g. 'year: 2021')"),
    (("year: 2021", "yaer: 2021"), 4, "unknown field 'yaer' (did you mean 'year'?)"),
    (("year: 2021", "year: twintig"), 4, "'year' must be a whole number, not 'twintig'"),
    (("  title: Bestuur en ondersteuning", "  title: [Bestuur"), 8, "invalid YAML"),
    (
        ("role: lasten", "role: kosten"),
        13,
        "invalid value 'kosten' for 'finance[1].rows[1].role' (expected one of: 'lasten', 'baten'",
    ),
    (
        ("values: [-2113000]", "values: [-2113000, 5]"),
        13,  # the row's values, not the start of the table
        "invalid 'finance[1].rows[1].values': row 1 'Lasten' has 2 values for 1 columns",
    ),
    (
        ("    columns:", "    section: Bestaat niet\n    columns:"),
        10,
        "finance table 'Lasten en baten' names section 'Bestaat niet', which is not a heading in the text",
    ),
    (("## Trends en ontwikkelingen", "# Trends en ontwikkelingen"), 15, "a level-1 heading ('# ...') in the text"),
    (("---\npublisher", "publisher"), 1, "the file does not start with front matter"),
    (("year: 2021", "year: 2021\ndates: {adopted: 2021-13-01}"), 5, "'dates.adopted' is not a valid date"),
]


@pytest.mark.parametrize(("edit", "line", "expected"), CASES, ids=[c[2][:30] for c in CASES])
def test_bad_content_is_one_line_with_file_line_and_fix(
    tmp_path: Path, edit: tuple[str, str], line: int, expected: str
) -> None:
    result = build_files(tmp_path, {"lisse/p4.md": edited(edit)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    path = tmp_path / "content" / "lisse" / "p4.md"
    assert f"error: {path}:{line}: {expected}" in result.stderr, result.stderr
    assert not (tmp_path / "site").exists()


def test_publisher_that_did_not_exist_that_year(tmp_path: Path) -> None:
    result = build_files(tmp_path, {"p.md": edited(("publisher: Lisse", "publisher: Weesp"), ("2021", "2023"))})
    assert f"{tmp_path / 'content' / 'p.md'}:2: gemeente Weesp did not exist in 2023" in result.stderr


def test_not_utf8(tmp_path: Path) -> None:
    result = build_files(tmp_path, {"p.md": GOOD.replace("Tekst.", "Financi\xebn").encode("latin-1")})
    assert f"{tmp_path / 'content' / 'p.md'}:17: the file is not UTF-8 text (save it as UTF-8" in result.stderr


def test_all_problems_of_all_files_in_one_run(tmp_path: Path) -> None:
    result = build_files(
        tmp_path,
        {
            "a.md": edited(("kind: begroting", "kind: begrotin"), ("year: 2021", "yaer: 2021")),
            "b.md": edited(("publisher: Lisse", "publisher: Atlantis")),
            "c.md": GOOD.replace("Lisse", "Hillegom"),
        },
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert [line.split("/content/")[1].split(":")[:2] for line in lines] == [
        ["a.md", "2"],
        ["a.md", "3"],
        ["a.md", "4"],
        ["b.md", "2"],
    ], result.stderr
    assert "4 problems; nothing was changed." in result.stderr


def test_site_yaml_problems_name_the_line(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: Test\nbase_url: example.org\n", encoding="utf-8")
    result = build_files(tmp_path, {"p.md": GOOD})
    assert f"error: {tmp_path / 'site.yaml'}:2: invalid 'base_url': base URL 'example.org' must be absolute" in (
        result.stderr
    )


def test_missing_site_yaml(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "site.yaml not found (create it with at least 'title:' and 'base_url:'" in result.stderr
