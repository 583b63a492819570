"""Writing one complete snapshot: the per-article tables streamed, mentions given their events, meta.json, CURRENT.

`ingest` writes its snapshots through this module; `write_snapshot` lets any other engine (Spark, Ray, a
notebook) that produced the per-article and mention tables publish a store the dashboard reads, with events
merged by the same code as the ingest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsfacts.store import layout, tables
from newsfacts.store.events import DealEvent, DialogueEvent, merge_deals, merge_dialogues
from newsfacts.store.sorted_table import SortedTableWriter
from newsfacts.store.tables import StoredFile

BATCH_ROWS = 20_000
SENTENCE_ROW_GROUP_ROWS = 16_384
INPUT_TABLES = (*tables.ARTICLE_TABLES, *tables.MENTION_TABLES)

Table = pa.Table | pd.DataFrame


class SnapshotWriter:
    """Streams the per-article tables to Parquet in batches; mentions, events and files are written at the end.

    Sentences are written sorted by (article_id, sentence_index), in row groups that never split an article,
    so that one article's sentences are read from one row group.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.buffers: dict[str, list[pa.Table]] = {name: [] for name in tables.ARTICLE_TABLES}
        self.buffered_rows = dict.fromkeys(tables.ARTICLE_TABLES, 0)
        self.writers = {
            name: pq.ParquetWriter(directory / f"{name}.parquet", tables.SCHEMAS[name])
            for name in tables.ARTICLE_TABLES if name != "sentences"
        }
        self.writers["sentences"] = SortedTableWriter(
            directory / "sentences.parquet", tables.SCHEMAS["sentences"], ("article_id", "sentence_index"),
            SENTENCE_ROW_GROUP_ROWS,
        )

    def add(self, name: str, table: pa.Table) -> None:
        if not table.num_rows:
            return
        self.buffers[name].append(table)
        self.buffered_rows[name] += table.num_rows
        if self.buffered_rows[name] >= BATCH_ROWS:
            self._flush(name)

    def copy(self, name: str, source: Path, article_ids: pa.Array) -> None:
        for batch in pq.ParquetFile(source).iter_batches(batch_size=BATCH_ROWS):
            kept = batch.filter(pc.is_in(batch.column("article_id"), value_set=article_ids))
            if kept.num_rows:
                self._flush(name)
                self.writers[name].write_table(tables.conformed(name, pa.Table.from_batches([kept])))

    def write_table(self, name: str, table: pa.Table) -> None:
        pq.write_table(table, self.directory / f"{name}.parquet")

    def close(self) -> None:
        for name, writer in self.writers.items():
            self._flush(name)
            writer.close()

    def _flush(self, name: str) -> None:
        if self.buffers[name]:
            self.writers[name].write_table(pa.concat_tables(self.buffers[name]))
            self.buffers[name] = []
            self.buffered_rows[name] = 0


def event_tables(
    mentions: Mapping[str, pa.Table], dialogue_events: tuple[DialogueEvent, ...], deal_events: tuple[DealEvent, ...]
) -> dict[str, pa.Table]:
    """The mention tables with each mention's `event_id`, and the two event tables."""
    event_of = {m: e.event_id for e in (*dialogue_events, *deal_events) for m in e.mention_ids}
    return {
        **{name: tables.with_event_ids(mentions[name], event_of) for name in tables.MENTION_TABLES},
        "dialogue_events": tables.dialogue_events_table(dialogue_events),
        "deal_events": tables.deal_events_table(deal_events),
    }


def publish_snapshot(store_dir: Path, tmp: Path, ingested_at: str) -> Path:
    """Writes meta.json into the fully written `tmp` and makes it the live snapshot."""
    layout.write_meta(tmp, {"format_version": layout.FORMAT_VERSION, "last_ingested_at": ingested_at})
    return layout.publish(store_dir, tmp)


