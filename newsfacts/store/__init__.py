"""The Parquet store: incremental, atomic ingest and the tables the dashboard reads (docs/store.md)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsfacts.store.ingest import FileReport, IngestReport, Progress, ingest
from newsfacts.store.layout import default_store_dir
from newsfacts.store.load import load_tables, store_is_stale, table_sizes
from newsfacts.store.tables import TABLES

__all__ = [
    "TABLES", "FileReport", "IngestReport", "default_store_dir", "ensure_store", "ingest", "load_tables",
    "store_is_stale", "table_sizes",
]


def ensure_store(store_dir: Path, data_dirs: Iterable[Path], progress: Progress | None = None) -> IngestReport | None:
    """Brings the store up to date with `data_dirs` when it is stale (each folder's own manifest.csv applies).

    Returns the ingest report, or None when the store was already current. Files that disappeared
    from `data_dirs` are pruned.
    """
    data_dirs = [Path(d) for d in data_dirs]
    if not store_is_stale(store_dir, data_dirs):
        return None
    existing = [d for d in data_dirs if d.exists()]
    return ingest(existing, store_dir=Path(store_dir), prune=True, progress=progress)
