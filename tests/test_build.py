"""The build end to end: pages for every document, the JSON contract and its schema, atomic output."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from generator.models import Document
from tests.conftest import ROOT, run_woosite
from tests.test_errors import GOOD, build_files


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_example_site_has_pages_catalog_and_json_for_every_document(example_site: Path) -> None:
    catalog = json.loads((example_site / "api/index.json").read_text(encoding="utf-8"))
    content_files = sorted((ROOT / "content").rglob("*.md"))
    assert len(catalog["documents"]) == len(content_files) >= 1
    base = "https://woosite.example.org/"
    for entry in catalog["documents"]:
        assert set(entry) == {
            *("id", "title", "publisher", "kind", "year", "programme", "urls", "versions"),
            *("description", "information_category", "dates", "first_published", "modified"),
        }
        assert set(entry["publisher"]) >= {"name", "code", "uri"}
        assert entry["publisher"]["uri"].endswith("/" + entry["publisher"]["code"].lower())
        assert set(entry["programme"]) >= {"number", "title"}
        for key in ("html", "json"):
            url = entry["urls"][key]
            assert url.startswith(base)
            local = example_site / url.removeprefix(base)
            assert (local / "index.html" if url.endswith("/") else local).is_file(), url
        page = Path(entry["urls"]["html"].removeprefix(base))
        assert (example_site / page.parent / "index.html").is_file(), "publication page"
        assert (example_site / page.parent.parent / "index.html").is_file(), "publisher page"
    assert (example_site / "index.html").is_file()
    assert (example_site / "404.html").is_file()


def test_document_json_validates_against_the_published_schema(example_site: Path) -> None:
    schema = json.loads((example_site / "api/document.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    catalog = json.loads((example_site / "api/index.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalog, json.loads((example_site / "api/index.schema.json").read_text(encoding="utf-8")))
    base = "https://woosite.example.org/"
    for entry in catalog["documents"]:
        data = json.loads((example_site / entry["urls"]["json"].removeprefix(base)).read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert Document.model_validate(data).id == entry["id"]
        assert {"sections", "finance", "publisher", "programme"} <= set(data)
        for table in data["finance"]:
            assert {"caption", "unit", "row_header", "columns", "rows"} <= set(table)


def test_schema_rejects_a_wrong_document(example_site: Path) -> None:
    schema = json.loads((example_site / "api/document.schema.json").read_text(encoding="utf-8"))
    entry = json.loads((example_site / "api/index.json").read_text(encoding="utf-8"))["documents"][0]
    data = json.loads((example_site / entry["urls"]["json"].removeprefix("https://woosite.example.org/")).read_text())
    data["kind"] = "roman"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_sections_nest_by_heading_level_with_status(tmp_path: Path) -> None:
    body = "## Wat willen we bereiken?\n\n### 3.01 Doel\nStatus: G\n\nTekst *een*.\n\n### 3.02 Ander doel\n\nMeer.\n"
    result = build_files(tmp_path, {"p.md": GOOD.split("## Trends")[0] + body})
    assert result.returncode == 0, result.stderr
    data = json.loads(next((tmp_path / "site").rglob("lisse-*.json")).read_text(encoding="utf-8"))
    [top] = data["sections"]
    assert top["title"] == "Wat willen we bereiken?" and top["level"] == 2
    assert [(s["title"], s["level"], s["status"], s["text"]) for s in top["sections"]] == [
        ("3.01 Doel", 3, "G", "Tekst *een*."),
        ("3.02 Ander doel", 3, None, "Meer."),
    ]


def test_hostile_content_never_executes(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script>\n\n[klik](javascript:alert(2))\n\n<img src=x onerror="alert(3)">\n'
    text = GOOD.replace("title: Bestuur en ondersteuning", 'title: "<b onmouseover=alert(4)>Bestuur</b>"')
    result = build_files(tmp_path, {"p.md": text.replace("Tekst.", hostile)})
    assert result.returncode == 0, result.stderr
    page = next((tmp_path / "site").rglob("programma-4-*/index.html")).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page


def test_failed_build_leaves_previous_site_byte_for_byte(tmp_path: Path) -> None:
    first = build_files(tmp_path, {"p.md": GOOD})
    assert first.returncode == 0, first.stderr
    before = tree_digest(tmp_path / "site")
    # A site template that breaks half-way: the home page renders, the programme page does not.
    (tmp_path / "templates").mkdir()
    broken = (ROOT / "templates" / "programme.html").read_text(encoding="utf-8")
    assert "{% block content %}" in broken
    broken = broken.replace("{% block content %}", "{% block content %}{{ no_such_variable.attribute }}")
    (tmp_path / "templates" / "programme.html").write_text(broken, encoding="utf-8")
    second = build_files(tmp_path, {"p.md": GOOD.replace("Tekst.", "Nieuwe tekst.")})
    assert second.returncode == 1
    assert f"{tmp_path / 'templates' / 'programme.html'}:" in second.stderr and "template error" in second.stderr
    assert tree_digest(tmp_path / "site") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_successful_rebuild_replaces_the_site(tmp_path: Path) -> None:
    assert build_files(tmp_path, {"p.md": GOOD}).returncode == 0
    (tmp_path / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert build_files(tmp_path, {"p.md": GOOD.replace("Tekst.", "Nieuwe tekst.")}).returncode == 0
    assert not (tmp_path / "site" / "stale.html").exists()
    page = next((tmp_path / "site").rglob("programma-4-*/index.html")).read_text(encoding="utf-8")
    assert "Nieuwe tekst." in page


def test_cli_help_and_module_entry_point() -> None:
    result = run_woosite("--help")
    assert result.returncode == 0 and "build" in result.stdout
