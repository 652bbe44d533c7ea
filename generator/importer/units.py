"""The unit of a finance table's amounts: stated by the page or by the editor, never guessed.

A published amount is the printed number times its unit, so a table is published as numbers only when its
unit is established: stated in the table itself (a unit row or header cell, "(€)"), in a unit statement
just above it (its own paragraph, "(bedragen x € 1.000,-)", or the lead sentence, "… (schaal x € 1.000)"),
given with ``--unit``, or beyond doubt from the amounts themselves (whole numbers of seven digits and more
are euros: read as thousands one row would be a billion euros or more; a table of zeros is zero euros in any
unit). Otherwise the table is kept as text, with
a warning that says what to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer import numbers
from generator.importer.finance import Found
from generator.importer.lines import Line, is_sentence
from generator.models import FinanceTable

_UNIT_PHRASE = re.compile(r"(?:x|×|\*)\s*(?:€|eur)?\s*1(?:[. ]?000)+(?:,-)?|1\s*(?:mln|miljoen)", re.I)
LEAD = 3
"""Non-blank lines above a table searched for its unit statement."""
WHOLE_EUROS = 1_000_000
"""A whole amount at least this large is in euros: as thousands one row would be a billion euros or more, beyond
the programmes of all but the very largest bodies, whose pages state their unit."""


@dataclass(frozen=True)
class Stated:
    unit: int
    line: int | None
    """The line that states it; None when the table itself or the editor does."""


def stated_above(lines: list[Line], found: Found, since: int) -> Stated | None:
    """A unit statement in the few lines between the previous table (``since``) and this one."""
    seen = 0
    for j in range(found.start - 1, since - 1, -1):
        line = lines[j]
        if line.blank:
            continue
        unit = numbers.multiplier(line.clean)
        if unit is not None and not _about_own_figures(line.clean):
            return Stated(unit, line.number)
        seen += 1
        if seen >= LEAD:
            break
    return None


def _about_own_figures(text: str) -> bool:
    """A sentence that states a unit beside figures of its own ("het aandeel (* € 1.000) is € 4.602,-") is
    about those figures, not about the table under it."""
    words = [t.strip(".,;:()-") for t in _UNIT_PHRASE.sub(" ", text).split()]
    return is_sentence(text) and any(numbers.parse(w) and not numbers.YEAR.fullmatch(w) for w in words)


def _amounts(found: Found) -> list[int | float]:
    return [
        v
        for row in found.table.rows
        for v, c in zip(row.values, found.table.columns, strict=True)
        if c.kind == "amount" and isinstance(v, int | float)
    ]


def in_euros(found: Found) -> bool:
    """The amounts themselves say euros: all whole, and one of seven digits or more."""
    amounts = _amounts(found)
    return bool(amounts) and all(isinstance(v, int) for v in amounts) and max(abs(v) for v in amounts) >= WHOLE_EUROS


def all_zero(found: Found) -> bool:
    """Every amount is 0 (or empty): 0 times any unit is 0 euros, so no unit needs stating."""
    amounts = _amounts(found)
    return bool(amounts) and all(v == 0 for v in amounts)


def establish(lines: list[Line], found: Found, since: int, given: int | None) -> Found:
    """Set the table's unit from what the page or the editor states; keep it as text when nothing does."""
    if found.kept:
        return found
    stated = Stated(found.unit, None) if found.unit is not None else stated_above(lines, found, since)
    if given is not None:
        if stated is not None and stated.unit != given:
            found.warnings.append(
                Problem(
                    None,
                    stated.line or found.header_line,
                    _("the text states amounts x {unit}").format(unit=f"{stated.unit:,}".replace(",", ".")),
                    _("--unit {given} used").format(given=given),
                )
            )
        stated = Stated(given, None)
    if stated is None and (in_euros(found) or all_zero(found)):
        stated = Stated(1, None)
    if stated is None:
        return _keep(
            found,
            _("this table states no unit (such as 'bedragen x € 1.000'): the table is kept as text"),
            _("give the unit with --unit 1000 (or --unit 1 for whole euros) and import again"),
        )
    try:
        found.table = FinanceTable.model_validate({**found.table.model_dump(), "unit": stated.unit})
    except ValidationError:
        return _keep(found, _("the amounts times the unit are larger than any budget"), _("check the unit"))
    found.unit = stated.unit
    return found


def _keep(found: Found, message: str, hint: str) -> Found:
    found.kept = True
    found.warnings = [Problem(None, found.header_line, message, hint)]
    return found
