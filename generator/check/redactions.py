"""No text listed under ``redactions`` in site.yaml appears anywhere in the built site."""

from __future__ import annotations

from generator.check.site_files import SiteFiles
from generator.content import redaction
from generator.core.errors import Problem
from generator.models import Redaction


def check(site: SiteFiles, redactions: list[Redaction]) -> list[Problem]:
    return [redaction.leak_problem(path, r) for path, r in redaction.find_leaks(site.root, redactions)]
