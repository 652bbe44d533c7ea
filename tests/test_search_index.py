"""A cut-short Pagefind file is never published, and ``woosite check`` finds one (issue 17, item 4)."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.errors import BuildError
from generator.outputs import search, search_index
from generator.publish.build import BuildOptions, build
from tests.conftest import run_woosite


def _cut(path: Path, size: int) -> None:
    path.write_bytes(path.read_bytes()[:size])


def _first(folder: Path, pattern: str) -> Path:
    return sorted(folder.glob(pattern))[0]


DAMAGE: dict[str, Callable[[Path], Path]] = {
    "entry empty": lambda b: (b / "pagefind-entry.json").write_bytes(b"") or b / "pagefind-entry.json",
    "ui cut at 64 KiB": lambda b: _cut(b / "pagefind-ui.js", 65536) or b / "pagefind-ui.js",
    "ui css cut": lambda b: _cut(b / "pagefind-ui.css", 100) or b / "pagefind-ui.css",
    "fragment cut": lambda b: _cut(p := _first(b, "fragment/*.pf_fragment"), 40) or p,
    "index chunk gone": lambda b: (p := _first(b, "index/*.pf_index")).unlink() or p,
    "meta empty": lambda b: (p := _first(b, "*.pf_meta")).write_bytes(b"") or p,
    "wasm cut": lambda b: _cut(p := _first(b, "wasm.nl.pagefind"), 1000) or p,
}


def test_a_whole_bundle_has_no_problems(example_site: Path) -> None:
    assert (example_site / "pagefind" / "pagefind-ui.js").stat().st_size > 65536
    assert search_index.problems(example_site) == []


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_check_finds_a_damaged_search_file(example_site: Path, tmp_path: Path, damage: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    damaged = DAMAGE[damage](site / "pagefind")
    result = run_woosite("check", "--site", str(site))
    assert result.returncode == 1
    named = [line for line in result.stdout.splitlines() if damaged.relative_to(site).as_posix() in line]
    assert named and "woosite build --clean" in named[0], result.stdout


def test_build_never_publishes_a_cut_short_search_file(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind cutting pagefind-ui.js short (as seen 1 build in 20) fails the build; the old site stays."""
    root = project()
    options = BuildOptions(content_dir=root / "content", out_dir=root / "site")
    build(options)
    before = (root / "site" / "pagefind" / "pagefind-ui.js").read_bytes()
    real = search._index

    def truncating(site_root: Path, bundle: Path, language: str) -> None:
        real(site_root, bundle, language)
        _cut(bundle / "pagefind-ui.js", 65536)

    monkeypatch.setattr(search, "_index", truncating)
    page = next((root / "content").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        build(options)
    assert "pagefind/pagefind-ui.js" in str(raised.value) and "cut short" in str(raised.value)
    assert (root / "site" / "pagefind" / "pagefind-ui.js").read_bytes() == before


def test_signature_and_gzip_are_checked(tmp_path: Path) -> None:
    """The unit under the build's check: a complete gzip stream without Pagefind's signature is refused too."""
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "pagefind-entry.json").write_text('{"version": "0", "languages": {"nl": {"hash": "nl_1", "wasm": "nl"}}}')
    (bundle / "pagefind.nl_1.pf_meta").write_bytes(gzip.compress(b"pagefind_dcd"))
    (bundle / "wasm.nl.pagefind").write_bytes(gzip.compress(b"pagefind_dcd"))
    (bundle / "fragment" / "nl_1234567.pf_fragment").write_bytes(gzip.compress(b"{}"))
    for name in search_index.REQUIRED:
        (bundle / name).write_text("x")
    messages = [p.message for p in search_index.problems(tmp_path)]
    assert messages == ["search file is damaged (no Pagefind signature)"]


def test_a_cut_short_indexing_is_retried(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind failing once is healed by indexing once more; the published search is whole."""
    root = project()
    real, calls = search._index, []

    def truncating_once(site_root: Path, bundle: Path, language: str) -> None:
        real(site_root, bundle, language)
        calls.append(bundle)
        if len(calls) == 1:
            (bundle / "pagefind-entry.json").write_bytes(b"")

    monkeypatch.setattr(search, "_index", truncating_once)
    build(BuildOptions(content_dir=root / "content", out_dir=root / "site"))
    assert len(calls) >= 2  # a real Pagefind run can fail too on a busy machine; then it is retried again
    assert search_index.problems(root / "site") == []


def test_search_files_reused_unchanged_are_not_read_again(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large site's bundle holds tens of megabytes of fragments: only those new in a build are unpacked."""
    root = project()
    options = BuildOptions(content_dir=root / "content", out_dir=root / "site")
    build(options)
    page = next((root / "content").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    result = build(options)  # which checks its search bundle with what it reused
    unpacked: list[Path] = []
    real = search_index._unpacked
    monkeypatch.setattr(search_index, "_unpacked", lambda path: unpacked.append(path) or real(path))
    assert search_index.problems(root / "site", result.reused) == []
    fragments = [path for path in result.files if path.startswith("pagefind/fragment/")]
    read = [path for path in unpacked if path.parent.name == "fragment"]
    assert len(fragments) > 1 and len(read) == len(set(fragments) - result.reused) == 1, "the edited page's only"
