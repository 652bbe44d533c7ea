"""The "begrotingsapp" platform (``*.begrotingsapp.nl``): every heading followed by a link back to the menu,
"Terug naar navigatie - 2.1 Indeling Programmaverantwoording - Programma / Resultaat"; tables one row per
line or as ``|`` tables."""

from __future__ import annotations

import re

from generator.importer.platforms.platform import Platform

PLATFORM = Platform(name="begrotingsapp", navigation=re.compile(r"^Terug naar navigatie\b.*$", re.I))
