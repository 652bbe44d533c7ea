"""Input an attacker or a careless user writes (issue 17): one line with file and line, never a traceback.

A YAML alias bomb, duplicate keys, control characters, numbers that are not amounts, bad dates, a
whitespace-only redaction and a javascript: base URL; each is refused before anything is published.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.content import validation
from generator.content.frontmatter import RefusedYaml, refuse_aliases_and_duplicates
from generator.content.loader import load_document
from generator.core.errors import ContentError
from generator.models import SiteConfig
from tests.conftest import ROOT, run_woosite
from tests.test_errors import GOOD, build_files, edited

# "Billion laughs": 597 bytes of front matter that expand to 10^9 strings when the aliases are followed.
BOMB = "".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    + [f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
)
MEMORY_LIMIT = 1 << 30
"""The build that reads the bomb runs with at most 1 GiB of address space (and 60 s): it must stay bounded."""


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_yaml_alias_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    assert len(BOMB) < 700
    (tmp_path / "content" / "lisse").mkdir(parents=True)
    (tmp_path / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "content" / "lisse" / "p4.md").write_text(
        GOOD.replace("year: 2021\n", "year: 2021\n" + BOMB.replace("a:", "description:", 1)), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", "content", "--out", "site"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WOOSITE_WORKERS": "1"},
        preexec_fn=_bounded,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "p4.md:5: a YAML anchor ('&name') repeated by an alias" in lines[0], result.stderr
    assert len(lines[0]) < 300  # the value is never written out
    assert not (tmp_path / "site").exists()


def test_alias_in_site_yaml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(
        (ROOT / "site.yaml").read_text(encoding="utf-8").replace("language: nl", "language: &l nl\npublisher: *l"),
        encoding="utf-8",
    )
    result = build_files(tmp_path, {"lisse/p4.md": GOOD})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site.yaml:4: a YAML anchor" in result.stderr, result.stderr


CASES = [
    (("year: 2021", "year: 2021\nyear: 2022"), 5, "the field 'year' appears twice in one group"),
    (("  title: Bestuur", "  title: Bestuur\n  title: Bestuur"), 8, "the field 'title' appears twice in one group"),
    (("title: Bestuur en ondersteuning", 'title: "Bestuur\\x01 en"'), 7, "a control character U+0001 in"),
    (("title: Bestuur en ondersteuning", 'title: "Bestuur\\0 en"'), 7, "a control character U+0000 in"),
    (("title: Bestuur en ondersteuning", 'title: "Bestuur\\uFFFE en"'), 7, "a control character U+FFFE in"),
    (("title: Bestuur en ondersteuning", "title: Bestuur\x01 en"), 7, "the text holds a control character U+0001"),
    (("Tekst.", "Tekst\x0b."), 17, "the text holds a control character U+000B"),
    (("values: [-2113000]", "values: [.nan]"), 13, "value 1 is not a number (nan)"),
    (("values: [-2113000]", "values: [.inf]"), 13, "value 1 is not a number (inf)"),
    (("values: [-2113000]", "values: [1.0e+400]"), 13, "value 1 is not a number (inf)"),
    (("values: [-2113000]", "values: [true]"), 13, "value 1 is 'true', not a number"),
    (("    columns:", "    unit: true\n    columns:"), 10, "the unit is 'true', not a number"),
    # YAML reads 1.000 as 1.0: taken as unit 1, every amount would be 1,000 times too small (issue 26).
    (("    columns:", "    unit: 1.000\n    columns:"), 10, "the unit is the decimal number 1.0"),
    (("    columns:", "    unit: " + "1" + "0" * 29 + "\n    columns:"), 10, "'finance[1].unit'"),
    (("values: [-2113000]", "values: [" + "9" * 5000 + "]"), 13, "a number with more than 30 digits"),
    (("values: [-2113000]", "values: [" + "9" * 25 + "]"), 9, "euros is more than 1e+15"),
    (("year: 2021", "year: true"), 4, "the year must be a whole number such as 2021, not 'true'"),
    (("year: 2021", "year: 20222"), 4, "'year' is 20222, out of range (write a value at most 2100)"),
    # A path escape: 'previous:' naming a file outside content/.versions/ was published (issue 26).
    (
        (
            "year: 2021",
            "year: 2021\ncorrections: [{date: 2022-01-01, reason: Fout hersteld, ground: procedurele fout, "
            "previous: .versions/../../../outside/secret.md}]",
        ),
        5,
        "not a kept version below content/.versions/",
    ),
    (("values: [-2113000]", "values: [500,5]"), 13, "a decimal comma splits a number in two: write 500.5"),
    (("year: 2021", "year: 2021\ndates: {adopted: 2021-11}"), 5, "'dates.adopted' is not a valid date: '2021-11'"),
    (("year: 2021", "year: 2021\nsource: {exported: 2021}"), 5, "'2021' is not a date and time"),
    (("kind: begroting", "kind: begroting\n<<: {kind: jaarverslag}"), 4, "a YAML merge key ('<<:')"),
]


@pytest.mark.parametrize(("edit", "line", "expected"), CASES, ids=[c[2][:40] for c in CASES])
def test_hostile_content_is_one_line(tmp_path: Path, edit: tuple[str, str], line: int, expected: str) -> None:
    result = build_files(tmp_path, {"lisse/p4.md": edited(edit)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    path = tmp_path / "content" / "lisse" / "p4.md"
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}:{line}: "), result.stderr
    assert expected in lines[0] and len(lines[0]) < 400
    assert "\x00" not in result.stderr and "\x01" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_whitespace_only_redaction_is_refused(tmp_path: Path) -> None:
    config = (ROOT / "site.yaml").read_text(encoding="utf-8")
    (tmp_path / "site.yaml").write_text(config + 'redactions:\n  - {text: "   ", ground: 5.1.2e}\n', encoding="utf-8")
    result = build_files(tmp_path, {"lisse/p4.md": GOOD})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "site.yaml:" in lines[0] and "not only spaces" in lines[0], result.stderr


def test_javascript_base_url_is_refused(tmp_path: Path) -> None:
    build_files(tmp_path, {"lisse/p4.md": GOOD})
    result = run_woosite(
        "build",
        "--content",
        str(tmp_path / "content"),
        "--out",
        str(tmp_path / "x"),
        "--base-url",
        "javascript:alert(1)//",
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert any("must be absolute" in line for line in lines) and len(lines) <= 3, result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (BOMB, 0, "anchor"),
        ("a: 1\nb:\n  c: 2\n  c: 3\n", 3, "'c' appears twice"),
        ("a: [&x 1, *x]\n", 0, "anchor"),
        ("a: 1\n<<: {a: 2}\n", 1, "merge key"),
    ],
)
def test_refusal_works_with_both_yaml_loaders(
    loader: type[yaml.SafeLoader], text: str, line: int, expected: str
) -> None:
    """The check runs on the composed node tree, which the pure-Python and the libyaml loader both build."""
    node = yaml.compose(text, Loader=loader)
    assert node is not None
    with pytest.raises(RefusedYaml) as raised:
        refuse_aliases_and_duplicates(node)
    assert expected in str(raised.value.problem) and raised.value.problem_mark.line == line


def test_thousands_of_unknown_fields_are_counted_not_each_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locating a problem walks the file, so 50,000 unknown fields took a minute and 300,000 never ended: the
    first ones are listed with their lines, the rest counted in one line."""
    calls = []
    real = validation.line_of
    monkeypatch.setattr(validation, "line_of", lambda *args: calls.append(1) or real(*args))
    fields = "".join(f"veld{i}: {i}\n" for i in range(20_000))
    path = tmp_path / "p4.md"
    path.write_text(edited(("year: 2021", "year: 2021\n" + fields.rstrip())), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_document(path, SiteConfig.model_validate(yaml.safe_load((ROOT / "site.yaml").read_text("utf-8"))))
    problems = raised.value.problems
    assert len(problems) == validation.MAX_PROBLEMS + 1 and len(calls) <= validation.MAX_PROBLEMS + 1
    assert [p.line for p in problems[:3]] == [5, 6, 7] and "unknown field 'veld0'" in problems[0].message
    assert "and 19980 more" in problems[-1].message
