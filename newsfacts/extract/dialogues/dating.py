"""When a mentioned meeting took place: its own dates, borrowed dates, rounds, ranges, and dates of no meeting."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from newsfacts.extract.dates import DateHit
from newsfacts.records import Sentence
from newsfacts.extract.dialogues.vocabulary import _patterns


_FIRST_SINCE = re.compile(r"(?:lần )?đầu(?: tiên)? (?:kể )?từ\s+(?:năm\s+|tháng\s+)?$")
# "Đây sẽ là phiên 2+2 đầu tiên của hai đồng minh kể từ tháng 10-2016, khi cơ chế này họp tại Washington": the same
# cue with words between "đầu tiên" and "kể từ"; the date the first round since is counted from is the last round's,
# when the words after it say that round met then (`_recalled_dates`).
_FIRST_SINCE_THE_LAST = re.compile(r"\bđầu tiên\b[^.;]{0,80}?\bkể từ\s+$")


_PRECISION = {"day": 10, "month": 7, "year": 4}


_ORDINAL = re.compile(r"\b(?:lần (?:thứ )?|vòng (?:thứ )?|(?:phiên|kỳ|cấp bộ trưởng|cấp thứ trưởng) thứ )(\d{1,3}|[ivxl]{1,6}|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?: \w+)?)\b")


_ORDINAL_REACH = 60
# "đầu tiên kể từ năm 2019", "phiên đầu tiên sau ...", "phiên AUSMIN đầu tiên của chính quyền ...": the first since
# something or under someone, not the first round.
_NOT_SINCE = r"(?!\s+(?:giữa (?:hai|các) (?:nước|bên)\s+)?(?:kể từ|sau|trong|dưới|của (?:chính quyền|chính phủ|nhiệm kỳ|tân)))"
# "Đối thoại 2+2 cấp bộ trưởng đầu tiên, diễn ra tại New Delhi": the first round.
_FIRST_ROUND = re.compile(r"\s+(?:cấp (?:bộ|thứ) trưởng\s+)?đầu tiên\b" + _NOT_SINCE)
# "Phiên đầu tiên được tổ chức ...", "lần đầu diễn ra ...": the first round a recall cue names.
_FIRST_RECALLED = re.compile(r"\bđầu(?: tiên\b|\b(?! tiên))" + _NOT_SINCE)


_ORDINAL_WORDS = {"hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                  "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15}


_APPOSITION = re.compile(r"\(\s*(?:vào\s+|hồi\s+)?")


_DAY_RANGE = re.compile(r"(\d{1,2})\s*(?:-|–|đến)\s*(\d{1,2})\s*/")


# "(1973 - 2023)": an anniversary's span of years dates no meeting.
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*(?:-|–|đến)\s*(?:19|20)\d\d")


# "08/08/2025 05:57": a page's timestamp, not the day of a meeting.
_CLOCK = re.compile(r"\s*(?:-\s*|\|\s*)?\d{1,2}:\d{2}\b")


_REPORTED_ON = re.compile(r"(?:đưa tin|dẫn lời|cho biết|thông báo|tuyên bố|xác nhận|công bố|cho hay)\s+(?:hôm |vào )?$",
                          re.IGNORECASE)


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


_RECALL_CHARS = 110


# ", khi phiên đầu tiên được tổ chức tại Washington": a clause that tells where the round dated before it was held.
WHEN_THE_ROUND_WAS_HELD = re.compile(r"\s*khi\s+(?:phiên|vòng|cuộc họp|cuộc đối thoại|kỳ họp|hội nghị|cơ chế này|"
                                     r"lần họp|cuộc gặp|hai bên|hai nước|các bộ trưởng)\b[^,.;]{0,30}?"
                                     r"\b(?:diễn ra|được tổ chức|tổ chức|nhóm họp|họp|gặp nhau)\b"
                                     r"(?:\s+(?:tại|ở)\s)?", re.IGNORECASE)


# A leaders' summit or meeting, whose rounds are no meetings of a ministers' dialogue: "Hội nghị thượng đỉnh ... lần
# thứ 13", "cuộc gặp trực tiếp đầu tiên giữa hai nhà lãnh đạo kể từ năm 2019".
LEADERS = r"\b(?:thượng đỉnh|nhà lãnh đạo|lãnh đạo hai nước|lãnh đạo cấp cao|nguyên thủ)\b"
_A_SUMMIT = re.compile(LEADERS + r"[^,.;:]*$")
_SUMMIT_CHARS = 60


def _recalled_dates(lower: str, dates: Sequence[DateHit]) -> list[tuple[int, DateHit]]:
    """Dates of earlier meetings the sentence recalls ("cuộc gặp đầu tiên ... diễn ra vào tháng 7/2010", "kể từ khi
    sự kiện này diễn ra lần đầu tiên ở Tokyo vào tháng 4/2022", "đầu tiên ... kể từ tháng 10-2016, khi cơ chế này họp
    tại Washington"), each with where its cue starts."""
    cues = _patterns()
    recalled = []
    for hit in dates:
        if not hit.value:
            continue
        if (since := _FIRST_SINCE_THE_LAST.search(lower, max(0, hit.start - _RECALL_CHARS), hit.start)) \
                and lower[hit.end:hit.end + 1] == "," and WHEN_THE_ROUND_WAS_HELD.match(lower, hit.end + 1):
            recalled.append((since.start(), hit))
            continue
        cue = cues["recalled"].search(lower, max(0, hit.start - _RECALL_CHARS), hit.start)
        if cue is None or cues["not_recalled"].search(cue.group("between")):
            continue
        if cue.group("nth") and cues["not_recalled_after_nth"].search(cue.group("between")):
            continue
        if cue.group("since") and hit.precision == "year":
            continue
        if _A_SUMMIT.search(lower, max(0, cue.start() - _SUMMIT_CHARS), cue.end()):
            continue  # "tại Hội nghị thượng đỉnh thường niên ... lần thứ 13 diễn ra ở Nhật Bản vào tháng 10/2018"
        recalled.append((cue.start(), hit))
    return recalled


def _nearest_date(hits: Sequence[DateHit], start: int, end: int) -> DateHit | None:
    def cost(hit: DateHit) -> float:
        return hit.start - end if hit.start >= end else (start - hit.end) * 1.5
    return min(hits, key=cost, default=None)


def _date_fields(hit: DateHit | None) -> tuple[str | None, int]:
    if hit is None or hit.value is None:
        return None, 0
    return hit.value, _PRECISION.get(hit.precision, len(hit.value))


def _since_only(text: str, dates: Sequence[DateHit], candidates: Sequence[DateHit], left: int, right: int) -> bool:
    """"đã có Đối thoại Chiến lược ... từ năm 2013": the clause dates only the mechanism's start, not a meeting; "đầu
    tiên kể từ tháng 1/2023" dates the meeting before."""
    own = [d for d in dates if left <= d.start < right]
    return bool(own) and not any(left <= d.start < right for d in candidates) and any(
        _is_since(text, d) and not _FIRST_SINCE.search(text, max(0, d.start - 30), d.start) for d in own)


def _best_date(hits: Sequence[DateHit], start: int, end: int) -> DateHit | None:
    """The nearest date, or a more precise one in the same period ("năm ngoái ... ngày 4/8/2019")."""
    nearest = _nearest_date(hits, start, end)
    if nearest is None or nearest.value is None:
        return nearest
    finer = [h for h in hits if h.value and h.value.startswith(nearest.value) and len(h.value) > len(nearest.value)]
    return finer[0] if finer else nearest


def _new_date(text: str, dates: Sequence[DateHit]) -> DateHit | None:
    """The date a postponed meeting was moved to ("hoãn ... sang ngày 10/4")."""
    return next((d for d in dates if _patterns()["new_date"].search(text[max(0, d.start - 30):d.start])), None)


def _paragraph_date(sentence: Sentence, paragraph: Sequence[Sentence],
                    date_hits: Mapping[int, Sequence[DateHit]]) -> DateHit | None:
    """The first resolved event date of the other sentences of the paragraph, the nearest preceding sentence first."""
    others = sorted((s for s in paragraph if s.index != sentence.index),
                    key=lambda s: (s.index > sentence.index, abs(s.index - sentence.index)))
    other_event = _patterns()["other_event_before"]
    return next((d for s in others for d in _event_dates(s.text, date_hits.get(s.index, ()))
                 if d.value and not other_event.search(s.text, max(0, d.start - _OTHER_EVENT_CHARS), d.start)), None)


# "Sự kiện này nhằm triển khai kết quả cuộc gặp giữa Bộ Chính trị ... vào tháng 2.2025": the date of another event
# the paragraph names, not of the meeting.
_OTHER_EVENT_CHARS = 140


_NEIGHBOURS = 2


_SINCE_EVENT = re.compile(r"(?i:kể từ khi|từ khi|kể từ sau khi)[^,.;]*$")


_SINCE_EVENT_CHARS = 90


# Where a sentence before the meeting's gives the day of its news: "Ngày 30/7, ...", "Sáng 16/9, tại Hà Nội, ...".
# Stricter than the meeting's own sentence (`mentions._LEADING_NEWS_DAY` also accepts a date after one opening
# clause): one definition for both was measured, and either way it dated meetings wrongly on held-out articles.
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


# "TPO - Các quan chức ... đã gặp nhau tại Lầu Năm Góc trong hai ngày 8-9/1, ...": a lead that tells a meeting.
_MET = re.compile(r"\b(?:đã|vừa)\s+(?:gặp nhau|họp|nhóm họp|hội đàm)\b")


def _day_of_the_leads_meeting(sentence: Sentence, sentences: Sequence[Sentence],
                              date_hits: Mapping[int, Sequence[DateHit]]) -> DateHit | None:
    """The day of the meeting the lead tells, for a meeting named without a date in the sentence right after it."""
    if sentence.index == 0 or sentences[sentence.index - 1].segment != "lead":
        return None
    lead = sentences[sentence.index - 1]
    return _day_after_meeting(lead.text, tuple(date_hits.get(lead.index, ())))


@lru_cache(maxsize=512)
def _day_after_meeting(text: str, dates: tuple[DateHit, ...]) -> DateHit | None:
    met = _MET.search(text)
    if met is None:
        return None
    return next((d for d in _event_dates(text, dates) if d.value and d.start > met.end()), None)


# "Các quan chức ... đã gặp nhau ... trong hai ngày 8 và 9-1. Đây là vòng Đàm phán ... lần thứ 17.": a sentence that
# names the meeting the sentence before it tells; so does "Cuộc gặp được tổ chức dưới dạng một phiên ... của Đối thoại
# ...".
_NAMES_THE_MEETING_BEFORE = re.compile(r"(?:[^,.;]{0,60},\s*)?(?i:đây|đó)\s+(?:cũng\s+|chính\s+)?là\b"
                                       r"|(?i:cuộc (?:gặp|họp|đối thoại|hội đàm))(?: này| nói trên)? "
                                       r"(?:được tổ chức|diễn ra) (?:dưới dạng|theo hình thức|trong khuôn khổ)\b")


def _date_told_before(sentence: Sentence, sentences: Sequence[Sentence],
                      date_hits: Mapping[int, Sequence[DateHit]]) -> DateHit | None:
    """The first event date of the sentence before a sentence that says what that sentence's meeting was."""
    if sentence.index == 0 or not _NAMES_THE_MEETING_BEFORE.match(sentence.text):
        return None
    before = sentences[sentence.index - 1]
    other_event = _patterns()["other_event_before"]
    return next((d for d in _event_dates(before.text, date_hits.get(before.index, ()))
                 if d.value and not other_event.search(before.text, max(0, d.start - _OTHER_EVENT_CHARS), d.start)),
                None)


# "Cùng ngày, ...", "Cũng trong ngày, bốn bộ trưởng lần đầu tiên họp ...": on the day told last before.
_SAME_DAY = re.compile(r"(?i:(?:cũng\s+)?(?:trong\s+)?cùng ngày|cũng trong ngày|trong cùng ngày)\b")
# "đánh giá cao kết quả Đối thoại ... lần thứ 4 diễn ra cùng ngày tại Wellington": a round held on the day told before.
_HELD_ON_THE_SAME_DAY = re.compile(r"\b(?i:diễn ra|được tổ chức)\s+(?:(?:cũng\s+)?trong\s+)?cùng ngày\b")


def _the_same_day(sentence: Sentence, sentences: Sequence[Sentence],
                  date_hits: Mapping[int, Sequence[DateHit]]) -> DateHit | None:
    """The day the last sentence before that tells one gives, for a sentence that opens with "Cùng ngày"; the day the
    article's news happened, the first it tells, for a meeting "diễn ra cùng ngày" told in passing."""
    if _SAME_DAY.match(sentence.text):
        before = reversed(sentences[:sentence.index])
    elif _HELD_ON_THE_SAME_DAY.search(sentence.text):
        before = iter(sentences[:sentence.index])
    else:
        return None
    for other in before:
        days = [d for d in _event_dates(other.text, date_hits.get(other.index, ())) if d.value and d.precision == "day"]
        if days:
            return days[0]
    return None


def _borrowed_date(sentence: Sentence, paragraph: Sequence[Sentence], sentences: Sequence[Sentence],
                   date_hits: Mapping[int, Sequence[DateHit]]) -> tuple[DateHit | None, bool]:
    """The date a sentence naming a meeting without one borrows, and whether the sentence before tells it as that
    meeting's ("... đã gặp nhau ... trong hai ngày 8 và 9-1. Đây là vòng ... lần thứ 17.")."""
    told = _date_told_before(sentence, sentences, date_hits) or _day_of_the_leads_meeting(sentence, sentences, date_hits) \
        or _the_same_day(sentence, sentences, date_hits)
    if told:
        return told, True
    return _paragraph_date(sentence, paragraph, date_hits) or _neighbour_date(sentence, sentences, date_hits), False


def _apposed_date(text: str, dates: Sequence[DateHit], right: int) -> DateHit | None:
    """"Đối thoại Chính sách Quốc phòng lần thứ 8 (tháng 11/2021)": the date in brackets right after the mention's
    clause is that meeting's."""
    opening = _APPOSITION.match(text, right)
    if opening is None:
        return None
    return next((d for d in dates if d.start == opening.end() and d.value), None)


def _recalled_round(cue: str) -> int | None:
    """The round a recall cue numbers ("Phiên đầu tiên được tổ chức ...", "phiên thứ hai diễn ra ..."; not "phiên đầu
    tiên kể từ tháng 3/2021", the first since)."""
    return 1 if _FIRST_RECALLED.search(cue) else _ordinal(cue, 0, len(cue))


def _ordinal(lower: str, end: int, right: int) -> int | None:
    """The round a mention names right after the mechanism and its parties ("... Việt - Mỹ lần thứ 7", "(DTT) lần
    thứ XIII", "lần thứ ba")."""
    if _FIRST_ROUND.match(lower, end):
        return 1
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


def _range_end(hit: DateHit | None) -> str | None:
    """The last day of a range of days ("ngày 18-22/6", "từ ngày 16 đến 19/10"); None for a single date."""
    found = _DAY_RANGE.search(hit.text) if _to_the_day(hit) else None
    if not found or int(found[2]) <= int(found[1]) or int(found[2]) > 31:
        return None
    return _on_day(hit, int(found[2]))


# "ngày 28 và 29-10": two days of one month.
_TWO_DAYS = re.compile(r"(\d{1,2})\s*(?:và|,)\s*(\d{1,2})\s*[-/.]\s*\d{1,2}")


def _second_day(hit: DateHit) -> str | None:
    """The second of two days a date names ("ngày 28 và 29-10"; the hit's own value is the first); None otherwise."""
    found = _TWO_DAYS.search(hit.text) if _to_the_day(hit) else None
    return _on_day(hit, int(found[2])) if found else None


def _to_the_day(hit: DateHit | None) -> bool:
    return hit is not None and hit.value is not None and hit.precision == "day"


def _on_day(hit: DateHit, day: int) -> str:
    """The hit's month, on another day."""
    return f"{hit.value[:8]}{day:02d}"
