"""What each family of budget platforms puts on a page that is not the document: its navigation links, its
build footer. One module per family says it; a new platform is one new module, added to ``PLATFORMS``.

The layouts of tables are not a platform's (the same one-cell-per-paragraph table comes from several): they
are recognised for every export, by ``importer.recognisers``.
"""

from __future__ import annotations

from generator.importer.platforms import begrotingsapp, pnc, portals
from generator.importer.platforms.platform import Platform

PLATFORMS: tuple[Platform, ...] = (pnc.PLATFORM, begrotingsapp.PLATFORM, portals.PLATFORM)
