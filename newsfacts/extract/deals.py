"""Arms purchases, co-production and defence agreements as `Deal` records."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib.resources import files

from newsfacts.extract.companies import CompanyHit, company_country, find_companies
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit
from newsfacts.extract.money import find_money
from newsfacts.records import Deal, Money, Sentence

_STATUS_RANK = {"proposed": 1, "negotiating": 2, "signed": 3, "delivered": 4, "cancelled": 5}
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "một": 1}
_QUANTITY = re.compile(
    r"(?<![\w.,])(\d{1,5}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:(?:chiếc|tổ hợp|hệ thống|bộ|khẩu|đơn vị|lô|tàu|xe|quả|hỏa lực)\s+)?$")
_STOP_WORDS = frozenset(
    "do từ của để với trị bất nhằm theo tới sang vào trong và cũng đang đã sẽ được là mà thuộc nhưng hoặc tại ở "
    "khi sau trước bao gồm cho thay nên vì nếu như này đó kể nhận".split())
_STOP_PAIRS = frozenset({"có thể", "trị giá", "bao gồm", "kéo dài"})
_TRAILING = ",.;:!?\"'“”"


@dataclass(frozen=True)
class _Mention:
    kind: str
    buyer: str | None
    seller: str | None
    system: str | None
    category: str | None
    model: str | None
    quantity: int | None
    money: Money | None
    year: int | None
    status: str | None
    suppliers: tuple[str, ...]
    sentence: int
    acronym: str | None = None
    countries: tuple[str, ...] = ()


@cache
def _verbs() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("deal_verbs.json").read_text("utf-8"))


@cache
def _weapons() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("weapons.json").read_text("utf-8"))


@cache
def _exporter_rank() -> dict[str, int]:
    ranks = json.loads(files("newsfacts.vocab").joinpath("exporters.json").read_text("utf-8"))["rank"]
    return {code: i for i, code in enumerate(ranks)}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = _verbs()
    names = ("trigger", "not_a_deal", "buy_verbs", "sell_verbs", "co_production", "generic_agreement",
             "named_agreement_excluded", "acronym_reference")
    compiled = {name: re.compile(verbs[name]) for name in names}
    compiled["named_agreement"] = re.compile(verbs["named_agreement"])
    compiled["status"] = [(status, re.compile(pattern)) for status, pattern in verbs["status"]]
    weapons = _weapons()
    heads = sorted(weapons["heads"], key=len, reverse=True)
    compiled["head"] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, heads)) + r")(?!\w)")
    models = sorted(weapons["models"], key=len, reverse=True)
    compiled["model"] = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, models)) + r")(?![\w])")
    return compiled


@cache
def _compatible_categories() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in _weapons()["compatible"])


def _status(lower: str) -> str | None:
    return next((status for status, pattern in _patterns()["status"] if pattern.search(lower)), None)


def _system_spans(text: str, lower: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, category, model) of each equipment phrase: head noun, its modifiers, a model designation."""
    heads = [(m.start(), m.end(), _weapons()["heads"][m.group()]) for m in _patterns()["head"].finditer(lower)]
    models = [(m.start(), m.end(), m.group()) for m in _patterns()["model"].finditer(text)]
    spans: list[tuple[int, int, str, str | None]] = []
    position = 0
    for start, head_end, category in heads + [(s, e, _weapons()["models"][g]["category"]) for s, e, g in models]:
        if start < position:
            continue
        end = _phrase_end(text, lower, head_end)
        model = next((g for s, e, g in models if start <= s and e <= end), None)
        category = _weapons()["models"][model]["category"] if model else _phrase_category(lower, start, end, heads)
        spans.append((start, end, category, model))
        position = end
    return sorted(spans)


def _phrase_category(lower: str, start: int, end: int, heads) -> str:
    """The category of the phrase's head noun, or of a longer head overlapping it ("hệ thống tên lửa đất đối không")."""
    first = [h for h in heads if h[0] == start]
    overlapping = [h for h in heads if start <= h[0] < first[0][1] and h[1] <= end] if first else []
    return max(overlapping or first, key=lambda h: h[1] - h[0])[2] if first else "other"


