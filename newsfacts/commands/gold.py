"""`python -m newsfacts gold ARTICLE_ID [--store DIR] [--out FILE]`: an article's reviewed events as a gold file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsfacts.commands.common import Exit, fail, store_command


def register(subparsers) -> None:
    parser = store_command(
        subparsers, "gold", help="write an article's confirmed and corrected events as a gold file (SPEC.md)",
        description="Write the confirmed, corrected and added events of one article, as the corrected view shows "
        "them, in the gold-file format of `evaluate`. Events nobody reviewed are left out (counted on stderr).",
        example="python -m newsfacts gold 3ec3cb6a694566e1 --out data/reviewed/article.gold.json", run=run)
    parser.add_argument("article_id", metavar="ARTICLE_ID")
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: print it)")


def run(args: argparse.Namespace) -> int:
    from newsfacts.review import CorrectionError, load_view
    from newsfacts.review.gold import article_gold
    from newsfacts.store import default_store_dir

    try:
        gold = article_gold(load_view(args.store or default_store_dir()).tables, args.article_id)
    except CorrectionError as error:
        return fail(str(error), Exit.USAGE)

    if args.out:
        args.out.write_text(gold.text(), encoding="utf-8")
    else:
        sys.stdout.write(gold.text())
    if gold.unreviewed:
        print(f"gold: {gold.unreviewed} events of this article are not reviewed and were left out", file=sys.stderr)
    return 0
