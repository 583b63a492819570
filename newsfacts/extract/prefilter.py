"""Cheap tests that rule a sentence out before a costly regex scan of it.

Python's regex engine tries every branch of a long alternation at every position of the text. Most sentences
match none of the vocabulary patterns, and for those a handful of substring tests (`str.__contains__`, a fast
search in C) answer the same question several times faster: every match of the pattern contains one of the fixed
strings `required_literals` derives from it, so a text that holds none of them cannot match.
"""

from __future__ import annotations

import operator
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import reduce
from typing import NamedTuple
from re import _constants as sre, _parser as sre_parse

from newsfacts.extract.lowered import LoweredArticle

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


# From this many literals on, one `literal_finder` pass over a text is quicker than a substring test per literal.
_FINDER_LITERALS = 6


@dataclass(frozen=True)
class Prefiltered:
    """A compiled pattern behind its literal prefilter; `search` answers exactly as `pattern.search` does."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None
    finder: re.Pattern[str] | None = field(init=False, default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.literals and len(self.literals) >= _FINDER_LITERALS:
            object.__setattr__(self, "finder", literal_finder(self.literals))  # a frozen field, set at creation

    def may_match(self, text: str) -> bool:
        if self.finder is not None:
            return self.finder.search(text) is not None
        if self.literals is None:
            return True
        for literal in self.literals:  # a plain loop: `any()` over a generator costs twice as much here
            if literal in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match, as `pattern.finditer` gives them."""
        return self.pattern.finditer(text) if self.may_match(text) else iter(())


