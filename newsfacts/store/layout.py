"""Where a store keeps its files, and the atomic swap from one snapshot to the next.

    store_dir/
      CURRENT          name of the live snapshot (one line); readers resolve it, writers swap it
      snap-<id>/       one complete snapshot: <table>.parquet for every table, and meta.json
      .tmp-<id>/       a snapshot being written; left behind only by a run that died
      .lock            held with flock by the ingest that is running; readers never take it

A snapshot is written completely under `.tmp-<id>/`, renamed to `snap-<id>/`, and
published by replacing `CURRENT` with `os.replace`, which is atomic on POSIX: a
reader sees the old snapshot or the new one, never a mix, and a crash at any
point leaves the old one live.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import uuid4

FORMAT_VERSION = 1
CURRENT = "CURRENT"
SNAPSHOT_PREFIX = "snap-"
TMP_PREFIX = ".tmp-"
LOCK = ".lock"
META = "meta.json"
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_store_dir() -> Path:
    """`$NEWSFACTS_STORE` when set, else `data/store` under the repository root."""
    configured = os.environ.get("NEWSFACTS_STORE")
    return Path(configured) if configured else REPO_ROOT / "data" / "store"


def current_snapshot(store_dir: Path) -> Path | None:
    try:
        name = (store_dir / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    snapshot = store_dir / name
    return snapshot if name and snapshot.is_dir() else None


def read_meta(snapshot: Path) -> dict:
    try:
        return json.loads((snapshot / META).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def write_meta(snapshot: Path, meta: dict) -> None:
    (snapshot / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def new_snapshot_dir(store_dir: Path) -> Path:
    store_dir.mkdir(parents=True, exist_ok=True)
    path = store_dir / f"{TMP_PREFIX}{uuid4().hex}"
    path.mkdir()
    return path


def publish(store_dir: Path, tmp_dir: Path) -> Path:
    """Makes the fully written `tmp_dir` the live snapshot and removes the ones before it."""
    for path in tmp_dir.iterdir():
        _fsync_file(path)
    snapshot = store_dir / f"{SNAPSHOT_PREFIX}{tmp_dir.name.removeprefix(TMP_PREFIX)}"
    os.rename(tmp_dir, snapshot)
    pointer = store_dir / f"{TMP_PREFIX}{CURRENT}-{uuid4().hex}"
    pointer.write_text(snapshot.name + "\n", encoding="utf-8")
    _fsync_file(pointer)
    os.replace(pointer, store_dir / CURRENT)
    _fsync_dir(store_dir)
    remove_unused(store_dir)
    return snapshot


def remove_unused(store_dir: Path) -> None:
    """Deletes leftovers of killed runs and snapshots that are no longer live; call only under the lock."""
    live = current_snapshot(store_dir)
    for path in store_dir.iterdir():
        unused_snapshot = path.name.startswith(SNAPSHOT_PREFIX) and path != live
        if path.name.startswith(TMP_PREFIX) or unused_snapshot:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def touch_current(store_dir: Path) -> None:
    """Marks the live snapshot as checked now (store_is_stale compares against this time)."""
    os.utime(store_dir / CURRENT)


def last_checked(store_dir: Path) -> float | None:
    try:
        return (store_dir / CURRENT).stat().st_mtime
    except FileNotFoundError:
        return None


@contextmanager
def ingest_lock(store_dir: Path) -> Iterator[None]:
    """Blocks until no other ingest writes to this store."""
    store_dir.mkdir(parents=True, exist_ok=True)
    with open(store_dir / LOCK, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
