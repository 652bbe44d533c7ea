"""Several Pagefind indexes of disjoint pages merged into one index, as if Pagefind had indexed all the pages.

Pagefind has no incremental mode, so the build indexes the programme pages in shards and re-indexes only a
shard whose pages changed (generator/outputs/search.py). The browser must still see one index: Pagefind's
own way to combine indexes (``mergeIndex``) searches each one apart, and a word missing from one index makes
it fall back to a shorter word there (its "longest prefix" rule, per index), so merged results differ from
one index's. This module merges at build time instead, in Pagefind's format (1.5: ``pagefind/src/index`` and
``pagefind_web/src`` in its repository):

- ``pagefind.<hash>.pf_meta``: the pages (fragment hash, word count) in page-number order, the index chunks
  (first word, last word, file), the filters (name, file), sorts and the meta fields;
- ``index/<hash>.pf_index``: words in sorted order, each with its pages (page number as a delta from the
  previous page, word positions, meta positions) and its spellings with diacritics (pages likewise);
- ``filter/<hash>.pf_filter``: a filter's values, each with its page numbers;
- ``fragment/<hash>.pf_fragment``: one page's text and metadata, independent of page numbers.

The pages of shard ``n`` follow those of the shards before it, so only page numbers move: a word's pages
from each shard are kept as the bytes Pagefind wrote, and only the delta of each shard's first page is
written anew. Word positions are never decoded. Scores are Pagefind's own (one index: the same page counts
and lengths). Anything unexpected (another Pagefind version, sorts, different meta fields) returns None, and
the caller indexes all pages in one run instead.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from generator.outputs import cbor

ENTRY = "pagefind-entry.json"
FORMAT = "1"
"""This module's way of keeping a shard (``ShardIndex``): part of a shard's key in the cache."""
VERSIONS = ("1.5.2",)
"""Pagefind versions whose index format this module knows."""
CHUNK_BYTES = (16_000, 96_000)
"""Bytes of words per index chunk (before compression): at least, and at most. Between the two, a chunk ends
after a word whose digest ends in a zero hex digit (on average every 16th word), so the bounds depend on the
words and not on the sizes before them: an edit changes the chunks of the words it changes, not every chunk
after them (whose files are then reused, and not read again by the safety net)."""
_LEVEL = 6
"""gzip level of the merged files: level 9 takes 20 times longer on the repetitive index for 1 % less."""

Pages = tuple[int, int, int, int, bytes, bytes]
"""A word's pages in one shard: first page number, last page number, number of pages, length of the first
page's item, the first page's item after its page number, and the items of the other pages."""


@dataclass
class ShardIndex:
    """What one shard's Pagefind index adds to the merged one: read once, when the shard is indexed."""

    version: str
    language: str
    entry: dict[str, object]
    pages: list[list[object]]
    """[fragment hash, word count] per page, in page-number order."""
    meta_fields: list[str]
    words: dict[str, tuple[Pages, dict[str, Pages]]] = field(default_factory=dict)
    """Word -> its pages and its pages per spelling with diacritics."""
    filters: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        path.write_bytes(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))

    @staticmethod
    def load(path: Path) -> ShardIndex | None:
        try:
            loaded = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None
        return loaded if isinstance(loaded, ShardIndex) else None


