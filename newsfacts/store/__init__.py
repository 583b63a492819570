"""The Parquet store: incremental, atomic ingest and the tables the dashboard reads (docs/store.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from newsfacts.store.ingest import FileReport, IngestReport, Progress, ingest
from newsfacts.store.layout import StoreBusy, StoreDamaged, current_snapshot, default_store_dir, is_under, read_meta
from newsfacts.store.layout import FORMAT_VERSION
from newsfacts.store.load import load_tables, store_is_stale, table_sizes
from newsfacts.store.snapshot import write_snapshot
from newsfacts.store.tables import TABLES

__all__ = [
    "TABLES", "FileReport", "IngestReport", "StoreBusy", "StoreDamaged", "default_store_dir", "ensure_store", "ingest",
    "load_tables", "store_state", "store_is_stale", "table_sizes", "write_snapshot",
]


def ensure_store(store_dir: Path, data_dirs: Iterable[Path], progress: Progress | None = None,
                 on_wait: Callable[[str], None] | None = None) -> IngestReport | None:
    """Brings the store up to date with `data_dirs` when it is stale (each folder's own manifest.csv applies).

    Returns the ingest report, or None when the store was already current. Stored files under `data_dirs` that
    are no longer there are pruned; files stored from anywhere else are kept. The dashboard calls this for its
    default store only (`layout.is_default_store`): a store it did not build it never changes.
    """
    data_dirs = [Path(d) for d in data_dirs]
    if not store_is_stale(store_dir, data_dirs):
        return None
    existing = [d for d in data_dirs if d.exists()]
    return ingest(existing, store_dir=Path(store_dir), prune=True, progress=progress, on_wait=on_wait)


def store_state(store_dir: Path, data_dirs: Iterable[Path]) -> str:
    """For a store something else builds: `missing`, `old-format`, `stale` (it holds files from `data_dirs`, and
    one of them changed since) or `current`. Raises StoreDamaged for a damaged store. Reads only."""
    snapshot = current_snapshot(Path(store_dir))
    if snapshot is None:
        return "missing"
    if read_meta(snapshot)["format_version"] != FORMAT_VERSION:
        return "old-format"
    roots = tuple(str(Path(d).resolve()) for d in data_dirs)
    stored = load_tables(Path(store_dir), {"files": ["file"]})["files"]["file"]
    holds_bundled = any(is_under(str(name), roots) for name in stored)
    return "stale" if holds_bundled and store_is_stale(Path(store_dir), data_dirs) else "current"
