"""Import accuracy on real pages: is every published budget figure exactly the printed number × its unit?

Imports every page of ``../shared/exports/`` (36 layout reconstructions of real P&C pages) with only the
publisher, kind and year its ``answers.json`` gives, builds the site, and compares every finance cell the
build published (the document JSON: value × unit) with the answer key. Each answer cell is one of:

- **exact**: published under its row and column as printed × unit (to the euro);
- **text**: not published as a number, and the importer warned about its line (the right outcome when the
  page states no unit, or a table cannot be reassembled with certainty);
- **wrong**: published as a number that is not printed × unit (the unit missed, a column shifted, a guess
  where the page states no unit), or its row published under column headings that are not the page's —
  the one outcome that may never happen;
- **missing**: neither published nor warned about.

A published number that no answer cell explains, on a page whose answers say it states no unit, is a guess
and counts as wrong too. Exits 1 when any cell is published wrong, 0 otherwise; skips (exit 0, with the
reason) when ``../shared/exports`` is not there.

    python -m bench.import_accuracy [--exports DIR] [--write] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import shared

EXPLAINED = """Every page of `../shared/exports/` imported with only its publisher, kind and year, built, and each
cell of the document JSON compared with `answers.json`: **exact** (printed number × unit, under the page's
row and column), **text** (not published as a number, warned on its line: the right outcome on the four
pages that state no unit, 391 cells), **wrong** (a number that is not printed × unit, or a row under
headings the page does not give), **missing** (neither). Before this benchmark existed the same pages gave
65 exact and 631 wrong of 1,350 (issue 23). What is still text or missing: tables whose header fits their
columns in more than one way (32: N/V lines between rows), glued cells that cut more than one way (19),
amounts in prose (27, 04), and last rows of pages that stop without a line break (the export may have cut
the number short)."""

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = shared.EXPORTS
HEADING = "## Import accuracy on real pages (`bench/import_accuracy.py`)"
OUTCOMES = ("exact", "text", "wrong", "missing")


def norm(text: str) -> str:
    """Labels and column headings compared as the answer key writes them: whitespace collapsed, case folded,
    multi-row headings joined ("Begroting / 2022" and "Begroting 2022" are the same heading)."""
    text = text.replace("\u00a0", " ").replace(" / ", " ").replace("/", " / ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class Cell:
    """One published amount: where it stands and what it is in euros."""

    table: int
    label: str
    section: str | None
    column: str
    euros: float


@dataclass
class FileScore:
    name: str
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    refused: str | None = None


def published_cells(document: dict[str, Any]) -> list[Cell]:
    """Every amount of a published document JSON, with its row, the group row above it and its column."""
    out: list[Cell] = []
    for t, table in enumerate(document.get("finance") or []):
        unit = table.get("unit")
        section: str | None = None
        for row in table["rows"]:
            values = row["values"]
            if all(v is None or isinstance(v, str) for v in values):
                section = row["label"]
                continue
            for column, value in zip(table["columns"], values, strict=True):
                if column["kind"] != "amount" or not isinstance(value, int | float) or unit is None:
                    continue
                group = norm(section) if section else None
                heading = "" if column.get("added") else norm(column["label"])  # added: the page prints none
                out.append(Cell(t, norm(row["label"]), group, heading, value * unit))
    return out


def _label_matches(cell: Cell, answer: dict[str, Any]) -> bool:
    label = norm(answer["label"])
    if cell.label == label:
        return True
    code = answer.get("code")
    return bool(code) and cell.label in (norm(f"{code} {answer['label']}"), norm(f"{code} - {answer['label']}"))


def _candidates(cells: list[Cell], answer: dict[str, Any]) -> list[Cell]:
    found = [c for c in cells if _label_matches(c, answer) and c.column == norm(answer["column"])]
    section = answer.get("section")
    if len(found) > 1 and section:
        narrowed = [c for c in found if c.section == norm(section)]
        found = narrowed or found
    return found


def _line_of(lines: list[str], answer: dict[str, Any]) -> int | None:
    """The export line (1-based) holding the answer's printed number, at or after its label."""
    label = norm(answer["label"]).split(" ")[0]
    printed = re.compile(r"(?<![\d.,])" + re.escape(answer["printed"]) + r"(?![\d,]|\.\d)")
    for n, line in enumerate(lines):
        if label in norm(line):
            for m in range(n, min(len(lines), n + 400)):
                if printed.search(lines[m]):
                    return m + 1
    return None


def score_file(
    answer: dict[str, Any], document: dict[str, Any] | None, warned_lines: set[int], lines: list[str]
) -> FileScore:
    score = FileScore(answer["file"])
    cells = published_cells(document) if document else []
    explained: set[int] = set()
    seen: Counter[tuple[str, str, str]] = Counter()
    repeats = Counter((norm(r["label"]), norm(r["column"]), norm(r.get("section") or "")) for r in answer["rows"])
    for row in answer["rows"]:
        # The k-th answer row with this label and column is the k-th published one (a label can recur in
        # several tables of a page).
        key = (norm(row["label"]), norm(row["column"]), norm(row.get("section") or ""))
        found = everywhere = _candidates(cells, row)
        if len(found) > 1:
            same_table = [c for c in found if c.table == row["table"]]
            # Otherwise the k-th of them, when the page and the import have as many such cells.
            by_order = found[seen[key] : seen[key] + 1] if len(found) == repeats[key] else []
            found = same_table if len(same_table) == 1 else by_order
        seen[key] += 1
        explained.update(id(c) for c in found)
        expected = row["euros"]
        if found:
            ok = expected is not None and all(abs(c.euros - expected) < 0.5 for c in found)
            outcome = "exact" if ok else "wrong"
            if not ok:
                score.notes.append(
                    f"wrong: {row['label']!r} / {row['column']!r}: published {[c.euros for c in found]}, "
                    f"printed {row['printed']!r} = {expected}"
                )
        elif not everywhere and (columns := {c.column for c in cells if _label_matches(c, row)}):
            # The row is published, but under headings the page does not give this cell: a shifted or
            # mislabelled column is a wrong number for whoever reads it.
            outcome = "wrong"
            score.notes.append(f"wrong: {row['label']!r} / {row['column']!r} published under {sorted(columns)[:3]}")
        else:
            line = _line_of(lines, row)
            outcome = "text" if line is not None and line in warned_lines else "missing"
            if outcome == "missing":
                score.notes.append(f"missing: {row['label']!r} / {row['column']!r} ({row['printed']}, line {line})")
        score.counts[outcome] += 1
    if answer["unit"] is None:
        guesses = [c for c in cells if id(c) not in explained and c.euros != 0]
        if guesses:
            score.counts["wrong"] += len(guesses)
            score.notes.append(f"wrong: {len(guesses)} amounts published although the page states no unit")
    return score


