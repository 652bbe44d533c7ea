"""Corrections and withdrawal: both versions at stable URLs with notice and diff, feed, DiWoo, catalog."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import xmlschema
import yaml
from lxml import etree

from generator.check import diwoo_schema
from generator.content.loader import load_config, load_document
from generator.core.errors import ContentError
from generator.structure import versions
from tests.conftest import DIWOO_SCHEMAS, run_woosite
from tests.history_project import HISTORY_PROJECT, build_copy

CORRECTED = "noordwijk/begroting-2022/programma-4-bestuur-ondersteuning-en-dienstverlening/"
SLUG = "noordwijk-begroting-2022-programma-4-bestuur-ondersteuning-en-dienstverlening"
VERSION_1 = CORRECTED + "versie-1/"
WITHDRAWN = "noordwijk/begroting-2022/programma-1-veiligheid/"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(tmp_path_factory.mktemp("versions"))


def _text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("<main") :]))


def test_the_fixture_correction_was_made_by_woosite_correct() -> None:
    """The kept version is the file before the edit: the corrections entry is the only other change."""
    kept = (HISTORY_PROJECT / "content" / ".versions" / "noordwijk" / "begroting-2022-4" / "1.md").read_text()
    current = (HISTORY_PROJECT / "content" / "noordwijk" / "begroting-2022-4.md").read_text()
    assert "corrections:" not in kept and "-2200000" in kept
    assert "previous: .versions/noordwijk/begroting-2022-4/1.md}" in current and "-2250000" in current


def test_both_versions_with_notice_and_diff(history_site: Path) -> None:
    current = _text(history_site / CORRECTED / "index.html")
    assert "Gewijzigd op 1 maart 2022. Reden: Het bedrag van de lasten was verkeerd overgenomen." in current
    assert f'href="/{VERSION_1}"' in (history_site / CORRECTED / "index.html").read_text(encoding="utf-8")
    assert "Lasten −2.250.000" in current and "snelle dienstverlening" in current

    old_html = (history_site / VERSION_1 / "index.html").read_text(encoding="utf-8")
    old = _text(history_site / VERSION_1 / "index.html")
    assert "Deze versie is vervangen op 1 maart 2022. Reden: Het bedrag van de lasten was verkeerd overgenomen." in old
    assert f'href="/{CORRECTED}"' in old_html  # back to the current version
    # The diff: the changed sentence removed and added, the changed amount before and after.
    assert "<del>Fictieve tekst: een bereikbaar bestuur en goede dienstverlening.</del>" in old_html
    assert "<ins>Fictieve tekst: een bereikbaar bestuur en snelle dienstverlening.</ins>" in old_html
    assert "Lasten, baten en saldo Lasten Bedrag −2.200.000 −2.250.000" in old
    # The old content itself, as it was.
    assert "Lasten −2.200.000 4 %" in old
    assert '<meta name="robots" content="noindex">' in old_html
    assert "data-pagefind-body" not in old_html


def test_feed_and_diwoo_name_the_previous_version(history_site: Path) -> None:
    feed = etree.parse(str(history_site / "feed.xml"))
    ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
    assert "https://history.example.org/" + VERSION_1 in ids
    assert "https://history.example.org/" + WITHDRAWN + "#ingetrokken" in ids

    xml = etree.parse(str(history_site / CORRECTED / f"{SLUG}.diwoo.xml")).getroot()
    relation = xml.find(f".//{DIWOO}documentrelatie/{DIWOO}relation")
    assert relation is not None and relation.get("resource") == "https://history.example.org/" + VERSION_1
    reason = xml.find(f".//{DIWOO}redenVerwijderingVervanging")
    assert reason is not None and reason.text == "correctie procedurele fout"
    schema = xmlschema.XMLSchema(
        str(DIWOO_SCHEMAS / "diwoo-metadata.xsd"),
        locations={"https://www.nationaalarchief.nl/mdto": str(diwoo_schema.MDTO_STAND_IN)},
        allow="local",
    )
    schema.validate(xml)
    # The same in the sitemap's entry (what the Woo-index harvests).
    assert VERSION_1 in (history_site / "sitemap-diwoo-infocat012-1.xml").read_text(encoding="utf-8")


def test_withdrawal_leaves_a_page_saying_so_and_nothing_else(history_site: Path) -> None:
    text = _text(history_site / WITHDRAWN / "index.html")
    assert "Dit document is ingetrokken op 1 april 2022. Reden: Per vergissing gepubliceerd" in text
    assert "Fictieve tekst die niet meer gepubliceerd wordt" not in text
    assert sorted(p.name for p in (history_site / WITHDRAWN).iterdir()) == ["index.html"]
    for listing in (
        "sitemap.xml",
        "sitemap-diwoo-infocat012-1.xml",
        "noordwijk/begroting-2022/index.html",
    ):
        assert WITHDRAWN not in (history_site / listing).read_text(encoding="utf-8"), listing


def test_correct_appends_and_version_urls_stay_stable(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    file = project / "content" / "noordwijk" / "begroting-2022-4.md"
    published = file.read_bytes()
    result = run_woosite(
        "correct", str(file), "--reason", 'Nog een "fout" hersteld.', "--date", "2022-05-02",
        "--content", str(project / "content"), cwd=project,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    kept = project / "content" / ".versions" / "noordwijk" / "begroting-2022-4" / "2.md"
    assert kept.read_bytes() == published
    text = file.read_text(encoding="utf-8")
    assert text.count("previous: .versions/") == 2
    entry = yaml.safe_load(text.split("---")[1])["corrections"][-1]
    assert entry == {
        "date": dt.date(2022, 5, 2),
        "reason": 'Nog een "fout" hersteld.',
        "ground": "procedurele fout",
        "previous": ".versions/noordwijk/begroting-2022-4/2.md",
    }
    file.write_text(text.replace("snelle dienstverlening", "zeer snelle dienstverlening"), encoding="utf-8")
    out = tmp_path / "site"
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    # Version 1 keeps its URL and its content; version 2 is the one just replaced.
    assert "goede dienstverlening" in _text(out / VERSION_1 / "index.html")
    assert "Deze versie is vervangen op 2 mei 2022" in _text(out / CORRECTED / "versie-2" / "index.html")
    assert "<del>Fictieve tekst: een bereikbaar bestuur en snelle dienstverlening.</del>" in (
        out / CORRECTED / "versie-2" / "index.html"
    ).read_text(encoding="utf-8")
    # A kept version is never overwritten.
    other = project / "content" / "noordwijk" / "begroting-2021-1.md"
    taken = versions.snapshot_path(project / "content", other, 1)
    taken.parent.mkdir(parents=True)
    taken.write_text("kept\n", encoding="utf-8")
    with pytest.raises(ContentError, match="already exists"):
        versions.correct(other, project / "content", "Een reden.", "procedurele fout", dt.date(2022, 1, 1))
    assert taken.read_text(encoding="utf-8") == "kept\n"


def test_a_missing_previous_version_is_an_error_with_the_file(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    shutil.rmtree(project / "content" / ".versions")
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode != 0
    assert "begroting-2022-4.md" in result.stderr and ".versions/noordwijk/begroting-2022-4/1.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_catalog_has_lineages_comparisons_versions_and_withdrawals(history_site: Path) -> None:
    raw = (history_site / "api" / "index.json").read_text(encoding="utf-8")
    catalog = json.loads(raw)
    assert raw == json.dumps(catalog, indent=2, ensure_ascii=False) + "\n", "written entry by entry, as one dump"
    schema = json.loads((history_site / "api" / "index.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(catalog, schema)
    for name in ("LineageEntry", "ComparisonEntry", "VersionEntry", "WithdrawnEntry", "YearFigure"):
        assert name in schema["$defs"]
    base = "https://history.example.org/"
    corrected = next(d for d in catalog["documents"] if d["urls"]["html"] == base + CORRECTED)
    assert corrected["versions"] == [
        {
            "number": 1,
            "url": base + VERSION_1,
            "replaced": "2022-03-01",
            "reason": "Het bedrag van de lasten was verkeerd overgenomen.",
            "ground": "procedurele fout",
        }
    ]
    main = next(x for x in catalog["lineages"] if x["id"] == "gm0575-bestuur-en-ondersteuning")
    assert [d["year"] for d in main["documents"]] == [2021, 2021, 2022, 2023]
    assert main["documents"][3]["note"] == "hernoemd en vernummerd (was programma 4)"
    assert {"year": 2021, "basis": "realisatie", "lasten": 2_050_000, "baten": 530_000, "saldo": -1_520_000} in [
        {k: f[k] for k in ("year", "basis", "lasten", "baten", "saldo")} for f in main["figures"]
    ]
    (compared,) = catalog["comparisons"]
    assert compared["url"] == base + "vergelijken/programma-4-bestuur-en-ondersteuning/"
    assert compared["same_year"] is True
    assert [d["inhabitants"] for d in compared["documents"]] == [20_000, 10_000, 10_000, None]
    (withdrawn,) = catalog["withdrawn"]
    assert withdrawn["url"] == base + WITHDRAWN
    assert withdrawn["withdrawn"]["date"] == "2022-04-01"
    assert all(d["urls"]["html"] != base + WITHDRAWN for d in catalog["documents"])


def test_deleting_a_published_file_is_not_a_withdrawal(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    args = ("build", "--content", str(project / "content"), "--out", str(tmp_path / "site"))
    first = run_woosite(*args)
    assert first.returncode == 0, first.stderr
    assert "no content file describes it" not in first.stderr  # the withdrawn document is not "missing"
    (project / "content" / "katwijk" / "begroting-2021-4.md").unlink()
    result = run_woosite(*args)
    assert result.returncode == 0, result.stderr
    (vanished,) = [line for line in result.stderr.splitlines() if "no content file describes it" in line]
    assert vanished.startswith("warning: ") and "gm0537-begroting-2021-programma-4-bestuur-en-ondersteuning" in vanished
    assert "withdrawn:" in result.stderr


def test_withdraw_command_marks_the_file_and_the_build_leaves_a_page(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    file = project / "content" / "katwijk" / "begroting-2021-4.md"
    result = run_woosite("withdraw", str(file), "--reason", "Nog niet vastgesteld.", "--date", "2021-06-01")
    assert result.returncode == 0, result.stderr
    assert "withdrawn: {date: 2021-06-01, reason: Nog niet vastgesteld.}\n---\n" in file.read_text(encoding="utf-8")
    again = run_woosite("withdraw", str(file), "--reason", "Nog eens.")
    assert again.returncode != 0 and "already withdrawn" in again.stderr
    out = tmp_path / "site"
    result = run_woosite("build", "--content", str(project / "content"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = "katwijk/begroting-2021/programma-4-bestuur-en-ondersteuning/"
    assert "Dit document is ingetrokken op 1 juni 2021. Reden: Nog niet vastgesteld." in _text(
        out / page / "index.html"
    )
    # Katwijk has no other documents: no publisher page, so the page links home.
    assert not (out / "katwijk" / "index.html").exists()


def _stop_at_rename(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """A kill at the moment ``target`` is replaced: the rename never happens."""
    real = os.replace

    def replace(src: str, dst: str | Path) -> None:
        if Path(dst) == target:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("command", ["correct", "withdraw"])
def test_a_stopped_correct_or_withdraw_leaves_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    file = project / "content" / "noordwijk" / "begroting-2022-4.md"
    before = file.read_bytes()
    _stop_at_rename(monkeypatch, file)
    with pytest.raises(KeyboardInterrupt):
        if command == "correct":
            versions.correct(file, project / "content", "Fout hersteld.", "procedurele fout", dt.date(2022, 5, 2))
        else:
            versions.withdraw(file, "Ingetrokken.", None, dt.date(2022, 5, 2))
    assert file.read_bytes() == before  # not emptied, not half written
    assert not list(file.parent.glob(".*.tmp"))  # and no temporary file left behind
    monkeypatch.undo()
    if command == "correct":  # run again: the version kept by the stopped run is the same, so it goes on
        kept = versions.correct(file, project / "content", "Fout hersteld.", "procedurele fout", dt.date(2022, 5, 2))
        assert kept.read_bytes() == before and file.read_text(encoding="utf-8").count("previous: .versions/") == 2


# How people write front matter: each must come out of correct/withdraw as a file the build accepts (issue 26).
WRITTEN = {
    "one-line list with a comment": ("year: 2021\n", "year: 2021\ncorrections: [] # nog geen\n"),
    "closed with ...": ("---\n##", "...\n##"),
    "an empty withdrawn": ("year: 2021\n", "year: 2021\nwithdrawn: null\n"),
}


@pytest.mark.parametrize("command", ["correct", "withdraw"])
@pytest.mark.parametrize("how", [*WRITTEN, "byte-order mark and CRLF"])
def test_correct_and_withdraw_write_what_the_build_accepts(tmp_path: Path, command: str, how: str) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    file = project / "content" / "katwijk" / "begroting-2021-4.md"
    text = file.read_text(encoding="utf-8")
    if how in WRITTEN:
        old, new = WRITTEN[how]
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    else:
        file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    extra = ["--content", str(project / "content")] if command == "correct" else []
    result = run_woosite(command, str(file), "--reason", "Bedrag verkeerd overgenomen.", *extra)
    assert result.returncode == 0, result.stderr
    raw = file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (how == "byte-order mark and CRLF")
    assert (b"\r\n" in raw) == (how == "byte-order mark and CRLF") and b"\r\r" not in raw
    # The file is one the build accepts: read by the build's own loader (a whole build per case costs seconds).
    document = load_document(file, load_config(project / "site.yaml"))
    if command == "correct":
        assert document.front.corrections and document.front.corrections[-1].reason == "Bedrag verkeerd overgenomen."
    else:
        assert (
            document.front.withdrawn is not None and document.front.withdrawn.reason == "Bedrag verkeerd overgenomen."
        )


@pytest.mark.parametrize("command", ["correct", "withdraw"])
@pytest.mark.parametrize("reason", ["", "ok", "bad\x01char", "  "])
def test_a_reason_the_build_would_refuse_is_refused_and_nothing_changes(
    tmp_path: Path, command: str, reason: str
) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    file = project / "content" / "katwijk" / "begroting-2021-4.md"
    before = file.read_bytes()
    extra = ["--content", str(project / "content")] if command == "correct" else []
    result = run_woosite(command, str(file), "--reason", reason, *extra)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "--reason" in result.stderr and "Traceback" not in result.stderr
    assert file.read_bytes() == before
    assert not (project / "content" / ".versions" / "katwijk").exists()


@pytest.mark.parametrize("command", ["correct", "withdraw"])
def test_a_file_that_is_not_utf8_is_one_line(tmp_path: Path, command: str) -> None:
    project = tmp_path / "p"
    shutil.copytree(HISTORY_PROJECT, project)
    file = project / "content" / "katwijk" / "begroting-2021-4.md"
    file.write_bytes(file.read_text(encoding="utf-8").replace("Tekst", "Café").encode("latin-1", "replace") + b"\xe9")
    before = file.read_bytes()
    extra = ["--content", str(project / "content")] if command == "correct" else []
    result = run_woosite(command, str(file), "--reason", "Een reden.", *extra)
    assert result.returncode == 1 and "not UTF-8" in result.stderr and result.stderr.count("\n") == 1
    assert file.read_bytes() == before
