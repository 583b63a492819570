#!/usr/bin/env bash
# Runs every test: core, dashboard (AppTest), real-browser tests in Debian's chromium, and the Dask ingest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser --with-scale
exec .venv/bin/python -m pytest "$@"
