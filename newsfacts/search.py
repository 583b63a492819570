"""Accent- and case-insensitive matching of Vietnamese text: "hoà bình", "hòa bình", its NFD form and "hoa binh"
all fold to "hoa binh", in Python (`fold`) and as an Arrow expression over a column (`folded`)."""

from __future__ import annotations

import unicodedata

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
