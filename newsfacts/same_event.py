"""When two reports are the same event: one dialogue meeting or one deal, within one article or across articles.

The extractors' merge steps ask it of one article's mentions, the store's event merge of records from many
articles. The two scopes ask differently, for reasons:

- Within one article (`same_*_in_article`), one author tells one story: mentions of the same parties are one
  event unless a fact contradicts it, and a mention that leaves out a side, a date or a value agrees with the one
  that gives it. A differing figure is another event ("12 chiếc năm 2020 và 24 chiếc nữa").
- Across articles (`same_*_across_articles`), records come from independent sources and are final: the same
  parties can meet or trade again years later, so a shared fact must corroborate the merge, and sources that
  disagree on a figure make one event with a conflict (the store records it), not two events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from newsfacts.extract.rates import period_of
from newsfacts.records import Deal, Dialogue, Money

# Within an article a figure only splits a deal when it contradicts another, so rounding must not split one:
# "khoảng 3 tỷ USD" in the lead and "3,1 tỷ USD" in the body, or an amount and its converted equivalent.
IN_ARTICLE_VALUE_TOLERANCE = 0.05
# Across articles a figure alone merges two reports, so it must be the same figure: SPEC's 1 % for a right value.
ACROSS_ARTICLES_VALUE_TOLERANCE = 0.01


# Dialogues


class MeetingMention(Protocol):
    """What one sentence says of a meeting: its date at its precision, the last day of a range of days, its round,
    its outcome, whether it is told as the next round."""

    @property
    def mechanism(self) -> str: ...

    @property
    def parties(self) -> tuple[str, ...]: ...

    @property
    def date(self) -> str | None: ...

    @property
    def until(self) -> str | None: ...

    @property
    def ordinal(self) -> int | None: ...

    @property
    def status(self) -> str | None: ...

    @property
    def next_round(self) -> bool: ...


def meeting_key(mechanism: str, parties: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """What two reports of one meeting always share, in either scope: the mechanism and the parties."""
    return mechanism, tuple(sorted(parties))


def dates_agree(a: str, b: str) -> bool:
    """Two ISO dates of any precision are equal at their common precision ("2020-10" and "2020-10-27")."""
    common = min(len(a), len(b))
    return a[:common] == b[:common]


# A meeting reported with no date of its own is dated by the day of the news: the meetings of the weeks around it.
NEWS_DAY_REACH_DAYS = 45


def near_the_news_day(news_day: str, told: str) -> bool:
    """Whether a meeting told with its own date can be the one an undated report of the news day ("nhân cuộc họp 2+2
    tại Manila" in a title) is about: not a round recalled from months or years before."""
    (day, _), (other, _) = period_of(news_day), period_of(told)
    return abs((day - other).days) <= NEWS_DAY_REACH_DAYS


def rounds_differ(a: MeetingMention, b: MeetingMention) -> bool:
    """"lần thứ 7" and "lần thứ 8" are two meetings whatever their dates say."""
    return a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal


def times_agree_in_article(a: MeetingMention, b: MeetingMention) -> bool:
    """Equal at the common precision, or a day inside the other's range ("từ ngày 18-22/6" and "ngày 20/6"); an
    unknown date is the article's meeting; never two different rounds."""
    if rounds_differ(a, b):
        return False
    if a.date is None or b.date is None:
        return True
    for ranged, other in ((a, b), (b, a)):
        if ranged.until and len(other.date) == len(ranged.date):
            return ranged.date <= other.date <= ranged.until
    return dates_agree(a.date, b.date)


def same_dialogue_in_article(a: MeetingMention, b: MeetingMention) -> bool:
    return (meeting_key(a.mechanism, a.parties) == meeting_key(b.mechanism, b.parties) and times_agree_in_article(a, b)
            and not outcomes_differ(a, b))


_EXCLUSIVE_OUTCOMES = frozenset({"held", "cancelled"})


def outcomes_differ(a: MeetingMention, b: MeetingMention) -> bool:
    """A meeting that took place and one that was called off are two meetings ("nối lại đàm phán" after "hủy cuộc
    đàm phán" of 2022); so are one that took place and the next round ("vòng kế tiếp sẽ được tổ chức tại ...")."""
    if {a.status, b.status} == _EXCLUSIVE_OUTCOMES:
        return True
    return a.next_round != b.next_round and "held" in (a.status, b.status)


def times_agree_across_articles(a: str | None, b: str | None) -> bool:
    """Equal at the common precision; an unknown date cannot be placed among another source's meetings, so it
    agrees only with another unknown one."""
    if a is None or b is None:
        return a is b
    return dates_agree(a, b)


def undated_meeting_identity(dialogue: Dialogue) -> tuple:
    """Across articles, two undated reports are one meeting only when they say the same about everything else."""
    participants = tuple(sorted((p.name.casefold(), p.role or "", p.country or "") for p in dialogue.participants))
    return dialogue.location.city, dialogue.location.country, dialogue.status, participants


def same_dialogue_across_articles(a: Dialogue, b: Dialogue) -> bool:
    if meeting_key(a.mechanism, a.parties) != meeting_key(b.mechanism, b.parties):
        return False
    if not times_agree_across_articles(a.date, b.date):
        return False
    return a.date is not None or undated_meeting_identity(a) == undated_meeting_identity(b)


# Deals


def values_agree(a: Money, b: Money, tolerance: float) -> bool:
    """The amounts as written when the currency is the same (conversions depend on the rate each report dated),
    else the dollar values; an amount that could not be converted agrees with no other currency."""
    if a.currency == b.currency:
        return figures_agree(a.amount, b.amount, tolerance)
    if a.value_usd is None or b.value_usd is None:
        return False
    return figures_agree(a.value_usd, b.value_usd, tolerance)


def figures_agree(a: float, b: float, tolerance: float) -> bool:
    """Within `tolerance` of the larger."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _known_or_equal(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def categories_agree_in_article(a: str | None, b: str | None, compatible: frozenset[frozenset[str]]) -> bool:
    """A mention may name a part of the equipment ("tên lửa" of an air-defence system): compatible pairs agree."""
    return _known_or_equal(a, b) or frozenset((a, b)) in compatible


class DealMentionFacts(Protocol):
    """What one sentence says of a deal: any field may be missing, another mention of the article may give it."""

    @property
    def buyer(self) -> str | None: ...

    @property
    def seller(self) -> str | None: ...

    @property
    def category(self) -> str | None: ...

    @property
    def model(self) -> str | None: ...

    @property
    def quantity(self) -> int | None: ...

    @property
    def year(self) -> int | None: ...

    @property
    def money(self) -> Money | None: ...

    @property
    def status(self) -> str | None: ...

    @property
    def recalled(self) -> bool: ...

    @property
    def headline(self) -> bool: ...

    @property
    def additional(self) -> bool: ...

    @property
    def head_kind(self) -> str | None: ...


def same_deal_in_article(a: DealMentionFacts, b: DealMentionFacts, compatible: frozenset[frozenset[str]]) -> bool:
    """No fact of one contradicts the other, and neither is an earlier order recalled beside a pending one."""
    if _earlier_and_pending(a, b) or _earlier_and_pending(b, a):
        return False
    if not all(_known_or_equal(getattr(a, name), getattr(b, name)) for name in ("buyer", "seller", "model", "year")):
        return False
    if not (_known_or_equal(a.quantity, b.quantity) or _rounded_count(a.quantity, b.quantity)):
        return False
    if kinds_differ(a, b):
        return False
    if a.money and b.money and not values_agree(a.money, b.money, IN_ARTICLE_VALUE_TOLERANCE) \
            and not _same_model_and_count(a, b) and not _approved_then_ordered(a, b):
        return False
    return categories_agree_in_article(a.category, b.category, compatible)


# "hơn 600.000 khẩu AK-203" in the title, "601.427 khẩu" in the body: a large count rounded is the same count.
ROUNDED_COUNT_FROM = 100
ROUNDED_COUNT_TOLERANCE = 0.05


def _is_round(count: int) -> bool:
    """Its first two digits, then zeros ("600.000", "1.200")."""
    return count % 10 ** (len(str(count)) - 2) == 0


def _rounded_count(a: int | None, b: int | None) -> bool:
    """Two counts of at least ROUNDED_COUNT_FROM, one of them round, within ROUNDED_COUNT_TOLERANCE of each other."""
    if a is None or b is None or min(a, b) < ROUNDED_COUNT_FROM:
        return False
    return (_is_round(a) or _is_round(b)) and figures_agree(a, b, ROUNDED_COUNT_TOLERANCE)


def written_count(counts: Sequence[int | None]) -> int | None:
    """The count of a deal whose mentions give it rounded and exact ("hơn 600.000", "601.427"): the exact one."""
    known = [c for c in counts if c is not None]
    exact = [c for c in known if c >= ROUNDED_COUNT_FROM and not _is_round(c)]
    return exact[0] if exact and all(c == exact[0] or _rounded_count(c, exact[0]) for c in known) else \
        (known[0] if known else None)


def kinds_differ(a: DealMentionFacts, b: DealMentionFacts) -> bool:
    """"tàu đổ bộ" and "tàu ngầm S26T", "xe tăng K2" and "xe công binh": equipment of different kinds is traded in
    different deals, unless both name the same model ("máy bay huấn luyện FA-50" and "tiêm kích FA-50")."""
    return (a.head_kind is not None and b.head_kind is not None and a.head_kind != b.head_kind
            and not (a.model is not None and a.model == b.model))


def _same_model_and_count(a: DealMentionFacts, b: DealMentionFacts) -> bool:
    """"30 tiêm kích Rafale, gần 4 tỷ euro" in the title and "30 chiếc Rafale ... 3,75 tỷ euro" in the body: the same
    model in the same number is one order, whose price the title rounds or gives with its extras. An order dated
    apart ("Năm 2014, Manila đã ký hợp đồng mua 12 chiếc FA-50PH với giá ...") is an earlier one of the same size."""
    return (a.model is not None and a.model == b.model and a.quantity is not None and a.quantity == b.quantity
            and a.year is None and b.year is None)


_ORDERED = frozenset({"signed", "delivered"})


def _approved_then_ordered(a: DealMentionFacts, b: DealMentionFacts) -> bool:
    """"Bộ Ngoại giao Mỹ đã phê chuẩn khả năng bán HIMARS cho Latvia với giá trị ước tính 220 triệu USD" and the
    contract for the same model at 179,8 triệu USD: an approval's value is a ceiling the order comes under, so the two
    are one deal (an order on top of others, "thêm", stays apart)."""
    statuses = {a.status, b.status}
    return (a.model is not None and a.model == b.model and "proposed" in statuses and bool(statuses & _ORDERED)
            and not (a.additional or b.additional))


def _earlier_and_pending(recalled: DealMentionFacts, current: DealMentionFacts) -> bool:
    """"Trước đó, hai nước đã ký ... năm 2022" beside a contract the headline says is still being negotiated, or is
    an order on top of earlier ones ("đặt mua thêm 12 máy bay"): an earlier order of the same equipment is another
    deal."""
    if recalled.year is None or recalled.additional:
        return False
    if current.additional and current.status in ("proposed", "negotiating") and current.model is not None \
            and current.model == recalled.model:
        return True  # "mua thêm ba hệ thống SPYDER" under talks beside "mua SPYDER ... năm 2015"
    return (recalled.recalled and recalled.status in ("signed", "delivered")
            and current.headline and (current.status in ("proposed", "negotiating") or current.additional))


def deal_key(deal: Deal) -> tuple[str | None, str | None, str]:
    """What two records of one deal share across articles: buyer, seller and the category each article resolved."""
    return deal.buyer, deal.seller, deal.category


def system_key(system: str) -> str:
    return " ".join(system.casefold().split())


def deal_value(deal: Deal) -> Money | None:
    """The record's value as written (a record without the written amount counts its dollars as written)."""
    if _present(deal.value_amount) and deal.value_currency:
        return Money(deal.value_amount, deal.value_currency, deal.value_usd if _present(deal.value_usd) else None)
    if _present(deal.value_usd):
        return Money(deal.value_usd, "USD", deal.value_usd)
    return None


def _present(number: float | None) -> bool:
    """Not null; Parquet gives a missing float back as NaN."""
    return number is not None and not math.isnan(number)


def deals_corroborate(a: Deal, b: Deal) -> bool:
    """Two records of one buyer, seller and category share a quantity, a value, a year or a system."""
    a_value, b_value = deal_value(a), deal_value(b)
    return (
        (a.quantity is not None and a.quantity == b.quantity)
        or (a_value is not None and b_value is not None
            and values_agree(a_value, b_value, ACROSS_ARTICLES_VALUE_TOLERANCE))
        or (a.year is not None and a.year == b.year)
        or (bool(a.system) and system_key(a.system) == system_key(b.system))
    )


def same_deal_across_articles(a: Deal, b: Deal) -> bool:
    return deal_key(a) == deal_key(b) and deals_corroborate(a, b)
