"""Who publishes an export, and what kind of document it is: every municipality in the years it existed,
provinces and water boards by their kind word, the site's own publisher as the default; document kinds
beyond the four of the examples. Texts are written here for the purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from generator.check import diwoo_schema
from generator.importer.pipeline import ImportOptions, import_text
from generator.reference.taxonomy import DocumentKind
from tests.conftest import DIWOO_SCHEMAS, ROOT, run_woosite
from tests.generated_exports import Export, exports


def export(sentence: str, title: str = "Jaarverslag 2019", programme: str = "Programma 2 Veiligheid") -> str:
    return (
        f"{title}\n{programme}\n\nInleiding\n\n{sentence}\n\nWat mag het kosten?\n\nLasten 1.234 1.300\nBaten 200 250\n"
    )


@pytest.mark.parametrize(
    ("sentence", "year", "code"),
    [
        ("Dit jaar heeft de gemeente Appingedam veel bereikt.", 2019, "GM0003"),
        ("Voor Haaren was 2020 het laatste jaar.", 2020, "GM0788"),
        ("De gemeente Eemsdelta is in 2021 ontstaan.", 2021, "GM1979"),
        ("Voor Menameradiel was 2017 een goed jaar.", 2017, "GM1908"),
        ("De provincie Fryslân investeert in de Afsluitdijk.", 2022, "PV21"),
        ("Provinciale Staten van Noord-Brabant stellen de kaders.", 2023, "PV30"),
        ("Gedeputeerde Staten van Utrecht leggen verantwoording af.", 2020, "PV26"),
        ("Het Waterschap Vechtstromen zorgt voor schoon water.", 2021, "WS0663"),
        ("Het Hoogheemraadschap van Rijnland beheert de boezem.", 2018, "WS0616"),
        ("Het hoogheemraadschap Delfland beheert de boezem.", 2018, "WS0372"),
        ("Wetterskip Fryslân werkt aan de dijken.", 2024, "WS0653"),
        ("Het waterschap Limburg is in 2017 ontstaan.", 2017, "WS0665"),
    ],
)
def test_the_body_named_in_the_text_is_the_publisher_in_its_year(sentence: str, year: int, code: str) -> None:
    result = import_text(export(sentence, title=f"Jaarverslag {year}"), "x.txt")
    assert not result.missing, result.missing
    assert result.publisher is not None and result.publisher.code == code
    assert result.publisher.uri.endswith("/" + code.lower())
    assert result.year == year


def test_a_province_or_water_board_needs_its_kind_word() -> None:
    # "in Noord-Brabant" is a place; the province is the publisher only as "provincie Noord-Brabant".
    result = import_text(export("Veel bedrijven in Noord-Brabant en Fryslân groeien."), "x.txt")
    assert result.publisher is None
    assert result.missing[0].message == "de uitgever wordt in de tekst niet genoemd"
    assert "Oude IJsselstreek" not in str(result.missing[0])


def test_the_province_of_a_municipal_document_is_not_its_publisher() -> None:
    text = "Voor Lisse is veiligheid belangrijk. Wij krijgen subsidie van de provincie Zuid-Holland."
    result = import_text(export(text, title="Begroting 2021"), "x.txt")
    assert result.publisher is not None and result.publisher.code == "GM0553"
    assert any("Zuid-Holland" in w.message for w in result.warnings)


def test_a_former_municipality_in_a_later_year_is_named_in_the_error() -> None:
    result = import_text(export("Dit jaar heeft de gemeente Appingedam veel bereikt.", "Jaarverslag 2022"), "x.txt")
    assert result.publisher is None
    problem = result.missing[0]
    assert "gemeente Appingedam (until 2020)" in problem.message and "2022" in problem.message
    assert '--publisher "Appingedam"' in (problem.hint or "")


def test_an_ambiguous_text_suggests_the_bodies_it_saw() -> None:
    result = import_text(export("Voor Hillegom en voor Lisse is dit belangrijk."), "x.txt")
    assert result.publisher is None
    problem = result.missing[0]
    assert "Hillegom" in problem.message and "Lisse" in problem.message
    assert '--publisher "' in (problem.hint or "") and "Oude IJsselstreek" not in (problem.hint or "")


def test_the_site_publisher_is_the_default() -> None:
    text = export("Er is veel bereikt.", "Begroting 2022")
    result = import_text(text, "x.txt", ImportOptions(default_publisher="PV27"))
    assert result.publisher is not None and result.publisher.code == "PV27" and result.publisher_from_site
    ambiguous = import_text(
        export("Voor Hillegom en voor Lisse is dit belangrijk."), "x.txt", ImportOptions(default_publisher="Lisse")
    )
    assert ambiguous.publisher is not None and ambiguous.publisher.code == "GM0553"
    named = import_text(export("Voor Hillegom is dit belangrijk."), "x.txt", ImportOptions(default_publisher="Lisse"))
    assert named.publisher is not None and named.publisher.code == "GM0534"
    assert any("niet voor gemeente Lisse van deze site" in w.message for w in named.warnings)


def test_a_flag_for_a_body_of_another_era_is_a_warning() -> None:
    result = import_text(export("Er is veel bereikt.", "Begroting 2023"), "x.txt", ImportOptions(publisher="Weesp"))
    assert result.publisher is not None and result.publisher.code == "GM0457"
    assert any("bestond niet in 2023" in w.message for w in result.warnings)


@pytest.mark.parametrize(
    ("title", "kind", "year"),
    [
        ("Jaarstukken 2019", DocumentKind.jaarverslag, 2019),
        ("Jaarrekening 2016", DocumentKind.jaarverslag, 2016),
        ("Programmarekening 2017", DocumentKind.jaarverslag, 2017),
        ("Voorjaarsnota 2024", DocumentKind.voorjaarsnota, 2024),
        ("Najaarsnota 2020", DocumentKind.najaarsnota, 2020),
        ("1e Bestuursrapportage 2023", DocumentKind.bestuursrapportage, 2023),
        ("2e bestuursrapportage 2018", DocumentKind.bestuursrapportage, 2018),
        ("Tweede burap 2021", DocumentKind.bestuursrapportage, 2021),
        ("Programmabegroting 2025-2028", DocumentKind.begroting, 2025),
    ],
)
def test_document_kinds_and_years(title: str, kind: DocumentKind, year: int) -> None:
    result = import_text(export("Voor Lisse is dit belangrijk.", title=title), "x.txt")
    assert (result.kind, result.year) == (kind, year)


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("Programma 1 – Bestuur", "1", "Bestuur"),
        ("Programma 1   Vitaal en Sociaal Breda", "1", "Vitaal en Sociaal Breda"),
        ("P0 Bestuur en ondersteuning", "0", "Bestuur en ondersteuning"),
        ("P8 – Wonen", "8", "Wonen"),
    ],
)
def test_programme_headings(line: str, number: str, title: str) -> None:
    result = import_text(export("Voor Lisse is dit belangrijk.", programme=line), "x.txt")
    assert result.programme is not None and (result.programme.number, result.programme.title) == (number, title)


GENERATED = exports(60)


def check(found: Export, written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    assert f"kind: {found.kind.value}\nyear: {found.year}\n" in text
    for label, values in found.values.items():
        assert f"- label: {label}\n" in text and f"values: [{', '.join(str(v) for v in values)}]" in text


def test_a_folder_of_generated_exports_imports_without_flags(tmp_path: Path) -> None:
    """60 exports naming any body of the reference list (former ones in their years): all imported, exactly."""
    folder = tmp_path / "exports"
    folder.mkdir()
    for found in GENERATED:
        (folder / found.name).write_text(found.text, encoding="utf-8")
    assert {f.publisher.kind for f in GENERATED} == {"gemeente", "provincie", "waterschap"}
    assert any(f.publisher.valid_to is not None for f in GENERATED)
    result = run_woosite("import", str(folder), "--content", str(tmp_path / "content"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    summaries = [line for line in lines if not line.startswith("  ")]
    assert len(summaries) == len(GENERATED) + 1
    counted = f"{_warnings(lines)} waarschuwing" + ("" if _warnings(lines) == 1 else "en")
    assert summaries[-1] == f"60 bestanden: 60 geïmporteerd (60 geschreven, 0 ongewijzigd), {counted}, 0 geweigerd"
    assert _warnings(lines) == sum(1 for f in GENERATED if " met de gemeente " in f.text or "subsidie van" in f.text)
    for found, summary in zip(GENERATED, summaries, strict=False):
        assert f"uitgever {found.publisher.name} ({found.publisher.code})" in summary
        check(found, Path(summary.split(": geschreven")[0]))
    again = run_woosite("import", str(folder), "--content", str(tmp_path / "content"))
    assert again.stdout.splitlines()[-1].startswith("60 bestanden: 60 geïmporteerd (0 geschreven, 60 ongewijzigd)")


def _warnings(lines: list[str]) -> int:
    return sum(1 for line in lines if line.startswith("  waarschuwing: "))


def test_refused_files_are_counted_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.txt").write_text(GENERATED[0].text, encoding="utf-8")
    (folder / "b.txt").write_text("Programma 1 Bestuur\n\nTekst zonder jaar of naam.\n", encoding="utf-8")
    result = run_woosite("import", str(folder), "--content", str(tmp_path / "content"))
    assert result.returncode == 2
    assert "b.txt: geweigerd; 3 ontbrekende velden" in result.stdout
    warnings = _warnings(result.stdout.splitlines())
    assert warnings == 1  # "de tekst noemt ook ..."
    assert result.stdout.splitlines()[-1] == (
        "2 bestanden: 1 geïmporteerd (1 geschreven, 0 ongewijzigd), 1 waarschuwing, 1 geweigerd"
    )
    assert "nothing was changed" not in result.stderr
    assert "b.txt: de uitgever wordt in de tekst niet genoemd" in result.stderr
    assert len(list((tmp_path / "content").rglob("*.md"))) == 1


def test_site_yaml_publisher_is_the_default_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(
        (ROOT / "site.yaml").read_text(encoding="utf-8") + "publisher: Vechtstromen\n", encoding="utf-8"
    )
    export_file = tmp_path / "e.txt"
    export_file.write_text(export("Er is veel bereikt.", "Begroting 2022"), encoding="utf-8")
    result = run_woosite("import", str(export_file), "--content", str(tmp_path / "content"))
    assert result.returncode == 0, result.stderr
    assert "uitgever Vechtstromen (WS0663, uit site.yaml)" in result.stdout


@pytest.fixture(scope="module")
def diwoo_xsd() -> xmlschema.XMLSchema:
    mdto = "https://www.nationaalarchief.nl/mdto"
    schema = xmlschema.XMLSchema(
        str(DIWOO_SCHEMAS / "diwoo-metadata.xsd"),
        locations={mdto: str(diwoo_schema.MDTO_STAND_IN)},
        allow="local",
        validation="strict",
    )
    assert mdto in schema.maps.namespaces
    return schema


def test_province_and_water_board_publishers_build_with_valid_diwoo(
    tmp_path: Path, diwoo_xsd: xmlschema.XMLSchema
) -> None:
    """Imported documents of a province and a water board go through the whole pipeline: build, URLs, DiWoo."""
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    for n, sentence in enumerate(
        ["Provinciale Staten van Noord-Brabant stellen de kaders.", "Het Hoogheemraadschap van Delfland zorgt."]
    ):
        (tmp_path / f"{n}.txt").write_text(export(sentence, "Begroting 2022"), encoding="utf-8")
    imported = run_woosite(
        "import", str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), "--content", str(project / "content")
    )
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "site"
    built = run_woosite("build", "--content", str(project / "content"), "--out", str(out))
    assert built.returncode == 0, built.stderr
    publishers = {}
    for xml in out.rglob("*.diwoo.xml"):
        diwoo_xsd.validate(str(xml))
        tree = etree.parse(str(xml))
        publishers[xml.parent.parent.parent.name] = {
            e.get("resource") for e in tree.iter() if etree.QName(e).localname == "publisher"
        }
    assert publishers == {
        "noord-brabant": {"https://identifier.overheid.nl/tooi/id/provincie/pv30"},
        "hoogheemraadschap-van-delfland": {"https://identifier.overheid.nl/tooi/id/waterschap/ws0372"},
    }
