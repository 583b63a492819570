"""Meetings of named dialogue mechanisms ("Đối thoại 2+2", "Đối thoại Chiến lược", AUSMIN, ...) as `Dialogue` records."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files

from newsfacts.extract.clauses import clause_around, clause_breaks
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit
from newsfacts.extract.lowered import LoweredArticle, lowered_article
from newsfacts.extract.people import UPPER, PersonMention, dialogue_role_keys, leader_titles
from newsfacts.extract.prefilter import Prefiltered, prefiltered
from newsfacts.records import Dialogue, Location, Participant, Sentence

# Every match of a mechanism or bare-meeting pattern holds one of these: a sentence holding none is not read.
_CUES = ("2+2", "đối thoại", "tham vấn", "ausmin", "họp", "cuộc gặp", "hội đàm", "intersessional", "thảo luận",
         "đàm phán")
_CLAUSE_BREAK = clause_breaks(",;:.()", ("sau khi", "nhưng", "trong khi", "song", "tuy nhiên"))
_CONNECTOR = re.compile(r"\s*(?:và|với|cùng|,|-|/|–)\s*")
_WITH_PARTNER = re.compile(r"(?:với|cùng)\s*$")
_SEVERAL_SIDED = re.compile(r"ba bên|bốn bên|ba nước|bốn nước|đa phương|tam giác|\bbộ tứ\b|trilateral")
_MECHANISM_TALK = re.compile(r"(?:cơ chế|định dạng|thiết lập|thành lập)\s*$")
# "các cơ chế như Đối thoại Chính sách Quốc phòng": mechanisms named as examples, no meeting.
_MECHANISMS_SUCH_AS = re.compile(r"(?:các|những) (?:cơ chế|kênh|định dạng)(?: \S+){0,3} (?:như|gồm|là)\s*$")
_MECHANISM_WORD = re.compile(r"(?:cơ chế|định dạng)\b")
# "Ấn Độ duy trì cơ chế 2+2 với ...": the mechanism itself, not a meeting of it.
_KEEPS_MECHANISM = re.compile(r"(?:duy trì|\bcó\b|thiết lập|xây dựng|nâng cấp|mở rộng)(?: \S+){0,2} $")
_GENERIC_MECHANISM = re.compile(r"(?:các|những)\s+(?=(?:cơ chế|định dạng)\b)")
_FIRST_SINCE = re.compile(r"lần đầu(?: tiên)? (?:kể )?từ\s+(?:năm\s+|tháng\s+)?$")
_VENUE_LEAD = re.compile(r"(?<!\w)(?i:tại|ở|tới|đến|sang)\s+(?:(?i:thủ đô|thành phố)\s+)?")
# "tại trụ sở Bộ Quốc phòng Nhật Bản": a building of one country's government stands for that country.
_SEAT_OF = re.compile(r"(?i:trụ sở|tòa nhà|văn phòng|trung tâm hội nghị)?(?:\s*(?:của\s+)?(?i:bộ|tổng cục|cục)"
                      r"(?:\s+[\w-]+){1,3}\s+)?$")
# "Theo phóng viên TTXVN tại New Delhi": where the reporter is, not where the meeting is.
_REPORTER_BASE = re.compile(r"(?i:phóng viên|\bPV\b|thông tấn xã)[^,.;:]{0,30}$")
_CITY_NAME = re.compile(rf"[{UPPER}][\w-]*(?: [{UPPER}][\w-]*){{0,2}}")
_PRECISION = {"day": 10, "month": 7, "year": 4}
_ORDINAL = re.compile(r"\blần (?:thứ )?(\d{1,3}|[ivxl]{1,6}|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?: \w+)?)\b")
_ORDINAL_REACH = 60
_ORDINAL_WORDS = {"hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                  "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15}
_APPOSITION = re.compile(r"\(\s*(?:vào\s+|hồi\s+)?")
_MAX_SEAT_CHARS = 60
_DAY_RANGE = re.compile(r"(\d{1,2})\s*(?:-|–|đến)\s*(\d{1,2})\s*/")
# "(1973 - 2023)": an anniversary's span of years dates no meeting.
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*(?:-|–|đến)\s*(?:19|20)\d\d")
# "08/08/2025 05:57": a page's timestamp, not the day of a meeting.
_CLOCK = re.compile(r"\s*(?:-\s*|\|\s*)?\d{1,2}:\d{2}\b")
_REPORTED_ON = re.compile(r"(?:đưa tin|dẫn lời|cho biết|thông báo|tuyên bố|xác nhận|công bố|cho hay)\s+(?:hôm |vào )?$",
                          re.IGNORECASE)
MAX_MENTIONS = 400


@dataclass(frozen=True)
class _Mention:
    """One mention of a dialogue meeting in one sentence."""

    mechanism: str
    parties: tuple[str, ...]
    date: str | None
    precision_rank: int
    location: Location
    status: str | None
    sentence: int
    bare: bool = False
    weak_date: bool = False
    until: str | None = None
    ordinal: int | None = None


@cache
def _vocab() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("mechanisms.json").read_text("utf-8"))


@cache
def _mechanism_patterns() -> tuple[tuple[str, Prefiltered], ...]:
    return tuple((entry["mechanism"], prefiltered(pattern))
                 for entry in _vocab()["mechanisms"] for pattern in entry["patterns"])


@cache
def _mechanism_gate() -> tuple[str, ...] | None:
    """Fixed strings one of which every match of every mechanism pattern holds; None when a pattern has no such list.

    A sentence holding none of them names no mechanism, and is ruled out with one test instead of one per pattern."""
    per_pattern = [entry.literals for _, entry in _mechanism_patterns()]
    if any(literals is None for literals in per_pattern):
        return None
    gate: list[str] = []
    for literal in sorted(set().union(*per_pattern), key=len):
        if not any(shorter in literal for shorter in gate):
            gate.append(literal)
    return tuple(gate)


@cache
def _patterns_by_literal() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each fixed string the mechanism patterns require, with the priorities of the patterns requiring it; a pattern
    with no known fixed string is listed under the empty string, which every text holds."""
    owners: dict[str, list[int]] = {}
    for priority, (_, entry) in enumerate(_mechanism_patterns()):
        for literal in entry.literals or ("",):
            owners.setdefault(literal, []).append(priority)
    return tuple((literal, tuple(priorities)) for literal, priorities in owners.items())


