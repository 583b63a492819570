#!/usr/bin/env bash
# Starts the dashboard on the bundled sample data (the store is built on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run serve.py "$@"
