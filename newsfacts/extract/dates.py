"""Dates in Vietnamese text, resolved to ISO strings at the precision the text supports.

A day and month without a year take the year of the publication date (the
year before when that would put them more than about ten months ahead of it,
the year after when more than about eleven months behind), else the caller's
context year, else stay unresolved with month and day kept. Relative days,
weeks and months ("hôm qua", "tháng tới") need the publication date; relative
years ("năm ngoái", "tháng Chín năm nay") fall back on the context year.

Each form has a cheap regex; the words in front of a match ("ngày", "đầu",
"2 năm trước") are checked in Python, which keeps the scan fast. Most forms start
with a letter and a fixed syllable ("t" + "háng"): their regex is tried only where
`str.find` meets that syllable, so a sentence without one costs a few substring tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import compress
from typing import NamedTuple

_AHEAD_LIMIT = timedelta(days=300)
_BEHIND_LIMIT = timedelta(days=330)
# "sau phiên họp trước đó vào ngày 8/1" in an article of December: a day told as past stays in the publication's
# year, however far behind it falls.
_PAST_BEFORE = re.compile(r"\b(?:trước|hồi|vừa qua|kể từ|đã diễn ra|đã tổ chức)\b")
_PAST_REACH = 30
# "Mở đầu năm, ngày 11/1, Ngoại trưởng ... đã tới Washington": the verb the date opens is in the past.
_PAST_AFTER = re.compile(r"(?:(?!\b(?:sẽ|dự kiến|tới đây|sắp)\b)[^.;]){0,120}?\b(?:đã|vừa)\b")

_MONTH_WORDS = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
_UNAMBIGUOUS_MONTH_WORDS = frozenset({"giêng", "chạp"})
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMBER_AFTER = r"(?![\w/]|[.,-]\d)"

# A lookahead for the first digit before a lookbehind lets a scan pass over most positions cheaply.
_NUMERIC = re.compile(
    r"(?=\d)(?<![\w.,/-])(?P<day>\d{1,2})(?:\s*(?:-|và|đến|tới)\s*\d{1,2})?(?P<sep>[/.-])(?P<month>\d{1,2})"
    rf"(?:(?:(?P=sep)|\s+năm\s+){_YEAR})?" + _NUMBER_AFTER
)
_MONTH = re.compile(
    r"(?<!\w)[tT]háng\s+(?:(?P<month>\d{1,2})|(?P<month_word>(?i:"
    + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
    + rf")))(?:\s*(?:[/.-]|năm\s+){_YEAR}|\s+(?P<relative_year>năm\s+(?:nay|ngoái|trước|tới|sau)))?"
    + _NUMBER_AFTER
)
_QUARTER = re.compile(r"(?<!\w)[qQ]uý\s+(?:IV|I{1,3}|[1-4])(?:\s*(?:[/.-]|năm\s+)" + _YEAR + r")?(?![\w/])")
_YEAR_NUMBER = re.compile(r"(?<![\w.,/-])" + _YEAR + r"(?:\s*-\s*(?P<until>(?:19|20)\d\d))?(?!\w|[.,/-]\d)")
_RELATIVE = re.compile(
    r"(?<!\w)(?P<unit>[nN]ăm|[tT]háng|[tT]uần)\s+(?P<which>nay|ngoái|trước|tới|sau|này|qua)(?!\w)(?!\s+đó)"
)
_RELATIVE_DAY = re.compile(
    r"(?<!\w)(?P<part>[hH]ôm|[sS]áng|[cC]hiều|[tT]ối|[tT]rưa|[đĐ]êm|[nN]gày)\s+(?P<which>qua|nay|kia|mai)(?!\w)"
)
# "thứ Hai tuần tới", "Chủ nhật tuần trước", "thứ Sáu này": a weekday of a week told from the publication date. The
# weekday is capitalised ("thứ hai" is also "second").
_WEEKDAY = re.compile(r"(?<!\w)(?:[tT]hứ\s+(?P<weekday>Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|(?P<sunday>[cC]hủ\s+[nN]hật))\s+"
                      r"(?:tuần\s+(?P<week>tới|sau|này|trước|qua)|(?P<near>này|tới))(?!\w)")
_WEEKDAYS = {"Hai": 0, "Ba": 1, "Tư": 2, "Năm": 3, "Sáu": 4, "Bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
_WEEK_OFFSETS = {"tới": 1, "sau": 1, "này": 0, "trước": -1, "qua": -1}
# Words that make "10/11" or "10.11" a date when they stand right before it.
_DAY_CONTEXT = re.compile(
    r"(?<!\w)(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|khuya|mùng|mồng|vào|từ|đến|tới|trước|sau|hạn|"
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày mới\s*:)(?P<gap>\s*[,(]?\s*)$",
    re.IGNORECASE,
)
_DAY_BEFORE_MONTH = re.compile(r"(?<!\w)(?:ngày|mùng|mồng)\s+(?P<day>\d{1,2})\s+$", re.IGNORECASE)
# "Cách mạng tháng Tám", "Cách mạng Tháng Mười Nga": names of revolutions, not months.
_NAMED_AFTER_A_MONTH = re.compile(r"(?<!\w)cách mạng\s+$", re.IGNORECASE)
_MONTH_PART = re.compile(r"(?<!\w)(?:đầu|cuối|giữa)\s+$", re.IGNORECASE)
_YEAR_WORD = re.compile(r"(?<!\w)năm\s+$", re.IGNORECASE)
_YEAR_CONTEXT = re.compile(r"(?<!\w)(?:từ|đến|tới|vào|trước|sau|cuối|đầu|giữa|hồi|trong)\s+$", re.IGNORECASE)
# "các phiên họp năm 2020, 2021 và 2022 đều ...": the next years of a list that "năm" opens.
_YEAR_LISTED = re.compile(r"(?<!\w)năm\s+(?:(?:19|20)\d\d(?:\s*,|\s+và|\s+hoặc)\s+)+$", re.IGNORECASE)
_YEAR_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:và|đến|tới)\s")
_UNIT_AFTER = re.compile(
    r"\s*(?:%|phần trăm|triệu|tỷ|nghìn|ngàn|trăm|km|kg|tấn|USD|đô|euro|điểm|lần|người|chiếc)(?!\w)"
)
# "2 năm trước", "những năm tới", "5 tuần qua": a count of periods, not a date.
_COUNT_BEFORE = re.compile(
    r"(?<!\w)(?:\d+|các|những|vài|mấy|mỗi|nhiều|hàng|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm)\s+$",
    re.IGNORECASE,
)

_YEAR_OFFSETS = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}
_MONTH_OFFSETS = {"này": 0, "trước": -1, "tới": 1, "sau": 1}
_WEEK_OFFSETS = {"này": 0, "trước": -1, "qua": -1, "tới": 1, "sau": 1}
_RELATIVE_OFFSETS = {"năm": _YEAR_OFFSETS, "tháng": _MONTH_OFFSETS, "tuần": _WEEK_OFFSETS}
_DAY_OFFSETS = {"qua": -1, "nay": 0, "kia": -2, "mai": 1}
# "ngày nay" is "nowadays" and "ngày qua" "the past days"; "hôm kia" is the day before yesterday.
_DAY_WORDS_FOR = {"hôm": {"qua", "nay", "kia"}, "ngày": {"mai"}}
_DAY_WORDS_OTHERWISE = {"qua", "nay", "mai"}

_DATELINE_DATE = r"(?P<{p}day>\d{{1,2}})/(?P<{p}month>\d{{1,2}})/(?P<{p}year>(?:19|20)\d\d)"
_DATELINE = re.compile(
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật),?\s*(?:ngày\s+)?" + _DATELINE_DATE.format(p="w_")
    + r"|(?:cập nhật|ngày đăng|đăng|xuất bản|published|updated)\s*(?:lúc|ngày)?\s*:?\s*(?:\d{1,2}:\d{2}\s*,?\s*)?"
    + _DATELINE_DATE.format(p="u_")
    + r"|" + _DATELINE_DATE.format(p="t_") + r"\s*(?:[-|,]\s*)?\d{1,2}:\d{2}"
    + r"|\d{1,2}:\d{2}\s*(?:[-|,]\s*)?" + _DATELINE_DATE.format(p="r_")
    + r"|(?P<i_year>(?:19|20)\d\d)-(?P<i_month>\d\d)-(?P<i_day>\d\d)t\d\d:\d\d",
)
# Every dateline holds one of these; without one, the slower dateline scan is skipped.
_DATELINE_SLASHED = re.compile(r"\d/\d{1,2}/(?:19|20)\d\d")
_DATELINE_ISO = re.compile(r"(?:19|20)\d\d-\d\d-\d\d[Tt]")
_ISO_TAIL = re.compile(r"-\d\d[Tt]")  # where "-DDT" starts, seven characters after the year
_ISO_TAIL_AT = 7


@dataclass(frozen=True)
class DateHit:
    """A date as written; `value` is ISO at `precision` ("2023-11-10", "2020-10", "2018"), or None when unresolved."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    relative: bool
    month: int | None = None
    day: int | None = None


