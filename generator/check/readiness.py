"""Is the site finished? Warnings about what must not go live unfinished.

``build`` prints them, ``check`` prints them again and ``check --strict`` fails on them: the placeholder base
URL of ``woosite init``, an empty contact e-mail, the placeholder text of ``woosite new``, an amount written
with a Dutch thousands dot ("-1.035", which YAML reads as a decimal number), a text cut short by a YAML
comment ("title: Zorg #1"), a finance table
whose own arithmetic no longer adds up (after hand edits; the rules are the importer's, in one place), and a
document without any date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.content.frontmatter import FrontMatterError, line_of, split
from generator.content.scaffold import PLACEHOLDER
from generator.content.source import SourceDocument
from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer import checks as arithmetic
from generator.models import FinanceTable, SiteConfig
from generator.models.finance import Row

_THOUSANDS_DOT = re.compile(r"(?<![\w.])(-?\d{1,3}\.\d{3})(?![\w.])")
"""A value written as Dutch print writes thousands ("-1.035"): YAML reads a decimal number."""
_COMMENT_CUT = re.compile(
    r"^\s*(?:- )?(title|description|caption|label|row_header|section):\s+([^'\"\s#|>{\[][^#]*?)\s+#(\S.*)$"
)
"""A published text cut short by a YAML comment: "title: Zorg #1 en welzijn" is the title "Zorg"."""
PLACEHOLDER_HOSTS = {"example.org", "www.example.org", "example.com", "www.example.com", "example.net"}


def warnings(config: SiteConfig, config_file: Path, sources: list[SourceDocument]) -> list[Problem]:
    """Every reason the site is not ready to publish, in file order (a document's own, as ``with_warnings``
    kept them with it, or found now)."""
    found = site_warnings(config, config_file)
    for source in sources:
        found += source.warnings if source.warnings is not None else document_warnings(source)
    return found


def with_warnings(sources: list[SourceDocument]) -> list[SourceDocument]:
    """The documents with their own warnings found and kept (the build's cache keeps them with the document,
    so an unchanged file is not read again for them)."""
    return [
        source if source.warnings is not None else replace(source, warnings=tuple(document_warnings(source)))
        for source in sources
    ]


def site_warnings(config: SiteConfig, config_file: Path) -> list[Problem]:
    found: list[Problem] = []
    if urlsplit(config.base_url).hostname in PLACEHOLDER_HOSTS:
        found.append(
            Problem(
                config_file,
                None,
                _("base_url is the placeholder {config_base_url}").format(config_base_url=config.base_url),
                _("set base_url in site.yaml to the public address, or build with --base-url"),
            )
        )
    if not (config.contact.email or "").strip():
        found.append(
            Problem(
                config_file,
                None,
                _("contact.email is empty: the contact page shows no way to reach you"),
                _("fill in contact: email: in site.yaml"),
            )
        )
    return found


def _front_lines(lines: list[str]) -> list[str]:
    """The lines of the front matter (the file's second line on)."""
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.strip() == "---"), len(lines))
    return lines[1:end]


def document_warnings(source: SourceDocument) -> list[Problem]:
    text = source.path.read_text(encoding="utf-8-sig", errors="replace")
    lines = text.splitlines()
    found = [
        Problem(
            source.path,
            number,
            _("placeholder text '{placeholder}'").format(placeholder=PLACEHOLDER),
            _("write the text, or remove the section"),
        )
        for number, line in enumerate(lines, start=1)
        if PLACEHOLDER in line
    ]
    found += [
        Problem(
            source.path,
            number,
            _("'{value}: {value2} #{value3}' is read as '{value2}': after ' #' YAML sees a comment").format(
                value=cut.group(1), value2=cut.group(2), value3=cut.group(3)
            ),
            _('put the text in quotes: {value}: "{value2} #{value3}"').format(
                value=cut.group(1), value2=cut.group(2), value3=cut.group(3)
            ),
        )
        for number, line in enumerate(_front_lines(lines), start=2)
        if (cut := _COMMENT_CUT.match(line))
    ]
    found += [
        Problem(
            source.path,
            number,
            _(
                "'{value}' in values: is read as {float:g}, perhaps a Dutch thousands dot (-1.035 for -1035 "
                "leaves the amount 1,000 times too small)"
            ).format(value=match.group(1), float=float(match.group(1))),
            _("write {value} without the dot; a decimal number with three decimals, write {value2}0").format(
                value=match.group(1).replace(".", ""), value2=match.group(1)
            ),
        )
        for number, line in enumerate(lines, start=1)
        if "values:" in line
        for match in _THOUSANDS_DOT.finditer(line)
    ]
    for t, table in enumerate(source.front.finance):
        for row_index, column, printed, expected, rule in mismatches(table):
            found.append(
                Problem(
                    source.path,
                    line_of(_front_node(text), ("finance", t, "rows", row_index, "values")),
                    _(
                        "table '{table_caption}', row '{label}', column '{label2}': "
                        "{printed:g} is not {rule} = {expected:g}"
                    ).format(
                        table_caption=table.caption,
                        label=table.rows[row_index].label,
                        label2=table.columns[column].label,
                        printed=printed,
                        rule=rule,
                        expected=expected,
                    ),
                    _("compare the amounts with the printed document"),
                )
            )
    front = source.front
    dated = any(d is not None for d in (front.dates.created, front.dates.adopted, front.dates.published))
    if not dated and not (front.source and (front.source.exported or front.source.generated)):
        found.append(
            Problem(
                source.path,
                1,
                _("the document has no date: the Woo-index and readers cannot tell when it was made"),
                _("add e.g. 'dates: {adopted: 2024-11-07}' to the front matter"),
            )
        )
    return found


@lru_cache(maxsize=1)  # one document's warnings ask for it once each
def _front_node(text: str) -> yaml.Node | None:
    """The front matter's YAML node (for line numbers), composed only for a file that has a warning to place:
    composing it costs most of this check (0.8 ms a document, 8 s of a cold build at 10,000)."""
    try:
        return split(text.replace("\r\n", "\n")).node
    except FrontMatterError:
        return None


Mismatch = tuple[int, int, float, float, str]
"""(row index, column index, printed value, expected value, rule)."""


def mismatches(table: FinanceTable) -> list[Mismatch]:
    """Where a table's own arithmetic does not add up, by the importer's rules and tolerance."""
    rows = {id(row): n for n, row in enumerate(table.rows)}
    out: list[Mismatch] = []

    def warn(row: Row, column: int, printed: float, expected: float, rule: str) -> None:
        out.append((rows[id(row)], column, printed, expected, rule))

    arithmetic.apply_rules(table, warn)
    return out
