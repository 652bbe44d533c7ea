"""Bodies' own financial portals and sites: links to the top or the contents of the page ("Top", "Naar
boven", "Terug naar boven", "Terug naar het begin", "Terug naar inhoudsopgave")."""

from __future__ import annotations

import re

from generator.importer.platforms.platform import Platform

PLATFORM = Platform(
    name="eigen portaal",
    navigation=re.compile(r"^(?:Top|Naar boven|Terug naar (?:boven|het begin|inhoudsopgave)\b.*)$", re.I),
)
