"""DiWoo metadata: valid against the published 0.9.8 schema (offline), complete, with URIs from the TOOI lists."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import xmlschema
from conftest import DIWOO_SCHEMAS, SHARED_DATA
from lxml import etree
from woo_content import DIWOO, SITEMAP, build, diwoo_sitemaps, seed_002_document, write_content

from generator.check import diwoo_schema

DIWOO_XSD = DIWOO_SCHEMAS / "diwoo-metadata.xsd"
LIJSTEN_XSD = DIWOO_SCHEMAS / "diwoo-metadata-lijsten.xsd"
MDTO_NS = "https://www.nationaalarchief.nl/mdto"
XS = "{http://www.w3.org/2001/XMLSchema}"
FULL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
ORGANISATION_LISTS = [
    "collijst",
    "gemeentelijst",
    "ministerielijst",
    "provincielijst",
    "oorglijst",
    "solijst",
    "waterschapslijst",
    "zbolijst",
]
LIST_OF = {
    "publisher": ORGANISATION_LISTS,
    "verantwoordelijke": ORGANISATION_LISTS,
    "informatiecategorie": ["informatiecategorielijst"],
    "documentsoort": ["documentsoortlijst"],
    "thema": ["themalijst"],
    "soortHandeling": ["soorthandelinglijst"],
    "language": ["taallijst"],
    "format": ["formatlijst"],
}


@pytest.fixture(scope="session")
def schema() -> xmlschema.XMLSchema:
    """The published schema from shared/data, MDTO import mapped to the local stand-in, no network allowed."""
    loaded = xmlschema.XMLSchema(
        str(DIWOO_XSD), locations={MDTO_NS: str(diwoo_schema.MDTO_STAND_IN)}, allow="local", validation="strict"
    )
    # The import really happened (a skipped import must not let validation pass).
    assert MDTO_NS in loaded.maps.namespaces
    assert loaded.maps.elements[f"{{{MDTO_NS}}}MDTO"] is not None
    return loaded


@pytest.fixture(scope="session")
def tooi_lists() -> dict[str, set[str]]:
    """Every value list of the lijsten schema: simpleType name -> its enumeration values."""
    tree = etree.parse(str(LIJSTEN_XSD))
    return {
        st.get("name"): {e.get("value") for e in st.iter(f"{XS}enumeration")}
        for st in tree.getroot().iterfind(f"{XS}simpleType")
    }


@pytest.fixture(scope="session")
def varied_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example content plus a seed-002 document (adopted, created date) in another information category."""
    project = tmp_path_factory.mktemp("varied")
    (project / "content").mkdir()
    (project / "site.yaml").write_text("title: Test\nbase_url: https://example.org/woo/\n", encoding="utf-8")
    example = Path(__file__).resolve().parent.parent / "content"
    for source in example.rglob("*.md"):
        write_content(project, source.relative_to(example).as_posix(), source.read_text(encoding="utf-8"))
    text = seed_002_document().replace(
        "description:", "information_category: vergaderstukken decentrale overheden\ndescription:", 1
    )
    write_content(project, "lv/moderne-overheid.md", text)
    return build(project)


def documents(site: Path) -> list[etree._Element]:
    found = [
        document for sitemap in diwoo_sitemaps(site) for document in etree.parse(str(sitemap)).iter(f"{DIWOO}Document")
    ]
    assert found, "no DiWoo documents in the sitemaps"
    return found


def content(element: etree._Element) -> list[tuple[str, dict[str, str], str]]:
    """Elements, attributes and text, regardless of namespace prefixes and indentation."""
    return [(e.tag, dict(e.attrib), (e.text or "").strip()) for e in element.iter()]


@pytest.mark.skipif(not (SHARED_DATA / "diwoo").is_dir(), reason="../shared/data is not beside this checkout")
def test_packaged_schemas_are_the_published_ones() -> None:
    for name in ("diwoo-metadata.xsd", "diwoo-metadata-lijsten.xsd"):
        assert (diwoo_schema.SCHEMAS / name).read_bytes() == (SHARED_DATA / "diwoo" / name).read_bytes()


@pytest.mark.parametrize("site_fixture", ["example_site", "varied_site"])
def test_every_diwoo_sitemap_entry_validates(
    site_fixture: str, request: pytest.FixtureRequest, schema: xmlschema.XMLSchema
) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    for document in documents(site):
        schema.validate(document)


