"""One ingest run: parse the new or changed files, carry the rest over, rebuild events, publish atomically."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache, partial
from itertools import islice
from math import ceil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsfacts.readers.base import ReadError
from newsfacts.records import ArticleMeta, ParsedArticle, RawArticle
from newsfacts.store import inputs, layout, tables
from newsfacts.store.collector import collector_paused
from newsfacts.store.events import DealEvent, DealMention, DialogueMention, merge_deals, merge_dialogues
from newsfacts.store.snapshot import SnapshotWriter, event_tables, publish_snapshot
from newsfacts.store.tables import StoredFile

Progress = Callable[[int, int, str], None]
MAX_TASKS_PER_CHUNK = 128
CHUNKS_PER_WORKER = 4
RECORD_KINDS = ("sentences", "countries", "dialogues", "deals", "people")
READ_AHEAD_BYTES = 4 << 20
_COUNTED_AS = {
    "sentences": "sentences", "article_countries": "countries", "people": "people", "dialogue_mentions": "dialogues",
    "deal_mentions": "deals",
}


@dataclass(frozen=True)
class FileReport:
    """What happened to one input: `ingested`, `unchanged`, `removed` (pruned) or `skipped`; problems say why."""

    file: str
    status: str
    n_articles: int = 0
    problems: tuple[str, ...] = ()
    already_stored: int = 0  # of its articles, how many the store held already (from another file) and kept as stored


@dataclass(frozen=True)
class IngestReport:
    """One ingest: a report per input file, what this run added (`articles`, `records` by kind) and events in the store."""

    store_dir: Path | str
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

    `tables` hold the rows of the per-article and mention tables article after article; `row_counts[name][i]`
    is how many rows of table `name` article i has, and `mentions[i]` are its mentions for the event merge.
    """

    files: tuple[_ParsedFile, ...]
    tables: dict[str, pa.Table]
    row_counts: dict[str, tuple[int, ...]]
    mentions: tuple[tables.Mentions, ...]


# Parses chunks of tasks into `_ParsedChunk`s, yielded in task order (given the time the snapshot is stamped with).
ChunkParser = Callable[[Sequence[_Task], str], Iterator[_ParsedChunk]]


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
    lock_timeout_s: float | None = None,
    on_wait: layout.Waiting | None = None,
    parser: ChunkParser | None = None,
) -> IngestReport:
    """Parses new and changed files under `paths` into the store; unchanged files cost one hash each.

    `paths` (and `manifest`) are local paths or fsspec URLs (`newsfacts.store.inputs`). Without `manifest`,
    each .txt file uses the `manifest.csv` of its own folder when there is one. `parser` parses the chunks of
    files elsewhere (e.g. on a Dask cluster, `newsfacts.store.dask_engine`); by default `workers` local
    processes do. Raises `newsfacts.read.ReadError` when the given manifest cannot be read, `layout.StoreDamaged`
    (changing nothing) when the store's pointer, metadata or tables cannot be trusted, and `layout.StoreBusy` when
    another ingest holds the store longer than `lock_timeout_s` (`on_wait` hears what it waits for).
    """
    store_dir = Path(store_dir)
    manifest_input = _resolved_input(inputs.input_of(manifest)) if manifest else None
    if manifest_input:
        inputs.load_manifest(manifest_input)
    with layout.ingest_lock(store_dir, lock_timeout_s, on_wait):
        previous = _previous(store_dir)
        layout.remove_unused(store_dir)
        plan = _plan([inputs.input_of(p) for p in paths], previous, manifest_input and str(manifest_input), prune)
        if previous and not plan.tasks and not plan.removed:
            layout.touch_current(store_dir)
            return _report(store_dir, plan, _no_records(), _event_counts(previous.snapshot), previous.snapshot.name)
        parse = parser or partial(parse_locally, workers=max(1, workers))
        return _write_snapshot(store_dir, previous, plan, parse, max(1, workers), progress)


def _resolved_input(item: inputs.Input) -> inputs.Input:
    return item.resolve() if isinstance(item, Path) else item


