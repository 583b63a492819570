"""Verifying a store file by file, and repairing its pointer: `newsfacts check` and `newsfacts repair`.

Neither deletes anything. `repair` only points `CURRENT` at the newest snapshot that passes every check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.store import layout, tables


@dataclass(frozen=True)
class CheckReport:
    """What `check_store` found: the live snapshot (None when none could be told) and every problem."""

    store_dir: Path
    snapshot: Path | None
    problems: tuple[str, ...]
    exists: bool = True

    @property
    def ok(self) -> bool:
        return self.exists and not self.problems


@dataclass(frozen=True)
class RepairReport:
    """What `repair_store` did: `before` is what CURRENT held, `snapshot` the one it names now."""

    store_dir: Path
    before: str
    snapshot: Path
    changed: bool


def check_store(store_dir: Path) -> CheckReport:
    """Checks the pointer, the metadata and every row group of every table of the live snapshot."""
    store_dir = Path(store_dir)
    try:
        snapshot = layout.current_snapshot(store_dir)
    except layout.StoreDamaged as damage:
        return CheckReport(store_dir, None, (damage.problem,))
    if snapshot is None:
        return CheckReport(store_dir, None, (), exists=False)
    return CheckReport(store_dir, snapshot, verify_snapshot(snapshot))


def verify_snapshot(snapshot: Path) -> tuple[str, ...]:
    """Every problem of one snapshot: metadata, and each table file missing or not readable to its last row."""
    problems = []
    try:
        layout.read_meta(snapshot)
    except layout.StoreDamaged as damage:
        problems.append(damage.problem)
    for name in tables.SCHEMAS:
        problems += _table_problems(snapshot, name)
    return tuple(problems)


def _table_problems(snapshot: Path, name: str) -> list[str]:
    path = snapshot / f"{name}.parquet"
    where = f"{snapshot.name}/{path.name}"
    if not path.exists():
        return [f"{where} is missing"]
    parts = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    problems = []
    for part in parts:
        try:
            reader = pq.ParquetFile(part)
            for group in range(reader.num_row_groups):
                reader.read_row_group(group)
        except (OSError, pa.ArrowException) as error:
            problems.append(f"{where}{'' if part == path else '/' + part.name} cannot be read: {error}")
    return problems


def repair_store(store_dir: Path) -> RepairReport:
    """Points `CURRENT` at the newest complete snapshot when the live one cannot be used; deletes nothing.

    Raises StoreDamaged when no snapshot of the store passes every check.
    """
    store_dir = Path(store_dir)
    with layout.ingest_lock(store_dir):
        before = _pointer_text(store_dir)
        live = check_store(store_dir)
        if live.ok:
            return RepairReport(store_dir, before, live.snapshot, changed=False)
        for snapshot in sorted(layout.snapshots(store_dir), key=_age, reverse=True):
            if not verify_snapshot(snapshot):
                layout.point_current(store_dir, snapshot)
                return RepairReport(store_dir, before, snapshot, changed=True)
    found = len(layout.snapshots(store_dir))
    raise layout.StoreDamaged(store_dir, f"none of its {found} snapshots is complete, so CURRENT was left as it was; "
                                         "build a new store from the articles with `ingest --out NEW_FOLDER`")


def _pointer_text(store_dir: Path) -> str:
    try:
        return (store_dir / layout.CURRENT).read_bytes().decode("utf-8", errors="replace").strip()
    except OSError:
        return ""


def _age(snapshot: Path) -> tuple[str, float]:
    """Newest first by the ingest time its metadata records, then by the folder's modification time."""
    try:
        written = str(layout.read_meta(snapshot).get("last_ingested_at") or "")
    except layout.StoreDamaged:
        written = ""
    return written, snapshot.stat().st_mtime
