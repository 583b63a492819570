"""Countries named or designated in Vietnamese text, as ISO 3166-1 alpha-3 codes.

Names come from CLDR's Vietnamese territory names (through babel) and from
`vocab/countries_extra.json` (press forms, metonyms, compound stems, traps).
All of them are compiled into one trie-shaped regex; traps take part in the
longest-match competition so that "Ấn Độ Dương" swallows "Ấn Độ".
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import babel

from newsfacts.extract.prefilter import alternation

_SEPARATOR = re.compile(r"\s*-\s*|\s+")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
_PREVIOUS_WORD = re.compile(r"(\w+) $")
_NEXT_WORD = re.compile(r" (\w+)")
_VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"


@dataclass(frozen=True)
class CountryHit:
    """One mention: `kind` is "name", "metonym" (a capital or seat of government) or "compound" ("Nga-Ukraine")."""

    code: str
    start: int
    end: int
    surface: str
    kind: str


@dataclass(frozen=True)
class _Entry:
    code: str | None
    kind: str  # "name", "metonym", "stem" (only inside compounds) or "trap" (not a country)


@dataclass(frozen=True)
class _Vocabulary:
    """Everything `find_countries` needs, built once from the data files."""

    pattern: re.Pattern[str]
    entries: dict[str, _Entry]
    ambiguous: frozenset[str]
    honorifics: frozenset[str]
    name_syllables: frozenset[str]
    given_names: frozenset[str]
    not_country_after: tuple[str, ...]
    sea_named_after: dict[str, tuple[str, ...]]
    pronoun: re.Pattern[str]
    display: dict[str, dict[str, str]]


@lru_cache(maxsize=4096)
def _key(surface: str) -> str:
    """Lookup key: first letter as written (capitals matter), the rest case- and separator-insensitive."""
    return surface[:1] + _SEPARATOR.sub(" ", surface[1:]).casefold()


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"(?:\s*-\s*|\s+)"
    upper = char.upper()
    if upper != char and len(upper) == 1:
        return f"[{re.escape(char)}{re.escape(upper)}]"
    return re.escape(char)


def _key_char(char: str, first: bool) -> str:
    # The word-start check follows the first letter, so the regex engine can skip ahead by first letters.
    return re.escape(char) + r"(?<!\w.)" if first else _char_pattern(char)


def _read_iso_table() -> list[dict[str, str]]:
    with (_VOCAB_DIR / "iso3166.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_extra() -> dict:
    return json.loads((_VOCAB_DIR / "countries_extra.json").read_text(encoding="utf-8"))


def _cldr_names(alpha2_to_3: dict[str, str]) -> dict[str, list[str]]:
    """CLDR Vietnamese names of ISO countries; a parenthesised part becomes a name of its own."""
    names: dict[str, list[str]] = {}
    for alpha2, name in babel.Locale("vi").territories.items():
        if alpha2 not in alpha2_to_3:
            continue
        name = name.replace("\u2019", "'")
        forms = [_PARENTHESIS.sub("", name), *_PARENTHESIS.findall(name)]
        names.setdefault(alpha2_to_3[alpha2], []).extend(forms)
    return names


def _entries(extra: dict, cldr: dict[str, list[str]]) -> dict[str, _Entry]:
    """Every surface's entry; on a clash names beat metonyms, which beat stems, which beat traps."""
    entries: dict[str, _Entry] = {}
    for trap in extra["traps"]:
        entries[_key(trap)] = _Entry(None, "trap")
    territories = set(extra["territories"])
    for kind, table in (("stem", extra["compound_stems"]), ("metonym", extra["metonyms"]),
                        ("name", cldr), ("name", extra["names"])):
        for code, surfaces in table.items():
            if code in territories:
                continue
            for surface in surfaces:
                entries[_key(surface)] = _Entry(code, kind)
    return entries


def _display_names(iso_rows: list[dict[str, str]], cldr: dict[str, list[str]], extra: dict) -> dict[str, dict[str, str]]:
    vietnamese = {code: names[0] for code, names in cldr.items()} | extra["display_vi"]
    return {
        "vi": {row["alpha3"]: vietnamese[row["alpha3"]] for row in iso_rows},
        "en": {row["alpha3"]: row["name"] for row in iso_rows},
    }


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    iso_rows = _read_iso_table()
    extra = _read_extra()
    cldr = _cldr_names({row["alpha2"]: row["alpha3"] for row in iso_rows})
    entries = _entries(extra, cldr)
    trie = alternation(entries, _key_char)
    return _Vocabulary(
        pattern=re.compile(rf"{trie}(?!\w)"),
        entries=entries,
        ambiguous=frozenset(extra["ambiguous"]),
        honorifics=frozenset(word.casefold() for word in extra["honorifics"]),
        name_syllables=frozenset(extra["family_names"]) | frozenset(extra["given_name_syllables"]),
        given_names=frozenset(extra["given_name_syllables"]) - frozenset(extra["family_names"]),
        not_country_after=_markers(extra["not_country_after"]),
        sea_named_after={code: _markers(words) for code, words in extra["sea_named_after"].items()},
        pronoun=re.compile(r"(?:(?<=^)|(?<=[.!?:;…\"“'(\n]\s)|(?<=[\"“'(\n]))Anh\s+(?:"
                           + "|".join(map(re.escape, extra["pronoun_before"])) + r")(?!\w)"),
        display=_display_names(iso_rows, cldr, extra),
    )


_ITS_WATERS = ("vùng biển ",)


