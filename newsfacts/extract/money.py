"""Money amounts in Vietnamese text, with their value in US dollars.

Vietnamese writes "5,4 tỷ" (decimal comma) and "63.000" (thousands dot);
scale words (tỷ, triệu, nghìn tỷ, crore...) multiply the number, and an amount
may be built of several parts ("1 tỷ 200 triệu USD"). Other currencies are
converted with the rates of `newsfacts.extract.rates` (ECB daily rates, else yearly averages).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsfacts.extract.rates import STATED, usd_rate
from newsfacts.records import DatePrecision, Money, UsdRate

_VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"
_NUMBER = r"\d+(?:[.,]\d+)*"
_ENGLISH_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")


@dataclass(frozen=True)
class MoneyHit:
    start: int
    end: int
    money: Money


@dataclass(frozen=True)
class _Vocabulary:
    """The amount regexes and the word tables behind them, built once from `vocab/money_words.json`.

    An amount is found from its number or currency sign, and the hedge word before it ("hơn", "khoảng") is then looked
    for in the few characters there: a hedge word starts with common letters, and a scan trying one at every such
    position of the sentence costs several times more than the two steps."""

    amount: re.Pattern[str]
    hedge: re.Pattern[str]
    longest_hedge: int
    part: re.Pattern[str]
    has_scale: re.Pattern[str]
    scales: dict[str, float]
    english_scales: frozenset[str]
    currency_codes: dict[str, str]
    needs_scale: frozenset[str]
    qualifiers: dict[str, str]
    shared_names: dict[str, dict[str, str]]


def _alternation(words: object) -> str:
    """Regex alternation of `words`, longest first so that "đô la Úc" wins over "đô la"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _initials(words: list[str]) -> str:
    """The first letters of `words` as the inside of a regex character class: a lookahead on them lets the amount
    regex skip at once the positions where no amount can start."""
    return "".join(sorted({re.escape(word[0]) for word in words}))


def _amount_pattern(words: dict, scale: str) -> str:
    """An amount without its hedge word: "3-4 tỷ USD", "63.000 crore", "$5 tỷ"."""
    currencies = [word for names in words["currencies"].values() for word in names]
    part = rf"{_NUMBER}\s*{scale}"
    return (
        rf"(?<![\w.,])"
        rf"(?:(?:(?P<low>{_NUMBER}(?:\s*{scale})?)\s*(?:-|–|đến|tới)\s*)?"
        rf"(?P<parts>{part}(?:\s+{part})*|{_NUMBER})\s*(?P<currency>(?i:{_alternation(currencies)}))(?![\w$])"
        rf"|(?P<indian>{_NUMBER}\s*(?:{_alternation(words['indian_scales'])}))(?!\w)"
        rf"|(?P<prefix>{_alternation(words['prefix_currencies'])})\s*(?P<prefixed>{_NUMBER}(?:\s*{scale})?))"
    )


def _hedge_pattern(words: dict) -> str:
    """A hedge word and the spaces after it, in any case: "hơn ", "Khoảng "."""
    qualifiers = [word for hedges in words["qualifiers"].values() for word in hedges]
    return rf"(?<!\w)(?P<qualifier>(?i:{_alternation(qualifiers)}))\s+"


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    words = json.loads((_VOCAB_DIR / "money_words.json").read_text(encoding="utf-8"))
    scale = rf"(?:{_alternation(words['scales'])})(?!\w)"
    return _Vocabulary(
        amount=re.compile(rf"(?=[\d{_initials(words['prefix_currencies'])}])" + _amount_pattern(words, scale)),
        hedge=re.compile(_hedge_pattern(words) + r"\Z"),
        longest_hedge=max(len(word) for hedges in words["qualifiers"].values() for word in hedges),
        part=re.compile(rf"(?P<number>{_NUMBER})\s*(?P<scale>{scale})?"),
        has_scale=re.compile(scale),
        scales=words["scales"],
        english_scales=frozenset(words["english_scales"]),
        currency_codes={word.casefold(): code for code, names in words["currencies"].items() for word in names},
        needs_scale=frozenset(words["needs_scale"]),
        qualifiers={word.casefold(): kind for kind, hedges in words["qualifiers"].items() for word in hedges},
        shared_names=words["shared_names"],
    )


