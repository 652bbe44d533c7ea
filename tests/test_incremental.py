"""Incremental builds produce exactly what a clean build produces, and reuse what they can."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core import urls
from generator.core.errors import ContentError
from generator.outputs import search
from generator.publish import cache as cache_module
from generator.publish.build import BuildOptions, BuildResult, build
from generator.publish.cache import WarmDocuments
from generator.render import markdown
from tests.conftest import ROOT, run_python, run_woosite


def write_document(
    content: Path, name: str, publisher: str, number: int, title: str, body: str, year: int = 2022
) -> Path:
    """A hand-written content file, as the communications team would write one."""
    path = content / f"{name}.md"
    path.write_text(
        f"---\npublisher: {publisher}\nkind: begroting\nyear: {year}\n"
        f'programme:\n  number: "{number}"\n  title: {title}\n---\n{body}',
        encoding="utf-8",
    )
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_tree(incremental: Path, clean: Path) -> None:
    got, want = tree(incremental), tree(clean)
    assert sorted(got) == sorted(want), "different files"
    different = [path for path in want if got[path] != want[path]]
    assert not different, f"files differ from a clean build: {different}"


@pytest.fixture
def site_project(project: Callable[..., Path]) -> Path:
    """The example project with three more documents: two of Lisse's begroting 2022, one of Teylingen."""
    root = project()
    content = root / "content"
    write_document(content, "lisse-1", "Lisse", 1, "Veiligheid", "## Wat willen we bereiken?\n\nEen veilig dorp.\n")
    write_document(content, "lisse-2", "Lisse", 2, "Verkeer", "## Wat willen we bereiken?\n\nVeilige wegen.\n")
    write_document(content, "teylingen-4", "Teylingen", 4, "Bestuur", "## Trends\n\nMeer digitale vragen.\n")
    return root


def incremental(root: Path) -> BuildResult:
    return build(BuildOptions(content_dir=root / "content", out_dir=root / "site"))


def clean(root: Path) -> BuildResult:
    """A clean build elsewhere, with a cache of its own, as the reference."""
    shutil.rmtree(root / "clean", ignore_errors=True)
    return build(
        BuildOptions(content_dir=root / "content", out_dir=root / "clean", clean=True, cache_dir=root / "clean-cache")
    )


def check(root: Path) -> BuildResult:
    result = incremental(root)
    clean(root)
    assert_same_tree(root / "site", root / "clean")
    return result


@pytest.mark.parametrize("shard_pages", ["", "2"], ids=["one-search-index", "search-in-shards"])
def test_edits_additions_and_deletions_give_the_clean_build(
    site_project: Path, shard_pages: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(search.SHARD_PAGES_VARIABLE, shard_pages)  # "": the default (one index for a small site)
    root, content = site_project, site_project / "content"
    check(root)

    # A sentence fixed in one document.
    doc = content / "lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Een veilig dorp.", "Een veilig en schoon dorp."))
    result = check(root)
    assert (
        "Een veilig en schoon dorp."
        in (root / "site/lisse/begroting-2022/programma-1-veiligheid/index.html").read_text()
    )
    assert result.reused, "the other documents' files are reused"
    assert {"zoeken/index.html", "contact/index.html", "404.html"} <= result.reused, "they show no text"

    # A title changed: URLs move, the publication page lists the new title.
    doc = content / "lisse-2.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("title: Verkeer", "title: Verkeer en vervoer"))
    check(root)
    assert not (root / "site/lisse/begroting-2022/programma-2-verkeer").exists()
    assert "Verkeer en vervoer" in (root / "site/lisse/begroting-2022/index.html").read_text()

    # A new document of a new publisher.
    write_document(content, "lisse-2020", "Lisse", 4, "Bestuur en ondersteuning", "## Smart city\n\nSensoren.\n", 2020)
    check(root)
    assert (root / "site/lisse/begroting-2020/programma-4-bestuur-en-ondersteuning/index.html").is_file()

    # A deleted document disappears from every page, the catalog and every other file.
    (content / "teylingen-4.md").unlink()
    check(root)
    assert not (root / "site/teylingen").exists()
    catalog = json.loads((root / "site/api/index.json").read_text())
    assert all(entry["publisher"]["name"] != "Teylingen" for entry in catalog["documents"])
    leftovers = [path for path, data in tree(root / "site").items() if b"teylingen" in data.lower()]
    assert not leftovers, f"deleted document still named in {leftovers}"

    # Site-wide settings and a site's own template override.
    config = root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("title: ", "title: Gewijzigd, "))
    check(root)
    (root / "templates/static").mkdir(parents=True)
    (root / "templates/static/extra.css").write_text("body { color: black; }\n")
    check(root)
    assert (root / "site/static/extra.css").is_file()

    # Nothing changed: everything reused, nothing produced.
    result = check(root)
    assert result.reused == set(result.files)


