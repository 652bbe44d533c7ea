"""Redaction cannot be bypassed by how a name is written (issue 17, item 2).

One real build of a document that spells a different redacted name in each way an attacker tried: soft
hyphen (entity and character), zero-width characters and joiners, Cyrillic and full-width lookalikes, a
decomposed accent, URL-encoding in a link target and Markdown emphasis inside a heading. No output file
(HTML, JSON, CSV, XML, feed, catalog, the Pagefind index) may hold any of them, searched with this test's
own normaliser (NFKC, format characters removed, entities/escapes/percent-encoding resolved, tags removed,
the Cyrillic letters used here mapped), and the marker stands where each name stood.
"""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from woo_content import build, set_config, unpacked, write_content

from generator.content.redaction import redact_text, verify
from generator.core.errors import BuildError
from generator.models import Redaction
from tests.conftest import ROOT, run_woosite
from tests.test_errors import GOOD

# name -> how the document writes it
VECTORS = {
    "Alexander van Mazijk": "Alex&shy;ander van Mazijk",
    "Marian Rood": "Mar\u00adian Rood",
    "Pieter de Wit": "Pie\u200bter de W\u200cit",
    "Sanne Vos": "San\u200dne V\u2060os",
    "Koen Smit": "Ko\ufeffen Smit",
    "Karel Appel": "К\u0430rel Аppel",  # Cyrillic Ka, a, A
    "Joost Mulder": "\uff2a\uff4f\uff4f\uff53\uff54 Mulder",  # full-width
    "Zoë Bakker": "Zoe\u0308 Bakker",  # decomposed
    "Eva Meijer": "[profiel](https://example.org/zoek?naam=Eva%20Meijer)",
    "Noor Dekker": "[profiel](https://example.org/zoek?naam=No%6Fr+Dekker)",
    "Daan Bos": "Da&#97;n Bos",
    "Zoë Visser": "**Zo**ë Visser",  # emphasis in a heading
}
_CYRILLIC = str.maketrans({"а": "a", "А": "A", "К": "K", "е": "e", "о": "o"})


def normalised(raw: bytes) -> str:
    """This test's own reading of a file: what a person (or a search engine) would see."""
    text = unpacked(raw).decode("utf-8", errors="ignore")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"<[^>]*>", "", text) + "\n" + text
    text = unquote(html.unescape(html.unescape(text)).replace("+", " "))
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    return text.translate(_CYRILLIC).replace("*", "").casefold()


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(map(re.escape, unicodedata.normalize("NFKC", name).casefold().split())))


@pytest.fixture(scope="module")
def bypass_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bypass")
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    set_config(project, redactions=[{"text": name, "ground": "5.1.2e"} for name in VECTORS])
    spelled = list(VECTORS.values())
    text = GOOD.replace("title: Bestuur en ondersteuning", f"title: Bestuur met {spelled[7]}")
    text = text.replace("year: 2021\n", f'year: 2021\ndescription: "Overleg met {spelled[1]}"\n')
    text = text.replace("caption: Lasten en baten", f"caption: Lasten van {spelled[5]}")
    text = text.replace("{label: Lasten,", f"{{label: Lasten {spelled[6]},")
    text = text.replace("## Trends en ontwikkelingen", f"## Over {spelled[11]}")
    body = "\n\n".join(f"Contact: {s}." for i, s in enumerate(spelled) if i not in (1, 5, 6, 7, 11))
    text = text.replace("Tekst.", body)
    write_content(project, "lisse/p4.md", text)
    return build(project)


def test_the_site_has_every_kind_of_output(bypass_site: Path) -> None:
    names = {p.suffix for p in bypass_site.rglob("*") if p.is_file()}
    assert {".html", ".json", ".csv", ".xml", ".jsonld", ".pf_fragment", ".pf_index"} <= names


def test_the_normaliser_would_find_each_spelling() -> None:
    """The search below is not blind: it finds every name as the document spells it."""
    for name, spelled in VECTORS.items():
        assert _name_pattern(name).search(normalised(spelled.encode())), name


@pytest.mark.parametrize("name", list(VECTORS), ids=[repr(v) for v in VECTORS.values()])
def test_no_spelling_of_a_redacted_name_is_published(bypass_site: Path, name: str) -> None:
    found = [
        p.relative_to(bypass_site).as_posix()
        for p in sorted(bypass_site.rglob("*"))
        if p.is_file() and _name_pattern(name).search(normalised(p.read_bytes()))
    ]
    assert found == []


def test_the_marker_stands_where_the_names_stood(bypass_site: Path) -> None:
    page = next(p for p in bypass_site.rglob("index.html") if "programma-4" in p.parent.name)
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert "Bestuur met [5.1.2e]" in text
    assert "Over [5.1.2e]" in text
    assert "Overleg met [5.1.2e]" in text
    assert "Lasten van [5.1.2e]" in text
    assert text.count("Contact: [5.1.2e]") >= 2
    assert "naam=%5B5.1.2e%5D" in text or "naam=[5.1.2e]" in text


def test_redact_text_keeps_the_text_around_the_name() -> None:
    redactions = [Redaction(text="Zoë Bakker")]
    assert redact_text("Met Zo&shy;e\u0308 BAKKER, wethouder.", redactions) == "Met [5.1.2e], wethouder."
    assert redact_text("zoek?q=Zo%C3%AB%20Bakker&x=1", redactions) == "zoek?q=[5.1.2e]&x=1"
    assert redact_text("Zoe Bakker", redactions) == "Zoe Bakker"  # another name: e without the diaeresis


def test_safety_net_names_the_content_file_and_line(tmp_path: Path) -> None:
    """A leak that comes from content is reported at the content file's line, not at a template."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "page.html").write_text("<p>Ko<b>en</b> Sm&#105;t</p>", encoding="utf-8")
    source = tmp_path / "content.md"
    source.write_text("---\ntitle: x\n---\n\nWritten as Ko\u200ben Smit here.\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        verify(tmp_path / "out", [Redaction(text="Koen Smit")], sources=[source])
    (problem,) = raised.value.problems
    assert (problem.path, problem.line) == (source, 5)
    assert "page.html" in problem.message
    with pytest.raises(BuildError) as raised:
        verify(tmp_path / "out", [Redaction(text="Koen Smit")], sources=[])
    assert raised.value.problems[0].path == Path("page.html")


def test_a_template_that_leaks_a_disguised_name_fails_the_build(tmp_path: Path) -> None:
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    write_content(tmp_path, "lisse/p4.md", GOOD)
    (tmp_path / "templates").mkdir()
    base = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    leak = "<footer>Mar&shy;i&#1072;n Ro<b>od</b></footer></body>"
    (tmp_path / "templates" / "base.html").write_text(base.replace("</body>", leak), encoding="utf-8")
    result = run_woosite("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'Marian Rood' (redacted under Woo 5.1.2e in site.yaml) still appears in this file" in result.stderr
    assert not (tmp_path / "site").exists()
