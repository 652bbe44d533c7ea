"""When each document was first published and last changed: the source of ``lastmod``.

The Woo-index re-fetches a document when its sitemap ``lastmod`` changes, so ``lastmod`` must change when,
and only when, the document's content changes: not on every build, and not on a fresh clone in CI. The build
therefore keeps a small ledger beside ``content/`` (``woo-ledger.json``, committed with the content) mapping
each document id to a digest of its published content and two timestamps. A build compares digests and
writes the ledger only when one changed (or a document is new), after the site was swapped in.

The digest covers the document as published (after redaction) except its URLs and import provenance: a new
base URL or a re-export of identical text is not a change; an edited text, table or newly redacted name is.
A document the ledger has not seen gets the platform's ``source.generated`` (else ``source.exported``, else
``dates.published``) as its time, so imported content gets the same lastmod on every machine; only a document
without any of those falls back to the build time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.core import timestamps
from generator.core.atomic import write_atomic
from generator.core.errors import ContentError, Problem
from generator.core.translation import _
from generator.models import Document

FILE_NAME = "woo-ledger.json"
VERSION = 1


@dataclass(frozen=True)
class History:
    """A document's two moments: first publication and last content change (both aware datetimes)."""

    first_published: dt.datetime
    modified: dt.datetime


def content_digest(document: Document) -> str:
    """SHA-256 of the published content, independent of base URL and import provenance."""
    data = document.model_dump(mode="json", by_alias=True, exclude={"urls", "source", "history"})
    for table in data["finance"]:
        for column in table["columns"]:
            # Counts only when true: documents from before the flag existed keep their digest.
            if not column.get("added"):
                column.pop("added", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def first_seen(document: Document, fallback: dt.datetime) -> dt.datetime:
    """The best time for a document the ledger has never seen."""
    source, dates = document.source, document.dates
    for value in (source.generated, source.exported, dates.published):
        if value is not None:
            return timestamps.aware(value)
    return fallback


class Ledger:
    """The ledger file, read once per build and written only when something changed."""

    def __init__(self, path: Path, entries: dict[str, dict[str, str]]) -> None:
        self.path = path
        self.entries = entries
        self.changed = False

    @classmethod
    def load(cls, path: Path) -> Ledger:
        if not path.is_file():
            return cls(path, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["documents"]
            for entry in entries.values():
                _parse(entry["first_published"])
                _parse(entry["modified"])
                if not isinstance(entry["digest"], str):
                    raise TypeError("a digest is not text")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ContentError(
                Problem(
                    path,
                    None,
                    _("the publication ledger is damaged ({exc})").format(exc=exc),
                    _("restore it from version control; deleting it resets every lastmod to the import time"),
                )
            ) from exc
        return cls(path, entries)

    def record(
        self, documents: list[Document], now: dt.datetime, digests: Mapping[str, str] | None = None
    ) -> dict[str, History]:
        """History of every document, updating entries whose content digest changed (``digests``: the ones a
        caller knows already, by document id)."""
        histories: dict[str, History] = {}
        known = digests or {}
        for document in documents:
            digest = known.get(document.id) or content_digest(document)
            entry = self.entries.get(document.id)
            if entry is None:
                when = first_seen(document, now)
                entry = {"digest": digest, "first_published": timestamps.w3c(when), "modified": timestamps.w3c(when)}
                self.entries[document.id] = entry
                self.changed = True
            elif entry["digest"] != digest:
                # Strictly later than before, even for two edits within one second.
                modified = max(now, _parse(entry["modified"]) + dt.timedelta(seconds=1))
                entry.update(digest=digest, modified=timestamps.w3c(modified))
                self.changed = True
            histories[document.id] = History(_parse(entry["first_published"]), _parse(entry["modified"]))
        return histories

    def save(self) -> None:
        """Write the ledger (sorted, one entry per line block, so diffs stay readable) if anything changed."""
        if not self.changed:
            return
        data = {"version": VERSION, "documents": dict(sorted(self.entries.items()))}
        write_atomic(self.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        self.changed = False


def _parse(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"timestamp '{text}' has no offset")
    return value
