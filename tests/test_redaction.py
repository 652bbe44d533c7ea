"""Redaction: names of civil servants from seed 002 appear nowhere in the built site; the marker explains itself."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter
from conftest import ROOT, run_woosite
from lxml import html as lxml_html
from woo_content import (
    CIVIL_SERVANTS,
    all_text,
    build,
    seed_002_document,
    seed_002_structure,
    set_config,
    write_content,
)

from generator.content.loader import load_config, load_document
from generator.content.redaction import apply, explanation, find_leaks, list_key, redact_text
from generator.models import Redaction
from generator.render.strings import site_words

REDACTIONS = [{"text": name, "ground": "5.1.2e"} for name in CIVIL_SERVANTS]


def name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(map(re.escape, name.split())), re.IGNORECASE)


def leaks(site: Path, names: list[str]) -> list[tuple[Path, str]]:
    """Every (file, name) where a name appears in any file, raw or with HTML entities resolved."""
    found = []
    for path, text in all_text(site).items():
        for name in names:
            if name_pattern(name).search(text) or name_pattern(name).search(html.unescape(text)):
                found.append((path, name))
    return found


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("seed002")
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    (project / "content").mkdir()
    set_config(project, redactions=REDACTIONS)
    write_content(project, "leidschendam-voorburg/moderne-overheid.md", seed_002_document())
    return build(project)


def test_the_seed_names_the_people() -> None:
    people = dict(seed_002_structure())
    assert people["Ambtelijk opdrachtgever"] == "Alexander van Mazijk"
    assert people["Programma manager"] == "Marian Rood"
    assert people["Bestuurlijk opdrachtgever"] == "Burgemeester Bijl"


def test_no_redacted_name_anywhere_in_the_built_site(seed_site: Path) -> None:
    assert len(all_text(seed_site)) > 10
    assert leaks(seed_site, CIVIL_SERVANTS) == []


def test_the_grep_finds_what_is_there(seed_site: Path) -> None:
    """The leak search is not vacuous: the elected official (not redacted) is found."""
    assert leaks(seed_site, ["Burgemeester Bijl"])


def test_marker_replaces_the_names_in_every_output(seed_site: Path) -> None:
    texts = {
        p.name if p.suffix != ".html" else p.relative_to(seed_site).as_posix(): t
        for p, t in all_text(seed_site).items()
    }
    (page,) = [t for name, t in texts.items() if name.endswith("index.html") and "moderne-overheid" in name]
    json_text = next(t for name, t in texts.items() if name.endswith(".json") and "moderne-overheid" in name)
    csv_text = next(t for name, t in texts.items() if name.endswith(".csv"))
    diwoo_text = next(t for name, t in texts.items() if name.endswith(".diwoo.xml"))
    for text in (page, json_text, csv_text, diwoo_text, texts["feed.xml"]):
        assert "[5.1.2e]" in text
    tree = lxml_html.fromstring(page)
    assert "[5.1.2e]" in tree.findtext(".//title")
    # The definition list from the seed: the official keeps his name, the civil servants are replaced.
    terms = [(dt.text_content(), dt.getnext().text_content()) for dt in tree.iter("dt")]
    assert ("Bestuurlijk opdrachtgever", "Burgemeester Bijl") in terms
    assert ("Ambtelijk opdrachtgever", "[5.1.2e]") in terms
    assert ("Programma manager", "[5.1.2e]") in terms


def test_page_explains_the_marker(seed_site: Path) -> None:
    (page,) = [p for p in seed_site.rglob("index.html") if "moderne-overheid" in p.parent.name]
    tree = lxml_html.parse(str(page))
    (note,) = tree.xpath('//aside[contains(@class, "redaction-note")]')
    text = " ".join(note.text_content().split())
    assert "[5.1.2e]" in text and "Wet open overheid" in text and "persoonlijke levenssfeer" in text


def test_example_site_redacts_the_configured_names(example_site: Path) -> None:
    """The repository's site.yaml lists the seed-002 civil servants; the example site never shows them."""
    assert leaks(example_site, CIVIL_SERVANTS) == []


