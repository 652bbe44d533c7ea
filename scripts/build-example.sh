#!/usr/bin/env bash
# Fresh machine -> the bundled example site in site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
.venv/bin/woosite build "$@"
