"""Lakken: texts that must not be published are replaced by a visible marker with their Woo ground.

``site.yaml`` lists the texts (e.g. a civil servant's name) with their ground (``5.1.2e``). The build
applies them to the loaded content before anything is rendered, so every output (HTML, JSON, CSV, XML,
feed, search index, titles, attributes) carries ``[5.1.2e]`` instead. ``find_leaks`` is the safety net run
on the finished output (by the build and by ``woosite check``): a redacted text that still appears anywhere
is an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import io
import re
import zipfile
from collections.abc import Collection, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from generator.content.source import SourceDocument
from generator.core import fold, urls
from generator.core.digests import digest
from generator.core.errors import BuildError, Problem
from generator.core.parallel import pmap
from generator.core.translation import _
from generator.core.tree import site_paths
from generator.models import FrontMatter, Redaction, Section, SiteConfig

_GROUND = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+))?([a-z]?)$")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_GZIP = b"\x1f\x8b"
_ZIP = b"PK\x03\x04"
_TAG = re.compile(r"<[^<>]{0,2000}>")


def marker(ground: str) -> str:
    """The visible replacement: "[5.1.2e]"."""
    return f"[{ground}]"


def explanation(ground: str, words: Any) -> str:
    """ "5.1.2e" -> "artikel 5.1, tweede lid, onder e, Woo: de eerbiediging van de persoonlijke levenssfeer", in
    the site's words (``redaction`` in templates/strings/<language>.yaml)."""
    text = words.redaction
    match = _GROUND.match(ground)
    reason = text.grounds.get(ground, "")
    if not match:
        return str(text.other).format(ground=ground)
    article, sub, lid, letter = match.groups()
    where = text.article.format(article=f"{article}.{sub}")
    if lid:
        ordinal = text.ordinals.get(lid) or text.ordinal.format(n=lid)
        where += ", " + text.paragraph.format(ordinal=ordinal)
    if letter:
        where += ", " + text.letter.format(letter=letter)
    return str(text.woo).format(where=where) + (f": {reason}" if reason else "")


@cache
def pattern(text: str) -> re.Pattern[str]:
    """Matches ``text`` in folded text (``generator.core.fold``): any letter case, any run of whitespace between
    words, and however the letters are encoded (entities, URL escapes, lookalikes, invisible characters)."""
    return fold.pattern(text)


def appears(text: str, redaction: Redaction) -> bool:
    """Whether a reader of ``text`` would see the redacted text."""
    return pattern(redaction.text).search(fold.fold(text)) is not None


def redact_text(text: str, redactions: Iterable[Redaction]) -> str:
    """Replace every occurrence of every redacted text (longest first, so no part of a longer one survives).

    The match is on the folded text; the characters of the original that spell the name (with any soft
    hyphens, entities, escapes or emphasis inside it) are what is replaced."""
    folded = fold.fold(text)  # once, and again only after a replacement changed the text
    for redaction in sorted(redactions, key=lambda r: -len(r.text)):
        if pattern(redaction.text).search(folded) is None:
            continue
        for start, end in reversed(fold.find_spans(text, pattern(redaction.text))):
            text = text[:start] + marker(redaction.ground) + text[end:]
        folded = fold.fold(text)
    return text


def slug(text: str, redactions: Iterable[Redaction]) -> str:
    """``urls.slugify(text)`` with every redacted name in it replaced by its ground ("…-met-5-1-2e").

    The text itself is redacted already; but an address drops accents and letters outside Latin, so a
    spelling the page rightly keeps ("Alexánder van Mazijk") could still spell a listed name in the page's
    address, its file names and its id in the committed ledger."""
    slugged = urls.slugify(text)
    words = original = slugged.replace("-", " ")
    folded = fold.fold(words)  # searched first: finding the spans costs more, and most addresses hold none
    for redaction in sorted(redactions, key=lambda r: -len(r.text)):
        if pattern(redaction.text).search(folded) is None:
            continue
        for start, end in reversed(fold.find_spans(words, pattern(redaction.text))):
            words = f"{words[:start]} {urls.slugify(redaction.ground)} {words[end:]}"
    return slugged if words == original else urls.slugify(words)


# Fields holding a fixed vocabulary (document kind, column kind, row role), never free text.
VOCABULARY_FIELDS = frozenset({"kind", "role"})


