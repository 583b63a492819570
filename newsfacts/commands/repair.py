"""`python -m newsfacts repair [--store DIR]`: point CURRENT at the newest complete snapshot; deletes nothing."""

from __future__ import annotations

import argparse

from newsfacts.commands.common import Exit, fail, store_command


def register(subparsers) -> None:
    store_command(
        subparsers, "repair", help="point the store at its newest complete snapshot",
        description="When the live snapshot cannot be used (CURRENT missing, empty, garbled or naming a missing "
                    "snapshot, or a file of it damaged), point CURRENT at the newest snapshot that passes every "
                    "check. Deletes nothing; does nothing to a sound store.",
        example="python -m newsfacts repair --store data/store", run=run)


def run(args: argparse.Namespace) -> int:
    from newsfacts.store import default_store_dir
    from newsfacts.store.check import repair_store
    from newsfacts.store.layout import snapshots

    store_dir = args.store or default_store_dir()
    if not snapshots(store_dir):
        return fail(f"no store in {store_dir}", Exit.NO_STORE)
    report = repair_store(store_dir)
    if report.changed:
        print(f"{store_dir}: CURRENT now names {report.snapshot.name} (it held {report.before[:80]!r})")
    else:
        print(f"{store_dir}: nothing to repair (snapshot {report.snapshot.name})")
    return Exit.OK
