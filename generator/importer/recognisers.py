"""Every table recogniser, in the order they are asked: the first that sees a table at a line takes it."""

from __future__ import annotations

import re

from generator.errors import Problem
from generator.importer.finance import Found, Recogniser, card, cells, chart_leftovers, pipes, rows, stacked
from generator.importer.grid import grid
from generator.importer.lines import Line

_MARK = re.compile(r"^[NV]\s|\s[NV]$")
RECOGNISERS: list[Recogniser] = [pipes, card, cells, grid, stacked, rows]


def find_table(lines: list[Line], i: int) -> Found | None:
    """The first recogniser that sees a table starting at line index ``i``."""
    for recognise in RECOGNISERS:
        found = recognise(lines, i)
        if found is not None:
            return found if found.kept else _marked(chart_leftovers(lines, found))
    return None


def _marked(found: Found) -> Found:
    """Amounts printed with N or V ("68.607 N") are kept as printed text, and the table says so once."""
    marked = [v for row in found.table.rows for v in row.values if isinstance(v, str) and _MARK.search(v)]
    if marked:
        found.warnings.append(
            Problem(
                None,
                found.header_line,
                f"{len(marked)} bedragen met N (nadeel) of V (voordeel), zoals '{marked[0]}', staan als tekst in de "
                "tabel: het teken zegt welke kant het bedrag op gaat",
                "schrijf ze als getal met het teken dat het document bedoelt, als ze getallen moeten zijn",
            )
        )
    return found