def _previous(store_dir: Path) -> _Previous | None:
    """The live snapshot when its format matches this code, or an earlier version of its tables that lacks columns
    added since (its rows are carried over with those columns null); else the next ingest rebuilds from scratch.

    Raises StoreDamaged when the pointer or metadata cannot be trusted, or a table of the snapshot is missing or
    unreadable: rebuilding from the given paths alone would lose every other file's articles.
    """
    snapshot = layout.current_snapshot(store_dir)
    if snapshot is None or layout.read_meta(snapshot).get("format_version") != layout.FORMAT_VERSION:
        return None
    for name in tables.SCHEMAS:
        if not tables.is_older_schema(name, _table_schema(store_dir, snapshot / f"{name}.parquet")):
            return None
    try:
        stored = pq.read_table(snapshot / "files.parquet").to_pylist()
    except (OSError, pa.ArrowException) as error:
        raise layout.StoreDamaged(store_dir, f"{snapshot.name}/files.parquet cannot be read: {error}") from None
    return _Previous(snapshot, {row["file"]: tables.file_from_row(row) for row in stored})


def _table_schema(store_dir: Path, path: Path) -> pa.Schema:
    try:
        return pq.read_schema(path)
    except FileNotFoundError:
        raise layout.StoreDamaged(store_dir, f"{path.parent.name}/{path.name} is missing") from None
    except (OSError, pa.ArrowException) as error:
        raise layout.StoreDamaged(store_dir, f"{path.parent.name}/{path.name} cannot be read: {error}") from None


def _plan(paths: list[inputs.Input], previous: _Previous | None, manifest: str | None, prune: bool) -> _Plan:
    old = previous.files if previous else {}
    plan = _Plan(previous=old)
    existing = []
    for path in paths:
        if inputs.exists(path):
            existing.append(path)
        else:
            plan.reports.append(FileReport(str(path), "skipped", problems=("no such file or directory",)))
    try:
        found = inputs.discover(existing)
    except ReadError as error:
        plan.reports.append(FileReport(error.path, "skipped", problems=(error.problem,)))
        found = []
    seen: set[str] = set()
    folders: dict[str, str] = {}
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
    pruned = _pruned_roots(existing) if prune else ()
    for key, known in old.items():
        if key in seen:
            continue
        if layout.is_under(key, pruned):
            plan.removed.append(known)
            plan.reports.append(FileReport(key, "removed", known.n_articles))
        else:
            plan.carried[key] = known
    _reparse_sharers(plan, tasks)
    return plan


def _pruned_roots(paths: list[inputs.Input]) -> tuple[str, ...]:
    """What `prune` may remove from: the stored files under the given folders (or given as files) that are no
    longer found there as articles. Files stored from anywhere else are never pruned."""
    return tuple(str(_resolved_input(path)) for path in paths)


def _resolved(path: inputs.Input, folders: dict[str, str]) -> str:
    """`str(path.resolve())`, resolving each folder once: a file that is not a link resolves beside its folder.

    A URL is its own key."""
    if isinstance(path, str):
        return path
    if path.is_symlink():
        return str(path.resolve())
    folder, name = os.path.split(str(path))
    if folder not in folders:
        folders[folder] = str(Path(folder).resolve())
    return os.path.join(folders[folder], name)


def _reparse_sharers(plan: _Plan, tasks: _Tasks) -> None:
    """Re-parses carried files that share an article with a file whose rows are replaced or removed.

    An article's rows are stored once, however many files hold it; they go with the file that
    is replaced, so the other files holding it must write it again.
    """
    replaced = [plan.previous[t.key] for t in plan.tasks if t.key in plan.previous] + plan.removed
    dropped = {article_id for stored in replaced for article_id in stored.article_ids}
    sharers = [key for key, stored in plan.carried.items() if dropped.intersection(stored.article_ids)]
    for key in sharers:
        item = inputs.input_of(key)
        if not inputs.exists(item):
            continue
        del plan.carried[key]
        plan.reports = [r for r in plan.reports if r.file != key]
        plan.tasks.append(tasks.task(item, key, hashed=False))