def _markers(words: Sequence[str]) -> tuple[str, ...]:
    """Words that may stand right before a name, casefolded with their space, longest first (`_follows_marker`)."""
    return tuple(sorted((word.casefold() + " " for word in words), key=len, reverse=True))


def _follows_marker(text: str, start: int, markers: tuple[str, ...]) -> bool:
    """Whether one of `markers` (each ending in a space, longest first) stands as whole words right before `start`."""
    window = text[max(0, start - len(markers[0])) : start].casefold()
    if not window.endswith(markers):
        return False
    return any(window.endswith(m) and not text[start - len(m) - 1 : start - len(m)].isalnum() for m in markers)


def _previous_word(text: str, start: int) -> str | None:
    match = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
    return match.group(1) if match else None


def _next_word(text: str, end: int) -> str | None:
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else None


class _Span(NamedTuple):
    start: int
    end: int
    surface: str
    entry: _Entry


def _is_multiword_at(spans: list[_Span], start: int | None = None, end: int | None = None) -> bool:
    """Whether a span of several words starts at `start` (or ends at `end`)."""
    return any(_SEPARATOR.search(s.surface) is not None for s in spans if s.start == start or s.end == end)


_PHOTO_CREDIT = re.compile(r"(?i:ảnh)\s*:\s*\S+\s+$")
_CREDIT_CHARS = 25


def _is_person(text: str, span: _Span, spans: list[_Span], vocab: _Vocabulary) -> bool:
    """A short name that is part of a Vietnamese personal name ("Thúy Nga", "ông Đức", "Đức Anh").

    Only a given name after it counts: "Đại sứ tại Mỹ Nguyễn Quốc Dũng" is the US, then a person.
    """
    before = _previous_word(text, span.start)
    if before is not None:
        if before.casefold() in vocab.honorifics:
            return True
        # "Ảnh: THẾ ANH": a photo credit printed in capitals ("HẢI QUÂN ANH" in a headline stays the country).
        credit = before.isupper() and _PHOTO_CREDIT.search(text, max(0, span.start - _CREDIT_CHARS), span.start)
        syllable = before.capitalize() if credit else before
        if syllable in vocab.name_syllables and not _is_multiword_at(spans, end=span.start - 1):
            return True
    after = _next_word(text, span.end)
    return after in vocab.given_names and not _is_multiword_at(spans, start=span.end + 1)


def _joined_by_dash(text: str, left: _Span, right: _Span) -> bool:
    return right.start - left.end <= 5 and text[left.end : right.start].strip() == "-"


def _compound_chains(text: str, spans: list[_Span]) -> list[list[_Span]]:
    """Runs of spans joined only by dashes ("Nga-Ukraine", "Việt - Mỹ - Nhật")."""
    if len(spans) == 1:
        return [spans]
    chains: list[list[_Span]] = []
    for span in spans:
        if chains and _joined_by_dash(text, chains[-1][-1], span):
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


def _country_spans(text: str, match: re.Match[str] | None, vocab: _Vocabulary) -> list[_Span]:
    """Spans of country names from the first `match` on: `finditer` without the cost of building its scanner."""
    spans = []
    while match is not None:
        surface = match.group()
        entry = vocab.entries.get(_key(surface))
        if entry is not None and entry.code is not None:
            spans.append(_Span(match.start(), match.end(), surface, entry))
        match = vocab.pattern.search(text, match.end())
    return spans


def find_countries(text: str) -> list[CountryHit]:
    """Country mentions, sorted by start and non-overlapping (the longest match wins)."""
    vocab = _vocabulary()
    first = vocab.pattern.search(text)
    if first is None:
        return []
    spans = _country_spans(text, first, vocab)
    found = []
    for chain in _compound_chains(text, spans):
        if len(chain) > 1:
            found.extend(
                CountryHit(s.entry.code, s.start, s.end, s.surface, "metonym" if s.entry.kind == "metonym" else "compound")
                for s in chain
            )
            continue
        span = chain[0]
        if span.entry.kind == "stem" or _follows_marker(text, span.start, vocab.not_country_after):
            continue
        if span.entry.code in vocab.sea_named_after and _follows_marker(text, span.start,
                                                                         vocab.sea_named_after[span.entry.code]) \
                and not _follows_marker(text, span.start, _ITS_WATERS):
            continue  # "trên biển Philippines" is the Philippine Sea; "vùng biển Philippines", the country's waters
        surface = span.surface.capitalize() if span.surface.isupper() else span.surface
        if surface in vocab.ambiguous and _is_person(text, span, spans, vocab):
            continue
        if span.surface == "Anh" and vocab.pronoun.match(text, span.start):
            continue
        found.append(CountryHit(span.entry.code, span.start, span.end, span.surface, span.entry.kind))
    return found


def country_name(code: str, lang: str = "vi") -> str:
    """Display name of an ISO-3 code in Vietnamese ("vi") or English ("en"); the code itself when unknown."""
    return _vocabulary().display[lang].get(code, code)


def all_country_codes() -> frozenset[str]:
    return frozenset(_vocabulary().display["en"])


def place_at(text: str, position: int) -> tuple[int, bool] | None:
    """Where a place name starting at `position` ends, and whether it names a country (or a capital) rather than a
    region ("Nam Á", "Ấn Độ Dương")."""
    match = _vocabulary().pattern.match(text, position)
    if not match:
        return None
    entry = _vocabulary().entries.get(_key(match.group()))
    return match.end(), entry is not None and entry.code is not None
