"""A content file as loaded: its validated front matter with the references resolved, and its Markdown cut into
sections. What every step after loading reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import Problem
from generator.models import FrontMatter, Section
from generator.reference.organisations import Organisation
from generator.reference.taxonomy import InformationCategory


@dataclass(frozen=True)
class SourceDocument:
    """A validated content file, with the references in its front matter resolved."""

    path: Path
    front: FrontMatter
    publisher: Organisation
    category: InformationCategory
    intro: str
    sections: list[Section]
    digest: str
    """SHA-256 of the file's bytes: changes exactly when the content changes."""
    redacted: tuple[str, ...] = ()
    """Woo grounds (e.g. "5.1.2e") of the texts redacted from this document (see content/redaction.py)."""
    redacted_by: str = ""
    """The redaction list (``redaction.list_key``) this document was redacted by: a cached document redacted
    by the same list is not searched again."""
    warnings: tuple[Problem, ...] | None = None
    """What is unfinished in this document (``check.readiness``), found once and kept with it in the cache."""
