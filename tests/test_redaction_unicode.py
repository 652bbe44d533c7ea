"""Redaction holds against every spelling Unicode allows (issue 26): a generated corpus, then a real build.

The corpus is generated, not listed: every confusable of every letter of a listed name (from the table of
UTS #39 the ``confusable_homoglyphs`` package ships, read here on its own), every default-ignorable code
point inside the name, every space-like character between its words, and the name reversed behind a
right-to-left override. A real build then puts one spelling of each class in a different field (title,
description, caption, row label, heading, paragraph, programme title) and searches every output file, every
file name and the committed ledger with this test's own reading of them.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import unicodedata
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from woo_content import build, set_config, unpacked, write_content

from generator.content.redaction import redact_text
from generator.core.fold import _fold_other, fold_char
from generator.models import Redaction
from tests.conftest import ROOT, run_woosite
from tests.test_errors import GOOD

NAME = "Alexander van Mazijk"
OTHER = "Yvonne Oostburg"  # the letters y, o, u, b, g, s of the attack run's lookalikes
full_steps = _fold_other.__wrapped__  # the steps of core/fold.py on a whole text, uncached
REDACTED = [Redaction(text=NAME, ground="5.1.2e"), Redaction(text=OTHER, ground="5.1.2e")]
TABLE = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))


def _lookalikes(letter: str) -> set[str]:
    """Everything the table says looks like ``letter``: its prototype and all of the prototype's sources."""
    entries = TABLE.get(letter, [])
    prototype = entries[0]["c"] if len(entries) == 1 and letter in {e["c"] for e in TABLE[entries[0]["c"]]} else letter
    return ({prototype} | {e["c"] for e in TABLE.get(prototype, [])}) - {letter}


def _confusable_spellings() -> list[str]:
    spellings = []
    for name in (NAME, NAME.upper(), OTHER, OTHER.upper()):
        for index, letter in enumerate(name):
            if letter.isalpha() and name.index(letter) == index:
                spellings += [name[:index] + c + name[index + 1 :] for c in sorted(_lookalikes(letter))]
    return spellings


CONFUSABLE = _confusable_spellings()
IGNORABLE = [chr(c) for c in range(sys.maxunicode + 1) if regex.match(r"\p{Default_Ignorable_Code_Point}", chr(c))]
SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() or unicodedata.category(chr(c)) == "Zs"]
BLANKS = ["\u2800", "\u3164", "\u115f", "\u1160", "\uffa0"]  # shown as a blank: braille blank, Hangul fillers


def test_the_corpus_is_what_it_says() -> None:
    """Not blind: hundreds of lookalikes (the Greek and Cyrillic capitals of the attack run among them), the
    whole property, every space separator."""
    assert len(CONFUSABLE) > 500
    assert {"Α", "Ν", "Υ", "Ӏ", "Ү", "օ", "ᴠ", "1", "I"} <= {c for s in CONFUSABLE for c in s}
    assert {"\ufe0f", "\u180b", "\U000e0061", "\u00ad", "\u200b", "\u3164"} <= set(IGNORABLE)
    assert len(IGNORABLE) > 4000
    assert {"\u00a0", "\u2003", "\u3000", "\u202f"} <= set(SPACES)


def _redacts(spelled: str) -> bool:
    return redact_text(f"Met {spelled}, wethouder.", REDACTED) == "Met [5.1.2e], wethouder."


def test_every_confusable_of_every_letter_is_redacted() -> None:
    assert [s for s in CONFUSABLE if not _redacts(s)] == []


def test_every_default_ignorable_code_point_inside_the_name_is_redacted() -> None:
    """All but the right-to-left override, which shows the rest of the line reversed, so no name (it has its
    own test below)."""
    ignorable = [c for c in IGNORABLE if c != "\u202e"]
    assert [f"U+{ord(c):04X}" for c in ignorable if not _redacts(f"Alexander van Maz{c}ijk")] == []


def test_every_space_like_character_between_the_words_is_redacted() -> None:
    missed = [f"U+{ord(c):04X}" for c in SPACES + BLANKS if not _redacts(f"Alexander{c}van{c}Mazijk")]
    assert missed == []