@dataclass(frozen=True)
class AnyAlternative:
    """Whether an alternation matches, for a pattern asked of every sentence. One pass of a `literal_finder` over the
    whole text for the plain-word alternatives and the literals the other alternatives need rules most texts out; a
    plain word found (a trie, `literal_scanner`) settles it; only then are the other alternatives searched. `found`
    answers as `pattern.search(...) is not None` does."""

    gate: re.Pattern[str] | None
    words: re.Pattern[str] | None
    rest: re.Pattern[str] | None

    def found(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        if self.gate is not None and self.gate.search(text) is None:
            return False
        return self._found_past_gate(text, pos, endpos)

    def found_in(self, article: LoweredArticle) -> Iterator[int]:
        """Positions of the sentences of `article` whose text `found` is true of; the gate is searched once over the
        whole article (its literals hold no newline)."""
        gated = article.matching(self.gate) if self.gate is not None else range(len(article.starts))
        return (position for position in gated if self._found_past_gate(article.sentence(position)))

    def _found_past_gate(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        if self.words is not None and self.words.search(text, pos, endpos):
            return True
        return self.rest is not None and self.rest.search(text, pos, endpos) is not None


def any_alternative(pattern: str, compile_rest: Callable[[str], re.Pattern[str]] = re.compile) -> AnyAlternative:
    """`pattern` split into its plain-word alternatives and the others, these compiled by `compile_rest`."""
    words, rest = [], []
    for alternative in split_alternatives(pattern):
        parsed = sre_parse.parse(alternative)
        if parsed.data and all(op is sre.LITERAL for op, _ in parsed):
            words.append("".join(chr(code) for _, code in parsed))
        else:
            rest.append(alternative)
    rest_literals = required_literals(re.compile("|".join(rest)), combined=True) if rest else ()
    return AnyAlternative(None if rest_literals is None else literal_finder([*words, *rest_literals]),
                          literal_scanner(words) if words else None,
                          compile_rest("|".join(rest)) if rest else None)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`: its parts between `|` outside groups and character classes."""
    parts, start, depth, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def guarded(pattern: str) -> re.Pattern[str]:
    """`pattern` behind a lookahead on the characters a match can start with, when they are known: the engine then
    skips every other position at once instead of trying each branch of a long alternation there. When some of them
    match in either case, the lookahead ignores case for all of them: a wider test, still one every match passes."""
    parsed = sre_parse.parse(pattern)
    start = first_chars(parsed, bool(parsed.state.flags & re.IGNORECASE))
    if start is None or not start.chars:
        return re.compile(pattern)
    chars = "[" + "".join(map(re.escape, sorted(start.chars))) + "]"
    return re.compile(f"(?={f'(?i:{chars})' if start.any_case else chars})(?:{pattern})")


class _Start(NamedTuple):
    """The characters a match can start with, and whether some of them match in either case."""

    chars: frozenset[str]
    any_case: bool = False

    def __or__(self, other: _Start) -> _Start:
        return _Start(self.chars | other.chars, self.any_case or other.any_case)


def first_chars(items, any_case: bool = False) -> _Start | None:
    """How a match of the parsed pattern `items` can start; None when that is not a short list of characters."""
    for i, (op, av) in enumerate(items):
        if _zero_width(op, av):
            continue
        if op is sre.LITERAL:
            return _Start(frozenset(chr(av)), any_case)
        if op is sre.IN:
            return _Start(frozenset(chr(v) for o, v in av), any_case) if all(o is sre.LITERAL for o, _ in av) else None
        if op is sre.BRANCH:
            branches = [first_chars(branch, any_case) for branch in av[1]]
            return None if None in branches else reduce(operator.or_, branches)
        if op is sre.SUBPATTERN:
            add_flags, del_flags = av[1], av[2]
            return first_chars(av[3], bool(add_flags & re.IGNORECASE or any_case and not del_flags & re.IGNORECASE))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner = first_chars(av[2], any_case)
            rest = first_chars(items[i + 1:], any_case) if av[0] == 0 else _Start(frozenset())
            return None if inner is None or rest is None else inner | rest
        return None
    return None


def _zero_width(op, av) -> bool:
    """Whether an item matches no character: an anchor, a lookaround, or a group or alternation of those only
    ("(?:(?<=và )|(?<=còn ))")."""
    if op in _ZERO_WIDTH:
        return True
    if op is sre.SUBPATTERN:
        return all(_zero_width(*item) for item in av[3])
    if op is sre.BRANCH:
        return all(_zero_width(*item) for branch in av[1] for item in branch)
    return False


def prefiltered(pattern: str | re.Pattern[str]) -> Prefiltered:
    compiled = re.compile(pattern)
    return Prefiltered(compiled, required_literals(compiled))


def literal_scanner(literals: Iterable[str]) -> re.Pattern[str]:
    """A regex that matches wherever one of `literals` starts, written as a trie ("b(?:án|àn giao)|c(?:ung cấp|...)")
    so that the engine compares each position of the text with one branch per character instead of every literal.
    A literal holding another is left out: a text holding it holds the other."""
    return re.compile(_trie(_not_holding_another(set(literals)), shortest=True))


def _not_holding_another(unique: set[str]) -> list[str]:
    """The literals that hold none of the others, sorted: a text holding a longer one holds the shorter."""
    return sorted(word for word in unique if not any(other in word for other in unique - {word}))


# The commonest characters of Vietnamese news text, lowercased, commonest first (counted on data/sample).
_COMMON_CHARACTERS = " nhticgauorđpmlbàsvưkộeyáốạ,qd.ớấ2ếởệêả"


def literal_finder(literals: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds a match inside every stretch of a text where one of `literals` stands, and none elsewhere:
    for whether a text, or which sentences of an article (`LoweredArticle.matching`), hold one. Unlike
    `literal_scanner` it may look before the position a search starts at, so it answers nothing about a part of a text.

    Each literal is matched from its rarest character (by `_COMMON_CHARACTERS`), the characters before that one
    checked by a lookbehind ("ở(?<=trưở)ng" for "trưởng"): every branch opens with a literal character, so the engine
    stops only where one of those few rare characters stands instead of at nearly every letter. A literal holding
    another is left out: a text holding it holds the other."""
    unique = set(literals)
    if "" in unique:
        return re.compile("")  # every text holds the empty string
    kept = _not_holding_another(unique)
    by_anchor: dict[str, list[str]] = {}
    for word in kept:
        at = max(range(len(word)), key=lambda i: _rarity(word[i]))
        before = f"(?<={re.escape(word[:at + 1])})" if at else ""
        by_anchor.setdefault(word[at], []).append(before + re.escape(word[at + 1:]))
    return re.compile("|".join(re.escape(anchor) + "(?:" + "|".join(rests) + ")"
                               for anchor, rests in by_anchor.items()))


def _rarity(char: str) -> int:
    """How rare `char` is in Vietnamese news text: its place in `_COMMON_CHARACTERS`, past its end if not there."""
    found = _COMMON_CHARACTERS.find(char)
    return len(_COMMON_CHARACTERS) if found < 0 else found


def _escaped(char: str, first: bool) -> str:
    return re.escape(char)


def alternation(words: Iterable[str], char_pattern: Callable[[str, bool], str] = _escaped) -> str:
    """Regex source matching what the alternation of `words`, longest first, matches, written as a trie.

    At one position only words that are prefixes of one another can match, and the trie's greedy optional tails try
    the longer first, so whatever follows the group backtracks through the same candidates in the same order.
    `char_pattern(char, first)` writes each character (`first` for a word's first one); by default, as itself."""
    return _trie(sorted(set(words)), shortest=False, char_pattern=char_pattern)


def _trie(words: list[str], shortest: bool, char_pattern: Callable[[str, bool], str] = _escaped,
          first: bool = True) -> str:
    """Regex source of `words` as a trie; with `shortest`, a word ends its branch, as any text holding a longer word
    of that branch holds it too."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    ends_here = "" in words
    if ends_here and shortest or not by_first:
        return ""
    branches = [char_pattern(char, first) + _trie(rests, shortest, char_pattern, first=False)
                for char, rests in by_first.items()]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def required_literals(pattern: re.Pattern[str], *, combined: bool = False) -> tuple[str, ...] | None:
    """Fixed strings one of which every match of `pattern` contains; None when no such list is known.

    With `combined`, a run of items that each match one of a few fixed strings ("(?:đã|vừa) về (?:nước|tới)") stands
    for every string it can match ("đã về nước", "vừa về tới", ...): rarer in text than any one part (" về "), but
    more of them, which suits a single-pass scanner (`literal_scanner`) and not a loop of substring tests."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _sequence(sre_parse.parse(pattern.pattern, pattern.flags), combined)
    if not found:
        return None
    shortest_first = sorted(found, key=len)
    kept: list[str] = []
    for literal in shortest_first:
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return tuple(kept)


# The most strings a run of fixed items may stand for in `combined` requirements.
_MAX_COMBINED = 16
_EMPTY_RUN = frozenset([""])


def every_required_literals(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Each list of fixed strings one of which every match of `pattern` contains: a text that holds no string of one
    of the lists cannot match. `required_literals` gives the most selective list alone; a pattern made of several
    common parts ("đối thoại ... 2+2") is ruled out by the part a text lacks. Empty when none is known."""
    if pattern.flags & re.IGNORECASE:
        return ()
    return tuple(tuple(sorted(option)) for option in _requirements(sre_parse.parse(pattern.pattern, pattern.flags)))


def _sequence(items, combined: bool = False) -> frozenset[str] | None:
    """The most selective requirement of a sequence (`_requirements`)."""
    return max(_requirements(items, combined), key=_selectivity, default=None)


def _requirements(items, combined: bool = False) -> list[frozenset[str]]:
    """The requirements of a sequence, each met by every match: its runs of fixed items (literal characters; with
    `combined`, fixed groups too) and its groups' requirements."""
    options: list[frozenset[str]] = []
    run = _EMPTY_RUN  # every string the current run of fixed items matches
    for op, av in items:
        fixed = _fixed_strings(op, av) if combined else frozenset([chr(av)]) if op is sre.LITERAL else None
        if fixed is not None and len(run) * len(fixed) <= _MAX_COMBINED:
            run = frozenset(before + after for before in run for after in fixed)
            continue
        _add_run(options, run)
        run = fixed or _EMPTY_RUN
        if fixed is not None or op in _ZERO_WIDTH:
            continue
        inner = _item(op, av, combined)
        if inner:
            options.append(inner)
    _add_run(options, run)
    return options


def _add_run(options: list[frozenset[str]], run: frozenset[str]) -> None:
    """A run is a requirement unless it may match the empty string (as an empty run does)."""
    if "" not in run:
        options.append(run)


def _fixed_strings(op, av) -> frozenset[str] | None:
    """Every string an item matches when that is at most `_MAX_COMBINED` fixed strings (a character, or a group or an
    alternation of words); None otherwise."""
    if op is sre.LITERAL:
        return frozenset([chr(av)])
    if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _fixed_sequence(av[3])
    if op is sre.BRANCH:
        branches = [_fixed_sequence(branch) for branch in av[1]]
        if None in branches:
            return None
        strings = frozenset().union(*branches)
        return strings if len(strings) <= _MAX_COMBINED else None
    return None


def _fixed_sequence(items) -> frozenset[str] | None:
    strings = _EMPTY_RUN
    for op, av in items:
        fixed = _fixed_strings(op, av)
        if fixed is None or len(strings) * len(fixed) > _MAX_COMBINED:
            return None
        strings = frozenset(before + after for before in strings for after in fixed)
    return strings


def _selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    """How rarely a text holds one of `option`'s strings, guessed: few strings of four characters or more, then
    longer strings."""
    shortest = min(map(len, option))
    return shortest >= 4, -len(option), shortest


def _item(op, av, combined: bool = False) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        add_flags, inner = av[1], av[3]
        return None if add_flags & re.IGNORECASE else _sequence(inner, combined)
    if op is sre.BRANCH:
        branches = [_sequence(branch, combined) for branch in av[1]]
        return None if not all(branches) else frozenset().union(*branches)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _sequence(av[2], combined)
    return None