def write_snapshot(store_dir: Path | str, parts: Mapping[str, Table]) -> Path:
    """Publishes a complete store from the per-article and mention tables another engine produced.

    `parts` holds `articles`, `sentences`, `article_countries`, `people`, `dialogue_mentions` and
    `deal_mentions` (Arrow tables or DataFrames with the columns of `tables.SCHEMAS`; `event_id` may be null)
    and optionally `files`; without it, the files table is derived from `articles`. Events are merged from
    the mentions exactly as `ingest` merges them. The snapshot replaces the store's live one atomically and
    is returned. Raises ValueError naming the table and the problem when a table does not fit the contract.
    """
    store_dir = Path(store_dir)
    given = {name: _conformed(name, parts[name]) for name in _checked_names(parts)}
    _check_unique_articles(given["articles"])
    ingested_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with layout.ingest_lock(store_dir):
        layout.current_snapshot(store_dir)  # a damaged store is refused (StoreDamaged) before anything is written
        layout.remove_unused(store_dir)
        tmp = layout.new_snapshot_dir(store_dir)
        try:
            _write_tables(SnapshotWriter(tmp), given)
            return publish_snapshot(store_dir, tmp, ingested_at)
        except BaseException:
            layout.remove_unused(store_dir)
            raise


def _checked_names(parts: Mapping[str, Table]) -> list[str]:
    missing = [name for name in INPUT_TABLES if name not in parts]
    unknown = [name for name in parts if name not in (*INPUT_TABLES, "files")]
    if missing or unknown:
        raise ValueError(f"write_snapshot: missing tables {missing}, unknown tables {unknown}")
    return list(parts)


def _conformed(name: str, table: Table) -> pa.Table:
    """`table` with exactly the columns and types of the contract, in order."""
    schema = tables.SCHEMAS[name]
    if isinstance(table, pd.DataFrame):
        table = pa.Table.from_pandas(table, preserve_index=False)
    missing = [column for column in schema.names if column not in table.column_names]
    if set(missing) - set(tables.ADDED_COLUMNS):
        raise ValueError(f"write_snapshot: table {name} lacks columns {missing}")
    for column in missing:  # added to the contract since: an engine written before may not produce it
        table = table.append_column(schema.field(column), pa.nulls(table.num_rows, schema.field(column).type))
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
        raise ValueError(f"write_snapshot: table {name} does not fit its schema: {error}") from None


def _check_unique_articles(articles: pa.Table) -> None:
    counts = pc.value_counts(articles.column("article_id"))
    repeated = counts.filter(pc.greater(counts.field("counts"), 1)).field("values").to_pylist()
    if repeated:
        raise ValueError(f"write_snapshot: articles holds article_id {repeated[:5]} more than once "
                         "(store an article once, with the first file that holds it)")


def _write_tables(writer: SnapshotWriter, given: dict[str, pa.Table]) -> None:
    for name in tables.ARTICLE_TABLES:
        writer.add(name, given[name])
    writer.close()
    dialogues = [tables.dialogue_mention_from_row(row) for row in given["dialogue_mentions"].to_pylist()]
    deals = [tables.deal_mention_from_row(row) for row in given["deal_mentions"].to_pylist()]
    for name, table in event_tables(given, merge_dialogues(dialogues), merge_deals(deals)).items():
        writer.write_table(name, table)
    writer.write_table("files", given["files"] if "files" in given else files_of(given["articles"]))


def files_of(articles: pa.Table) -> pa.Table:
    """A files table for `articles`: one row per file, listing its articles (size unknown, no manifest hash)."""
    by_file: dict[str, list[dict]] = {}
    for row in articles.select(["article_id", "file", "file_hash", "ingested_at"]).to_pylist():
        by_file.setdefault(row["file"], []).append(row)
    return tables.files_table([
        StoredFile(file, rows[0]["file_hash"], None, len(rows), "ok", None, rows[0]["ingested_at"], None,
                   tuple(r["article_id"] for r in rows))
        for file, rows in sorted(by_file.items())
    ])
