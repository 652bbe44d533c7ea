"""The pages about programmes over time and elsewhere: comparisons across publishers (``vergelijken/``),
previous versions of corrected documents and the pages of withdrawn documents (see generator/versions.py)."""

from __future__ import annotations

from jinja2 import Environment

from generator.comparison import PATH_PREFIX
from generator.outputs.pages import render
from generator.outputs.writer import OutputWriter
from generator.structure import Site


def write(site: Site, out: OutputWriter, env: Environment) -> None:
    if site.comparisons:
        render(out, env, "compare_index.html", PATH_PREFIX, site=site)
    for found in site.comparisons:
        render(out, env, "compare.html", found.path, site=site, comparison=found)
