"""`python -m newsfacts extract FILE [--published YYYY-MM-DD]`: one article's records as JSON."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from newsfacts.commands.common import Exit, fail
from newsfacts.pipeline import parse_article
from newsfacts.read import ReadError, read_file
from newsfacts.records import ParsedArticle

EXAMPLE = "example: python -m newsfacts extract data/seeds/000_50faedf6c48001df.txt --published 2023-11-10"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="print one article's records as JSON",
        description="Parse one file (.txt, .html, .jsonl) and print its metadata, countries, dialogues, deals "
                    "and people as JSON, one object per article.",
        epilog=EXAMPLE)
    parser.add_argument("file", type=Path, metavar="FILE", help="the article file")
    parser.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date, if known")
    parser.set_defaults(run=run)


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def run(args: argparse.Namespace) -> int:
    if args.file.is_dir():
        return fail(f"{args.file} is a folder; extract reads one file (use `ingest` for folders)", Exit.USAGE)
    status = 0
    for item in read_file(args.file):
        if isinstance(item, ReadError):
            print(json.dumps({"error": str(item)}, ensure_ascii=False))
            status = 1
            continue
        if args.published:
            item = replace(item, meta=replace(item.meta, published=args.published, published_inferred=False))
        print(json.dumps(records_json(parse_article(item)), ensure_ascii=False, indent=2))
    return status


def records_json(article: ParsedArticle) -> dict:
    """The article's records in the shape of a gold file, plus metadata, people and evidence sentences."""
    data = article.as_dict()
    return {
        "article_id": data["article_id"],
        "meta": data["meta"],
        "title": data["title"],
        "countries": [c["code"] for c in data["countries"]],
        "dialogues": data["dialogues"],
        "deals": data["deals"],
        "people": data["people"],
        "companies": data["companies"],
        "sentences": [{"index": s["index"], "segment": s["segment"], "text": s["text"]} for s in data["sentences"]],
    }