def read_shard(bundle: Path) -> ShardIndex | None:
    """The index in ``bundle`` (as Pagefind wrote it), or None when its format is not the one known here."""
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        (language, info), *others = entry["languages"].items()
        meta = cbor.read(bundle / f"pagefind.{info['hash']}.pf_meta")
        version, pages, chunks, filters, sorts, meta_fields = meta
        if others or entry.get("version") not in VERSIONS or version not in VERSIONS or sorts:
            return None
        shard = ShardIndex(version, language, entry, pages, meta_fields)
        for _first, _last, chunk in chunks:
            _words(_raw(bundle / "index" / f"{chunk}.pf_index"), shard.words)
        for _name, filter_hash in filters:
            filter_name, values = cbor.read(bundle / "filter" / f"{filter_hash}.pf_filter")
            shard.filters[filter_name] = {value: list(numbers) for value, numbers in values}
    except (cbor.Unsupported, OSError, EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    return shard


@dataclass
class Merged:
    """The merged index's own files and its fragments' sources."""

    files: dict[str, bytes]
    """File below the bundle -> its bytes: CBOR to be packed (``packed``) for Pagefind's files, named by a
    digest of these bytes (so a file of that name in the previous build holds them: no need to pack it again)."""
    fragments: dict[str, Path]
    """Fragment file below the bundle -> the shard's fragment file with its bytes."""

    @staticmethod
    def packed(name: str, data: bytes) -> bytes:
        """The bytes of the file ``name`` in the bundle."""
        return data if name == ENTRY else cbor.pack(data, _LEVEL)


def merge(shards: list[tuple[ShardIndex, Path]]) -> Merged | None:
    """One index of the shards' pages, shard after shard; None when the shards cannot be merged."""
    first = shards[0][0]
    shape = (first.version, first.language, first.meta_fields)
    if any((shard.version, shard.language, shard.meta_fields) != shape for shard, _ in shards):
        return None
    files: dict[str, bytes] = {}
    fragments: dict[str, Path] = {}
    pages: list[list[object]] = []
    offsets = []
    for shard, bundle in shards:
        offsets.append(len(pages))
        for fragment_hash, word_count in shard.pages:
            source = bundle / "fragment" / f"{fragment_hash}.pf_fragment"
            name = _fragment_name(str(fragment_hash), source, fragments, first.language)
            fragments[f"fragment/{name}.pf_fragment"] = source
            pages.append([name, word_count])
    chunks = _chunks(shards, offsets, files, first.language)
    filters = []
    for name in sorted({name for shard, _ in shards for name in shard.filters}):
        values: dict[str, list[int]] = {}
        for (shard, _), offset in zip(shards, offsets, strict=True):
            for value, numbers in shard.filters.get(name, {}).items():
                values.setdefault(value, []).extend(number + offset for number in numbers)
        data = cbor.encode([name, [[value, sorted(values[value])] for value in sorted(values)]])
        filters.append([name, _name(f"filter/{first.language}_", ".pf_filter", data, files)])
    meta = cbor.encode([first.version, pages, chunks, filters, [], first.meta_fields])
    meta_hash = f"{first.language}_{hashlib.sha256(meta).hexdigest()[:16]}"
    files[f"pagefind.{meta_hash}.pf_meta"] = meta
    entry = json.loads(json.dumps(first.entry))
    entry["languages"][first.language].update(hash=meta_hash, page_count=len(pages))
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Merged(files, fragments)


def _fragment_name(name: str, source: Path, taken: dict[str, Path], language: str) -> str:
    """The page's fragment name: Pagefind's, unless another shard has a different fragment by that name."""
    other = taken.get(f"fragment/{name}.pf_fragment")
    if other is None or other == source or other.read_bytes() == source.read_bytes():
        return name
    return f"{language}_{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}"


def _chunks(
    shards: list[tuple[ShardIndex, Path]], offsets: list[int], files: dict[str, bytes], language: str
) -> list[list[str]]:
    """Write the merged words in chunks of about CHUNK_BYTES; the meta's [from, to, file] of each."""
    ranges: list[list[str]] = []
    entries: list[bytes] = []
    words: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal size
        data = cbor.head(4, 1) + cbor.head(4, len(entries)) + b"".join(entries)
        ranges.append([words[0], words[-1], _name(f"index/{language}_", ".pf_index", data, files)])
        entries.clear()
        words.clear()
        size = 0

    for word in sorted({word for shard, _ in shards for word in shard.words}):
        parts: list[tuple[int, Pages]] = []
        variants: dict[str, list[tuple[int, Pages]]] = {}
        for (shard, _), offset in zip(shards, offsets, strict=True):
            found = shard.words.get(word)
            if found is None:
                continue
            pages, spellings = found
            if pages[2]:
                parts.append((offset, pages))
            for form, form_pages in spellings.items():
                if form_pages[2]:
                    variants.setdefault(form, []).append((offset, form_pages))
        entry = [cbor.head(4, 3), cbor.encode(word), _pages(parts), cbor.head(4, len(variants))]
        for form in sorted(variants):
            entry += [cbor.head(4, 2), cbor.encode(form), _pages(variants[form])]
        data = b"".join(entry)
        entries.append(data)
        words.append(word)
        size += len(data)
        if size >= CHUNK_BYTES[1] or (size >= CHUNK_BYTES[0] and hashlib.sha1(word.encode()).digest()[-1] & 15 == 0):
            flush()
    if entries:
        flush()
    _trim(ranges)
    return ranges


def _pages(parts: list[tuple[int, Pages]]) -> bytes:
    """A word's pages from several shards as one list: only each shard's first page number is new."""
    out = [cbor.head(4, sum(pages[2] for _, pages in parts))]
    previous = 0
    for offset, (first, last, _count, length, first_rest, others) in parts:
        out += [cbor.head(4, length), cbor.head(0, first + offset - previous), first_rest, others]
        previous = last + offset
    return b"".join(out)


def _trim(ranges: list[list[str]]) -> None:
    """Shorten the chunk bounds to the shortest prefixes that still tell neighbours apart (as Pagefind
    does: a search for a prefix then loads the chunks that may hold its words)."""
    for left, right in itertools.pairwise(ranges):
        a, b = left[1], right[0]
        common = 0
        while common < min(len(a), len(b)) and a[common] == b[common]:
            common += 1
        if a[: common + 1] >= left[0]:
            left[1] = a[: common + 1]
        right[0] = b[: common + 1]


def _name(prefix: str, suffix: str, data: bytes, files: dict[str, bytes]) -> str:
    """Name a file by a digest of its bytes (longer on a clash, as Pagefind does) and add it to ``files``."""
    digest = hashlib.sha256(data).hexdigest()
    length = 16  # a name is taken as a promise of the bytes (generator/outputs/search.py links by name)
    while f"{prefix}{digest[:length]}{suffix}" in files:
        length += 1
    files[f"{prefix}{digest[:length]}{suffix}"] = data
    return f"{prefix.rsplit('/', 1)[-1]}{digest[:length]}"


def _raw(path: Path) -> bytes:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(cbor.SIGNATURE):
        raise cbor.Unsupported(path)
    return raw


def _words(raw: bytes, words: dict[str, tuple[Pages, dict[str, Pages]]]) -> None:
    """Read an index chunk's words into ``words``, keeping each word's pages as bytes."""
    at = len(cbor.SIGNATURE)
    fixed, at = _array(raw, at)
    count, at = _array(raw, at)
    if fixed != 1:
        raise cbor.Unsupported("index chunk")
    for _ in range(count):
        length, at = _array(raw, at)
        word, at = cbor.decode(raw, at)
        pages, at = _page_list(raw, at)
        spellings: dict[str, Pages] = {}
        if length >= 3:
            variants, at = _array(raw, at)
            for _ in range(variants):
                _two, at = _array(raw, at)
                form, at = cbor.decode(raw, at)
                spellings[form], at = _page_list(raw, at)
        if not isinstance(word, str) or word in words:
            raise cbor.Unsupported("index chunk word")
        words[word] = (pages, spellings)
    if at != len(raw):
        raise cbor.Unsupported("index chunk length")


def _page_list(raw: bytes, at: int) -> tuple[Pages, int]:
    count, at = _array(raw, at)
    first = number = length = 0
    first_rest = b""
    others_start = at
    for index in range(count):
        items, at = _array(raw, at)
        delta, at = _unsigned(raw, at)
        number += delta
        rest_start = at
        for _ in range(items - 1):
            at = _skip_numbers(raw, at)
        if index == 0:
            first, length, first_rest, others_start = number, items, raw[rest_start:at], at
    return (first, number, count, length, first_rest, raw[others_start:at]), at


def _array(raw: bytes, at: int) -> tuple[int, int]:
    head = raw[at]
    if head >> 5 != 4:
        raise cbor.Unsupported("array expected")
    return _argument(raw, at, head & 0x1F)


def _unsigned(raw: bytes, at: int) -> tuple[int, int]:
    head = raw[at]
    if head >> 5 != 0:
        raise cbor.Unsupported("page number expected")
    return _argument(raw, at, head & 0x1F)


def _argument(raw: bytes, at: int, info: int) -> tuple[int, int]:
    if info < 24:
        return info, at + 1
    if info > 27:
        raise cbor.Unsupported("indefinite length")
    size = 1 << (info - 24)
    return int.from_bytes(raw[at + 1 : at + 1 + size], "big"), at + 1 + size


_EXTRA = bytes(0 if info < 24 else 1 << (info - 24) if info < 28 else 255 for info in range(32))
"""Bytes after an integer's head byte, by the head's low five bits (255: not an integer Pagefind writes)."""
_ONE_BYTE = bytes(range(0x18)) + bytes(range(0x20, 0x38))
"""Integers of one byte (-24 to 23): most word positions are small steps from the one before."""


def _skip_numbers(raw: bytes, at: int) -> int:
    """The position after an array of integers (word positions and weight markers)."""
    head = raw[at]
    if head >> 5 != 4:
        raise cbor.Unsupported("array expected")
    count, at = _argument(raw, at, head & 0x1F)
    if not raw[at : at + count].translate(None, _ONE_BYTE):  # all of one byte (checked at C speed)
        return at + count
    for _ in range(count):
        head = raw[at]
        extra = _EXTRA[head & 0x1F]
        if head >> 6 or extra == 255:  # major type 0 or 1 only
            raise cbor.Unsupported("integer expected")
        at += 1 + extra
    return at
