"""Command line: `python -m newsfacts COMMAND ...`; each command lives in `newsfacts.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsfacts.commands.common import EXIT_CODES_HELP, Exit, fail, os_error_message, quiet_broken_pipe

COMMAND_MODULES = ("extract", "evaluate", "ingest", "stats", "check", "repair", "export", "correct", "gold")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts",
        description="Turn Vietnamese defence-news articles into dialogue, deal, country and people records.",
        epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"newsfacts.commands.{name}").register(subparsers)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command; a failure ends in one line on stderr and the exit code of its kind (`--help`)."""
    from newsfacts.review.log import CorrectionsFileError
    from newsfacts.store.layout import StoreBusy, StoreDamaged

    args = parse_args(argv)
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()  # here, so that a reader gone away (`| head`) is caught below, not at exit
        return code
    except BrokenPipeError:
        quiet_broken_pipe()
        return Exit.OK
    except StoreDamaged as damage:
        return fail(f"{damage}; {damage.advice()}", Exit.DAMAGED)
    except CorrectionsFileError as damage:
        return fail(f"{damage}; nothing was changed", Exit.DAMAGED)
    except StoreBusy as busy:
        return fail(f"{busy}; try again when it has finished", Exit.BUSY)
    except OSError as error:
        return fail(os_error_message(error), Exit.SYSTEM)