def _may_name_mechanism(lower: str) -> bool:
    gate = _mechanism_gate()
    if gate is None:
        return True
    for literal in gate:
        if literal in lower:
            return True
    return False


@cache
def _patterns() -> dict[str, re.Pattern[str] | Prefiltered]:
    """The cue patterns; those only ever searched sit behind their literal prefilter."""
    vocab = _vocab()
    compiled: dict[str, re.Pattern[str] | Prefiltered] = {
        name: prefiltered(pattern) for name, pattern in vocab["status_cues"].items()}
    compiled["bare"] = re.compile(vocab["bare_references"])
    compiled["meeting"] = prefiltered(vocab["meeting_verbs"])
    compiled["new_date"] = re.compile(vocab["new_date_cue"])
    compiled["announcement"] = re.compile(vocab["announcement_verbs"])
    compiled["since"] = re.compile(vocab["since_cue"])
    compiled["since_year"] = re.compile(vocab["since_year_cue"])
    compiled["officials"] = re.compile(vocab["officials_level"])
    return compiled


@cache
def _venues() -> dict[str, str]:
    return json.loads(files("newsfacts.vocab").joinpath("venues.json").read_text("utf-8"))["cities"]


@cache
def _venue_pattern() -> re.Pattern[str]:
    names = sorted(_venues(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")


def _mechanism_spans(lower: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, mechanism) spans; earlier vocabulary entries win overlaps, then longer spans.

    Only the patterns whose fixed strings the sentence holds are scanned: most sentences name no mechanism, and the
    others one or two of the vocabulary's many."""
    if not _may_name_mechanism(lower):
        return []
    patterns = _mechanism_patterns()
    possible = {priority for literal, priorities in _patterns_by_literal() if literal in lower for priority in priorities}
    found = sorted((priority, -(m.end() - m.start()), m.start(), m.end(), patterns[priority][0])
                   for priority in possible for m in patterns[priority][1].pattern.finditer(lower) if m.end() > m.start())
    kept: list[tuple[int, int, str]] = []
    for _, _, start, end, mechanism in found:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, mechanism))
    return sorted(kept)


def _fixed_parties(lower: str, start: int, end: int) -> tuple[str, ...]:
    phrase = lower[start:end]
    return next((tuple(codes) for key, codes in _vocab()["fixed_parties"].items() if key in phrase), ())


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    return clause_around(_CLAUSE_BREAK, text, start, end)


def _country_groups(text: str, hits: Sequence[CountryHit], start: int, end: int) -> list[tuple[int, int, set[str]]]:
    """Runs of countries joined by "và", "-", "," or "X <mechanism> với Y"."""
    return [(g_start, g_end, host | partners) for g_start, g_end, host, partners in _host_groups(text, hits, start, end)]


def _host_groups(text: str, hits: Sequence[CountryHit], start: int, end: int
                 ) -> list[tuple[int, int, set[str], set[str]]]:
    """`_country_groups` with each run split into the host before the mechanism and the partners after "với" (no
    partners when the run is a plain list)."""
    groups: list[tuple[int, int, set[str], set[str]]] = []
    for hit in hits:
        if groups:
            g_start, g_end, host, partners = groups[-1]
            between = text[g_end:hit.start]
            if g_end <= start and end <= hit.start and not partners and _WITH_PARTNER.search(between):
                groups[-1] = (g_start, hit.end, host, {hit.code})
                continue
            if _CONNECTOR.fullmatch(between):
                groups[-1] = (g_start, hit.end, host, partners | {hit.code}) if partners else (
                    g_start, hit.end, host | {hit.code}, partners)
                continue
        groups.append((hit.start, hit.end, {hit.code}, set()))
    return groups


