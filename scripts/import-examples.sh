#!/usr/bin/env bash
# Regenerate the bundled example content/ from the five real exports in tests/fixtures/seeds (copies of
# ../shared/seeds) with `woosite import`.
# Flags give what a text does not state (see README, "Importing exports"). Pass --force to replace edited files.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${SEEDS:-tests/fixtures/seeds}"
woosite=(python -m generator)
[ -x .venv/bin/python ] && woosite=(.venv/bin/python -m generator)
"${woosite[@]}" import "$seeds"/000_*.txt "$@"
"${woosite[@]}" import "$seeds"/001_*.txt --kind begroting --year 2022 "$@"
"${woosite[@]}" import "$seeds"/002_*.txt --kind voortgangsrapportage --year 2022 "$@"
"${woosite[@]}" import "$seeds"/003_*.txt --publisher "Oude IJsselstreek" "$@"
"${woosite[@]}" import "$seeds"/004_*.txt "$@"
