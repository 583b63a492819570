"""Mentions of dialogue meetings, sentence by sentence: named mechanisms and bare meetings with their status."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from newsfacts.extract.clauses import clause_around, clause_breaks
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit, counts_days, writes_its_year
from newsfacts.extract.lowered import LoweredArticle
from newsfacts.extract.prefilter import guarded
from newsfacts.records import Location, Sentence
from newsfacts.extract.dialogues.dating import (
    LEADERS, WHEN_THE_ROUND_WAS_HELD, _FIRST_SINCE, _HELD_ON_THE_SAME_DAY, _apposed_date, _best_date, _borrowed_date,
    _date_fields, _date_told_before, _event_dates, _new_date, _ordinal, _range_end, _recalled_dates, _recalled_round,
    _second_day, _since_only,
)
from newsfacts.extract.dialogues.places import (
    _location, _meetings_at_venues, _parties, _separate_meetings, _venue_before, _venue_options,
)
from newsfacts.extract.dialogues.vocabulary import (
    _FOUNDED_AFTER, _GENERIC_MECHANISM, _HELD_REGULARLY, _KEEPS_MECHANISM, _KIND_OF_DIALOGUE, _MECHANISMS_SUCH_AS,
    _MECHANISM_TALK, _MECHANISM_WORD, _MECHANISM_WORD_BEFORE_QUOTE, _PARTNERS_OF_THE_MECHANISM, _WITH_ITS_PARTNERS,
    _cue_scanner, _fixed_parties, _mechanism_patterns, _mechanism_spans, _patterns, _venue_pattern,
)


_CLAUSE_BREAK = clause_breaks(",;:.()", ("sau khi", "trước khi", "nhưng", "trong khi", "song(?! phương| song)", "tuy nhiên"))


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
    online: bool = False  # held by video link: no place, whatever other mentions say
    told: tuple[int, int] | None = None  # a bare meeting's part of its sentence: up to the meetings named beside it
    next_round: bool = False  # told as the round after the one reported ("vòng kế tiếp")
    pair_told_before: bool = False  # "giữa hai nước": the parties are those of the meeting told last before it


# "tổ chức cuộc họp ... (2+2) lần thứ bảy theo hình thức trực tuyến": a meeting by video link has no venue.
_ONLINE = re.compile(r"\btrực tuyến\b|\bqua video\b|\bhội nghị truyền hình\b")
_ONLINE_REACH = 80
# "kết quả của Hội nghị thượng đỉnh trực tuyến ngày 4/6/2020": another event held online, not the meeting.
_ANOTHER_EVENT_BEFORE = re.compile(r"\b(?:thượng đỉnh|hội đàm|điện đàm|cuộc gọi|họp báo|hội thảo|diễn đàn)"
                                   r"[^,.;:]{0,20}$")


def _held_online(lower: str, start: int, end: int, reach_start: int, reach_end: int) -> bool:
    """Whether the words around a mention (from `reach_start` to `reach_end`) tell it held by video link."""
    for online in _ONLINE.finditer(lower, reach_start, reach_end):
        other = _ANOTHER_EVENT_BEFORE.search(lower, max(0, online.start() - 32), online.start())
        if other is None or start <= other.start() < end:
            return True
    return False



def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    return clause_around(_CLAUSE_BREAK, text, start, end)


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


# "phiên tham vấn chính trị - quân sự cấp bộ trưởng (2+2)": the 2+2 glossing a name in brackets is the same meeting.
_GLOSS = r"[^,.;()]{0,30}?\(\s*[\"'“]?"
_GLOSSED = re.compile(_GLOSS)
# "các cuộc đối thoại an ninh riêng rẽ với Philippines và Ấn Độ vào tháng tới theo mô hình 2+2": the dialogues named
# first are held in the 2+2 format; the format named after them is no second meeting. So is a gloss.
_IN_THE_FORMAT = re.compile(r"[^,.;]{0,90}?\btheo(?: (?:mô hình|hình thức|định dạng|cơ chế))?\s*[\"'“]?|" + _GLOSS)
# "các bộ trưởng ngoại giao và quốc phòng của hai nước", "Ngoại trưởng và Bộ trưởng Quốc phòng Nhật Bản và Pháp".
_FOREIGN_AND_DEFENCE_MINISTERS = re.compile(r"(?<!thứ )\b(?:bộ trưởng ngoại giao|ngoại trưởng) và (?:các )?(?:bộ trưởng )?"
                                            r"quốc phòng\b")


_OPENS_A_BRACKET = re.compile(r"\s*\(\s*")


def _in_their_format(lower: str, spans: list[tuple[int, int, str]], glossed: Collection[str] = ()
                     ) -> list[tuple[int, int, str]]:
    """Each mechanism followed in its clause by "theo mô hình/hình thức/định dạng 2+2", or glossed as the 2+2 in brackets
    ("... cấp bộ trưởng (2+2)"), takes the 2+2, whose name then stands for no meeting of its own; so does a name the
    article glosses so elsewhere (`glossed`), and the one mechanism of a sentence whose meeting the foreign and defence
    ministers of both sides attend ("Tại Hội nghị Tham vấn An ninh giữa Nhật Bản và Mỹ ..., các bộ trưởng ngoại giao và
    quốc phòng của hai nước ...": SPEC's 2+2)."""
    kept: list[tuple[int, int, str]] = []
    attended_as_2_2 = len(spans) == 1 and _FOREIGN_AND_DEFENCE_MINISTERS.search(lower) is not None
    for start, end, mechanism in spans:
        if lower[start:end] in glossed or attended_as_2_2:
            mechanism = "2+2"
        if kept and mechanism == kept[-1][2] and _OPENS_A_BRACKET.fullmatch(lower, kept[-1][1], start) \
                and lower.startswith(")", end):
            # "cuộc tham vấn thường niên cấp bộ trưởng Úc - Mỹ (AUSMIN) ngày 16.9": one name glossed by the other.
            kept[-1] = (kept[-1][0], end + 1, mechanism)
            continue
        if kept and mechanism == "2+2" and kept[-1][2] != "2+2":
            format_of = _IN_THE_FORMAT.fullmatch(lower, kept[-1][1], start)
            if format_of:
                kept[-1] = (kept[-1][0], kept[-1][1], "2+2")
                continue
        kept.append((start, end, mechanism))
    return kept


# "Đối thoại quốc phòng tích hợp Hàn - Mỹ (KIDD)": the short name in brackets after a mechanism's name, which the
# article may then use alone ("KIDD lần thứ 27 diễn ra ...").
_IN_BRACKETS = r"\(([A-Z][A-Z0-9]{1,7})\)"
_SHORT_NAME = re.compile(_IN_BRACKETS)
_SHORT_NAME_AFTER = re.compile(r"[^,.;()]{0,30}?\s*" + _IN_BRACKETS)


def _bracketed_names(sentences: Sequence[Sentence], article: LoweredArticle, positions: Sequence[int]
                     ) -> tuple[dict[str, str], frozenset[str]]:
    """What the sentences at `positions` say in brackets after a mechanism's name, read in one pass over their
    mechanisms: the mechanism each short name stands for ("... (KIDD)"), and the names glossed as the 2+2
    ("đối thoại chiến lược ngoại giao-quốc phòng (đối thoại chiến lược "2+2")"), which stand for that 2+2 wherever the
    article tells them alone ("Đây sẽ là đối thoại chiến lược ngoại giao-quốc phòng đầu tiên ...")."""
    short_names: dict[str, str] = {}
    glossed: set[str] = set()
    for position in positions:
        text = sentences[position].text
        if "(" not in text:
            continue
        lower = article.sentence(position)
        spans = _mechanism_spans(lower)
        if _SHORT_NAME.search(text) is not None:
            for _, end, mechanism in spans:
                if found := _SHORT_NAME_AFTER.match(text, end):
                    short_names.setdefault(found[1], mechanism)
        for (start, end, mechanism), (next_start, _, next_mechanism) in zip(spans, spans[1:]):
            if mechanism != "2+2" and next_mechanism == "2+2" and _GLOSSED.fullmatch(lower, end, next_start):
                glossed.add(lower[start:end])
    return short_names, frozenset(glossed)


# "KIDD lần thứ 27", "phiên KIDD đầu tiên": a short name told as a round; alone ("MMCA được ký kết năm 1998") it names
# the mechanism, no meeting.
_ROUND_BEFORE = re.compile(r"(?:phiên|vòng|kỳ|cuộc họp|hội nghị|cuộc đối thoại)\s+$", re.IGNORECASE)
_ROUND_AFTER = re.compile(r"\s+(?:lần|phiên|vòng|khóa)\s+(?:thứ\s+)?\w+")


def _short_name_spans(text: str, short_names: Mapping[str, str], spans: list[tuple[int, int, str]]
                      ) -> list[tuple[int, int, str]]:
    """Where the sentence tells a round by a short name alone, outside the mechanisms it names in full."""
    found = [(m.start(), m.end(), short_names[m[0]]) for name in short_names
             for m in re.finditer(rf"(?<![\w(]){re.escape(name)}(?![\w)])", text)
             if _ROUND_AFTER.match(text, m.end()) or _ROUND_BEFORE.search(text, max(0, m.start() - 16), m.start())]
    return sorted(spans + [f for f in found if all(f[1] <= s[0] or f[0] >= s[1] for s in spans)])


def _mentions_in(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                 paragraph_date: Callable[[], tuple[DateHit | None, bool]], short_names: Mapping[str, str] = {},
                 glossed: Collection[str] = ()) -> list[_Mention]:
    text = sentence.text
    spans = _in_their_format(lower, _mechanism_spans(lower), glossed)
    if short_names:
        spans = _short_name_spans(text, short_names, spans)
    if not spans:
        return []
    mentions: list[_Mention] = []
    venues = _venue_options(text, hits)
    event_dates = _event_dates(text, dates)
    for i, (start, end, mechanism) in enumerate(spans):
        if _named_after_a_city(text, end):
            continue
        # "ngày 9-9, ... dự cuộc họp 2+2 với Indonesia tại Jakarta, và ngày 11-9 ... cuộc họp 2+2 với Ấn Độ": a date
        # in the clause of the next meeting named is that meeting's.
        following = _clause(text, spans[i + 1][0], spans[i + 1][1])[0] if i + 1 < len(spans) else len(text)
        own_dates = [d for d in event_dates if d.start < max(following, end)]
        left, right = _clause(text, start, end)
        if named_in_brackets := _BRACKETED_NAME.match(text, right):
            right = _clause(text, start, named_in_brackets.end())[1]
        # "Hội nghị 2+2 diễn ra hai tuần sau vòng Đối thoại chiến lược ... cấp thứ trưởng": a level told after the next
        # mechanism named is that one's.
        level_end = _sentence_clause_end(lower, right)
        if i + 1 < len(spans) and end <= spans[i + 1][0] < level_end:
            level_end = spans[i + 1][0]
        mechanism = _at_its_level(mechanism, lower[left:level_end], lower)
        fixed = _fixed_parties(lower, start, end)
        of_the_two = not fixed and _of_the_two(lower, hits, left, start, end)
        parties = fixed or (() if of_the_two else _parties(text, _not_its_partners(lower, hits, end), start, end, left,
                                                              right))
        found = _span_mentions(sentence, lower, hits, dates, own_dates, venues, paragraph_date,
                               len({m for _, _, m in spans}) == 1,
                               (start, end, mechanism), (left, right), parties, max(following, end))
        if of_the_two:
            found = [replace(m, pair_told_before=True) for m in found]
        at_venues = [] if fixed else _meetings_at_venues(text, lower, hits, start, end)
        separate = [parties] if fixed else _separate_meetings(text, lower, hits, start, end, parties)
        with_partners = [] if fixed or at_venues else _meetings_with_partners(lower, hits, dates, venues, start, end)
        if with_partners and (told := next((m for m in found if m.status != "mechanism"), None)):
            mentions.extend(replace(told, parties=pair, date=value, precision_rank=rank, location=place,
                                    weak_date=False, until=None)
                            for pair, (value, rank), place in with_partners)
        elif at_venues:
            mentions.extend(replace(m, parties=pair, location=place) for pair, place in at_venues for m in found)
        elif len(separate) == 1:
            mentions.extend(found)
        else:
            mentions.extend(replace(m, parties=pair) for pair in separate for m in found)
    return _on_their_days(lower, dates, mentions)


# "Tokyo đã lần lượt tổ chức đối thoại 2+2 với Mỹ vào ngày 16/3 và với Indonesia vào ngày 30/3", "... các cuộc đối
# thoại 2+2 với các đối tác: với Mỹ tại Tokyo ngày 28/7 và với Ấn Độ tại New Delhi ngày 20/8": one meeting per partner.
_WITH_PARTNER = re.compile(r"\bvới\s+$")
_PARTNER_SEGMENT_END = re.compile(r"[.;]|\bvới\s")


def _meetings_with_partners(lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                            venues: Sequence[tuple[int, Location]], start: int, end: int
                            ) -> list[tuple[tuple[str, ...], tuple[str | None, int], Location]]:
    """The meetings a host held with each partner listed after the mechanism, each "với" partner with a date of its
    own: (the host and the partner, the date, the venue told beside it); empty unless two or more are listed."""
    host = {h.code for h in hits if h.end <= start}
    partners = [h for h in hits if h.start >= end and _WITH_PARTNER.search(lower, max(0, h.start - 5), h.start)]
    if len(host) != 1 or len(partners) < 2:
        return []
    meetings = []
    for partner in partners:
        stop = _PARTNER_SEGMENT_END.search(lower, partner.end)
        segment_end = stop.start() if stop else len(lower)
        day = next((d for d in dates if partner.end <= d.start < segment_end and d.value), None)
        if day is None or partner.code in host:
            return []
        place = next((place for at, place in venues if partner.end <= at < segment_end), Location())
        meetings.append((tuple(sorted(host | {partner.code})), _date_fields(day), place))
    return meetings if len({m[0] for m in meetings}) == len(meetings) else []


def _not_its_partners(lower: str, hits: Sequence[CountryHit], end: int) -> Sequence[CountryHit]:
    """The countries of a sentence but those it lists after a mechanism as its partners ("... cơ chế đối thoại "2+2",
    cơ chế mà Seoul chỉ duy trì với hai đối tác là Mỹ và Australia"): they hold other rounds, not this one."""
    partners = _WITH_ITS_PARTNERS.search(lower, end, end + _PARTNERS_TOLD_REACH)
    return [h for h in hits if h.start < partners.start()] if partners else hits


_PARTNERS_TOLD_REACH = 80


def _on_their_days(lower: str, dates: Sequence[DateHit], mentions: list[_Mention]) -> list[_Mention]:
    """"Trong hai ngày 28 và 29-10, ... lần lượt đồng chủ trì Đối thoại ... Singapore ... và Đối thoại ... Campuchia":
    two days of one month, given in turn to the two meetings named."""
    if "lần lượt" not in lower:
        return mentions
    for hit in dates:
        second = _second_day(hit)
        meetings = [i for i, m in enumerate(mentions) if m.date == hit.value and m.status != "mechanism"]
        if second is None or len(meetings) != 2:
            continue
        mentions[meetings[1]] = replace(mentions[meetings[1]], date=second, until=None)
        mentions[meetings[0]] = replace(mentions[meetings[0]], until=None)
    return mentions


# "Cuộc họp 2+2 gần nhất giữa hai nước diễn ra ... khi các bộ trưởng lo ngại về Trung Quốc và Triều Tiên": the
# meeting is the two countries' the article is about, whatever other countries the sentence names after it.
_OF_THE_TWO = re.compile(r"[\"”]?(?:\s+(?:gần (?:đây )?nhất|trước đó|đầu tiên|tiếp theo|(?:lần )?thứ [^\s,.;]+"
                         r"|lần [^\s,.;]+))?"
                         r"\s+(?:giữa|của)\s+hai\s+(?:nước|bên|quốc gia)\b")


def _of_the_two(lower: str, hits: Sequence[CountryHit], left: int, start: int, end: int) -> bool:
    """A mechanism "giữa hai nước" with fewer than two countries named before it in its clause: a meeting of the pair
    told before it."""
    if not _OF_THE_TWO.match(lower, end):
        return False
    return len({h.code for h in hits if left <= h.start and h.end <= start}) < 2


# "Đối thoại X Hàn - Mỹ (KIDD) lần tới sẽ được tổ chức ...": the short name in brackets belongs to the
# mechanism's clause, which goes on after it.
_BRACKETED_NAME = re.compile(r"\s*\([^()]{1,15}\)")


_PARTNER_REACH = 40


def _named_after_a_city(text: str, end: int) -> bool:
    """"Đối thoại an ninh Seoul 2023": a forum named after the city that hosts it, no meeting of two countries; a
    city-state paired with another country ("Đối thoại chính sách quốc phòng Singapore - Mỹ") names the two."""
    gap = end
    while gap < len(text) and text[gap] == " ":
        gap += 1
    city = _venue_pattern().match(text, gap) if gap > end else None
    return city is not None and not _PAIRED_AFTER.match(text, city.end())


_PAIRED_AFTER = re.compile(r"\s*(?:[-–]|và)\s*\w")


# "..., với sự tham gia của các Vụ trưởng ...": who attends is told in the clause after the meeting's.
_ATTENDED_BY = re.compile(r",\s*(?:với|có) sự tham (?:gia|dự) của\b")


def _sentence_clause_end(lower: str, right: int) -> int:
    """The end of the meeting's clause, or of the next one when it says who attends."""
    return _clause(lower, right + 2, right + 2)[1] if _ATTENDED_BY.match(lower, right) else right


def _at_its_level(mechanism: str, clause: str, sentence: str) -> str:
    """A 2+2 whose clause says officials meet, and names no minister, is the officials' round (SPEC: intersessional);
    so is one whose sentence names no minister and gives the officials' level in another clause ("..., lần đầu tiên ở
    cấp thứ trưởng")."""
    cues = _patterns()
    if mechanism != "2+2" or cues["ministers"].search(clause):
        return mechanism
    if cues["officials"].search(clause) or not cues["ministers"].search(sentence) and cues["officials"].search(sentence):
        return "2+2 intersessional"
    return mechanism


def _span_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                   event_dates: Sequence[DateHit],
                   venues: Sequence[tuple[int, Location]], paragraph_date: Callable[[], tuple[DateHit | None, bool]],
                   only_span: bool, span: tuple[int, int, str], clause: tuple[int, int],
                   parties: tuple[str, ...], next_meeting: int) -> list[_Mention]:
    """The meetings one mechanism name in the sentence stands for: itself, a new date it was moved to, meetings it
    lists, the meeting before it, earlier meetings it recalls before the clause of the next mechanism the sentence
    names ("Trước cuộc họp 2+2, hai nước đã tổ chức đối thoại chiến lược lần thứ 8 ... vào ngày 16.4": that round is
    the strategic dialogue's, not an earlier 2+2)."""
    if _NAMES_A_BLOC_AFTER.match(lower, span[1]):
        return []
    mentions = _own_mentions(sentence, lower, hits, dates, event_dates, venues, paragraph_date, only_span, span,
                             clause, parties)
    own = next((m for m in mentions if m.status != "mechanism"), mentions[0])
    recalled = _recalled_dates(lower, [d for d in dates if d.start < next_meeting])
    return mentions + _recalled_meetings(sentence.text, lower, recalled, venues, own)