def _separate_meetings(text: str, lower: str, hits: Sequence[CountryHit], start: int, end: int,
                       parties: tuple[str, ...]) -> list[tuple[str, ...]]:
    """"Nhật Bản tổ chức đối thoại 2+2 (riêng rẽ) với Philippines và Mỹ": a two-sided mechanism held by one host
    with several partners is one meeting per partner, unless the sentence says it is a meeting of three or more."""
    if len(parties) <= 2 or _SEVERAL_SIDED.search(lower):
        return [parties]
    for _, _, host, partners in _host_groups(text, hits, start, end):
        if len(host) == 1 and len(partners) >= 2 and host | partners == set(parties):
            return [tuple(sorted(host | {partner})) for partner in sorted(partners)]
    return [parties]


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def _parties(text: str, hits: Sequence[CountryHit], start: int, end: int, left: int, right: int
             ) -> tuple[str, ...]:
    groups = [g for g in _country_groups(text, hits, start, end) if len(g[2]) >= 2]
    if groups:
        best = min(groups, key=lambda g: _distance(g[0], g[1], start, end))
        return tuple(sorted(best[2]))
    near = sorted((h for h in hits if left <= h.start and h.end <= right), key=lambda h: _distance(h.start, h.end, start, end))
    near = near or sorted(hits, key=lambda h: _distance(h.start, h.end, start, end))
    codes: list[str] = []
    for hit in near:
        if hit.code not in codes:
            codes.append(hit.code)
    return tuple(sorted(codes[:2]))


def _event_dates(text: str, dates: Sequence[DateHit]) -> list[DateHit]:
    """Dates that can be a meeting's date: not the day something was announced or reported ("ngày 28/10, Bộ Ngoại
    giao thông báo", "Yonhap đưa tin ngày 28/10"), and resolved or resolvable. A sentence's dates are read for each
    mention near it, so the answer is kept."""
    return list(_event_dates_of(text, tuple(dates))) if dates else []


@lru_cache(maxsize=512)
def _event_dates_of(text: str, dates: tuple[DateHit, ...]) -> tuple[DateHit, ...]:
    announcement = _patterns()["announcement"]
    return tuple(d for d in dates if not announcement.match(text, d.end) and not _is_since(text, d)
                 and not _REPORTED_ON.search(text, max(0, d.start - 25), d.start) and not _CLOCK.match(text, d.end)
                 and not _YEAR_SPAN.search(d.text))


def _is_since(text: str, hit: DateHit) -> bool:
    """A date a meeting is counted from ("kể từ năm 2016", "từ năm 2013"), or the date of the event such a count
    starts at ("kể từ khi ông Trump nắm quyền sau cuộc bầu cử tháng 11/2016")."""
    before = text[max(0, hit.start - 20):hit.start]
    return bool(_patterns()["since"].search(before)
                or hit.precision == "year" and _patterns()["since_year"].search(before)
                or _SINCE_EVENT.search(text, max(0, hit.start - _SINCE_EVENT_CHARS), hit.start))


def _nearest_date(hits: Sequence[DateHit], start: int, end: int) -> DateHit | None:
    def cost(hit: DateHit) -> float:
        return hit.start - end if hit.start >= end else (start - hit.end) * 1.5
    return min(hits, key=cost, default=None)


def _venue_options(text: str, hits: Sequence[CountryHit]) -> list[tuple[int, Location]]:
    """Every place the sentence names after "tại", "ở", "tới" or "đến", with where its lead word starts."""
    options = []
    for lead in _VENUE_LEAD.finditer(text):
        if _REPORTER_BASE.search(text, max(0, lead.start() - 40), lead.start()):
            continue
        position = lead.end()
        venue = _venue_pattern().match(text, position)
        if venue:
            options.append((lead.start(), Location(venue.group(), _venues()[venue.group()])))
            continue
        country = next((h for h in hits if h.start == position), None) or _seat_country(text, hits, position)
        if country:
            options.append((lead.start(), Location(None, country.code)))
        elif lead.group().rstrip().lower().endswith("thành phố") and (city := _CITY_NAME.match(text, position)):
            options.append((lead.start(), Location(city.group(), None)))
    return options


def _seat_country(text: str, hits: Sequence[CountryHit], position: int) -> CountryHit | None:
    """The country whose ministry's seat the venue is ("tại trụ sở Bộ Quốc phòng Nhật Bản")."""
    country = next((h for h in hits if position < h.start <= position + _MAX_SEAT_CHARS), None)
    if country is None or not text[position:country.start].strip():
        return None
    seat = _SEAT_OF.fullmatch(text, position, country.start)
    return country if seat and seat.group().strip() else None


def _location(options: Sequence[tuple[int, Location]], start: int, end: int, left: int, right: int) -> Location:
    if not options:
        return Location()
    in_clause = [o for o in options if left <= o[0] < right] or options
    nearest = min(in_clause, key=lambda o: o[0] - end if o[0] >= end else (start - o[0]) * 2)[1]
    if nearest.city is None:
        # "tại trụ sở Bộ Ngoại giao Mỹ ở Washington": the city the same clause names in that country.
        return next((o[1] for o in in_clause if o[1].city and o[1].country == nearest.country), nearest)
    return nearest


def _status(lower: str, start: int, end: int, left: int, right: int) -> str | None:
    cues = _patterns()
    clause = lower[left:right]
    for status in ("cancelled", "postponed", "agreed"):
        if cues[status].search(clause):
            return status
    if cues["planned"].search(lower, left, start) or cues["planned_after"].search(lower[end:right]):
        return "planned"
    if cues["held"].search(clause):
        return "held"
    return None


