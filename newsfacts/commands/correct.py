"""`python -m newsfacts correct`: confirm, reject, edit, merge, split or add events; share corrections as a file."""

from __future__ import annotations

import argparse
import getpass
import json
import os
from pathlib import Path

from newsfacts.commands.common import Exit, fail, store_command

EXAMPLE = """python -m newsfacts correct 4be3de43ae072cb0 --confirm --by Lan
  python -m newsfacts correct 4be3de43ae072cb0 --reject not-a-dialogue --note "a ministers' meeting"
  python -m newsfacts correct 9c1e0f6a2b7d4e11 --set buyer=IND --set quantity=36 --by Lan
  python -m newsfacts correct 4be3de43ae072cb0 --merge 02bfe68b7ef336cb
  python -m newsfacts correct --add deal --article 3ec3cb6a694566e1 --sentence 2 --set buyer=IND --set seller=FRA
  python -m newsfacts correct --export lan.json       (then, on another store: correct --import lan.json)
  python -m newsfacts correct --list"""


def register(subparsers) -> None:
    parser = store_command(
        subparsers, "correct", help="record an analyst's correction of an event; export or import corrections",
        description="Corrections are kept beside the parsed tables (never in them) and apply on every read, "
        "also after a re-ingest. EVENT_ID is the event_id of the dialogue_events or deal_events table.",
        example=EXAMPLE, run=run)
    parser.add_argument("event_id", nargs="?", metavar="EVENT_ID", help="the event to correct")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--confirm", action="store_true", help="the event is right as it is")
    action.add_argument("--reject", metavar="REASON", help="not an event: not-a-dialogue, not-a-deal, wrong-article, "
                        "duplicate, other")
    action.add_argument("--merge", nargs="+", metavar="OTHER_ID", help="merge these events into EVENT_ID")
    action.add_argument("--split", action="store_true", help="split the event into one event per mention")
    action.add_argument("--add", choices=("dialogue", "deal"), help="add an event the parser missed (with --article, "
                        "--sentence and --set)")
    action.add_argument("--export", type=Path, metavar="FILE", help="write every correction of the store to FILE")
    action.add_argument("--import", dest="import_file", type=Path, metavar="FILE", help="add the corrections of FILE "
                        "that the store does not hold yet")
    action.add_argument("--list", action="store_true", help="list the corrections and whether each still applies")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="set a field (repeatable; "
                        "lists comma-separated, e.g. parties=JPN,USA; empty value clears it); alone, edits EVENT_ID")
    parser.add_argument("--article", help="with --add: the article_id the event is read from")
    parser.add_argument("--sentence", type=int, help="with --add: the sentence index in that article")
    parser.add_argument("--by", default=None, help="who corrects (default: $NEWSFACTS_ANALYST or the login name)")
    parser.add_argument("--note", default=None, help="a note kept with the correction")


def run(args: argparse.Namespace) -> int:
    from newsfacts.review import CorrectionError
    from newsfacts.store import default_store_dir

    store_dir = args.store or default_store_dir()
    try:
        return _run(args, Path(store_dir))
    except CorrectionError as error:
        return fail(str(error), Exit.USAGE)



def _run(args: argparse.Namespace, store_dir: Path) -> int:
    from newsfacts.review import log

    if args.export:
        print(f"{log.export_corrections(log.read_corrections(store_dir), args.export)} corrections written to {args.export}")
        return 0
    if args.import_file:
        print(f"{log.import_corrections(store_dir, args.import_file)} new corrections imported from {args.import_file}")
        return 0
    if args.list:
        return _list(store_dir)
    correction = _correction(args, store_dir)
    log.append(store_dir, [correction])
    print(json.dumps({"correction_id": correction.correction_id, "action": correction.action,
                      "event_id": correction.target.event_id}))
    return 0


def _correction(args: argparse.Namespace, store_dir: Path):
    from newsfacts.review import CorrectionError, actions, load_view
    from newsfacts.review.records import parse_assignment

    by = args.by or os.environ.get("NEWSFACTS_ANALYST") or getpass.getuser()
    tables = load_view(store_dir).tables
    if args.add:
        return _added(args, store_dir, by)
    if not args.event_id:
        raise CorrectionError("EVENT_ID is needed (the event_id every export carries)")
    kind, _ = actions.find_event(tables, args.event_id)
    if not (args.set or args.confirm or args.reject or args.merge or args.split):
        raise CorrectionError("say what to do: --confirm, --reject REASON, --set FIELD=VALUE, --merge or --split")
    if args.set and not (args.confirm or args.reject or args.merge or args.split):
        values = dict(parse_assignment(kind, text) for text in args.set)
        return actions.set_fields(tables, args.event_id, values, by, args.note)
    if args.confirm:
        return actions.confirm(tables, args.event_id, by, args.note)
    if args.reject:
        return actions.reject(tables, args.event_id, args.reject, by, args.note)
    if args.merge:
        return actions.merge(tables, args.event_id, args.merge, by, args.note)
    return actions.split(tables, args.event_id, by, args.note)


def _added(args: argparse.Namespace, store_dir: Path, by: str):
    from newsfacts.review import CorrectionError, actions
    from newsfacts.review.records import parse_assignment
    from newsfacts.store.load import open_sentences

    if not args.article or args.sentence is None:
        raise CorrectionError("--add needs --article ARTICLE_ID and --sentence N")
    sentences = open_sentences(store_dir).of_article(args.article)
    found = sentences[sentences["sentence_index"] == args.sentence]
    if found.empty:
        raise CorrectionError(f"article {args.article} has no sentence {args.sentence} in the store")
    values = dict(parse_assignment(args.add, text) for text in args.set)
    return actions.add(args.add, args.article, args.sentence, found.iloc[0]["text"], values, by, args.note)


def _list(store_dir: Path) -> int:
    from newsfacts.review import load_view

    for outcome in load_view(store_dir).outcomes:
        c = outcome.correction
        where = outcome.event_id or c.target.event_id
        print(f"{c.at}  {c.by:<12} {c.action:<8} {c.kind:<9} {where}  {outcome.status}"
              + (f" ({outcome.detail})" if outcome.detail else ""))
    return 0