def test_a_reversed_name_behind_a_right_to_left_override_is_redacted() -> None:
    assert redact_text("Door \u202ekjizaM nav rednaxelA\u202c en anderen.", REDACTED) == "Door [5.1.2e] en anderen."


def test_a_markdown_link_in_the_name_is_redacted_with_its_target() -> None:
    assert redact_text("Alexander van [Mazijk](https://example.org/)", REDACTED) == "[5.1.2e]"
    assert redact_text("[Alexander](https://example.org/) van Mazijk.", REDACTED) == "[5.1.2e]."


def test_other_names_stay() -> None:
    """The matching is wide, not blind: another name, and the name with another accent, are kept."""
    for text in ("Alexander van Dijk", "Alexánder van Mazijk", "Alex van Mazijk", "Alexandra van Mazijk"):
        assert redact_text(text, REDACTED) == text


# The build: one spelling of each class, each in another field; the programme title spells the name with
# an accent, which the page rightly keeps but its address would drop.
SPELLED = {
    "title": "ALEXA\u039dDER VA\u039d MAZIJK",  # Greek capital Nu
    "description": "Alexander van Maz\ufe0fijk",  # variation selector
    "caption": "Alexander van [Mazijk](https://example.org/)",  # a Markdown link
    "row": "Alexander\u2800van\u2800Mazijk",  # braille blank as the space
    "heading": "\u202ekjizaM nav rednaxelA\u202c",  # right-to-left override
    "paragraph": "Alexander van Maz\U000e0061ijk",  # a tag character
    "section": "ALEXANDER VAN MAZ\u04c0JK",  # Cyrillic palochka
}
_THIS_TESTS_LOOKALIKES = str.maketrans({"\u039d": "N", "\u04c0": "I", "[": "", "]": ""})


def normalised(raw: bytes) -> str:
    """This test's own reading of a file: entities, escapes and tags resolved, overrides read as shown,
    default-ignorables and format characters gone, blanks as spaces, the lookalikes used here mapped."""
    text = unpacked(raw).decode("utf-8", errors="ignore")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"\\U([0-9a-fA-F]{8})", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"<[^>]*>", "", text) + "\n" + text
    text = unquote(html.unescape(html.unescape(text)))
    text = re.sub("\u202e([^\u202c\n]*)", lambda m: m.group(1)[::-1], text)
    text = regex.sub(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]", "", text).replace("\u2800", " ")
    text = re.sub(r"\]\([^)]*\)", "", text)
    return unicodedata.normalize("NFKC", text.translate(_THIS_TESTS_LOOKALIKES)).casefold()


_FOUND = re.compile(r"alexander[\s-]*van[\s-]*mazijk")


def test_the_reading_finds_each_spelling() -> None:
    for spelled in [*SPELLED.values(), "alexander-van-mazijk"]:
        assert _FOUND.search(normalised(spelled.encode())), spelled


@pytest.fixture(scope="module")
def unicode_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("unicode")
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    set_config(project, redactions=[{"text": NAME, "ground": "5.1.2e"}])
    text = GOOD.replace("title: Bestuur en ondersteuning", f'title: "Zorg {SPELLED["title"]}"')
    text = text.replace("year: 2021\n", f'year: 2021\ndescription: "Overleg met {SPELLED["description"]}"\n')
    text = text.replace("caption: Lasten en baten", f'caption: "Lasten van {SPELLED["caption"]}"')
    text = text.replace("{label: Lasten,", f'{{label: "Lasten {SPELLED["row"]}",')
    text = text.replace("## Trends en ontwikkelingen", f"## Over {SPELLED['heading']}")
    text = text.replace("Tekst.", f"Contact: {SPELLED['paragraph']}.\n\n## {SPELLED['section']}\n\nMeer.")
    write_content(project, "lisse/p4.md", text)
    accent = GOOD.replace('number: "4"', 'number: "5"').replace(
        "title: Bestuur en ondersteuning", "title: Zorg Alexánder van Mazijk"
    )
    write_content(project, "lisse/p5.md", accent.replace("## Trends en ontwikkelingen", "## Trends"))
    build(project)
    return project


