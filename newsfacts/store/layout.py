"""Where a store keeps its files, and the atomic swap from one snapshot to the next.

    store_dir/
      CURRENT          name of the live snapshot (one line); readers resolve it, writers swap it
      snap-<id>/       one complete snapshot: <table>.parquet for every table, and meta.json
      .tmp-<id>/       a snapshot being written; left behind only by a run that died
      .lock            held (a POSIX record lock) by the ingest that is running; names its holder; readers never take it

A snapshot is written completely under `.tmp-<id>/`, renamed to `snap-<id>/`, and
published by replacing `CURRENT` with `os.replace`, which is atomic on POSIX: a
reader sees the old snapshot or the new one, never a mix, and a crash at any
point leaves the old one live.

A store whose pointer or metadata cannot be trusted (`CURRENT` missing beside snapshots, empty, not text, not
naming a snapshot of this folder, naming a missing one; `meta.json` missing or garbled) raises `StoreDamaged`:
it is never read as empty and nothing in it is deleted (`newsfacts check` and `newsfacts repair`).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from uuid import uuid4

FORMAT_VERSION = 1
CURRENT = "CURRENT"
SNAPSHOT_PREFIX = "snap-"
TMP_PREFIX = ".tmp-"
LOCK = ".lock"
META = "meta.json"
REPO_ROOT = Path(__file__).resolve().parents[2]
LOCK_POLL_S = 0.2
POINTER_ATTEMPTS = 5


class StoreDamaged(Exception):
    """The store's pointer, metadata or a table file cannot be trusted: it is refused, never read as empty or cleaned."""

    def __init__(self, store_dir: Path, problem: str) -> None:
        super().__init__(f"{store_dir}: {problem}")
        self.store_dir = Path(store_dir)
        self.problem = problem

    def advice(self) -> str:
        store = self.store_dir
        return (f"nothing was changed; see `python -m newsfacts check --store {store}`, and "
                f"`python -m newsfacts repair --store {store}` points CURRENT at the newest complete snapshot")


class StoreBusy(Exception):
    """Another ingest held the store's lock for longer than the caller would wait."""

    def __init__(self, store_dir: Path, holder: str, waited_s: float) -> None:
        super().__init__(f"{store_dir}: still locked after {waited_s:g} s by {holder}")
        self.store_dir = Path(store_dir)
        self.holder = holder


def default_store_dir() -> Path:
    """`$NEWSFACTS_STORE` when set, else `data/store` under the repository root."""
    configured = os.environ.get("NEWSFACTS_STORE")
    return Path(configured) if configured else REPO_ROOT / "data" / "store"


def is_default_store(store_dir: Path) -> bool:
    """True for the store the dashboard builds from the bundled data itself: `data/store` of this repository."""
    return Path(store_dir).resolve() == (REPO_ROOT / "data" / "store").resolve()


def is_under(path: str, roots: tuple[str, ...]) -> bool:
    """True when the resolved `path` is one of the resolved `roots` or lies inside one."""
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def current_snapshot(store_dir: Path) -> Path | None:
    """The live snapshot, with its metadata checked; None for a store that was never written.

    Raises StoreDamaged when the pointer or the snapshot's metadata cannot be trusted.
    """
    store_dir = Path(store_dir)
    for attempt in range(POINTER_ATTEMPTS):
        if not (store_dir / CURRENT).exists():
            if snapshots(store_dir):
                raise StoreDamaged(store_dir, f"{CURRENT} is missing but the folder holds snapshots")
            return None
        name = _pointed_name(store_dir)
        try:
            return _checked_snapshot(store_dir / name)
        except StoreDamaged:
            # An ingest may have published a newer snapshot and deleted this one meanwhile: then follow it.
            if attempt == POINTER_ATTEMPTS - 1 or _pointed_name(store_dir) == name:
                raise
    raise AssertionError("unreachable")


def _checked_snapshot(snapshot: Path) -> Path:
    if not snapshot.is_dir():
        raise StoreDamaged(snapshot.parent, f"{CURRENT} names {snapshot.name}, which does not exist")
    read_meta(snapshot)
    return snapshot


def _pointed_name(store_dir: Path) -> str:
    """The snapshot name `CURRENT` holds, checked to be a plain snapshot name inside the store."""
    try:
        name = (store_dir / CURRENT).read_bytes().decode("utf-8").strip()
    except UnicodeDecodeError:
        raise StoreDamaged(store_dir, f"{CURRENT} is not text") from None
    except OSError as error:
        raise StoreDamaged(store_dir, f"{CURRENT} cannot be read: {error.strerror or error}") from None
    if not name:
        raise StoreDamaged(store_dir, f"{CURRENT} is empty")
    if not name.startswith(SNAPSHOT_PREFIX) or "/" in name or "\\" in name or "\n" in name:
        raise StoreDamaged(store_dir, f"{CURRENT} holds {name[:80]!r}, which is not a snapshot of this store")
    return name


