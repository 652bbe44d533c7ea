"""Regenerate the reference data shipped in generator/reference/data/ from ../shared/data.

Sources: gemeenten.csv (CBS codes, names, years of existence) and the TOOI value lists in the
DiWoo 0.9.8 lijsten schema (all organisations, Woo information categories). Run from the repo root:

    python scripts/build_reference.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from lxml import etree

from bench import shared

XS = "{http://www.w3.org/2001/XMLSchema}"
OUT = Path(__file__).resolve().parent.parent / "generator" / "reference" / "data"
FIRST_CBS_YEAR = 2019
KINDS = {"gemeentelijst": "gemeente", "provincielijst": "provincie", "waterschapslijst": "waterschap"}
# Years of the water-board mergers since 2011 (the TOOI list has no dates): (valid_from, valid_to) by code.
# 2011 Scheldestromen (Zeeuws-Vlaanderen, Zeeuwse Eilanden); 2013 Vallei en Veluwe (Veluwe, Vallei & Eem);
# 2014 Vechtstromen (Velt en Vecht, Regge en Dinkel); 2016 Drents Overijsselse Delta (Groot Salland, Reest en
# Wieden); 2017 Limburg (Roer en Overmaas, Peel en Maasvallei).
WATER_BOARD_YEARS = {
    "WS0524": ("", "2010"),
    "WS0536": ("", "2010"),
    "WS0661": ("2011", ""),
    "WS0153": ("", "2012"),
    "WS0154": ("", "2012"),
    "WS0662": ("2013", ""),
    "WS0649": ("", "2013"),
    "WS0201": ("", "2013"),
    "WS0663": ("2014", ""),
    "WS0151": ("", "2015"),
    "WS0648": ("", "2015"),
    "WS0664": ("2016", ""),
    "WS0585": ("", "2016"),
    "WS0638": ("", "2016"),
    "WS0665": ("2017", ""),
}


def enumerations(schema: etree._ElementTree, list_name: str) -> list[tuple[str, list[str]]]:
    """(uri, documentation paragraphs) for every value of one TOOI list."""
    values = []
    for enum in schema.iterfind(f".//{XS}simpleType[@name='{list_name}']//{XS}enumeration"):
        texts = [" ".join(p.text.split()) for p in enum.iter() if p.tag.endswith("}p") and p.text]
        values.append((enum.get("value"), texts))
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared.DATA)
    args = parser.parse_args()
    schema = etree.parse(str(args.shared / "diwoo" / "diwoo-metadata-lijsten.xsd"))
    OUT.mkdir(parents=True, exist_ok=True)

    rows: dict[str, dict[str, str]] = {}
    with open(args.shared / "gemeenten.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = r["code"].upper()
            rows[code] = {
                "code": code,
                "name": r["name"],
                "kind": "gemeente",
                "uri": f"https://identifier.overheid.nl/tooi/id/gemeente/{code.lower()}",
                "province": r["province"],
                "valid_from": r["valid_from"],
                "valid_to": r["valid_to"],
            }
    on_list = set()
    for list_name, kind in KINDS.items():
        for uri, texts in enumerations(schema, list_name):
            code = uri.rsplit("/", 1)[1].upper()
            on_list.add(code)
            if code in rows:
                continue
            label = re.sub(rf"^{kind}\s+", "", texts[0]) if texts else code
            # The CBS list covers every municipality of 2019-2025; one only on the TOOI list ended before.
            valid_from, valid_to = WATER_BOARD_YEARS.get(code, ("", ""))
            if kind == "gemeente":
                valid_to = str(FIRST_CBS_YEAR - 1)
            rows[code] = {
                "code": code,
                "name": label,
                "kind": kind,
                "uri": uri,
                "province": "",
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
    missing = sorted(set(rows) - on_list)
    if missing:
        raise SystemExit(f"organisations not on the TOOI lists: {', '.join(missing)}")
    with open(OUT / "organisations.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["code", "name", "kind", "uri", "province", "valid_from", "valid_to"])
        w.writeheader()
        w.writerows(sorted(rows.values(), key=lambda r: r["code"]))

    with open(OUT / "informatiecategorieen.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uri", "label"])
        for uri, texts in enumerations(schema, "informatiecategorielijst"):
            w.writerow([uri, texts[0]])
    print(f"wrote {len(rows)} organisations to {OUT}")


if __name__ == "__main__":
    main()
