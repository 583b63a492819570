"""A deal's status, year of order and value as a sentence gives them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from newsfacts.extract.clauses import clause_around, clause_breaks
from newsfacts.extract.dates import DateHit
from newsfacts.extract.money import MoneyHit
from newsfacts.extract.prefilter import prefiltered
from newsfacts.extract.rates import period_of
from newsfacts.records import DatePrecision, Money
from newsfacts.extract.deals.equipment import _Item
from newsfacts.extract.deals.vocabulary import _STATUS_RANK, _patterns


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_ORDER = prefiltered(r"\bký\b|đặt hàng|đặt mua")


@lru_cache(maxsize=4096)
def _status(lower: str) -> str | None:
    return next((status for status, pattern in _patterns()["status"] if pattern.search(lower)), None)


def _nearest_date(dates: Sequence[DateHit], start: int, end: int) -> str | None:
    """The resolved date nearest the span (one after it preferred), ISO at its precision."""
    dated = [d for d in dates if d.value]
    if not dated:
        return None
    return min(dated, key=lambda d: d.start - end if d.start >= end else (start - d.end) * 1.2).value


# "vụ mua sắm quan trọng nhất của nước này kể từ năm 1983": a year counted from is no date of the deal.
_COUNTED_FROM = re.compile(r"\b(?:kể từ|từ sau|từ)\s+$")
_COUNTED_FROM_CHARS = 10


def _order_date(lower: str, dates: Sequence[DateHit], start: int, end: int, status: str | None) -> str | None:
    """The date nearest the signing ("Năm 2014, Manila đã ký"), else, for a signing, nearest the equipment. Of several
    signings, the one in the equipment's own clause ("..., nước này cũng đặt mua 28 Eurofighter ... năm 2016")."""
    dates = [d for d in dates if not _COUNTED_FROM.search(lower, max(0, d.start - _COUNTED_FROM_CHARS), d.start)]
    signs = list(_ORDER.finditer(lower))
    own_clause = _clause(lower, start, end)
    sign = next((m for m in signs if own_clause[0] <= m.start() < own_clause[1]), signs[0] if signs else None)
    if sign is None:
        return _nearest_date(dates, start, end) if status == "signed" else None
    left, right = _clause(lower, sign.start(), sign.end())
    left = _clause(lower, max(0, left - 2), max(0, left - 2))[0] if left else 0
    return _nearest_date([d for d in dates if left <= d.start < right], sign.start(), sign.end())


def _money_date(dates: Sequence[DateHit], published: date | None) -> tuple[date | None, DatePrecision]:
    """A first conversion, to compare amounts: at the first date with a year the sentence names, else at
    publication (the deal's own date converts it in the end, `merge`)."""
    written = next((d.value for d in dates if d.value and _YEAR.search(d.text)), None)
    return period_of(written) if written else (published, "day")


def _money(hits, start: int, end: int, left: int, right: int,
           other_clauses: Sequence[tuple[int, int]] = ()) -> Money | None:
    """The amount in the system's clause nearest it, else the nearest one of the sentence that no other trading
    clause holds ("Kuwait ký hợp đồng trị giá 1,5 tỷ USD ... mua 28 F/A-18E/F; nước này cũng đặt mua 28 Eurofighter":
    the price is the Super Hornets')."""
    in_clause = [h for h in hits if left <= h.start < right] or [
        h for h in hits if not any(a <= h.start < b for a, b in other_clauses if (a, b) != (left, right))]
    if not in_clause:
        return None
    # A price told before the equipment is farther than one told after it: "108 xe tăng Abrams trị giá khoảng 2 tỉ USD
    # và 250 tên lửa Stinger trị giá 223,56 triệu USD".
    return min(in_clause, key=lambda h: abs(h.start - end) if h.start >= end else 2 * abs(start - h.end)).money


# "Ấn Độ mua Rafale còn Pakistan mua J-10C": "còn" opens a clause; before a verb it means "also" ("gói hàng còn gồm").
_CLAUSE_BREAK = clause_breaks(",;", ("nhưng", "sau khi", "trong khi",
                                    "còn(?! (?:bao gồm|gồm|có|mua|đặt|ký|nhận|bán|cung cấp|sở hữu|tiếp nhận))"))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    return clause_around(_CLAUSE_BREAK, text, start, end)


def _clause_status(lower: str, clause: tuple[int, int], other_clauses: Sequence[tuple[int, int]]) -> str | None:
    """The stage cue of the system's own clause, else of the sentence outside the other systems' clauses, which also
    tells a later stage than a plan or offer (talks, delivery) or the end of the deal."""
    own = _status(lower[clause[0]:clause[1]]) or _received_before(lower, clause)
    outside, cursor = [], 0
    for a, b in sorted(c for c in set(other_clauses) if c != clause):
        outside.append(lower[cursor:a] if a > cursor else "")
        cursor = max(cursor, b)
    outside = _without_cancelled_tenders(" ".join(outside + [lower[cursor:]]))
    wide = _status(outside)
    if own is None or wide in ("delivered", "cancelled") and _STATUS_RANK[wide] > _STATUS_RANK[own]:
        return wide
    # "kế hoạch của Ấn Độ mua 5 hệ thống S-400 ..., thương vụ ... mà hai nước đang đàm phán": a plan under talks.
    return wide if own == "proposed" and wide == "negotiating" else own


def _received_before(lower: str, clause: tuple[int, int]) -> str | None:
    """"delivered" for a clause that "sau khi" opens (the clause starts after the break word) and tells a receipt."""
    opened = lower[max(0, clause[0] - len("sau khi ")):clause[1]]
    return "delivered" if _patterns()["received_before"].match(opened) else None


def _without_cancelled_tenders(text: str) -> str:
    cancels = _patterns()["cancels_other"]
    return cancels.pattern.sub(" ", text) if cancels.may_match(text) else text


def _own_money(money: Sequence[MoneyHit], item: _Item, start: int, lower: str) -> Money | None:
    """A listed system's value is only one written inside its own item ("48 FA-50 trị giá 3 tỷ USD"), from its own
    start: a total before or after the list is the package's (SPEC: it stays off the systems). The last item's price
    follows it ("... và 250 tên lửa Stinger trị giá 223,56 triệu USD") when an item before it has its own price too."""
    own = next((hit.money for hit in money if start <= hit.start < item.own_end), None)
    if own is not None or item.own_end != item.end:
        return own
    trailing = next((hit for hit in money if _PRICE_RIGHT_AFTER.fullmatch(lower, item.end, hit.start)), None)
    priced_before = any(item.start <= hit.start < start for hit in money)
    return trailing.money if trailing is not None and priced_before else None


_PRICE_RIGHT_AFTER = re.compile(r"\s+(?:trị giá|có giá|với giá)(?: (?:khoảng|gần|hơn|trên|dưới|lên tới|lên đến))?\s+")
