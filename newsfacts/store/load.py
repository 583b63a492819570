"""Reading the live snapshot into pandas, and deciding when the store must be rebuilt."""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from newsfacts.search import fold, folded
from newsfacts.store import layout, tables
from newsfacts.store.collector import collector_paused

READ_ATTEMPTS = 5
SENTENCE_COLUMNS = ("article_id", "sentence_index", "segment", "text")

Columns = Mapping[str, Sequence[str]]


def load_tables(store_dir: Path, columns: Columns | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the contract as a DataFrame; empty frames with the right columns when there is no store.

    With `columns`, only the tables it names, each with only the columns listed. List columns hold
    Python lists, nullable integers are `Int64`, `date_start` is datetime64.
    Needs no lock: it opens every file of the live snapshot first (an open file stays readable
    when a newer ingest deletes it), and resolves `CURRENT` again if the snapshot went away.
    Raises `layout.StoreDamaged` when the pointer, metadata or a table file cannot be read.
    """
    wanted = columns or {name: schema.names for name, schema in tables.SCHEMAS.items()}
    with _opened(Path(store_dir), wanted) as opened:
        if opened is None:
            return {name: to_frame(_project(tables.SCHEMAS[name].empty_table(), name, names))
                    for name, names in wanted.items()}
        snapshot, handles = opened
        return {name: to_frame(_readable(store_dir, snapshot, name, lambda: _read(name, parts, wanted[name])))
                for name, parts in handles.items()}


@contextmanager
def _opened(store_dir: Path, names: Iterable[str]) -> Iterator[tuple[Path, dict[str, list[BinaryIO]]] | None]:
    """The live snapshot and every file of the tables `names`, open; None when there is no store yet.

    If the snapshot is deleted before its files are open (a newer ingest published), `CURRENT` is resolved again.
    """
    for attempt in range(READ_ATTEMPTS):
        snapshot = layout.current_snapshot(store_dir)
        if snapshot is None:
            yield None
            return
        with ExitStack() as stack:
            try:
                handles = {name: [stack.enter_context(open(p, "rb")) for p in _parts(snapshot / f"{name}.parquet")]
                           for name in names}
            except FileNotFoundError:
                if attempt == READ_ATTEMPTS - 1 or layout.current_snapshot(store_dir) == snapshot:
                    raise layout.StoreDamaged(store_dir, f"{snapshot.name} lacks a table file") from None
                continue
            yield snapshot, handles
            return
    raise AssertionError("unreachable")


T = TypeVar("T")


def _readable(store_dir: Path, snapshot: Path, name: str, read: Callable[[], T]) -> T:
    """`read()`, with a table file that Arrow cannot read reported as a damaged store naming the file."""
    try:
        return read()
    except (OSError, pa.ArrowException) as error:
        raise layout.StoreDamaged(Path(store_dir), f"{snapshot.name}/{name}.parquet cannot be read: {error}") from None


def _parts(path: Path) -> list[Path]:
    """A table is one Parquet file, or a folder of part files."""
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def _read(name: str, parts: list[BinaryIO], names: Sequence[str]) -> pa.Table:
    read = [pq.read_table(part, columns=_present(part, names)) for part in parts]
    table = pa.concat_tables(read, promote_options="default") if read else tables.SCHEMAS[name].empty_table()
    # One chunk per column: selecting rows from chunked columns costs twice as much on every rerun.
    return _project(table, name, names).combine_chunks()


def _present(part: BinaryIO, names: Sequence[str]) -> list[str]:
    """The columns of `names` that the part holds, from its footer read once."""
    stored = set(pq.read_schema(part).names)
    return [column for column in names if column in stored]


def _project(table: pa.Table, name: str, names: Sequence[str]) -> pa.Table:
    """`table` with exactly the columns `names`, in that order; a column an older store lacks is all nulls."""
    schema = tables.SCHEMAS[name]
    for column in names:
        if column not in table.column_names:
            table = table.append_column(schema.field(column), pa.nulls(table.num_rows, schema.field(column).type))
    return table.select(list(names))


def to_frame(table: pa.Table) -> pd.DataFrame:
    lists = [field.name for field in table.schema if pa.types.is_list(field.type)]
    frame = table.drop_columns(lists).to_pandas(types_mapper=_nullable_ints, date_as_object=False)
    for name in lists:
        frame[name] = _python_lists(table.column(name))
    return frame[table.column_names]


def _python_lists(column: pa.ChunkedArray) -> list[list]:
    """Each row's list as a Python list ([] for null), sliced from one flat conversion instead of row by row."""
    array = column.combine_chunks() if column.num_chunks else pa.array([], column.type)
    values = array.values
    items = values.to_pylist() if values.null_count else values.to_numpy(zero_copy_only=False).tolist()
    offsets = array.offsets.to_numpy().tolist()
    with collector_paused():
        lists = [items[start:end] for start, end in zip(offsets[:-1], offsets[1:])]
    if array.null_count:
        for row in np.flatnonzero(array.is_null().to_numpy(zero_copy_only=False)).tolist():
            lists[row] = []
    return lists


def _nullable_ints(arrow_type: pa.DataType):
    return pd.Int64Dtype() if pa.types.is_integer(arrow_type) else None


@dataclass(frozen=True)
class Sentences:
    """The sentences table left on disk (memory-mapped), read per article or scanned for a phrase on demand."""

    parts: tuple[pa.Buffer, ...]

    @cached_property
    def ranges(self) -> tuple[tuple[int, int, str, str], ...] | None:
        """(part, row group, first id, last id) from the footers' statistics when the row groups hold disjoint
        ranges of article ids (a table sorted by article); None otherwise."""
        ranges = []
        for number, part in enumerate(self.parts):
            reader = pq.ParquetFile(pa.BufferReader(part))
            column, metadata = reader.schema_arrow.get_field_index("article_id"), reader.metadata
            for group in range(metadata.num_row_groups):
                stats = metadata.row_group(group).column(column).statistics
                if stats is None or not stats.has_min_max:
                    return None
                ranges.append((number, group, stats.min, stats.max))
        ordered = sorted(ranges, key=lambda r: r[2])
        if any(before[3] > after[2] for before, after in zip(ordered, ordered[1:])):
            return None
        return tuple(ordered)

    @cached_property
    def groups(self) -> Mapping[str, tuple[tuple[int, int], ...]]:
        """Each article's (part, row group) pairs, read from the article_id column once, for a table whose
        row groups overlap; built on the first article read."""
        groups: dict[str, dict[tuple[int, int], None]] = {}
        with collector_paused():
            for number, part in enumerate(self.parts):
                for article_id, group in _runs(part):
                    groups.setdefault(article_id, {})[(number, group)] = None
            return {article_id: tuple(places) for article_id, places in groups.items()}

    def _places(self, article_id: str) -> tuple[tuple[int, int], ...]:
        if self.ranges is None:
            return self.groups.get(article_id, ())
        return tuple((part, group) for part, group, first, last in self.ranges if first <= article_id <= last)

    def of_article(self, article_id: str) -> pd.DataFrame:
        """The article's sentences in order, decoding only the row groups that hold them; empty when none."""
        read = [pq.ParquetFile(pa.BufferReader(self.parts[part])).read_row_group(group, columns=list(SENTENCE_COLUMNS))
                for part, group in self._places(article_id)]
        table = pa.concat_tables(read) if read else tables.SCHEMAS["sentences"].empty_table()
        table = table.filter(pc.equal(table["article_id"], article_id)).sort_by("sentence_index")
        return to_frame(table.select(list(SENTENCE_COLUMNS)))

    def articles_containing(self, phrase: str) -> np.ndarray:
        """Ids of the articles with a sentence that holds `phrase`, ignoring case and accents (`newsfacts.search`);
        the text is streamed, not kept."""
        found = pc.match_substring(folded(ds.field("text")), fold(phrase))
        fragments = [ds.ParquetFileFormat().make_fragment(pa.BufferReader(part)) for part in self.parts]
        hits = [fragment.to_table(schema=fragment.physical_schema, columns=["article_id"], filter=found).column(0)
                for fragment in fragments]
        return pc.unique(pa.chunked_array(hits, pa.string())).to_numpy(zero_copy_only=False)


def _runs(part: pa.Buffer) -> Iterator[tuple[str, int]]:
    """(article id, row group) for each run of one article's sentences, read a row group at a time."""
    reader = pq.ParquetFile(pa.BufferReader(part))
    for group in range(reader.num_row_groups):
        ids = reader.read_row_group(group, columns=["article_id"]).column(0).combine_chunks()
        starts = np.ones(len(ids), dtype=bool)
        starts[1:] = pc.not_equal(ids[1:], ids[:-1]).to_numpy(zero_copy_only=False)
        for article_id in ids.filter(pa.array(starts)).to_pylist():
            yield article_id, group


def open_sentences(store_dir: Path) -> Sentences:
    """The live snapshot's sentences, memory-mapped: they stay readable when a newer ingest deletes the files."""
    with _opened(Path(store_dir), ["sentences"]) as opened:
        if opened is None:
            return Sentences(parts=())
        snapshot, handles = opened
        return Sentences(tuple(_readable(store_dir, snapshot, "sentences", lambda: _mapped_parquet(handle))
                               for handle in handles["sentences"]))


def _mapped_parquet(handle: BinaryIO) -> pa.Buffer:
    """The open file memory-mapped, after its Parquet footer was read (so that a truncated file fails here)."""
    if not os.fstat(handle.fileno()).st_size:
        raise pa.ArrowInvalid("empty file")
    buffer = pa.py_buffer(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    pq.ParquetFile(pa.BufferReader(buffer)).metadata
    return buffer


def table_sizes(store_dir: Path) -> dict[str, int]:
    """Row count of every table, from the Parquet footers of one snapshot held open (a table may be a folder of parts)."""
    with _opened(Path(store_dir), tables.SCHEMAS) as opened:
        if opened is None:
            return dict.fromkeys(tables.SCHEMAS, 0)
        snapshot, handles = opened
        return {name: _readable(store_dir, snapshot, name,
                                lambda: sum(pq.ParquetFile(part).metadata.num_rows for part in parts))
                for name, parts in handles.items()}


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