def _date_fields(hit: DateHit | None) -> tuple[str | None, int]:
    if hit is None or hit.value is None:
        return None, 0
    return hit.value, _PRECISION.get(hit.precision, len(hit.value))


def _mentions_in(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                 paragraph_date: Callable[[], DateHit | None]) -> list[_Mention]:
    text = sentence.text
    spans = _mechanism_spans(lower)
    if not spans:
        return []
    mentions: list[_Mention] = []
    venues = _venue_options(text, hits)
    event_dates = _event_dates(text, dates)
    for start, end, mechanism in spans:
        left, right = _clause(text, start, end)
        mechanism = _at_its_level(mechanism, lower[left:right])
        fixed = _fixed_parties(lower, start, end)
        parties = fixed or _parties(text, hits, start, end, left, right)
        found = _span_mentions(sentence, lower, hits, dates, event_dates, venues, paragraph_date, len(spans) == 1,
                               (start, end, mechanism), (left, right), parties)
        separate = [parties] if fixed else _separate_meetings(text, lower, hits, start, end, parties)
        if len(separate) == 1:
            mentions.extend(found)
        else:
            mentions.extend(replace(m, parties=pair) for pair in separate for m in found)
    return mentions


def _at_its_level(mechanism: str, clause: str) -> str:
    """A 2+2 whose clause says officials meet, and names no minister, is the officials' round (SPEC: intersessional)."""
    if mechanism != "2+2" or "bộ trưởng" in clause or not _patterns()["officials"].search(clause):
        return mechanism
    return "2+2 intersessional"


def _span_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                   event_dates: Sequence[DateHit],
                   venues: Sequence[tuple[int, Location]], paragraph_date: Callable[[], DateHit | None],
                   only_span: bool, span: tuple[int, int, str], clause: tuple[int, int],
                   parties: tuple[str, ...]) -> list[_Mention]:
    """The meetings one mechanism name in the sentence stands for: itself, a new date it was moved to, meetings it
    lists, the meeting before it."""
    text = sentence.text
    start, end, mechanism = span
    left, right = clause
    mentions: list[_Mention] = []
    location = _location(venues, start, end, left, right)
    if (_MECHANISM_TALK.search(lower, 0, start) or _GENERIC_MECHANISM.search(lower, max(0, start - 8), start + 8)
            or _MECHANISMS_SUCH_AS.search(lower, max(0, start - 30), start)
            or _MECHANISM_WORD.match(lower, start) and _KEEPS_MECHANISM.search(lower, max(0, start - 30), start)):
        return [_mechanism_talk(lower, event_dates, mechanism, parties, start, end, sentence.index)]
    status = _status(lower, start, end, left, right)
    if status is None and only_span:
        status = _sentence_change(lower, end)
    if status is None and _ordinal(lower, end, right) is not None:
        status = "held"
    candidates = event_dates
    if _since_only(text, dates, candidates, left, right):
        return [_Mention(mechanism, parties, None, 0, location, "mechanism", sentence.index)]
    new_date = _new_date(text, candidates) if status == "postponed" else None
    candidates = [d for d in candidates if d is not new_date]
    in_clause = [d for d in candidates if left <= d.start < right]
    hit = _apposed_date(text, candidates, right) or _best_date(in_clause or candidates, start, end)
    value, rank = _date_fields(hit if hit else paragraph_date())
    weak = hit is None and value is not None
    mentions.append(_Mention(mechanism, parties, value, rank, location, status, sentence.index, weak_date=weak,
                             until=_range_end(hit), ordinal=_ordinal(lower, end, right)))
    if new_date is not None:
        value, rank = _date_fields(new_date)
        mentions.append(_Mention(mechanism, parties, value, rank, Location(), "planned", sentence.index))
    mentions.extend(_listed_meetings(text, hits, candidates, hit, mentions[-1], lower[start:]))
    mentions.extend(_previous_meeting(text, dates, mentions[-1]))
    return mentions


def _sentence_change(lower: str, end: int) -> str | None:
    """A cancellation or postponement told later in the sentence ("Đối thoại X, vốn dự kiến ..., đã được lùi sang")."""
    return next((status for status in ("cancelled", "postponed") if _patterns()[status].search(lower, end)), None)


def _mechanism_talk(lower: str, event_dates: Sequence[DateHit], mechanism: str, parties: tuple[str, ...],
                    start: int, end: int, sentence: int) -> _Mention:
    """The mechanism itself, not a meeting; agreeing to set it up ("nhất trí thiết lập cơ chế đối thoại 2+2") is an
    agreed meeting, dated by the first meeting the sentence announces after it."""
    if not _patterns()["agreed"].search(lower, max(0, start - 60), start):
        return _Mention(mechanism, parties, None, 0, Location(), "mechanism", sentence)
    later = [d for d in event_dates if d.start >= end and d.value]
    value, rank = _date_fields(later[0] if later else None)
    return _Mention(mechanism, parties, value, rank, Location(), "agreed", sentence)


