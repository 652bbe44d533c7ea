"""The import as one straight line of pure steps: text in, a content file and its warnings out.

decode -> lines -> residue removed -> programme line -> finance tables -> blocks -> sections for tables
-> arithmetic checks -> metadata (text, then flags) -> content file text. Nothing here touches the disk.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.core.errors import Problem
from generator.core.translation import _
from generator.core.urls import slugify
from generator.importer import checks, content_file, metadata, numbers, reader, structure, units
from generator.importer.blocks import Block, Heading, ListBlock, Pairs, Paragraph, Table
from generator.importer.finance import Found
from generator.importer.lines import Line
from generator.importer.recognisers import find_table
from generator.importer.residue import Removed, strip_residue
from generator.models import FinanceTable, Programme
from generator.reference.organisations import Organisation, UnknownOrganisation, lookup
from generator.reference.taxonomy import DOCUMENT_KINDS, DocumentKind


@dataclass(frozen=True)
class ImportOptions:
    """What the user gives on the command line; each overrides what the text says."""

    publisher: str | None = None
    kind: str | None = None
    year: int | None = None
    programme: str | None = None
    unit: int | None = None
    """The unit of the amounts (1, 1000, ...) for tables whose page states none."""
    default_publisher: str | None = None
    """The site's own publisher (``publisher:`` in site.yaml): taken when the text names no body, or several."""


@dataclass
class ImportResult:
    """Everything one import found; ``text`` is None when required metadata is missing."""

    name: str
    text: str | None = None
    publisher: Organisation | None = None
    kind: DocumentKind | None = None
    year: int | None = None
    programme: Programme | None = None
    sections: list[str] = field(default_factory=list)
    tables: list[FinanceTable] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)
    publisher_from_site: bool = False
    """The publisher is the site's own (site.yaml), not named by the text or a flag."""
    uses: dict[int, str] = field(default_factory=dict)
    """What each non-blank input line became: heading, paragraph, list, pairs, status, finance, metadata, residue."""

    @property
    def relative_path(self) -> Path | None:
        """<publisher>/<kind>-<year>/<programme>.md below the content folder."""
        if self.publisher is None or self.kind is None or self.year is None or self.programme is None:
            return None
        folder = f"{self.kind.value}-{self.year}"
        return Path(slugify(self.publisher.name)) / folder / f"{slugify(self.programme.heading)}.md"


def import_bytes(raw: bytes, path: Path, options: ImportOptions) -> ImportResult:
    """Import an export's bytes; raises ImportFailed only when they are not UTF-8 text."""
    return import_text(reader.decode(raw, path), path.name, options, hashlib.sha256(raw).hexdigest())


def import_text(text: str, name: str, options: ImportOptions | None = None, digest: str | None = None) -> ImportResult:
    """Import the text of an export named ``name`` (``digest``: SHA-256 of its bytes). Never raises on odd input."""
    options = options or ImportOptions()
    result = ImportResult(name=name)
    cleaned = strip_residue(reader.split_lines(text))
    result.removed, result.warnings = list(cleaned.removed), list(cleaned.warnings)
    lines = cleaned.lines

    found = metadata.find_programme(lines)
    if found is None and not options.programme:
        found = metadata.page_title(lines)
        if found is not None:
            result.warnings.append(
                Problem(
                    None,
                    found.line.number,
                    _(
                        "no 'Programma N' at the top of the page: the page title '{title}' is taken as the chapter"
                    ).format(title=found.programme.title),
                    _('give --programme "Programma 4 Bestuur en ondersteuning" if the page belongs to a programme'),
                )
            )
    title_lines: list[Line] = []
    if found is not None:
        result.programme, title_lines = found.programme, found.titles
        for line in found.breadcrumbs:
            result.removed.append(Removed(line.number, line.clean, "kruimelpad van het platform boven het programma"))
        lines = _blank(lines, {found.line.number} | {line.number for line in found.breadcrumbs + found.titles})
        _use(result, [found.line.number, *(line.number for line in title_lines)], "metadata")

    tables = _tables(lines, options.unit)
    parsed = structure.parse(lines, tables)
    result.warnings += parsed.warnings
    _attach_tables(parsed.blocks, result)
    for block in parsed.blocks:
        _trace(block, result)
    for gone in result.removed:
        result.uses[gone.line] = "residue"

    _metadata(result, title_lines, lines, options, found.line if found else None)
    result.sections = [b.title for b in parsed.blocks if isinstance(b, Heading)]
    result.warnings = sorted(
        (dataclasses.replace(w, path=Path(name)) for w in result.warnings), key=lambda w: w.line or 0
    )
    result.missing = [dataclasses.replace(m, path=Path(name)) for m in result.missing]
    if not result.missing:
        front = _front(result, digest, cleaned.generated, cleaned.exported)
        result.text = content_file.render(front, parsed.blocks)
    return result


def _blank(lines: list[Line], numbers: set[int]) -> list[Line]:
    return [Line(line.number, "") if line.number in numbers else line for line in lines]


