"""Platform residue: navigation links and the build footer are removed (and reported), never published.

The footer "Deze pagina is gebouwd op 02/08/2021 10:26:36 met de export van 02/08/2021 10:16:17" becomes
source metadata. Its dates are month/day/year (the platform's US locale), unlike dates in the prose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.errors import Problem
from generator.importer.lines import Line

_NAVIGATION = re.compile(r"^(?:Terug naar (?:navigatie|boven|het begin|inhoudsopgave)\b.*|Naar boven|Terug)$", re.I)
_STAMP = r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
_FOOTER = re.compile(rf"^Deze pagina is gebouwd op\s+{_STAMP}\s+met de export van\s+{_STAMP}\s*\.?$", re.I)


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
    """Blank out navigation and footer lines; whitespace-only lines are blank already."""
    out = Cleaned(lines=[])
    for line in lines:
        text = line.clean
        footer = _FOOTER.match(text)
        if _NAVIGATION.match(text):
            out.removed.append(Removed(line.number, text, "navigation link of the publishing platform"))
        elif footer:
            generated, exported = _us_stamp(footer.groups()[:6]), _us_stamp(footer.groups()[6:])
            if generated is None or exported is None:
                out.warnings.append(
                    Problem(
                        None,
                        line.number,
                        f"de voettekst van het platform heeft een datum die niet bestaat: '{text}'",
                        "de datums zijn niet overgenomen; controleer de export",
                    )
                )
            out.generated, out.exported = generated or out.generated, exported or out.exported
            out.removed.append(
                Removed(line.number, text, "build footer of the publishing platform (kept as source dates)")
            )
        else:
            out.lines.append(line)
            continue
        out.lines.append(Line(line.number, ""))
    return out


def _us_stamp(parts: tuple[str | None, ...]) -> dt.datetime | None:
    month, day, year, hour, minute, second = (int(p) if p else 0 for p in parts)
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
