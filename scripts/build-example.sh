#!/usr/bin/env bash
# Fresh machine -> the bundled example site in site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
# The redaction list is never committed; the example's is made from its documented rule.
[ -f redactions.yaml ] || .venv/bin/python -m scripts.example_redactions
.venv/bin/woosite build "$@"
