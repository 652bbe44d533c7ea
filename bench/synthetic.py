"""Synthetic projects for benchmarks: the bundled content multiplied into N documents.

Each copy keeps the text and tables of a bundled content file and gets its own publisher and programme
number, so every copy has its own URL and the site has realistic indexes (many publishers, publications).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.content.frontmatter import split
from generator.content.loader import content_files
from generator.reference.organisations import organisations
from scripts import example_redactions

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMES_PER_PUBLICATION = 10
FIRST_YEAR = 2021


def current_municipalities() -> list[str]:
    return sorted(
        o.name
        for o in organisations().values()
        if o.kind == "gemeente" and o.valid_to is None and (o.valid_from or 0) <= FIRST_YEAR
    )


def make_project(target: Path, count: int, source: Path = ROOT / "content") -> Path:
    """Write site.yaml and ``count`` content files below ``target``; return ``target``."""
    templates = [(split(p.read_text(encoding="utf-8")), p) for p in content_files(source)]
    names = current_municipalities()
    if target.exists():
        shutil.rmtree(target)
    (target / "content").mkdir(parents=True)
    shutil.copy(ROOT / "site.yaml", target / "site.yaml")
    for i in range(count):
        parts, _ = templates[i % len(templates)]
        data = dict(parts.data)
        data["publisher"] = names[(i // PROGRAMMES_PER_PUBLICATION) % len(names)]
        data["year"] = FIRST_YEAR + (i // (PROGRAMMES_PER_PUBLICATION * len(names))) % 5
        programme = dict(data.get("programme") or {})
        programme["number"] = str(i % PROGRAMMES_PER_PUBLICATION + 1)
        programme["title"] = f"{programme.get('title', 'Programma')} {i}"
        data["programme"] = programme
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path = target / "content" / f"doc-{i:05d}.md"
        path.write_text(f"---\n{front}---\n{parts.body}", encoding="utf-8")
    example_redactions.write(target)  # the site.yaml copied above names it
    return target
