"""Programme lineage: linking by number and title, the front-matter override, figures in whole euros."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.reference.taxonomy import DocumentKind
from generator.structure import lineage
from tests.history_project import HISTORY_PROJECT, build_copy, load_site, page
from tests.test_incremental import check

B21 = "noordwijk/begroting-2021/programma-4-bestuur-en-ondersteuning/"
J21 = "noordwijk/jaarverslag-2021/programma-4-bestuur-ondersteuning/"
B22 = "noordwijk/begroting-2022/programma-4-bestuur-ondersteuning-en-dienstverlening/"
B23_RENUMBERED = "noordwijk/begroting-2023/programma-3-dienstverlening-en-bestuur/"
B23_NEW_4 = "noordwijk/begroting-2023/programma-4-bestuur-en-ondersteuning/"
SAFETY = "noordwijk/begroting-2021/programma-1-veiligheid/"
KATWIJK = "katwijk/begroting-2021/programma-4-bestuur-en-ondersteuning/"


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(tmp_path_factory.mktemp("lineage"))


def groups(lineages: list[lineage.Lineage]) -> set[frozenset[str]]:
    return {frozenset(p.path for p in found.pages) for found in lineages}


def test_linked_by_number_and_title_and_by_explicit_key() -> None:
    site = load_site()
    assert groups(site.lineages) == {
        # "&" = "en"; a reworded title with the same number; renamed and renumbered by lineage.key.
        frozenset({B21, J21, B22, B23_RENUMBERED}),
        # Same number and title as the old programme 4, but its own lineage.key: not linked.
        frozenset({B23_NEW_4}),
        frozenset({SAFETY}),
        # Another publisher's programme 4 is never the same lineage.
        frozenset({KATWIJK}),
    }
    main = site.lineage_of(page(site, B21))
    assert main is not None
    assert [p.path for p in main.pages] == [B21, J21, B22, B23_RENUMBERED]  # year, then cycle order
    assert main.key == "bestuur-en-ondersteuning"
    assert main.id == "gm0575-bestuur-en-ondersteuning"


def test_linking_does_not_depend_on_file_order() -> None:
    site = load_site()
    assert groups(lineage.link(list(reversed(site.documents)))) == groups(site.lineages)


def test_figures_in_whole_euros_with_begroot_and_realisatie() -> None:
    site = load_site()
    main = site.lineage_of(page(site, B21))
    assert main is not None
    got = [(f.year, f.basis, f.lasten, f.baten, f.saldo, f.page.path, f.column) for f in main.figures()]
    assert got == [
        # x € 1.000 in the jaarverslag, lasten printed positive; the newest budget (na wijziging) wins
        # over the begroting's, being later in the cycle.
        (2021, "begroot", 2_100_000, 520_000, -1_580_000, J21, "Begroot na wijziging 2021"),
        (2021, "realisatie", 2_050_000, 530_000, -1_520_000, J21, "Rekening 2021"),
        # whole euros, lasten printed negative, "Bedrag" in a begroting is begroot
        (2022, "begroot", 2_250_000, 600_000, -1_650_000, B22, "Bedrag"),  # as corrected
        (2023, "begroot", 2_300_000, 650_000, -1_650_000, B23_RENUMBERED, "Begroting 2023"),
    ]
    # The begroting 2021's own figure (x € 1.000, negative lasten); its "Raming 2022" is not a 2022 figure.
    own = lineage.figures(page(site, B21))
    assert [(f.year, f.basis, f.lasten, f.baten) for f in own] == [(2021, "begroot", 2_000_000, 500_000)]


@pytest.mark.parametrize(
    ("label", "kind", "basis"),
    [
        ("Rekening 2021", DocumentKind.begroting, "realisatie"),
        ("Realisatie", DocumentKind.begroting, "realisatie"),
        ("Begroot na wijziging 2021", DocumentKind.jaarverslag, "begroot"),
        ("Raming 2024", DocumentKind.kadernota, "begroot"),
        ("Bedrag", DocumentKind.jaarverslag, "realisatie"),
        ("Bedrag", DocumentKind.begroting, "begroot"),
    ],
)
def test_columns_are_begroot_or_realisatie(label: str, kind: DocumentKind, basis: str) -> None:
    assert lineage.classify(label, kind) == basis


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_programme_page_shows_timeline_table_and_chart(history_site: Path) -> None:
    html = (history_site / B22 / "index.html").read_text(encoding="utf-8")
    start = html.index('class="programme-history"')
    section = html[start : html.index("</section>", html.index("history-sources", start))]
    assert '<span aria-current="page">Begroting 2022: Programma 4 Bestuur, ondersteuning en dienstverlening' in html
    for path in (B21, J21, B23_RENUMBERED):
        assert f'href="/{path}"' in section
    assert f'href="/{B23_NEW_4}"' not in section
    assert "hernoemd en vernummerd (was programma 4)" in section
    text = _text(section)
    assert "Begroot 2021 Realisatie 2021 Begroot 2022 Begroot 2023" in text
    assert "Lasten 2.100.000 2.050.000 2.250.000 2.300.000" in text
    assert "Saldo −1.580.000 −1.520.000 −1.650.000 −1.650.000" in text
    assert "Realisatie 2021: Jaarverslag 2021, kolom “Rekening 2021”" in text
    # The chart (the usual partial) with its text alternative; ids after the page's own table.
    assert 'id="tabel-2"' in section and 'aria-labelledby="grafiek-2-1-title"' in section
    assert "Realisatie 2021 Lasten: € 2.050.000 Baten: € 530.000" in text


def test_a_programme_alone_shows_no_history(history_site: Path) -> None:
    html = (history_site / SAFETY / "index.html").read_text(encoding="utf-8")
    assert "programme-history" not in html


def test_incremental_builds_follow_changes_in_other_documents_of_the_lineage(tmp_path: Path) -> None:
    """A sibling's figures and the population file are inputs of pages that are not their own."""
    root = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, root)
    check(root)
    jaarverslag = root / "content" / "noordwijk" / "jaarverslag-2021-4.md"
    jaarverslag.write_text(jaarverslag.read_text(encoding="utf-8").replace("2050, 50", "2060, 60"), encoding="utf-8")
    check(root)
    assert "2.060.000" in (root / "site" / B22 / "index.html").read_text(encoding="utf-8")
    population = root / "data" / "inwoners.csv"
    population.write_text(population.read_text(encoding="utf-8").replace("20000", "30000"), encoding="utf-8")
    check(root)
    assert "30.000" in (root / "site" / "vergelijken/programma-4-bestuur-en-ondersteuning/index.html").read_text()
