"""The real-article development set (`data/realset/`, see its ANNOTATING.md): merge annotators' rows, score.

    python scripts/realset.py merge              # new rows of data/realset/incoming/*.csv -> data/realset/sources.csv
    python scripts/realset.py score [--split dev|test|all] [--batch PREFIX] [--misses] [--json]
                                 # --misses leaves out the test split and the rounds listed in held_out.txt
    python scripts/realset.py missing            # rows whose text is not on this machine (to collect again)

The articles' text stays in the git-ignored `data/realset/text/`; only URLs, queries and gold records are in git.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsfacts.commands.evaluate import format_report  # noqa: E402
from newsfacts.evaluate import evaluate_pairs  # noqa: E402
from newsfacts.records import ArticleMeta  # noqa: E402

REALSET = ROOT / "data" / "realset"
SOURCES = REALSET / "sources.csv"
COLUMNS = ("file", "outlet", "url", "query", "published", "published_basis", "split", "topic")
TEST_DIGITS = "0123"


def split_of(url: str) -> str:
    """`test` for about a quarter of the URLs, fixed by the URL's hash so that nobody picks which."""
    return "test" if hashlib.sha1(url.encode("utf-8")).hexdigest()[0] in TEST_DIGITS else "dev"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def merge() -> int:
    rows = {row["file"]: row for row in read_rows(SOURCES)} if SOURCES.exists() else {}
    for incoming in sorted((REALSET / "incoming").glob("*.csv")):
        for row in read_rows(incoming):
            row = {name: (row.get(name) or "").strip() for name in COLUMNS}
            row["split"] = split_of(row["url"])
            rows.setdefault(row["file"], row)  # a row already merged may have been reconciled since
    urls: dict[str, str] = {}
    for row in rows.values():
        if row["url"] in urls:
            print(f"duplicate URL: {row['file']} and {urls[row['url']]}")
        urls[row["url"]] = row["file"]
    with SOURCES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows.values(), key=lambda row: row["file"]))
    print(f"{len(rows)} articles in {SOURCES.relative_to(ROOT)}")
    return 0


HELD_OUT = REALSET / "held_out.txt"


def held_out_batches() -> tuple[str, ...]:
    """Collection rounds kept unread while they measure the rules written for other rounds (one prefix a line)."""
    if not HELD_OUT.exists():
        return ()
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def chosen_rows(split: str, batch: str = "", readable: bool = False) -> list[dict[str, str]]:
    """The rows of a split; with `batch`, only the files of that collection round (their name's prefix, "s2dlg");
    `readable` leaves out the held-out rounds, whose misses nobody reads."""
    held = held_out_batches() if readable else ()
    return [row for row in read_rows(SOURCES) if (split == "all" or row["split"] == split)
            and row["file"].startswith(batch) and not row["file"].startswith(held)]


def score(split: str, misses: bool, as_json: bool, batch: str = "") -> int:
    pairs, manifest = [], {}
    for row in chosen_rows(split, batch, readable=misses):
        text = REALSET / "text" / row["file"]
        gold = REALSET / "gold" / (Path(row["file"]).stem + ".gold.json")
        if not text.exists() or not gold.exists():
            print(f"skipped {row['file']}: {'no text' if not text.exists() else 'no gold'}", file=sys.stderr)
            continue
        pairs.append((text, gold))
        manifest[row["file"]] = ArticleMeta(path=str(text), source=row["outlet"] or None, url=row["url"] or None,
                                            published=row["published"] or None)
    evaluation = evaluate_pairs(pairs, manifest)
    if as_json:
        print(json.dumps(evaluation.as_dict(), ensure_ascii=False))
        return 0
    report = format_report(evaluation)
    print(report if misses else report.split("\n\n", 1)[0])
    return 0


def missing() -> int:
    for row in read_rows(SOURCES):
        if not (REALSET / "text" / row["file"]).exists():
            print(f"{row['file']}\t{row['url']}\tquery: {row['query']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("merge")
    scoring = commands.add_parser("score")
    scoring.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    scoring.add_argument("--batch", default="", help="only the files whose name starts with this (a collection round)")
    scoring.add_argument("--misses", action="store_true", help="list every miss, article by article")
    scoring.add_argument("--json", action="store_true")
    commands.add_parser("missing")
    args = parser.parse_args(argv)
    if args.command == "merge":
        return merge()
    if args.command == "score":
        if args.split == "test" and args.misses:
            parser.error("the test split is scored, never read: --misses is for dev")
        return score(args.split, args.misses, args.json, args.batch)
    return missing()


if __name__ == "__main__":
    raise SystemExit(main())
