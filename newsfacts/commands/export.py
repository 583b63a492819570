"""`python -m newsfacts export --table T --format F [--store DIR] [--out FILE] [--country ISO3 ...] [--from D] [--to D]
[--search TEXT]`."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

EXAMPLE = "example: python -m newsfacts export --table deals --format xlsx --country IND --from 2018-01-01 --out deals.xlsx"
USAGE_ERROR = 2


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers) -> None:
    from newsfacts.export import FORMATS, TABLES

    parser = subparsers.add_parser(
        "export",
        help="write a table (one row per event, article or person) as CSV, Excel, Parquet or JSON",
        description="Write the rows of one table that pass the filters, with the columns of docs/codebook.md: "
                    "the same file the dashboard's download gives for the same filters.",
        epilog=EXAMPLE,
    )
    parser.add_argument("--store", type=Path, default=None, help="store folder (default: $NEWSFACTS_STORE or data/store)")
    parser.add_argument("--table", required=True, choices=TABLES)
    parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    parser.add_argument("--country", action="extend", nargs="+", default=[], metavar="ISO3",
                        help="keep rows involving any of these countries (ISO-3 codes)")
    parser.add_argument("--from", dest="date_from", type=_day, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_day, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--search", default="", metavar="TEXT",
                        help="articles only: keep those whose title, lead or a sentence holds TEXT, case and accents "
                             "aside (\"hoa binh\" finds \"hòa bình\"), as the Articles page's search box does")
    parser.set_defaults(run=run)


def _problem(message: str) -> int:
    print(f"export: {message}", file=sys.stderr)
    return USAGE_ERROR


def _write(data: bytes, out: Path | None) -> None:
    """To `out` through a temporary file beside it (a reader never sees half a file), or to standard output."""
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    partial = out.with_name(f".{out.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, out)


def _search(tables, store_dir: Path, phrase: str):
    """The articles `phrase` finds, as the Articles page finds them; None for no search."""
    from newsfacts.search import Search, article_matches
    from newsfacts.store.load import open_sentences

    if not phrase:
        return None
    articles = tables["articles"]
    return Search.of(articles, article_matches(articles, open_sentences(store_dir).articles_containing, phrase), phrase)


def run(args: argparse.Namespace) -> int:
    from newsfacts.export import INPUTS, export_table
    from newsfacts.review import corrected_view
    from newsfacts.extract.countries import all_country_codes
    from newsfacts.filters import Filters
    from newsfacts.store import default_store_dir, load_tables
    from newsfacts.store.tables import SCHEMAS
    from newsfacts.store.layout import current_snapshot

    store_dir = args.store or default_store_dir()
    if current_snapshot(Path(store_dir)) is None:
        return _problem(f"no store at {store_dir} (build one with: python -m newsfacts ingest PATH --out {store_dir})")
    codes = [code.upper() for code in args.country]
    unknown = sorted(set(codes) - all_country_codes())
    if unknown:
        return _problem(f"unknown ISO-3 country code(s): {', '.join(unknown)}")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        return _problem(f"--from {args.date_from} is after --to {args.date_to}")
    if args.search and args.table != "articles":
        return _problem(f"--search applies to --table articles only, not {args.table}")
    if args.out is None and args.fmt in ("xlsx", "parquet") and sys.stdout.isatty():
        return _problem(f"{args.fmt} is binary: give --out FILE or redirect the output")
    if args.out is not None and not args.out.parent.is_dir():
        return _problem(f"{args.out}: folder {args.out.parent} does not exist")
    filters = Filters(date_from=args.date_from, date_to=args.date_to, countries=tuple(dict.fromkeys(codes)))
    parsed = load_tables(Path(store_dir), {name: SCHEMAS[name].names for name in INPUTS})
    tables = corrected_view(parsed, Path(store_dir)).tables  # as the dashboard shows them: the analysts' corrections
    _write(export_table(tables, args.table, args.fmt, filters, _search(tables, Path(store_dir), args.search)), args.out)
    return 0
