"""woosite init: a new site for a municipality in one command, and a working site from it."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.content.loader import load_config
from tests.conftest import SEEDS, run_woosite


def test_init_creates_a_site_for_the_municipality(tmp_path: Path) -> None:
    site = tmp_path / "lisse"
    result = run_woosite("init", str(site), "--publisher", "gemeente Lisse")
    assert result.returncode == 0, result.stderr
    config = load_config(site / "site.yaml")
    assert config.publisher == "Lisse"
    assert "Lisse" in config.title
    assert (site / "content").is_dir()
    assert not [p for p in (site / "content").rglob("*.md")]
    readme = (site / "templates" / "README.md").read_text(encoding="utf-8")
    assert "dezelfde naam" in readme and "`base.html`" in readme
    assert "woosite serve" in result.stdout, "prints the next steps"


def test_an_unknown_municipality_is_refused_with_suggestions(tmp_path: Path) -> None:
    result = run_woosite("init", str(tmp_path / "x"), "--publisher", "Hillegon")
    assert result.returncode == 1
    assert "unknown municipality" in result.stderr
    assert "'Hillegom'" in result.stderr
    assert not (tmp_path / "x").exists(), "nothing written"


def test_init_never_overwrites_a_site(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: Mijn site\nbase_url: https://example.org/\n", encoding="utf-8")
    result = run_woosite("init", str(tmp_path), "--publisher", "Lisse")
    assert result.returncode == 1
    assert "already a site" in result.stderr
    assert (tmp_path / "site.yaml").read_text(encoding="utf-8").startswith("title: Mijn site")


def test_init_new_build_gives_a_working_site(tmp_path: Path) -> None:
    site = tmp_path / "hillegom"
    assert (
        run_woosite("init", str(site), "--publisher", "Hillegom", "--base-url", "https://example.org/woo").returncode
        == 0
    )
    empty = run_woosite("build", cwd=site)
    assert empty.returncode == 0, empty.stderr
    assert (site / "site" / "index.html").is_file()

    made = run_woosite(
        "new", "--kind", "begroting", "--year", "2025", "--number", "1", "--title", "Veiligheid", cwd=site
    )
    assert made.returncode == 0, made.stderr
    seed = next(SEEDS.glob("001_*.txt"))  # Hillegom's programme 4, begroting 2022: kind and year not in the text
    imported = run_woosite("import", str(seed), "--kind", "begroting", "--year", "2022", cwd=site)
    assert imported.returncode == 0, imported.stderr
    assert (site / "content/hillegom/begroting-2022/programma-4-bestuur-en-ondersteuning.md").is_file()
    # A template of the site's own replaces the built-in one of the same name.
    (site / "templates" / "404.html").write_text("<p>Niet gevonden in Hillegom</p>\n", encoding="utf-8")
    built = run_woosite("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "2 documents" in built.stdout
    assert (site / "site/hillegom/begroting-2022/programma-4-bestuur-en-ondersteuning/index.html").is_file()
    checked = run_woosite("check", "--base-url", "https://example.org/woo/", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    page = site / "site/hillegom/begroting-2025/programma-1-veiligheid/index.html"
    html = page.read_text(encoding="utf-8")
    for heading in ("Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"):
        assert heading in html
    assert 'href="/woo/static/style.css"' in html, "links work below the sub-path of base_url"
    catalog = json.loads((site / "site/api/index.json").read_text(encoding="utf-8"))
    assert [d["publisher"]["code"] for d in catalog["documents"]] == ["GM0534", "GM0534"]
    assert "https://example.org/woo/hillegom/begroting-2025/programma-1-veiligheid/" in {
        d["urls"]["html"] for d in catalog["documents"]
    }
    assert (site / "site/404.html").read_text(encoding="utf-8") == "<p>Niet gevonden in Hillegom</p>\n"
    assert yaml.safe_load((site / "site.yaml").read_text(encoding="utf-8"))["publisher"] == "Hillegom"
