"""Messages that point at the exact line and say the fix: a table's ``values:`` line, Dutch thousands dots,
a tab in YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.loader import load_config, load_document
from generator.core.errors import ContentError
from generator.models import SiteConfig

CONFIG = SiteConfig(title="T", base_url="https://example.org/")
TABLE = """---
publisher: Lisse
kind: begroting
year: 2021
programme: {{title: X}}
finance:
  - caption: C
    columns:
      - {{label: Begroting 2021}}
    rows:
      - label: Baten
        values: [100]
      - label: Lasten
        values: [{value}]
---
Tekst.
"""


def problem(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_document(path, CONFIG)
    (only,) = caught.value.problems
    return str(only)


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        ("-2.400.000", "write -2400000, without thousands dots"),
        ('"1.234,5"', "write 1234.5, without thousands dots and with a decimal point"),
        ("veel", "write a number, or null"),
    ],
)
def test_text_in_an_amount_column_names_the_values_line_and_the_fix(tmp_path: Path, value: str, fix: str) -> None:
    text = TABLE.format(value=value)
    line = text.splitlines().index(f"        values: [{value}]") + 1
    found = problem(tmp_path / "p.md", text)
    assert found.startswith(f"{tmp_path / 'p.md'}:{line}: ")
    shown = value.strip('"')
    assert found.endswith(f"'{shown}' is text in amount column 'Begroting 2021' ({fix})")


def test_a_row_with_too_many_values_names_its_values_line(tmp_path: Path) -> None:
    text = TABLE.format(value="1, 2")
    line = text.splitlines().index("        values: [1, 2]") + 1
    assert f"p.md:{line}: " in problem(tmp_path / "p.md", text)


def test_a_tab_is_called_a_tab(tmp_path: Path) -> None:
    text = "---\npublisher: Lisse\nkind: begroting\nyear: 2021\nprogramme:\n\ttitle: X\n---\nTekst.\n"
    found = problem(tmp_path / "p.md", text)
    assert ":6: a tab character in the YAML" in found and found.endswith("(replace the tab with spaces)")


def test_a_tab_in_site_yaml_is_called_a_tab(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: T\ncontact:\n\temail: a@b.nl\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_config(tmp_path / "site.yaml")
    assert ":3: a tab character in the YAML" in str(caught.value)
