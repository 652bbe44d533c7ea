"""woosite speaks Dutch to its users, through gettext catalogs managed with Babel (issue 27).

Every message in the code is in the catalog and translated; the catalog's template is up to date with the
code; and a Dutch run of the commands a communications officer uses, with bad input of every kind, prints
no English (a message without a translation is an error in that run, not English on the screen).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator.core import translation
from tests.conftest import ROOT
from tests.test_errors import GOOD

KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None, "Nn_": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _in_the_code() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "generator",
        method_map=[("**.py", "python"), ("preview/*.html", "jinja2")],
        options_map={"preview/*.html": {"extensions": "jinja2.ext.i18n"}},
        keywords=KEYWORDS,
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalog(path: Path) -> dict[str | tuple[str, str], object]:
    with path.open("rb") as f:
        return {m.id: m for m in read_po(f) if m.id}


DUTCH = translation.LOCALE_DIR / "nl" / "LC_MESSAGES" / "woosite.po"


def test_every_message_in_the_code_has_a_dutch_translation_with_the_same_placeholders() -> None:
    code = _in_the_code()
    catalog = _catalog(DUTCH)
    assert len(code) > 300
    assert sorted(map(str, code - set(catalog))) == []  # run the pybabel commands in generator/core/translation.py
    for msgid in code:
        entry = catalog[msgid]
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)  # type: ignore[attr-defined]
        assert all(strings) and not entry.fuzzy, msgid  # type: ignore[attr-defined]
        for source, dutch in zip(ids, strings, strict=False):
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(dutch)), msgid


def test_the_template_and_the_catalog_hold_nothing_the_code_no_longer_says() -> None:
    code = _in_the_code()
    assert set(_catalog(translation.LOCALE_DIR / "woosite.pot")) == code
    assert set(_catalog(DUTCH)) == code


def _run(*args: str, cwd: Path, language: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != translation.ENVIRONMENT}
    env.update({"PYTHONPATH": str(ROOT), translation.STRICT: "1"})
    if language:
        env[translation.ENVIRONMENT] = language
    result = subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    return result.stdout + result.stderr


# Words that are English and never Dutch: one of them in a Dutch run is a message left untranslated.
ENGLISH = re.compile(
    r"\b(?:the|not|must|found|and|with|should|only|refused|warning|error|missing|cannot|would|written|"
    r"unchanged|file|folder|problems?|nothing|changed|invalid|unknown|expected|write|add|remove)\b",
    re.IGNORECASE,
)


def _project(root: Path) -> Path:
    project = root / "p"
    (project / "content" / "lisse").mkdir(parents=True)
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    (project / "content" / "lisse" / "p4.md").write_text(GOOD, encoding="utf-8")
    return project


def _runs(project: Path, language: str | None) -> list[str]:
    """What a communications officer runs, right and wrong: each output (commands and paths removed)."""
    content = project / "content" / "lisse" / "p4.md"
    bad = project / "content" / "lisse" / "p5.md"
    bad.write_text(GOOD.replace("year: 2021", "yaer: 2021").replace("kind: begroting", "kind: x"), "utf-8")
    export = project / "export.txt"
    export.write_text("Programma 1 Veiligheid\n\nWat mag het kosten?\n\nLasten 1.000 2.000\nBaten 500 600\n", "utf-8")
    runs = [
        ("build",),
        ("check", "site"),
        ("import", str(export), "--publisher", "Lisse", "--kind", "begroting", "--year", "2024"),
        ("import", str(export)),
        ("correct", str(content), "--reason", "ok"),
        ("withdraw", str(content), "--reason", ""),
        ("new", "--kind", "begroting", "--year", "2024", "--title", "Veiligheid"),
        ("correct", "bestaat-niet.md", "--reason", "Een reden"),
        ("build", "--base-url", "javascript:alert(1)"),
        ("serve", "--site", "nergens"),
        ("init", "."),
        ("init", "nieuw", "--theme", "nergens"),
        ("build", "--out", "content"),
    ]
    outputs = [_run(*args, cwd=project, language=language) for args in runs]
    bad.unlink()
    outputs += [
        _run("build", cwd=project, language=language),
        _run("check", "site", cwd=project, language=language),
        _run("correct", str(content), "--reason", "Bedrag verkeerd overgenomen", cwd=project, language=language),
        _run("withdraw", str(content), "--reason", "Per vergissing gepubliceerd", cwd=project, language=language),
    ]
    return outputs


def _words(output: str, project: Path) -> str:
    """The messages of an output, without paths, commands, options, metavariables (FILE), YAML keys and
    quoted values."""
    text = re.sub(r"\b[A-Z]{2,}\b", " ", output.replace(str(project), ""))
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\S*[/\\.]\S*|--?[a-z-]+|\b[a-z_]+:", " ", text)
    return text


@pytest.fixture(scope="module")
def dutch_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    project = _project(tmp_path_factory.mktemp("nl"))
    return project, _runs(project, language=None)


def test_a_catalog_compiled_from_its_po_is_kept_and_a_newer_po_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh clone has only the .po: the first command compiles it and keeps the .mo beside it (no Babel at
    the next start); an edited .po is compiled again."""
    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "woosite.po"
    shutil.copy(DUTCH, po)
    monkeypatch.setattr(translation, "LOCALE_DIR", tmp_path)
    translation._catalog.cache_clear()
    try:
        message = "the front matter is not closed"
        dutch = translation._catalog("nl").gettext(message)
        assert dutch != message
        mo = folder / "woosite.mo"
        assert mo.read_bytes() == translation.compile_po(po, "nl") and sorted(os.listdir(folder)) == [
            "woosite.mo",
            "woosite.po",
        ]

        po.write_text(po.read_text(encoding="utf-8").replace(f'msgstr "{dutch}"', 'msgstr "anders"'), encoding="utf-8")
        os.utime(mo, ns=(po.stat().st_mtime_ns - 10**10,) * 2)  # the .po edited after the last compile
        translation._catalog.cache_clear()
        assert translation._catalog("nl").gettext(message) == "anders"
        assert mo.stat().st_mtime_ns >= po.stat().st_mtime_ns
    finally:
        translation._catalog.cache_clear()


