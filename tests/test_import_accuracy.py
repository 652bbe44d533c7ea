"""The rule above all, on the real pages of ../shared/exports: no cell is ever published wrong.

The corpus is the measuring stick, not a fixture: it is read where it lies, beside the checkout, and this
test skips where it is not (a plain clone). ``python -m bench.import_accuracy`` prints the whole table.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.import_accuracy import EXPORTS, run


@pytest.mark.skipif(not (EXPORTS / "answers.json").is_file(), reason="../shared/exports is not beside this checkout")
def test_no_cell_of_the_real_pages_is_published_wrong() -> None:
    scores = run(EXPORTS)
    total: Counter[str] = Counter()
    for score in scores:
        total.update(score.counts)
    wrong = [note for score in scores for note in score.notes if note.startswith("wrong")]
    assert total["wrong"] == 0, wrong[:10]
    assert total["exact"] > 0  # the pages were imported and built, not skipped
