"""The fictional history project (tests/fixtures/history): loaded as a site tree, or built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.content.loader import load_config, load_documents
from generator.render.strings import site_words
from generator.structure import versions
from generator.structure.comparison import load_population
from generator.structure.page import DocumentPage
from generator.structure.site import Site, build_site
from tests.conftest import ROOT, run_woosite

HISTORY_PROJECT = ROOT / "tests" / "fixtures" / "history"
"""FICTIONAL texts and figures (see its README): lineage, comparisons, corrections, withdrawal."""


def load_site(project: Path = HISTORY_PROJECT) -> Site:
    config = load_config(project / "site.yaml")
    sources = load_documents(project / "content", config)
    previous = versions.load(project / "content", sources, config)
    words = site_words(None, config.language)
    return build_site(config, sources, population=load_population(project), previous=previous, words=words)


def page(site: Site, path: str) -> DocumentPage:
    return next(p for p in site.documents if p.path == path)


def build_copy(target: Path, project: Path = HISTORY_PROJECT) -> Path:
    """Copy the whole project (content with its .versions/, data/, site.yaml) and build it; the site folder."""
    shutil.copytree(project, target / "project")
    out = target / "site"
    result = run_woosite("build", "--content", str(target / "project" / "content"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out
