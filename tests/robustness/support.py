"""Helpers for the robustness and hostile-input browser tests: the real CLI in a subprocess, stores built by it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from newsfacts.store import load_tables

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
BAD = ROOT / "tests" / "fixtures" / "bad"
HOSTILE = BAD / "hostile"
CLI_TIMEOUT_S = 300


def run_cli(*args: str | Path) -> subprocess.CompletedProcess:
    """`python -m newsfacts ARGS` from the repository root, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "newsfacts", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=CLI_TIMEOUT_S,
    )


def seed_rows(store: Path, seed_ids: set[str]) -> dict[str, pd.DataFrame]:
    """The rows of every per-article and mention table that belong to `seed_ids`, in a stable order.

    Event ids are left out: events are rebuilt over all mentions, so they may merge with new ones.
    """
    tables = load_tables(store)
    rows = {}
    for name in ("articles", "sentences", "article_countries", "people", "dialogue_mentions", "deal_mentions"):
        frame = tables[name]
        frame = frame[frame["article_id"].isin(seed_ids)].drop(columns=["event_id"], errors="ignore")
        rows[name] = frame.sort_values(list(frame.columns[:3])).reset_index(drop=True).astype(str)
    return rows


def store_files(store: Path) -> dict[str, str]:
    """Every file of a store (but the lock's holder note) with a hash of its bytes: what must not change."""
    return {str(path.relative_to(store)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(store.rglob("*")) if path.is_file() and path.name != ".lock"}


def seeded_store(folder: Path) -> tuple[Path, set[str]]:
    """A store in `folder` that holds a private copy of the seed articles; returns it and the seeds' article ids."""
    seeds = Path(shutil.copytree(SEEDS, folder / "seeds"))
    store = folder / "store"
    result = run_cli("ingest", seeds, "--out", store)
    assert result.returncode == 0, result.stdout + result.stderr
    seed_ids = set(load_tables(store)["articles"]["article_id"])
    assert len(seed_ids) == 2
    return store, seed_ids



def hostile_store(folder: Path) -> Path:
    """A store in `folder` holding the seeds and the hostile articles (script, Markdown and formula payloads)."""
    store = folder / "hostile-store"
    result = run_cli("ingest", SEEDS, HOSTILE, "--out", store)
    assert result.returncode == 0, result.stdout + result.stderr
    return store


@contextmanager
def streamlit_server(store: Path, log_path: Path, env: dict[str, str] | None = None
                     ) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run serve.py` on a free 127.0.0.1 port with NEWSFACTS_STORE=`store` (and `env`); yields its URL
    and process."""
    from tests.browser.conftest import HOST, free_port, server_command, wait_until_healthy

    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            server_command(port), cwd=ROOT, env={**os.environ, "NEWSFACTS_STORE": str(store), **(env or {})}, stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://{HOST}:{port}"
        try:
            wait_until_healthy(url, server)
            yield url, server
        finally:
            server.terminate()
            server.wait(timeout=20)


WARMED_UP = "store loaded at start-up"


def warm_up_line(log_path: Path, timeout_s: float = 600) -> str:
    """The line `serve.py` logs once it has loaded the store at start-up ("" if none came within the timeout)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for line in log_path.read_text(encoding="utf-8").splitlines():
            if WARMED_UP in line:
                return line
        time.sleep(0.2)
    return ""
