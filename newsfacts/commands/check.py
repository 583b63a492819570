"""`python -m newsfacts check [--store DIR]`: verify the pointer, metadata and every table file of the live snapshot."""

from __future__ import annotations

import argparse

from newsfacts.commands.common import Exit, fail, store_command


def register(subparsers) -> None:
    store_command(
        subparsers, "check", help="verify every file of the store's live snapshot",
        description="Check that CURRENT names a snapshot of the store, that its meta.json is sound, and that every "
                    "table file reads to its last row. Changes nothing.",
        example="python -m newsfacts check --store data/store", run=run)


def run(args: argparse.Namespace) -> int:
    from newsfacts.store import default_store_dir
    from newsfacts.store.check import check_store

    report = check_store(args.store or default_store_dir())
    if not report.exists:
        return fail(f"no store in {report.store_dir}", Exit.NO_STORE)
    if report.problems:
        for problem in report.problems:
            print(f"{report.store_dir}: {problem}")
        return fail(f"{report.store_dir} is damaged ({len(report.problems)} problems); nothing was changed; "
                    f"`python -m newsfacts repair --store {report.store_dir}` points CURRENT at the newest "
                    "complete snapshot", Exit.DAMAGED)
    print(f"{report.store_dir}: ok (snapshot {report.snapshot.name})")
    return Exit.OK
