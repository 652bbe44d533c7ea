"""URLs: readable, stable, safe for any static host, correct under a sub-path, never colliding."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core import urls
from tests.conftest import run_woosite

DOC = """---
publisher: {publisher}
kind: begroting
year: 2021
programme: {{number: "4", title: "{title}"}}
---
## Tekst

Inhoud.
"""


def write_doc(project: Path, name: str, publisher: str = "Lisse", title: str = "Bestuur en ondersteuning") -> Path:
    path = project / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DOC.format(publisher=publisher, title=title), encoding="utf-8")
    return path


def test_readable_path_from_publisher_kind_year_programme() -> None:
    path = urls.document_path("Lisse", "begroting", 2021, urls.slugify("Programma 4 Bestuur en ondersteuning"))
    assert path == "lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/"
    assert urls.slugify("Veiligheid, bestuur, dienstverlening en financiën") == (
        "veiligheid-bestuur-dienstverlening-en-financien"
    )
    assert urls.slugify("'s-Gravenhage") == "s-gravenhage"


@given(st.text())
def test_slugs_can_never_leave_the_output_directory(text: str) -> None:
    slug = urls.slugify(text)
    assert slug and len(slug) <= 80
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug not in (".", "..") and "/" not in slug


@pytest.mark.parametrize("bad", ["example.org/woo", "/woo/", "ftp://example.org/", "https://example.org/?a=1"])
def test_base_url_must_be_absolute_http(bad: str) -> None:
    with pytest.raises(ValueError):
        urls.normalise_base_url(bad)


def test_sub_path_base_url_everywhere(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project(with_content=False)
    write_doc(root, "lisse/p4.md")
    out = tmp_path / "out"
    result = run_woosite(
        "build", "--content", str(root / "content"), "--out", str(out), "--base-url", "https://example.org/woo"
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads((out / "api/index.json").read_text())["documents"][0]
    assert entry["urls"]["html"] == "https://example.org/woo/lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/"
    assert entry["urls"]["json"].startswith(entry["urls"]["html"])
    page = (out / "lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/index.html").read_text()
    assert 'href="/woo/static/style.css"' in page
    assert 'href="/woo/lisse/begroting-2021/"' in page
    assert 'href="/lisse/' not in page


def test_two_documents_at_one_url_are_an_error_not_an_overwrite(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project(with_content=False)
    first = write_doc(root, "a.md")
    second = write_doc(root, "copy/b.md", publisher="GM0553")
    result = run_woosite("build", "--content", str(root / "content"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "same URL /lisse/begroting-2021/programma-4-bestuur-en-ondersteuning/" in result.stderr
    assert first.name in result.stderr and second.name in result.stderr
    assert not (tmp_path / "out").exists()


@given(
    st.sampled_from(["https://www.lisse.nl/", "https://www.lisse.nl/woo/", "http://localhost:8000/a/b/"]),
    st.text(alphabet="abz09-._/?#:%@ ", max_size=30),
)
def test_an_absolute_url_is_what_urljoin_says(base: str, path: str) -> None:
    """``urls.absolute`` joins the strings where that is safe and asks ``urljoin`` otherwise: always its answer."""
    assert urls.absolute(base, path) == urljoin(base, path)
