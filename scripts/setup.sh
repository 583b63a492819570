#!/usr/bin/env bash
# Creates .venv with the pinned dependencies: the dashboard's (requirements.txt), and with --dev or --with-browser
# the test tools too (requirements-dev.txt); --with-browser also makes sure Debian's chromium is there;
# --with-scale adds requirements-scale.txt (Dask and fsspec, for `ingest --engine dask` and its tests).
# Safe to run again: it reinstalls only when a requirements file changed, and rebuilds a .venv made by another Python.
# PYTHON=/path/to/python3.X picks the interpreter; otherwise the first of python3, python3.13, python3.12, python3.11
# that is 3.11 or newer.
set -euo pipefail
cd "$(dirname "$0")/.."

MIN_PYTHON="3.11"
dev=0
browser=0
scale=0
for arg in "$@"; do
  case "$arg" in
    --dev) dev=1 ;;
    --with-browser) dev=1; browser=1 ;;
    --with-scale) scale=1 ;;
    *) echo "usage: bash scripts/setup.sh [--dev] [--with-browser] [--with-scale]" >&2; exit 2 ;;
  esac
done

new_enough() {
  "$1" -c "import sys; sys.exit(sys.version_info[:2] < tuple(map(int, '$MIN_PYTHON'.split('.'))))" 2>/dev/null
}

python=""
for candidate in ${PYTHON:-python3 python3.13 python3.12 python3.11}; do
  if command -v "$candidate" >/dev/null && new_enough "$candidate"; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  found=$(${PYTHON:-python3} --version 2>/dev/null || echo "no ${PYTHON:-python3}")
  echo "error: newsfacts needs Python $MIN_PYTHON or newer, and found $found." >&2
  echo "       Install it (Debian/Ubuntu: apt-get install python3.11 python3.11-venv) and run again," >&2
  echo "       or name one: PYTHON=python3.12 bash scripts/setup.sh" >&2
  exit 1
fi
if ! "$python" -c "import ensurepip, venv" 2>/dev/null; then
  echo "error: $python cannot create virtual environments; install python3-venv (Debian/Ubuntu:" >&2
  echo "       apt-get install python3-venv, or python3.X-venv for your version) and run again." >&2
  exit 1
fi

wanted_version=$("$python" -c "import sys; print(sys.version.split()[0])")
if [ -e .venv ]; then
  have_version=$(.venv/bin/python -c "import sys; print(sys.version.split()[0])" 2>/dev/null || echo "broken")
  if [ "$have_version" != "$wanted_version" ]; then
    echo "setup: .venv was made by Python $have_version, not $wanted_version ($python): rebuilding it" >&2
    rm -rf .venv
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi

install() {  # install one requirements file, unless the same version of it is installed already
  local file=$1 stamp=".venv/.installed-$1.sha256" wanted
  wanted=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    rm -f "$stamp"
    .venv/bin/pip install --quiet --disable-pip-version-check -r "$file"
    echo "$wanted" > "$stamp"
  fi
}
install requirements.txt
if [ "$dev" = 1 ]; then
  install requirements-dev.txt
fi
if [ "$scale" = 1 ]; then
  install requirements-scale.txt
fi

if [ "$browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""
  [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
