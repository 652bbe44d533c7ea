"""bench/RESULTS.md holds one section per benchmark; each benchmark rewrites only its own section."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(heading: str, section: str, path: Path = RESULTS) -> None:
    """Replace the section that starts with ``heading`` (a "## ..." line) or add it; leave the others alone.

    ``section`` starts with the heading and may hold "### ..." subsections, never another "## ...".
    """
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", text).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    path.write_text(text, encoding="utf-8")
