"""A document's publication facts as published: the ledger's first publication and last change, and
``dates.published`` filled from the ledger when the front matter gives none.

Imported documents carry no dates of their own; the ledger knows when this site first published them
(the platform's build time for imported content), so JSON, catalog and pages all say it, and a harvester
can sync on ``modified``. The content digest ignores these facts (they are about the content, not in it).
"""

from __future__ import annotations

from generator.core import timestamps
from generator.models import Document, PublicationHistory
from generator.structure.ledger import History


def published(document: Document, history: History) -> Document:
    """``document`` with its publication history, and ``dates.published`` from the ledger if not given."""
    dates = document.dates
    if dates.published is None:
        dates = dates.model_copy(update={"published": history.first_published.astimezone(timestamps.LOCAL).date()})
    facts = PublicationHistory(first_published=history.first_published, modified=history.modified)
    return document.model_copy(update={"dates": dates, "history": facts})
