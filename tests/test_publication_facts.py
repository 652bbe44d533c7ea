"""Publication facts in the open data: the document JSON and the catalog say when a document was first
published and last changed (the ledger), what it is about and its information category, so a harvester
can sync incrementally; imported documents no longer have all-null dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.conftest import ROOT

BASE = "https://woosite.example.org/"


def test_catalog_and_json_carry_the_ledgers_dates_description_and_category(example_site: Path) -> None:
    ledger = json.loads((ROOT / "woo-ledger.json").read_text(encoding="utf-8"))["documents"]
    catalog = json.loads((example_site / "api/index.json").read_text(encoding="utf-8"))["documents"]
    assert len(catalog) == 5
    for entry in catalog:
        known = ledger[entry["id"]]
        first = dt.datetime.fromisoformat(known["first_published"])
        assert dt.datetime.fromisoformat(entry["first_published"]) == first
        assert dt.datetime.fromisoformat(entry["modified"]) == dt.datetime.fromisoformat(known["modified"])
        assert entry["description"] and entry["information_category"]["label"] == "jaarplannen en jaarverslagen"
        document = json.loads((example_site / entry["urls"]["json"].removeprefix(BASE)).read_text("utf-8"))
        local_day = first.astimezone(ZoneInfo("Europe/Amsterdam")).date().isoformat()
        assert document["dates"]["published"] == entry["dates"]["published"] == local_day
        assert document["history"]["modified"] == entry["modified"]


def test_building_the_committed_content_leaves_the_committed_ledger_as_it_is(example_site: Path) -> None:
    """New fields with their defaults (a column's ``added``) are no content change: no lastmod moves."""
    after_build = json.loads((example_site.parent / "project" / "woo-ledger.json").read_text(encoding="utf-8"))
    assert after_build == json.loads((ROOT / "woo-ledger.json").read_text(encoding="utf-8"))