Parser = Callable[[str, re.Match[str], date | None, int | None], DateHit | None]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_valid_day_month(day: int, month: int) -> bool:
    return _safe_date(2000, month, day) is not None  # 2000 is a leap year, so 29/2 passes


def _year_near(published: date, month: int, day: int) -> int:
    year = published.year
    candidate = _safe_date(year, month, day) or date(year, month, 28)
    if candidate - published > _AHEAD_LIMIT:
        return year - 1
    if published - candidate > _BEHIND_LIMIT:
        return year + 1
    return year


def _resolve_year(month: int, day: int | None, published: date | None, context_year: int | None) -> int | None:
    if published is not None:
        return _year_near(published, month, day or 15)
    return context_year


def _year_of(text: str, start: int, month: int, day: int | None, published: date | None,
             context_year: int | None) -> int | None:
    """The year of a day or month written without one at `start`; never after the publication's year when the words
    before it, or the verb it opens, tell a past event."""
    year = _resolve_year(month, day, published, context_year)
    if published and year and year > published.year and (
            _PAST_BEFORE.search(text, max(0, start - _PAST_REACH), start) or _PAST_AFTER.match(text, start)):
        return published.year
    return year


def _before(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """`pattern` (anchored with `$`) matched against the few characters before `start`."""
    return pattern.search(text, max(0, start - 24), start)


def _hit(text: str, start: int, end: int, value: str | None, precision: str, relative: bool = False,
         month: int | None = None, day: int | None = None) -> DateHit:
    return DateHit(start, end, text[start:end], value, precision, relative, month, day)


def _day_hit(text: str, start: int, end: int, day: int, month: int, year: int | None,
             published: date | None, context_year: int | None) -> DateHit | None:
    if not _is_valid_day_month(day, month):
        return None
    if year is None:
        year = _year_of(text, start, month, day, published, context_year)
    if year is None:
        return _hit(text, start, end, None, "day", month=month, day=day)
    resolved = _safe_date(year, month, day)
    return _hit(text, start, end, resolved.isoformat(), "day", month=month, day=day) if resolved else None


def _optional_year(match: re.Match[str]) -> int | None:
    return int(match.group("year")) if match.group("year") else None


def _parse_numeric(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    """"10/11/2023" anywhere; "10/11", "10.11", "8-9/4" only after a date word ("ngày", "hôm", "vào"...)."""
    context = _before(_DAY_CONTEXT, text, match.start())
    year = _optional_year(match)
    if context is None and year is None:
        return None
    if year is None and _UNIT_AFTER.match(text, match.end()):
        return None
    start = match.start() if context is None or "(" in context.group("gap") else context.start()
    return _day_hit(text, start, match.end(), int(match.group("day")), int(match.group("month")), year,
                    published, context_year)


def _month_number(match: re.Match[str], has_part: bool) -> int | None:
    """The month, or None for a lowercase number word that is not one ("mỗi tháng một lần")."""
    if match.group("month"):
        month = int(match.group("month"))
        return month if 1 <= month <= 12 else None
    word = match.group("month_word")
    key = re.sub(r"\s+", " ", word.casefold())
    if word[0].isupper() or key in _UNAMBIGUOUS_MONTH_WORDS or has_part:
        return _MONTH_WORDS[key]
    return _MONTH_WORDS[key] if match.group("year") or match.group("relative_year") else None


def _parse_month(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    """"tháng 10/2020", "đầu tháng 12", "tháng Chín năm ngoái", and "ngày 10 tháng 11 năm 2023" (a day)."""
    part = _before(_MONTH_PART, text, match.start())
    month = _month_number(match, part is not None)
    if month is None or (match.group("month_word") and _before(_NAMED_AFTER_A_MONTH, text, match.start())):
        return None
    day_before = _before(_DAY_BEFORE_MONTH, text, match.start())
    if day_before is not None:
        return _day_hit(text, day_before.start(), match.end(), int(day_before.group("day")), month,
                        _optional_year(match), published, context_year)
    start = part.start() if part else match.start()
    relative_year = match.group("relative_year")
    if relative_year:
        base = published.year if published else context_year
        if base is None:
            return _hit(text, start, match.end(), None, "month", relative=True, month=month)
        year = base + _YEAR_OFFSETS[relative_year.split()[-1]]
        return _hit(text, start, match.end(), f"{year:04d}-{month:02d}", "month", relative=True, month=month)
    year = _optional_year(match) or _year_of(text, start, month, None, published, context_year)
    return _hit(text, start, match.end(), f"{year:04d}-{month:02d}" if year else None, "month", month=month)


def _parse_quarter(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    year = _optional_year(match) or (published.year if published else context_year)
    return _hit(text, match.start(), match.end(), str(year) if year else None, "year")


def _parse_year(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    """"năm 2018", "2018-2019" (the first year), "từ 2018," / "đến 2030" where nothing counted follows, and the
    years listed after "năm 2018"."""
    word = _before(_YEAR_WORD, text, match.start())
    until = match.group("until")
    if word is None and not until and _YEAR_LISTED.search(text, max(0, match.start() - 40), match.start()):
        return _hit(text, match.start(), match.end(), match.group("year"), "year")
    if word is None and not (until and until > match.group("year")):
        word = _before(_YEAR_CONTEXT, text, match.start())
        if word is None or until or not _YEAR_ENDS.match(text, match.end()):
            return None
        return _hit(text, match.start(), match.end(), match.group("year"), "year")
    start = word.start() if word is not None else match.start()
    return _hit(text, start, match.end(), match.group("year"), "year")


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _past_seven_days_month(published: date) -> tuple[int, int] | None:
    """"tuần qua" in a digest of Sunday 7/9 is the seven days before it (31/8-6/9), not the calendar week before: their
    month when they fall inside one."""
    first, last = published - timedelta(days=7), published - timedelta(days=1)
    return (first.year, first.month) if (first.year, first.month) == (last.year, last.month) else None


def _week_monday(published: date, weeks: int) -> date:
    """The Monday of the week `weeks` from the publication week."""
    return published - timedelta(days=published.weekday()) + timedelta(weeks=weeks)


def _week_month(published: date, weeks: int) -> tuple[int, int] | None:
    """The month of the week `weeks` from the publication week, when Monday to Sunday fall inside one month."""
    monday = _week_monday(published, weeks)
    sunday = monday + timedelta(days=6)
    return (monday.year, monday.month) if (monday.year, monday.month) == (sunday.year, sunday.month) else None


def _parse_relative(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    """"năm ngoái", "tháng tới", "tuần trước": resolved from the publication date (years also from the context year)."""
    unit, which = match.group("unit").casefold(), match.group("which")
    offset = _RELATIVE_OFFSETS[unit].get(which)
    if offset is None or _before(_COUNT_BEFORE, text, match.start()):
        return None
    if unit == "năm":
        base = published.year if published else context_year
        value = str(base + offset) if base is not None else None
        return _hit(text, match.start(), match.end(), value, "year", relative=True)
    if published is None:
        return _hit(text, match.start(), match.end(), None, "month", relative=True)
    year_month = _shift_month(published, offset) if unit == "tháng" else \
        _past_seven_days_month(published) if which == "qua" else _week_month(published, offset)
    if year_month is None:
        return _hit(text, match.start(), match.end(), None, "month", relative=True)
    year, month = year_month
    return _hit(text, match.start(), match.end(), f"{year:04d}-{month:02d}", "month", relative=True, month=month)


def _parse_relative_day(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    """"hôm qua", "sáng nay", "ngày mai"."""
    which = match.group("which")
    if which not in _DAY_WORDS_FOR.get(match.group("part").casefold(), _DAY_WORDS_OTHERWISE):
        return None
    if published is None:
        return _hit(text, match.start(), match.end(), None, "day", relative=True)
    day = published + timedelta(days=_DAY_OFFSETS[which])
    return _hit(text, match.start(), match.end(), day.isoformat(), "day", relative=True, month=day.month, day=day.day)


def _parse_weekday(text: str, match: re.Match[str], published: date | None, context_year: int | None) -> DateHit | None:
    """"thứ Hai tuần tới": that day of the week after the publication week; "thứ Sáu tới": the next Friday after it."""
    if published is None:
        return _hit(text, match.start(), match.end(), None, "day", relative=True)
    weekday = 6 if match.group("sunday") else _WEEKDAYS[match.group("weekday")]
    if match.group("near") == "tới":
        day = published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    else:  # "thứ Hai tuần tới", "thứ Sáu này"
        day = _week_monday(published, _WEEK_OFFSETS[match.group("week") or "này"]) + timedelta(days=weekday)
    return _hit(text, match.start(), match.end(), day.isoformat(), "day", relative=True, month=day.month, day=day.day)


class _Form(NamedTuple):
    """A date form; when it has `anchors`, every match starts `lead` characters before one of them."""

    pattern: re.Pattern[str]
    parse: Parser
    anchors: tuple[str, ...] = ()
    lead: int = 1


_FORMS = (
    _Form(_NUMERIC, _parse_numeric),
    _Form(_MONTH, _parse_month, ("háng",)),
    _Form(_QUARTER, _parse_quarter, ("uý",)),
    _Form(_YEAR_NUMBER, _parse_year, ("19", "20"), lead=0),
    _Form(_RELATIVE, _parse_relative, ("ăm", "háng", "uần")),
    _Form(_RELATIVE_DAY, _parse_relative_day, ("ôm", "áng", "hiều", "ối", "rưa", "êm", "gày")),
    _Form(_WEEKDAY, _parse_weekday, ("hứ ", "hủ "), lead=1),
)


# Every numeric date has a separator followed by a digit ("10/11", "10.11", "8-9/4"); a final full stop has none.
_SEPARATED_DIGIT = re.compile(r"[/.-]\d")


def _forms_to_scan(text: str) -> list[_Form]:
    """The forms, in `_FORMS` order, whose matches could occur in `text`, found with a few substring tests.

    Each test looks for text that every match of its form holds: a relative period is "năm", "tháng" or "tuần" and
    a word after it; a relative day is "hôm", "sáng", "chiều", "tối", "trưa", "đêm" or "ngày" (tested without
    its first letter, which may be a capital) and a word after it.
    """
    has_month = "háng" in text
    wanted = (
        ("/" in text or "-" in text or text.find(".", 0, -1) != -1) and _SEPARATED_DIGIT.search(text) is not None,
        has_month,
        "uý" in text,
        "19" in text or "20" in text,
        (has_month or "ăm" in text or "uần" in text)
        and ("nay" in text or "ngoái" in text or "trước" in text or "tới" in text or "sau" in text
             or "này" in text or "qua" in text),
        ("qua" in text or "nay" in text or "kia" in text or "mai" in text)
        and ("ôm" in text or "áng" in text or "hiều" in text or "ối" in text or "rưa" in text or "êm" in text
             or "gày" in text),
        ("hứ " in text or "hủ " in text) and ("tới" in text or "này" in text or "tuần" in text),
    )
    return list(compress(_FORMS, wanted)) if any(wanted) else []


def _match_starts(text: str, form: _Form) -> list[int]:
    starts = []
    for anchor in form.anchors:
        at = text.find(anchor, form.lead)
        while at != -1:
            starts.append(at - form.lead)
            at = text.find(anchor, at + 1)
    return sorted(starts)


def _anchored_matches(text: str, form: _Form) -> Iterator[re.Match[str]]:
    end = 0
    for start in _match_starts(text, form):
        if start >= end and (match := form.pattern.match(text, start)):
            yield match
            end = match.end()


def _matches(text: str, form: _Form) -> Iterator[re.Match[str]]:
    """What `form.pattern.finditer(text)` gives; with anchors, the pattern is tried only where a match can start."""
    return _anchored_matches(text, form) if form.anchors else form.pattern.finditer(text)


def _candidates(text: str, forms: list[_Form], published: date | None, context_year: int | None) -> list[DateHit]:
    hits = []
    for form in forms:
        for match in _matches(text, form):
            hit = form.parse(text, match, published, context_year)
            if hit is not None:
                hits.append(hit)
    return hits


def find_dates(text: str, published: date | None = None, context_year: int | None = None) -> list[DateHit]:
    """Date expressions sorted by start; where two overlap, the one starting first (then the longer) wins."""
    forms = _forms_to_scan(text)
    if not forms:
        return []
    candidates = _candidates(text, forms, published, context_year)
    if len(candidates) < 2:
        return _without_anniversary_spans(text, candidates)
    chosen: list[DateHit] = []
    for hit in sorted(candidates, key=lambda h: (h.start, h.start - h.end)):
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return _in_that_year(text, _without_anniversary_spans(text, chosen))


# "(1945 - 2025)", "(30/4/1975 - 30/4/2025)": the years an anniversary spans, no event's date.
_SPAN_LINK = re.compile(r"\s*[-–]\s*")
_SPAN_OPENS = re.compile(r"\(\s*$")
_SPAN_CLOSES = re.compile(r"\s*\)")
_ANNIVERSARY_YEARS = 5


def _without_anniversary_spans(text: str, hits: list[DateHit]) -> list[DateHit]:
    spans = set()
    for first, last in zip(hits, hits[1:]):
        if first.value and last.value and _SPAN_LINK.fullmatch(text, first.end, last.start) \
                and _in_brackets(text, first.start, last.end) \
                and abs(int(last.value[:4]) - int(first.value[:4])) >= _ANNIVERSARY_YEARS:
            spans.update((first.start, last.start))
    for hit in hits:
        years = _WRITTEN_YEAR.findall(hit.text)
        if len(years) == 2 and abs(int(years[1]) - int(years[0])) >= _ANNIVERSARY_YEARS \
                and _in_brackets(text, hit.start, hit.end):
            spans.add(hit.start)
    return [hit for hit in hits if hit.start not in spans] if spans else hits


def _in_brackets(text: str, start: int, end: int) -> bool:
    return _SPAN_OPENS.search(text, max(0, start - 3), start) is not None and _SPAN_CLOSES.match(text, end) is not None


# "khởi động năm 2015, với phiên họp đầu tiên ... vào tháng 1 năm đó": the year named before in the sentence.
_THAT_YEAR = re.compile(r"\s+(?:năm đó|năm ấy|cùng năm|năm này)\b")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def writes_its_year(hit: DateHit) -> bool:
    """Whether a date is written with its year ("ngày 5/12/2022"), not resolved from the context ("ngày 5/12")."""
    return _WRITTEN_YEAR.search(hit.text) is not None


def _in_that_year(text: str, hits: list[DateHit]) -> list[DateHit]:
    """A day or month "of that year" takes the year of the last date before it that writes its year; so does a day
    of the month that date names ("Tháng 1/2024, ... tại Washington (ngày 8 và 9/1)")."""
    resolved = []
    year = month = None  # of the last date so far that writes its year
    framing = _framing_year(text, hits)
    for hit in hits:
        written = writes_its_year(hit)
        that_year = _THAT_YEAR.match(text, hit.end) if hit.month and year else None
        if framing and not written and hit.value and hit.month and hit.value[:4] != framing:
            hit = replace(hit, value=f"{framing}{hit.value[4:]}")
        elif that_year and not written:
            value = f"{year}-{hit.month:02d}" + (f"-{hit.day:02d}" if hit.day and hit.precision == "day" else "")
            hit = replace(hit, value=value, end=that_year.end(), text=text[hit.start:that_year.end()])
        elif year and not written and hit.value and hit.day and hit.month == month and hit.value[:4] != year:
            hit = replace(hit, value=f"{year}{hit.value[4:]}")
        if hit.value and written:
            year, month = hit.value[:4], hit.month
        resolved.append(hit)
    return resolved


# "Năm 2024 chứng kiến hai phiên họp: phiên thứ nhất ở Adelaide ngày 22.3 ..., phiên thứ hai tại London vào tháng
# 12": a year that opens the sentence frames the days and months it tells without a year of their own.
_FRAMING_YEAR = re.compile(r"(?:(?:trong|vào|hồi|cả|riêng|chỉ riêng)\s+)?năm\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _framing_year(text: str, hits: list[DateHit]) -> str | None:
    opening = hits[0] if hits else None
    if opening is None or opening.precision != "year" or not opening.value:
        return None
    framed = _FRAMING_YEAR.match(text)
    return opening.value[:4] if framed and framed.end() >= opening.end and not _THAT_YEAR.match(text, opening.end) \
        else None


def infer_publication_date(text: str) -> date | None:
    """The first dateline date ("Thứ Sáu, 10/11/2023 14:05", "10/11/2023 | 14:05", "Cập nhật: 10/11/2023").

    The words of a dateline are matched in lowercase; the text is lowercased for the scan (offsets are not used).
    """
    if not _may_hold_dateline(text):
        return None
    for match in _DATELINE.finditer(text.lower()):
        parts = {name[2:]: int(value) for name, value in match.groupdict().items() if value}
        found = _safe_date(parts["year"], parts["month"], parts["day"])
        if found is not None:
            return found
    return None


def _may_hold_dateline(text: str) -> bool:
    """Whether `text` holds "d/m/yyyy" or "yyyy-mm-ddT" anywhere. Each is tried only where its fixed character
    stands: a search for a pattern that opens with a digit or a group tries every position of the text."""
    at = text.find("/", 1)
    while at != -1:
        if _DATELINE_SLASHED.match(text, at - 1):
            return True
        at = text.find("/", at + 1)
    return any(tail.start() >= _ISO_TAIL_AT and _DATELINE_ISO.match(text, tail.start() - _ISO_TAIL_AT)
               for tail in _ISO_TAIL.finditer(text))


# "Một ngày trước đó, hai bộ trưởng ...", "Hai ngày sau đó": a day counted from the day the article told just before.
# "Hai ngày sau, ..." with a comma counts from that day too.
_DAYS_APART = re.compile(r"\b(một|hai|ba|bốn|năm|\d{1,2}) ngày (trước đó\b|sau đó\b|trước(?=,)|sau(?=,))"
                         r"|\bngày hôm (trước|sau)(?! nữa)\b", re.IGNORECASE)
_DAY_COUNTS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}


# Only a sentence that opens with the count dates its own news by it; later in a sentence the count dates a
# background event ("..., diễn ra trong bối cảnh: chỉ một ngày trước đó, nhóm IS tung video ...").
_OPENING_CHARS = 30


def days_apart(text: str, told_before: date) -> list[DateHit]:
    """The days a sentence that opens with a count of days counts from `told_before`, the last day the article named
    before it."""
    found = []
    for match in _DAYS_APART.finditer(text, 0, _OPENING_CHARS):
        if match.group(1):
            count = _DAY_COUNTS.get(match.group(1).lower()) or int(match.group(1))
            sign = -1 if match.group(2).startswith("trước") else 1
        else:
            count, sign = 1, -1 if match.group(3) == "trước" else 1
        day = told_before + timedelta(days=sign * count)
        found.append(_hit(text, match.start(), match.end(), day.isoformat(), "day", relative=True,
                          month=day.month, day=day.day))
    return found


def counts_days(hit: DateHit) -> bool:
    """Whether a hit is a day counted from another ("Một ngày trước đó")."""
    return hit.relative and _DAYS_APART.fullmatch(hit.text) is not None