def to_usd(amount: float, currency: str, on: date | None = None, precision: DatePrecision = "day"
           ) -> tuple[float | None, UsdRate | None]:
    """The amount in US dollars and the rate used (`rates.usd_rate`: the ECB's of `on` at `precision`, else the
    yearly table's). US dollars are never converted (no rate); an unknown currency gives (None, None)."""
    if currency == "USD":
        return amount, None
    rate = usd_rate(currency, on, precision)
    return (amount / rate.per_usd, rate) if rate else (None, None)


def stated_rate(amount: float, value_usd: float) -> UsdRate:
    """The rate a dollar figure the text gives beside the amount implies."""
    return UsdRate(amount / value_usd, None, STATED)


def _parse_number(written: str, scale: str | None, vocab: _Vocabulary) -> float:
    """ "5,4" -> 5.4, "63.000" -> 63000, "1.234,5" -> 1234.5; English "3.5 billion", "1,500 million" and
    "62,586,926,287" too. A ValueError for what reads as no number ("1.2.3")."""
    if scale in vocab.english_scales or _ENGLISH_GROUPED.fullmatch(written):
        return float(written.replace(",", ""))
    if "," in written:
        return float(written.replace(".", "").replace(",", "."))
    groups = written.split(".")
    if len(groups) > 1 and all(len(group) == 3 for group in groups[1:]):
        return float("".join(groups))
    return float(written)


def _parse_parts(written: str, vocab: _Vocabulary) -> float:
    total = 0.0
    for part in vocab.part.finditer(written):
        scale = part.group("scale")
        total += _parse_number(part.group("number"), scale, vocab) * (vocab.scales[scale] if scale else 1)
    return total


def _range_low(match: re.Match[str], vocab: _Vocabulary) -> float:
    """The lower bound of "3-4 tỷ USD" (which takes the scale of the upper one) or of "500 triệu - 1 tỷ USD"."""
    low = vocab.part.match(match.group("low"))
    scale = low.group("scale") or vocab.part.match(match.group("parts")).group("scale")
    return _parse_number(low.group("number"), scale, vocab) * (vocab.scales[scale] if scale else 1)


def _amount_and_currency(match: re.Match[str], vocab: _Vocabulary, text: str) -> tuple[float, str] | None:
    """Amount and currency code; None for a short word that is money only after a scale ("2 bảng" = two tables).

    A range ("3-4 tỷ USD", "3 đến 4 tỷ USD") is its lower bound."""
    if match.group("parts"):
        word = match.group("currency").casefold()
        if word in vocab.needs_scale and not vocab.has_scale.search(match.group("parts")):
            return None
        amount = _range_low(match, vocab) if match.group("low") else _parse_parts(match.group("parts"), vocab)
        return amount, _currency_of_the_sentence(word, text, vocab) or vocab.currency_codes[word]
    if match.group("indian"):
        return _parse_parts(match.group("indian"), vocab), "INR"
    return _parse_parts(match.group("prefixed"), vocab), vocab.currency_codes[match.group("prefix").casefold()]


def _currency_of_the_sentence(word: str, text: str, vocab: _Vocabulary) -> str | None:
    """The currency a name several countries use stands for: that of the one such country the sentence names."""
    named = {code for country, code in vocab.shared_names.get(word, {}).items() if country in text}
    return named.pop() if len(named) == 1 else None


def find_money(text: str, on: date | None = None, precision: DatePrecision = "day") -> list[MoneyHit]:
    """Amounts of money ("hơn 3 tỷ USD", "63.000 crore rupee", "$3 tỷ"), converted to USD at the rate of `on`.

    A range without a hedge word is "over" its lower bound: SPEC's qualifiers have no range, and "over" keeps the
    value one that the text guarantees. A dollar figure the text gives as the amount's equivalent is its value."""
    return _with_stated_equivalents(text, amount_hits(text, on, precision))


def amount_hits(text: str, on: date | None = None, precision: DatePrecision = "day") -> list[MoneyHit]:
    """Every amount the amount pattern finds, with its hedge word, each on its own."""
    vocab = _vocabulary()
    hits = []
    previous_end = 0
    for match in vocab.amount.finditer(text):
        start, hedge = _hedge(text, previous_end, match.start(), vocab)
        previous_end = match.end()
        try:
            found = _amount_and_currency(match, vocab, text)
        except ValueError:
            continue
        if found is None or found[0] <= 0:
            continue
        amount, currency = found
        value_usd, rate = to_usd(amount, currency, on, precision)
        qualifier = vocab.qualifiers.get(hedge.casefold(), "over" if match.group("low") else "exact")
        hits.append(MoneyHit(start, match.end(), Money(amount, currency, value_usd, qualifier, rate,
                                                       text[start:match.end()])))
    return hits