def page_text(path: Path) -> bytes:
    """The page text of an export: its "# source:" and "# note:" lines (the corpus's, not the page's) blanked,
    so line numbers stay those of the file."""
    head, sep, text = path.read_bytes().partition(b"\n\n")
    return b"\n" * (head.count(b"\n") + 1) + sep[1:] + text


def run(exports: Path, verbose: bool = False) -> list[FileScore]:
    from generator.core.reporting import Silent
    from generator.importer.pipeline import ImportOptions, import_bytes
    from generator.publish.build import BuildOptions, build

    answers = json.loads((exports / "answers.json").read_text(encoding="utf-8"))
    scores: list[FileScore] = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        content = project / "content"
        (project / "site.yaml").write_text(
            "title: Nauwkeurigheid\nbase_url: https://example.org/\nlanguage: nl\n"
            "contact: {organisation: Test, email: test@example.org}\n",
            encoding="utf-8",
        )
        content.mkdir()
        imported: dict[str, tuple[Path, set[int]]] = {}
        for answer in answers:
            raw = page_text(exports / answer["file"])
            options = ImportOptions(publisher=answer["publisher"]["name"], kind=answer["kind"], year=answer["year"])
            result = import_bytes(raw, Path(answer["file"]), options)
            if result.text is None or result.relative_path is None:
                refused = FileScore(answer["file"], refused="; ".join(m.message for m in result.missing))
                refused.counts["missing"] = len(answer["rows"])
                scores.append(refused)
                continue
            # One folder per file: two exports may name the same programme of the same body.
            path = content / answer["file"].removesuffix(".txt") / result.relative_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(result.text, encoding="utf-8")
            warned = {w.line for w in result.warnings if w.line is not None}
            kept = {line for line, use in result.uses.items() if use == "kept"}
            imported[answer["file"]] = (path, warned | kept if warned else set())
        built = build(
            BuildOptions(content_dir=content, out_dir=project / "site", config_path=project / "site.yaml"),
            Silent(),
        )
        by_source = {page.document.source.file: page for page in built.site.documents if page.document.source}
        for answer in answers:
            if answer["file"] not in imported:
                continue
            path, warned = imported[answer["file"]]
            page = by_source[answer["file"]]
            document = json.loads((project / "site" / page.json_path).read_text(encoding="utf-8"))
            lines = (exports / answer["file"]).read_text(encoding="utf-8-sig").splitlines()
            scores.append(score_file(answer, document, warned, lines))
    scores.sort(key=lambda s: s.name)
    return scores


def table(scores: list[FileScore]) -> str:
    total: Counter[str] = Counter()
    out = ["| file | " + " | ".join(OUTCOMES) + " |", "| --- | " + " | ".join("---:" for _ in OUTCOMES) + " |"]
    for s in scores:
        total.update(s.counts)
        name = s.name + (" (refused)" if s.refused else "")
        out.append(f"| {name} | " + " | ".join(str(s.counts[o]) for o in OUTCOMES) + " |")
    out.append("| **total** | " + " | ".join(f"**{total[o]}**" for o in OUTCOMES) + " |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exports", type=Path, default=EXPORTS)
    parser.add_argument("--write", action="store_true", help="write the table into bench/RESULTS.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every cell that is not exact")
    args = parser.parse_args()
    if not (args.exports / "answers.json").is_file():
        print(f"skipped: no real exports at {args.exports} (../shared is not beside this checkout)")
        return 0
    scores = run(args.exports, args.verbose)
    total: Counter[str] = Counter()
    for s in scores:
        total.update(s.counts)
    print(table(scores))
    known = sum(total.values())
    answerable = sum(
        1 for a in json.loads((args.exports / "answers.json").read_text()) for r in a["rows"] if r["euros"] is not None
    )
    summary = (
        f"{known} answer cells: {total['exact']} exact ({total['exact'] / max(answerable, 1):.0%} of the "
        f"{answerable} with a known value), {total['text']} kept as text with a warning, "
        f"{total['wrong']} published wrong, {total['missing']} missing"
    )
    print("\n" + summary)
    if args.verbose:
        for s in scores:
            if s.refused:
                print(f"{s.name}: refused: {s.refused}")
            for note in s.notes:
                print(f"{s.name}: {note}")
    if args.write:
        from bench.results import write_section

        write_section(HEADING, HEADING + "\n\n" + EXPLAINED + "\n\n" + table(scores) + "\n\n" + summary + "\n")
    return 1 if total["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
