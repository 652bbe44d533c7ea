"""Benchmark: build and `woosite check` a site of N generated programme documents (default 2,000).

Run: python bench/woo_check.py [N]. Prints seconds for the build and for the check; results go in bench/RESULTS.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from generator.check.site import run
from generator.content.loader import load_config
from generator.publish.build import BuildOptions, build

DOCUMENT = """---
publisher: Lisse
kind: begroting
year: {year}
programme: {{number: "{number}", title: Programma {number}}}
finance:
  - caption: Lasten, baten en saldo
    unit: 1000
    columns: [{{label: Begroting, kind: amount}}]
    rows:
      - {{label: Lasten, role: lasten, values: [-2113]}}
      - {{label: Baten, role: baten, values: [150]}}
---
## Wat willen we bereiken?

Tekst van programma {number}, zie [de begroting](../).
"""


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "site.yaml").write_text(
            "title: Bench\nbase_url: https://example.org/\nredactions: [{text: Marian Rood}]\n", encoding="utf-8"
        )
        for n in range(count):
            path = project / "content" / f"{2000 + n // 100}" / f"p{n}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(DOCUMENT.format(year=2000 + n // 100, number=n % 100 + 1), encoding="utf-8")
        started = time.perf_counter()
        result = build(BuildOptions(content_dir=project / "content", out_dir=project / "site"))
        built = time.perf_counter() - started
        started = time.perf_counter()
        report = run(project / "site", load_config(project / "site.yaml"))
        checked = time.perf_counter() - started
        assert not report.problems, report.problems[:5]
        print(f"{count} documents, {len(result.files)} files: build {built:.1f} s, check {checked:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
