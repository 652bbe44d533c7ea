"""Hostile content never becomes markup: every vector of ``tests/hostile.py`` in every field of every output.

The HTML is checked structurally (no element, attribute or URL the site did not put there itself); the data
files must still parse (JSON, XML, Atom, CSV). ``tests/browser/test_hostile_content.py`` loads the same site
in Chromium, with and without its CSP, and records dialogs and policy violations.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.hostile import VECTORS

ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcdoc", "data", "poster", "xlink:href", "background")
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "video", "audio", "math"}
OWN_SCRIPTS = ("/pagefind/pagefind-ui.js", "/static/search.js")


def test_the_corpus_is_large_enough() -> None:
    assert len(VECTORS) >= 80 and len(set(VECTORS)) == len(VECTORS)


def _html_files(site: Path) -> list[Path]:
    files = sorted(site.rglob("*.html"))
    assert len(files) > len(VECTORS), "every vector's page was built"
    return files


def _markup_problems(path: Path, site: Path) -> list[str]:
    tree = lxml_html.fromstring(path.read_bytes())
    where = path.relative_to(site).as_posix()
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in FORBIDDEN_ELEMENTS:
            problems.append(f"{where}: <{tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"{where}: <{tag} {name}=...>")
            if name.lower() in URL_ATTRIBUTES and value.strip().lower().startswith(ACTIVE_SCHEMES):
                problems.append(f"{where}: <{tag} {name}={value[:40]!r}>")
            if name.lower() in ("src", "action") and value.strip().lower().startswith(("http:", "https:", "//")):
                problems.append(f"{where}: <{tag} {name}={value[:40]!r}> loads from outside the site")
        if tag == "script":
            if element.get("type") == "application/ld+json":
                json.loads(element.text or "")  # still one JSON value: nothing broke out of it
            elif element.get("src", "") not in OWN_SCRIPTS:
                problems.append(f"{where}: <script src={element.get('src')!r}>")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            problems.append(f"{where}: <meta http-equiv=refresh>")
        external = element.get("href", "").startswith(("http:", "https:", "//"))
        if tag == "link" and external and element.get("rel") not in ("canonical", "alternate"):
            problems.append(f"{where}: <link href={element.get('href')!r}>")
        if tag == "style":
            problems.append(f"{where}: <style>")
    return problems


def test_no_vector_becomes_markup_in_any_page(hostile_site: Path) -> None:
    problems = [p for path in _html_files(hostile_site) for p in _markup_problems(path, hostile_site)]
    assert problems == []


def test_the_vectors_are_shown_as_text(hostile_site: Path) -> None:
    """Escaped, not dropped: each page's title shows its vector exactly as written."""
    catalog = json.loads((hostile_site / "api/index.json").read_text(encoding="utf-8"))["documents"]
    titles = {entry["title"] for entry in catalog}
    assert titles == set(VECTORS)
    shown = set()
    for entry in catalog:
        page = hostile_site / entry["urls"]["html"].removeprefix("https://test.example.org/") / "index.html"
        h1 = lxml_html.fromstring(page.read_bytes()).find(".//h1")
        shown.add(" ".join(h1.text_content().split()))
    assert shown == {" ".join(v.split()) for v in VECTORS}


def test_data_files_stay_well_formed(hostile_site: Path) -> None:
    counts = {"json": 0, "xml": 0, "csv": 0}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for path in sorted(hostile_site.rglob("*")):
        if path.suffix in (".json", ".jsonld") and "pagefind" not in path.parts:
            json.loads(path.read_text(encoding="utf-8"))
            counts["json"] += 1
        elif path.suffix == ".xml":
            root = etree.parse(str(path), parser).getroot()
            assert root.tag.startswith("{"), f"{path.name}: root element lost its namespace"
            assert not [e for e in root.iter() if isinstance(e, etree._Entity)], f"{path.name}: an entity reference"
            counts["xml"] += 1
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
            assert len(rows) == 3 and all(len(row) == 4 for row in rows), path.name
            counts["csv"] += 1
    assert counts["json"] > len(VECTORS) and counts["xml"] > len(VECTORS) and counts["csv"] == len(VECTORS)
    dcat = (hostile_site / "api/catalog.jsonld").read_text(encoding="utf-8")
    assert dcat == json.dumps(json.loads(dcat), indent=2, ensure_ascii=False) + "\n", "the bytes json.dumps writes"


def test_the_feed_has_one_entry_per_vector(hostile_site: Path) -> None:
    feed = etree.parse(str(hostile_site / "feed.xml"))
    titles = feed.findall(".//{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert sorted(t.text.removesuffix(", begroting 2021 gemeente Lisse") for t in titles) == sorted(VECTORS)


@pytest.mark.parametrize("name", ["sitemap.xml", "robots.txt"])
def test_no_vector_adds_a_url_to_the_harvest_files(hostile_site: Path, name: str) -> None:
    assert "evil.example" not in (hostile_site / name).read_text(encoding="utf-8")
