"""Nothing unfinished goes live: build and check warn, ``check --strict`` fails, one test per warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_woosite

from generator.check.readiness import warnings
from generator.content import scaffold
from generator.content.loader import load_config, load_document
from generator.content.redaction_list import ENVIRONMENT as REDACTIONS_ENVIRONMENT
from generator.reference.organisations import lookup
from generator.reference.taxonomy import DocumentKind

FINISHED = """---
publisher: Lisse
kind: begroting
year: 2024
programme: {number: "1", title: Veiligheid}
dates: {adopted: 2023-11-09}
finance:
  - caption: Lasten, baten en saldo
    columns:
      - {label: Begroting 2024}
    rows:
      - {label: Lasten, role: lasten, values: [-2400]}
      - {label: Baten, role: baten, values: [400]}
      - {label: Saldo, role: saldo, values: [-2000]}
---
## Wat willen we bereiken?

Een veilige gemeente.
"""


def project(
    tmp_path: Path, document: str, *, base_url: str = "https://www.lisse.nl/woo/", email: str = "a@b.nl"
) -> Path:
    text = scaffold.site_yaml(lookup("Lisse"), base_url).replace('email: ""', f"email: {email!r}")
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text(document, encoding="utf-8")
    return tmp_path


def messages(folder: Path) -> list[str]:
    config = load_config(folder / "site.yaml")
    return [
        str(w) for w in warnings(config, folder / "site.yaml", [load_document(folder / "content" / "p.md", config)])
    ]


def test_a_finished_site_has_no_warnings(tmp_path: Path) -> None:
    assert messages(project(tmp_path, FINISHED)) == []


def test_placeholder_base_url(tmp_path: Path) -> None:
    (found,) = messages(project(tmp_path, FINISHED, base_url=scaffold.EXAMPLE_BASE_URL))
    assert "base_url is the placeholder https://www.example.org/woo/" in found


def test_empty_contact_email(tmp_path: Path) -> None:
    (found,) = messages(project(tmp_path, FINISHED, email=""))
    assert "contact.email is empty" in found


def test_placeholder_text_of_woosite_new(tmp_path: Path) -> None:
    new = scaffold.NewDocument("Lisse", DocumentKind.begroting, 2024, "Veiligheid", number="1").text()
    dated = new.replace("programme:", "dates: {adopted: 2023-11-09}\nprogramme:")
    found = messages(project(tmp_path, dated))
    lines = dated.splitlines()
    assert [int(f.split(":")[1]) for f in found] == [n for n, x in enumerate(lines, 1) if x == scaffold.PLACEHOLDER]
    assert all("placeholder text 'Nog in te vullen.'" in f for f in found) and len(found) == 3


def test_broken_table_arithmetic_names_the_values_line(tmp_path: Path) -> None:
    edited = FINISHED.replace("values: [-2000]", "values: [-2100]")
    (found,) = messages(project(tmp_path, edited))
    line = next(n for n, x in enumerate(edited.splitlines(), 1) if "[-2100]" in x)
    assert found.startswith(f"{tmp_path / 'content' / 'p.md'}:{line}: ") or f"p.md:{line}: " in found
    assert "row 'Saldo'" in found and "-2100 is not baten + lasten = -2000" in found


def test_an_amount_with_a_dutch_thousands_dot_is_warned(tmp_path: Path) -> None:
    # Hand-typed as printed: YAML reads -2.400 as -2.4, so the table would show 1,000 times too little.
    edited = FINISHED.replace("values: [-2400]", "values: [-2.400]").replace("values: [-2000]", "values: [-2.000]")
    found = messages(project(tmp_path, edited))
    dots = [m for m in found if "thousands dot" in m]
    assert len(dots) == 2 and "'-2.400' in values: is read as -2.4" in dots[0] and "write -2400 without" in dots[0]
    decimal = FINISHED.replace("values: [-2400]", "values: [-2.4005]").replace("values: [-2000]", "values: [-2.0005]")
    (tmp_path / "d").mkdir()
    assert not [m for m in messages(project(tmp_path / "d", decimal)) if "thousands dot" in m]


def test_a_title_cut_by_a_yaml_comment_is_warned(tmp_path: Path) -> None:
    edited = FINISHED.replace("title: Veiligheid}", "title: Veiligheid}\ntitle: Zorg #1 en welzijn")
    (found,) = messages(project(tmp_path, edited))
    assert "p.md:6: 'title: Zorg #1 en welzijn' is read as 'Zorg'" in found and 'title: "Zorg #1 en welzijn"' in found


def test_rounding_by_one_is_not_a_warning(tmp_path: Path) -> None:
    assert messages(project(tmp_path, FINISHED.replace("values: [-2000]", "values: [-2001]"))) == []


def test_document_without_any_date(tmp_path: Path) -> None:
    (found,) = messages(project(tmp_path, FINISHED.replace("dates: {adopted: 2023-11-09}\n", "")))
    assert "p.md:1: the document has no date" in found


@pytest.mark.parametrize("strict", [False, True])
def test_build_and_check_warn_and_strict_fails(tmp_path: Path, strict: bool) -> None:
    folder = project(tmp_path, FINISHED, email="")
    built = run_woosite("build", "--content", str(folder / "content"), "--out", str(folder / "site"))
    assert built.returncode == 0 and "warning: " in built.stderr and "contact.email is empty" in built.stderr
    checked = run_woosite("check", *(["--strict"] if strict else []), cwd=folder)
    assert "warning: site.yaml: contact.email is empty" in checked.stdout
    assert checked.returncode == (1 if strict else 0), checked.stdout


def test_check_reads_the_content_redacted_as_the_build_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``check`` loads the content through the same loader as the build, so its warnings never print a name on
    the redaction list: a row that does not add up is named as published, with the marker."""
    name = "Jan Jansen"
    wrong = FINISHED.replace(
        "{label: Saldo, role: saldo, values: [-2000]}", f"{{label: Saldo {name}, role: saldo, values: [-1000]}}"
    )
    folder = project(tmp_path, wrong)
    (folder / scaffold.REDACTIONS_FILE).write_text(
        f'redactions: [{{text: "{name}", ground: "5.1.2e"}}]\n', encoding="utf-8"
    )
    monkeypatch.delenv(REDACTIONS_ENVIRONMENT)  # the site's own redactions.yaml, not the session's list
    built = run_woosite("build", "--content", str(folder / "content"), "--out", str(folder / "site"), cwd=folder)
    assert built.returncode == 0, built.stderr
    checked = run_woosite("check", cwd=folder)
    assert "row 'Saldo [5.1.2e]'" in checked.stdout, checked.stdout
    for output in (built.stdout, built.stderr, checked.stdout, checked.stderr):
        assert name not in output
