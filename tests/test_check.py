"""woosite check: passes on the example site, fails with one useful line per problem on a damaged one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, run_woosite
from lxml import etree
from woo_content import DIWOO, SITEMAP, build, seed_002_document, set_config, write_content

CONFIG = str(ROOT / "site.yaml")


@pytest.fixture
def damaged(example_site: Path, tmp_path: Path) -> Path:
    """A copy of the built example site, to tamper with."""
    copy = tmp_path / "site"
    shutil.copytree(example_site, copy)
    return copy


def check(site: Path, *extra: str) -> tuple[int, list[str]]:
    result = run_woosite("check", "--site", str(site), "--config", CONFIG, *extra)
    return result.returncode, result.stdout.splitlines()


def programme_page(site: Path) -> Path:
    return next(p for p in sorted(site.rglob("index.html")) if list(p.parent.glob("*-tabel-1.csv")))


def test_passes_on_the_example_site(example_site: Path) -> None:
    code, lines = check(example_site)
    assert code == 0, lines
    assert lines[-1].startswith("site is ready")


def test_passes_on_a_site_below_a_sub_path_with_redactions(project: Callable[..., Path]) -> None:
    folder = project()
    set_config(folder, base_url="https://example.org/gemeente/woo/")
    write_content(folder, "lv/moderne-overheid.md", seed_002_document())
    site = build(folder)
    result = run_woosite("check", "--site", str(site), "--config", str(folder / "site.yaml"))
    assert result.returncode == 0, result.stdout


def add_to_programme_page(site: Path, markup: str) -> Path:
    """Put ``markup`` at the end of a programme page's main content; return the page."""
    page = programme_page(site)
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", markup + "</main>"), encoding="utf-8")
    return page


def test_broken_link(damaged: Path) -> None:
    page = add_to_programme_page(damaged, '<a href="../bestaat-niet/">weg</a>')
    code, lines = check(damaged)
    assert code == 1
    (line,) = [x for x in lines if "bestaat-niet" in x]
    assert str(page.relative_to(damaged)) in line and "leads nowhere" in line and "(fix the link" in line


def test_missing_information_category(damaged: Path) -> None:
    (sitemap,) = damaged.glob("sitemap-diwoo-infocat*.xml")
    tree = etree.parse(str(sitemap))
    for element in list(tree.iter(f"{DIWOO}informatiecategorieen")):
        element.getparent().remove(element)
    tree.write(str(sitemap), xml_declaration=True, encoding="UTF-8")
    code, lines = check(damaged)
    assert code == 1
    assert any(sitemap.name in x and "no information category" in x and "information_category" in x for x in lines)
    assert any(sitemap.name in x and "DiWoo 0.9.8 schema" in x for x in lines)


def test_unredacted_name(damaged: Path) -> None:
    page = add_to_programme_page(damaged, "<p>Contact: Alexander van Mazijk</p>")
    code, lines = check(damaged)
    assert code == 1
    (line,) = [x for x in lines if "Alexander van Mazijk" in x]
    assert str(page.relative_to(damaged)) in line and "5.1.2e" in line


def test_broken_harvest_chain(damaged: Path) -> None:
    (index,) = damaged.glob("sitemapindex-diwoo-infocat*.xml")
    index.unlink()
    code, lines = check(damaged)
    assert code == 1
    assert any("robots.txt" in x and index.name in x and "does not exist" in x for x in lines)
    assert any("api/index.json" in x and "in no DiWoo sitemap" in x for x in lines)


def test_page_missing_from_the_site(damaged: Path) -> None:
    page = programme_page(damaged)
    page.unlink()
    code, lines = check(damaged)
    assert code == 1
    assert any("sitemap-diwoo-infocat" in x and "page" in x and "does not exist" in x for x in lines)
    assert any("api/index.json" in x and "does not exist" in x for x in lines)


def test_catalog_url_missing(damaged: Path) -> None:
    (csv_file,) = programme_page(damaged).parent.glob("*-tabel-1.csv")
    csv_file.unlink()
    code, lines = check(damaged)
    assert code == 1
    assert any("api/index.json" in x and csv_file.name in x for x in lines)
    assert any("api/catalog.jsonld" in x and csv_file.name in x for x in lines)


def test_wrong_lastmod_and_category_mismatch(damaged: Path) -> None:
    (sitemap,) = damaged.glob("sitemap-diwoo-infocat*.xml")
    tree = etree.parse(str(sitemap))
    tree.find(f".//{SITEMAP}lastmod").text = "23-11-2026"
    tree.find(f".//{DIWOO}informatiecategorie").set(
        "resource", "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"
    )
    tree.write(str(sitemap), xml_declaration=True, encoding="UTF-8")
    code, lines = check(damaged)
    assert code == 1
    assert any("'23-11-2026' is not a W3C datetime" in x for x in lines)
    assert any("listed under information category 012" in x and "008" in x for x in lines)


def test_missing_site_folder(tmp_path: Path) -> None:
    result = run_woosite("check", "--site", str(tmp_path / "nope"), "--config", CONFIG)
    assert result.returncode == 1
    assert "site folder not found" in result.stderr and "woosite build" in result.stderr
