#!/usr/bin/env bash
# What a newcomer does on a fresh machine: clone the project into an empty folder, then run the README's two
# commands (build the example site, run the tests). Without an argument the clone has no ../shared beside it,
# as a user's clone has not; with --with-shared the workspace's shared folder is linked beside it, as CI has.
# Each way takes one full test run: scripts/newcomer.sh && scripts/newcomer.sh --with-shared
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet "$here" "$work/woosite"
if [ "${1:-}" = "--with-shared" ]; then
  ln -s "$(cd "$here/.." && pwd)/shared" "$work/shared"
fi
cd "$work/woosite"
echo "== $(git log --oneline -1) in $work/woosite ($([ -e ../shared ] && echo 'with' || echo 'without') ../shared)"
./scripts/build-example.sh
./scripts/test.sh
echo "== a newcomer's two commands passed"
