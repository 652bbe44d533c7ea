"""Which pages of a built site to visit: one of every page type, and every programme page."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from generator.core.urls import NOT_FOUND, STANDARD_PAGES

MISSING = "deze-pagina-bestaat-niet/"


def programme_paths(root: Path) -> list[str]:
    """Site paths of every programme page, from the site's own catalog (api/index.json)."""
    catalog = json.loads((root / "api" / "index.json").read_text(encoding="utf-8"))
    # The catalog's URLs are absolute (base URL + site path); the catalog schema's $id gives the base.
    schema = json.loads((root / "api" / "index.schema.json").read_text(encoding="utf-8"))
    base = urlsplit(schema["$id"]).path.removesuffix("api/index.schema.json")
    return [urlsplit(entry["urls"]["html"]).path.removeprefix(base) for entry in catalog["documents"]]


def page_types(root: Path) -> dict[str, str]:
    """Page type -> site path of one such page (the first programme with a finance table, its publisher and
    publication)."""
    paths = programme_paths(root)
    with_table = [p for p in paths if 'class="finance' in (root / p / "index.html").read_text(encoding="utf-8")]
    programme = (with_table or paths)[0]
    publisher, publication = programme.split("/")[:2]
    assert (root / NOT_FOUND).is_file()
    return {
        "home": "",
        "publisher": f"{publisher}/",
        "publication": f"{publisher}/{publication}/",
        "programme": programme,
        **{name: path for name, path in STANDARD_PAGES.items()},
        "not_found": MISSING,
    }