# "Hội nghị Bộ trưởng Quốc phòng các nước ASEAN mở rộng", "Đối thoại Bộ trưởng Quốc phòng ASEAN - Australia": a
# meeting named after a bloc is a regional forum, no dialogue of two countries; not one held on its sidelines ("bên lề
# Hội nghị ... ASEAN").
_A_BLOC = r"(?:\b(?:asean|eu|nato)\s?[-–]|[-–]\s?(?:asean|eu|nato)\b|\bcác nước (?:asean|eu|nato)\b|\basean mở rộng\b)"
_NAMES_A_BLOC_AFTER = re.compile(r"(?:(?!bên lề|tại|khuôn khổ|nhân dịp)[^,.;]){0,40}?" + _A_BLOC)
_NAMES_A_BLOC = re.compile(_A_BLOC)
_BLOC_REACH = 40


_AGREEMENT_OF_THE_DATE = re.compile(r"\b(?:thỏa thuận|hiệp định|tuyên bố chung)\s+"
                                    r"(?:(?:(?:được )?(?:ra|công bố|đưa ra)\s+)?(?:hồi|vào|từ)\s+"
                                    r"|(?:được )?(?:ra|công bố|đưa ra)\s+)?$",
                                    re.IGNORECASE)
_AGREEMENT_CHARS = 30