def test_standalone_metadata_files_validate_and_match_the_sitemap(
    varied_site: Path, schema: xmlschema.XMLSchema
) -> None:
    in_sitemaps = {d.findtext(f".//{DIWOO}identifier"): content(d) for d in documents(varied_site)}
    files = sorted(varied_site.rglob("*.diwoo.xml"))
    assert len(files) == len(in_sitemaps) >= 2
    for file in files:
        root = etree.parse(str(file)).getroot()
        schema.validate(root)
        assert content(root) == in_sitemaps[root.findtext(f".//{DIWOO}identifier")]


def test_validation_rejects_broken_metadata(example_site: Path, schema: xmlschema.XMLSchema) -> None:
    """The schema is not vacuous: a missing required element or an unknown organisation URI fails."""
    original = documents(example_site)[0]
    without_category = copy.deepcopy(original)
    category = without_category.find(f".//{DIWOO}informatiecategorieen")
    category.getparent().remove(category)
    assert not schema.is_valid(without_category)
    unknown_publisher = copy.deepcopy(original)
    unknown_publisher.find(f".//{DIWOO}publisher").set(
        "resource", "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"
    )
    assert not schema.is_valid(unknown_publisher)
    assert diwoo_schema.errors(unknown_publisher)


def test_schema_without_the_mdto_mapping_does_not_load() -> None:
    """Offline, the remote MDTO import cannot be fetched: without the mapping loading fails instead of passing."""
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(etree.parse(str(DIWOO_XSD), etree.XMLParser(no_network=True)))
    assert diwoo_schema.load(DIWOO_XSD) is not None


def test_required_and_useful_elements_present(varied_site: Path) -> None:
    for document in documents(varied_site):
        diwoo = document.find(f"{DIWOO}DiWoo")
        assert diwoo is not None
        for path in [
            "publisher",
            "verantwoordelijke",
            "titelcollectie/officieleTitel",
            "classificatiecollectie/informatiecategorieen/informatiecategorie",
            "classificatiecollectie/documentsoorten/documentsoort",
            "classificatiecollectie/themas/thema",
            "documenthandelingen/documenthandeling/soortHandeling",
            "identifiers/identifier",
            "omschrijvingen/omschrijving",
            "language",
            "format",
        ]:
            element = diwoo.find("/".join(f"{DIWOO}{part}" for part in path.split("/")))
            assert element is not None and (element.text or "").strip(), path
        assert diwoo.find(f"{DIWOO}publisher").get("resource", "").startswith("https://identifier.overheid.nl/tooi/id/")
        for at in diwoo.iter(f"{DIWOO}atTime"):
            assert FULL_DATETIME.match(at.text), at.text


def test_coded_values_are_on_the_tooi_lists(varied_site: Path, tooi_lists: dict[str, set[str]]) -> None:
    checked = 0
    for document in documents(varied_site):
        for element in document.iter():
            name = etree.QName(element).localname
            if name in LIST_OF:
                allowed = set().union(*(tooi_lists[n] for n in LIST_OF[name]))
                assert element.get("resource") in allowed, (name, element.get("resource"))
                checked += 1
    assert checked >= 2 * len(LIST_OF)


def test_adopted_document_has_vaststelling_and_creatiedatum(varied_site: Path) -> None:
    (document,) = [
        d for d in documents(varied_site) if "gm1916-voortgangsrapportage-2023" in d.findtext(f".//{DIWOO}identifier")
    ]
    action = document.find(f".//{DIWOO}documenthandeling")
    assert action.findtext(f"{DIWOO}soortHandeling") == "vaststelling"
    assert action.find(f"{DIWOO}soortHandeling").get("resource").endswith("/c_641ecd76")
    assert action.findtext(f"{DIWOO}atTime").startswith("2022-03-15T00:00:00")
    assert document.findtext(f".//{DIWOO}creatiedatum") == "2022-02-24"


def test_one_index_per_information_category(varied_site: Path) -> None:
    robots = (varied_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/woo/sitemapindex-diwoo-infocat012.xml" in robots
    assert "Sitemap: https://example.org/woo/sitemapindex-diwoo-infocat008.xml" in robots
    for number, uri in [("012", "c_c6cd1213"), ("008", "c_db4862c3")]:
        index = etree.parse(str(varied_site / f"sitemapindex-diwoo-infocat{number}.xml"))
        for loc in index.iter(f"{SITEMAP}loc"):
            sitemap = etree.parse(str(varied_site / loc.text.rsplit("/", 1)[1]))
            categories = [c.get("resource") for c in sitemap.iter(f"{DIWOO}informatiecategorie")]
            assert categories and all(c.endswith(uri) for c in categories)


def test_page_links_its_metadata(example_site: Path, project: Callable[..., Path]) -> None:
    for page in example_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if "application/ld+json" in html:
            (xml,) = page.parent.glob("*.diwoo.xml")
            assert f'href="/{xml.relative_to(example_site).as_posix()}"' in html
