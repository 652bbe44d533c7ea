"""Every URL the catalogs promise (api/index.json and the DCAT api/catalog.jsonld) exists in the site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.check.harvest_chain import REBUILD
from generator.check.site_files import SiteFiles
from generator.core.errors import Problem
from generator.core.translation import _
from generator.outputs.api import CATALOG
from generator.outputs.dcat import PATH as DCAT


def check(site: SiteFiles) -> list[Problem]:
    problems: list[Problem] = []
    for path in (CATALOG, DCAT):
        file = site.root / path
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(Problem(file, None, _("the catalog is missing"), _(REBUILD)))
            continue
        except ValueError as exc:
            problems.append(Problem(file, None, _("the catalog is not valid JSON ({exc})").format(exc=exc), _(REBUILD)))
            continue
        problems += [
            Problem(file, None, _("'{url}' does not exist in the site").format(url=url), _(REBUILD))
            for url in sorted(set(_urls(data, file, site)))
            if site.file_for(url) is None
        ]
    return problems


def _urls(data: Any, file: Path, site: SiteFiles) -> Iterator[str]:
    """Every string below the base URL, in any nesting: ``urls`` entries, ``@id``s, download URLs."""
    if isinstance(data, str):
        if site.under_base(data):
            yield data.split("#", 1)[0]
    elif isinstance(data, dict):
        for value in data.values():
            yield from _urls(value, file, site)
    elif isinstance(data, list):
        for value in data:
            yield from _urls(value, file, site)