def _own_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                  event_dates: Sequence[DateHit],
                  venues: Sequence[tuple[int, Location]], paragraph_date: Callable[[], tuple[DateHit | None, bool]],
                  only_span: bool, span: tuple[int, int, str], clause: tuple[int, int],
                  parties: tuple[str, ...]) -> list[_Mention]:
    text = sentence.text
    start, end, mechanism = span
    left, right = clause
    mentions: list[_Mention] = []
    location = _location(venues, start, end, left, right)
    round_of = _ROUND_OF_THE_MECHANISM.search(lower, max(0, start - _ROUND_OF_REACH), start)
    talk = (_MECHANISM_TALK.search(lower, 0, start) or _GENERIC_MECHANISM.search(lower, max(0, start - 8), start + 8)
            or _MECHANISMS_SUCH_AS.search(lower, max(0, start - 30), start)
            or _PARTNERS_OF_THE_MECHANISM.search(lower, 0, start)
            or _WITH_ITS_PARTNERS.search(lower, end, end + _PARTNER_REACH)
            or _HELD_REGULARLY.match(lower, end) or _IS_A_MECHANISM.match(lower, end)
            or _KIND_OF_DIALOGUE.search(lower, max(0, start - 24), start)
            or (_MECHANISM_WORD.match(lower, start) or start == 0
                or _MECHANISM_WORD_BEFORE_QUOTE.search(lower, max(0, start - 12), start))
            and (_KEEPS_MECHANISM.search(lower, max(0, start - 30), start)
                 or _IDEA_OF.search(lower, max(0, start - 20), start)
                 or _FOUNDED_AFTER.match(lower, end) and not _FIRST_ROUND_WITH.search(lower, end)))
    if _REPLACED.search(lower, max(0, start - _REPLACED_CHARS), start) and not round_of:
        return [_Mention(mechanism, parties, None, 0, Location(), "mechanism", sentence.index)]
    if talk and not round_of:
        return [_mechanism_talk(lower, event_dates, mechanism, parties, start, end, sentence.index, location)]
    if met := _met_within(lower, event_dates, mechanism, parties, start, sentence.index, location):
        return [met]
    since = _SINCE_MEETING.search(lower, max(0, start - _SINCE_MEETING_CHARS), start)
    if since and not (
            any(d.value and end <= d.start < right for d in dates) or _apposed_date(text, dates, right)
            or any(d.value and d.start >= right and _TOLD_HOW.search(lower, end, d.start) for d in dates)
            or _HELD_ON_THE_SAME_DAY.search(lower, end, right)):
        if since.group().startswith("ngay sau") and _DONE_BEFORE.search(lower, 0, since.start()) and \
                (day := _first_day(event_dates, before=since.start())):
            # "Hai nước ngày 30/3 đã ký hiệp định ..., ngay sau cuộc họp "2+2" ... tại Tokyo": held that day.
            value, rank = _date_fields(day)
            return [_Mention(mechanism, parties, value, rank, location, "held", sentence.index)]
        return [_Mention(mechanism, parties, None, 0, location, "mechanism", sentence.index)]
    status = _status(lower, start, end, left, right)
    if status in (None, "planned") and (ended := _ENDED.search(lower, max(0, start - _ENDED_CHARS), start)) \
            and (day := _first_day(dates, before=ended.start())) \
            and _REPORTED.search(lower, day.end, ended.start()):
        # "Ông Austin ngày 29/7 cho biết ..., sau khi kết thúc phiên AUSMIN tại Brisbane": held, ending that day.
        value, rank = _date_fields(day)
        return [_Mention(mechanism, parties, value, rank, location, "held", sentence.index)]
    if status in (None, "held") and (called_off := _CALLED_OFF_WITH.search(lower, 0, start)):
        # "tuyên bố hủy cuộc đàm phán ..., cùng với ... các cuộc họp theo Thỏa thuận tham vấn quân sự trên biển"
        status = "postponed" if called_off.group(1) == "hoãn" else "cancelled"
    if status in (None, "planned") and only_span:
        # "Ban đầu, ông X dự kiến tới dự Hội nghị 2+2 ..., nhưng đã phải hoãn": planned, then put off.
        status = _sentence_change(lower, end) or status
    ordinal = _ordinal(lower, round_of.start(), start) if round_of else _ordinal(lower, end, right)
    if status is None and ordinal is not None:
        status = "held"
    candidates = event_dates
    if lower[right:right + 1] == "," \
            and _BEFORE_OR_AFTER_IT.search(lower, max(0, start - _BEFORE_OR_AFTER_CHARS), start):
        # "Trước phiên tham vấn chung, các bộ trưởng đã có các cuộc gặp riêng vào ngày 28/7", "hôm 9/11, ông Austin
        # được đón tại New Delhi và sau phiên 2+2, hai ông có cuộc hội đàm": a date outside the phrase is the other
        # event's, told before or after the round.
        candidates = [d for d in candidates if left <= d.start < right]
    # "cuộc tham vấn "2+2" lần thứ 11 giữa hai nước kể từ khi cơ chế được thiết lập năm 2007": a numbered round is a
    # meeting, counted from the year the clause gives.
    if (ordinal is None or ordinal < 2) and _since_only(text, dates, candidates, left, right):
        return [_Mention(mechanism, parties, None, 0, location, "mechanism", sentence.index)]
    new_date = _new_date(text, candidates) if status == "postponed" else None
    # "... thực thi thỏa thuận tháng 10 và chuẩn bị cho vòng đàm phán ...": the date an agreement is named by.
    candidates = [d for d in candidates if d is not new_date
                  and not _AGREEMENT_OF_THE_DATE.search(text, max(0, d.start - _AGREEMENT_CHARS), d.start)]
    # "Cuộc đối thoại 2+2 diễn ra chỉ hai tuần trước chuyến thăm Ấn Độ của Thủ tướng Abe ..., dự kiến tổ chức vào giữa
    # tháng 12": a date told after another event in the round's own clause is that event's (not one it is held beside).
    own_candidates = [d for d in candidates if not _after_another_event(lower, end, d)]
    in_clause = [d for d in own_candidates if left <= d.start < right]
    # "... lần thứ 6 tại Male, tiếp tục xu hướng ... sau giai đoạn trầm lắng năm 2024": a bare year in a later clause
    # is the period of something else; "... lần thứ 6 góp phần cụ thể hóa, sau cuộc gặp giữa lãnh đạo hai Đảng vào
    # tháng 3": a date told in a later clause after another event is that event's.
    datable = in_clause or (candidates if _SEVERAL_MEETINGS.search(lower, end) else
                            [d for d in own_candidates if not (d.start >= right and d.precision == "year"
                                                               and not _TOLD_HOW.search(lower, end, d.start))])
    hit = _apposed_date(text, candidates, right) or _best_date(datable, start, end)
    if hit is not None and in_clause and hit.precision == "year":
        # "được khởi động năm 2015, với phiên họp đầu tiên ... vào tháng 1 năm đó": the same year, told finer after.
        # "Phiên AUSMIN năm 2023 diễn ra ..., sau khi một trực thăng ... gặp nạn vào tối 28/7": not a date of the
        # clause telling another event.
        hit = next((h for h in own_candidates if h.value and h.start > hit.end and len(h.value) > 4
                    and h.value.startswith(hit.value)), hit)
    if hit is not None and hit.precision == "year" and status == "held" and hit.start >= end:
        # "Ngày 11/12, tại ..., đã đồng chủ trì Đối thoại Chính sách quốc phòng ... năm 2019": the year names the
        # round; the day the sentence opens with is when it was held.
        hit = next((h for h in candidates if h.value and h.end <= start and len(h.value) > 4
                    and h.value.startswith(hit.value) and _OPENING_DAY.fullmatch(text, 0, h.start)), hit)
    told_before = False
    if hit is not None and status in ("cancelled", "postponed") and _announced_on(text, hit, start):
        # "Ngày 13/12, bà X cho biết cuộc họp ..., vốn được lên lịch vào cuối tháng này, đã bị hoãn": the date it was
        # scheduled for, told after the meeting, if any.
        hit = _best_date([d for d in datable if d.start >= end], start, end)
        value, rank = _date_fields(hit)
    else:
        borrowed, told_before = (None, False) if hit else paragraph_date()
        value, rank = _date_fields(hit or borrowed)
    if value is None and status == "held":
        value, rank = _month_announced(dates, event_dates)
    # "vòng kế tiếp", "AUKMIN lần thứ 12 sẽ do Anh đăng cai": the paragraph's date is the round it follows
    next_round = hit is None and status in ("planned", "agreed") and (
        _NAMED_NEXT.match(lower, end) is not None or status == "planned" and ordinal is not None)
    if next_round:
        value, rank = None, 0
    weak = hit is None and value is not None and not told_before
    online = _held_online(lower, start, end, max(0, start - _ONLINE_REACH), min(len(lower), end + _ONLINE_REACH))
    mentions.append(_Mention(mechanism, parties, value, rank, Location() if online else location, status,
                             sentence.index, weak_date=weak, until=_range_end(hit), ordinal=ordinal,
                             online=online, next_round=next_round))
    if new_date is not None:
        value, rank = _date_fields(new_date)
        mentions.append(_Mention(mechanism, parties, value, rank, Location(), "planned", sentence.index))
    mentions.extend(_listed_meetings(text, hits, candidates, hit, mentions[-1], lower[start:]))
    mentions.extend(_previous_meeting(text, dates, venues, mentions[-1]))
    return mentions


