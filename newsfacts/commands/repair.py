"""`python -m newsfacts repair [--store DIR]`: point CURRENT at the newest complete snapshot; deletes nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsfacts.commands.errors import EXIT_CODES_HELP, Exit, fail


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "repair", help="point the store at its newest complete snapshot",
        description="When the live snapshot cannot be used (CURRENT missing, empty, garbled or naming a missing "
                    "snapshot, or a file of it damaged), point CURRENT at the newest snapshot that passes every "
                    "check. Deletes nothing; does nothing to a sound store.",
        epilog=f"example: python -m newsfacts repair --store data/store\n\n{EXIT_CODES_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=None, help="store folder (default: $NEWSFACTS_STORE or data/store)")
    parser.set_defaults(run=run)


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