def test_one_edit_produces_only_what_depends_on_the_document(site_project: Path) -> None:
    root = site_project
    incremental(root)
    inodes = {p: p.stat().st_ino for p in (root / "site").rglob("*") if p.is_file()}
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nEen extra zin.\n")
    result = incremental(root)
    produced = set(result.files) - result.reused
    edited = "lisse/begroting-2022/programma-1-veiligheid/"
    other = "lisse/begroting-2022/programma-2-verkeer/"
    assert f"{edited}index.html" in produced
    assert f"{edited}lisse-begroting-2022-programma-1-veiligheid.json" in produced
    assert "lisse/begroting-2022/index.html" in produced, "the index that lists it"
    assert {"index.html", "lisse/index.html"} <= produced, "the home and publisher pages list it too"
    assert "teylingen/begroting-2022/index.html" in result.reused, "a list page without it"
    assert "teylingen/index.html" in result.reused
    assert "api/index.json" in produced, "the catalog"
    assert f"{other}index.html" in result.reused
    assert f"{other}lisse-begroting-2022-programma-2-verkeer.json" in result.reused
    assert "static/style.css" in result.reused
    search = [path for path in result.files if path.startswith("pagefind/")]
    assert set(search) & result.reused, "search files Pagefind wrote again with the same bytes are reused"
    assert set(search) - result.reused, "and the ones for the edited page are new"
    others = [path for path in result.files if not path.startswith(edited)]
    tables = [path for path in others if path.endswith(".csv")]
    metadata = [path for path in others if path.endswith(".diwoo.xml")]
    assert tables and metadata
    assert set(tables) <= result.reused, "other documents' CSV files depend on their own document only"
    assert set(metadata) <= result.reused, "other documents' DiWoo files depend on their own document only"
    assert f"{edited}lisse-begroting-2022-programma-1-veiligheid.diwoo.xml" in produced
    now = {p.relative_to(root / "site").as_posix(): p.stat().st_ino for p in inodes if p.exists()}
    before = {p.relative_to(root / "site").as_posix(): ino for p, ino in inodes.items()}
    assert all(now[p] == before[p] for p in result.reused), "reused files are the same files (hard links), not copies"
    assert now[f"{edited}index.html"] != before[f"{edited}index.html"], "a produced file is a new file"


def test_no_change_rebuild_leaves_the_site_alone(site_project: Path) -> None:
    root = site_project
    incremental(root)
    before = {p: p.stat().st_mtime_ns for p in (root / "site").rglob("*")}
    result = incremental(root)
    assert result.reused == set(result.files)
    assert {p: p.stat().st_mtime_ns for p in (root / "site").rglob("*")} == before


def test_a_build_that_finds_nothing_changed_loads_no_writer(site_project: Path) -> None:
    """The quick answer of ``woosite build`` imports neither the writers nor what they need (Jinja, Pagefind,
    lxml, Markdown), nor Babel for the messages: a fresh process, as each command is."""
    first = incremental(site_project)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.publish.build import BuildOptions, build\n"
        f"root = Path({str(site_project)!r})\n"
        "result = build(BuildOptions(root / 'content', root / 'site'))\n"
        "print(result.site is None, len(result.files))\n"
        "heavy = ('generator.publish.write', 'generator.outputs.registry', 'jinja2', 'pagefind', 'lxml',"
        " 'markdown_it')\n"
        "print(sorted(m for m in sys.modules if m.startswith((*heavy, 'babel')) and m.count('.') < 3))\n"
    )
    answered, loaded = run_python(probe).splitlines()
    assert answered == f"True {len(first.files)}"
    assert loaded == "[]"


