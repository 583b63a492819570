"""Command line: `python -m newsfacts COMMAND ...`; each command lives in `newsfacts.commands`."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

COMMAND_MODULES = ("extract", "evaluate", "ingest", "stats")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts",
        description="Turn Vietnamese defence-news articles into dialogue, deal, country and people records.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"newsfacts.commands.{name}").register(subparsers)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return int(args.run(args) or 0)
