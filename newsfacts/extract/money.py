"""Money amounts in Vietnamese text, with their value in US dollars.

Vietnamese writes "5,4 tỷ" (decimal comma) and "63.000" (thousands dot);
scale words (tỷ, triệu, nghìn tỷ, crore...) multiply the number, and an amount
may be built of several parts ("1 tỷ 200 triệu USD"). Other currencies are
converted with the yearly average rates of `vocab/exchange_rates.csv`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsfacts.records import Money

_RATES_FILE = Path(__file__).resolve().parent.parent / "vocab" / "exchange_rates.csv"

_SCALES = {
    "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12, "tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6,
    "nghìn": 1e3, "ngàn": 1e3, "crore": 1e7, "lakh": 1e5, "trillion": 1e12, "billion": 1e9, "million": 1e6,
}
_ENGLISH_SCALES = frozenset({"trillion", "billion", "million"})
_INDIAN_SCALES = frozenset({"crore", "lakh"})

# Longer names first within the alternation, so "đô la Úc" wins over "đô la".
_CURRENCY_WORDS = {
    "đô la Mỹ": "USD", "đôla Mỹ": "USD", "đô la Úc": "AUD", "đô la Australia": "AUD", "đô la Canada": "CAD",
    "đô la": "USD", "đôla": "USD", "đô": "USD", "USD": "USD", "US$": "USD", "$": "USD",
    "euro": "EUR", "EUR": "EUR", "€": "EUR",
    "rupee": "INR", "rupi": "INR", "INR": "INR", "Rs": "INR",
    "đồng": "VND", "VND": "VND", "VNĐ": "VND",
    "bảng Anh": "GBP", "bảng": "GBP", "GBP": "GBP", "£": "GBP",
    "yên": "JPY", "JPY": "JPY", "¥": "JPY",
    "AUD": "AUD", "A$": "AUD",
    "won": "KRW", "KRW": "KRW",
    "rúp": "RUB", "ruble": "RUB", "RUB": "RUB",
    "nhân dân tệ": "CNY", "NDT": "CNY", "CNY": "CNY",
    "zloty": "PLN", "PLN": "PLN",
    "CAD": "CAD", "C$": "CAD",
    "rupiah": "IDR", "IDR": "IDR",
    "peso": "PHP", "PHP": "PHP",
}
_PREFIX_CURRENCIES = ("US$", "A$", "C$", "$", "€", "£", "¥", "USD", "EUR", "GBP", "INR", "Rs")
_QUALIFIERS = {
    "hơn": "over", "trên": "over", "ít nhất": "over", "dưới": "under", "chưa đến": "under", "không quá": "under",
    "khoảng": "approx", "gần": "approx", "tới gần": "approx", "ước tính": "approx", "xấp xỉ": "approx",
    "chừng": "approx", "ước": "approx", "gần như": "approx",
}


# Short words that are money only after a scale word: "5 tỷ yên" is money, "2 bảng" is two tables.
_NEEDS_SCALE = frozenset({"đồng", "đô", "bảng", "yên", "won", "peso"})


def _alternation(words: object) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_CURRENCY_CODES = {word.casefold(): code for word, code in _CURRENCY_WORDS.items()}
_NUMBER = r"\d+(?:[.,]\d+)*"
_SCALE = rf"(?:{_alternation(_SCALES)})(?!\w)"
_PART = rf"{_NUMBER}\s*{_SCALE}"
_AMOUNT = re.compile(
    rf"(?:(?<!\w)(?P<qualifier>(?i:{_alternation(_QUALIFIERS)}))\s+)?(?<![\w.,])"
    rf"(?:(?P<parts>{_PART}(?:\s+{_PART})*|{_NUMBER})\s*(?P<currency>(?i:{_alternation(_CURRENCY_WORDS)}))(?![\w$])"
    rf"|(?P<indian>{_NUMBER}\s*(?:crore|lakh))(?!\w)"
    rf"|(?P<prefix>{_alternation(_PREFIX_CURRENCIES)})\s*(?P<prefixed>{_NUMBER}(?:\s*{_SCALE})?))"
)
_PART_PARSE = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<scale>{_SCALE})?")


@dataclass(frozen=True)
class MoneyHit:
    start: int
    end: int
    money: Money


@lru_cache(maxsize=1)
def _rates() -> dict[tuple[int, str], float]:
    """Units of each currency per US dollar, by (year, currency)."""
    with _RATES_FILE.open(encoding="utf-8", newline="") as handle:
        return {(int(row["year"]), row["currency"]): float(row["per_usd"]) for row in csv.DictReader(handle)}


def to_usd(amount: float, currency: str, on: date | None = None) -> tuple[float | None, str | None]:
    """The amount in US dollars and the year of the rate used: `on`'s year (or the nearest year in the table),
    else the latest year in the table. US dollars are never converted; an unknown currency gives (None, None)."""
    if currency == "USD":
        return amount, None
    rates = _rates()
    years = [year for year, code in rates if code == currency]
    if not years:
        return None, None
    year = max(years) if on is None else min(years, key=lambda known: abs(known - on.year))
    return amount / rates[(year, currency)], str(year)


def _parse_number(written: str, scale: str | None) -> float:
    """ "5,4" -> 5.4, "63.000" -> 63000, "1.234,5" -> 1234.5; English "3.5 billion" and "1,500 million" too."""
    if scale in _ENGLISH_SCALES:
        return float(written.replace(",", ""))
    if "," in written:
        return float(written.replace(".", "").replace(",", "."))
    groups = written.split(".")
    if len(groups) > 1 and all(len(group) == 3 for group in groups[1:]):
        return float("".join(groups))
    return float(written)


def _parse_parts(written: str) -> float:
    total = 0.0
    for part in _PART_PARSE.finditer(written):
        scale = part.group("scale")
        total += _parse_number(part.group("number"), scale) * (_SCALES[scale] if scale else 1)
    return total


def _amount_and_currency(match: re.Match[str]) -> tuple[float, str] | None:
    if match.group("parts"):
        word = match.group("currency").casefold()
        if word in _NEEDS_SCALE and _PART_PARSE.fullmatch(match.group("parts")).group("scale") is None:
            return None
        return _parse_parts(match.group("parts")), _CURRENCY_CODES[word]
    if match.group("indian"):
        return _parse_parts(match.group("indian")), "INR"
    return _parse_parts(match.group("prefixed")), _CURRENCY_CODES[match.group("prefix").casefold()]


def find_money(text: str, on: date | None = None) -> list[MoneyHit]:
    """Amounts of money ("hơn 3 tỷ USD", "63.000 crore rupee", "$3 tỷ"), converted to USD at `on`'s yearly rate."""
    hits = []
    for match in _AMOUNT.finditer(text):
        found = _amount_and_currency(match)
        if found is None or found[0] <= 0:
            continue
        amount, currency = found
        value_usd, rate_year = to_usd(amount, currency, on)
        qualifier = _QUALIFIERS.get((match.group("qualifier") or "").casefold(), "exact")
        money = Money(amount, currency, value_usd, qualifier, rate_year, match.group())
        hits.append(MoneyHit(match.start(), match.end(), money))
    return hits