def _since_only(text: str, dates: Sequence[DateHit], candidates: Sequence[DateHit], left: int, right: int) -> bool:
    """"đã có Đối thoại Chiến lược ... từ năm 2013": the clause dates only the mechanism's start, not a meeting."""
    own = [d for d in dates if left <= d.start < right]
    return bool(own) and not any(left <= d.start < right for d in candidates) and any(_is_since(text, d) for d in own)


def _previous_meeting(text: str, dates: Sequence[DateHit], mention: _Mention) -> list[_Mention]:
    """"lần đầu tiên kể từ năm 2016": the meeting before this one was held then."""
    previous = []
    for hit in dates:
        if hit.value and _FIRST_SINCE.search(text[max(0, hit.start - 30):hit.start]):
            value, rank = _date_fields(hit)
            previous.append(replace(mention, date=value, precision_rank=rank, location=Location(), status="held"))
    return previous


def _best_date(hits: Sequence[DateHit], start: int, end: int) -> DateHit | None:
    """The nearest date, or a more precise one in the same period ("năm ngoái ... ngày 4/8/2019")."""
    nearest = _nearest_date(hits, start, end)
    if nearest is None or nearest.value is None:
        return nearest
    finer = [h for h in hits if h.value and h.value.startswith(nearest.value) and len(h.value) > len(nearest.value)]
    return finer[0] if finer else nearest


def _listed_meetings(text: str, hits, dates: Sequence[DateHit], used: DateHit | None, mention: _Mention,
                     rest: str) -> list[_Mention]:
    """"sau các cuộc gặp ở New Delhi năm 2018 và Washington năm 2019": one meeting per listed date."""
    if used is None or not re.search(r"\bcác (?:cuộc|vòng|kỳ|lần)\b", rest):
        return []
    listed = []
    for hit in dates:
        if hit is used or not hit.value or hit.start < used.start:
            continue
        venue = _venue_before(text, hits, hit.start)
        value, rank = _date_fields(hit)
        listed.append(replace(mention, date=value, precision_rank=rank, location=venue))
    return listed


def _venue_before(text: str, hits, position: int) -> Location:
    window_start = max(0, position - 30)
    venues = [m for m in _venue_pattern().finditer(text, window_start, position)]
    if venues:
        return Location(venues[-1].group(), _venues()[venues[-1].group()])
    return Location()


def _new_date(text: str, dates: Sequence[DateHit]) -> DateHit | None:
    """The date a postponed meeting was moved to ("hoãn ... sang ngày 10/4")."""
    return next((d for d in dates if _patterns()["new_date"].search(text[max(0, d.start - 30):d.start])), None)


def _paragraph_date(sentence: Sentence, paragraph: Sequence[Sentence],
                    date_hits: Mapping[int, Sequence[DateHit]]) -> DateHit | None:
    """The first resolved event date of the other sentences of the paragraph, the nearest preceding sentence first."""
    others = sorted((s for s in paragraph if s.index != sentence.index),
                    key=lambda s: (s.index > sentence.index, abs(s.index - sentence.index)))
    return next((d for s in others for d in _event_dates(s.text, date_hits.get(s.index, ())) if d.value), None)


_NEIGHBOURS = 2
_SINCE_EVENT = re.compile(r"(?i:kể từ khi|từ khi|kể từ sau khi)[^,.;]*$")
_SINCE_EVENT_CHARS = 90
_SUBJECT_CHARS = 3
# Where a sentence gives the day of its news: "Ngày 30/7, ...", "Sáng 16/9, tại Hà Nội, ...".
_NEWS_DATE_CHARS = 25


def _neighbour_date(sentence: Sentence, sentences: Sequence[Sentence],
                    date_hits: Mapping[int, Sequence[DateHit]]) -> DateHit | None:
    """A meeting named without a date in a sentence of its own ("Phát biểu sau cuộc hội đàm 2+2 ...") takes the day
    of the news that the sentence or two before it open with ("Ngày 30/7, Ngoại trưởng ... thông báo"), else the one
    the headline opens with."""
    before = [s for s in sentences[max(0, sentence.index - _NEIGHBOURS):sentence.index] if s.segment != "caption"]
    headline = [s for s in sentences if s.segment in ("title", "lead") and s.index != sentence.index]
    for other in [*reversed(before), *headline]:
        found = next((d for d in _event_dates(other.text, date_hits.get(other.index, ()))
                      if d.value and d.start <= _NEWS_DATE_CHARS), None)
        if found:
            return found
    return None