class _Tasks:
    """Makes the tasks of one plan; each folder's manifest is looked at once (a given manifest overrides them).

    A local file's reader finds its folder's manifest itself; a URL's task names it."""

    def __init__(self, manifest: str | None) -> None:
        self.manifest = manifest
        self.by_folder: dict[str, tuple[inputs.Input | None, str | None]] = {}

    def task(self, path: inputs.Input, key: str, *, hashed: bool) -> _Task:
        """The task for one file; `hashed` when planning must compare its hash with the stored one."""
        applied, manifest_hash = self._manifest(path)
        return _Task(
            path=str(path),
            key=key,
            manifest=self.manifest or (applied if isinstance(applied, str) else None),
            manifest_hash=manifest_hash,
            file_hash=inputs.sha256_of(path) if hashed else None,
        )

    def _manifest(self, path: inputs.Input) -> tuple[inputs.Input | None, str | None]:
        folder = inputs.folder_of(path)
        if folder not in self.by_folder:
            applied = inputs.input_of(self.manifest) if self.manifest else inputs.manifest_beside(path, "manifest.csv")
            self.by_folder[folder] = applied, _manifest_hash(applied) if applied else None
        return self.by_folder[folder]


def _manifest_hash(item: inputs.Input) -> str:
    if isinstance(item, str):
        return inputs.sha256_of(item)
    stat = item.stat()
    return _hash_of_version(str(item), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _hash_of_version(path: str, mtime_ns: int, size: int) -> str:
    """One folder manifest serves every file beside it: hash each version of it once, not once per file."""
    return inputs.sha256_of(Path(path))


# Parsing (runs in worker processes when workers > 1)


@lru_cache(maxsize=8)
def _manifest(path: str, manifest_hash: str | None) -> dict[str, ArticleMeta]:
    """The manifest at `path` in the version planning hashed: a worker that lives on (a Dask worker) reads a
    changed manifest again."""
    return inputs.load_manifest(inputs.input_of(path))


@dataclass(frozen=True)
class _ReadFile:
    """A file's articles as its reader delivers them (not parsed yet), or the problem that stopped it."""

    task: _Task
    file_hash: str
    size: int
    items: tuple[RawArticle | ReadError, ...] = ()
    failure: str | None = None


def _read(task: _Task) -> _ReadFile:
    from newsfacts.read import MAX_FILE_BYTES, read_file

    path = inputs.input_of(task.path)
    try:
        data, file_hash, size = inputs.read_and_hash(path, MAX_FILE_BYTES)
    except OSError as error:
        return _ReadFile(task, task.file_hash or "", 0, failure=f"cannot read: {error.strerror or error}")
    try:
        manifest = _manifest(task.manifest, task.manifest_hash) if task.manifest else None
        items = tuple(read_file(path, manifest, data=data))
    except Exception as error:  # a reader bug in one file must not stop the others
        return _ReadFile(task, file_hash, size, failure=f"cannot parse: {type(error).__name__}: {error}")
    return _ReadFile(task, file_hash, size, items)


def _read_ahead(tasks: Iterable[_Task]) -> Iterator[_ReadFile]:
    """The files of `tasks` in order, read in batches of about READ_AHEAD_BYTES before any of them is parsed.

    Reading and decoding a file right after parsing another costs about three times as much CPU as reading
    files one after the other (the parser leaves the caches cold).
    """
    batch: list[_ReadFile] = []
    size = 0
    for task in tasks:
        batch.append(_read(task))
        size += batch[-1].size
        if size >= READ_AHEAD_BYTES:
            yield from batch
            batch, size = [], 0
    yield from batch


def _parse(read: _ReadFile) -> tuple[_ParsedFile, list[ParsedArticle]]:
    from newsfacts.pipeline import parse_article

    task = read.task
    if read.failure:
        return _ParsedFile(task, read.file_hash, read.size, (), (read.failure,), failed=True), []
    problems = tuple(
        item.problem if item.path == task.path else f"{item.path}: {item.problem}"
        for item in read.items if isinstance(item, ReadError)
    )
    try:
        articles = [parse_article(item) for item in read.items if not isinstance(item, ReadError)]
    except Exception as error:  # a parser bug in one file must not stop the others
        problem = f"cannot parse: {type(error).__name__}: {error}"
        return _ParsedFile(task, read.file_hash, read.size, (), (problem,), failed=True), []
    failed = not articles and bool(problems)
    ids = tuple(a.article_id for a in articles)
    return _ParsedFile(task, read.file_hash, read.size, ids, problems, failed), articles


def parse_chunk(chunk: Sequence[_Task], ingested_at: str) -> _ParsedChunk:
    """Parses a chunk of files and turns their articles into table rows where the parsing happened.

    The parser's records make no reference cycles, so the cyclic collector waits until the chunk is done: left on,
    it ran a thousand times per 10,000 articles, each time walking every object alive (8 % of the CPU)."""
    with collector_paused():
        return _parsed_chunk(chunk, ingested_at)


def _parsed_chunk(chunk: Sequence[_Task], ingested_at: str) -> _ParsedChunk:
    files: list[_ParsedFile] = []
    stored: list[tables.StoredArticle] = []
    for read in _read_ahead(chunk):
        parsed, articles = _parse(read)
        files.append(parsed)
        stored += [tables.StoredArticle(article, read.task.key, parsed.file_hash) for article in articles]
    articles = [s.article for s in stored]
    mentions = [tables.mentions_of(article) for article in articles]
    counts = [tables.row_counts(article) for article in articles]
    return _ParsedChunk(
        files=tuple(files),
        tables={**tables.article_tables(stored, ingested_at), **tables.mention_tables(articles, mentions)},
        row_counts={name: tuple(c[name] for c in counts) for name in (*tables.ARTICLE_TABLES, *tables.MENTION_TABLES)},
        mentions=tuple(mentions),
    )


def chunk_tasks(tasks: Sequence[_Task], workers: int) -> list[Sequence[_Task]]:
    """Enough chunks to keep every worker busy to the end, each at most MAX_TASKS_PER_CHUNK files."""
    size = min(MAX_TASKS_PER_CHUNK, max(1, ceil(len(tasks) / (workers * CHUNKS_PER_WORKER))))
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def parse_locally(tasks: Sequence[_Task], ingested_at: str, *, workers: int) -> Iterator[_ParsedChunk]:
    """Parsed chunks in task order; with several workers, at most two chunks per worker are in flight."""
    chunks = chunk_tasks(tasks, workers)
    if workers == 1 or len(chunks) == 1:
        yield from (parse_chunk(chunk, ingested_at) for chunk in chunks)
        return
    from newsfacts.pipeline import warm_up

    warm_up()  # the parser's compiled patterns are then shared by the workers instead of compiled in each

    gc.freeze()  # the workers' garbage collections then skip what they inherit, and its memory stays shared
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
            yield from parsed_in_order(pool.submit, chunks, ingested_at, in_flight=workers * 2)
    finally:
        gc.unfreeze()


PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Makes Linux kill this worker when the ingest that forked it dies, even by kill -9, so that no orphan goes on
    parsing. (The store's lock is not inherited by workers either: layout.ingest_lock.)"""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the orphan finishes its chunk and exits on the closed pipe
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def parsed_in_order(
    submit: Callable[..., Future], chunks: Iterable[Sequence[_Task]], ingested_at: str, *, in_flight: int
) -> Iterator[_ParsedChunk]:
    """`parse_chunk` of each chunk through `submit` (a pool's or a Dask client's), results in order, at most
    `in_flight` chunks submitted and not yet returned, so that memory stays bounded."""
    pending = iter(chunks)
    futures: deque[Future] = deque(submit(parse_chunk, chunk, ingested_at) for chunk in islice(pending, in_flight))
    while futures:
        done = futures.popleft().result()
        for chunk in islice(pending, 1):
            futures.append(submit(parse_chunk, chunk, ingested_at))
        yield done


# Writing a snapshot


def _write_snapshot(
    store_dir: Path, previous: _Previous | None, plan: _Plan, parse: ChunkParser, workers: int,
    progress: Progress | None,
) -> IngestReport:
    known = _stored_metadata(previous.snapshot, plan) if previous and plan.tasks else {}
    tmp = layout.new_snapshot_dir(store_dir)
    try:
        build = _Build(plan, SnapshotWriter(tmp), datetime.now(timezone.utc).isoformat(timespec="seconds"), known)
        if progress:
            progress(0, len(plan.tasks), "")
        done = 0
        for chunk in parse(plan.tasks, build.ingested_at):
            build.add(chunk)
            for parsed in chunk.files:
                done += 1
                if progress:
                    progress(done, len(plan.tasks), parsed.task.path)
        if previous:
            build.carry_over(previous.snapshot)
        events = build.finish(workers)
        snapshot = publish_snapshot(store_dir, tmp, build.ingested_at)
    except OSError as error:  # a full disk, say: name where, as Arrow's own errors do not
        layout.remove_unused(store_dir)
        if error.filename:
            raise
        raise OSError(error.errno, f"cannot write a new snapshot: {error.strerror or error}", str(store_dir)) from error
    except BaseException:
        layout.remove_unused(store_dir)
        raise
    plan.reports += build.reports
    return _report(store_dir, plan, build.counts, events, snapshot.name)


def _metadata_scores(articles: pa.Table) -> np.ndarray:
    """How much of its metadata each article row knows: source, url, and a publication date (stated counts twice,
    inferred once). The copy of an article that knows more is the one kept."""
    known = [pc.is_valid(articles[name]).to_numpy(zero_copy_only=False).astype(int) for name in ("source", "url")]
    dated = pc.is_valid(articles["published"]).to_numpy(zero_copy_only=False)
    stated = dated & ~pc.fill_null(articles["published_inferred"], True).to_numpy(zero_copy_only=False)
    return known[0] + known[1] + dated.astype(int) + stated.astype(int)


def _stored_metadata(snapshot: Path, plan: _Plan) -> dict[str, int]:
    """The metadata score of every stored article that a carried file still holds: the same content arriving in
    a new file (an upload without its manifest, say) does not replace it unless it knows more."""
    held = pa.array(sorted({a for stored in plan.carried.values() for a in stored.article_ids}), pa.string())
    if not len(held):
        return {}
    columns = ["article_id", "source", "url", "published", "published_inferred"]
    articles = pq.read_table(snapshot / "articles.parquet", columns=columns)
    articles = articles.filter(pc.is_in(articles["article_id"], value_set=held))
    return dict(zip(articles["article_id"].to_pylist(), _metadata_scores(articles).tolist()))


class _Build:
    """The state of one snapshot being written: rows streamed so far, mentions held for the event merge."""

    def __init__(self, plan: _Plan, writer: SnapshotWriter, ingested_at: str, known: dict[str, int]) -> None:
        self.plan = plan
        self.writer = writer
        self.ingested_at = ingested_at
        self.known = known
        self.written: set[str] = set()
        self.dialogues: list[DialogueMention] = []
        self.deals: list[DealMention] = []
        self.mention_tables: dict[str, list[pa.Table]] = {name: [] for name in tables.MENTION_TABLES}
        self.counts = _no_records()
        self.reports: list[FileReport] = []

    def add(self, chunk: _ParsedChunk) -> None:
        """Records a parsed chunk: files in order; an article already written in this run is not written again."""
        keep: list[bool] = []
        scores = iter(_metadata_scores(chunk.tables["articles"]).tolist())
        for parsed in chunk.files:
            stored_before = 0
            for article_id in parsed.article_ids:
                better_stored = self.known.get(article_id, -1) >= next(scores)
                stored_before += article_id in self.known
                keep.append(article_id not in self.written and not better_stored)
                if not better_stored:
                    self.written.add(article_id)
            self._add_file(parsed, stored_before)
        kept = np.array(keep, dtype=bool)
        self.counts["duplicates"] += len(keep) - int(kept.sum())
        self.counts["articles"] += int(kept.sum())
        for name, table in chunk.tables.items():
            if not kept.all():
                table = table.filter(pa.array(np.repeat(kept, chunk.row_counts[name])))
            if name in self.mention_tables:
                self.mention_tables[name].append(table)
            else:
                self.writer.add(name, table)
            if name in _COUNTED_AS:
                self.counts[_COUNTED_AS[name]] += table.num_rows
        for mentions, is_kept in zip(chunk.mentions, keep):
            if is_kept:
                self.dialogues += mentions.dialogues
                self.deals += mentions.deals

    def _add_file(self, parsed: _ParsedFile, already_stored: int) -> None:
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
        self.reports.append(FileReport(task.key, "ingested", len(parsed.article_ids), parsed.problems, already_stored))

    def carry_over(self, snapshot: Path) -> None:
        """Copies the rows of articles that files carried over still hold and that were not written again."""
        kept = {a for stored in self.plan.carried.values() for a in stored.article_ids} - self.written
        if not kept:
            return
        id_array = pa.array(sorted(kept), pa.string())
        for name, target, from_row in (
            ("dialogue_mentions", self.dialogues, tables.dialogue_mention_from_row),
            ("deal_mentions", self.deals, tables.deal_mention_from_row),
        ):
            old = tables.conformed(name, pq.read_table(snapshot / f"{name}.parquet"))
            old = old.filter(pc.is_in(old.column("article_id"), value_set=id_array))
            self.mention_tables[name].append(old)
            target += [from_row(row) for row in old.to_pylist()]
        for name in tables.ARTICLE_TABLES:
            self.writer.copy(name, snapshot / f"{name}.parquet", id_array)

    def finish(self, workers: int = 1) -> dict[str, int]:
        """Writes what is left: the per-article tables still buffered, the mentions with their events, the files.

        The cyclic collector is off meanwhile: the merges and the event tables build many objects that live on, which
        set off full collections, each walking every mention held (0.4 s of CPU for 10,000 articles, right where a
        core may be idle), and they make no cycles (`collector_paused`)."""
        with collector_paused():
            events = self._merge_and_write(workers)
        carried = self.plan.carried
        self.writer.write_table("files", tables.files_table([carried[key] for key in sorted(carried)]))
        return events

    def _merge_and_write(self, workers: int) -> dict[str, int]:
        # Forked before the writer's thread starts: a process forked beside a running thread may inherit held locks.
        deal_merge = _start_deal_merge(self.deals) if workers > 1 and self.deals and self.dialogues else None
        with ThreadPoolExecutor(max_workers=1) as thread:
            # Arrow sorts and writes the sentences without holding the GIL, so this runs beside the merge.
            closing = thread.submit(self.writer.close)
            events = self._write_events(deal_merge)
            closing.result()
        return events

    def _write_events(self, deal_merge: Future | None) -> dict[str, int]:
        dialogue_events = merge_dialogues(self.dialogues)
        deal_events = _merged_deals(deal_merge, self.deals)
        mentions = {name: pa.concat_tables(parts) if parts else tables.SCHEMAS[name].empty_table()
                    for name, parts in self.mention_tables.items()}
        for name, table in event_tables(mentions, dialogue_events, deal_events).items():
            self.writer.write_table(name, table)
        return {"dialogue_events": len(dialogue_events), "deal_events": len(deal_events)}


# The deal mentions a forked merge process inherits (set only while it forks), so that they are not pickled to it.
_DEALS_TO_MERGE: list[DealMention] = []


def _merge_inherited_deals() -> tuple[DealEvent, ...]:
    return merge_deals(_DEALS_TO_MERGE)


def _start_deal_merge(deals: list[DealMention]) -> Future | None:
    """merge_deals(deals) in a forked process, beside the dialogue merge: with several workers the merge at the end
    would otherwise leave a core idle. None where processes cannot be forked."""
    global _DEALS_TO_MERGE
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    _DEALS_TO_MERGE = deals
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                               initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        return pool.submit(_merge_inherited_deals)  # the process is forked here, inheriting the mentions
    finally:
        _DEALS_TO_MERGE = []
        pool.shutdown(wait=False)


def _merged_deals(deal_merge: Future | None, deals: list[DealMention]) -> tuple[DealEvent, ...]:
    if deal_merge is not None:
        try:
            return deal_merge.result()
        except BrokenProcessPool:  # the forked process died (killed for memory, say): merge here instead
            pass
    return merge_deals(deals)


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
