"""Open data: CSV and JSON numbers equal the source numbers times their unit; Atom feed; DCAT and schema.org JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from lxml import etree
from lxml import html as lxml_html
from woo_content import build, small_document, write_content

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def data_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example content plus a document with units 1000, fractions, nulls and a percentage column."""
    project = tmp_path_factory.mktemp("data")
    (project / "site.yaml").write_text("title: Test\nbase_url: https://example.org/\n", encoding="utf-8")
    (project / "content").mkdir()
    for source in (ROOT / "content").rglob("*.md"):
        write_content(project, source.relative_to(ROOT / "content").as_posix(), source.read_text(encoding="utf-8"))
    write_content(project, "lisse/p1.md", small_document(1))
    return project, build(project)


def front_matter(path: Path) -> dict:
    """The source numbers, read straight from the content file (not through woosite's models)."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def sources(project: Path) -> list[Path]:
    return sorted((project / "content").rglob("*.md"))


def page_folder(site: Path, catalog_entry: dict) -> Path:
    return site / catalog_entry["urls"]["html"].removeprefix("https://example.org/")


def catalog(site: Path) -> list[dict]:
    return json.loads((site / "api/index.json").read_text(encoding="utf-8"))["documents"]


def test_csv_and_json_numbers_equal_source_times_unit(data_site: tuple[Path, Path]) -> None:
    project, site = data_site
    entries = catalog(site)
    assert len(entries) == len(sources(project))
    checked = 0
    for source in sources(project):
        front = front_matter(source)
        programme = front["programme"]
        (entry,) = [
            e
            for e in entries
            if (e["kind"], e["year"], e["programme"]["title"], str(e["programme"]["number"]))
            == (front["kind"], front["year"], programme["title"], str(programme.get("number")))
        ]
        assert len(entry["urls"]["csv"]) == len(front.get("finance", []))
        document = json.loads((page_folder(site, entry) / entry["urls"]["json"].rsplit("/", 1)[1]).read_text())
        tables = zip(front.get("finance", []), document["finance"], entry["urls"]["csv"], strict=True)
        for table, json_table, csv_url in tables:
            unit = table.get("unit", 1)
            raw = (page_folder(site, entry) / csv_url.rsplit("/", 1)[1]).read_bytes()
            assert not raw.startswith(b"\xef\xbb\xbf")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
            assert rows[0][:2] == ["omschrijving", "rol"]
            assert len(rows) == 1 + len(table["rows"])
            for source_row, json_row, csv_row in zip(table["rows"], json_table["rows"], rows[1:], strict=True):
                assert csv_row[0] == source_row["label"]
                for column, value, json_value, cell in zip(
                    table["columns"], source_row["values"], json_row["values"], csv_row[2:], strict=True
                ):
                    if value is None:
                        assert cell == "" and json_value is None
                    elif column.get("kind", "amount") == "amount":
                        assert int(cell) == round(value * unit)
                        assert json_value * json_table["unit"] == value * unit
                        checked += 1
                    else:
                        assert float(cell) == value
    assert checked >= 5


def test_csv_header_names_units(data_site: tuple[Path, Path]) -> None:
    _, site = data_site
    (csv_file,) = site.glob("lisse/begroting-2020/**/*-tabel-1.csv")
    header = next(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    assert header == ["omschrijving", "rol", "Begroting 2021 (euro)", "Aandeel (%)"]


def test_atom_feed_parses_and_lists_every_document(data_site: tuple[Path, Path]) -> None:
    _, site = data_site
    root = etree.parse(str(site / "feed.xml")).getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    entries = root.findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}id") for e in entries} == {d["urls"]["html"] for d in catalog(site)}
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert RFC3339.match(entry.findtext(f"{ATOM}updated")) and RFC3339.match(entry.findtext(f"{ATOM}published"))
        links = {(link.get("rel"), link.get("type")) for link in entry.findall(f"{ATOM}link")}
        assert ("alternate", "text/html") in links
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_dcat_catalog_describes_every_download(data_site: tuple[Path, Path]) -> None:
    _, site = data_site
    data = json.loads((site / "api/catalog.jsonld").read_text(encoding="utf-8"))
    assert data["@type"] == "dcat:Catalog" and data["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = data["dcat:dataset"]
    assert {d["dcat:landingPage"]["@id"] for d in datasets} == {e["urls"]["html"] for e in catalog(site)}
    for dataset in datasets:
        assert dataset["dct:publisher"]["@id"].startswith("https://identifier.overheid.nl/tooi/id/")
        assert dataset["dct:title"] and dataset["dct:description"]
        for distribution in dataset["dcat:distribution"]:
            file = site / distribution["dcat:downloadURL"]["@id"].removeprefix("https://example.org/")
            assert file.is_file() and file.stat().st_size == distribution["dcat:byteSize"]


def test_programme_pages_carry_schema_org_json_ld(data_site: tuple[Path, Path]) -> None:
    _, site = data_site
    for entry in catalog(site):
        tree = lxml_html.parse(str(page_folder(site, entry) / "index.html"))
        (script,) = tree.xpath('//script[@type="application/ld+json"]')
        data = json.loads(script.text)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
        assert data["url"] == entry["urls"]["html"] == tree.xpath('//link[@rel="canonical"]/@href')[0]
        assert data["publisher"]["@type"] == "GovernmentOrganization"
        assert data["publisher"]["sameAs"] == entry["publisher"]["uri"]
        urls = {d["contentUrl"] for d in data["subjectOf"]["distribution"]}
        xlsx = [entry["urls"]["xlsx"]] if entry["urls"]["xlsx"] else []
        assert urls == {entry["urls"]["json"], entry["urls"]["diwoo"], *entry["urls"]["csv"], *xlsx}


def test_page_lists_downloads_with_sizes(data_site: tuple[Path, Path], project: Callable[..., Path]) -> None:
    _, site = data_site
    for entry in catalog(site):
        folder = page_folder(site, entry)
        tree = lxml_html.parse(str(folder / "index.html"))
        links = tree.xpath('//section[@class="downloads"]//a/@href')
        xlsx = [entry["urls"]["xlsx"]] if entry["urls"]["xlsx"] else []
        expected = [entry["urls"]["json"], *entry["urls"]["csv"], *xlsx, entry["urls"]["diwoo"]]
        assert ["https://example.org" + href for href in links] == expected
        for item in tree.xpath('//section[@class="downloads"]//li'):
            assert re.search(r"\(\d+(,\d)? (byte|kB|MB)\)", item.text_content()), item.text_content()
