"""Cheap tests that rule a sentence out before a costly regex scan of it.

Python's regex engine tries every branch of a long alternation at every position of the text. Most sentences
match none of the vocabulary patterns, and for those a handful of substring tests (`str.__contains__`, a fast
search in C) answer the same question several times faster: every match of the pattern contains one of the fixed
strings `required_literals` derives from it, so a text that holds none of them cannot match.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from re import _constants as sre, _parser as sre_parse

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


@dataclass(frozen=True)
class Prefiltered:
    """A compiled pattern behind its literal prefilter; `search` answers exactly as `pattern.search` does."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None

    def may_match(self, text: str) -> bool:
        if self.literals is None:
            return True
        for literal in self.literals:  # a plain loop: `any()` over a generator costs twice as much here
            if literal in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(text) else None


def prefiltered(pattern: str | re.Pattern[str]) -> Prefiltered:
    compiled = re.compile(pattern)
    return Prefiltered(compiled, required_literals(compiled))


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Fixed strings one of which every match of `pattern` contains; None when no such list is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    if not found:
        return None
    shortest_first = sorted(found, key=len)
    kept: list[str] = []
    for literal in shortest_first:
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return tuple(kept)


def _sequence(items) -> frozenset[str] | None:
    """The most selective requirement of a sequence: one of its runs of literal characters or a group's requirement."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        if op in _ZERO_WIDTH:
            continue
        inner = _item(op, av)
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset(["".join(run)]))
    return max(options, key=_selectivity, default=None)


def _selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    """How rarely a text holds one of `option`'s strings, guessed: few strings of four characters or more, then
    longer strings."""
    shortest = min(map(len, option))
    return shortest >= 4, -len(option), shortest


def _item(op, av) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        add_flags, inner = av[1], av[3]
        return None if add_flags & re.IGNORECASE else _sequence(inner)
    if op is sre.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        return None if not all(branches) else frozenset().union(*branches)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    return None