_EQUIVALENT_LINK = re.compile(
    r"\s*(?:\(\s*(?:(?:khoảng|gần|hơn|xấp xỉ|chừng|tương đương(?: với)?|tức(?: là)?|khoảng chừng)\s+)?"
    r"|[,\-–]?\s*(?:tương đương|tức là|tức|tương ứng|quy đổi)(?: với)?(?:\s+(?:khoảng|gần|hơn|xấp xỉ|chừng))?\s+)",
    re.IGNORECASE)


def _with_stated_equivalents(text: str, hits: list[MoneyHit]) -> list[MoneyHit]:
    """"9.000 tỷ won (6,2 tỷ USD)", "... tỷ yên, tương đương ... USD": the text's own dollar figure is the amount's
    value in USD (SPEC), recorded with the rate it implies, of source "text"; the dollar figure is not a second
    amount."""
    merged: list[MoneyHit] = []
    skip = False
    for hit, following in zip(hits, [*hits[1:], None]):
        if skip:
            skip = False
            continue
        if (following is not None and hit.money.currency != "USD" and following.money.currency == "USD"
                and _EQUIVALENT_LINK.fullmatch(text, hit.end, following.start)):
            qualifier = following.money.qualifier if following.money.qualifier != "exact" else hit.money.qualifier
            money = replace(hit.money, value_usd=following.money.amount, qualifier=qualifier,
                            rate=stated_rate(hit.money.amount, following.money.amount),
                            text=text[hit.start:following.end])
            merged.append(MoneyHit(hit.start, following.end, money))
            skip = True
            continue
        merged.append(hit)
    return merged


# "Hợp đồng trị giá 16.500 tỷ peso ... Theo hãng tin EFE, số tiền này tương đương khoảng 4,39 tỷ USD.": a sentence
# that gives the dollar figure of the amount told just before.
_EQUIVALENT_TOLD_NEXT = re.compile(
    r"(?:[^,.;]{0,50},\s*)?(?:số tiền|khoản tiền|con số|giá trị|trị giá|mức giá)(?: (?:hợp đồng|thương vụ))?"
    r" (?:này|trên|nói trên|đó)\s+(?:(?:là\s+)?(?:tương đương|tương ứng|tức là|tức|bằng|quy đổi(?: ra)?)(?: với)?\s+)?",
    re.IGNORECASE)


def equivalent_told_next(money: Money, next_sentence: str) -> Money:
    """The amount with the dollar figure the next sentence gives as its equivalent (SPEC: the text's own figure is
    value_usd), the rate it implies and the source "text"; the amount unchanged when that sentence gives none."""
    if money.currency == "USD":
        return money
    link = _EQUIVALENT_TOLD_NEXT.match(next_sentence)
    if link is None:
        return money
    dollars = next((hit for hit in amount_hits(next_sentence) if hit.start >= link.end()), None)
    if dollars is None or dollars.money.currency != "USD" or next_sentence[link.end():dollars.start].strip():
        return money
    qualifier = dollars.money.qualifier if dollars.money.qualifier != "exact" else money.qualifier
    return replace(money, value_usd=dollars.money.amount, qualifier=qualifier,
                   rate=stated_rate(money.amount, dollars.money.amount))


def _hedge(text: str, floor: int, amount_start: int, vocab: _Vocabulary) -> tuple[int, str]:
    """Where the amount starting at `amount_start` begins with the hedge word and spaces before it, and that word;
    the amount's own start and "" without one. The word starts at `floor` or after, and ends where those spaces
    start, as every hedge word ends in a letter."""
    spaces_start = amount_start
    while spaces_start > floor and text[spaces_start - 1].isspace():
        spaces_start -= 1
    if spaces_start == amount_start:
        return amount_start, ""
    hedge = vocab.hedge.search(text, max(floor, spaces_start - vocab.longest_hedge), amount_start)
    return (hedge.start(), hedge.group("qualifier")) if hedge else (amount_start, "")