def _phrase_end(text: str, lower: str, position: int) -> int:
    end = position
    words = list(re.finditer(r"\S+", text[position:]))
    for i, word in enumerate(words[:10]):
        token = word.group()
        bare = token.rstrip(_TRAILING).lower()
        pair = f"{bare} {words[i + 1].group().lower()}" if i + 1 < len(words) else ""
        if bare == "cho" and _patterns()["head"].match(lower, position + word.end() + 1):
            end = position + word.end()
            continue
        if bare in _STOP_WORDS or pair in _STOP_PAIRS or not bare or bare.startswith("("):
            break
        end = position + word.start() + len(token.rstrip(_TRAILING))
        if token != token.rstrip(_TRAILING):
            break
    return end


def _quantity(lower: str, start: int) -> int | None:
    match = _QUANTITY.search(lower[max(0, start - 30):start])
    if not match:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else _NUMBER_WORDS[value]


@dataclass(frozen=True)
class _Party:
    code: str
    start: int
    end: int


def _parties(hits: Sequence[CountryHit], companies: Sequence[CompanyHit]) -> list[_Party]:
    parties = [_Party(h.code, h.start, h.end) for h in hits]
    parties += [_Party(c.country, c.start, c.end) for c in companies]
    return sorted(parties, key=lambda p: p.start)


_AUXILIARY = r"(?:\s+(?:đã|sẽ|đang|vừa|cũng|dự kiến|muốn|quyết định|có kế hoạch|đồng ý|chính thức|hiện|thể hiện sự|bày tỏ sự|tiếp tục))*\s+"


def _roles(lower: str, parties: Sequence[_Party], start: int, end: int) -> tuple[str | None, str | None]:
    """(buyer, seller) from "X mua", "từ X", "do X sản xuất", "X cung cấp ... cho Y", "... của X"."""
    buyer = seller = None
    buy, sell = _patterns()["buy_verbs"], _patterns()["sell_verbs"]
    for party in parties:
        before = lower[max(0, party.start - 12):party.start]
        after = lower[party.end:party.end + 40]
        if re.search(r"(?:\btừ|\bcủa)\s+(?:phía\s+)?$", before) and 0 <= party.start - end <= 60:
            seller = seller or party.code
            if before.rstrip().endswith("của") and seller != party.code:
                buyer = buyer or party.code
        elif re.search(r"\bdo\s+$", before) and re.match(r"\s+(?:sản xuất|chế tạo|phát triển|cung cấp)", after):
            seller = seller or party.code
        elif re.search(r"\b(?:cho|sang)\s+(?:phía\s+)?$", before) and party.start >= start:
            buyer = buyer or party.code
        elif re.match(_AUXILIARY + "(?:" + buy.pattern + ")", " " + after):
            buyer = buyer or party.code
        elif re.match(_AUXILIARY + "(?:" + sell.pattern + ")", " " + after):
            seller = seller or party.code
    buyer = buyer or _subject(lower, parties, buy, exclude=seller)
    seller = seller or _subject(lower, parties, sell, exclude=buyer)
    return buyer, seller


def _subject(lower: str, parties: Sequence[_Party], verb: re.Pattern[str], exclude: str | None) -> str | None:
    """The nearest country before the first buying (or selling) verb: "Ấn Độ đã ký một hợp đồng ... để mua"."""
    match = verb.search(lower)
    if not match:
        return None
    before = [p for p in parties if p.end <= match.start() and p.code != exclude]
    return before[-1].code if before else None


def _year(dates: Sequence[DateHit], start: int, end: int) -> int | None:
    dated = [d for d in dates if d.value]
    if not dated:
        return None
    nearest = min(dated, key=lambda d: d.start - end if d.start >= end else (start - d.end) * 1.2)
    return int(nearest.value[:4])


def _money(text: str, published: date | None, start: int, end: int) -> Money | None:
    hits = find_money(text, published) if re.search(r"\d", text) else []
    if not hits:
        return None
    return min(hits, key=lambda h: abs(h.start - end) if h.start >= end else abs(start - h.end)).money


