"""One ingest run: parse the new or changed files, carry the rest over, rebuild events, publish atomically."""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from itertools import islice
from math import ceil
from operator import attrgetter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsfacts.records import ArticleMeta, ParsedArticle
from newsfacts.store import layout, tables
from newsfacts.store.events import DealMention, DialogueMention, merge_deals, merge_dialogues
from newsfacts.store.sorted_table import SortedTableWriter
from newsfacts.store.tables import StoredFile

Progress = Callable[[int, int, str], None]
BATCH_ROWS = 20_000
MAX_TASKS_PER_CHUNK = 64
CHUNKS_PER_WORKER = 4
RECORD_KINDS = ("sentences", "countries", "dialogues", "deals", "people")
SENTENCE_ROW_GROUP_ROWS = 16_384
_COUNTED_AS = {"sentences": "sentences", "article_countries": "countries", "people": "people"}


@dataclass(frozen=True)
class FileReport:
    """What happened to one input: `ingested`, `unchanged`, `removed` (pruned) or `skipped`; problems say why."""

    file: str
    status: str
    n_articles: int = 0
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestReport:
    """One ingest: a report per input file, what this run added (`articles`, `records` by kind) and events in the store."""

    store_dir: Path
    files: tuple[FileReport, ...]
    articles: int
    duplicates: int
    records: dict[str, int]
    events: dict[str, int]
    snapshot: str

    @property
    def files_read(self) -> int:
        return sum(f.status == "ingested" for f in self.files)

    @property
    def skipped(self) -> tuple[FileReport, ...]:
        """Every file with a problem: skipped whole, or read with some bad units (jsonl lines, zip members)."""
        return tuple(f for f in self.files if f.problems)

    @property
    def ok(self) -> bool:
        return not self.skipped


@dataclass(frozen=True)
class _Task:
    """A file to parse; the worker that reads it hashes it too, unless planning had to hash it already."""

    path: str
    key: str
    manifest: str | None
    manifest_hash: str | None
    file_hash: str | None = None


@dataclass(frozen=True)
class _ParsedFile:
    task: _Task
    file_hash: str
    size: int
    article_ids: tuple[str, ...]
    problems: tuple[str, ...]
    failed: bool


@dataclass(frozen=True)
class _ParsedChunk:
    """A chunk of files parsed by a worker, as the parent needs it: Arrow tables and mentions, not articles.

    `tables` hold the per-article tables' rows article after article; `row_counts[name][i]` is how many
    rows of table `name` article i has, and `dialogues[i]` / `deals[i]` are its mentions.
    """

    files: tuple[_ParsedFile, ...]
    tables: dict[str, pa.Table]
    row_counts: dict[str, tuple[int, ...]]
    dialogues: tuple[tuple[DialogueMention, ...], ...]
    deals: tuple[tuple[DealMention, ...], ...]


@dataclass
class _Plan:
    """What a run will do: `tasks` to parse; `carried` files keep their stored rows (parsed ones join it)."""

    tasks: list[_Task] = field(default_factory=list)
    carried: dict[str, StoredFile] = field(default_factory=dict)
    reports: list[FileReport] = field(default_factory=list)
    removed: list[StoredFile] = field(default_factory=list)
    previous: dict[str, StoredFile] = field(default_factory=dict)


@dataclass
class _Previous:
    snapshot: Path
    files: dict[str, StoredFile]


