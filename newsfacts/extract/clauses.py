"""Clauses of a sentence: the stretch between breaks that one statement fills, shared by the extractors.

A comma or period inside a number ("12,4 tỷ", "10.000") and the period of an initial ("Washington D.C.") break
nothing; each extractor chooses which marks and words break its clauses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

_MARKS = {
    ",": r",(?!\d)",
    ";": ";",
    ":": r":(?!\d)",
    ".": r"(?<![A-ZĐ])\.(?!\d)",
    "(": r"\(",
    ")": r"\)",
}


def clause_breaks(marks: str, words: Iterable[str] = ()) -> re.Pattern[str]:
    """A pattern of the clause breaks made of `marks` (characters among ",;:.()") and of `words` (spaced; each a
    regular expression, so that "song(?! phương)" breaks at "song" (but) and not inside "song phương")."""
    parts = [_MARKS[mark] for mark in marks] + [f" {word} " for word in words]
    return re.compile("|".join(parts))


@lru_cache(maxsize=256)
def _break_ends(pattern: re.Pattern[str], text: str) -> tuple[int, ...]:
    """Where each break of `text` ends, found once for all the phrases of a sentence."""
    return tuple(m.end() for m in pattern.finditer(text))


def clause_around(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[int, int]:
    """(left, right): from the end of the last break before `start` to the start of the first break after `end`."""
    ends = _break_ends(pattern, text)
    before = bisect_right(ends, start)
    left = ends[before - 1] if before else 0
    following = pattern.search(text, end)
    return left, following.start() if following else len(text)
