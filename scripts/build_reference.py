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

XS = "{http://www.w3.org/2001/XMLSchema}"
OUT = Path(__file__).resolve().parent.parent / "generator" / "reference" / "data"
KINDS = {"gemeentelijst": "gemeente", "provincielijst": "provincie", "waterschapslijst": "waterschap"}


def enumerations(schema: etree._ElementTree, list_name: str) -> list[tuple[str, list[str]]]:
    """(uri, documentation paragraphs) for every value of one TOOI list."""
    values = []
    for enum in schema.iterfind(f".//{XS}simpleType[@name='{list_name}']//{XS}enumeration"):
        texts = [" ".join(p.text.split()) for p in enum.iter() if p.tag.endswith("}p") and p.text]
        values.append((enum.get("value"), texts))
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
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
            rows[code] = {
                "code": code,
                "name": label,
                "kind": kind,
                "uri": uri,
                "province": "",
                "valid_from": "",
                "valid_to": "",
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
