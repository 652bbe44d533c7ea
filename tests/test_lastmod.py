"""lastmod changes when, and only when, a document's content changes; it survives a fresh clone."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_woosite
from woo_content import build, lastmods, set_config, small_document, write_content

from generator.content.redaction_list import ENVIRONMENT as REDACTIONS_ENVIRONMENT
from generator.publish.build import BuildOptions
from generator.publish.build import build as build_in_process
from generator.publish.cache import WarmDocuments
from generator.structure.ledger import FILE_NAME


def two_documents(project: Callable[..., Path]) -> Path:
    folder = project(with_content=False)
    write_content(folder, "lisse/p1.md", small_document(1))
    write_content(folder, "lisse/p2.md", small_document(2, title="Veiligheid"))
    return folder


def by_programme(values: dict[str, str]) -> dict[str, str]:
    return {loc.rstrip("/").rsplit("/", 1)[1]: lastmod for loc, lastmod in values.items()}


def test_unchanged_content_keeps_lastmod_and_ledger(project: Callable[..., Path]) -> None:
    folder = two_documents(project)
    first = lastmods(build(folder))
    ledger = (folder / FILE_NAME).read_bytes()
    second = lastmods(build(folder))
    assert first == second
    assert (folder / FILE_NAME).read_bytes() == ledger


def test_edit_changes_only_that_documents_lastmod(project: Callable[..., Path]) -> None:
    folder = two_documents(project)
    before = by_programme(lastmods(build(folder)))
    write_content(folder, "lisse/p1.md", small_document(1, text="Een nieuwe zin."))
    after = by_programme(lastmods(build(folder)))
    assert after["programma-1-bestuur-en-ondersteuning"] > before["programma-1-bestuur-en-ondersteuning"]
    assert after["programma-2-veiligheid"] == before["programma-2-veiligheid"]
    # The feed and the DCAT catalog say the same.
    feed = (folder / "site/feed.xml").read_text(encoding="utf-8")
    assert after["programma-1-bestuur-en-ondersteuning"] in feed


def test_fresh_clone_with_the_committed_ledger_gets_the_same_lastmod(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    folder = two_documents(project)
    original = lastmods(build(folder))
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copytree(folder / "content", clone / "content")
    shutil.copy(folder / "site.yaml", clone / "site.yaml")
    shutil.copy(folder / FILE_NAME, clone / FILE_NAME)
    assert lastmods(build(clone)) == original


def test_imported_document_without_ledger_uses_the_platform_time(project: Callable[..., Path]) -> None:
    folder = project(with_content=False)
    text = small_document(1).replace("finance:", "source: {generated: 2022-02-24T15:42:33}\nfinance:", 1)
    write_content(folder, "lisse/p1.md", text)
    # 15:42:33 in Dutch winter time is 14:42:33 UTC.
    assert list(lastmods(build(folder)).values()) == ["2022-02-24T15:42:33+01:00"]
    entry = next(iter(json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))["documents"].values()))
    assert entry["first_published"] == entry["modified"] == "2022-02-24T15:42:33+01:00"


def test_a_new_redaction_is_a_content_change(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REDACTIONS_ENVIRONMENT)  # only this site.yaml's list, not the session's example list
    folder = project(with_content=False)
    write_content(folder, "lisse/p1.md", small_document(1, text="Contact: Marian Rood."))
    set_config(folder, redactions=[], redactions_file=None)
    before = lastmods(build(folder))
    set_config(folder, redactions=[{"text": "Marian Rood", "ground": "5.1.2e"}])
    after = lastmods(build(folder))
    ((loc, old),) = before.items()
    assert after[loc] > old


def test_damaged_ledger_is_reported_not_overwritten(project: Callable[..., Path]) -> None:
    folder = two_documents(project)
    (folder / FILE_NAME).write_text("{not json", encoding="utf-8")
    result = run_woosite("build", "--content", str(folder / "content"), "--out", str(folder / "site"))
    assert result.returncode == 1
    assert FILE_NAME in result.stderr and "restore it from version control" in result.stderr
    assert (folder / FILE_NAME).read_text(encoding="utf-8") == "{not json"


def test_a_warm_process_records_what_a_fresh_build_would(project: Callable[..., Path]) -> None:
    """``woosite serve`` works a document's ledger digest out once per version of its file: after an edit
    only that document's entry changes, and a fresh build afterwards finds every digest as recorded."""
    root = two_documents(project)
    options = BuildOptions(content_dir=root / "content", out_dir=root / "site", warm=WarmDocuments())
    build_in_process(options)
    before = json.loads((root / FILE_NAME).read_text(encoding="utf-8"))["documents"]
    edited = root / "content/lisse/p1.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    build_in_process(options)
    ledger = (root / FILE_NAME).read_text(encoding="utf-8")
    after = json.loads(ledger)["documents"]
    changed = [doc for doc in after if after[doc] != before[doc]]
    assert len(changed) == 1 and after[changed[0]]["digest"] != before[changed[0]]["digest"]
    build_in_process(BuildOptions(content_dir=root / "content", out_dir=root / "fresh", clean=True))
    assert (root / FILE_NAME).read_text(encoding="utf-8") == ledger, "a fresh build computes the same digests"
