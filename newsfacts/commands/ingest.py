"""`python -m newsfacts ingest PATH... [--manifest CSV] [--out DIR] [--workers N] [--prune]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsfacts.commands.common import EXIT_CODES_HELP, Exit, fail

if TYPE_CHECKING:
    from newsfacts.store import IngestReport

EXAMPLE = "example: python -m newsfacts ingest data/sample --workers 2 --prune"


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
        "Unchanged files are skipped by content hash; changed files replace their records.",
        epilog=f"{EXAMPLE}\n\n{EXIT_CODES_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders to ingest")
    parser.add_argument("--manifest", type=Path, help="CSV (file,source,url,published) for every file; "
                        "default: each folder's own manifest.csv")
    parser.add_argument("--out", type=Path, default=None, help="store folder (default: $NEWSFACTS_STORE or data/store)")
    parser.add_argument("--workers", type=int, default=1, help="parser processes (default 1)")
    parser.add_argument("--prune", action="store_true",
                        help="remove records of stored files under PATHs that are no longer there as articles")
    parser.add_argument("--lock-timeout", type=float, default=None, metavar="SECONDS",
                        help="give up (exit 6) when another ingest holds the store longer (default: wait)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newsfacts.read import ReadError
    from newsfacts.store import default_store_dir, ingest

    problems = [f"no such file or directory: {p}" for p in args.paths if not p.exists()]
    if args.manifest and not args.manifest.is_file():
        problems.append(f"manifest not found: {args.manifest}")
    if args.workers < 1:
        problems.append("--workers must be at least 1")
    if args.lock_timeout is not None and args.lock_timeout < 0:
        problems.append("--lock-timeout must not be negative")
    if problems:
        print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
        return Exit.USAGE
    store_dir = args.out or default_store_dir()
    try:
        report = ingest(
            args.paths, store_dir=store_dir, manifest=args.manifest, workers=args.workers, prune=args.prune,
            progress=ProgressBar(sys.stderr), lock_timeout_s=args.lock_timeout, on_wait=_say_waiting(store_dir),
        )
    except ReadError as error:
        return fail(str(error), Exit.USAGE)
    print(summary(report))
    return Exit.OK if report.ok else Exit.SKIPPED


def _say_waiting(store_dir: Path):
    def say(holder: str) -> None:
        print(f"ingest: waiting for {holder} to release {store_dir} (--lock-timeout SECONDS to give up)",
              file=sys.stderr, flush=True)

    return say


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
