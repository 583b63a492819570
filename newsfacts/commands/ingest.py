"""`python -m newsfacts ingest PATH... [--manifest CSV] [--out DIR] [--workers N] [--prune] [--engine dask]`."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsfacts.commands.common import EXIT_CODES_HELP, Exit, fail

if TYPE_CHECKING:
    from newsfacts.store import IngestReport

EXAMPLE = (
    "examples: python -m newsfacts ingest data/sample --workers 2 --prune\n"
    "          python -m newsfacts ingest s3://news/2024 --engine dask --scheduler tcp://10.0.0.5:8786 --out /srv/store"
)


class ProgressBar:
    """Progress on stderr: one line rewritten with `\\r` on a terminal, else one line per ~10%."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()
        self.next_step = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        share = done / total if total else 1.0
        if self.tty:
            filled = int(share * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\r[{bar}] {done}/{total} {Path(name).name[:40]:<40}")
            if done == total:
                self.stream.write("\n")
        elif share * 10 >= self.next_step:
            self.stream.write(f"ingest: {done}/{total} files ({share:.0%})\n")
            self.next_step = int(share * 10) + 1
        self.stream.flush()


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="parse files and folders into the Parquet store",
        description="Parse .txt, .html, .jsonl and .zip files (folders recursively) into the store. "
        "Unchanged files are skipped by content hash; changed files replace their records. "
        "Paths, --manifest and --out may be fsspec URLs (s3://, gs://, memory://) with the scale extra installed.",
        epilog=f"{EXAMPLE}\n\n{EXIT_CODES_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (local or URLs) to ingest")
    parser.add_argument("--manifest", help="CSV (file,source,url,published) for every file; "
                        "default: each folder's own manifest.csv")
    parser.add_argument("--out", default=None, help="store folder or URL (default: $NEWSFACTS_STORE or data/store)")
    parser.add_argument("--workers", type=int, default=1,
                        help="parser processes (default 1); with --engine dask, the LocalCluster's workers")
    parser.add_argument("--prune", action="store_true",
                        help="remove records of stored files under PATHs that are no longer there as articles")
    parser.add_argument("--lock-timeout", type=float, default=None, metavar="SECONDS",
                        help="give up (exit 6) when another ingest holds the store longer (default: wait)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes (default) or a Dask cluster (needs requirements-scale.txt)")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="with --engine dask: the scheduler to use (default: start a LocalCluster)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newsfacts.read import ReadError
    from newsfacts.store import default_store_dir
    from newsfacts.store.dask_engine import DaskUnavailable
    from newsfacts.store.remote import ingest_remote, is_remote

    try:
        problems = usage_problems(args)
    except ReadError as error:
        problems = [str(error)]
    if problems:
        print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
        return Exit.USAGE
    store = args.out or default_store_dir()
    ingest_into = partial(_ingest, args)
    try:
        report = ingest_remote(str(store), ingest_into) if is_remote(store) else ingest_into(Path(store))
    except (ReadError, DaskUnavailable) as error:
        return fail(str(error), Exit.USAGE)
    print(summary(report))
    return Exit.OK if report.ok else Exit.SKIPPED


def _say_waiting(store_dir: Path):
    def say(holder: str) -> None:
        print(f"ingest: waiting for {holder} to release {store_dir} (--lock-timeout SECONDS to give up)",
              file=sys.stderr, flush=True)

    return say


def usage_problems(args: argparse.Namespace) -> list[str]:
    """What is wrong with the command line, before anything is read; ReadError when a URL cannot be opened."""
    from newsfacts.store import inputs

    problems = [f"no such file or directory: {p}" for p in args.paths if not inputs.exists(inputs.input_of(p))]
    if args.manifest and not inputs.is_file(inputs.input_of(args.manifest)):
        problems.append(f"manifest not found: {args.manifest}")
    if args.workers < 1:
        problems.append("--workers must be at least 1")
    if args.lock_timeout is not None and args.lock_timeout < 0:
        problems.append("--lock-timeout must not be negative")
    if args.scheduler and args.engine != "dask":
        problems.append("--scheduler needs --engine dask")
    return problems


def _ingest(args: argparse.Namespace, store_dir: Path) -> IngestReport:
    from newsfacts.store import ingest
    from newsfacts.store.dask_engine import ingest_on_dask

    common = {
        "store_dir": store_dir, "manifest": args.manifest, "prune": args.prune, "progress": ProgressBar(sys.stderr),
        "lock_timeout_s": args.lock_timeout, "on_wait": _say_waiting(store_dir),
    }
    if args.engine == "dask":
        return ingest_on_dask(args.paths, scheduler=args.scheduler, n_workers=args.workers, **common)
    return ingest(args.paths, workers=args.workers, **common)


def summary(report: IngestReport) -> str:
    statuses = [f.status for f in report.files]
    lines = [
        f"store: {report.store_dir} (snapshot {report.snapshot})",
        f"files: {statuses.count('ingested')} read, {statuses.count('unchanged')} unchanged, "
        f"{statuses.count('removed')} removed, {statuses.count('skipped')} skipped",
        f"articles: {report.articles} new" + (f" ({report.duplicates} duplicates not stored again)" if report.duplicates else ""),
        *([f"already stored: {known} articles arrived again in other files; each kept the copy with the most "
           "metadata (source, url, date)"] if (known := sum(f.already_stored for f in report.files)) else []),
        "records: " + ", ".join(f"{n} {kind}" for kind, n in report.records.items()),
        "events in store: " + ", ".join(f"{n} {kind}" for kind, n in report.events.items()),
    ]
    if report.skipped:
        lines.append(f"problems ({len(report.skipped)} files):")
        lines += [f"  {f.file}: {problem}" for f in report.skipped for problem in f.problems]
    return "\n".join(lines)