def _month_announced(dates: Sequence[DateHit], event_dates: Sequence[DateHit]) -> tuple[str | None, int]:
    """"Một thông báo ... đưa ra hôm 21/11 cho biết ... đã tiến hành một cuộc tham vấn": a meeting told as held in a
    sentence whose only date is the day it was announced took place by then; its month is as precise as the text
    allows."""
    announced = [d for d in dates if d.value and d.precision == "day" and d not in event_dates]
    if len(announced) != 1 or len(dates) != 1:
        return None, 0
    return _date_fields(replace(announced[0], value=announced[0].value[:7], precision="month"))


_CALLED_OFF_WITH = re.compile(r"\b(hủy|hoãn|đình chỉ)\b[^.;]{0,160}?\bcùng với\b[^.;]*$")


def _announced_on(text: str, hit: DateHit, start: int) -> bool:
    """"Tháng 8/2022, ..., Bắc Kinh tuyên bố hủy cuộc đàm phán ...": the day a sentence opens with, before the meeting
    it calls off, is when the cancellation was told, not when the meeting was to be."""
    return hit.end <= start and _LEADING_NEWS_DAY.fullmatch(text, 0, hit.start) is not None


def _recalled_meetings(text: str, lower: str, recalled_dates: Sequence[tuple[int, DateHit]],
                       venues: Sequence[tuple[int, Location]], mention: _Mention, hits: Sequence[CountryHit] = ()
                       ) -> list[_Mention]:
    """Earlier meetings of the mention's mechanism that its sentence recalls with their dates (`_recalled_dates`): held
    there and then. A date not before the mention's own is the mention's meeting told again, not an earlier one. Given
    the sentence's `hits`, a meeting recalled without a name has the countries of its own clause ("Phiên đầu tiên diễn
    ra tại Washington ngày 30-4-2012, ít tuần sau vụ đối đầu giữa tàu Philippines và Trung Quốc"), if its clause names
    any."""
    recalled = []
    for cue_start, hit in recalled_dates:
        if mention.date and hit.value >= mention.date[:len(hit.value)]:
            continue
        if _NAMES_A_BLOC.search(lower, max(0, cue_start - _BLOC_REACH), hit.start):
            continue  # "Đối thoại Bộ trưởng Quốc phòng ASEAN - Australia lần đầu tiên được tổ chức vào tháng 5-2025"
        value, rank = _date_fields(hit)
        left, right = _clause(text, cue_start, hit.end)
        own = tuple(sorted({h.code for h in hits if left <= h.start < right}))
        cue = lower[cue_start:hit.start]
        recalled.append(replace(mention, parties=own or mention.parties,
                                mechanism=_recalled_level(mention.mechanism, cue), date=value, precision_rank=rank,
                                status="held", weak_date=False, until=None, ordinal=_recalled_round(cue),
                                location=_recalled_venue(text, venues, cue_start, hit)))
    return recalled


def _recalled_level(mechanism: str, cue: str) -> str:
    """"phiên giữa kỳ ... kể từ phiên đối thoại cấp bộ trưởng đầu tiên năm ngoái": the officials' round recalls the
    ministers' one."""
    return "2+2" if mechanism == "2+2 intersessional" and _patterns()["ministers"].search(cue) else mechanism


# "diễn ra vào tháng 7/2010 tại New Delhi": the venue follows its date closely, or stands between the cue and it.
_VENUE_AFTER_DATE_CHARS = 25


def _recalled_venue(text: str, venues: Sequence[tuple[int, Location]], cue_start: int, hit: DateHit) -> Location:
    """A venue after the date is the meeting's only within its clause ("vào tháng 3/2017, sau chuyến thăm Nhật Bản của
    ...": a visit told after the comma)."""
    reach = min(hit.end + _VENUE_AFTER_DATE_CHARS, len(text))
    comma = text.find(",", hit.end, reach)
    if comma >= 0 and (same := WHEN_THE_ROUND_WAS_HELD.match(text, comma + 1)):
        reach = same.end()  # "... khởi động vào tháng 4-2012, khi phiên đầu tiên được tổ chức tại Washington"
    else:
        reach = comma if comma >= 0 else reach
    return next((location for start, location in venues if cue_start <= start < reach), Location())


# "kể từ phiên đối thoại "2+2" đầu tiên, cũng diễn ra tại Tokyo, vào tháng 12-2015": the round counted from, told
# with its date in the clauses after it.
# "... được thành lập đầu năm 2012, với vòng đầu tiên tổ chức tại Hàng Châu vào tháng 5": the founding told with a round.
_FIRST_ROUND_WITH = re.compile(r",\s*(?:với|bằng)\s+(?:vòng|phiên|cuộc họp|kỳ họp)\b")
_TOLD_HOW = re.compile(r"\b(?:diễn ra|được tổ chức|tổ chức|đăng cai)\b")


