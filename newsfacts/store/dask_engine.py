"""Ingest on a Dask cluster: the plan, snapshot, incremental rules and event merge of `ingest`, with the parsing
of the chunks of files mapped over the cluster's workers instead of local processes.

Needs the `scale` extra (requirements-scale.txt). Without a scheduler address it starts a `LocalCluster` of
`n_workers` single-threaded worker processes. With an address, the cluster's workers must reach the inputs:
fsspec URLs (`s3://`, `gs://`, with their credentials in the workers' environment) or a shared filesystem.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfacts.pipeline import warm_up
from newsfacts.store.ingest import ChunkParser, IngestReport, Progress, chunk_tasks, ingest, parsed_in_order

if TYPE_CHECKING:
    from distributed import Client

IN_FLIGHT_PER_THREAD = 2
INSTALL_HINT = "Dask is not installed: pip install -r requirements-scale.txt (or pip install 'newsfacts[scale]')"


class DaskUnavailable(RuntimeError):
    """The `dask --engine` was asked for without dask.distributed installed."""


def ingest_on_dask(
    paths: Iterable[Path | str],
    *,
    store_dir: Path | str,
    scheduler: str | None = None,
    n_workers: int = 2,
    manifest: Path | str | None = None,
    prune: bool = False,
    progress: Progress | None = None,
    **options: Any,
) -> IngestReport:
    """`ingest` with the parsing on the Dask cluster at `scheduler`, or on a LocalCluster of `n_workers`;
    `options` are `ingest`'s others (`lock_timeout_s`, `on_wait`)."""
    with dask_client(scheduler, n_workers) as client:
        return ingest(
            paths, store_dir=store_dir, manifest=manifest, prune=prune, progress=progress,
            workers=min(2, os.cpu_count() or 1), parser=dask_parser(client), **options,
        )


@contextmanager
def dask_client(scheduler: str | None, n_workers: int) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a LocalCluster started (and stopped) here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable(INSTALL_HINT) from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def dask_parser(client: Client) -> ChunkParser:
    """A chunk parser for `ingest(..., parser=...)` that parses on the workers of `client`'s cluster.

    Each worker imports the parser and compiles its patterns now, all at once, rather than on its first chunk."""
    client.run(warm_up)
    return partial(parse_on_cluster, client)


def parse_on_cluster(client: Client, tasks: Sequence, ingested_at: str) -> Iterator:
    """The parsed chunks of `tasks` in order, each parsed by a worker; the driver receives Arrow tables and
    mentions (about 7 KB per article), at most two chunks per worker thread at a time."""
    threads = max(1, sum(client.nthreads().values()))
    submit = partial(client.submit, pure=False)
    yield from parsed_in_order(submit, chunk_tasks(tasks, threads), ingested_at, in_flight=threads * IN_FLIGHT_PER_THREAD)
