"""The finance tables on the pages carry exactly the numbers of the published JSON, written the Dutch
way, and (where a document was imported from a seed export) the numbers printed in that export."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Served
from tests.browser.pages import programme_paths
from tests.conftest import SEEDS

MINUS = "\u2212"


def dutch(value: float | int) -> str:
    """Written independently of the generator's Babel formatting: -1234567.5 -> "−1.234.567,5"."""
    whole, _, fraction = f"{abs(value):.3f}".rstrip("0").rstrip(".").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return (MINUS if value < 0 else "") + grouped + ("," + fraction if fraction else "")


def expected_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "text":
        return str(value)
    return dutch(value) + ("\u00a0%" if kind == "percentage" else "")


def seed_texts() -> dict[str, str]:
    """SHA-256 and file name -> text of every seed export, to find the export a document was imported from."""
    texts: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        texts[hashlib.sha256(path.read_bytes()).hexdigest()] = texts[path.name] = text
    return texts


def document_json(root: Path, path: str) -> dict[str, Any]:
    files = list((root / path).glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_dutch_reference_formatting() -> None:
    assert dutch(-4886) == "−4.886"
    assert dutch(3.8) == "3,8"
    assert dutch(-2113000) == "−2.113.000"
    assert dutch(0) == "0"
    assert dutch(62.5) == "62,5"


@pytest.mark.parametrize("site", ["example", "rich"])
def test_finance_tables_show_exactly_the_published_numbers(
    site: str, request: pytest.FixtureRequest, new_page: Any
) -> None:
    served: Served = request.getfixturevalue(site)
    seeds = seed_texts()
    page = new_page(width=1280)
    checked = 0
    for path in programme_paths(served.root):
        document = document_json(served.root, path)
        page.goto(served.url(path))
        source = document["source"]
        printed = seeds.get(source.get("sha256") or "") or seeds.get(source.get("file") or "")
        for number, table in enumerate(document["finance"], start=1):
            block = page.locator(f"#tabel-{number} table.finance")
            caption = " ".join(block.locator("caption").text_content().split())
            assert table["caption"] in caption
            if any(c["kind"] == "amount" for c in table["columns"]):
                unit = {1: "bedragen in €", 1000: "bedragen x € 1.000"}.get(table["unit"], "bedragen x €")
                assert unit in caption
            headers = block.locator("thead th").all_inner_texts()
            marked = [c["label"] + (" (kolom zonder kop)" if c.get("added") else "") for c in table["columns"]]
            assert [h.removesuffix(" (%)") for h in headers[1:]] == marked
            rows = block.locator("tbody tr")
            computed = block.locator("tbody tr.computed").count()  # a saldo the source does not print
            assert rows.count() == len(table["rows"]) + computed
            for i, row in enumerate(table["rows"]):
                cells = rows.nth(i)
                assert cells.locator("th[scope=row]").inner_text() == row["label"]
                shown = [text.strip() for text in cells.locator("td").all_inner_texts()]
                want = [expected_cell(v, c["kind"]) for v, c in zip(row["values"], table["columns"], strict=True)]
                shown = ["" if text.startswith("–") else text for text in shown]
                assert shown == want, f"{path} table {number} row '{row['label']}'"
                if printed:
                    for text, column in zip(shown, table["columns"], strict=True):
                        if column["kind"] == "amount" and text:
                            digits = text.replace(MINUS, "")
                            assert digits in printed, f"{text} is not in the export {document['source']}"
                checked += 1
    assert checked > 0