def ingest(
    paths: Iterable[Path | str],
    *,
    store_dir: Path,
    manifest: Path | str | None = None,
    workers: int = 1,
    prune: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Parses new and changed files under `paths` into the store; unchanged files cost one hash each.

    Without `manifest`, each .txt file uses the `manifest.csv` of its own folder when there is one.
    Raises `newsfacts.read.ReadError` when the given manifest cannot be read.
    """
    from newsfacts.read import load_manifest

    store_dir = Path(store_dir)
    manifest_path = str(Path(manifest).resolve()) if manifest else None
    if manifest_path:
        load_manifest(Path(manifest_path))
    with layout.ingest_lock(store_dir):
        layout.remove_unused(store_dir)
        previous = _previous(store_dir)
        plan = _plan([Path(p) for p in paths], previous, manifest_path, prune)
        if previous and not plan.tasks and not plan.removed:
            layout.touch_current(store_dir)
            return _report(store_dir, plan, _no_records(), _event_counts(previous.snapshot), previous.snapshot.name)
        return _write_snapshot(store_dir, previous, plan, max(1, workers), progress)


def _previous(store_dir: Path) -> _Previous | None:
    """The live snapshot when its format matches this code (else the next ingest rebuilds from scratch)."""
    snapshot = layout.current_snapshot(store_dir)
    if snapshot is None or layout.read_meta(snapshot).get("format_version") != layout.FORMAT_VERSION:
        return None
    for name, schema in tables.SCHEMAS.items():
        path = snapshot / f"{name}.parquet"
        if not path.exists() or not pq.read_schema(path).equals(schema, check_metadata=False):
            return None
    stored = pq.read_table(snapshot / "files.parquet").to_pylist()
    return _Previous(snapshot, {row["file"]: tables.file_from_row(row) for row in stored})


def _plan(paths: list[Path], previous: _Previous | None, manifest: str | None, prune: bool) -> _Plan:
    from newsfacts.read import ReadError, discover

    old = previous.files if previous else {}
    plan = _Plan(previous=old)
    existing = []
    for path in paths:
        if path.exists():
            existing.append(path)
        else:
            plan.reports.append(FileReport(str(path), "skipped", problems=("no such file or directory",)))
    try:
        found = discover(existing)
    except ReadError as error:
        plan.reports.append(FileReport(error.path, "skipped", problems=(error.problem,)))
        found = []
    seen: set[str] = set()
    folders: dict[Path, str] = {}
    tasks = _Tasks(manifest)
    for path in found:
        key = _resolved(path, folders)
        if key in seen:
            continue
        seen.add(key)
        known = old.get(key)
        task = tasks.task(path, key, hashed=known is not None)
        if known and known.status == "ok" and (known.file_hash, known.manifest_hash) == (task.file_hash, task.manifest_hash):
            plan.carried[key] = known
            plan.reports.append(FileReport(key, "unchanged", known.n_articles))
        else:
            plan.tasks.append(task)
    for key, known in old.items():
        if key in seen:
            continue
        if prune and not Path(key).exists():
            plan.removed.append(known)
            plan.reports.append(FileReport(key, "removed", known.n_articles))
        else:
            plan.carried[key] = known
    _reparse_sharers(plan, tasks)
    return plan


def _resolved(path: Path, folders: dict[Path, str]) -> str:
    """`str(path.resolve())`, resolving each folder once: a file that is not a link resolves beside its folder."""
    if path.is_symlink():
        return str(path.resolve())
    if path.parent not in folders:
        folders[path.parent] = str(path.parent.resolve())
    return os.path.join(folders[path.parent], path.name)


def _reparse_sharers(plan: _Plan, tasks: _Tasks) -> None:
    """Re-parses carried files that share an article with a file whose rows are replaced or removed.

    An article's rows are stored once, however many files hold it; they go with the file that
    is replaced, so the other files holding it must write it again.
    """
    replaced = [plan.previous[t.key] for t in plan.tasks if t.key in plan.previous] + plan.removed
    dropped = {article_id for stored in replaced for article_id in stored.article_ids}
    sharers = [key for key, stored in plan.carried.items() if dropped.intersection(stored.article_ids)]
    for key in sharers:
        if not Path(key).exists():
            continue
        del plan.carried[key]
        plan.reports = [r for r in plan.reports if r.file != key]
        plan.tasks.append(tasks.task(Path(key), key, hashed=False))


class _Tasks:
    """Makes the tasks of one plan; each folder's manifest is looked at once (a given manifest overrides them)."""

    def __init__(self, manifest: str | None) -> None:
        self.manifest = manifest
        self.by_folder: dict[Path, str | None] = {}

    def task(self, path: Path, key: str, *, hashed: bool) -> _Task:
        """The task for one file; `hashed` when planning must compare its hash with the stored one."""
        return _Task(
            path=str(path),
            key=key,
            manifest=self.manifest,
            manifest_hash=self._hash(path.parent),
            file_hash=sha256_of(path) if hashed else None,
        )

    def _hash(self, folder: Path) -> str | None:
        if folder not in self.by_folder:
            folder_manifest = folder / "manifest.csv"
            applied = self.manifest or (str(folder_manifest) if folder_manifest.is_file() else None)
            self.by_folder[folder] = _manifest_hash(Path(applied)) if applied else None
        return self.by_folder[folder]


def _manifest_hash(path: Path) -> str:
    stat = path.stat()
    return _hash_of_version(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _hash_of_version(path: str, mtime_ns: int, size: int) -> str:
    """One folder manifest serves every file beside it: hash each version of it once, not once per file."""
    return sha256_of(Path(path))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Parsing (runs in worker processes when workers > 1)


@lru_cache(maxsize=8)
def _manifest(path: str) -> dict[str, ArticleMeta]:
    from newsfacts.read import load_manifest

    return load_manifest(Path(path))


def _read_and_hash(path: Path) -> tuple[bytes | None, str, int]:
    """The file's bytes (None when too large to read whole), their sha256 and the file's size."""
    from newsfacts import read

    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > read.MAX_FILE_BYTES:
            return None, hashlib.file_digest(handle, "sha256").hexdigest(), size
        data = handle.read()
    return data, hashlib.sha256(data).hexdigest(), len(data)


def _parse(task: _Task) -> tuple[_ParsedFile, list[ParsedArticle]]:
    from newsfacts.pipeline import parse_article
    from newsfacts.read import ReadError, read_file

    path = Path(task.path)
    try:
        data, file_hash, size = _read_and_hash(path)
    except OSError as error:
        problem = f"cannot read: {error.strerror or error}"
        return _ParsedFile(task, task.file_hash or "", 0, (), (problem,), failed=True), []
    articles: list[ParsedArticle] = []
    problems: list[str] = []
    try:
        for item in read_file(path, _manifest(task.manifest) if task.manifest else None, data=data):
            if isinstance(item, ReadError):
                problems.append(item.problem if item.path == task.path else f"{item.path}: {item.problem}")
            else:
                articles.append(parse_article(item))
    except Exception as error:  # a parser bug in one file must not stop the others
        problem = f"cannot parse: {type(error).__name__}: {error}"
        return _ParsedFile(task, file_hash, size, (), (problem,), failed=True), []
    failed = not articles and bool(problems)
    ids = tuple(a.article_id for a in articles)
    return _ParsedFile(task, file_hash, size, ids, tuple(problems), failed), articles


def _parse_chunk(chunk: Sequence[_Task], ingested_at: str) -> _ParsedChunk:
    """Parses a chunk of files and turns their articles into table rows where the parsing happened."""
    files: list[_ParsedFile] = []
    rows: dict[str, list[tables.Row]] = {name: [] for name in tables.ARTICLE_TABLES}
    counts: dict[str, list[int]] = {name: [] for name in tables.ARTICLE_TABLES}
    dialogues: list[tuple[DialogueMention, ...]] = []
    deals: list[tuple[DealMention, ...]] = []
    for task in chunk:
        parsed, articles = _parse(task)
        files.append(parsed)
        for article in articles:
            for name, article_rows in tables.article_rows(article, task.key, parsed.file_hash, ingested_at).items():
                rows[name] += article_rows
                counts[name].append(len(article_rows))
            article_dialogues, article_deals = tables.mentions_of(article)
            dialogues.append(tuple(article_dialogues))
            deals.append(tuple(article_deals))
    return _ParsedChunk(
        files=tuple(files),
        tables={name: tables.to_table(name, table_rows) for name, table_rows in rows.items()},
        row_counts={name: tuple(n) for name, n in counts.items()},
        dialogues=tuple(dialogues),
        deals=tuple(deals),
    )


def _chunks(tasks: Sequence[_Task], workers: int) -> list[Sequence[_Task]]:
    """Enough chunks to keep every worker busy to the end, each at most MAX_TASKS_PER_CHUNK files."""
    size = min(MAX_TASKS_PER_CHUNK, max(1, ceil(len(tasks) / (workers * CHUNKS_PER_WORKER))))
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def _parse_all(tasks: Sequence[_Task], workers: int, ingested_at: str) -> Iterator[_ParsedChunk]:
    """Parsed chunks in task order; with several workers, at most two chunks per worker are in flight."""
    chunks = _chunks(tasks, workers)
    if workers == 1 or len(chunks) == 1:
        yield from (_parse_chunk(chunk, ingested_at) for chunk in chunks)
        return
    import newsfacts.pipeline  # noqa: F401  (imported before the workers fork, so that they share it)

    pending = iter(chunks)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        in_flight: deque[Future] = deque(pool.submit(_parse_chunk, c, ingested_at) for c in islice(pending, workers * 2))
        while in_flight:
            done = in_flight.popleft().result()
            for chunk in islice(pending, 1):
                in_flight.append(pool.submit(_parse_chunk, chunk, ingested_at))
            yield done


# Writing a snapshot


class _SnapshotWriter:
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
                self.writers[name].write_table(pa.Table.from_batches([kept]))

    def write_table(self, name: str, rows: list[tables.Row]) -> None:
        pq.write_table(tables.to_table(name, rows), self.directory / f"{name}.parquet")

    def close(self) -> None:
        for name, writer in self.writers.items():
            self._flush(name)
            writer.close()

    def _flush(self, name: str) -> None:
        if self.buffers[name]:
            self.writers[name].write_table(pa.concat_tables(self.buffers[name]))
            self.buffers[name] = []
            self.buffered_rows[name] = 0


def _write_snapshot(
    store_dir: Path, previous: _Previous | None, plan: _Plan, workers: int, progress: Progress | None
) -> IngestReport:
    tmp = layout.new_snapshot_dir(store_dir)
    try:
        build = _Build(plan, _SnapshotWriter(tmp), datetime.now(timezone.utc).isoformat(timespec="seconds"))
        if progress:
            progress(0, len(plan.tasks), "")
        done = 0
        for chunk in _parse_all(plan.tasks, workers, build.ingested_at):
            build.add(chunk)
            for parsed in chunk.files:
                done += 1
                if progress:
                    progress(done, len(plan.tasks), parsed.task.path)
        if previous:
            build.carry_over(previous.snapshot)
        events = build.finish()
        layout.write_meta(tmp, {"format_version": layout.FORMAT_VERSION, "last_ingested_at": build.ingested_at})
        snapshot = layout.publish(store_dir, tmp)
    except BaseException:
        layout.remove_unused(store_dir)
        raise
    plan.reports += build.reports
    return _report(store_dir, plan, build.counts, events, snapshot.name)


class _Build:
    """The state of one snapshot being written: rows streamed so far, mentions held for the event merge."""

    def __init__(self, plan: _Plan, writer: _SnapshotWriter, ingested_at: str) -> None:
        self.plan = plan
        self.writer = writer
        self.ingested_at = ingested_at
        self.written: set[str] = set()
        self.dialogues: list[DialogueMention] = []
        self.deals: list[DealMention] = []
        self.counts = _no_records()
        self.reports: list[FileReport] = []

    def add(self, chunk: _ParsedChunk) -> None:
        """Records a parsed chunk: files in order; an article already written in this run is not written again."""
        keep: list[bool] = []
        for parsed in chunk.files:
            self._add_file(parsed)
            for article_id in parsed.article_ids:
                keep.append(article_id not in self.written)
                self.written.add(article_id)
        kept = np.array(keep, dtype=bool)
        self.counts["duplicates"] += len(keep) - int(kept.sum())
        self.counts["articles"] += int(kept.sum())
        for name, table in chunk.tables.items():
            if not kept.all():
                table = table.filter(pa.array(np.repeat(kept, chunk.row_counts[name])))
            self.writer.add(name, table)
            if name in _COUNTED_AS:
                self.counts[_COUNTED_AS[name]] += table.num_rows
        for mentions, target, kind in ((chunk.dialogues, self.dialogues, "dialogues"), (chunk.deals, self.deals, "deals")):
            for article_mentions, is_kept in zip(mentions, keep):
                if is_kept:
                    target += article_mentions
                    self.counts[kind] += len(article_mentions)

    def _add_file(self, parsed: _ParsedFile) -> None:
        task = parsed.task
        if parsed.failed:
            known = self.plan.previous.get(task.key)
            self.plan.carried[task.key] = known if known and known.status == "ok" else StoredFile(
                task.key, parsed.file_hash, parsed.size, 0, "skipped", "; ".join(parsed.problems), self.ingested_at,
                task.manifest_hash,
            )
            self.reports.append(FileReport(task.key, "skipped", problems=parsed.problems))
            return
        self.plan.carried[task.key] = StoredFile(
            task.key, parsed.file_hash, parsed.size, len(parsed.article_ids), "ok", "; ".join(parsed.problems) or None,
            self.ingested_at, task.manifest_hash, tuple(dict.fromkeys(parsed.article_ids)),
        )
        self.reports.append(FileReport(task.key, "ingested", len(parsed.article_ids), parsed.problems))

    def carry_over(self, snapshot: Path) -> None:
        """Copies the rows of articles that files carried over still hold and that were not written again."""
        kept = {a for stored in self.plan.carried.values() for a in stored.article_ids} - self.written
        if not kept:
            return
        self.dialogues += _old_mentions(snapshot, "dialogue_mentions", kept, tables.dialogue_mention_from_row)
        self.deals += _old_mentions(snapshot, "deal_mentions", kept, tables.deal_mention_from_row)
        id_array = pa.array(sorted(kept), pa.string())
        for name in tables.ARTICLE_TABLES:
            self.writer.copy(name, snapshot / f"{name}.parquet", id_array)

    def finish(self) -> dict[str, int]:
        self.writer.close()
        events = _write_events(self.writer, self.dialogues, self.deals)
        carried = self.plan.carried
        self.writer.write_table("files", [tables.file_row(carried[key]) for key in sorted(carried)])
        return events


def _old_mentions(snapshot: Path, name: str, kept_ids: set[str], from_row) -> list:
    table = pq.read_table(snapshot / f"{name}.parquet")
    kept = table.filter(pc.is_in(table.column("article_id"), value_set=pa.array(sorted(kept_ids), pa.string())))
    return [from_row(row) for row in kept.to_pylist()]


def _write_events(writer: _SnapshotWriter, dialogues: list[DialogueMention], deals: list[DealMention]) -> dict[str, int]:
    dialogue_events = merge_dialogues(dialogues)
    deal_events = merge_deals(deals)
    event_of = {m: e.event_id for e in (*dialogue_events, *deal_events) for m in e.mention_ids}
    by_article = attrgetter("article_id", "mention_id")
    writer.write_table("dialogue_mentions", [tables.dialogue_mention_row(m, event_of[m.mention_id]) for m in sorted(dialogues, key=by_article)])
    writer.write_table("deal_mentions", [tables.deal_mention_row(m, event_of[m.mention_id]) for m in sorted(deals, key=by_article)])
    writer.write_table("dialogue_events", [tables.dialogue_event_row(e) for e in dialogue_events])
    writer.write_table("deal_events", [tables.deal_event_row(e) for e in deal_events])
    return {"dialogue_events": len(dialogue_events), "deal_events": len(deal_events)}


def _no_records() -> dict[str, int]:
    return dict.fromkeys(RECORD_KINDS, 0) | {"articles": 0, "duplicates": 0}


def _event_counts(snapshot: Path) -> dict[str, int]:
    return {name: pq.ParquetFile(snapshot / f"{name}.parquet").metadata.num_rows for name in ("dialogue_events", "deal_events")}


def _report(store_dir: Path, plan: _Plan, counts: dict[str, int], events: dict[str, int], snapshot: str) -> IngestReport:
    return IngestReport(
        store_dir=store_dir,
        files=tuple(sorted(plan.reports, key=lambda r: r.file)),
        articles=counts["articles"],
        duplicates=counts["duplicates"],
        records={kind: counts[kind] for kind in RECORD_KINDS},
        events=events,
        snapshot=snapshot,
    )
