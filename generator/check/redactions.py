"""No text listed under ``redactions`` in site.yaml appears anywhere in the built site."""

from __future__ import annotations

from generator import redaction
from generator.check.site_files import SiteFiles
from generator.errors import Problem
from generator.models import Redaction


def check(site: SiteFiles, redactions: list[Redaction]) -> list[Problem]:
    return [redaction.leak_problem(path, r) for path, r in redaction.find_leaks(site.root, redactions)]