# "Ông Austin ngày 29/7 cho biết ..., sau khi kết thúc phiên AUSMIN": a round something was said after the end of, on
# the day the sentence gives.
_ENDED = re.compile(r"\bsau khi (?:kết thúc|bế mạc)\s+[^,.;]{0,90}$")
_ENDED_CHARS = 110
_REPORTED = re.compile(r"\b(?:cho biết|tuyên bố|khẳng định|nhấn mạnh|thông báo|công bố|phát biểu)\b")


# "kể từ phiên Đối thoại ... lần thứ 14": a round results are counted from; "ngay sau phiên họp giữa kỳ, ngày 23/8,
# hai nước sẽ tiến hành ...": a round that dates another event; "nhắc lại kết quả của Đối thoại lần thứ 2": a round
# whose results are recalled; without a date of its own it is no record.
# "đã ký hiệp định ..., ngay sau cuộc họp": an event done right after the round, on the day the sentence gives.
_DONE_BEFORE = re.compile(r"\b(?:đã|vừa)\s[^;]*,\s*$")
_SINCE_MEETING = re.compile(r"(?:kể từ|từ sau|ngay sau|ngay trước|trước thềm|kết quả(?: của)?)\s+(?:khi\s+)?(?:các\s+)?"
                            r"(?:phiên|cuộc|kỳ|vòng|lần)?\s*(?:họp\s+)?$")


_SINCE_MEETING_CHARS = 25


# "cuộc gặp giữa lãnh đạo hai nước", "cuộc gặp cấp cao giữa hai Đảng": a meeting of leaders or of the two parties.
_OF_LEADERS = re.compile(r"[^,.;:]{0,40}?(?:" + LEADERS + r"|\bhai đảng\b)")


# "bên lề Hội nghị thượng đỉnh ASEAN ngày 5/9": an event the round is held beside, whose date is the round's too.
_BESIDE = re.compile(r"\b(?:bên lề|nhân dịp|trong khuôn khổ|cùng với|ngay trước|ngay sau)\s+$")
_BESIDE_CHARS = 20


def _after_another_event(lower: str, end: int, date: DateHit) -> bool:
    """Whether `date` is told after another event named after the round ending at `end`, not one it is held beside."""
    other = _patterns()["other_event"].search(lower, end, date.start) if date.start >= end else None
    return other is not None and not _BESIDE.search(lower, max(0, other.start() - _BESIDE_CHARS), other.start())


_BEFORE_OR_AFTER_IT = re.compile(r"(?:^|[,;]\s*|\bvà\s+)(?:trước|sau)(?:\s+khi)?(?:\s+(?:tham\s+)?dự)?"
                                 r"(?:\s+(?:các\s+)?(?:phiên|cuộc|kỳ|vòng)(?:\s+(?:họp|gặp))?)?\s+$")
_BEFORE_OR_AFTER_CHARS = 40


# "..., sau khi kế hoạch họp tại Seoul hồi tháng 10 năm ngoái bị hoãn": a clause telling another event.
_ANOTHER_EVENT = re.compile(r"\b(?:sau khi|trước khi)\b")


def _sentence_change(lower: str, end: int) -> str | None:
    """A cancellation or postponement told later in the sentence ("Đối thoại X, vốn dự kiến ..., đã được lùi sang"),
    not in a clause telling another event."""
    another = _ANOTHER_EVENT.search(lower, end)
    stop = another.start() if another else len(lower)
    found = [(cue.start(), status) for status in ("cancelled", "postponed")
             if (cue := _patterns()[status].search(lower, end, stop))]
    return min(found)[1] if found else None


# "Đối thoại Chiến lược quốc phòng là cơ chế hợp tác quan trọng giữa ...": what the mechanism is, no meeting.
_IS_A_MECHANISM = re.compile(r"\s+(?:(?:cũng|vẫn|đã|luôn)\s+)?(?:là|được coi là|được xem là|trở thành)\s+(?:một\s+)?"
                             r"(?:trong những\s+)?(?:cơ chế|kênh|diễn đàn)\b")


_LAUNCHED = re.compile(r"\b(?:chính thức\s+)?(?:khởi động|ra mắt|khai trương)\s+(?:cơ chế|định dạng)?\s*$")


_LAUNCH_CHARS = 40


# "Cơ chế Đối thoại chiến lược ... Hàn Quốc - Anh được khởi động tại London vào tháng 12/2014": launched then and
# there, which is its first meeting held; so is "Đối thoại 2+2 là cơ chế tham vấn ..., được khởi động tại New Delhi
# vào tháng 9/2018", past one comma.
_LAUNCHED_AFTER = re.compile(r"(?:[^,.;:]{0,60}?,)?[^,.;:]{0,50}?\s(?:đã\s+)?được\s+(?:chính thức\s+)?"
                             r"khởi động\b(?! lại)")
_LAUNCH_DATE_CHARS = 40


# "đã nhóm họp tại Sydney trong phiên thứ tư của cơ chế đối thoại "2+2"", "cuộc họp cấp bộ trưởng đầu tiên theo cơ chế
# đối thoại chung ... (2+2)": a round of the mechanism, not talk of it.
_ROUND_OF_THE_MECHANISM = re.compile(r"\b(?:phiên|vòng|kỳ họp|cuộc họp)(?: họp)?(?: cấp \S+(?: \S+)?)?"
                                     r"(?: (?:đặc biệt|bất thường|thường niên|thường kỳ|toàn thể))?"
                                     r"(?: (?:thứ|lần thứ) \S+| đầu tiên)? "
                                     r"(?:của|theo|trong khuôn khổ) (?:cơ chế|định dạng)(?: \S+){0,2}?\s*[\"“]?$")
_ROUND_OF_REACH = 60


# "Ngoại trưởng và Bộ trưởng Quốc phòng hai nước ngày 1/2 đã họp tại Melbourne trong khuôn khổ cơ chế tham vấn "2+2"":
# ministers who meet on a day within the mechanism hold its round that day.
_MET_WITHIN = re.compile(r"\b(sẽ |dự kiến )?(?:đã |vừa )?(?:họp|nhóm họp|gặp|gặp gỡ|hội đàm)\b[^.;]{0,60}?"
                         r"\b(?:trong khuôn khổ|theo)\s+(?:(?:cơ chế|định dạng)\s+)?$")
_MET_WITHIN_CHARS = 100


# "nhằm thay thế cơ chế Đối thoại chiến lược và thương mại trước đây": a mechanism another replaced, not a meeting.
_REPLACED = re.compile(r"\b(?:thay thế|thay cho)(?: cho)?\s+(?:(?:cơ chế|định dạng)\s+)?$")
_REPLACED_CHARS = 25


# "Ý tưởng về cơ chế 2+2 được ... thống nhất tại Hội nghị thượng đỉnh ... tháng 10/2018": the idea of the mechanism.
_IDEA_OF = re.compile(r"\b(?:ý tưởng|đề xuất|sáng kiến|kế hoạch|việc thành lập|việc thiết lập)(?: về)?\s+$")


def _mechanism_talk(lower: str, event_dates: Sequence[DateHit], mechanism: str, parties: tuple[str, ...],
                    start: int, end: int, sentence: int, location: Location) -> _Mention:
    """The mechanism itself, not a meeting; agreeing to set it up ("nhất trí thiết lập cơ chế đối thoại 2+2") is an
    agreed meeting, dated by the first meeting the sentence announces after it; launching it on a given day ("Ngày
    11/9, New Delhi và Canberra chính thức khởi động cơ chế Đối thoại 2+2") is its first meeting, held that day."""
    if _LAUNCHED.search(lower, max(0, start - _LAUNCH_CHARS), start) and (launch_day := _first_day(event_dates)):
        value, rank = _date_fields(launch_day)
        return _Mention(mechanism, parties, value, rank, location, "held", sentence)
    if launched := _launched_after(lower, event_dates, end):
        value, rank = _date_fields(launched)
        return _Mention(mechanism, parties, value, rank, location, "held", sentence)
    if met := _met_within(lower, event_dates, mechanism, parties, start, sentence, location):
        return met
    if not _patterns()["agreed"].search(lower, max(0, start - 60), start):
        return _Mention(mechanism, parties, None, 0, Location(), "mechanism", sentence)
    later = [d for d in event_dates if d.start >= end and d.value]
    value, rank = _date_fields(later[0] if later else None)
    return _Mention(mechanism, parties, value, rank, Location(), "agreed", sentence)