def test_build_fails_when_a_template_leaks_a_redacted_name(project: Callable[..., Path]) -> None:
    folder = project()
    set_config(folder, redactions=REDACTIONS)
    (folder / "templates").mkdir()
    base = (ROOT / "templates/base.html").read_text(encoding="utf-8")
    (folder / "templates/base.html").write_text(
        base.replace("</main>", "<p>Webredactie: Marian Rood</p></main>"), encoding="utf-8"
    )
    previous = folder / "site"
    (previous / "api").mkdir(parents=True)
    for name in ("index.html", "api/index.json", "old.txt"):  # a site woosite built (see output_folder.py)
        (previous / name).write_text("the previous site", encoding="utf-8")
    result = run_woosite("build", "--content", str(folder / "content"), "--out", str(previous))
    assert result.returncode == 1
    assert "index.html" in result.stderr and "Marian Rood" in result.stderr and "5.1.2e" in result.stderr
    assert sorted(p.name for p in previous.iterdir()) == ["api", "index.html", "old.txt"]


def test_redact_text_rules() -> None:
    rules = [Redaction(text="Marian Rood"), Redaction(text="Rood", ground="5.1.2i")]
    assert redact_text("Marian  Rood en marian\nROOD", rules) == "[5.1.2e] en [5.1.2e]"
    assert redact_text("Meneer Rood", rules) == "Meneer [5.1.2i]"
    assert redact_text("Niets te lakken", rules) == "Niets te lakken"


def test_explanation_names_the_article() -> None:
    assert explanation("5.1.2e", site_words()) == (
        "artikel 5.1, tweede lid, onder e, Woo: de eerbiediging van de persoonlijke levenssfeer"
    )
    assert explanation("5.2", site_words()).startswith("artikel 5.2, Woo")


def test_a_document_is_searched_once_per_list(tmp_path: Path) -> None:
    """The build's cache keeps documents as redacted: redacting again by the same list keeps them as they are
    (no second search), and another list redacts them afresh, from the text as written."""
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    set_config(tmp_path, redactions=REDACTIONS)
    path = write_content(tmp_path, "p.md", seed_002_document())
    config = load_config(tmp_path / "site.yaml")
    loaded = load_document(path, config)
    first = apply([loaded], config.redactions)
    assert first[0].redacted == ("5.1.2e",) and first[0].redacted_by == list_key(config.redactions)
    assert apply(first, config.redactions)[0] is first[0]
    other = [Redaction(text=CIVIL_SERVANTS[0], ground="5.1.2i")]
    again = apply([loaded], other)[0]
    assert again.redacted == ("5.1.2i",) and again.redacted_by == list_key(other) != first[0].redacted_by
    assert CIVIL_SERVANTS[0] not in again.intro + "".join(s.text for s in again.sections)


def test_the_safety_net_finds_a_name_among_many_files(tmp_path: Path) -> None:
    """Enough files for the safety net to read them across cores: the one with the name is found, by its path."""
    for n in range(300):
        (tmp_path / f"p{n}.html").write_text("<p>Niets te lakken.</p>", encoding="utf-8")
    (tmp_path / "p150.html").write_text("<p>Mar<b>ian</b> Rood</p>", encoding="utf-8")
    rule = Redaction(text="Marian Rood")
    assert find_leaks(tmp_path, [rule]) == [(tmp_path / "p150.html", rule)]


def test_the_safety_net_reads_inside_a_workbook(tmp_path: Path) -> None:
    """A workbook's sheets are compressed XML: read as they lie, a name in a cell was never seen."""

    def workbook(cell: str) -> None:
        book = xlsxwriter.Workbook(str(tmp_path / "tabel.xlsx"))
        book.add_worksheet().write_row(0, 0, ["Ambtelijk opdrachtgever", cell])
        book.close()

    rule = Redaction(text="Marian Rood")
    workbook("Marian Rood")
    assert b"Marian" not in (tmp_path / "tabel.xlsx").read_bytes()
    assert find_leaks(tmp_path, [rule]) == [(tmp_path / "tabel.xlsx", rule)]
    workbook("[5.1.2e]")
    assert find_leaks(tmp_path, [rule]) == []