def _sentence_mentions(sentence: Sentence, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                       published: date | None) -> list[_Mention]:
    text, lower = sentence.text, sentence.text.lower()
    if not _patterns()["trigger"].search(lower) or _patterns()["not_a_deal"].search(lower):
        return []
    companies = find_companies(text)
    parties = _parties(hits, companies)
    suppliers = tuple(dict.fromkeys(c.name for c in companies))
    status = _status(lower)
    agreements = _agreement_mentions(sentence, parties, dates, status)
    taken = [(a_start, a_end) for a_start, a_end, _ in agreements]
    mentions = [mention for _, _, mention in agreements]
    kind = "co-production" if _patterns()["co_production"].search(lower) else "purchase"
    for start, end, category, model in _system_spans(text, lower):
        if any(a <= start < b for a, b in taken):
            continue
        buyer, seller = _roles(lower, parties, start, end)
        if seller is None and model:
            seller = _maker_country(model, buyer)
        mentions.append(_Mention(
            kind=kind, buyer=buyer, seller=seller, system=text[start:end], category=category, model=model,
            quantity=_quantity(lower, start), money=_money(text, published, start, end),
            year=_year(dates, start, end) if status in ("signed", "delivered") else None,
            status=status, suppliers=suppliers, sentence=sentence.index))
    if not mentions and companies and re.search(r"thỏa thuận|hợp đồng", lower):
        buyer, seller = _roles(lower, parties, 0, 0)
        codes = tuple(dict.fromkeys(p.code for p in parties))
        mentions.append(_Mention("purchase", buyer, seller, None, None, None, None, None, None, status, suppliers,
                                 sentence.index, countries=codes))
    return mentions


def _maker_country(model: str, buyer: str | None) -> str | None:
    country = company_country(_weapons()["models"][model]["maker"])
    return country if country != buyer else None


def _agreement_mentions(sentence: Sentence, parties: Sequence[_Party], dates: Sequence[DateHit],
                        status: str | None) -> list[tuple[int, int, _Mention]]:
    text, lower = sentence.text, sentence.text.lower()
    found: list[tuple[int, int, str, str | None]] = []
    for match in _patterns()["named_agreement"].finditer(text):
        if not _patterns()["named_agreement_excluded"].search(match.group()):
            found.append((match.start(), match.end(), match.group(), match.group(1)))
    for match in _patterns()["generic_agreement"].finditer(lower):
        if not any(s <= match.start() < e for s, e, _, _ in found) and status:
            found.append((match.start(), match.end(), text[match.start():match.end()], None))
    for match in _patterns()["acronym_reference"].finditer(text):
        acronym = match.group(1)
        if not any(s <= match.start(1) < e for s, e, _, _ in found) and acronym not in ("USD", "EUR"):
            found.append((match.start(1), match.end(1), "", acronym))
    mentions = []
    for start, end, system, acronym in found:
        codes = _nearest_pair(parties, start, end)
        year = _year(dates, start, end) if status == "signed" else None
        mentions.append((start, end, _Mention(
            kind="agreement", buyer=None, seller=None,
            system=system or None, category="other", model=None, quantity=None, money=None, year=year,
            status=status, suppliers=(), sentence=sentence.index, acronym=acronym, countries=codes)))
    return mentions


def _nearest_pair(parties: Sequence[_Party], start: int, end: int) -> tuple[str, ...]:
    codes: list[str] = []
    for party in sorted(parties, key=lambda p: max(0, p.start - end, start - p.end)):
        if party.code not in codes:
            codes.append(party.code)
    return tuple(codes[:2])


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _same_deal(group: list[_Mention], mention: _Mention) -> bool:
    for other in group:
        if not (_compatible(other.buyer, mention.buyer) and _compatible(other.seller, mention.seller)):
            return False
        for field in ("quantity", "model", "year"):
            if not _compatible(getattr(other, field), getattr(mention, field)):
                return False
    categories = {m.category for m in group if m.category} | {mention.category}
    return len(categories) == 1 or (len(categories) == 2 and frozenset(categories) in _compatible_categories())


def _nearest_group(groups: list[list[_Mention]], sentence: int) -> list[_Mention] | None:
    def distance(group: list[_Mention]) -> tuple[int, bool]:
        gap = min(abs(m.sentence - sentence) for m in group)
        return gap, min(m.sentence for m in group) > sentence
    return min(groups, key=distance, default=None)


