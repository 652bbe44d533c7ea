"""Organisations resolve as people write them, and every code is on the TOOI list of the DiWoo schema."""

from __future__ import annotations

import pytest
from lxml import etree

from generator.reference.organisations import UnknownOrganisation, find_in_text, lookup, organisations
from generator.reference.taxonomy import DocumentKind, information_category
from tests.conftest import DIWOO_SCHEMAS


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Lisse", "GM0553"),
        ("gemeente Lisse", "GM0553"),
        ("gm0553", "GM0553"),
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("Leidschendam-Voorburg", "GM1916"),
        ("Oude IJsselstreek", "GM1509"),
        ("De Ronde Venen", "GM0736"),
        ("Bergen (NH)", "GM0373"),
        ("Súdwest-Fryslân", "GM1900"),
        ("Zuidwest-Friesland", "GM1900"),
        ("provincie Noord-Holland", "PV27"),
        ("waterschap Amstel, Gooi en Vecht", "WS0155"),
    ],
)
def test_names_as_people_write_them(written: str, code: str) -> None:
    assert lookup(written).code == code


def test_unknown_name_suggests_close_matches() -> None:
    with pytest.raises(UnknownOrganisation) as info:
        lookup("Lise")
    assert "Lisse" in info.value.suggestions


def test_years_of_existence_come_from_cbs_list() -> None:
    weesp = lookup("Weesp")
    assert weesp.existed_in(2021) and not weesp.existed_in(2023)
    assert lookup("Voorne aan Zee").valid_from == 2023


def test_find_in_text_prefers_whole_longest_names() -> None:
    found = find_in_text("de gemeente Leidschendam-Voorburg voor participatie")
    assert [o.code for o in found] == ["GM1916"]
    assert [o.code for o in find_in_text("Voor Lisse is dit belangrijk")] == ["GM0553"]


def test_every_uri_is_on_the_tooi_lists() -> None:
    schema = etree.parse(str(DIWOO_SCHEMAS / "diwoo-metadata-lijsten.xsd"))
    listed = {e.get("value") for e in schema.iter("{http://www.w3.org/2001/XMLSchema}enumeration")}
    orgs = organisations()
    assert len([o for o in orgs.values() if o.kind == "gemeente" and o.valid_to is None]) == 342
    assert {o.uri for o in orgs.values()} <= listed
    assert {k.documentsoort[0] for k in DocumentKind} <= listed


def test_information_category_by_label_code_or_uri() -> None:
    by_label = information_category("jaarplannen en jaarverslagen")
    assert by_label is not None and by_label.code == "c_c6cd1213"
    assert information_category("c_db4862c3") is not None
    assert information_category("geen categorie") is None


def test_water_board_mergers_have_their_years() -> None:
    assert lookup("waterschap Vechtstromen").valid_from == 2014
    assert not lookup("waterschap Groot Salland").existed_in(2016)
    assert lookup("waterschap Limburg").existed_in(2017) and not lookup("Roer en Overmaas").existed_in(2017)
