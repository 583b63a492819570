"""Ingest speed and memory: N generated articles, into fresh stores, with 1 and 2 workers.

    python benchmarks/bench_ingest.py N [--format txt|html|jsonl] [--workers 1 2] [--engine local dask] [--keep DIR]

With `--engine dask` the same ingest parses on a Dask LocalCluster of that many single-threaded worker
processes (needs requirements-scale.txt); the cluster is started and its workers import and warm up the
parser before the clock starts (that start-up is printed apart). Its workers' CPU during the ingest is asked
from each worker; the parent's CPU includes the scheduler's, which a LocalCluster runs in the client process.

Prints articles/s and MB/s of input (wall clock), CPU seconds (all processes), articles per CPU second,
the CPU milliseconds per article of the ingest process itself ("parent", imports included) and of its
workers, peak resident memory (getrusage: the ingest process and, separately, its largest worker) and
the store size. Each run happens in its own process so peak memory is that run's alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_corpus  # noqa: E402


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(corpus: Path, store: Path, workers: int, engine: str = "local") -> dict:
    """Runs one ingest in this process and returns its figures (called in a fresh child process)."""
    with ExitStack() as stack:
        started = time.perf_counter()
        client = _dask_client(stack, workers) if engine == "dask" else None
        parser = _warmed_parser(client) if client else None
        startup = time.perf_counter() - started
        before = _cluster_cpu_seconds(client)
        figures = _measured(corpus, store, workers, parser)
        cluster_cpu = _cluster_cpu_seconds(client) - before
    return figures | {
        "engine": engine, "startup_seconds": startup, "cpu_seconds": figures["cpu_seconds"] + cluster_cpu,
        "worker_cpu_seconds": figures["worker_cpu_seconds"] + cluster_cpu,
    }


def _dask_client(stack: ExitStack, workers: int):
    from newsfacts.store.dask_engine import dask_client

    client = stack.enter_context(dask_client(None, workers))
    client.wait_for_workers(workers)
    return client


def _warmed_parser(client):
    from newsfacts.store.dask_engine import dask_parser

    return dask_parser(client)


def _cluster_cpu_seconds(client) -> float:
    """CPU seconds used so far by the Dask cluster's worker processes (0 without a cluster)."""
    return sum(client.run(_own_cpu_seconds).values()) if client else 0.0


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _measured(corpus: Path, store: Path, workers: int, parser) -> dict:
    from newsfacts.store import ingest

    started = time.perf_counter()
    report = ingest([corpus], store_dir=store, workers=workers, parser=parser)
    seconds = time.perf_counter() - started
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu, children_cpu = own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime
    return {
        "cpu_seconds": parent_cpu + children_cpu,
        "parent_cpu_seconds": parent_cpu,
        "worker_cpu_seconds": children_cpu,
        "workers": workers,
        "articles": report.articles,
        "seconds": seconds,
        "skipped": len(report.skipped),
        "peak_mb": own.ru_maxrss / 1024,
        "worker_peak_mb": children.ru_maxrss / 1024,
    }


def run_in_child(corpus: Path, store: Path, workers: int, engine: str = "local") -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", str(corpus), str(store), str(workers), engine],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout
    return json.loads(output.splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        corpus, store, workers, engine = sys.argv[2:6]
        print(json.dumps(measure(Path(corpus), Path(store), int(workers), engine)))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of generated articles")
    parser.add_argument("--format", choices=["txt", "html", "jsonl"], default="txt", help="input format (default txt)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engine", nargs="+", choices=["local", "dask"], default=["local"],
                        help="local processes and/or a Dask LocalCluster (default local)")
    parser.add_argument("--keep", type=Path, help="write corpus and stores here instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        corpus = write_corpus(base / f"corpus-{args.format}", args.n, args.format)
        input_mb = folder_bytes(corpus) / 1e6
        print(f"{args.n} {args.format} articles, {input_mb:.1f} MB of input")
        print(f"{'engine':>6} {'workers':>7} {'articles/s':>11} {'MB/s':>7} {'seconds':>8} {'cpu s':>7} {'per cpu s':>9} "
              f"{'parent ms':>9} {'worker ms':>9} {'peak MB':>8} {'worker MB':>9} {'store MB':>8} {'start s':>7}")
        for engine, workers in [(engine, workers) for workers in args.workers for engine in args.engine]:
            store = base / f"store-{args.format}-{engine}-{workers}"
            shutil.rmtree(store, ignore_errors=True)  # a store kept from an earlier run would make this a no-op ingest
            figures = run_in_child(corpus, store, workers, engine)
            seconds, articles = figures["seconds"], max(1, figures["articles"])
            print(
                f"{engine:>6} {workers:>7} {articles / seconds:>11.0f} {input_mb / seconds:>7.2f} {seconds:>8.1f} "
                f"{figures['cpu_seconds']:>7.1f} {articles / figures['cpu_seconds']:>9.0f} "
                f"{1000 * figures['parent_cpu_seconds'] / articles:>9.2f} {1000 * figures['worker_cpu_seconds'] / articles:>9.2f} "
                f"{figures['peak_mb']:>8.0f} {figures['worker_peak_mb']:>9.0f} {folder_bytes(store) / 1e6:>8.1f} "
                f"{figures['startup_seconds']:>7.1f}"
            )


if __name__ == "__main__":
    main()
