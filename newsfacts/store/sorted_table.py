"""A Parquet table written sorted by its key columns in bounded memory, for reads that filter on the first key.

Rows are spilled to Arrow files in buckets by the first character of the first key (a hex hash spreads
them evenly), and each bucket is sorted and written at `close`, in key order. Row groups end only where
the first key changes, so all rows of one key value sit in one row group (unless they alone exceed it),
and Parquet's per-row-group statistics let a filter on that key read a single row group.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


class SortedTableWriter:
    """Collects tables with `write_table`; `close` writes them to `path` sorted by `keys`."""

    def __init__(self, path: Path, schema: pa.Schema, keys: tuple[str, ...], row_group_rows: int) -> None:
        self.path = path
        self.schema = schema
        self.keys = keys
        self.row_group_rows = row_group_rows
        self.spill_dir = path.with_name(f".{path.name}.spill")
        self.spill_dir.mkdir()
        self.buckets: dict[str, pa.ipc.RecordBatchFileWriter] = {}

    def write_table(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        first = pc.utf8_slice_codeunits(table.column(self.keys[0]), 0, 1)
        for bucket in pc.unique(first).to_pylist():
            self._bucket(bucket).write_table(table.filter(pc.equal(first, bucket)))

    def close(self) -> None:
        with pq.ParquetWriter(self.path, self.schema) as out:
            for bucket in sorted(self.buckets):
                self.buckets[bucket].close()
                with pa.memory_map(str(self._spill_path(bucket))) as source:
                    table = pa.ipc.open_file(source).read_all()
                table = table.sort_by([(key, "ascending") for key in self.keys])
                for start, stop in row_groups(table.column(self.keys[0]), self.row_group_rows):
                    out.write_table(table.slice(start, stop - start))
        shutil.rmtree(self.spill_dir)

    def _bucket(self, bucket: str) -> pa.ipc.RecordBatchFileWriter:
        if bucket not in self.buckets:
            self.buckets[bucket] = pa.ipc.new_file(str(self._spill_path(bucket)), self.schema)
        return self.buckets[bucket]

    def _spill_path(self, bucket: str) -> Path:
        return self.spill_dir / f"{bucket.encode('utf-8').hex()}.arrow"


def row_groups(sorted_keys: pa.ChunkedArray, limit: int) -> Iterator[tuple[int, int]]:
    """(start, stop) of row groups of at most `limit` rows that end where the key changes (one key's rows may exceed it)."""
    keys = sorted_keys.combine_chunks()
    n = len(keys)
    if n == 0:
        return
    changes = pc.not_equal(keys.slice(1), keys.slice(0, n - 1)).to_numpy(zero_copy_only=False)
    bounds = np.append(np.flatnonzero(changes) + 1, n)
    start = 0
    while start < n:
        last_fitting = np.searchsorted(bounds, start + limit, side="right") - 1
        if last_fitting >= 0 and bounds[last_fitting] > start:
            stop = int(bounds[last_fitting])
        else:
            stop = int(bounds[np.searchsorted(bounds, start, side="right")])
        yield start, stop
        start = stop