def _bare_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit]
                   ) -> list[_Mention]:
    """A "cuộc gặp"/"cuộc họp" with its own date after it and a status cue: a meeting of the article's mechanism."""
    if not any(d.value for d in dates):
        return []
    text = sentence.text
    mentions = []
    references = list(_patterns()["bare"].finditer(lower))
    for match, following in zip(references, [*references[1:], None]):
        if not any(d.value and d.start >= match.end() for d in dates):  # no own date can follow: skip the clause work
            continue
        left, right = _clause(text, match.start(), match.end())
        # "Cuộc họp ... được tổ chức ... tại Nusa Dua, Bali vào ngày 6/12/2019": a meeting the sentence is about may be
        # dated past a comma, not past the next meeting the sentence names.
        reach = right if match.start() > _SUBJECT_CHARS else following.start() if following else len(text)
        own_dates = [d for d in _event_dates(text, dates) if match.end() <= d.start < reach and d.value]
        status = _status(lower, match.start(), match.end(), left, right) if own_dates else None
        if status is None:
            continue
        value, rank = _date_fields(own_dates[0])
        location = _location(_venue_options(text, hits), match.start(), match.end(), left, right)
        codes = tuple(sorted({h.code for h in hits}))
        mentions.append(_Mention("", codes, value, rank, location, status, sentence.index, bare=True,
                                 ordinal=_ordinal(lower, match.end(), right)))
    return mentions


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _apposed_date(text: str, dates: Sequence[DateHit], right: int) -> DateHit | None:
    """"Đối thoại Chính sách Quốc phòng lần thứ 8 (tháng 11/2021)": the date in brackets right after the mention's
    clause is that meeting's."""
    opening = _APPOSITION.match(text, right)
    if opening is None:
        return None
    return next((d for d in dates if d.start == opening.end() and d.value), None)


def _ordinal(lower: str, end: int, right: int) -> int | None:
    """The round a mention names right after the mechanism and its parties ("... Việt - Mỹ lần thứ 7", "(DTT) lần
    thứ XIII", "lần thứ ba")."""
    found = _ORDINAL.search(lower, end, min(right, end + _ORDINAL_REACH))
    if not found:
        return None
    word = found[1]
    if word.isdigit():
        return int(word)
    if set(word) <= set("ivxl"):
        return _roman(word)
    return _ORDINAL_WORDS.get(word)


def _roman(numeral: str) -> int:
    values = [{"i": 1, "v": 5, "x": 10, "l": 50}[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _different_rounds(a: _Mention, b: _Mention) -> bool:
    return a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal


def _same_time(a: _Mention, b: _Mention) -> bool:
    """Dates that can be the same meeting: equal at their common precision, or a day inside the other's range of
    days ("từ ngày 18-22/6" and "ngày 20/6"); never two different rounds ("lần thứ 7", "lần thứ 8")."""
    if _different_rounds(a, b):
        return False
    for ranged, other in ((a, b), (b, a)):
        if ranged.until and other.date and len(other.date) == len(ranged.date):
            return ranged.date <= other.date <= ranged.until
    return _compatible(a.date, b.date)


def _range_end(hit: DateHit | None) -> str | None:
    """The last day of a range of days ("ngày 18-22/6", "từ ngày 16 đến 19/10"); None for a single date."""
    if hit is None or hit.value is None or hit.precision != "day":
        return None
    found = _DAY_RANGE.search(hit.text)
    if not found or int(found[2]) <= int(found[1]) or int(found[2]) > 31:
        return None
    return f"{hit.value[:8]}{int(found[2]):02d}"


@dataclass
class _Event:
    mentions: list[_Mention]

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.mentions[0].mechanism, self.mentions[0].parties

    @property
    def anchor(self) -> _Mention:
        dated = [m for m in self.mentions if m.date]
        return max(dated, key=lambda m: (m.precision_rank, m.until is None)) if dated else self.mentions[0]


def _group(mentions: list[_Mention], main_sentence_order: Mapping[int, int]) -> list[_Event]:
    events: list[_Event] = []
    dated = [m for m in mentions if m.date and not m.weak_date]
    undated = [m for m in mentions if not m.date or m.weak_date]
    for mention in dated:
        event = next((e for e in events if e.key == (mention.mechanism, mention.parties)
                      and all(_same_time(mention, other) for other in e.mentions)), None)
        event.mentions.append(mention) if event else events.append(_Event([mention]))
    for mention in undated:
        same = [e for e in events if e.key == (mention.mechanism, mention.parties)
                and not any(_different_rounds(mention, m) for m in e.mentions)]
        if mention.weak_date and not same:
            if mention.status not in (None, "mechanism"):
                events.append(_Event([mention]))
            continue
        if mention.status == "agreed":
            same = [e for e in same if any(m.status in ("planned", "agreed") for m in e.mentions)] or same
        if same:
            main = min(same, key=lambda e: min(main_sentence_order.get(m.sentence, 10**6) for m in e.mentions))
            main.mentions.append(mention)
        elif mention.status not in (None, "mechanism"):
            events.append(_Event([mention]))
    return events


def _fold_headline_names(events: list[_Event], headline: frozenset[int]) -> list[_Event]:
    """A headline that names the article's meeting loosely ("đối thoại 2+2" for the officials' round, "Đối thoại
    chiến lược" for the political-security-defence dialogue) names that meeting, not a second one: an event told
    only in the headline folds into the one event of the same parties whose mechanism it loosely names, when their
    dates agree."""
    looser = _vocab()["loose_names"]
    folded = list(events)
    for event in events:
        if event.key[0] not in looser or any(m.sentence not in headline for m in event.mentions):
            continue
        named = [e for e in folded if e is not event and e.key[1] == event.key[1] and e.key[0] in looser[event.key[0]]
                 and _compatible(e.anchor.date, event.anchor.date)]
        if len(named) == 1:
            named[0].mentions.extend(event.mentions)
            folded.remove(event)
    return folded


def _main_pair(mentions: Sequence[_Mention], country_hits: Mapping[int, Sequence[CountryHit]]) -> tuple[str, ...]:
    pairs = Counter(m.parties for m in mentions if len(m.parties) >= 2)
    if pairs:
        return pairs.most_common(1)[0][0]
    counts = Counter(h.code for hits in country_hits.values() for h in hits)
    return tuple(sorted(code for code, _ in counts.most_common(2)))


def _complete_parties(mentions: list[_Mention], main_pair: tuple[str, ...],
                      people: Sequence[PersonMention]) -> list[_Mention]:
    """Parties for mentions that name fewer than two countries.

    One country meets the country of the people in its sentence; none ("Hai nước cũng nhất trí ...") means the
    pair of the mention one or two sentences before, else the article's main pair.
    """
    completed: list[_Mention] = []
    for m in mentions:
        if len(m.parties) == 1 and m.parties[0] not in main_pair:
            visitors = {p.country for p in people if p.sentence == m.sentence and p.country} - set(m.parties)
            if len(visitors) == 1:
                m = replace(m, parties=tuple(sorted(set(m.parties) | visitors)))
        if not m.parties:
            previous = next((c for c in reversed(completed) if 0 < m.sentence - c.sentence <= 2), None)
            m = replace(m, parties=previous.parties if previous else main_pair)
        if len(m.parties) == 1 and m.parties[0] in main_pair:
            m = replace(m, parties=main_pair)
        completed.append(m)
    return [m for m in completed if len(m.parties) >= 2]


def _resolve_bare(bare: list[_Mention], named: list[_Mention], main_pair: tuple[str, ...],
                  sentences: Sequence[Sentence]) -> list[_Mention]:
    """Bare meetings ("cuộc họp", "cuộc gặp") are meetings of the article's mechanism, except a meeting of leaders
    ("Thủ tướng Abe và Chủ tịch Tập Cận Bình đã có cuộc gặp"), which no dialogue mechanism holds."""
    meetings = [m for m in named if m.status not in ("mechanism", "agreed")]
    if not meetings:
        return []
    mechanism = Counter(m.mechanism for m in meetings).most_common(1)[0][0]
    return [replace(m, mechanism=mechanism, parties=main_pair) for m in bare
            if set(m.parties) <= set(main_pair) and not _names_leaders(sentences[m.sentence].text)]


def _names_leaders(text: str) -> bool:
    return _leader_titles().search(text) is not None


@cache
def _leader_titles() -> re.Pattern[str]:
    """The titles of heads of state and government ("Tổng thống", "Thủ tướng", "Chủ tịch nước")."""
    titles = [title for title, key in leader_titles()]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(titles, key=len, reverse=True))) + r")(?!\w)",
                      re.IGNORECASE)