def _met_within(lower: str, event_dates: Sequence[DateHit], mechanism: str, parties: tuple[str, ...], start: int,
                sentence: int, location: Location) -> _Mention | None:
    """"Quan chức Mỹ và Nga sẽ gặp nhau tại Geneva ngày 10/1/2022, trong khuôn khổ Đối thoại ổn định chiến lược": a
    meeting told within the mechanism, on the day the sentence gives before it."""
    met = _MET_WITHIN.search(lower, max(0, start - _MET_WITHIN_CHARS), start)
    if met is None:
        return None
    # The day told with the meeting verb, else the one the sentence opens with ("Ngày 1/2, ... đã họp tại ...").
    met_day = _first_day([d for d in event_dates if d.start >= met.start()], before=start) \
        or _first_day(event_dates, before=start)
    if met_day is None:
        return None
    value, rank = _date_fields(met_day)
    return _Mention(mechanism, parties, value, rank, location, "planned" if met.group(1) else "held", sentence)


def _first_day(event_dates: Sequence[DateHit], before: int | None = None) -> DateHit | None:
    """The first resolved date told to the day, of the whole sentence or ending by `before`."""
    return next((d for d in event_dates if d.value and d.precision == "day" and (before is None or d.end <= before)),
                None)


def _launched_after(lower: str, event_dates: Sequence[DateHit], end: int) -> DateHit | None:
    """The date a mechanism "được khởi động" on, told in the words right after the verb; "được khởi động từ năm 2008"
    says since when it runs, no meeting."""
    launched = _LAUNCHED_AFTER.match(lower, end)
    if launched is None:
        return None
    return next((d for d in event_dates if d.value and launched.end() <= d.start <= launched.end() + _LAUNCH_DATE_CHARS
                 and not _SINCE_OR_BREAK.search(lower, launched.end(), d.start)), None)


_SINCE_OR_BREAK = re.compile(r"[,.;]|\btừ\b")


def _previous_meeting(text: str, dates: Sequence[DateHit], venues: Sequence[tuple[int, Location]],
                      mention: _Mention) -> list[_Mention]:
    """"lần đầu tiên kể từ năm 2016": the meeting before this one was held then, where the words after its date put
    it ("đầu tiên kể từ tháng 1/2023, khi các bộ trưởng gặp nhau tại Washington")."""
    previous = []
    for hit in dates:
        if hit.value and _FIRST_SINCE.search(text[max(0, hit.start - 30):hit.start]):
            value, rank = _date_fields(hit)
            location = next((place for start, place in venues if hit.end <= start <= hit.end + _SINCE_VENUE_CHARS),
                            Location())
            previous.append(replace(mention, date=value, precision_rank=rank, location=location, status="held",
                                    weak_date=False, until=None, ordinal=None))
    return previous


_SINCE_VENUE_CHARS = 70


# "sau các cuộc gặp ở New Delhi năm 2018 và Washington năm 2019", "đã được tổ chức hai lần vào tháng 12/2013 và tháng
# 1/2015", "Những phiên gần nhất diễn ra vào ...": several meetings, one per date listed.
_SEVERAL_MEETINGS = guarded(r"\b(?:các|những) (?:cuộc|vòng|kỳ|lần|phiên)\b|\b(?:hai|ba|bốn|năm) lần\b")


def _listed_meetings(text: str, hits, dates: Sequence[DateHit], used: DateHit | None, mention: _Mention,
                     rest: str) -> list[_Mention]:
    """"sau các cuộc gặp ở New Delhi năm 2018 và Washington năm 2019": one meeting per listed date."""
    if used is None or not _SEVERAL_MEETINGS.search(rest):
        return []
    listed = []
    for hit in dates:
        if hit is used or not hit.value or hit.start < used.start:
            continue
        venue = _venue_before(text, hits, hit.start)
        value, rank = _date_fields(hit)
        listed.append(replace(mention, date=value, precision_rank=rank, location=venue))
    return listed


_SUBJECT_CHARS = 3


# Where a sentence gives the day of its news: at its start, or after one opening clause ("Theo phóng viên TTXVN tại
# Sydney, ngày 29/7, ...").
_LEADING_NEWS_DAY = re.compile(r"(?:[^,.;]{0,50},\s*)?(?:(?:vào|hôm)\s+)?")


# "Phiên họp lần thứ 16 Ủy ban Chỉ đạo Hợp tác song phương": a session of a body the sentence names, not of the
# article's dialogue (unless the body is the dialogue mechanism itself).
_OF_ANOTHER_BODY = re.compile(r"(?:\s+(?:lần\s+)?thứ\s+\S+)?\s+(?:của\s+)?(?P<body>ủy ban|hội đồng|ban chỉ đạo|quốc hội|đại hội)\b")


# The day a sentence opens with, after a dateline or an opening clause: "Washington (TTXVN 12/12) - Ngày 11/12, ...",
# "VOV.VN - Ngày 11/12 ..." (a dateline may hold a dot).
_OPENING_DAY = re.compile(r"(?:[^,.;]{0,50},\s*|[^,;]{0,50}?\s[-–]\s*)?(?:(?:vào|hôm)\s+)?")


# A list of dates that a comma does not end: ", 2021 và 2022", ", tháng 5/2023".
_DATES_GO_ON = re.compile(r",\s*(?:(?:năm|tháng|ngày)\s+)?\d")


_TOLD_AFTER_A_COMMA = re.compile(r",\s*(?:được tổ chức|diễn ra|tổ chức|đã diễn ra)\b")


_ACT_CHARS = 25


def _bare_dates(text: str, lower: str, dates: Sequence[DateHit], match: re.Match[str], reach: int, numbered: bool
                ) -> tuple[list[DateHit], bool]:
    """The dates of a bare meeting: those after it within `reach`, else the day its sentence opens with ("Ngày 29/7,
    ... đã có cuộc tham vấn thường niên với ..."), which is the meeting's only if the sentence says it was held.
    `numbered`: the meeting is a numbered round or the mechanism itself named back ("cơ chế này nhóm họp"), which the
    period its sentence opens with dates."""
    event_dates = [d for d in _event_dates(text, dates) if d.value]
    # "Phiên đối thoại năm nay được tổ chức ... sau chuyến thăm ... hồi tháng 9": a date told after another event is its.
    other_event, dated_act = _patterns()["other_event"], _patterns()["dated_act"]
    own = [d for d in event_dates if match.end() <= d.start < reach
           and not other_event.search(lower, match.end(), d.start)
           and not dated_act.search(lower, max(0, d.start - _ACT_CHARS), d.start)]
    if own or len(event_dates) != 1:
        return own, False
    (only,) = event_dates
    if numbered and only.precision != "day" and only.start < match.start() \
            and _OPENING_PERIOD.fullmatch(text, 0, only.start):
        return [only], False  # "Năm 2023, Đối thoại lần thứ 12 đã diễn ra tại New Delhi": a round and its period
    news_day = (only.precision == "day" and only.start < match.start() and not counts_days(only)
                and _LEADING_NEWS_DAY.fullmatch(text, 0, only.start) is not None)
    return ([only], True) if news_day else ([], False)


# "Cuộc họp đầu tiên đã diễn ra tại Seoul vào tháng 7/2013 và khi đó các bên đã thống nhất ...": what was done at the
# meeting, told after it, is not the meeting's own stage.
_THEN_AT_IT = re.compile(r"\s(?:và\s+|,\s*)(?:khi đó|lúc đó|tại đó|ở đó|tại cuộc (?:họp|gặp) (?:này|đó))\b")


# "Vào tháng 10/2017, cơ chế này nhóm họp tại London": the mechanism named back meets in the period told.
_NAMED_BACK = re.compile(r"(?:cơ chế|định dạng) này\b")


# A sentence that opens with the period it tells of ("Năm 2023, ...", "Hồi tháng 6/2023, ...", "Trước đó nữa, vào
# tháng 10/2017, ...", "Chỉ đến tháng 4/2023, đối thoại mới được nối lại với phiên thứ ba ...").
_OPENING_PERIOD = re.compile(r"(?:[^,.;]{0,20},\s*)?(?:(?:vào|hồi|trong|(?:chỉ |mãi |phải )?(?:cho )?(?:đến|tới))\s+)?",
                             re.IGNORECASE)


_AGREEMENT_REACH = 50
_PUNCTUATION = re.compile(r"[,.;:]")


def _about_an_agreement(lower: str, end: int) -> bool:
    """"Vòng đàm phán chính thức đầu tiên về hiệp định ...": talks on an agreement, told right after the reference."""
    found = _patterns()["about_an_agreement"].search(lower, end, end + _AGREEMENT_REACH)
    return found is not None and not _PUNCTUATION.search(lower, end, found.start())


# "(cơ chế ...) được hình thành sau cuộc gặp giữa Bộ trưởng Quốc phòng hai nước hồi tháng 10/2023": the meeting the
# mechanism was founded at or after, not one of its rounds.
_FOUNDED_AT = re.compile(r"\b(?:hình thành|thành lập|ra đời|thiết lập|khởi xướng)\s+(?:từ|sau|tại|trong)\s+$")
# "Tuyên bố chung sau cuộc họp cho biết hai bên nhất trí ... vào năm 2025": the meeting a statement followed; the
# sentence's dates are what the statement says.
_STATEMENT_AFTER = re.compile(r"\b(?:tuyên bố chung|thông cáo chung|họp báo|phát biểu|văn kiện)\s+(?:ra\s+)?"
                              r"(?:sau|tại)\s+$")