def _merge(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group the mentions of one deal: agreements by name or acronym, equipment by parties and category."""
    groups: list[list[_Mention]] = []
    named = [m for m in mentions if m.kind == "agreement" and m.system]
    equipment = [m for m in mentions if m.kind != "agreement" and m.system]
    by_acronym = [m for m in mentions if m.kind == "agreement" and not m.system]
    companions = [m for m in mentions if m.kind != "agreement" and not m.system]
    for mention in named:
        key = mention.acronym or mention.system.lower()
        target = next((g for g in groups if (g[0].acronym or g[0].system.lower()) == key), None)
        target.append(mention) if target else groups.append([mention])
    for mention in equipment:
        candidates = [g for g in groups if g[0].kind != "agreement" and _same_deal(g, mention)]
        target = _nearest_group(candidates, mention.sentence)
        target.append(mention) if target else groups.append([mention])
    for mention in by_acronym:
        target = next((g for g in groups if g[0].acronym == mention.acronym), None)
        target.append(mention) if target else groups.append([mention])
    for mention in companions:
        candidates = [g for g in groups if g[0].kind != "agreement" and _same_deal(g, replace(mention, category=None))
                      and set(mention.countries) <= {c for m in g for c in (m.buyer, m.seller) if c} | set()]
        target = _nearest_group(candidates, mention.sentence)
        if target:
            target.append(mention)
    return groups


def _first(group: Sequence[_Mention], field: str):
    return next((getattr(m, field) for m in group if getattr(m, field) is not None), None)


def _deal(group: list[_Mention], published: date | None) -> Deal:
    kinds = {m.kind for m in group}
    kind = next(k for k in ("agreement", "co-production", "purchase") if k in kinds)
    main = max(group, key=lambda m: len(m.system or ""))
    system = main.system or (f"thỏa thuận {main.acronym}" if main.acronym else "")
    statuses = [m.status for m in group if m.status]
    status = max(statuses, key=_STATUS_RANK.__getitem__) if statuses else "signed"
    year = _first(group, "year")
    if year is None and kind == "agreement" and status == "signed" and published:
        year = published.year
    money = _first(group, "money")
    return Deal(
        kind=kind, buyer=_first(group, "buyer"), seller=_first(group, "seller"), system=system,
        category=main.category or "other", status=status,
        suppliers=tuple(dict.fromkeys(s for m in group for s in m.suppliers)),
        quantity=_first(group, "quantity"),
        value_usd=money.value_usd if money else None, value_qualifier=money.qualifier if money else None,
        value_amount=money.amount if money else None, value_currency=money.currency if money else None,
        year=year, evidence=tuple(sorted({m.sentence for m in group})))


def _orient(deal: Deal, group: list[_Mention], oriented: Mapping[frozenset[str], tuple[str, str]],
            main_pair: tuple[str, ...]) -> Deal:
    """Give an agreement its buyer and seller: the direction of the article's other deals, else the larger exporter sells."""
    if deal.buyer and deal.seller:
        return deal
    codes = list(dict.fromkeys(c for m in group for c in m.countries))
    codes = [c for c in codes if c not in (deal.buyer, deal.seller)]
    pair = [c for c in (deal.buyer, deal.seller) if c] + codes
    if len(pair) < 2:
        pair = list(dict.fromkeys(pair + list(main_pair)))
    if len(pair) < 2:
        return deal
    pair = pair[:2]
    known = oriented.get(frozenset(pair))
    if known:
        buyer, seller = known
    else:
        rank = _exporter_rank()
        seller, buyer = sorted(pair, key=lambda c: rank.get(c, len(rank)))
    return replace(deal, buyer=buyer, seller=seller)


def find_deals(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]],
               date_hits: Mapping[int, Sequence[DateHit]], published: date | None) -> tuple[Deal, ...]:
    """Every distinct deal the article's main text reports, one record per deal however often it is named."""
    mentions = [m for s in sentences
                for m in _sentence_mentions(s, country_hits.get(s.index, ()), date_hits.get(s.index, ()), published)]
    if not mentions:
        return ()
    groups = _merge(mentions)
    deals = [_deal(group, published) for group in groups]
    oriented = {frozenset((d.buyer, d.seller)): (d.buyer, d.seller) for d in deals
                if d.kind != "agreement" and d.buyer and d.seller}
    counts = Counter(h.code for hits in country_hits.values() for h in hits)
    main_pair = tuple(code for code, _ in counts.most_common(2))
    deals = [_orient(d, g, oriented, main_pair) if d.kind == "agreement" else d for d, g in zip(deals, groups)]
    kept = [d for d in deals if d.buyer and d.seller and d.buyer != d.seller]
    return tuple(sorted(kept, key=lambda d: d.evidence[0]))