def _bump_past_reference(mentions: list[_Mention], reference: str | None) -> list[_Mention]:
    """Without a publication date, a planned meeting given only day and month falls after the article's latest dated fact."""
    if reference is None:
        return mentions
    bumped = []
    for m in mentions:
        if m.status == "planned" and m.date and m.precision_rank == 10 and m.date < reference:
            year, month, day = map(int, m.date.split("-"))
            try:
                m = replace(m, date=date(year + 1, month, day).isoformat())
            except ValueError:
                pass
        bumped.append(m)
    return bumped


def _final_status(event: _Event, published: date | None) -> str:
    anchor = event.anchor
    statuses = [anchor.status] + [m.status for m in event.mentions]
    status = next((s for s in statuses if s not in (None, "mechanism")), None)
    if status == "planned" and "agreed" in statuses:
        status = "agreed"
    if anchor.date and published and status in (None, "held"):
        status = "planned" if anchor.date > published.isoformat()[:len(anchor.date)] else "held"
    return status or "held"


def _final_location(event: _Event) -> Location:
    anchor = event.anchor
    ordered = [anchor] + [m for m in event.mentions if m is not anchor]
    return next((m.location for m in ordered if m.location.city or m.location.country), Location())


def find_dialogues(sentences: Sequence[Sentence], paragraphs: Mapping[int, int],
                   country_hits: Mapping[int, Sequence[CountryHit]], date_hits: Mapping[int, Sequence[DateHit]],
                   people: Sequence[PersonMention], published: date | None,
                   explicit_reference: str | None = None) -> tuple[Dialogue, ...]:
    """Every distinct dialogue meeting the article's main text reports.

    Only the first `MAX_MENTIONS` mentions are grouped: a news article has far fewer, and the cap keeps the
    pairwise grouping of a pathological multi-megabyte input short.
    """
    article = lowered_article(sentences)
    named, bare = _collect(sentences, article, paragraphs, country_hits, date_hits)
    if not named:
        return ()
    main_pair = _main_pair(named, country_hits)
    mentions = _complete_parties(named, main_pair, people) + _resolve_bare(bare, named, main_pair, sentences)
    if published is None:
        mentions = _bump_past_reference(mentions, explicit_reference)
    order = {s.index: rank for rank, s in enumerate(s for s in sentences if s.segment != "caption")}
    headline = frozenset(s.index for s in sentences if s.segment in ("title", "lead"))
    events = _fold_headline_names(_group(mentions, order), headline)
    events.sort(key=lambda e: min(order.get(m.sentence, 10**6) for m in e.mentions if m.date) if e.anchor.date else 10**6)
    return _records(events, sentences, article, people, published)


