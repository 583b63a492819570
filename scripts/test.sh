#!/usr/bin/env bash
# Runs every test: core, dashboard (AppTest) and real-browser tests in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
exec .venv/bin/python -m pytest "$@"
