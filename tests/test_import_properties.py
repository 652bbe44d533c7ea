"""Property tests: random and mutated exports never crash the importer, and no text is lost.

Every non-blank input line that is not removed as platform residue must end up in the content file
(front matter or body) or in a warning: its words and its numbers (thousands dots dropped) are all there.
With the metadata given by flags, the written file must also load without problems.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.loader import load_config, load_document
from generator.core.errors import ImportFailed
from generator.importer import numbers
from generator.importer.pipeline import ImportOptions, ImportResult, import_bytes, import_text
from generator.importer.platforms import PLATFORMS
from tests.conftest import ROOT, SEEDS

SEED_LINES = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
FLAGS = ImportOptions(publisher="GM0553", kind="begroting", year=2022, programme="Programma 9 Proef")
WORD = re.compile(r"[^\W\d_]+")
DIGITS = re.compile(r"\d+")
CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-Z])")
CONFIG = load_config(ROOT / "site.yaml")

text_line = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
seed_line = st.sampled_from(SEED_LINES)


@st.composite
def mutated(draw: st.DrawFn, line: str) -> str:
    """A seed line with characters replaced, inserted or cut."""
    if not line or not draw(st.booleans()):
        return line
    at = draw(st.integers(0, len(line)))
    how = draw(st.sampled_from(["replace", "insert", "cut"]))
    piece = draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=4))
    if how == "replace":
        return line[:at] + piece + line[at + 1 :]
    if how == "insert":
        return line[:at] + piece + line[at:]
    return line[:at]


exports = st.lists(st.one_of(seed_line.flatmap(mutated), seed_line, text_line, st.just("")), max_size=60)


def normal(text: str) -> str:
    """Case folded, thousands dots dropped, camel case cut (status blocks cut "opdrachtgeverBurgemeester")."""
    return re.sub(r"(?<=\d)\.(?=\d{3})", "", CAMEL.sub(" ", text)).casefold()


def assert_nothing_lost(text: str, result: ImportResult) -> None:
    """``text``: the export as decoded; lines are counted as the reader counts them (CR, LF, CRLF)."""
    assert result.text is not None
    front_text, body = result.text.split("\n---\n", 1)
    front = yaml.safe_load(front_text.removeprefix("---\n"))
    heading = result.programme.heading if result.programme else ""
    kept = normal(" ".join([body, json.dumps(front, ensure_ascii=False, default=str), heading]))
    kept += " ".join(normal(str(w)) for w in result.warnings)
    words, digits = set(WORD.findall(kept)), set(DIGITS.findall(kept))
    removed = {gone.line for gone in result.removed}
    units = {table.get("unit", 1) for table in (front or {}).get("finance", [])}
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip() or number in removed:
            continue
        if numbers.unit_note(line.strip()) and (numbers.multiplier(line.strip()) or 1) in units:
            continue  # "Bedragen x 1.000" lives on as a table's `unit`
        folded = normal(line)
        assert set(WORD.findall(folded)) <= words, (number, line)
        assert set(DIGITS.findall(folded)) <= digits, (number, line)
    for gone in result.removed:
        residue = any(p.navigation.match(gone.text) or (p.footer and p.footer.match(gone.text)) for p in PLATFORMS)
        assert residue or gone.reason.startswith("kruimelpad"), gone  # only what a platform declares, or crumbs


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(lines=exports, newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_mutated_exports_never_crash_and_lose_nothing(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], newline: str, bom: bool
) -> None:
    raw = (("\ufeff" if bom else "") + newline.join(lines)).encode("utf-8")
    try:
        result = import_bytes(raw, Path("export.txt"), FLAGS)
    except ImportFailed as exc:
        # Only text full of control characters may be refused, and then as "geen tekstbestand".
        assert "geen tekstbestand" in str(exc)
        return
    assert_nothing_lost(raw.decode("utf-8-sig"), result)
    assert_loads(result, tmp_path_factory)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(lines=st.permutations(SEED_LINES).map(lambda p: p[:80]))
def test_shuffled_seed_lines_make_a_loadable_file(tmp_path_factory: pytest.TempPathFactory, lines: list[str]) -> None:
    result = import_text("\n".join(lines), "shuffled.txt", FLAGS)
    assert_nothing_lost("\n".join(lines), result)
    assert_loads(result, tmp_path_factory)


def assert_loads(result: ImportResult, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The content file loads as the build loads it (raises ContentError with file:line otherwise)."""
    assert result.text is not None
    path = tmp_path_factory.mktemp("imported") / "doc.md"
    path.write_text(result.text, encoding="utf-8")
    load_document(path, CONFIG)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(seed_line.flatmap(mutated), text_line), max_size=40))
def test_any_text_without_flags_never_raises(lines: list[str]) -> None:
    result = import_text("\n".join(lines), "x.txt")
    assert (result.text is None) == bool(result.missing)
    for problem in result.missing:
        assert "--" in problem.hint


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_are_imported_or_refused_clearly(raw: bytes) -> None:
    try:
        import_bytes(raw, Path("x.bin"), FLAGS)
    except ImportFailed as exc:
        assert exc.exit_code == 2
        assert "geen tekstbestand" in str(exc) or "geen UTF-8" in str(exc)