def snapshots(store_dir: Path) -> list[Path]:
    """Every snapshot folder of the store, live or not, by name."""
    if not Path(store_dir).is_dir():
        return []
    return sorted(p for p in Path(store_dir).iterdir() if p.name.startswith(SNAPSHOT_PREFIX) and p.is_dir())


def read_meta(snapshot: Path) -> dict:
    """The snapshot's meta.json; StoreDamaged when it is missing, not JSON or has no format version."""
    path = snapshot / META
    try:
        meta = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise StoreDamaged(snapshot.parent, f"{path.relative_to(snapshot.parent)} is missing") from None
    except (OSError, ValueError) as error:
        raise StoreDamaged(snapshot.parent, f"{path.relative_to(snapshot.parent)} cannot be read: {error}") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("format_version"), int):
        raise StoreDamaged(snapshot.parent, f"{path.relative_to(snapshot.parent)} has no format_version")
    return meta


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
    point_current(store_dir, snapshot)
    remove_unused(store_dir)
    return snapshot


def point_current(store_dir: Path, snapshot: Path) -> None:
    """Makes `snapshot` the live one by replacing `CURRENT` atomically; call only under the lock."""
    pointer = store_dir / f"{TMP_PREFIX}{CURRENT}-{uuid4().hex}"
    pointer.write_text(snapshot.name + "\n", encoding="utf-8")
    _fsync_file(pointer)
    os.replace(pointer, store_dir / CURRENT)
    fsync_dir(store_dir)


def remove_unused(store_dir: Path) -> None:
    """Deletes leftovers of killed runs and snapshots that are no longer live; call only under the lock.

    Deletes nothing at all when the live snapshot cannot be told for sure (a damaged store).
    """
    try:
        live = current_snapshot(store_dir)
    except StoreDamaged:
        return
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


Waiting = Callable[[str], None]

_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


@contextmanager
def ingest_lock(store_dir: Path, timeout_s: float | None = None, on_wait: Waiting | None = None) -> Iterator[None]:
    """Waits until no other ingest writes to this store (at most `timeout_s`, else StoreBusy), then holds it.

    `on_wait(holder)` is called once when the store is busy, with what holds it. The lock is a POSIX record
    lock, which a forked process (a parser worker) does not inherit: it goes with this process, even when
    this process is killed and its workers are not. Threads of one process take turns through a thread lock.
    (A POSIX lock also goes when its process closes any other handle on the file: nothing else opens `.lock`
    while holding it; `lock_holder` is read only by those who wait.)
    """
    store_dir = Path(store_dir)
    store_dir.mkdir(parents=True, exist_ok=True)
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    in_process = _thread_lock(store_dir)
    if not in_process.acquire(blocking=False):
        _notify(on_wait, "another ingest in this process")
        if not in_process.acquire(timeout=-1 if deadline is None else max(0.0, deadline - time.monotonic())):
            raise StoreBusy(store_dir, "another ingest in this process", timeout_s or 0)
    try:
        with open(store_dir / LOCK, "a+", encoding="utf-8") as handle:
            _lock_file(handle, store_dir, deadline, timeout_s, on_wait)
            handle.truncate(0)
            handle.write(f"pid {os.getpid()} since {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC\n")
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)
                handle.flush()
                fcntl.lockf(handle, fcntl.LOCK_UN)
    finally:
        in_process.release()


def _thread_lock(store_dir: Path) -> threading.Lock:
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS.setdefault(str(store_dir.resolve()), threading.Lock())


def _lock_file(handle, store_dir: Path, deadline: float | None, timeout_s: float | None,
               on_wait: Waiting | None) -> None:
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except OSError:
        holder = lock_holder(store_dir)
    _notify(on_wait, holder)
    if deadline is None:
        fcntl.lockf(handle, fcntl.LOCK_EX)
        return
    while True:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            if time.monotonic() >= deadline:
                raise StoreBusy(store_dir, lock_holder(store_dir), timeout_s or 0) from None
            time.sleep(LOCK_POLL_S)


def lock_holder(store_dir: Path) -> str:
    """What holds the store's lock, as the holder wrote it: "ingest pid N since TIME"."""
    try:
        written = (Path(store_dir) / LOCK).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        written = ""
    return f"the ingest with {written}" if written else "another ingest"


def _notify(on_wait: Waiting | None, holder: str) -> None:
    if on_wait is not None:
        on_wait(holder)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
