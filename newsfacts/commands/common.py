"""What the commands share: exit codes, one per kind of outcome, one-line failure messages, the `--store` option."""

from __future__ import annotations

import argparse
import os
import sys
from enum import IntEnum
from pathlib import Path


class Exit(IntEnum):
    OK = 0
    SKIPPED = 1  # some input was skipped (its reason is printed); everything else went in
    USAGE = 2  # a wrong argument, a missing path, an unreadable manifest
    NO_STORE = 3  # no store in that folder
    DAMAGED = 4  # the store's pointer, metadata or a table file cannot be trusted: nothing was changed
    SYSTEM = 5  # the system refused a read or write (disk full, permission): nothing stored before was lost
    BUSY = 6  # another ingest held the store for longer than --lock-timeout


EXIT_CODES_HELP = """exit codes:
  0  done
  1  some input was skipped; each file and reason is printed
  2  usage error: wrong argument, missing path, unreadable manifest
  3  no store in that folder
  4  the store is damaged and was left as it is (see `check` and `repair`)
  5  the system refused a read or write (disk full, permission denied)
  6  the store stayed locked by another ingest past --lock-timeout"""


def fail(message: str, code: Exit) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def os_error_message(error: OSError) -> str:
    """`FILE: reason` for an OSError, with what to do for a full disk or a refused permission."""
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}; nothing stored before was lost, fix this and run the command again"


def quiet_broken_pipe() -> None:
    """After the reader of our output went away (`| head`): send what is left to /dev/null, print nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def store_command(subparsers, name: str, *, help: str, description: str, example: str, run) -> argparse.ArgumentParser:
    """A subcommand that works on one store (`--store DIR`), with its example and the exit codes in its help."""
    parser = subparsers.add_parser(
        name, help=help, description=description, epilog=f"example: {example}\n\n{EXIT_CODES_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=None, help="store folder (default: $NEWSFACTS_STORE or data/store)")
    parser.set_defaults(run=run)
    return parser
