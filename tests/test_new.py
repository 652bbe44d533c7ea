"""woosite new: a document started by hand is valid content, and never replaces an existing file."""

from __future__ import annotations

from pathlib import Path

from generator.content.loader import load_config, load_document
from tests.conftest import run_woosite


def new_site(tmp_path: Path, publisher: str = "Lisse") -> Path:
    site = tmp_path / "site-project"
    args = ["init", str(site)] + (["--publisher", publisher] if publisher else [])
    assert run_woosite(*args).returncode == 0
    return site


def test_new_writes_valid_front_matter_and_the_three_questions(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    result = run_woosite(
        "new", "--kind", "kadernota", "--year", "2026", "--number", "3", "--label", "Domein",
        "--title", "Veiligheid, bestuur: en financiën", cwd=site,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = site / "content/lisse/kadernota-2026/domein-3-veiligheid-bestuur-en-financien.md"
    assert str(path.relative_to(site)) in result.stdout
    document = load_document(path, load_config(site / "site.yaml"))
    assert document.publisher.code == "GM0553"
    assert (document.front.kind.value, document.front.year) == ("kadernota", 2026)
    assert document.front.programme.heading == "Domein 3 Veiligheid, bestuur: en financiën"
    assert [s.title for s in document.sections] == [
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        "Wat mag het kosten?",
    ]


def test_an_annual_report_asks_in_the_past_tense(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    assert run_woosite("new", "--kind", "jaarverslag", "--year", "2024", "--title", "Wonen", cwd=site).returncode == 0
    document = load_document(site / "content/lisse/jaarverslag-2024/wonen.md", load_config(site / "site.yaml"))
    assert document.front.programme.number is None
    assert document.sections[0].title == "Wat hebben we bereikt?"


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    args = ("new", "--kind", "begroting", "--year", "2025", "--number", "1", "--title", "Veiligheid")
    assert run_woosite(*args, cwd=site).returncode == 0
    path = site / "content/lisse/begroting-2025/programma-1-veiligheid.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nHandmatig geschreven tekst.\n", encoding="utf-8")
    before = path.read_bytes()
    again = run_woosite(*args, cwd=site)
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert path.read_bytes() == before


def test_new_needs_a_known_publisher(tmp_path: Path) -> None:
    site = new_site(tmp_path, publisher="")
    missing = run_woosite("new", "--kind", "begroting", "--year", "2025", "--title", "Zorg", cwd=site)
    assert missing.returncode == 1
    assert "--publisher" in missing.stderr
    wrong = run_woosite(
        "new", "--kind", "begroting", "--year", "2025", "--title", "Zorg", "--publisher", "Lise", cwd=site
    )
    assert wrong.returncode == 1
    assert "did you mean 'Lisse'" in wrong.stderr
    assert not [p for p in (site / "content").rglob("*.md")], "nothing written"
