"""The preview watches every input a build reads (issue 24, step 1): ``BuildOptions.watched`` declares them
once, and editing any of them changes what the preview's watcher sees (before, the population file, the
redaction list, a theme file and the kept versions were not watched: editing them did not refresh the page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from woo_content import set_config, write_content

from generator.preview.watcher import changed_paths, snapshot
from generator.publish.build import BuildOptions
from tests.conftest import ROOT
from tests.test_errors import GOOD

EDITS = {
    "a content file": "content/lisse/p4.md",
    "a kept version": "content/.versions/lisse/p4/1.md",
    "a site template": "templates/base.html",
    "site.yaml": "site.yaml",
    "the population file": "data/inwoners.csv",
    "the redaction list": "redactions.yaml",
    "a local theme file": "tokens.css",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    set_config(tmp_path, theme="tokens.css")
    (tmp_path / "tokens.css").write_text(":root { --utrecht-document-color: #111; }\n", encoding="utf-8")
    write_content(tmp_path, "lisse/p4.md", GOOD)
    for relative in EDITS.values():
        path = tmp_path / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("what", list(EDITS))
def test_editing_any_input_changes_what_the_preview_watches(project: Path, what: str) -> None:
    options = BuildOptions(content_dir=project / "content", out_dir=project / "site")
    watched = options.watched()
    before = snapshot(watched)
    edited = project / EDITS[what]
    edited.write_text(edited.read_text(encoding="utf-8") + "# bewerkt\n", encoding="utf-8")
    assert changed_paths(before, snapshot(watched)) == [str(edited)]


def test_the_site_output_and_the_cache_are_not_watched(project: Path) -> None:
    """What a build writes is no input: a preview that watched it would rebuild for ever."""
    options = BuildOptions(content_dir=project / "content", out_dir=project / "site")
    watched = [p.resolve() for p in options.watched()]
    assert not any(p == (project / "site").resolve() or ".woosite-cache" in p.parts for p in watched)
