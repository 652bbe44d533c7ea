"""Regenerate templates/nlds/ (NL Design System component CSS, municipality tokens) from node_modules/.

npm ci && python -m scripts.vendor_nlds          # after changing a version in package.json
python -m scripts.vendor_nlds --check            # exit 1 when the committed files are out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.theme.themes import NLDS_DIR
from generator.theme.vendor import generate

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    node_modules = ROOT / "node_modules"
    if not node_modules.is_dir():
        print("node_modules/ not found: run 'npm ci' first", file=sys.stderr)
        return 2
    stale = []
    for rel, text in generate(node_modules).items():
        target = NLDS_DIR / rel
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(rel)
        if "--check" not in argv:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for rel in stale:
        print(("out of date: " if "--check" in argv else "written: ") + f"templates/nlds/{rel}")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
