"""Platform residue: navigation links and build footers are removed (and reported), never published.

What is residue, each platform family says in its own module (``importer.platforms``); a footer's dates
become source metadata (``source.generated``, ``source.exported``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.core.errors import Problem
from generator.core.translation import _
from generator.importer.lines import Line
from generator.importer.platforms import PLATFORMS


@dataclass(frozen=True)
class Removed:
    """A line left out of the content, and why."""

    line: int
    text: str
    reason: str


@dataclass
class Cleaned:
    lines: list[Line]
    removed: list[Removed] = field(default_factory=list)
    generated: dt.datetime | None = None
    exported: dt.datetime | None = None
    warnings: list[Problem] = field(default_factory=list)


def strip_residue(lines: list[Line]) -> Cleaned:
    """Blank out navigation and footer lines (of every platform in ``platforms.PLATFORMS``); whitespace-only
    lines are blank already."""
    out = Cleaned(lines=[])
    for line in lines:
        text = line.clean
        for platform in PLATFORMS:
            footer = platform.footer.match(text) if platform.footer else None
            if platform.navigation.match(text):
                out.removed.append(Removed(line.number, text, f"navigatie van het platform ({platform.name})"))
                break
            if footer and platform.stamps:
                generated, exported = platform.stamps(footer)
                if generated is None or exported is None:
                    out.warnings.append(
                        Problem(
                            None,
                            line.number,
                            _("the platform's footer has a date that does not exist: '{text}'").format(text=text),
                            _("the dates are not taken over; check the export"),
                        )
                    )
                out.generated, out.exported = generated or out.generated, exported or out.exported
                out.removed.append(Removed(line.number, text, f"voettekst van het platform ({platform.name})"))
                break
        else:
            out.lines.append(line)
            continue
        out.lines.append(Line(line.number, ""))
    return out
