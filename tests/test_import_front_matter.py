"""The direct front-matter writer gives exactly PyYAML's text, or leaves the data to PyYAML."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer import content_file
from generator.importer.content_file import _Flow, yaml_dump
from generator.importer.pipeline import import_text
from tests.generated_exports import exports
from tests.importing import import_seed

texts = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["1", "0.10", "yes", "No", "null", "~", "2021-02-08", "Lasten, baten", "k€ 444", "x: y", "a #b"]),
)
cell = st.one_of(st.none(), st.integers(-(10**12), 10**12), st.floats(allow_nan=False, width=32), texts)


@st.composite
def front(draw: st.DrawFn) -> dict[str, Any]:
    rows = [
        {"label": draw(texts), "role": draw(texts), "values": _Flow(draw(st.lists(cell, min_size=1, max_size=4)))}
        for _ in range(draw(st.integers(1, 3)))
    ]
    return {
        "publisher": draw(texts),
        "year": draw(st.integers(1900, 2100)),
        "programme": {"number": draw(texts), "title": draw(texts)},
        "source": {"file": draw(texts), "exported": draw(st.datetimes(datetime.datetime(2000, 1, 1)))},
        "finance": [{"caption": draw(texts), "unit": 1000, "columns": [{"label": draw(texts)}], "rows": rows}],
    }


@settings(max_examples=300, deadline=None)
@given(front())
def test_direct_writer_equals_pyyaml(data: dict[str, Any]) -> None:
    fast = content_file._fast(data)
    assert fast is None or fast == yaml_dump(data)


def test_direct_writer_takes_the_seeds_and_generated_exports() -> None:
    """The fast path is really used (and equal) on real and generated imports, not only on toy data."""
    seen: list[dict[str, Any]] = []
    render = content_file.render
    try:
        content_file.render = lambda data, blocks: (seen.append(data), render(data, blocks))[1]  # type: ignore[assignment]
        for prefix in ("000", "001", "002", "003", "004"):
            import_seed(prefix)
        for found in exports(40):
            import_text(found.text, found.name)
    finally:
        content_file.render = render  # type: ignore[assignment]
    fast = [content_file._fast(data) for data in seen]
    assert sum(f is not None for f in fast) >= len(seen) - 2
    assert all(f is None or f == yaml_dump(d) for f, d in zip(fast, seen, strict=True))
