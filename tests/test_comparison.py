"""Comparable programmes of different publishers: grouping, honest labels, differing years, per inhabitant."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.errors import ContentError
from generator.structure import comparison
from tests.history_project import load_site

COMPARE_4 = "vergelijken/programma-4-bestuur-en-ondersteuning/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def test_the_example_site_compares_lisse_2021_with_hillegom_2022_and_says_the_years_differ(
    example_site: Path,
) -> None:
    html = (example_site / COMPARE_4 / "index.html").read_text(encoding="utf-8")
    text = _text(html)
    assert "Programma 4 Bestuur en ondersteuning bij verschillende overheden" in text
    assert "elk is de eigen indeling van die overheid" in text
    assert "Let op: de jaren verschillen. Hillegom: 2022; Lisse: 2021." in text
    # The real figures of both documents, in whole euros, lasten and baten as positive amounts.
    assert "Hillegom Begroting 2022 begroot 2022 2.394.855 965.826 −1.429.029" in text
    assert "Lisse Begroting 2021 begroot 2021 2.113.000 508.000 −1.605.000" in text
    assert "Inwoners" not in text  # the example ships no population figures
    assert 'href="/lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/"' in html
    # Both programme pages link to the comparison; a programme without a counterpart does not.
    for path in (
        "lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/",
        "hillegom/begroting-2022/programma-4-bestuur-en-ondersteuning/",
    ):
        assert f'href="/{COMPARE_4}"' in (example_site / path / "index.html").read_text(encoding="utf-8")
    other = example_site / "oude-ijsselstreek/jaarverslag-2021/programma-4-de-dienstverlenende-gemeente/index.html"
    assert "vergelijken/" not in other.read_text(encoding="utf-8")
    index = (example_site / "vergelijken" / "index.html").read_text(encoding="utf-8")
    assert f'href="/{COMPARE_4}"' in index


def test_groups_by_number_label_and_title_across_publishers_only() -> None:
    site = load_site()
    assert [c.key for c in site.comparisons] == ["programma-4-bestuur-en-ondersteuning"]
    (found,) = site.comparisons
    # "Bestuur en Ondersteuning", "Bestuur & ondersteuning": one title; programme 4 "Bestuur, ondersteuning en
    # dienstverlening" and the renumbered programme 3 are other programmes here.
    assert [
        (e.page.document.publisher.name, e.page.document.kind.value, e.page.document.year) for e in found.entries
    ] == [
        ("Katwijk", "begroting", 2021),
        ("Noordwijk", "begroting", 2021),
        ("Noordwijk", "jaarverslag", 2021),
        ("Noordwijk", "begroting", 2023),
    ]
    assert found.same_year and found.common_years == [2021]
    jaarverslag = found.entries[2]
    assert jaarverslag.figure is not None and jaarverslag.figure.basis == "realisatie"


def test_per_inhabitant_from_the_population_file() -> None:
    (found,) = load_site().comparisons
    katwijk = found.entries[0]
    assert katwijk.inhabitants == 20_000  # fictional fixture figure
    assert katwijk.figure is not None
    assert katwijk.per_inhabitant(katwijk.figure.lasten) == 150
    assert found.entries[3].inhabitants is None  # no figure for 2023 in the file
    assert found.entries[3].per_inhabitant(None) is None


def test_a_bad_population_file_is_reported_by_line(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "inwoners.csv").write_text("code,jaar,inwoners\nGM0575,2021,veel\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        comparison.load_population(tmp_path)
    (problem,) = caught.value.problems
    assert problem.line == 2 and "inhabitants" in problem.message
    (tmp_path / "data" / "inwoners.csv").write_text("gemeente;aantal\n", encoding="utf-8")
    with pytest.raises(ContentError):
        comparison.load_population(tmp_path)
    assert comparison.load_population(tmp_path / "elsewhere") == {}
