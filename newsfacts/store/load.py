"""Reading the live snapshot into pandas, and deciding when the store must be rebuilt."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from newsfacts.store import layout, tables

READ_ATTEMPTS = 5


def load_tables(store_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of the contract as a DataFrame; empty frames with the right columns when there is no store.

    List columns hold Python lists, nullable integers are `Int64`, `date_start` is datetime64.
    Needs no lock: it opens every file of the live snapshot first (an open file stays readable
    when a newer ingest deletes it), and resolves `CURRENT` again if the snapshot went away.
    """
    for attempt in range(READ_ATTEMPTS):
        snapshot = layout.current_snapshot(Path(store_dir))
        if snapshot is None:
            return {name: to_frame(schema.empty_table()) for name, schema in tables.SCHEMAS.items()}
        with ExitStack() as stack:
            try:
                handles = {name: [stack.enter_context(open(p, "rb")) for p in _parts(snapshot / f"{name}.parquet")]
                           for name in tables.SCHEMAS}
            except FileNotFoundError:
                if attempt == READ_ATTEMPTS - 1:
                    raise
                continue
            return {name: to_frame(_read(name, parts)) for name, parts in handles.items()}
    raise AssertionError("unreachable")


def _parts(path: Path) -> list[Path]:
    """A table is one Parquet file, or a folder of part files."""
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def _read(name: str, parts: list[BinaryIO]) -> pa.Table:
    schema = tables.SCHEMAS[name]
    table = pa.concat_tables([pq.read_table(part) for part in parts], promote_options="default") if parts else schema.empty_table()
    for field in schema:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(table.num_rows, field.type))
    return table


def to_frame(table: pa.Table) -> pd.DataFrame:
    frame = table.to_pandas(types_mapper=_nullable_ints, date_as_object=False)
    for field in table.schema:
        if pa.types.is_list(field.type):
            frame[field.name] = [list(v) if v is not None else [] for v in table.column(field.name).to_pylist()]
    return frame


def _nullable_ints(arrow_type: pa.DataType):
    return pd.Int64Dtype() if pa.types.is_integer(arrow_type) else None


def table_sizes(store_dir: Path) -> dict[str, int]:
    """Row count of every table, read from Parquet footers only (a table may be one file or a folder of parts)."""
    snapshot = layout.current_snapshot(Path(store_dir))
    if snapshot is None:
        return dict.fromkeys(tables.SCHEMAS, 0)
    return {name: ds.dataset(snapshot / f"{name}.parquet").count_rows() for name in tables.SCHEMAS}


def store_is_stale(store_dir: Path, data_dirs: Iterable[Path]) -> bool:
    """True when there is no usable store, or an article, manifest or folder under `data_dirs` changed after it."""
    store_dir = Path(store_dir)
    snapshot = layout.current_snapshot(store_dir)
    checked = layout.last_checked(store_dir)
    if snapshot is None or checked is None:
        return True
    if layout.read_meta(snapshot).get("format_version") != layout.FORMAT_VERSION:
        return True
    return any(path.stat().st_mtime > checked for path in _inputs(data_dirs))


def _inputs(data_dirs: Iterable[Path]) -> list[Path]:
    from newsfacts.read import discover

    folders = [Path(d) for d in data_dirs if Path(d).is_dir()]
    subfolders = [p for folder in folders for p in folder.rglob("*") if p.is_dir()]
    manifests = [p for folder in folders for p in folder.rglob("manifest.csv")]
    return [*folders, *subfolders, *manifests, *discover(folders)]
