"""`python -m newsfacts evaluate --gold DIR [--json]`: score the parser against gold files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsfacts.commands.common import Exit, fail
from newsfacts.evaluate import Evaluation, evaluate_folder
from newsfacts.read import ReadError

EXAMPLE = "example: python -m newsfacts evaluate --gold data/seeds --json"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="score extraction against *.gold.json files",
        description="Parse every *.txt in DIR (with DIR/manifest.csv) and score it against the *.gold.json beside it.",
        epilog=EXAMPLE)
    parser.add_argument("--gold", required=True, type=Path, metavar="DIR", help="folder of articles and gold files")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.gold.is_dir():
        return fail(f"{args.gold} is not a folder", Exit.USAGE)
    try:
        evaluation = evaluate_folder(args.gold)
    except ReadError as error:
        return fail(str(error), Exit.USAGE)
    if args.json:
        print(json.dumps(evaluation.as_dict(), ensure_ascii=False))
    else:
        print(format_report(evaluation))
    return 0


def format_report(evaluation: Evaluation) -> str:
    scores = evaluation.as_dict()
    lines = [f"{scores['articles']} articles", f"{'':10} {'precision':>9} {'recall':>9} {'f1':>9}"]
    for name in ("countries", "dialogues", "deals"):
        part = scores[name]
        lines.append(f"{name:10} {part['precision']:9.3f} {part['recall']:9.3f} {part['f1']:9.3f}")
    dialogues, deals = scores["dialogues"], scores["deals"]
    lines.append(f"dialogues: location {dialogues['location_accuracy']:.3f}, status {dialogues['status_accuracy']:.3f}")
    lines.append(f"deals: value {deals['value_accuracy']:.3f}, quantity {deals['quantity_accuracy']:.3f}, "
                 f"kind {deals['kind_accuracy']:.3f}, status {deals['status_accuracy']:.3f}")
    lines.append(f"overall {scores['overall']:.3f}")
    for article in evaluation.articles:
        if article.misses:
            lines.append(f"\n{article.name}")
            lines.extend(f"  {miss}" for miss in article.misses)
    lines.extend(f"unreadable: {error}" for error in evaluation.errors)
    return "\n".join(lines)
