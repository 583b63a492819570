"""A two-worker ingest killed by SIGKILL or SIGTERM leaves no lock behind and no worker alive; a waiting ingest
says what it waits for and gives up after --lock-timeout."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts.store import ingest, load_tables
from newsfacts.store.layout import ingest_lock
from tests.robustness.support import ROOT, SEEDS, run_cli
from tests.store.conftest import write_corpus

GONE_WITHIN_S = 60


def children_of(pid: int) -> set[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of `pids` still running (a zombie counts as gone)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def wait_until_gone(pids: set[int]) -> set[int]:
    deadline = time.monotonic() + GONE_WITHIN_S
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive(pids)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_two_worker_ingest_leaves_the_store_unlocked_and_no_worker_behind(tmp_path: Path, sig):
    store = tmp_path / "store"
    ingest([SEEDS], store_dir=store)
    corpus = write_corpus(tmp_path / "big", 3000)
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfacts", "ingest", str(corpus), "--out", str(store), "--workers", "2"],
        cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    for line in process.stderr:
        progress = re.match(r"ingest: (\d+)/3000", line)
        if progress and int(progress.group(1)) > 0:
            break
    workers = children_of(process.pid)
    assert len(workers) >= 2, "the ingest should be parsing in two workers"
    process.send_signal(sig)
    process.wait(timeout=60)
    process.stdout.close()
    process.stderr.close()

    assert wait_until_gone(workers) == set(), "workers outlived the killed ingest"
    after = run_cli("ingest", write_corpus(tmp_path / "small", 2, start=5000), "--out", store, "--lock-timeout", "60")
    assert after.returncode == 0, after.stdout + after.stderr
    assert "waiting" not in after.stderr
    assert len(load_tables(store)["articles"]) == 4
    assert not list(store.glob(".tmp-*"))


def test_a_waiting_ingest_names_the_holder_and_gives_up_after_its_timeout(tmp_path: Path):
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "c", 2)
    with ingest_lock(store):
        result = run_cli("ingest", corpus, "--out", store, "--lock-timeout", "1")
    assert result.returncode == 6, result.stdout + result.stderr
    assert f"waiting for the ingest with pid {os.getpid()} since" in result.stderr
    assert "still locked after 1 s" in result.stderr and "Traceback" not in result.stderr
    assert not (store / "CURRENT").exists()
