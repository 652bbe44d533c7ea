"""Write the example site's redaction list (redactions.yaml, git-ignored) from a documented rule.

The example content is public data (the platform exports in ../shared/seeds), but a real site's redaction
list must never be committed, so the example does not commit one either. Its rule, applied to the content:
a person named in a "Programma structuur" block as ``Ambtelijk opdrachtgever`` or ``Programma manager`` is a
civil servant who does not appear in public, redacted under Woo 5.1.2e (the privacy of civil servants);
elected officials (``Bestuurlijk opdrachtgever``: burgemeester, wethouders) stay named.

    python -m scripts.example_redactions            # writes redactions.yaml beside site.yaml
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CIVIL_SERVANT_ROLES = ("Ambtelijk opdrachtgever", "Programma manager")
_DEFINITION = re.compile(r"^(?P<term>[^\n:][^\n]*)\n: (?P<person>[^\n]+)$", re.MULTILINE)


def civil_servants(content_dir: Path) -> list[str]:
    """The names the rule finds in the content files, sorted, each once."""
    names: set[str] = set()
    for path in sorted(content_dir.rglob("*.md")):
        for match in _DEFINITION.finditer(path.read_text(encoding="utf-8")):
            if match["term"].strip() in CIVIL_SERVANT_ROLES:
                names.add(match["person"].strip())
    return sorted(names)


def redactions_yaml(content_dir: Path) -> str:
    lines = [
        "# Redaction list of the example site, made by scripts/example_redactions.py (never commit this file).",
        "redactions:",
        *(f"  - {{text: {json.dumps(n, ensure_ascii=False)}, ground: 5.1.2e}}" for n in civil_servants(content_dir)),
    ]
    return "\n".join(lines) + "\n"


def write(project: Path = ROOT) -> Path:
    target = project / "redactions.yaml"
    target.write_text(redactions_yaml(project / "content"), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(f"wrote {write(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)}")
