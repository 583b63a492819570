"""Parse speed: ms per article (mean, p50, p95) and articles per second on one core.

usage: python -m benchmarks.bench_parse [--repeat N] [FOLDER ...]   (default: data/seeds data/sample)
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from newsfacts.pipeline import parse_article
from newsfacts.read import ReadError, discover, read_file
from newsfacts.records import RawArticle

DEFAULT_FOLDERS = ("data/seeds", "data/sample")


def load_articles(folders: Sequence[Path]) -> list[RawArticle]:
    """Every article of the folders, read once so that the timing covers parsing only."""
    articles = []
    for path in discover(folders):
        articles.extend(item for item in read_file(path) if not isinstance(item, ReadError))
    return articles


def time_parses(articles: Sequence[RawArticle], repeat: int) -> list[float]:
    """Seconds per parse, one entry per article per round; the first round warms the vocabulary caches."""
    for article in articles:
        parse_article(article)
    timings = []
    for _ in range(repeat):
        for article in articles:
            started = time.perf_counter()
            parse_article(article)
            timings.append(time.perf_counter() - started)
    return timings


def report(timings: Sequence[float], articles: Sequence[RawArticle]) -> str:
    ms = sorted(t * 1000 for t in timings)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    size = statistics.mean(len(a.text) for a in articles)
    return (f"{len(articles)} articles (mean {size:,.0f} chars), {len(ms)} parses: "
            f"mean {statistics.mean(ms):.2f} ms, p50 {statistics.median(ms):.2f} ms, p95 {p95:.2f} ms, "
            f"{len(ms) / sum(timings):.0f} articles/s on one core")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path(f) for f in DEFAULT_FOLDERS])
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds over the corpus (default 5)")
    args = parser.parse_args(argv)
    articles = load_articles([f for f in args.folders if f.exists()])
    if not articles:
        print("no articles found")
        return 1
    print(report(time_parses(articles, args.repeat), articles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
