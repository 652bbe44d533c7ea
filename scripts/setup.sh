#!/usr/bin/env bash
# Create .venv and install woosite into it. With "test": also what the tests need
# (Python test tools, Debian's Chromium for browser tests, axe-core from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-run}"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$what" = "test" ]; then
  .venv/bin/python -m pip install --quiet -e '.[test]'
  # Browser tests: Debian's Chromium (Playwright never downloads a browser) and axe-core from npm.
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium fonts-dejavu-core"
  if [ -f package.json ] && ! command -v npm >/dev/null 2>&1; then missing="$missing nodejs npm"; fi
  if [ -n "$missing" ]; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
  if [ -f package.json ]; then
    npm ci --no-audit --no-fund --silent
  fi
else
  .venv/bin/python -m pip install --quiet -e .
fi