def test_no_output_file_or_file_name_spells_the_name(unicode_site: Path) -> None:
    site = unicode_site / "site"
    files = [p for p in sorted(site.rglob("*")) if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".json", ".csv", ".xml", ".xlsx", ".pf_fragment"}
    leaks = [p.relative_to(site).as_posix() for p in files if _FOUND.search(normalised(p.read_bytes()))]
    assert leaks == []
    assert [p for p in files if _FOUND.search(p.relative_to(site).as_posix())] == []


def test_the_committed_ledger_holds_no_name(unicode_site: Path) -> None:
    ledger = (unicode_site / "woo-ledger.json").read_text(encoding="utf-8")
    assert "programma-4-zorg-5-1-2e" in ledger and "programma-5-zorg-5-1-2e" in ledger
    assert not _FOUND.search(normalised(ledger.encode()))


def test_the_marker_stands_in_every_field(unicode_site: Path) -> None:
    page = (unicode_site / "site" / "lisse/begroting-2021/programma-4-zorg-5-1-2e/index.html").read_text("utf-8")
    text = html.unescape(page)
    for expected in ("Zorg [5.1.2e]", "Overleg met [5.1.2e]", "Lasten van [5.1.2e]", "Lasten [5.1.2e]"):
        assert expected in text
    assert "Over [5.1.2e]" in text and "Contact: [5.1.2e]." in text and ">[5.1.2e]</h" in text


def test_the_accented_name_is_kept_on_its_page_but_not_in_its_address(unicode_site: Path) -> None:
    page = unicode_site / "site" / "lisse/begroting-2021/programma-5-zorg-5-1-2e/index.html"
    assert "Zorg Alexánder van Mazijk" in html.unescape(page.read_text(encoding="utf-8"))


def test_check_finds_a_lookalike_name_left_in_a_built_site(unicode_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(unicode_site / "site", site)
    (site / "index.html").write_text("<p>ALEXA\u039dDER VA\u039d MAZIJK</p>", encoding="utf-8")
    (site / "over-alexander-van-mazijk.txt").write_text("-", encoding="utf-8")
    result = run_woosite("check", str(site), "--config", str(unicode_site / "site.yaml"))
    assert result.returncode != 0
    assert "index.html" in result.stdout + result.stderr
    assert "over-alexander-van-mazijk.txt" in result.stdout + result.stderr


def test_a_name_only_an_address_would_spell_is_reported_at_its_content_line(tmp_path: Path) -> None:
    """A section title with the accented spelling gets an anchor without the accent: the build refuses, at the
    content file and line, and the old site stays."""
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    set_config(tmp_path, redactions=[{"text": NAME, "ground": "5.1.2e"}])
    path = write_content(tmp_path, "lisse/p4.md", GOOD.replace("Tekst.", "Tekst.\n\n## Over Alexánder van Mazijk\n"))
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode != 0
    line = GOOD.replace("Tekst.", "Tekst.\n\n## Over").splitlines().index("## Over") + 1
    assert f"{path}:{line}:" in result.stderr
    assert not (tmp_path / "site").exists()


@given(st.text())
@settings(max_examples=150, deadline=None)
def test_folding_in_runs_equals_the_full_steps_on_the_whole_text(text: str) -> None:
    """``fold_char`` folds ASCII runs by a byte table and the other runs apart (each step acts on one character;
    NFKD reorders only combining marks, none ASCII): on any text that equals all steps on the whole text."""
    assert fold_char(text) == full_steps(text)


@given(st.text(alphabet=st.sampled_from("aImM01|+*_[]&% Ëëe\u0308\u0323\u00ad\u200bΝоＺ\u2800ﬁß\u202e")))
@settings(max_examples=150, deadline=None)
def test_folding_in_runs_on_the_characters_that_matter(text: str) -> None:
    assert fold_char(text) == full_steps(text)