_CUE_BEFORE_A_REFERENCE_CHARS = 30


def _bare_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                   own_only: bool = False) -> list[_Mention]:
    """A "cuộc gặp"/"cuộc họp" with its own date after it and a status cue: a meeting of the article's mechanism;
    `own_only`: only those told by their own reference, not next rounds or meetings recalled without one."""
    if not any(d.value for d in dates):
        return [] if own_only else _next_rounds(sentence, lower, hits)
    text = sentence.text
    mentions = []
    references = list(_patterns()["bare"].finditer(lower))
    if own_only and not references:
        return []
    for previous, match, following in zip([None, *references[:-1]], references, [*references[1:], None]):
        if not any(d.value and d.start >= match.end() for d in dates) and sum(1 for d in dates if d.value) != 1:
            continue  # no own date can follow, nor the sentence's one date: skip the clause work
        body = _OF_ANOTHER_BODY.match(lower, match.end())
        if body and not any(pattern.pattern.match(lower, body.start("body")) for _, pattern in _mechanism_patterns()):
            continue  # a body that is itself a dialogue mechanism ("Ủy ban Tham vấn An ninh") holds the meeting
        if _about_an_agreement(lower, match.end()) or _NAMES_A_BLOC_AFTER.match(lower, match.end()) \
                or _OF_LEADERS.match(lower, match.end()) \
                or _FOUNDED_AT.search(lower, max(0, match.start() - _CUE_BEFORE_A_REFERENCE_CHARS), match.start()) \
                or _STATEMENT_AFTER.search(lower, max(0, match.start() - _CUE_BEFORE_A_REFERENCE_CHARS), match.start()):
            continue
        left, right = _clause(text, match.start(), match.end())
        # "Cuộc họp ... được tổ chức ... tại Nusa Dua, Bali vào ngày 6/12/2019": a meeting the sentence is about may be
        # dated past a comma, not past the next meeting the sentence names.
        reach = right if match.start() > _SUBJECT_CHARS else following.start() if following else len(text)
        while reach == right and _DATES_GO_ON.match(text, right):
            right = reach = _clause(text, right + 1, right + 1)[1]  # "các phiên họp năm 2020, 2021 và 2022 đều ..."
        if reach == right and _TOLD_AFTER_A_COMMA.match(text, right):
            # "tại Đối thoại lần thứ 14, được tổ chức tại Thủ đô New Delhi ngày 1/8/2024"
            reach = _clause(text, right + 2, right + 2)[1]
        if then := _THEN_AT_IT.search(lower, match.end(), reach):
            right, reach = min(right, then.start()), then.start()
        ordinal = _ordinal(lower, match.start(), right)
        numbered = ordinal is not None
        named_back = _NAMED_BACK.match(lower, match.start()) is not None
        own_dates, news_day = _bare_dates(text, lower, dates, match, reach, numbered or named_back)
        # "... kể từ Đối thoại lần thứ 5, diễn ra tại Hà Nội ngày 13-12-2023": the clause told after it gives its stage.
        status = _status(lower, match.start(), match.end(), left, max(right, reach)) if own_dates else None
        if status is None and own_dates and (_EARLIER_ROUNDS.search(lower, 0, match.end())
                                             or numbered and writes_its_year(own_dates[0])
                                             or _SINCE_IT.search(lower, max(0, match.start() - 8), match.start())):
            # "..., sau lần đầu tiên tại Seoul năm 2010 và lần thứ hai ...", "Ngày 3/5/2022, ... dự phiên thứ hai": a
            # round dated to its year is told of as held (the publication date still decides, `merge`).
            status = "held"
        if status is None:
            continue
        # "cuộc họp lần thứ 6 được dự kiến tổ chức vào tháng 10, nhưng đã bị hoãn lại": told later in the sentence.
        status = _sentence_change(lower, match.end()) or status
        if news_day and status != "held":
            continue  # the day a postponement or a plan was announced is not the meeting's
        # "Phiên tham vấn năm ngoái ... vào tháng 9/2021": the same period told finer.
        value, rank = _date_fields(_best_date(own_dates, match.start(), match.end()))
        location = _location(_own_venues(_venue_options(text, hits), match, previous, following),
                             match.start(), match.end(), left, right)
        # The countries of the meeting's own clause: a reason given after it ("do ... Hamas tấn công Israel") names
        # no party.
        codes = tuple(sorted({h.code for h in hits if left <= h.start < right}
                             or {h.code for h in hits if left <= h.start < max(right, reach)}))
        told = (previous.end() if previous else 0, following.start() if following else len(text))
        # "còn lần thứ 9 vào ngày 9/6/2021 phải tiến hành theo hình thức trực tuyến": held by video link, no venue.
        online = _held_online(lower, match.start(), match.end(), match.start(), right)
        mentions.append(_Mention("", codes, value, rank, Location() if online else location, status, sentence.index,
                                 bare=True, ordinal=ordinal, told=told, online=online))
        # "Những phiên gần nhất diễn ra vào tháng 12-2013 và tháng 1-2015": one meeting on each date listed.
        mentions.extend(_listed_meetings(text, hits, own_dates, _best_date(own_dates, match.start(), match.end()),
                                         mentions[-1], lower[left:]))
    if own_only:
        return mentions
    if not mentions:
        mentions = _next_rounds(sentence, lower, hits, dates)  # "vòng ... kế tiếp sẽ được tổ chức tại X, trong năm nay"
    # "kể từ Đối thoại lần đầu tổ chức tháng 9/2018 tại New Delhi": an earlier meeting recalled without its name.
    recalled_dates = _recalled_dates(lower, dates)
    if not recalled_dates:  # as in most sentences: no need for the mention and venues they would take
        return mentions
    recalled = _Mention("", tuple(sorted({h.code for h in hits})), None, 0, Location(), "held", sentence.index, bare=True)
    told = {m.date for m in mentions}
    mentions.extend(m for m in _recalled_meetings(text, lower, recalled_dates, _venue_options(text, hits), recalled,
                                                  hits)
                    if m.date not in told)
    return mentions


def _own_venues(options: Sequence[tuple[int, Location]], match: re.Match[str], previous: re.Match[str] | None,
                following: re.Match[str] | None) -> Sequence[tuple[int, Location]]:
    """"Phiên đầu tiên ... tại Paris và phiên thứ hai vào tháng 11 tại Jakarta": after an earlier meeting of the same
    sentence, a place named before a meeting is the earlier one's; its own comes after it, before the next one."""
    if previous is None:
        return options
    stop = following.start() if following else None
    after = [o for o in options if o[0] >= match.end() and (stop is None or o[0] < stop)]
    return after or options


# "vòng đối thoại kế tiếp", "phiên họp tiếp theo": the round after the one the article reports; "phiên đối thoại 2+2
# cấp bộ trưởng kế tiếp" names it with its mechanism and level.
_NEXT = re.compile(r"\s+(?:tiếp theo|kế tiếp)\b")
_PAIR_LINK = re.compile(r"\s*(?:[-–]\s*)?")


def _past_the_pair(lower: str, hits: Sequence[CountryHit], end: int) -> int:
    """Where the words after a meeting go on past the pair that names it ("vòng đối thoại Ấn - Trung tiếp theo")."""
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start >= end and _PAIR_LINK.fullmatch(lower, end, hit.start):
            end = hit.end
    return end


_NAMED_NEXT = re.compile(r"(?:\s+cấp (?:bộ trưởng|thứ trưởng))?\s+(?:tiếp theo|kế tiếp|lần tới)\b")
_NOT_YET_SET = re.compile(r"\bchưa (?:được (?:\S+ ){0,3}?)?(?:công bố|thông báo|xác định|ấn định|quyết định|thống nhất|định)\b")


# The rounds a meeting comes after, each told with its date.
_EARLIER_ROUNDS = re.compile(r"\bsau lần (?:đầu|thứ)\b")
# "... lần đầu tiên Canberra đăng cai ... kể từ phiên họp ở Sydney hôm 4/8/2019": the meeting counted from was held.
_SINCE_IT = re.compile(r"\bkể từ\s+$")