def _tables(lines: list[Line], unit: int | None) -> dict[int, Found]:
    tables: dict[int, Found] = {}
    i = since = 0
    while i < len(lines):
        found = find_table(lines, i) if _may_start_table(lines[i]) else None
        if found is None:
            i += 1
            continue
        tables[i] = units.establish(lines, found, since, unit)
        since = i = max(found.end, i + 1)
    return tables


def _may_start_table(line: Line) -> bool:
    """No recogniser starts a table at a blank line or at a sentence (ends in . : ;) without a "|" that is
    not a unit note; skipping those saves most of the import's time on prose."""
    text = line.clean
    return bool(text) and ("|" in text or not text.endswith((".", ":", ";")) or numbers.unit_note(text))


def _attach_tables(blocks: list[Block], result: ImportResult) -> None:
    """Each table belongs under the heading above it; its caption is that heading (plus a note)."""
    titles = [b.title for b in blocks if isinstance(b, Heading)]
    heading: str | None = None
    said: set[str] = set()
    """Headings whose repetition was warned about: once per heading, not once per table."""
    for block in blocks:
        if isinstance(block, Heading):
            heading = block.title
        if not isinstance(block, Table):
            continue
        found = block.found
        if found.kept:
            result.warnings += found.warnings
            continue
        caption = heading or "Financiën"
        if found.note:
            caption += ", " + found.note[:1].lower() + found.note[1:]
        section = heading if heading is not None and titles.count(heading) == 1 else None
        if heading is not None and section is None and heading not in said:
            said.add(heading)
            found.warnings.append(
                Problem(
                    None,
                    found.header_line,
                    _(
                        "the heading '{heading}' is in the text {count} times: the tables below it come after the text"
                    ).format(heading=heading, count=titles.count(heading)),
                    _("give the headings different titles and fill in the tables' 'section:'"),
                )
            )
        found.table = found.table.model_copy(update={"caption": caption, "section": section})
        result.tables.append(found.table)
        result.warnings += found.warnings + checks.check(found)


def _use(result: ImportResult, line_numbers: list[int], what: str) -> None:
    for number in line_numbers:
        result.uses[number] = what


def _trace(block: Block, result: ImportResult) -> None:
    if isinstance(block, Heading):
        _use(result, [block.line], "heading")
        if block.status_line is not None:
            _use(result, [block.status_line], "status")
    elif isinstance(block, Paragraph):
        _use(result, [block.line], "paragraph")
    elif isinstance(block, ListBlock):
        _use(result, block.lines, "list")
    elif isinstance(block, Pairs):
        _use(result, block.lines, "pairs")
    else:
        found = block.found
        first = min([found.header_line, *found.row_lines])
        if found.kept:
            _use(result, [line.number for line in block.kept], "kept")
            return
        _use(result, [line.number for line in found.left_out], "kept")
        _use(result, [n for n in range(first, found.row_lines[-1] + 1) if n not in result.uses], "finance")
        _use(result, found.dropped, "finance")


def _metadata(
    result: ImportResult, title_lines: list[Line], lines: list[Line], options: ImportOptions, stated: Line | None
) -> None:
    if options.programme:
        given = metadata.parse_programme(options.programme) or Programme(title=options.programme.strip())
        if stated is not None and result.programme != given:
            result.warnings.append(
                Problem(
                    None,
                    stated.number,
                    _("the text names the programme '{programme}'").format(programme=stated.clean),
                    _("--programme used"),
                )
            )
        result.programme = given
    if result.programme is None:
        result.missing.append(
            Problem(
                None,
                None,
                _("no programme title found at the top of the export"),
                _('give it with --programme, e.g. --programme "Programma 4 Bestuur en ondersteuning"'),
            )
        )
    evidence = metadata.kind_and_year(title_lines, lines, result.tables)
    stated_kind = next((e for e in evidence if e.kind is not None), None)
    stated_year = next(
        (e for e in evidence if e.year is not None and (stated_kind is None or e.kind in (None, stated_kind.kind))),
        None,
    )
    for e in evidence:
        if stated_kind and e.kind and e.kind != stated_kind.kind:
            result.warnings.append(
                Problem(
                    None,
                    e.line,
                    _("the text also speaks of a {kind}").format(kind=e.kind.value),
                    _("taken: {kind}").format(kind=stated_kind.kind),
                )
            )
    result.kind = stated_kind.kind if stated_kind else None
    result.year = stated_year.year if stated_year else None
    if options.kind:
        given_kind = DocumentKind(options.kind)
        if result.kind is not None and result.kind != given_kind and stated_kind is not None:
            result.warnings.append(
                Problem(
                    None,
                    stated_kind.line,
                    _("the text says {value}").format(value=result.kind.value),
                    _("--kind {value} used").format(value=given_kind.value),
                )
            )
        result.kind = given_kind
    if options.year:
        if result.year is not None and result.year != options.year and stated_year is not None:
            result.warnings.append(
                Problem(
                    None,
                    stated_year.line,
                    _("the text says {value}").format(value=result.year),
                    _("--year {value} used").format(value=options.year),
                )
            )
        result.year = options.year
    _publisher(result, lines, options)
    if result.kind is None:
        result.missing.append(
            Problem(
                None,
                None,
                _("the kind of document is not in the text"),
                _("give it with --kind, one of: {kinds}").format(kinds=", ".join(DOCUMENT_KINDS)),
            )
        )
    if result.year is None:
        result.missing.append(
            Problem(
                None,
                None,
                _("the year of the document is not in the text"),
                _("give it with --year, e.g. --year 2022"),
            )
        )


