#!/usr/bin/env bash
# Fresh machine -> everything the tests need installed, then lint, type checks and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
echo "== ruff"; .venv/bin/ruff check generator tests scripts bench
.venv/bin/ruff format --check generator tests scripts bench
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/pytest "$@"
