"""People named with an official title: name, title as written, and country."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from newsfacts.extract.countries import CountryHit, place_at
from newsfacts.extract.lowered import lowered_article
from newsfacts.extract.prefilter import literal_finder
from newsfacts.records import Person, Sentence

UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper() and chr(c).isalpha())
_NAME_TOKEN = rf"[{UPPER}](?:[\w'’-]*\w)?\.?"
_NAME = re.compile(rf"{_NAME_TOKEN}(?: {_NAME_TOKEN}){{0,4}}")
_COUNTRY_OF = re.compile(r"\s*(?:,\s*)?của\s+$")
_SIDE = re.compile(r"(?:^|\b)(?:[Pp]hía|[Pp]hái đoàn|[Đđ]oàn|[Đđ]ại diện phía)\s+$")
# Substrings of the lowercased sentence without which no title can be there.
_TITLE_START = ("trưởng", "thống", "tướng", "chủ tịch", "đại sứ", "phát ngôn", "tư lệnh", "vương", "cố vấn",
                "thư ký", "bí thư", "đô đốc", "đại tá", "nhà vua")
# Finds the sentences holding one of them in one pass over the article, not one substring search per title.
_TITLE_SCANNER = literal_finder(_TITLE_START)
_HONORIFICS = ("Ông", "ông", "Bà", "bà", "Ngài", "ngài", "người đồng cấp")
# Wherever `_HONORIFIC` matches, the lowercased sentence holds one of these at the start of a word ("không " holds
# "ông " inside a word: no honorific).
_LOWER_HONORIFIC_FORMS = tuple(dict.fromkeys(f"{word.lower()} " for word in _HONORIFICS))
_LOWER = "".join(chr(c) for c in range(0x61, 0x2000) if chr(c).islower() and chr(c).isalpha())
_REMIT = re.compile(rf" phụ trách(?: [{_LOWER}]+){{1,6}}?(?= [{UPPER}]|$)")
_POSTED = re.compile(r" tại ")
_PLACE_GAP = re.compile(r"(?: và |, | |-|–)")
_ASKS_PLACE = re.compile(r"(?:châu|vấn đề|khu vực|quan hệ với|với)$")
_JOINT = re.compile(r" kiêm ")
_JOINED = re.compile(r"(?:,? và |, | cùng )")
_HONORIFIC = re.compile(rf"(?<!\w)(?:{'|'.join(_HONORIFICS)}) ")


@dataclass(frozen=True)
class PersonMention:
    """One naming of a person in one sentence, with character offsets in that sentence."""

    name: str
    role: str | None
    role_key: str | None
    country: str | None
    sentence: int
    start: int
    end: int


@cache
def _roles() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("roles.json").read_text("utf-8"))


@cache
def _title_pattern() -> re.Pattern[str]:
    titles = sorted(_roles()["titles"], key=len, reverse=True)
    ranks = sorted(_roles()["ranks"], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, titles + ranks))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@cache
def _lower_title_pattern() -> re.Pattern[str]:
    """`_title_pattern` for lowercased text: a case-sensitive scan is several times faster than IGNORECASE."""
    titles = sorted(_roles()["titles"], key=len, reverse=True) + sorted(_roles()["ranks"], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, dict.fromkeys(title.lower() for title in titles)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _title_spans(text: str, lower: str) -> list[tuple[int, int]]:
    """Start and end of every title in `text`; `lower` is its lowercase form, scanned when offsets agree."""
    if len(lower) == len(text):
        return [match.span() for match in _lower_title_pattern().finditer(lower)]
    return [match.span() for match in _title_pattern().finditer(text)]


@cache
def _title_keys() -> dict[str, str]:
    return {title.lower(): key for title, key in _roles()["titles"].items()}


@cache
def _ranks() -> frozenset[str]:
    return frozenset(rank.lower() for rank in _roles()["ranks"])


@cache
def _not_name_words() -> frozenset[str]:
    return frozenset(_roles()["not_name_words"])


def role_key(role: str | None) -> str | None:
    """The normalised role ("foreign_minister", ...) of a title as written, remit included ("... phụ trách quốc tế")."""
    if not role:
        return None
    lower = role.lower()
    if lower in _title_keys():
        return _title_keys()[lower]
    prefixes = [title for title in _title_keys() if lower.startswith(title + " ")]
    return _title_keys()[max(prefixes, key=len)] if prefixes else None


def leader_titles() -> list[tuple[str, str]]:
    """(title, role key) of the heads of state and government."""
    return [(title, key) for title, key in _roles()["titles"].items() if key in ("head_of_state", "head_of_government")]


def dialogue_role_keys(mechanism: str) -> frozenset[str]:
    table = _roles()["dialogue_roles"]
    return frozenset(table.get(mechanism, table["default"]))


def _country_at(hits: Sequence[CountryHit], position: int) -> CountryHit | None:
    return next((hit for hit in hits if hit.start == position), None)


def _name_at(text: str, position: int, hits: Sequence[CountryHit]) -> tuple[str, int] | None:
    match = _NAME.match(text, position)
    if not match:
        return None
    tokens = match.group().split(" ")
    kept = []
    offset = position
    for token in tokens:
        if not kept and token in _not_name_words() or _country_at(hits, offset) or _title_pattern().match(text, offset):
            break
        kept.append(token)
        offset += len(token) + 1
    if not kept or kept[0] in _not_name_words():
        return None
    name = " ".join(kept).rstrip(".")
    if len(name) < 2:
        return None
    return name, position + len(name)


def _mentions_in(sentence: Sentence, lower: str | None, hits: Sequence[CountryHit], addressed: bool
                 ) -> list[PersonMention]:
    """Titled namings, when `lower` (the lowercased sentence, given when it holds a title's start) is given, and
    honorific namings when the sentence is `addressed`."""
    text = sentence.text
    mentions: list[PersonMention] = []
    consumed = 0
    titles = _title_spans(text, lower) if lower is not None else []
    for title_start, title_end in titles:
        if title_start < consumed:
            continue
        cursor, key_title = title_end, text[title_start:title_end]
        while (joint := _JOINT.match(text, cursor)) and (second := _title_pattern().match(text, joint.end())):
            cursor, key_title = second.end(), second.group()
        consumed = cursor
        if remit := _REMIT.match(text, cursor):
            cursor = _places_after(text, remit.end())
        role = text[title_start:cursor]
        country = None
        if text[cursor:cursor + 1] == " " and (hit := _country_at(hits, cursor + 1)):
            country, cursor = hit.code, hit.end
            posting = _POSTED.match(text, cursor)
            if posting and _country_at(hits, posting.end()):
                cursor = _country_at(hits, posting.end()).end
        if text[cursor:cursor + 1] != " ":
            continue
        found = _name_at(text, cursor + 1, hits)
        if not found:
            continue
        name, end = found
        posted_role, country, end = _post_after_name(text, end, hits, role, country)
        key = role_key(posted_role if posted_role != role else key_title)
        role = None if posted_role.lower() in _ranks() else posted_role
        mentions.append(PersonMention(name, role, key, country, sentence.index, title_start, end))
    if addressed:
        mentions += _counterparts(sentence, hits)
    return _drop_nested(mentions)


def _places_after(text: str, position: int) -> int:
    """The end of the places a remit names ("phụ trách các vấn đề Nam Á và Trung Á", "... châu Mỹ", "... an ninh Ấn
    Độ Dương-Thái Bình Dương"): they belong to the title, not to the name after it."""
    cursor = position
    while True:
        gap = _PLACE_GAP.match(text, cursor)
        place = place_at(text, gap.end()) if gap else None
        if place is None:
            return cursor
        end, is_country = place
        # "phụ trách quốc tế Nhật Bản Oka Masami": a country after a remit is the person's, unless the remit asks for
        # a place ("các vấn đề châu Mỹ", "quan hệ với Nga") or lists places ("Nam Á và Trung Á").
        if is_country and cursor == position and not _ASKS_PLACE.search(text, max(0, position - 12), position):
            return cursor
        cursor = end


def _post_after_name(text: str, end: int, hits, role: str, country: str | None):
    """A post written after the name ("Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng Việt Nam") beats a rank."""
    if role.lower() not in _ranks() or text[end:end + 2] != ", ":
        return role, country, end
    post = _title_pattern().match(text, end + 2)
    if not post or post.group().lower() in _ranks():
        return role, country, end
    cursor = post.end()
    if text[cursor:cursor + 1] == " " and (hit := _country_at(hits, cursor + 1)):
        country, cursor = country or hit.code, hit.end
    return post.group(), country, cursor


def _counterparts(sentence: Sentence, hits: Sequence[CountryHit]) -> list[PersonMention]:
    """Names after an honorific ("ông Pompeo") or "người đồng cấp X", which carry no title."""
    mentions = []
    text = sentence.text
    for honorific in _HONORIFIC.finditer(text):
        cursor, country = honorific.end(), None
        if honorific.group().startswith("người") and (hit := _country_at(hits, cursor)):
            cursor, country = hit.end + 1, hit.code
        found = _name_at(text, cursor, hits)
        if found:
            mentions.append(PersonMention(found[0], None, None, country, sentence.index, honorific.start(), found[1]))
    return mentions


def _drop_nested(mentions: list[PersonMention]) -> list[PersonMention]:
    kept: list[PersonMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _coordinate(text: str, mentions: list[PersonMention], hits: Sequence[CountryHit]) -> list[PersonMention]:
    """Share countries along "A và B của X" and "Ngoại trưởng Mỹ A và Bộ trưởng B" and "Phía X có A và B"."""
    groups: list[list[int]] = []
    for i, mention in enumerate(mentions):
        joined = groups and _JOINED.fullmatch(text[mentions[i - 1].end:mention.start])
        groups[-1].append(i) if joined else groups.append([i])
    countries = [m.country for m in mentions]
    for group in groups:
        last = mentions[group[-1]]
        after = next((h for h in hits if h.start > last.end and _COUNTRY_OF.fullmatch(text[last.end:h.start])), None)
        side = next((h for h in reversed(hits) if h.end <= mentions[group[0]].start and _SIDE.search(text[:h.start])
                     and text[h.end:mentions[group[0]].start].strip().split(" ")[0] in ("có", "là", "gồm", "do", "")),
                    None)
        inherited = None
        for i in group:
            if countries[i] is None:
                countries[i] = after.code if after else (side.code if side else inherited)
            inherited = countries[i] or inherited
    return [m if m.country == c else replace(m, country=c) for m, c in zip(mentions, countries)]


def find_person_mentions(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]]
                         ) -> list[PersonMention]:
    """Every titled or honorific naming of a person, with names and countries resolved across the article.

    Only sentences holding a title's start or an honorific are read; most hold neither."""
    article = lowered_article(sentences)
    titled = set(article.matching(_TITLE_SCANNER))
    addressed = set(article.holding(_LOWER_HONORIFIC_FORMS, word_start=True))
    mentions = []
    for position in sorted(titled | addressed):
        sentence = sentences[position]
        hits = country_hits.get(sentence.index, ())
        lower = article.sentence(position) if position in titled else None
        found = _mentions_in(sentence, lower, hits, position in addressed)
        mentions.extend(_coordinate(sentence.text, found, hits) if found else ())
    return _resolve(mentions)


def _resolve(mentions: list[PersonMention]) -> list[PersonMention]:
    """Map short names to the full name ending with them and fill missing country and title from other mentions."""
    longer: dict[str, str] = {}
    # In the article's order among names of one length: a surname two full names share ("Sergei Shoigu", "Sergey
    # Shoigu") goes to the first named, the same on every run.
    for name in sorted(dict.fromkeys(m.name for m in mentions), key=lambda n: -len(n.split())):
        tokens = name.split(" ")
        for cut in range(1, len(tokens)):
            longer.setdefault(" ".join(tokens[cut:]), name)
    resolved = [replace(m, name=longer[m.name]) if m.name in longer else m for m in mentions]
    country_of: dict[str, str] = {}
    role_of: dict[str, str] = {}
    for m in resolved:
        if m.country:
            country_of.setdefault(m.name, m.country)
        if m.role:
            role_of.setdefault(m.name, m.role)
    return [m if m.country and m.role and m.role_key else
            replace(m, country=m.country or country_of.get(m.name),
                    role=m.role or role_of.get(m.name), role_key=m.role_key or role_key(role_of.get(m.name)))
            for m in resolved]


def people_records(mentions: Sequence[PersonMention]) -> tuple[Person, ...]:
    """One `Person` per resolved name, with the first title and country seen and every sentence naming them."""
    order: list[str] = []
    by_name: dict[str, list[PersonMention]] = {}
    for m in mentions:
        if m.name not in by_name:
            order.append(m.name)
        by_name.setdefault(m.name, []).append(m)
    people = []
    for name in order:
        group = by_name[name]
        role = next((m.role for m in group if m.role), None)
        country = next((m.country for m in group if m.country), None)
        evidence = tuple(sorted({m.sentence for m in group}))
        if role or country:
            people.append(Person(name, role, country, evidence))
    return tuple(people)
