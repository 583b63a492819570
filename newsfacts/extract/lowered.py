"""An article's sentences lowercased in one call, and which of them hold a given fixed string.

Most sentences hold no cue ("đối thoại", "bộ trưởng") of an extractor. One substring search per cue over the whole
article finds the few that do, without a Python call per sentence and cue, and only those get the costly work.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from newsfacts.records import Sentence


@dataclass(frozen=True)
class LoweredArticle:
    """Every sentence's text lowercased and joined by a newline; `starts[i]` is where sentence `i` begins."""

    text: str
    starts: tuple[int, ...]

    def sentence(self, position: int) -> str:
        """The lowercased text of the sentence at `position` in the sequence the article was built from."""
        end = self.starts[position + 1] - 1 if position + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[position]:end]

    def holding(self, literals: Iterable[str], *, word_start: bool = False) -> list[int]:
        r"""Positions, in order, of the sentences whose lowercased text holds one of `literals` (none holds a newline);
        with `word_start`, only where no word character (`\w`) comes just before it."""
        found: set[int] = set()
        for literal in literals:
            at = self.text.find(literal)
            while at >= 0:
                if word_start and at and is_word_character(self.text[at - 1]):
                    at = self.text.find(literal, at + 1)
                    continue
                position = bisect_right(self.starts, at) - 1
                found.add(position)
                at = self.text.find(literal, self.starts[position + 1]) if position + 1 < len(self.starts) else -1
        return sorted(found)

    def matching(self, pattern: re.Pattern[str]) -> list[int]:
        r"""Positions, in order, of the sentences in which `pattern` finds a match, with one search per sentence found
        instead of one per sentence: a search over the whole text, resumed at the next sentence after each match.
        Every sentence the pattern matches on its own is found when the pattern reads a newline before or after a
        sentence as it reads the start or end of a text (as `\w`, `\b` and literals without newlines do)."""
        positions: list[int] = []
        match = pattern.search(self.text) if self.starts else None
        while match is not None:
            position = bisect_right(self.starts, match.start()) - 1
            positions.append(position)
            if position + 1 == len(self.starts):
                break
            match = pattern.search(self.text, self.starts[position + 1])
        return positions


def lowered_article(sentences: Sequence[Sentence]) -> LoweredArticle:
    """The article's sentences lowercased; the last article asked for is kept, as the people, dialogue and deal
    extractors each ask for it in turn. A tuple is recognised by identity: hashing every sentence would cost nearly
    what keeping the lowered text saves."""
    if isinstance(sentences, tuple):
        return _latest_lowered(_SameObject(sentences))
    return _lower(sentences)


def is_word_character(character: str) -> bool:
    r"""What `\w` matches in a pattern over `str`. A character that is none has a lowercase form that ends with none
    (a test checks it), so a word start in a text is one in its lowercase form too."""
    return character.isalnum() or character == "_"


class _SameObject:
    """A cache key equal only to a key of the very object it holds, which it keeps alive (so its id stays unique)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SameObject) and other.value is self.value


@lru_cache(maxsize=1)
def _latest_lowered(key: _SameObject) -> LoweredArticle:
    return _lower(key.value)


def _lower(sentences: Sequence[Sentence]) -> LoweredArticle:
    """Lowercasing the joined text gives each sentence's own lowercase form: a newline ends a word for the case
    rules too. Only a letter whose lowercase is longer ("İ") moves the starts, and then each sentence is measured."""
    texts = [s.text for s in sentences]
    text = "\n".join(texts).lower()
    lengths = list(map(len, texts))
    if len(text) != sum(lengths) + len(lengths) - 1:
        lengths = [len(t.lower()) for t in texts]
    starts = accumulate(lengths[:-1], lambda start, length: start + length + 1, initial=0)
    return LoweredArticle(text, tuple(starts) if texts else ())
