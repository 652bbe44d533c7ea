"""The P&C platform with ``/pNNNN/`` page addresses (``<body>.begroting-2021.nl``, ``.jaarverslag-2018.nl``,
``.bestuursrapportage.nl``, provincial variants): tables one cell per paragraph, "ga terug" under the page,
and a build footer whose dates are month/day/year (the platform's US locale), unlike the dates in its prose:
"Deze pagina is gebouwd op 02/08/2021 10:26:36 met de export van 02/08/2021 10:16:17".
"""

from __future__ import annotations

import datetime as dt
import re

from generator.importer.platforms.platform import Platform, Stamps

_STAMP = r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"


def _us_stamp(parts: tuple[str | None, ...]) -> dt.datetime | None:
    month, day, year, hour, minute, second = (int(p) if p else 0 for p in parts)
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _stamps(match: re.Match[str]) -> Stamps:
    return _us_stamp(match.groups()[:6]), _us_stamp(match.groups()[6:])


PLATFORM = Platform(
    name="P&C-platform",
    navigation=re.compile(r"^(?:ga terug|Terug)$", re.I),
    footer=re.compile(rf"^Deze pagina is gebouwd op\s+{_STAMP}\s+met de export van\s+{_STAMP}\s*\.?$", re.I),
    stamps=_stamps,
)