def _publisher(result: ImportResult, lines: list[Line], options: ImportOptions) -> None:
    """The publisher: the flag, else the body the text speaks for (valid in the year), else the site's own."""
    if options.publisher:
        result.publisher = _given(result, options.publisher, "--publisher")
        return
    text = "\n".join(line.clean for line in lines)
    finding = metadata.publisher_in(text, result.year)
    where = _("publisher in site.yaml")
    default = _given(result, options.default_publisher, where) if options.default_publisher else None
    publisher = finding.publisher
    if publisher is None and default is not None:
        publisher, result.publisher_from_site = default, True
        if finding.others and default not in finding.others:
            result.warnings.append(
                Problem(
                    None,
                    None,
                    _("the text names {names}, none of them clearly as its own").format(
                        names=", ".join(o.name for o in finding.others)
                    ),
                    _("taken: this site's publisher, {name} (site.yaml); otherwise give --publisher").format(
                        name=default.name
                    ),
                )
            )
    elif publisher is not None and default is not None and publisher != default:
        result.warnings.append(
            Problem(
                None,
                None,
                _("the text speaks for {publisher}, not for this site's {default}").format(
                    publisher=publisher.label, default=default.label
                ),
                _('taken: {publisher}; give --publisher "{default}" if that is wrong').format(
                    publisher=publisher.name, default=default.name
                ),
            )
        )
    elif publisher is not None and finding.others:
        result.warnings.append(
            Problem(
                None,
                None,
                _("the text also names {names}; taken as the publisher: {publisher}").format(
                    names=", ".join(o.name for o in finding.others), publisher=publisher.name
                ),
                _("give --publisher if that is wrong"),
            )
        )
    result.publisher = publisher
    if publisher is None:
        result.missing.append(_no_publisher(finding, result.year))


def _given(result: ImportResult, name: str, where: str) -> Organisation | None:
    """A publisher named by the user; an unknown name is a missing field, a body of another era a warning."""
    try:
        org = lookup(name)
    except UnknownOrganisation as exc:
        result.missing.append(
            Problem(
                None,
                None,
                _("{where}: unknown municipality, province or water board '{name}'").format(where=where, name=exc.name),
                exc.hint(),
            )
        )
        return None
    if result.year is not None and not org.existed_in(result.year):
        result.warnings.append(
            Problem(
                None,
                None,
                _("{org_label} did not exist in {front_year}").format(org_label=org.label, front_year=result.year),
                _("check the year and {where}").format(where=where),
            )
        )
    return org


def _no_publisher(finding: metadata.PublisherFinding, year: int | None) -> Problem:
    """Why no publisher was taken, suggesting the bodies the text does name."""
    if finding.others:
        names = ", ".join(o.name for o in finding.others)
        return Problem(
            None,
            None,
            _("the text names several governments ({names}) and none of them clearly as its own").format(names=names),
            _('give it with --publisher, e.g. --publisher "{name}"').format(name=finding.others[0].name),
        )
    if finding.former:
        names = ", ".join(f"{o.label} ({_years(o)})" for o in finding.former)
        return Problem(
            None,
            None,
            _("the text names {names}, which did not exist in {year}").format(names=names, year=year),
            _('check the year (--year), or give --publisher "{name}"').format(name=finding.former[0].name),
        )
    return Problem(
        None,
        None,
        _("the text does not name the publisher"),
        _(
            "give it with --publisher (name or code of the municipality, province or water board), or fill in "
            "publisher: in site.yaml"
        ),
    )


def _years(org: Organisation) -> str:
    if org.valid_from is not None and org.valid_to is not None:
        return f"{org.valid_from}–{org.valid_to}"
    if org.valid_to is not None:
        return f"until {org.valid_to}"
    return f"from {org.valid_from}"


def _front(result: ImportResult, digest: str | None, generated: Any, exported: Any) -> dict[str, Any]:
    assert result.publisher and result.kind and result.year and result.programme
    programme: dict[str, Any] = {"number": result.programme.number, "title": result.programme.title}
    if result.programme.label:
        programme["label"] = result.programme.label
    if result.programme.number is None:
        del programme["number"]
    source: dict[str, Any] = {"file": result.name}
    if digest is not None:
        source["sha256"] = digest
    if exported is not None:
        source["exported"] = exported
    if generated is not None:
        source["generated"] = generated
    data: dict[str, Any] = {
        "publisher": result.publisher.name,
        "kind": result.kind.value,
        "year": result.year,
        "programme": programme,
        "source": source,
    }
    if result.tables:
        data["finance"] = [content_file.table_data(t) for t in result.tables]
    return data
