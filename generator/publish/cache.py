"""The cache folder (``.woosite-cache/`` beside ``content/``): loaded documents and the last build's record.

Loaded (validated, redacted) documents are kept by file path and content digest (and site.yaml and
woosite's code), so an unchanged file is not parsed again; one file per
document (``documents/<inputs>/``), so an edit writes one file, not the whole cache. The record
of the last successful build into an output folder says which files each unit produced, so the next
build can reuse unchanged ones instead of producing them.
Everything is written only after a successful build, atomically; a missing or unreadable cache just
means a full build.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

from generator.content import redaction
from generator.content.loader import LoadAll, Loaded, load_or_problems
from generator.content.source import SourceDocument
from generator.core.atomic import write_atomic
from generator.core.digests import digest, file_digest
from generator.core.errors import Problem
from generator.core.parallel import pmap
from generator.core.reporting import Reporter
from generator.core.translation import _
from generator.core.tree import site_paths
from generator.incremental.keys import site_key
from generator.incremental.previous import BuildRecord, PreviousBuild
from generator.models import SiteConfig
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import content_digest
from generator.structure.site import Site

DOCUMENTS = "documents"


class PublishedDigests:
    """The ledger's content digest of every document, worked out once per version of its file: a document as
    published is made of its file, its place and the build's inputs (site.yaml, redactions, code). Kept in
    the preview's memory, and in the cache folder between builds (``FILE``): digesting every document as
    published took 2 s of every build at 10,000 documents."""

    FILE = "published.json"

    def __init__(self, inputs: str = "", known: dict[str, str] | None = None) -> None:
        self.inputs = inputs
        self.known = known or {}

    def of(self, site: Site, inputs: str) -> dict[str, str]:
        """Document id -> its content digest; only the documents new since the last call are digested."""
        known = self.known if inputs == self.inputs else {}
        digests, kept = {}, {}
        for page in site.documents:
            key = f"{page.source.path}\0{page.source.digest}\0{page.path}"
            found = known.get(key) or content_digest(page.document)
            digests[page.document.id] = kept[key] = found
        self.inputs, self.known = inputs, kept
        return digests

    def save(self, folder: Path) -> None:
        write_atomic(folder / self.FILE, json.dumps({"inputs": self.inputs, "known": self.known}).encode("utf-8"))

    @classmethod
    def load(cls, folder: Path) -> PublishedDigests:
        """The digests the last build kept there (none when the file is missing or unreadable)."""
        try:
            data = json.loads(_read(folder / cls.FILE) or "{}")
            inputs, known = data["inputs"], data["known"]
        except (ValueError, KeyError, TypeError):
            return cls()
        if not isinstance(inputs, str) or not isinstance(known, dict):
            return cls()
        return cls(inputs, {str(k): str(v) for k, v in known.items()})


class WarmDocuments:
    """Loaded documents kept in memory between the builds of one process (``woosite serve``).

    A file whose size and modification time are unchanged is not even read again; the documents are
    not written to the cache folder (the preview's folder is thrown away at the end anyway).
    """

    def __init__(self) -> None:
        self.inputs = ""
        self.documents: dict[str, SourceDocument] = {}
        self.seen: dict[Path, tuple[int, int, str]] = {}
        """Content file -> (size, mtime_ns, SHA-256) when it was last read."""
        self.records: dict[Path, BuildRecord] = {}
        """The last build's record by its file, as written: not read back from JSON on every save."""
        self.published = PublishedDigests()
        """The ledger's digest of each document as published (see ``PublishedDigests``)."""

    def digest(self, path: Path) -> str:
        st = path.stat()
        known = self.seen.get(path)
        if known is not None and known[:2] == (st.st_size, st.st_mtime_ns):
            return known[2]
        found = file_digest(path)
        self.seen[path] = (st.st_size, st.st_mtime_ns, found)
        return found


class BuildCache:
    """One build's view of the cache folder; ``folder=None`` keeps nothing, ``clean`` reads nothing."""

    def __init__(
        self, folder: Path | None, out_dir: Path, inputs: str, clean: bool = False, warm: WarmDocuments | None = None
    ) -> None:
        self.folder = folder
        self.warm = warm
        self.clean = clean
        self.out_dir = out_dir.resolve()
        self.inputs = inputs
        self.documents: dict[str, SourceDocument] = {}
        self.loaded: dict[str, SourceDocument] = {}
        self.fresh: set[Path] = set()
        """The content files read in this build, not taken from the cache: new and edited ones."""
        self._digests: dict[Path, str] = {}
        self.previous: PreviousBuild | None = None
        self._published = warm.published if warm is not None else None
        if folder is None or clean:
            return
        kept = warm.records.get(self._record_file()) if warm is not None else None
        if kept is not None:
            self.previous = PreviousBuild(self.out_dir, kept) if kept.inputs == inputs else None
        elif (found := BuildRecord.from_json(_read(self._record_file()) or "")) is not None:
            record, units = found
            if record.inputs == inputs:
                units_file = self._units_file()
                self.previous = PreviousBuild(
                    self.out_dir, record, lambda: BuildRecord.units_from_json(_read(units_file), units)
                )
        if warm is not None:
            self.documents = warm.documents if warm.inputs == inputs else {}

    @property
    def published(self) -> PublishedDigests:
        """The ledger's digests kept by the last build: read when first needed (a build that finds nothing
        changed needs none)."""
        if self._published is None:
            folder = None if self.clean else self.folder
            self._published = PublishedDigests.load(folder) if folder is not None else PublishedDigests()
        return self._published

    @property
    def _documents_folder(self) -> Path:
        assert self.folder is not None
        return self.folder / DOCUMENTS / self.inputs[:32]

    def _cached(self, key: str) -> SourceDocument | None:
        """The document loaded by an earlier build (this process's, or kept in the cache folder)."""
        if self.warm is not None or self.folder is None or self.clean:
            return self.documents.get(key)
        try:
            found = pickle.loads((self._documents_folder / _file_name(key)).read_bytes())
        except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        if not isinstance(found, SourceDocument):
            return None
        self.documents[key] = found
        return found

    def file_digest(self, path: Path) -> str:
        """A content file's SHA-256, read once per build (in a warm process, once per version of the file):
        the build's digest of what it read and the documents' cache keys are the same digest."""
        if self.warm is not None:
            return self.warm.digest(path)
        found = self._digests.get(path)
        if found is None:
            found = self._digests[path] = file_digest(path)
        return found

    def loader(self, report: Reporter) -> LoadAll:
        """A ``load_all`` for ``load_documents`` that shows its progress."""

        def load_all(paths: list[Path], config: SiteConfig) -> list[Loaded]:
            report.phase(_("Reading content"), len(paths))
            return self.load_all(paths, config, report.advance)

        return load_all

    def load_all(self, paths: list[Path], config: SiteConfig, done: Callable[[int], None]) -> list[Loaded]:
        """Load content files: unchanged ones from the cache, the others in parallel."""
        results: dict[Path, Loaded] = {}
        missing: list[Path] = []
        for path in paths:
            try:
                key = _document_key(path, self.file_digest(path))
            except OSError:
                missing.append(path)
                continue
            cached = self._cached(key)
            if cached is None:
                missing.append(path)
            else:
                results[path] = cached
                done(1)
        self.fresh.update(missing)
        for path, loaded in zip(missing, pmap(lambda p: load_redacted(p, config), missing, done), strict=True):
            results[path] = loaded
        for loaded in results.values():
            if isinstance(loaded, SourceDocument):
                self.loaded[_document_key(loaded.path, loaded.digest)] = loaded
        return [results[path] for path in paths]

    def remember(self, documents: list[SourceDocument]) -> None:
        """Keep the documents as the build goes on to use them (redacted, with their warnings) in place of
        those loaded: the next build takes them as they are."""
        for document in documents:
            self.loaded[_document_key(document.path, document.digest)] = document

    def up_to_date(self, site: Site) -> bool:
        """The output folder already holds exactly this site: nothing to build."""
        return self.previous is not None and self.previous.up_to_date(self.inputs, site_key(site))

    def expected_files(self) -> int | None:
        """How many files the previous build wrote: the best guess of this build's total, for progress."""
        return len(self.previous.record.files) or None if self.previous else None

    def record(self) -> BuildRecord:
        assert self.previous is not None
        return self.previous.record

    def note_sources(self, sources: str, unfinished: list[Problem]) -> None:
        """A build found the output up to date after reading the content: record what it read, so the
        next one need not read it."""
        if self.previous is not None and sources and self.previous.record.sources != sources:
            record = self.previous.record
            record.sources, record.unfinished = sources, [_stored(w) for w in unfinished]
            record.units = self.previous.units
            self._write_record(record)

    def unchanged(self, sources: str) -> bool:
        """The last build into this output folder read exactly this (``PreviousBuild.unchanged``)."""
        return self.warm is None and self.previous is not None and self.previous.unchanged(sources)

    def save(self, site: Site, out: OutputWriter, sources: str = "", unfinished: list[Problem] | None = None) -> None:
        """Remember what this (successful) build produced; call after the output folder was swapped in.
        ``sources``: the digest of what it read (``BuildRecord.sources``); ``unfinished``: its readiness warnings."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        record = BuildRecord(
            inputs=self.inputs,
            site=site_key(site),
            documents=len(site.documents),
            warnings=[_stored(w) for w in out.warnings],
            sources=sources,
            unfinished=[_stored(w) for w in unfinished or []],
        )
        on_disk = site_paths(self.out_dir)
        if set(on_disk) == set(out.written):
            # Files a step wrote without telling the writer cannot be reused: then nothing is.
            record.units = out.units
            root = str(self.out_dir)
            # A reused file is a link to the previous build's, found intact (this size and time) before it was
            # linked: its entry carries over without asking the file system again (60,000 of them at 10,000).
            before = self.previous.record.files if self.previous is not None else {}
            for site_path in on_disk:
                kept = before.get(site_path) if site_path in out.reused else None
                if kept is None:
                    st = os.stat(f"{root}/{site_path}")
                    kept = (st.st_size, st.st_mtime_ns)
                record.files[site_path] = kept
        self._write_record(record)
        if self.warm is not None:
            self.warm.records[self._record_file()] = record
            self.warm.inputs, self.warm.documents = self.inputs, self.loaded
        else:
            self.published.save(self.folder)
            self._save_documents()

    def content_digests(self, site: Site) -> dict[str, str]:
        """The ledger's content digest of every document (``PublishedDigests.of``)."""
        return self.published.of(site, self.inputs)

    def _save_documents(self) -> None:
        """Write the documents not read from the cache folder as they are now (each whole or not at all:
        through a temporary file and a rename); remove everything else there, a killed build's leftovers too."""
        folder = self._documents_folder
        folder.mkdir(parents=True, exist_ok=True)
        for key, document in self.loaded.items():
            if self.documents.get(key) is not document:
                name = _file_name(key)
                temporary = folder / f".{name}.{os.getpid()}.tmp"
                temporary.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(temporary, folder / name)
        kept = {_file_name(key) for key in self.loaded}
        for path in folder.iterdir():
            if path.name not in kept:
                path.unlink(missing_ok=True)
        for other in folder.parent.iterdir():  # documents loaded with other inputs (code, site.yaml)
            if other != folder:
                shutil.rmtree(other, ignore_errors=True)

    def _record_file(self) -> Path:
        assert self.folder is not None
        return self.folder / f"build-{digest(str(self.out_dir))[:16]}.json"

    def _units_file(self) -> Path:
        return self._record_file().with_suffix(".units.json")

    def _write_record(self, record: BuildRecord) -> None:
        """The units first, then the record naming their digest: a build killed between the two leaves a
        record whose units do not match, and then nothing is reused."""
        text, units = record.to_json()
        write_atomic(self._units_file(), units.encode("utf-8"))
        write_atomic(self._record_file(), text.encode("utf-8"))


def load_redacted(path: Path, config: SiteConfig) -> Loaded:
    """Load one content file and redact it, so the cache keeps it redacted (in a worker process when many
    files are read: ``load_documents`` then finds each redacted already). Its Markdown is rendered when its
    page is (render/markdown.py), not kept: the rendered HTML of every document was a third of the memory of
    the loaded site, for the few pages of unchanged documents a rebuild renders again."""
    loaded = load_or_problems(path, config)
    if isinstance(loaded, SourceDocument):
        (loaded,) = redaction.apply([loaded], config.redactions)
    return loaded


def _stored(problem: Problem) -> tuple[str | None, int | None, str, str]:
    return (str(problem.path) if problem.path else None, problem.line, problem.message, problem.hint)


def _document_key(path: Path, content_digest: str) -> str:
    return f"{path}\0{content_digest}"


def _file_name(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".pickle"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