def test_dutch_is_the_default_and_a_dutch_run_prints_no_english(dutch_runs: tuple[Path, list[str]]) -> None:
    project, outputs = dutch_runs
    assert not [o for o in outputs if "Traceback" in o or "LookupError" in o]
    english = {m.group().lower() for o in outputs for m in ENGLISH.finditer(_words(o, project))}
    assert english == set(), "\n".join(outputs)
    joined = "\n".join(outputs)
    for dutch in ("fout:", "waarschuwing:", "verplicht veld", "onbekend veld", "documenten", "geschreven"):
        assert dutch in joined
    assert re.search(r"\d,\d\d s\b", joined)  # numbers as Dutch writes them


def test_english_with_woosite_lang(tmp_path: Path) -> None:
    project = _project(tmp_path)
    outputs = _runs(project, language="en")
    joined = "\n".join(outputs)
    assert "Traceback" not in joined
    for english in ("error:", "missing required field", "unknown field", "documents", "written", "is withdrawn"):
        assert english in joined
    assert not re.search(r"\b(?:fout|waarschuwing|bestand|niet)\b", _words(joined, project))


def _flatten(data: object, prefix: str = "") -> dict[str, str]:
    if isinstance(data, dict):
        out: dict[str, str] = {}
        for key, value in data.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: str(data)}


def test_the_english_site_words_have_the_keys_and_placeholders_of_the_dutch() -> None:
    import yaml

    folder = ROOT / "templates" / "strings"
    dutch = _flatten(yaml.safe_load((folder / "nl.yaml").read_text(encoding="utf-8")))
    english = _flatten(yaml.safe_load((folder / "en.yaml").read_text(encoding="utf-8")))
    optional = {k for k in dutch if k.startswith("data.articles.")}  # Dutch articles per kind; English has one
    assert set(dutch) - optional == set(english) - {"data.articles"}
    for key in set(english) & set(dutch):
        assert sorted(PLACEHOLDER.findall(dutch[key])) == sorted(PLACEHOLDER.findall(english[key])), key


def test_language_en_in_site_yaml_gives_an_english_site_and_english_messages(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = project / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: nl", "language: en"), encoding="utf-8")
    assert "language: en" in config.read_text(encoding="utf-8")
    output = _run("build", cwd=project, language=None) + _run("check", "site", cwd=project, language=None)
    assert "Traceback" not in output and "documents" in output and "site is ready" in output
    assert not re.search(r"\b(?:fout|waarschuwing|bestand|niet|documenten)\b", _words(output, project))
    page = next((project / "site" / "lisse").rglob("programma-4*/index.html")).read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    for english in ("Skip to content", "This programme as JSON", "2,113,000", "Open data", "Budget 2021"):
        assert english in page
    assert "Naar de inhoud" not in page and "2.113.000" not in page


@pytest.mark.parametrize(
    ("language", "title", "fix"),
    [("nl", "De site kon niet worden gebouwd", "Oplossing:"), ("en", "The site could not be built", "Fix:")],
)
def test_the_preview_error_page_speaks_the_language_of_the_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, title: str, fix: str
) -> None:
    from generator.core.errors import Problem
    from generator.preview.server import error_page
    from generator.preview.state import PreviewState

    monkeypatch.setenv(translation.ENVIRONMENT, language)
    translation.choose()
    state = PreviewState(tmp_path)
    state.problems = [Problem(tmp_path / "p.md", 3, "iets", "herstel")]
    page = error_page(state, 1).decode("utf-8")
    assert f'<html lang="{language}">' in page and title in page and fix in page
    monkeypatch.undo()
    translation.choose()