def _next_rounds(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit] = ()
                 ) -> list[_Mention]:
    """"Hai bên thống nhất sẽ tiến hành Đối thoại lần thứ 14 tại Ấn Độ", "vòng đối thoại kế tiếp sẽ được tổ chức tại
    Islamabad": a round named by its number, or as the next one, that the parties agree to hold, or plan, without a
    date; its number or its being the next keeps it apart from the round the article reports."""
    if "lần" not in lower and "tiếp" not in lower:
        return []  # no round named by its number ("lần thứ 14") or as the next: read without the clause work
    text = sentence.text
    mentions = []
    for match in _patterns()["bare"].finditer(lower):
        left, right = _clause(text, match.start(), match.end())
        ordinal = _ordinal(lower, match.start(), right)
        told_apart = ordinal is not None or _NEXT.match(lower, _past_the_pair(lower, hits, match.end())) is not None
        status = _status(lower, match.start(), match.end(), left, right) if told_apart else None
        if status not in ("agreed", "planned"):
            continue
        if ordinal is None and _NOT_YET_SET.search(lower, left):
            # "chưa công bố thời gian và địa điểm tổ chức phiên đối thoại tiếp theo", "phiên họp tiếp theo sẽ do phía
            # Nhật Bản đăng cai, song thời điểm cụ thể chưa được hai bên công bố": nothing planned yet
            continue
        location = _location(_venue_options(text, hits), match.start(), match.end(), left, right)
        codes = tuple(sorted({h.code for h in hits if left <= h.start < right}))
        # "..., nhiều khả năng ngay trong năm nay": the one period the sentence gives after the next round is its own.
        later = [d for d in _event_dates(text, dates) if d.value and d.start >= match.end()] if ordinal is None else []
        value, rank = _date_fields(later[0] if len(later) == 1 else None)
        mentions.append(_Mention("", codes, value, rank, location, status, sentence.index, bare=True, ordinal=ordinal,
                                 next_round=ordinal is None))
    return mentions


# The sentence is about "these meetings" and says where they take place; "(Theo phóng viên TTXVN tại Berlin,) cuộc họp
# diễn ra tại ...": about "the meeting".
_THESE_MEETINGS = re.compile(r"^(?:theo [^,.;]{0,60},\s*)?(?:(?:cả\s+)?(?:hai\s+|các\s+)?"
                             r"(?:cuộc (?:gặp|họp|đối thoại|hội đàm)|đối thoại|hội nghị)"
                             r"(?: [^\s,.;]+){0,2}? (?:này|nói trên|trên|đầu tiên)"
                             r"|(?P<one>(?:cuộc|phiên) (?:gặp|họp|đối thoại|hội đàm))) (?:đều )?(?:sẽ )?"
                             r"(?:diễn ra|được tổ chức)\b")


_ANAPHORA_REACH = 2


def _placed_by_a_later_sentence(named: list[_Mention], sentence: Sentence, lower: str,
                                hits: Sequence[CountryHit]) -> list[_Mention]:
    """"Cả hai cuộc gặp này đều diễn ra ở thủ đô Tokyo.": an undated sentence that places "these meetings" gives the
    venue of the meetings named just before it that have none."""
    reference = _THESE_MEETINGS.search(lower)
    if reference is None:
        return named
    location = _location(_venue_options(sentence.text, hits), reference.start(), reference.end(), 0, len(lower))
    if not (location.city or location.country):
        return named
    placed = [m for m in named if 0 < sentence.index - m.sentence <= _ANAPHORA_REACH and m.status != "mechanism"]
    if reference.group("one") and placed:
        # "the meeting": the first one the latest sentence before names, not a round it recalls
        latest = max(m.sentence for m in placed)
        placed = [next(m for m in placed if m.sentence == latest)]
    return [replace(m, location=location) if any(m is p for p in placed) and not (m.location.city or m.location.country)
            else m for m in named]


def _placed_by_the_sentence_before(found: list[_Mention], before: Sentence, told: DateHit,
                                   hits: Sequence[CountryHit]) -> list[_Mention]:
    """"Ngày 11/4, ... đã tiếp ... tại trụ sở Bộ Ngoại giao Mỹ ở thủ đô Washington. Đây là cuộc đối thoại 2+2 thứ ba
    ...": the meeting the sentence names took place where the sentence before, whose date it takes, says."""
    location = _location(_venue_options(before.text, hits), 0, 0, 0, len(before.text))
    if not (location.city or location.country):
        return found
    return [replace(m, location=location) if m.date == told.value and not (m.location.city or m.location.country)
            and not m.online else m for m in found]


# "Cuộc họp có sự tham dự của Thứ trưởng Bộ Ngoại giao Hàn Quốc ... và người đồng cấp": who attends the meeting the
# sentence before told.
_ATTENDANCE = re.compile(r"(?:cuộc họp|cuộc đối thoại|phiên họp|phiên đối thoại|đối thoại|hội nghị)\b[^.;]{0,40}?"
                         r"(?:có sự tham (?:dự|gia) của|do\b[^.;]{0,60}?\bchủ trì|được đồng chủ trì bởi)")
_VICE_MINISTERS = re.compile(r"\bthứ trưởng\b")


def _at_the_level_attended(found: list[_Mention], lower: str, following: str) -> list[_Mention]:
    """A 2+2 whose sentence names no level, followed by one saying vice ministers and no minister attend it, is the
    officials' round (SPEC: intersessional)."""
    cues = _patterns()
    if cues["ministers"].search(lower) or not _ATTENDANCE.match(following) or cues["ministers"].search(following) \
            or not (_VICE_MINISTERS.search(following) or cues["officials"].search(following)):
        return found
    return [replace(m, mechanism="2+2 intersessional") if m.mechanism == "2+2" else m for m in found]


def _dates_left(dates: Sequence[DateHit], told: Collection[str | None]) -> bool:
    """Whether a sentence gives a date that none of its named meetings took."""
    return any(d.value and d.value not in told for d in dates)


# "Trước cuộc họp "2+2", Bộ trưởng ... đã có cuộc hội đàm với người đồng cấp ... hồi tháng 1": a sentence that opens on
# the round it is told before or after tells another meeting, no round beside it.
_OPENS_BEFORE_OR_AFTER_A_ROUND = re.compile(r"\W*(?:trước|sau)(?: khi)? (?:\S+ ){0,2}?(?:cuộc|phiên|vòng|kỳ)\b")


def _collect(sentences: Sequence[Sentence], article: LoweredArticle, paragraphs: Mapping[int, int],
             country_hits: Mapping[int, Sequence[CountryHit]], date_hits: Mapping[int, Sequence[DateHit]]
             ) -> tuple[list[_Mention], list[_Mention]]:
    """Mentions that name a mechanism, and bare "cuộc họp" mentions in sentences that name none; only sentences
    holding a cue are read."""
    named: list[_Mention] = []
    bare: list[_Mention] = []
    by_paragraph: dict[int, list[Sentence]] = {}

    def paragraph_date(sentence: Sentence) -> tuple[DateHit | None, bool]:
        if not by_paragraph:
            for other in sentences:
                by_paragraph.setdefault(paragraphs.get(other.index, -1), []).append(other)
        return _borrowed_date(sentence, by_paragraph[paragraphs.get(sentence.index, -1)], sentences, date_hits)

    positions = article.matching(_cue_scanner())
    short_names, glossed = _bracketed_names(sentences, article, positions)
    if short_names:
        positions = sorted(set(positions) | set(article.holding([name.lower() for name in short_names])))
    for position in positions:
        if len(named) >= MAX_MENTIONS:
            break
        sentence, lower = sentences[position], article.sentence(position)
        hits = country_hits.get(sentence.index, ())
        dates = date_hits.get(sentence.index, ())
        found = _mentions_in(sentence, lower, hits, dates, lambda: paragraph_date(sentence), short_names, glossed)
        if position + 1 < len(sentences) and any(m.mechanism == "2+2" for m in found):
            found = _at_the_level_attended(found, lower, article.sentence(position + 1))
        if not found and not dates:
            named[:] = _placed_by_a_later_sentence(named, sentence, lower, hits)
        if found and (told := _date_told_before(sentence, sentences, date_hits)):
            found = _placed_by_the_sentence_before(found, sentences[sentence.index - 1], told,
                                                   country_hits.get(sentence.index - 1, ()))
        named.extend(found)
        if all(m.status == "mechanism" for m in found):
            # "Cơ chế đối thoại ... được khởi đầu bằng cuộc họp tại Hà Nội tháng 3/2019": the mechanism, and a meeting.
            bare.extend(_bare_mentions(sentence, lower, hits, dates))
        elif _dates_left(dates, told := {m.date for m in found}) and not _OPENS_BEFORE_OR_AFTER_A_ROUND.match(lower):
            # "Vòng gần nhất được tổ chức tại New Delhi vào tháng 10/2020, trong khi ... đối thoại 2+2 giữa kỳ tại
            # Washington vào tháng 9/2021": a round told on a date of its own beside a named one; a planned one only when
            # numbered ("..., còn vòng thứ hai dự kiến diễn ra tại Washington vào tháng 12 tới").
            bare.extend(m for m in _bare_mentions(sentence, lower, hits, dates, own_only=True)
                        if m.date and m.date not in told
                        and (m.status == "held" or m.status == "planned" and m.ordinal is not None))
    return named, bare
