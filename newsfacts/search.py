"""Accent- and case-insensitive matching of Vietnamese text: "hoà bình", "hòa bình", its NFD form and "hoa binh"
all fold to "hoa binh", in Python (`fold`) and as an Arrow expression over a column (`folded`); the articles a
phrase finds (`article_matches`, `Search`), the same for the Articles page and for its export."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

COMBINING_MARKS = "[\u0300-\u036f]"


def fold(text: str) -> str:
    """Lower case without tone or vowel marks, đ as d: the form searches compare."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return stripped.casefold().replace("đ", "d")


def folded(column: pc.Expression | pa.Array) -> pc.Expression | pa.Array:
    """`fold` of a string column, computed by Arrow (the same result on Vietnamese text)."""
    marks_off = pc.replace_substring_regex(pc.utf8_normalize(column, form="NFD"), pattern=COMBINING_MARKS, replacement="")
    return pc.replace_substring(pc.utf8_lower(marks_off), pattern="đ", replacement="d")


def spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `phrase` occurs in `text` (start, end in `text`'s characters), comparing folded forms."""
    wanted = fold(phrase)
    if not wanted.strip():
        return []
    folded_text, origin = [], []
    for position, char in enumerate(text):
        for piece in fold(char):
            folded_text.append(piece)
            origin.append(position)
    haystack = "".join(folded_text)
    found, start = [], haystack.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        found.append((origin[start], origin[end - 1] + 1))
        start = haystack.find(wanted, end)
    return found


def article_matches(articles: pd.DataFrame, articles_containing: Callable[[str], np.ndarray], phrase: str) -> np.ndarray:
    """For each row of `articles`: does its title, lead or any sentence hold `phrase`, case and accents aside?
    `articles_containing(phrase)` gives the ids of the articles with such a sentence (`Sentences.articles_containing`)."""
    wanted = fold(phrase)
    in_heading = [pc.match_substring(folded(pa.array(articles[column], pa.large_string())), wanted).fill_null(False)
                  for column in ("title", "lead")]
    ids = pa.array(articles["article_id"])
    found = pa.array(articles_containing(phrase), ids.type)
    return (pc.or_(*in_heading).to_numpy(zero_copy_only=False)
            | pc.is_in(ids, value_set=found).to_numpy(zero_copy_only=False))


@dataclass(frozen=True)
class Search:
    """What the Articles page's search box holds and the ids of the articles it found."""

    phrase: str
    article_ids: frozenset[str]

    @classmethod
    def of(cls, articles: pd.DataFrame, matches: np.ndarray, phrase: str) -> Search:
        """From `article_matches(articles, ..., phrase)` (or its cached copy)."""
        return cls(phrase, frozenset(articles["article_id"][matches]))
