"""The pages about programmes over time and elsewhere: comparisons across publishers (``vergelijken/``),
previous versions of corrected documents and the pages of withdrawn documents (see generator/structure/versions.py)."""

from __future__ import annotations

from jinja2 import Environment

from generator.outputs.pages import render
from generator.outputs.writer import OutputWriter
from generator.structure import versions
from generator.structure.comparison import PATH_PREFIX
from generator.structure.site import Site


def write(site: Site, out: OutputWriter, env: Environment) -> None:
    if site.comparisons:
        render(out, env, "compare_index.html", PATH_PREFIX, site=site)
    for found in site.comparisons:
        render(out, env, "compare.html", found.path, site=site, comparison=found)
    for page in site.documents:
        kept = site.versions.get(page.path, [])
        for version in kept:
            # What changed: this version against the one that replaced it (the next, or the current one).
            following = kept[version.number].source if version.number < len(kept) else page.source
            render(
                out,
                env,
                "version.html",
                version.path,
                site=site,
                page=page,
                version=version,
                changes=versions.diff(version.source, following),
            )
    for page in site.withdrawn:
        render(out, env, "withdrawn.html", page.path, site=site, page=page, withdrawal=page.source.front.withdrawn)
