"""`python -m newsfacts stats [--store DIR] [--json]`: row count of every store table."""

from __future__ import annotations

import argparse
import json

from newsfacts.commands.common import Exit, fail, store_command


def register(subparsers) -> None:
    parser = store_command(
        subparsers, "stats", help="row count of every store table and number of events",
        description="Print the row count of every table of the store.",
        example="python -m newsfacts stats --json", run=run)
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from newsfacts.store import default_store_dir, table_sizes
    from newsfacts.store.layout import current_snapshot

    store_dir = args.store or default_store_dir()
    if current_snapshot(store_dir) is None:
        return fail(f"no store in {store_dir}; build one with `python -m newsfacts ingest PATH... --out {store_dir}`",
                    Exit.NO_STORE)
    sizes = table_sizes(store_dir)
    events = sizes["dialogue_events"] + sizes["deal_events"]
    if args.json:
        print(json.dumps({"store": str(store_dir), "tables": sizes, "events": events}))
    else:
        print(f"store: {store_dir}")
        print("\n".join(f"{name:<20}{n:>10}" for name, n in sizes.items()))
        print(f"{'events':<20}{events:>10}")
    return Exit.OK