def test_a_build_after_one_that_changed_nothing_reads_no_content(
    site_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing it reads changed (inputs, ledger, every content file) and the output is as it was left: the
    build reads no content, and says what the last one said."""
    root = site_project
    first = incremental(root)
    import generator.publish.build as building

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("content read although nothing changed")

    with monkeypatch.context() as patched:
        patched.setattr(building, "load_documents", refused)
        quick = incremental(root)
    assert quick.site is None and quick.reused == set(quick.files) == set(first.files)
    assert [str(w) for w in quick.warnings] == [str(w) for w in first.warnings] and first.warnings
    assert quick.summary().split(",")[:3] == first.summary().split(",")[:3]

    # Whatever the build reads, changed, means a build again: the ledger, a content file, an output file.
    ledger = root / "woo-ledger.json"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert incremental(root).site is not None
    assert incremental(root).site is None
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    assert incremental(root).site is not None
    assert incremental(root).site is None
    (root / "site/index.html").write_text("hand edited", encoding="utf-8")
    assert incremental(root).site is not None
    assert (root / "site/index.html").read_text(encoding="utf-8") != "hand edited"


def test_a_hand_edited_output_file_is_produced_again(site_project: Path) -> None:
    root = site_project
    incremental(root)
    page = root / "site/lisse/begroting-2022/programma-2-verkeer/index.html"
    page.write_text("vandalised", encoding="utf-8")
    (root / "site/stray.html").write_text("not ours", encoding="utf-8")
    check(root)


def test_a_failed_build_keeps_the_site_and_the_next_build_recovers(site_project: Path) -> None:
    root = site_project
    incremental(root)
    before = tree(root / "site")
    doc = root / "content/lisse-1.md"
    good = doc.read_text(encoding="utf-8")
    doc.write_text(good.replace("kind: begroting", "kind: [begroting"), encoding="utf-8")
    with pytest.raises(ContentError):
        incremental(root)
    assert tree(root / "site") == before
    doc.write_text(good.replace("Een veilig dorp.", "Een veiliger dorp."), encoding="utf-8")
    check(root)


def test_a_damaged_cache_means_a_full_build(site_project: Path) -> None:
    root = site_project
    incremental(root)
    for path in (root / ".woosite-cache").rglob("*"):
        if path.is_file():  # the record, each kept document, the lock
            path.write_bytes(b"\x80garbage")
    result = check(root)
    assert not result.reused


def test_clean_ignores_the_cache(site_project: Path) -> None:
    root = site_project
    first = run_woosite("build", "--content", str(root / "content"), "--out", str(root / "site"))
    assert first.returncode == 0, first.stderr
    again = run_woosite("build", "--clean", "--content", str(root / "content"), "--out", str(root / "site"))
    assert again.returncode == 0, again.stderr
    assert "reused" not in again.stdout
    third = run_woosite("build", "--content", str(root / "content"), "--out", str(root / "site"))
    assert "unchanged, reused" in third.stdout, "--clean still leaves a cache for the next build"


def test_markdown_is_rendered_only_for_the_pages_a_build_writes(
    site_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markdown is rendered with its page (not kept with every loaded document): a rebuild renders the edited
    document's texts, not those of a document whose page it reuses."""
    root = site_project
    incremental(root)
    rendered: list[str] = []
    real = markdown.render
    monkeypatch.setattr(markdown, "render", lambda text: rendered.append(text) or real(text))
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Een veilig dorp.", "Een veilig, groen dorp."))
    check(root)  # the clean reference build (its own cache) renders everything again
    assert rendered.count("Een veilig, groen dorp.") == 2, "the edited text: once in each build"
    assert rendered.count("Veilige wegen.") == 1, "an unchanged text: only in the clean build, from its own cache"


def test_a_rebuild_digests_only_the_edited_document_as_published(
    site_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ledger's content digest of a document as published is kept in the cache folder per version of its
    file: the next build works it out for the edited document only, and the ledger is the clean build's."""
    root = site_project
    incremental(root)
    digested: list[str] = []
    real = cache_module.content_digest
    monkeypatch.setattr(cache_module, "content_digest", lambda document: digested.append(document.id) or real(document))
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Een veilig dorp.", "Een stil dorp."))
    incremental(root)
    assert len(digested) == 1 and "veiligheid" in digested[0]
    (root / ".woosite-cache" / "published.json").write_text("{broken", encoding="utf-8")
    digested.clear()
    doc.write_text(doc.read_text(encoding="utf-8").replace("Een stil dorp.", "Een stil, groen dorp."))
    incremental(root)  # an unreadable file: every document digested again, the same ledger
    assert len(digested) == len(list((root / "content").rglob("*.md")))
    check(root)


def test_a_warm_process_reads_only_changed_files(site_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``woosite serve`` keeps the loaded documents in memory: a rebuild reads only the edited content file."""
    root = site_project
    options = BuildOptions(content_dir=root / "content", out_dir=root / "site", warm=WarmDocuments())
    build(options)
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Een veilig dorp.", "Een warm dorp."))
    read: list[Path] = []
    real, real_text = Path.read_bytes, Path.read_text
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or real(self))
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: read.append(self) or real_text(self, *a, **k))
    build(options)
    monkeypatch.undo()
    assert {p for p in read if p.suffix == ".md"} == {doc}
    assert not [p for p in read if p.name.startswith("build-")], "nor the last build's record: it is kept too"
    assert not (root / ".woosite-cache/documents").exists(), "the warm documents stay in memory"
    clean(root)
    assert_same_tree(root / "site", root / "clean")


def test_the_edited_document_comes_first_as_the_build_then_publishes_it(site_project: Path) -> None:
    """``woosite serve`` shows an edited document before the rest of the site is rebuilt: its page and the
    files the page links to come first, made by the same units as the steps, so they are the bytes the build
    then publishes, and the site equals a clean build."""
    root = site_project
    shown: dict[str, bytes] = {}

    def first(staging: Path, files: list[str]) -> None:
        shown.update({path: (staging / path).read_bytes() for path in files})

    options = BuildOptions(content_dir=root / "content", out_dir=root / "site", warm=WarmDocuments(), first=first)
    build(options)
    assert not shown, "a first build has nothing to show before the rest"
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Een veilig dorp.", "Een snel dorp."), encoding="utf-8")
    result = build(options)
    (page,) = [p for p in result.site.documents if p.source.path == doc]
    html = urls.output_file(page.path)
    assert {html, page.json_path, page.diwoo_path} <= set(shown)
    assert "Een snel dorp." in shown[html].decode("utf-8")
    assert not [path for path in shown if path.startswith(("api/index", "pagefind/", "sitemap", "lisse/index"))]
    published = tree(root / "site")
    assert all(published[path] == data for path, data in shown.items()), "shown first = published"
    clean(root)
    assert_same_tree(root / "site", root / "clean")


def test_the_code_digest_counts_sources_not_what_is_compiled_from_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first command keeps a compiled message catalog beside its .po: that is no new generator, so the
    build after it still reuses every file (a .po or a module edited is a new generator)."""
    from generator.incremental import keys

    catalog = tmp_path / "core/locale/nl/LC_MESSAGES"
    catalog.mkdir(parents=True)
    (tmp_path / "module.py").write_text("X = 1\n", encoding="utf-8")
    (catalog / "woosite.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    monkeypatch.setattr(keys, "PACKAGE", tmp_path)
    before = keys.code_digest.__wrapped__()
    (catalog / "woosite.mo").write_bytes(b"compiled")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__/module.cpython-311.pyc").write_bytes(b"bytecode")
    assert keys.code_digest.__wrapped__() == before
    (catalog / "woosite.po").write_text('msgid "a"\nmsgstr "c"\n', encoding="utf-8")
    assert keys.code_digest.__wrapped__() != before


def test_the_units_are_read_only_when_something_is_built_and_only_with_their_record(
    site_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record of the last build and its units (every file of every unit) are two files: a build that
    finds nothing changed reads only the record; units that are not the record's (a build killed between
    writing the two) reuse nothing, and the site is still the clean build's."""
    root = site_project
    incremental(root)
    (units_file,) = (root / ".woosite-cache").glob("build-*.units.json")
    first_units = units_file.read_bytes()
    read: list[Path] = []
    real_text = Path.read_text
    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_text", lambda self, *a, **k: read.append(self) or real_text(self, *a, **k))
        assert incremental(root).site is None
    assert units_file not in read and any(p.name.startswith("build-") for p in read)

    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    assert incremental(root).reused, "an edit reuses the other documents' files"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nEn nog een.\n", encoding="utf-8")
    units_file.write_bytes(first_units)  # the units of the build before the record's
    again = incremental(root)
    # (the search index keeps its own shards, by the digest of their pages: see outputs/search.py)
    assert again.site is not None and not [f for f in again.reused if not f.startswith("pagefind/")]
    clean(root)
    assert_same_tree(root / "site", root / "clean")


def test_compiled_templates_are_kept_in_the_cache_and_an_edited_template_is_compiled_afresh(
    site_project: Path,
) -> None:
    """A build keeps the templates it compiled in ``.woosite-cache/templates/``: the next command renders an
    edited document without compiling any; a site template edited since is compiled again and shown."""
    root = site_project
    incremental(root)
    assert list((root / ".woosite-cache/templates").iterdir())
    doc = root / "content/lisse-1.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    probe = (
        "import jinja2\n"
        "from pathlib import Path\n"
        "compiled = []\n"
        "real = jinja2.Environment.compile\n"
        "jinja2.Environment.compile = lambda self, *a, **k: compiled.append(a) or real(self, *a, **k)\n"
        "from generator.publish.build import BuildOptions, build\n"
        f"root = Path({str(root)!r})\n"
        "result = build(BuildOptions(root / 'content', root / 'site'))\n"
        "print(result.site is not None, len(compiled))\n"
    )
    assert run_python(probe).split() == ["True", "0"]
    assert any("Nog een zin." in page.read_text(encoding="utf-8") for page in (root / "site").rglob("index.html"))

    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    home = (ROOT / "templates/home.html").read_text(encoding="utf-8")
    (templates / "home.html").write_text(home.replace("{% block content %}", "{% block content %}<p>Eigen</p>"))
    incremental(root)
    assert "<p>Eigen</p>" in (root / "site/index.html").read_text(encoding="utf-8")
