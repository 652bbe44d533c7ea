"""The harvest chain and the sitemaps.org rules: robots.txt -> index -> sitemaps -> pages, splitting at the limits."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from woo_content import DIWOO, SITEMAP, build, diwoo_sitemaps, small_document, write_content

from generator.core.errors import BuildError
from generator.outputs import sitemaps
from generator.publish.build import BuildOptions
from generator.publish.build import build as build_in_process

W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")
BASE = "https://woosite.example.org/"


def file_for(site: Path, url: str, base: str = BASE) -> Path:
    assert url.startswith(base), url
    rel = url[len(base) :]
    return site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def sitemap_files(site: Path, base: str = BASE) -> list[Path]:
    """Every file named on a Sitemap line of robots.txt, and every sitemap those indexes name."""
    named = [
        file_for(site, line.split(":", 1)[1].strip(), base)
        for line in (site / "robots.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("Sitemap:")
    ]
    found = list(named)
    for file in named:
        root = etree.parse(str(file)).getroot()
        if root.tag == f"{SITEMAP}sitemapindex":
            found += [file_for(site, loc.text, base) for loc in root.iter(f"{SITEMAP}loc")]
    return found


def test_robots_lists_the_plain_sitemap_and_the_diwoo_indexes(example_site: Path) -> None:
    lines = (example_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in lines
    assert f"Sitemap: {BASE}sitemapindex-diwoo-infocat012.xml" in lines


def test_chain_reaches_every_catalog_document(example_site: Path) -> None:
    catalog = json.loads((example_site / "api/index.json").read_text(encoding="utf-8"))
    reached = set()
    for sitemap in diwoo_sitemaps(example_site):
        for url in etree.parse(str(sitemap)).iter(f"{SITEMAP}url"):
            loc = url.findtext(f"{SITEMAP}loc")
            assert file_for(example_site, loc).is_file(), loc
            assert url.find(f"{DIWOO}Document") is not None
            reached.add(loc)
    assert reached == {d["urls"]["html"] for d in catalog["documents"]}


def test_plain_sitemap_lists_every_page(example_site: Path) -> None:
    tree = etree.parse(str(example_site / "sitemap.xml"))
    locs = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    pages = {p for p in example_site.rglob("index.html")}
    assert {file_for(example_site, loc) for loc in locs} == pages


@pytest.mark.parametrize("base", [BASE, "https://example.org/gemeente/woo/"])
def test_sitemaps_follow_the_sitemaps_org_rules(
    base: str, example_site: Path, project: Callable[..., Path], tmp_path: Path
) -> None:
    site = example_site if base == BASE else build(project(), "--base-url", base)
    files = sitemap_files(site, base)
    assert len(files) >= 3  # sitemap.xml, a DiWoo index, its sitemap
    for file in files:
        assert file.stat().st_size <= 50 * 1024 * 1024
        raw = file.read_bytes()
        assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        root = etree.fromstring(raw)
        assert root.tag in (f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex")
        entries = list(root)
        assert 0 < len(entries) <= 50_000
        for entry in entries:
            assert entry.tag in (f"{SITEMAP}url", f"{SITEMAP}sitemap")
            assert entry[0].tag == f"{SITEMAP}loc"  # loc first, as the sitemaps.org schema orders it
            loc = entry[0].text
            assert loc.startswith(base) and len(loc) <= 2048 and urlsplit(loc).scheme == "https"
            # A sitemap may only list URLs at or below its own folder.
            assert loc.startswith(base + file.relative_to(site).parent.as_posix().removeprefix("."))
            lastmod = entry.findtext(f"{SITEMAP}lastmod")
            assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
            for child in entry[1:]:
                assert child.tag in (f"{SITEMAP}lastmod", f"{DIWOO}Document")


def test_split_respects_count_and_size() -> None:
    assert sitemaps.split(list(range(5)), lambda _: 10, max_items=2) == [[0, 1], [2, 3], [4]]
    assert sitemaps.split(list(range(5)), lambda _: 10, max_items=100, max_bytes=35, overhead=10) == [
        [0, 1],
        [2, 3],
        [4],
    ]
    assert sitemaps.split([], lambda _: 10) == [[]]
    with pytest.raises(BuildError):
        sitemaps.split([1], lambda _: 100, max_bytes=50)


def test_large_sets_are_split_into_several_sitemaps(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project()
    for n in range(1, 5):
        write_content(folder, f"lisse/p{n}.md", small_document(n))
    monkeypatch.setattr(sitemaps, "MAX_URLS", 2)
    options = BuildOptions(content_dir=folder / "content", out_dir=folder / "site")
    result = build_in_process(options)
    site = folder / "site"
    index = etree.parse(str(site / "sitemapindex-diwoo-infocat012.xml"))
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert len(parts) == (len(result.site.documents) + 1) // 2 >= 2
    counts = [len(etree.parse(str(file_for(site, p))).findall(f"{SITEMAP}url")) for p in parts]
    assert max(counts) <= 2 and sum(counts) == len(result.site.documents)
    # The plain sitemap became an index of urlsets too.
    assert etree.parse(str(site / "sitemap.xml")).getroot().tag == f"{SITEMAP}sitemapindex"


def test_each_sitemap_is_the_pretty_printed_tree_of_its_entries(example_site: Path) -> None:
    """The files are joined from each entry's own bytes: they are exactly what lxml writes for the one tree
    (declaration, namespaces declared once and only where used, two spaces a level), text untouched."""
    files = sitemap_files(example_site)
    assert any(b"<diwoo:Document>" in f.read_bytes() for f in files)
    for file in files:
        raw = file.read_bytes()
        tree = etree.fromstring(raw, etree.XMLParser(remove_blank_text=True))
        etree.cleanup_namespaces(tree)
        assert raw == etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True), file


def test_the_byte_limit_is_met_exactly(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """With a limit a few entries wide, each DiWoo sitemap is as full as the limit allows and never over it."""
    folder = project()
    for n in range(1, 7):
        write_content(folder, f"lisse/p{n}.md", small_document(n))
    limit = 9_000
    monkeypatch.setattr(sitemaps, "MAX_BYTES", limit)
    build_in_process(BuildOptions(content_dir=folder / "content", out_dir=folder / "site"))
    site = folder / "site"
    index = etree.parse(str(site / "sitemapindex-diwoo-infocat012.xml"))
    parts = [file_for(site, loc.text) for loc in index.iter(f"{SITEMAP}loc")]
    assert len(parts) >= 2
    sizes = [p.stat().st_size for p in parts]
    assert max(sizes) <= limit
    firsts = [re.search(rb"  <url>.*?</url>\n", p.read_bytes(), re.DOTALL) for p in parts]
    assert all(first is not None for first in firsts)
    # The first entry of the next file would not have fitted in this one.
    assert all(size + len(first.group()) > limit for size, first in zip(sizes[:-1], firsts[1:], strict=True) if first)
