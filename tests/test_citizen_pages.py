"""The HTML citizens read, checked on the rich fixture site: structure, statuses, lists, tables, standard
pages, and the promises of the security policy (no inline script, nothing from elsewhere)."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from lxml import html

from generator.core.errors import BuildError
from generator.outputs.headers import nginx_snippet
from generator.publish.build import BuildOptions, build
from generator.render.policy import content_security_policy
from tests.conftest import RICH_PROJECT, ROOT, run_woosite

HILLEGOM = "hillegom/begroting-2022/programma-4-bestuur-en-ondersteuning/index.html"
MODERNE_OVERHEID = "leidschendam-voorburg/voortgangsrapportage-2021/de-moderne-overheid/index.html"
TEYLINGEN = "teylingen/kadernota-2023/domein-3-veiligheid-bestuur-dienstverlening-en-financien/index.html"


def parse(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path).read_bytes())


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_has_one_h1_no_skipped_heading_levels_and_the_landmarks(rich_site: Path) -> None:
    pages = all_pages(rich_site)
    assert len(pages) == 15
    for path in pages:
        doc = html.fromstring(path.read_bytes())
        assert doc.get("lang") == "nl", path
        assert len(doc.xpath("//h1")) == 1, path
        levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (path, levels)
        body = doc.find("body")
        assert "utrecht-skip-link" in body[0].get("class").split() and body[0].get("href") == "#inhoud"
        assert doc.xpath("//main[@id='inhoud']"), path


def test_every_page_carries_the_policy_and_loads_nothing_from_elsewhere(rich_site: Path) -> None:
    for path in all_pages(rich_site):
        doc = html.fromstring(path.read_bytes())
        [meta] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")
        assert meta.get("content") == content_security_policy()
        assert "frame-ancestors" not in meta.get("content")  # ignored in a meta tag, so only in headers
        for script in doc.iter("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", path
        for element, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in doc.iter(element):
                if element == "link" and node.get("rel") in ("canonical", "alternate"):
                    continue
                if element == "script" and node.get("type") == "application/ld+json":
                    continue  # a data block for search engines: never executed, loads nothing
                value = node.get(attribute) or ""
                assert value.startswith("/woo/"), (path, element, value)
        assert not doc.xpath("//@style"), path  # style-src 'self' forbids inline style


def test_statuses_are_words_with_the_printed_code_not_colour_alone(rich_site: Path) -> None:
    doc = parse(rich_site, HILLEGOM)
    statuses = [text(p) for p in doc.xpath("//p[contains(@class, 'status')]")]
    assert statuses == [
        "Status: Groen: op koers (in het document: G)",
        "Status: Oranje: aandacht nodig (in het document: O)",
        "Status: Rood: risico, doel mogelijk niet gehaald (in het document: R)",
        "Status: Groen: op koers (in het document: groen)",
        "Status: Volgens verwachting",
    ]
    assert doc.xpath("//h3[.='4.3 Informatieveiligheid']/following-sibling::p[1][contains(@class, 'status-red')]")


def test_lists_definition_lists_and_nested_sections(rich_site: Path) -> None:
    doc = parse(rich_site, HILLEGOM)
    assert [text(li) for li in doc.xpath("//h2[.='Trends en ontwikkelingen']/following-sibling::ul/li")] == [
        "Omgevingswet",
        "Wet open overheid",
        "Basisregistratie personen",
    ]
    assert len(doc.xpath("//h3[.='Dienstverlening']/following-sibling::ol/li")) == 3
    assert doc.xpath("//h4[.='Wet open overheid (Woo)']")
    terms = doc.xpath("//h2[.='Programma structuur']/following-sibling::dl/dt")
    assert [text(t) for t in terms] == ["Bestuurlijk opdrachtgever", "Ambtelijk opdrachtgever", "Risicoprofiel"]
    assert text(terms[0].getnext()) == "Burgemeester Van der Meer"
    teylingen = parse(rich_site, TEYLINGEN)
    assert text(teylingen.xpath("//h1")[0]).startswith("Domein 3 Veiligheid")
    assert teylingen.xpath("//section[@class='level-4']/section[@class='level-5']/h5[.='Cameratoezicht']")


def test_breadcrumbs_lead_from_home_to_the_programme(rich_site: Path) -> None:
    doc = parse(rich_site, MODERNE_OVERHEID)
    crumbs = doc.xpath("//nav[contains(@class, 'utrecht-breadcrumb-nav')]//li")
    assert [text(li) for li in crumbs] == [
        "Home",
        "gemeente Leidschendam-Voorburg",
        "Voortgangsrapportage 2021",
        "De Moderne Overheid",
    ]
    assert crumbs[-1].xpath("a/@aria-current") == ["page"]
    assert [a.get("href") for a in doc.xpath("//nav[contains(@class, 'utrecht-breadcrumb-nav')]//a")][:2] == [
        "/woo/",
        "/woo/leidschendam-voorburg/",
    ]


def test_finance_tables_are_real_tables_under_their_section(rich_site: Path) -> None:
    doc = parse(rich_site, MODERNE_OVERHEID)
    assert [text(h) for h in doc.xpath("//h2")].count("Financiën") == 1  # loose tables join the document's own
    section = doc.xpath("//section[h2='Financiën']")[0]
    # The first caption repeats the heading above it: the page shows "Tabel 1" and keeps the words for
    # screen readers.
    assert [text(c) for c in section.xpath(".//caption")] == ["Tabel 1: Financiën (bedragen in €)", "Kengetallen"]
    shown = section.xpath(".//p[@class='finance-caption']")[0]
    assert shown.text.strip() == "Tabel 1" and shown.xpath("span[@class='visually-hidden']")
    table = section.xpath(".//table")[0]
    assert [th.get("scope") for th in table.xpath(".//thead/tr/th")] == ["col"] * 5
    assert all(th.get("scope") == "row" for th in table.xpath(".//tbody/tr/th"))
    correctie = table.xpath(".//tr[th='Correctie']/td")
    assert [text(td) for td in correctie] == ["−5.000", "–geen bedrag", "0", "−5.000"]
    assert all("amount" in td.get("class") for td in correctie)
    assert text(section.xpath(".//table")[1].xpath(".//tr[th='Klachten']/td")[1]) == "−1,5 %"
    teylingen = parse(rich_site, TEYLINGEN)
    assert teylingen.xpath("//section[h2='Wat mag het kosten?']//table/caption[contains(., 'bedragen x € 1.000')]")
    notes = [text(li) for li in teylingen.xpath("//div[@class='table-notes']//li")]
    assert notes[0] == "Alle bedragen zijn x € 1.000: 12.345 in de tabel betekent € 12.345.000."
    assert "negatief bedrag" in notes[1] and "baten plus de (negatieve) lasten" in notes[2]


def test_each_chart_says_its_numbers_with_the_unit_in_text(rich_site: Path) -> None:
    doc = parse(rich_site, TEYLINGEN)
    [figure] = doc.xpath("//figure[contains(@class, 'chart')]")
    assert text(doc.get_element_by_id(figure.get("aria-labelledby"))).startswith("Lasten en baten per kolom")
    labels = [text(s) for s in figure.xpath(".//span[@class='bar-text']")]
    assert labels[:2] == ["Lasten: € −12.345.000", "Baten: € 2.345.000"]
    bars = figure.xpath(".//*[local-name()='svg']")
    assert len(bars) == 6 and all(svg.get("aria-hidden") == "true" for svg in bars)
    assert not doc.xpath("//*[@style]")  # the CSP forbids inline style


def test_standard_pages(rich_site: Path) -> None:
    contact = parse(rich_site, "contact/index.html")
    assert contact.xpath("//a[@href='mailto:info@example.org']") and contact.xpath("//a[@href='tel:0252123456']")
    assert "Postbus 1" in text(contact.xpath("//dd[@class='address']")[0])
    open_data = parse(rich_site, "open-data/index.html")
    linked = [a.get("href") for a in open_data.xpath("//main//a")]
    for path in ("api/index.json", "api/document.schema.json", "api/index.schema.json"):
        assert f"/woo/{path}" in linked and (rich_site / path).is_file()
    assert parse(rich_site, "toegankelijkheidsverklaring/index.html").xpath("//h1[.='Toegankelijkheidsverklaring']")
    not_found = parse(rich_site, "404.html")
    assert [a.get("href") for a in not_found.xpath("//main//a")] == ["/woo/", "/woo/zoeken/"]


def test_headers_for_hosts_match_the_policy_and_the_nginx_snippet_is_current(rich_site: Path) -> None:
    headers = (rich_site / "_headers").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {content_security_policy(header=True)}" in headers
    assert "frame-ancestors 'none'" in headers and "X-Content-Type-Options: nosniff" in headers
    deployed = (ROOT / "deploy" / "nginx-security-headers.conf").read_text(encoding="utf-8")
    assert deployed == nginx_snippet(), "regenerate it: python -m scripts.write_nginx_headers"


def test_search_index_covers_the_programme_pages_and_is_recorded(tmp_path: Path) -> None:
    shutil.copytree(RICH_PROJECT, tmp_path / "project")
    result = build(BuildOptions(content_dir=tmp_path / "project" / "content", out_dir=tmp_path / "site"))
    assert "pagefind/pagefind-ui.js" in result.files and "pagefind/pagefind.js" in result.files
    for path, size in result.files.items():
        assert (tmp_path / "site" / path).stat().st_size == size
    entry = json.loads((tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(result.site.documents) == 3


def test_a_site_can_override_one_string_and_must_have_its_language(tmp_path: Path) -> None:
    shutil.copytree(RICH_PROJECT, tmp_path, dirs_exist_ok=True)
    (tmp_path / "templates" / "strings").mkdir(parents=True)
    (tmp_path / "templates" / "strings" / "nl.yaml").write_text("skip_link: Direct naar de tekst\n", "utf-8")
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    home = parse(tmp_path / "out", "index.html")
    assert text(home.xpath("//a[contains(@class, 'utrecht-skip-link')]")[0]) == "Direct naar de tekst"
    assert text(home.xpath("//form[@role='search']//label")[0]) == "Zoeken in alle programma's"  # the rest: built-in
    config = tmp_path / "site.yaml"
    config.write_text(config.read_text("utf-8").replace("language: nl", "language: fy"), "utf-8")
    with pytest.raises(BuildError, match="no UI strings for language 'fy'"):
        build(BuildOptions(content_dir=tmp_path / "content", out_dir=tmp_path / "out2"))


def test_a_broken_template_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(RICH_PROJECT, tmp_path, dirs_exist_ok=True)
    partials = tmp_path / "templates" / "partials"
    partials.mkdir(parents=True)
    (partials / "finance_chart.html").write_text(
        "{% macro finance_chart(placed, chart, n) %}\n{{ placed.colour }}\n{% endmacro %}\n", "utf-8"
    )
    with pytest.raises(BuildError) as caught:
        build(BuildOptions(content_dir=tmp_path / "content", out_dir=tmp_path / "out"))
    [problem] = caught.value.problems
    assert problem.path == partials / "finance_chart.html" and problem.line == 2
    assert "has no attribute 'colour'" in problem.message and not (tmp_path / "out").exists()