def _collect(sentences: Sequence[Sentence], article: LoweredArticle, paragraphs: Mapping[int, int],
             country_hits: Mapping[int, Sequence[CountryHit]], date_hits: Mapping[int, Sequence[DateHit]]
             ) -> tuple[list[_Mention], list[_Mention]]:
    """Mentions that name a mechanism, and bare "cuộc họp" mentions in sentences that name none; only sentences
    holding a cue are read."""
    named: list[_Mention] = []
    bare: list[_Mention] = []
    by_paragraph: dict[int, list[Sentence]] = {}

    def paragraph_date(sentence: Sentence) -> DateHit | None:
        if not by_paragraph:
            for other in sentences:
                by_paragraph.setdefault(paragraphs.get(other.index, -1), []).append(other)
        own = _paragraph_date(sentence, by_paragraph[paragraphs.get(sentence.index, -1)], date_hits)
        return own or _neighbour_date(sentence, sentences, date_hits)

    for position in article.holding(_CUES):
        if len(named) >= MAX_MENTIONS:
            break
        sentence, lower = sentences[position], article.sentence(position)
        hits = country_hits.get(sentence.index, ())
        dates = date_hits.get(sentence.index, ())
        found = _mentions_in(sentence, lower, hits, dates, lambda: paragraph_date(sentence))
        named.extend(found)
        if all(m.status == "mechanism" for m in found):
            # "Cơ chế đối thoại ... được khởi đầu bằng cuộc họp tại Hà Nội tháng 3/2019": the mechanism, and a meeting.
            bare.extend(_bare_mentions(sentence, lower, hits, dates))
    return named, bare


def _records(events: Sequence[_Event], sentences: Sequence[Sentence], article: LoweredArticle,
             people: Sequence[PersonMention], published: date | None) -> tuple[Dialogue, ...]:
    """One `Dialogue` per event; the first event of each mechanism and pair is the news and gets its participants."""
    if not events:
        return ()
    people_by_sentence: dict[int, list[PersonMention]] = {}
    for person in people:
        people_by_sentence.setdefault(person.sentence, []).append(person)
    lower_of = {s.index: article.sentence(position) for position, s in enumerate(sentences)
                if s.index in people_by_sentence}
    meeting = _patterns()["meeting"]
    meeting_sentences = frozenset(i for i in people_by_sentence if i in lower_of and meeting.search(lower_of[i]))
    main_keys: set[tuple] = set()
    records = []
    for event in events:
        is_main = event.key not in main_keys
        main_keys.add(event.key)
        scope = _participant_scope(event, events, meeting_sentences if is_main else frozenset())
        records.append(Dialogue(
            mechanism=event.key[0], parties=event.key[1], date=event.anchor.date,
            location=_final_location(event), status=_final_status(event, published),
            participants=_participants(event, scope, people_by_sentence, lower_of), date_text=None,
            evidence=tuple(sorted({m.sentence for m in event.mentions}))))
    return tuple(records)


def _participant_scope(event: _Event, events: Sequence[_Event], meeting_sentences: frozenset[int]) -> set[int]:
    """The event's own sentences, and the meeting sentences (those with people that tell who met) no other event
    claims."""
    own = {m.sentence for m in event.mentions}
    others = {m.sentence for e in events if e is not event for m in e.mentions} - own
    return own | (meeting_sentences - others)


def _participants(event: _Event, scope: set[int], people_by_sentence: Mapping[int, list[PersonMention]],
                  lower_of: Mapping[int, str]) -> tuple[Participant, ...]:
    roles = dialogue_role_keys(event.key[0])
    parties = set(event.key[1])
    chosen: dict[str, Participant] = {}
    for sentence_index in sorted(scope):
        in_sentence = people_by_sentence.get(sentence_index)
        if not in_sentence:
            continue
        for person in _side_countries(in_sentence, lower_of[sentence_index], parties):
            if person.role_key in roles and person.country in parties and person.name not in chosen:
                chosen[person.name] = Participant(person.name, person.role, person.country)
    return tuple(chosen.values())


def _side_countries(people: list[PersonMention], lower: str, parties: set[str]) -> list[PersonMention]:
    """In "A và B sẽ gặp C và D", a side with no country named takes the party the other side does not have."""
    if len(parties) != 2 or all(p.country for p in people):
        return people
    verb = re.search(r"\b(?:gặp|hội đàm với|điện đàm với|tiếp)\b", lower)
    if not verb:
        return people
    sides = ([p for p in people if p.end <= verb.start()], [p for p in people if p.start >= verb.end()])
    resolved = list(people)
    for side, other in (sides, sides[::-1]):
        known = {p.country for p in other if p.country}
        if any(p.country for p in side) or len(known) != 1 or not known <= parties:
            continue
        (missing,) = parties - known
        resolved = [replace(p, country=missing) if p in side else p for p in resolved]
    return resolved
