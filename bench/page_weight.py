"""Page weight of the built example site: what a phone downloads for each page type.

Builds the content (default: the bundled example) into a temporary folder, then for one page of every
type adds up the HTML and every file it references (stylesheets, scripts, icon), raw and gzip-compressed
(what a host sends). For the search page it also counts what the first search fetches (Pagefind's
runtime, its WebAssembly and the index). Writes a "Page weight" section into bench/RESULTS.md, keeping
the file's other sections.

    python -m bench.page_weight [--content content]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import html

from bench.results import write_section
from generator.core.urls import NOT_FOUND, STANDARD_PAGES
from generator.publish.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Page weight"


@dataclass(frozen=True)
class Weight:
    page: str
    html: int
    assets: int
    total: int
    total_gzip: int
    files: int


def referenced(site: Path, page: Path) -> list[Path]:
    """Same-site files a page loads: stylesheets, scripts, icons."""
    doc = html.fromstring(page.read_bytes())
    refs = doc.xpath("//link[@rel='stylesheet' or @rel='icon']/@href | //script/@src")
    return [site / ref.lstrip("/") for ref in refs]


def weigh(site: Path, name: str, path: str, extra: list[Path] | None = None) -> Weight:
    page = site / (path + "index.html" if path.endswith("/") or not path else path)
    files = [page, *referenced(site, page), *(extra or [])]
    raw = [f.read_bytes() for f in files]
    return Weight(
        page=name,
        html=len(raw[0]),
        assets=sum(len(r) for r in raw[1:]),
        total=sum(len(r) for r in raw),
        total_gzip=sum(len(gzip.compress(r, 6)) for r in raw),
        files=len(files),
    )


def first_search(site: Path) -> list[Path]:
    """What Pagefind fetches for a first query on a small site: runtime, wasm, metadata, index, filters."""
    bundle = site / "pagefind"
    patterns = ["pagefind.js", "pagefind-entry.json", "wasm.*.pagefind", "pagefind.*.pf_meta", "index/*", "filter/*"]
    found = {p for pattern in patterns for p in bundle.glob(pattern) if p.is_file() and "unknown" not in p.name}
    return sorted(found)


def measure(content: Path) -> tuple[list[Weight], int]:
    with tempfile.TemporaryDirectory() as tmp:
        result = build(BuildOptions(content_dir=content, out_dir=Path(tmp) / "site"))
        site = Path(tmp) / "site"
        first = result.site.documents[0]
        publisher, publication = first.path.split("/")[:2]
        pages = {
            "home": "",
            "publisher": f"{publisher}/",
            "publication": f"{publisher}/{publication}/",
            "programme (largest)": max(
                (d.path for d in result.site.documents), key=lambda p: (site / p / "index.html").stat().st_size
            ),
            **{name.replace("_", " "): path for name, path in STANDARD_PAGES.items()},
            "404": NOT_FOUND,
        }
        weights = [weigh(site, name, path) for name, path in pages.items()]
        weights.append(weigh(site, "search, after a first query", STANDARD_PAGES["search"], first_search(site)))
        return weights, len(result.site.documents)


def kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def report(weights: list[Weight], documents: int, content: Path) -> str:
    lines = [
        HEADING,
        "",
        f"Produced by `python -m bench.page_weight` on `{content.name}/` ({documents} documents). Sizes in kB",
        "(1 kB = 1000 bytes): the page's HTML, the files it loads (stylesheet, icon, scripts), and the total",
        "raw and gzip-compressed as a host sends it. No web fonts, no framework CSS, no third-party files.",
        "",
        "| page | HTML | assets | total | total (gzip) | files |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for w in weights:
        lines.append(f"| {w.page} | {kb(w.html)} | {kb(w.assets)} | {kb(w.total)} | {kb(w.total_gzip)} | {w.files} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    weights, documents = measure(args.content)
    section = report(weights, documents, args.content.resolve())
    write_section(HEADING, section)
    print(section)


if __name__ == "__main__":
    main()