def redact_data(data: Any, redactions: list[Redaction]) -> Any:
    """Every string in nested dicts and lists, redacted (keys included: they can be labels)."""
    if isinstance(data, str):
        return redact_text(data, redactions)
    if isinstance(data, dict):
        return {
            redact_data(k, redactions): v if k in VOCABULARY_FIELDS else redact_data(v, redactions)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [redact_data(v, redactions) for v in data]
    return data


def list_key(redactions: list[Redaction]) -> str:
    """Changes exactly when the list does: what a build's cache and a redacted document are keyed on."""
    return digest(*(f"{r.ground}\0{r.text}" for r in redactions))


def apply(sources: list[SourceDocument], redactions: list[Redaction]) -> list[SourceDocument]:
    """The documents with every text field redacted; each records the grounds applied to it. A document
    already redacted by this list (from the build's cache) is kept as it is."""
    if not redactions:
        return sources
    key = list_key(redactions)
    return [source if source.redacted_by == key else _apply_one(source, redactions, key) for source in sources]


def _apply_one(source: SourceDocument, redactions: list[Redaction], key: str) -> SourceDocument:
    texts = [source.front.model_dump(mode="json"), source.intro, [s.model_dump() for s in source.sections]]
    folded = [fold.fold(t) for t in _strings(texts)]  # each text folded once, then searched for every redaction
    grounds = tuple(sorted({r.ground for r in redactions if any(pattern(r.text).search(f) for f in folded)}))
    if not grounds:
        return dataclasses.replace(source, redacted_by=key)
    front = FrontMatter.model_validate(redact_data(texts[0], redactions))
    sections = [Section.model_validate(s) for s in redact_data(texts[2], redactions)]
    return dataclasses.replace(
        source,
        front=front,
        intro=redact_text(source.intro, redactions),
        sections=sections,
        redacted=grounds,
        redacted_by=key,
        warnings=None,  # found again on the redacted text
    )


def apply_to_config(config: SiteConfig) -> SiteConfig:
    """Site-wide texts (title, description, contact) redacted too; the list of redactions itself is never output."""
    if not config.redactions:
        return config
    data = config.model_dump(mode="json", exclude={"redactions"})
    return SiteConfig.model_validate({**redact_data(data, config.redactions), "redactions": config.redactions})


def _strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield k
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


def searchable(raw: bytes) -> list[str]:
    """A file's bytes as the texts a person would read, folded (``generator.core.fold``): gzip and zip
    (workbooks) unpacked, JSON escapes, entities and URL escapes resolved; a second text without markup tags,
    so ``Zo<b>ë</b>`` is found too. Each copy is let go as soon as the next is made: the site-wide files of a
    large site are tens of megabytes (the DCAT catalog 63 MB at 10,000 documents)."""
    if raw.startswith(_GZIP):
        with contextlib.suppress(OSError, EOFError):
            raw = gzip.decompress(raw)
    elif raw.startswith(_ZIP):  # a workbook (.xlsx): its sheets are compressed XML, unreadable as they lie
        with (
            contextlib.suppress(zipfile.BadZipFile, OSError, EOFError, ValueError),
            zipfile.ZipFile(io.BytesIO(raw)) as z,
        ):
            raw = b"\n".join([raw, *(z.read(member) for member in z.infolist() if not member.is_dir())])
    text = raw.decode("utf-8", errors="ignore")
    del raw
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    tagless = _TAG.sub("", text) if "<" in text else None
    texts = [fold.fold(text)]
    del text
    if tagless is not None:
        texts.append(fold.fold(tagless))
    return texts


def find_leaks(root: Path, redactions: list[Redaction], skip: Collection[str] = ()) -> list[tuple[Path, Redaction]]:
    """Every (file, redaction) where a redacted text still appears in a file below ``root`` or its name.

    ``skip``: site paths of files known to be clean (reused unchanged from a build that was verified).
    """
    if not redactions:
        return []
    files = [path for path in site_paths(root) if path not in skip]

    def found(site_path: str) -> list[int]:
        texts = [*searchable((root / site_path).read_bytes()), fold.fold(site_path)]
        return [n for n, redaction in enumerate(redactions) if any(pattern(redaction.text).search(t) for t in texts)]

    hits = pmap(found, files)  # each file on its own: across cores where that pays
    return [(root / path, redactions[n]) for path, found_in in zip(files, hits, strict=True) for n in found_in]


def leak_problem(path: Path, redaction: Redaction, sources: Collection[Path] = ()) -> Problem:
    """One line naming where the text comes from (the content file and line, when it is in one), the text and
    what to do; else the output file, which then a template or static file must have added."""
    for source, line in _locate(redaction, sources):
        return Problem(
            source,
            line,
            _(
                "'{redaction_text}' (redacted under Woo {redaction_ground} in site.yaml) is written here in a "
                "way the redaction did not replace, and is published in {value}"
            ).format(redaction_text=redaction.text, redaction_ground=redaction.ground, value=path.as_posix()),
            _("write the name plainly so it is redacted, or remove it"),
        )
    return Problem(
        path,
        None,
        _("'{redaction_text}' (redacted under Woo {redaction_ground} in site.yaml) still appears in this file").format(
            redaction_text=redaction.text, redaction_ground=redaction.ground
        ),
        _("remove it from the template or file that adds it; content is redacted automatically"),
    )


def _locate(redaction: Redaction, sources: Collection[Path]) -> Iterable[tuple[Path, int]]:
    """(content file, line) of each source that spells the redacted text: first where only an address would
    (accents and non-Latin letters dropped: the text rightly stays, so its slug is what leaks), then where
    its folded form does."""
    texts = {}
    for source in sources:
        with contextlib.suppress(OSError):
            texts[source] = source.read_text(encoding="utf-8", errors="ignore")
    for source, text in texts.items():
        for number, line in enumerate(text.splitlines(), 1):
            if not appears(line, redaction) and slug(line, [redaction]) != urls.slugify(line):
                yield source, number
    for source, text in texts.items():
        spans = fold.find_spans(text, pattern(redaction.text)) if appears(text, redaction) else []
        if spans:
            yield source, text.count("\n", 0, spans[0][0]) + 1


def verify(
    root: Path, redactions: list[Redaction], reused: Collection[str] = (), sources: Collection[Path] = ()
) -> None:
    """The safety net after the last build step: raise BuildError naming each file that leaks a redacted text.

    Files reused from the previous build were checked when they were made, against the same redactions
    (site.yaml is part of every incremental key), so only the files produced now are read. ``sources``: the
    content files, so a leak that comes from one is reported at its file and line.
    """
    leaks = find_leaks(root, redactions, reused)
    if leaks:
        problems = {str(p): p for path, r in leaks for p in [leak_problem(path.relative_to(root), r, sources)]}
        raise BuildError(list(problems.values()))
