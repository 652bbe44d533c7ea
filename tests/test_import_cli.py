"""woosite import on the command line: files written, summaries, refusal to overwrite edits, odd encodings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.core import parallel
from generator.core.atomic import write_atomic
from generator.core.errors import ImportFailed
from generator.importer.pipeline import ImportOptions, import_bytes
from tests.conftest import ROOT, run_woosite
from tests.generated_exports import exports
from tests.importing import seed

TARGET = Path("lisse/begroting-2021/programma-4-bestuur-en-ondersteuning.md")


def test_import_writes_and_summarises(tmp_path: Path) -> None:
    result = run_woosite("import", str(seed("000")), "--content", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / TARGET).is_file()
    assert "geschreven" in result.stdout
    summary = result.stdout.splitlines()[0]
    for part in (
        "Lisse (GM0553)",
        "begroting 2021",
        "Programma 4 Bestuur en ondersteuning",
        "5 secties",
        "1 financiële tabel",
        "0 waarschuwingen",
    ):
        assert part in summary


def test_reimport_is_idempotent_and_edits_are_protected(tmp_path: Path) -> None:
    args = ("import", str(seed("000")), "--content", str(tmp_path))
    assert run_woosite(*args).returncode == 0
    first = (tmp_path / TARGET).read_bytes()
    again = run_woosite(*args)
    assert again.returncode == 0 and "ongewijzigd" in again.stdout
    assert (tmp_path / TARGET).read_bytes() == first

    edited = first.decode().replace("Smart city", "Slimme stad") + "\nMijn eigen toevoeging.\n"
    (tmp_path / TARGET).write_text(edited, encoding="utf-8")
    refused = run_woosite(*args)
    assert refused.returncode == 1
    assert "--force" in refused.stderr and "bewerkingen" in refused.stderr
    assert (tmp_path / TARGET).read_text(encoding="utf-8") == edited

    forced = run_woosite(*args, "--force")
    assert forced.returncode == 0
    assert (tmp_path / TARGET).read_bytes() == first


def test_one_refusal_writes_nothing(tmp_path: Path) -> None:
    run_woosite("import", str(seed("000")), "--content", str(tmp_path))
    (tmp_path / TARGET).write_text("edited", encoding="utf-8")
    result = run_woosite("import", str(seed("004")), str(seed("000")), "--content", str(tmp_path))
    assert result.returncode == 1
    assert not (tmp_path / "de-ronde-venen").exists()


def test_unknown_publisher_flag(tmp_path: Path) -> None:
    result = run_woosite("import", str(seed("003")), "--publisher", "Oude IJselstreek", "--content", str(tmp_path))
    assert result.returncode == 2
    assert "Oude IJsselstreek" in result.stderr  # suggested


def test_bom_and_crlf_give_the_same_content(tmp_path: Path) -> None:
    raw = seed("000").read_bytes()
    plain = import_bytes(raw, Path("x.txt"), ImportOptions())
    windows = import_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"), Path("x.txt"), ImportOptions())
    assert plain.text is not None and windows.text is not None
    strip = [line for line in plain.text.splitlines() if not line.strip().startswith("sha256")]
    assert strip == [line for line in windows.text.splitlines() if not line.strip().startswith("sha256")]
    assert "\r" not in windows.text and "\ufeff" not in windows.text


def test_binary_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    png = tmp_path / "plaatje.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_woosite("import", str(png), "--content", str(tmp_path / "c"))
    assert result.returncode == 2 and "geen tekstbestand" in result.stderr
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Programma 1 Financiën\n\nTekst met één fout.\n".encode("latin-1"))
    result = run_woosite("import", str(latin), "--content", str(tmp_path / "c"))
    assert result.returncode == 2 and "latin1.txt:1: het bestand is geen UTF-8-tekst" in result.stderr
    assert not (tmp_path / "c").exists()
    try:
        import_bytes(b"\x00\x01\x02", Path("b.bin"), ImportOptions())
    except ImportFailed as exc:
        assert exc.exit_code == 2
    else:
        raise AssertionError("binary input was accepted")


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The content file is replaced by one rename: a write killed half-way leaves the old file and no temp file."""
    target = tmp_path / "a" / "b.md"
    write_atomic(target, "old\n" * 1000)

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old\n" * 1000
    assert [p.name for p in target.parent.iterdir()] == ["b.md"]


def test_a_killed_import_never_leaves_a_truncated_file(tmp_path: Path) -> None:
    """SIGKILL at several moments of a 60-file import: every content file there is complete."""
    folder = tmp_path / "exports"
    folder.mkdir()
    expected = {}
    for found in exports(60, seed=17):
        (folder / found.name).write_text(found.text, encoding="utf-8")
    for found in exports(60, seed=17):
        result = import_bytes(found.text.encode(), folder / found.name, ImportOptions())
        assert result.text is not None and result.relative_path is not None
        expected[result.relative_path] = result.text
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay in (0.3, 0.6, 0.9, 1.2):
        content = tmp_path / f"content-{delay}"
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "import", str(folder), "--content", str(content), "--force"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in content.rglob("*.md") if content.exists() else []:
            assert path.read_text(encoding="utf-8") == expected[path.relative_to(content)]


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_utf16_and_utf32_with_their_mark_are_text_and_non_characters_are_spaces(codec: str) -> None:
    text = "Programma 1 Bestuur\r\n\r\nTekst met \ufffe een teken.\r\n"
    result = import_bytes(
        text.encode(codec), Path("x.txt"), ImportOptions(publisher="Lisse", kind="begroting", year=2022)
    )
    assert result.text is not None and result.text.endswith("\nTekst met een teken.\n") and "\ufffe" not in result.text


def test_a_large_folder_is_imported_across_cores_exactly_as_one_at_a_time(tmp_path: Path) -> None:
    """Above ``parallel.MIN_ITEMS`` files the exports are imported in worker processes: the content files,
    the summary lines, their order and the refusals are the same as with one process."""
    folder = tmp_path / "exports"
    folder.mkdir()
    for found in exports(parallel.MIN_ITEMS + 20):
        (folder / found.name).write_text(found.text, encoding="utf-8")
    (folder / "zz-geen-jaar.txt").write_text("Programma 1 Bestuur\n\nTekst zonder jaar of naam.\n", encoding="utf-8")
    runs = {}
    for workers in ("1", "2"):
        content = tmp_path / f"content-{workers}"
        result = subprocess.run(
            [sys.executable, "-m", "generator", "import", str(folder), "--content", str(content)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "WOOSITE_WORKERS": workers},
            check=False,
        )
        assert result.returncode == 2, result.stderr
        files = {path.relative_to(content): path.read_bytes() for path in content.rglob("*.md")}
        runs[workers] = (result.stdout.replace(str(content), "CONTENT"), result.stderr, files)
    assert runs["1"] == runs["2"]
    stdout, _, files = runs["2"]
    assert len(files) == parallel.MIN_ITEMS + 20
    assert stdout.splitlines()[-1].startswith(f"{parallel.MIN_ITEMS + 21} bestanden: {parallel.MIN_ITEMS + 20} ge")
    assert "zz-geen-jaar.txt: geweigerd" in stdout
