"""Arms purchases, co-production and defence agreements as `Deal` records."""

from __future__ import annotations

import json
import operator
import re
from re import _constants as sre, _parser as sre_parse
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache, reduce
from importlib.resources import files
from itertools import islice
from typing import NamedTuple

from newsfacts.extract.clauses import clause_around, clause_breaks
from newsfacts.extract.companies import CompanyHit, company_country, find_companies
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit
from newsfacts.extract.lowered import lowered_article
from newsfacts.extract.money import STATED, MoneyHit, find_money, to_usd
from newsfacts.extract.prefilter import Prefiltered, alternation, any_alternative, prefiltered, required_literals
from newsfacts.records import Deal, Money, Sentence

MAX_MENTIONS = 400
_STATUS_RANK = {"proposed": 1, "negotiating": 2, "signed": 3, "delivered": 4, "cancelled": 5}
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "một": 1}
_QUANTITY = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d{1,6}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:(?:chiếc|tổ hợp|hệ thống|bộ|khẩu đội|khẩu|đơn vị|lô|tàu|xe|quả|hỏa lực|tiểu đoàn|phi đội)\s+)?$")
_HEDGED = prefiltered(r"(?:hơn|khoảng|gần|trên|ước tính|xấp xỉ)\s+$")
_COUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d{1,6})\s+(?:chiếc|khẩu|tổ hợp|hệ thống|bộ|quả|xe|tàu)(?!\w)")
_STOP_WORDS = frozenset(
    "do từ của để với trị bất nhằm theo tới sang vào trong và cũng đang đã sẽ được là mà thuộc nhưng hoặc tại ở "
    "khi sau trước bao gồm cho thay nên vì nếu như này đó kể nhận mua bán ký cung đặt giao chuyển sản nhập xuất "
    "đóng dự lớn đầu hiện còn thứ trên".split())
_STOP_PAIRS = frozenset({"có thể", "trị giá", "bao gồm", "kéo dài", "có giá"})
_TRAILING = ",.;:!?\"'“”"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2}")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\S+")
_SIGN = prefiltered(r"\bký\b")
_ORDER = prefiltered(r"\bký\b|đặt hàng|đặt mua")
_PASSIVE = prefiltered(r"\bđược\s+$")
_COORDINATION = re.compile(r"\s*(?:và|-|,)\s*")
_MUTUAL = prefiltered(r"\bhai (?:bên|nước|phía)\b")
_CONTRACT = prefiltered(r"hợp đồng|thỏa thuận")
# "180 chiếc K2, với giá trị khoảng 9.000 tỷ won": a price in the next clause makes the equipment traded.
_PRICED_NEXT = re.compile(r"[,;]\s*(?:với |có )?(?:tổng )?(?:giá trị|trị giá)\b")
_MAKER_DESCRIPTION = re.compile(
    r"\s*,?\s*(?:được\s+|vốn\s+|là sản phẩm\s+)?(?:(?:sản xuất|chế tạo|phát triển|thiết kế)\s+bởi"
    r"|do\s+[^,.;]{1,60}?\s+(?:cùng\s+|hợp tác\s+|liên doanh\s+|phối hợp\s+)?(?:sản xuất|chế tạo|phát triển|thiết kế))")
# A sentence that opens by going back in time tells of an earlier deal.
_RECALLED = re.compile(r"\W*(?:trước đó|trước đây|hồi)\b")


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
    mutual: bool = False
    recalled: bool = False
    headline: bool = False


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
def _patterns() -> dict:
    """The vocabulary patterns; those most sentences cannot match sit behind their literal prefilter, and the trade
    trigger, asked of every sentence, looks for its plain words in one pass."""
    verbs = _verbs()
    plain = ("buy_verbs", "sell_verbs", "named_agreement_excluded", "acronym_reference")
    filtered = ("not_a_deal", "co_production", "framework", "partner_production", "platform",
                "not_traded_before", "contract_words", "cancels_other", "generic_agreement")
    compiled = ({name: _guarded(verbs[name]) for name in plain}
                | {name: _guarded_prefiltered(verbs[name]) for name in filtered})
    compiled["trigger"] = any_alternative(verbs["trigger"], _guarded)
    compiled["named_agreement"] = prefiltered(verbs["named_agreement"])
    compiled["local_production"] = prefiltered(verbs["local_production"])
    compiled["in_service"] = prefiltered(verbs["in_service"])
    compiled["status"] = [(status, _guarded_prefiltered(pattern)) for status, pattern in verbs["status"]]
    compiled["buyer_before_verb"] = re.compile(_AUXILIARY + "(?:" + verbs["buy_verbs"] + ")")
    compiled["seller_before_verb"] = re.compile(_AUXILIARY + "(?:" + verbs["sell_verbs"] + ")")
    weapons = _weapons()
    compiled["head"] = _guarded(r"(?<!\w)(?:" + alternation(weapons["heads"]) + r")(?!\w)")
    compiled["model"] = _guarded(r"(?<![\w-])(" + alternation(weapons["models"]) + r")[A-Z0-9]{0,3}(?![\w])")
    return compiled


def _guarded(pattern: str) -> re.Pattern[str]:
    """`pattern` behind a lookahead on the characters a match can start with, when they are known: the engine then
    skips every other position at once instead of trying each branch of a long alternation there. When some of them
    match in either case, the lookahead ignores case for all of them: a wider test, still one every match passes."""
    parsed = sre_parse.parse(pattern)
    start = _first_chars(parsed, bool(parsed.state.flags & re.IGNORECASE))
    if start is None or not start.chars:
        return re.compile(pattern)
    chars = "[" + "".join(map(re.escape, sorted(start.chars))) + "]"
    return re.compile(f"(?={f'(?i:{chars})' if start.any_case else chars})(?:{pattern})")


def _guarded_prefiltered(pattern: str) -> Prefiltered:
    """`pattern` guarded, behind the substring test that rules out at once the many sentences it cannot match."""
    return Prefiltered(_guarded(pattern), required_literals(re.compile(pattern)))


class _Start(NamedTuple):
    """The characters a match can start with, and whether some of them match in either case."""

    chars: frozenset[str]
    any_case: bool = False

    def __or__(self, other: _Start) -> _Start:
        return _Start(self.chars | other.chars, self.any_case or other.any_case)


def _first_chars(items, any_case: bool = False) -> _Start | None:
    """How a match of the parsed pattern `items` can start; None when that is not a short list of characters."""
    for i, (op, av) in enumerate(items):
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            return _Start(frozenset(chr(av)), any_case)
        if op is sre.IN:
            return _Start(frozenset(chr(v) for o, v in av), any_case) if all(o is sre.LITERAL for o, _ in av) else None
        if op is sre.BRANCH:
            branches = [_first_chars(branch, any_case) for branch in av[1]]
            return None if None in branches else reduce(operator.or_, branches)
        if op is sre.SUBPATTERN:
            add_flags, del_flags = av[1], av[2]
            return _first_chars(av[3], bool(add_flags & re.IGNORECASE or any_case and not del_flags & re.IGNORECASE))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner = _first_chars(av[2], any_case)
            rest = _first_chars(items[i + 1:], any_case) if av[0] == 0 else _Start(frozenset())
            return None if inner is None or rest is None else inner | rest
        return None
    return None


@cache
def _compatible_categories() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in _weapons()["compatible"])


@lru_cache(maxsize=4096)
def _status(lower: str) -> str | None:
    return next((status for status, pattern in _patterns()["status"] if pattern.search(lower)), None)


@lru_cache(maxsize=256)
def _system_spans(text: str, lower: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """(start, end, category, model) of each equipment phrase: head noun, its modifiers, a model designation."""
    heads = [(m.start(), m.end(), _weapons()["heads"][m.group()]) for m in _patterns()["head"].finditer(lower)]
    models = [(m.start(), m.end(), m.group(1)) for m in _patterns()["model"].finditer(text)]
    spans: list[tuple[int, int, str, str | None]] = []
    position = 0
    candidates = heads + [(s, e, _weapons()["models"][g]["category"]) for s, e, g in models]
    for start, head_end, category in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < position:
            continue
        end = _phrase_end(text, lower, head_end)
        model = next((g for s, e, g in models if start <= s and e <= end), None)
        category = _weapons()["models"][model]["category"] if model else _phrase_category(lower, start, end, heads)
        spans.append((start, end, category, model))
        position = end
    return tuple(sorted(spans))


def _phrase_category(lower: str, start: int, end: int, heads) -> str:
    """The category of the phrase's head noun, or of a longer head overlapping it ("hệ thống tên lửa đất đối không")."""
    first = [h for h in heads if h[0] == start]
    overlapping = [h for h in heads if start <= h[0] < first[0][1] and h[1] <= end] if first else []
    return max(overlapping or first, key=lambda h: h[1] - h[0])[2] if first else "other"


def _phrase_end(text: str, lower: str, position: int) -> int:
    end = position
    words = list(islice(_WORD.finditer(text[position:]), 11))
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
    """The count before the equipment; a hedged one ("hơn 600.000 khẩu") gives way to an exact count of the same
    size later in the sentence ("tổng số súng là 601.427 khẩu")."""
    window = lower[max(0, start - 30):start]
    match = _QUANTITY.search(window)
    if not match:
        return None
    value = match.group(1).replace(".", "")
    quantity = int(value) if value.isdigit() else _NUMBER_WORDS[value]
    if _HEDGED.search(window, 0, match.start()):
        exact = (int(m.group(1).replace(".", "")) for m in _COUNT.finditer(lower, start))
        quantity = next((n for n in exact if 0.9 * quantity <= n <= 1.1 * quantity), quantity)
    return quantity


class _Party(NamedTuple):
    """A country or a maker named in the sentence; a named tuple, as the sentence's parties key several caches."""

    code: str
    start: int
    end: int
    company: bool = False


def _parties(hits: Sequence[CountryHit], companies: Sequence[CompanyHit]) -> list[_Party]:
    parties = [_Party(h.code, h.start, h.end) for h in hits]
    parties += [_Party(c.country, c.start, c.end, company=True) for c in companies]
    return sorted(parties, key=lambda p: p.start)


_AUXILIARY = (r"(?:\s+(?:đã|sẽ|đang|vừa|cũng|dự kiến|muốn|quyết định|có kế hoạch|đồng ý|chính thức|hiện|"
              r"thể hiện sự|bày tỏ sự|tiếp tục|từng|đàm phán(?: về việc)?|tìm cách|lên kế hoạch|cân nhắc|xem xét|"
              r"thông qua đề xuất|ngày \d{1,2}/\d{1,2}))*\s+")
_FROM = prefiltered(r"\btừ\s+(?:phía\s+)?$")
_MADE_BY = prefiltered(r"\bdo\s+(?:tập đoàn\s+|công ty\s+|hãng\s+)?$")
_MADE = re.compile(r"\s+(?:sản xuất|chế tạo|phát triển|cung cấp|đóng|thiết kế|thực hiện)")
_TO = prefiltered(r"\b(?:cho|sang)\s+(?!biết|hay|rằng|thấy|phép)(?:(?!của\b)\S+\s+){0,4}$")
_WITH = prefiltered(r"\bký\b[^.;]{0,100}?\bvới\s+(?:(?:các\s+)?(?:công ty|tập đoàn|doanh nghiệp|hãng|nhà sản xuất|chính phủ"
                    r"|cơ quan(?: mua sắm)?|bộ|lực lượng|quân đội|hải quân|không quân|lục quân)\s+)?(?:quốc phòng\s+)?$")
_OF = prefiltered(r"\bcủa\s+$")
# "Mỹ sẵn sàng giúp Australia sản xuất tên lửa": the helper sells the know-how, the helped country builds.
_HELPED = re.compile(r"\b(?:giúp|giúp đỡ|hỗ trợ)\s+$")
_HELP_REACH = 60
_BUILD = r"(?:tự\s+)?(?:sản xuất|chế tạo|phát triển|đóng|lắp ráp)\b"
_BUILDS = re.compile(r"\s+" + _BUILD)
_HELPS = re.compile(_AUXILIARY.replace("+", "*", 1) + r"(?:sẵn sàng\s+)?(?:giúp|giúp đỡ|hỗ trợ)\s+(?:\S+\s+){1,3}?"
                    + _BUILD)
# "bán cho Ba Lan 48 máy bay FA-50": the recipient named just before the equipment and its count.
_RECIPIENT_BEFORE = 12
_MADE_AT = prefiltered(r"(?:sản xuất|lắp ráp|đóng)\b[^.,;]{0,60}\btại\s+$")


@dataclass(frozen=True)
class _Cues:
    buyer: str | None = None
    seller: str | None = None
    genitive: str | None = None
    signed_by: tuple[str | None, str | None] = (None, None)
    makers: tuple[str, ...] = ()


class _PartyCues(NamedTuple):
    """What the words around one party say of its role, whatever the equipment."""

    after_from: bool
    made_by: bool
    after_to: bool
    made_at: bool
    after_of: bool
    buys: bool
    sells: bool
    helped: bool
    helps: bool


@lru_cache(maxsize=256)
def _party_cues(lower: str, parties: tuple[_Party, ...]) -> tuple[_PartyCues, ...]:
    """The cues of every party of a sentence, read once however many equipment phrases it names."""
    buy, sell = _patterns()["buyer_before_verb"], _patterns()["seller_before_verb"]
    helping = "giúp" in lower or "hỗ trợ" in lower
    cues = []
    for party in parties:
        before = lower[max(0, party.start - 80):party.start]
        after = " " + lower[party.end:party.end + 50]
        cues.append(_PartyCues(
            after_from=_FROM.search(before[-15:]) is not None,
            made_by=_MADE_BY.search(before[-25:]) is not None and _MADE.match(lower, party.end) is not None,
            after_to=_TO.search(before[-30:]) is not None, made_at=_MADE_AT.search(before) is not None,
            after_of=_OF.search(before[-8:]) is not None,
            buys=buy.match(after) is not None, sells=sell.match(after) is not None,
            helped=helping and _HELPED.search(before[-15:]) is not None and _BUILDS.match(after) is not None,
            helps=helping and _HELPS.match(after) is not None))
    return tuple(cues)


def _explicit_roles(lower: str, parties: tuple[_Party, ...], start: int, end: int) -> _Cues:
    """Roles the words around each party give: "từ X", "do X sản xuất", "cho X", "sản xuất tại X", "X mua", "X bán"."""
    buyer = seller = genitive = None
    makers: tuple[str, ...] = ()
    for party, cue in zip(parties, _party_cues(lower, parties)):
        if buyer and seller and genitive:
            break
        if cue.after_from and 0 <= party.start - end <= 60:
            seller = seller or party.code
        elif cue.made_by:
            seller = seller or party.code
        elif (cue.after_to and (party.start >= start or 0 <= start - party.end <= _RECIPIENT_BEFORE)
              or cue.made_at) and not party.company:
            buyer = buyer or party.code
        elif cue.after_of and 0 <= party.start - end <= 6:
            joint = _joint_makers(lower, parties, party)
            if joint:
                makers = joint
            else:
                genitive = genitive or party.code
        elif not party.company and cue.buys:
            buyer = buyer or party.code
        elif cue.sells:
            seller = seller or party.code
        elif (cue.helped or cue.helps) and 0 <= start - party.end <= _HELP_REACH:
            if cue.helped and not party.company:
                buyer = buyer or party.code
            elif cue.helps:
                seller = seller or party.code
    return _Cues(buyer, seller, genitive, _signatories(lower, parties), makers)


def _joint_makers(lower: str, parties: Sequence[_Party], first: _Party) -> tuple[str, ...]:
    """"BrahMos của Nga-Ấn", "... của Nga và Ấn Độ": the countries of a joint maker, never its buyer."""
    following = next((p for p in parties if p.start >= first.end), None)
    if following is None or following.code == first.code or not _COORDINATION.fullmatch(lower, first.end, following.start):
        return ()
    return first.code, following.code


@lru_cache(maxsize=256)
def _signatories(lower: str, parties: tuple[_Party, ...]) -> tuple[str | None, str | None]:
    """In "A ký ... với B": A sells when a selling verb comes between ("ký hợp đồng cung cấp ... với B"), buys when a
    buying one does; else a company A sells to B's country and a government A buys from B. The same for every
    equipment phrase of the sentence, so worked out once."""
    counterpart = next((p for p in parties if _WITH.search(lower[max(0, p.start - 160):p.start])), None)
    sign = _SIGN.search(lower)
    if counterpart is None or sign is None:
        return None, None
    signers = [p for p in parties if p.end <= sign.start()]
    if not signers or signers[-1].code == counterpart.code:
        return None, counterpart.code
    signer = signers[-1]
    between = lower[sign.end():counterpart.start]
    if _patterns()["sell_verbs"].search(between):
        return counterpart.code, signer.code
    if _patterns()["buy_verbs"].search(between):
        return signer.code, counterpart.code
    company_signer = any(p.company for p in signers)
    return (counterpart.code, signer.code) if company_signer else (signer.code, counterpart.code)


def _roles(lower: str, parties: tuple[_Party, ...], start: int, end: int,
           maker: str | None) -> tuple[str | None, str | None]:
    """(buyer, seller) from explicit cues, the model's maker, the subject of the verb, then the one other country."""
    cues = _explicit_roles(lower, parties, start, end)
    signer_buyer, signer_seller = cues.signed_by
    if maker is not None and maker == signer_buyer:
        signer_buyer, signer_seller = signer_seller, signer_buyer
    seller = cues.seller or maker or (cues.makers[0] if cues.makers else None) or signer_seller
    buyer = cues.buyer or signer_buyer
    buyer = buyer if buyer != seller else None
    buyer = buyer or _subject(lower, parties, _verb_starts(lower, "buy_verbs"), seller, True, start)
    seller = seller or _subject(lower, parties, _verb_starts(lower, "sell_verbs"), buyer, False, start)
    if cues.genitive and cues.genitive != buyer:
        if seller is None:
            seller = cues.genitive
        elif buyer is None and cues.genitive != seller:
            buyer = cues.genitive
    if buyer is None and seller is None:
        buyer, seller = _domestic_partner(parties)
    if seller is None:
        seller = next((p.code for p in parties if p.company and p.code != buyer), None)
    others = {p.code for p in parties if not p.company} - {buyer, seller} - set(cues.makers)
    if len(others) == 1 and (buyer is None) != (seller is None):
        (other,) = others
        buyer, seller = (other, seller) if buyer is None else (buyer, other)
    return buyer, seller


def _domestic_partner(parties: Sequence[_Party]) -> tuple[str | None, str | None]:
    """"New Delhi đàm phán với Mazagon Dock và đối tác TKMS của Đức": the subject country works with its own maker,
    so the maker of another country is the seller."""
    subject = parties[0] if parties and not parties[0].company else None
    makers = {p.code for p in parties if p.company}
    if subject is None or subject.code not in makers or len(makers) != 2:
        return None, None
    (foreign,) = makers - {subject.code}
    return subject.code, foreign


@lru_cache(maxsize=256)
def _verb_starts(lower: str, verbs: str) -> tuple[int, ...]:
    """Where the buying (or selling) verbs of a sentence start, found once for all its equipment phrases."""
    return tuple(m.start() for m in _patterns()[verbs].finditer(lower))


def _subject(lower: str, parties: Sequence[_Party], verb_starts: tuple[int, ...], exclude: str | None,
             countries_only: bool, anchor: int) -> str | None:
    """The party right before the buying (or selling) verb nearest the equipment: "Ấn Độ đã ký ... để mua"."""
    for verb_start in sorted(verb_starts, key=lambda v: (v > anchor, abs(anchor - v))):
        if _PASSIVE.search(lower, 0, verb_start):
            continue
        before = [p for p in parties if p.end <= verb_start and p.code != exclude
                  and not (countries_only and p.company)]
        if not before:
            continue
        last = before[-1]
        coordinated = len(before) > 1 and _COORDINATION.fullmatch(lower, before[-2].end, last.start)
        return None if coordinated and before[-2].code != last.code else last.code
    return None


def _year(dates: Sequence[DateHit], start: int, end: int) -> int | None:
    dated = [d for d in dates if d.value]
    if not dated:
        return None
    nearest = min(dated, key=lambda d: d.start - end if d.start >= end else (start - d.end) * 1.2)
    return int(nearest.value[:4])


def _order_year(lower: str, dates: Sequence[DateHit], start: int, end: int, status: str | None) -> int | None:
    """The year nearest the signing ("Năm 2014, Manila đã ký"), else, for a signing, nearest the equipment."""
    sign = _ORDER.search(lower)
    if sign is None:
        return _year(dates, start, end) if status == "signed" else None
    left, right = _clause(lower, sign.start(), sign.end())
    left = _clause(lower, max(0, left - 2), max(0, left - 2))[0] if left else 0
    return _year([d for d in dates if left <= d.start < right], sign.start(), sign.end())


def _money_date(dates: Sequence[DateHit], published: date | None) -> date | None:
    """Convert at the year the sentence names, if any, else at publication."""
    years = [int(d.value[:4]) for d in dates if d.value and _YEAR.search(d.text)]
    return date(years[0], 7, 1) if years else published


def _money(hits, start: int, end: int, left: int, right: int) -> Money | None:
    in_clause = [h for h in hits if left <= h.start < right] or hits
    if not in_clause:
        return None
    return min(in_clause, key=lambda h: abs(h.start - end) if h.start >= end else abs(start - h.end)).money


_CLAUSE_BREAK = clause_breaks(",;", ("nhưng", "sau khi", "trong khi", "còn"))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    return clause_around(_CLAUSE_BREAK, text, start, end)


def _clause_status(lower: str, clause: tuple[int, int], other_clauses: Sequence[tuple[int, int]]) -> str | None:
    """The stage cue of the system's own clause, else of the sentence outside the other systems' clauses."""
    own = _status(lower[clause[0]:clause[1]])
    outside, cursor = [], 0
    for a, b in sorted(c for c in set(other_clauses) if c != clause):
        outside.append(lower[cursor:a] if a > cursor else "")
        cursor = max(cursor, b)
    outside = _without_cancelled_tenders(" ".join(outside + [lower[cursor:]]))
    wide = _status(outside)
    if own is None or wide in ("delivered", "cancelled") and _STATUS_RANK[wide] > _STATUS_RANK[own]:
        return wide
    return own


def _without_cancelled_tenders(text: str) -> str:
    cancels = _patterns()["cancels_other"]
    return cancels.pattern.sub(" ", text) if cancels.may_match(text) else text


@dataclass(frozen=True)
class _Context:
    """What every mention of one sentence shares."""

    sentence: Sentence
    lower: str
    parties: tuple[_Party, ...]
    suppliers: tuple[str, ...]
    dates: tuple[DateHit, ...]
    money: tuple[MoneyHit, ...]


def _trade_sentences(sentences: Sequence[Sentence]) -> Iterator[tuple[Sentence, str]]:
    """Each sentence that names a trade and no aid or treaty, with its lowered text: every deal rule needs both, so
    the few sentences kept are the only ones the rest of the extractor reads."""
    trigger, not_a_deal = _patterns()["trigger"], _patterns()["not_a_deal"]
    lowered = lowered_article(sentences)
    for position in trigger.found_in(lowered):
        lower = lowered.sentence(position)
        if not not_a_deal.search(lower):
            yield sentences[position], lower


def _sentence_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                       published: date | None) -> list[_Mention]:
    """Deal mentions of one trade sentence: named agreements, each traded equipment phrase, or a maker's contract."""
    text = sentence.text
    if not (_system_spans(text, lower) or _patterns()["contract_words"].search(lower) or _names_agreement(text, lower)):
        return []
    companies = find_companies(text)
    money = find_money(text, _money_date(dates, published)) if _DIGIT.search(text) else []
    context = _Context(sentence, lower, tuple(_parties(hits, companies)), tuple(dict.fromkeys(c.name for c in companies)),
                       tuple(dates), tuple(money))
    agreements = _agreement_mentions(sentence, lower, context.parties, dates, _status(lower), published)
    blocked = [(start, end) for start, end, _ in agreements] + [(c.start, c.end) for c in companies]
    found = [(start, mention) for start, _, mention in agreements] + _equipment_mentions(context, blocked)
    if not found and (companies or money) and _patterns()["contract_words"].search(lower):
        found.append((0, _contract_mention(context)))
    return _as_framework([m for _, m in found], [start for start, _ in found], lower)


def _names_agreement(text: str, lower: str) -> bool:
    """Whether `_agreement_mentions` has anything to read in the sentence."""
    patterns = _patterns()
    return bool(patterns["named_agreement"].search(text) or patterns["generic_agreement"].search(lower)
                or _ACRONYM.search(text) and patterns["acronym_reference"].search(text))


def _equipment_mentions(context: _Context, blocked: Sequence[tuple[int, int]]) -> list[tuple[int, _Mention]]:
    text = context.sentence.text
    spans = [span for span in _system_spans(text, context.lower) if not any(a <= span[0] < b for a, b in blocked)]
    lower = context.lower
    undescribed = _without_maker_descriptions(lower, spans)
    items = _listed_items(lower, spans)
    clauses = [_clause(text, item.start, item.end) for item in items]
    kept = [(span, clause, item) for span, clause, item in zip(spans, clauses, items) if _traded(undescribed, clause)
            and not _patterns()["platform"].search(lower, max(0, span[0] - 30), span[0])
            and not _patterns()["not_traded_before"].search(lower, max(0, span[0] - 40), span[0])]
    clauses = [clause for _, clause, _ in kept]
    mutual = _MUTUAL.search(lower) is not None
    mentions = []
    for (start, end, category, model), clause, item in kept:
        buyer, seller = _roles(lower, context.parties, start, end, _maker_country(model) if model else None)
        status = _clause_status(lower, clause, clauses)
        money = _money(context.money, start, end, *clause) if item.alone else _own_money(context.money, item)
        mentions.append((start, _Mention(
            kind=_kind(undescribed, start, end, clause, context.parties, buyer), buyer=buyer, seller=seller,
            system=text[start:end], category=category, model=model, quantity=_quantity(lower, start),
            money=money,
            year=_order_year(lower, context.dates, start, end, status) if status in ("signed", "delivered") else None,
            status=status, suppliers=context.suppliers, sentence=context.sentence.index, mutual=mutual,
            recalled=_RECALLED.match(lower) is not None)))
    return mentions


class _Item(NamedTuple):
    """Where an equipment phrase stands for clause purposes: a phrase listed with others ("180 xe tăng K2, 212 pháo
    tự hành K9 và 48 FA-50") reads its clause from the start of the list; `own_end` is where its own item ends."""

    start: int
    end: int
    own_end: int
    alone: bool


_LIST_LINK = re.compile(r"\s*(?:,\s*(?:và\s+|cùng\s+)?|\s(?:và|cùng|cũng như)\s+)"
                        r"(?:(?:khoảng|gần|hơn|thêm)\s+)?(?:\d{1,3}(?:\.\d{3})*|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)?"
                        r"\s*(?:(?:chiếc|tổ hợp|hệ thống|bộ|khẩu|quả|xe|tàu|đơn vị)\s+)?$")


def _without_maker_descriptions(lower: str, spans: Sequence[tuple[int, int, str, str | None]]) -> str:
    """The sentence with each phrase that says who makes a system ("BrahMos sản xuất bởi ...", "do Nga và Ấn Độ hợp
    tác sản xuất") blanked out: it names the maker, so it neither trades the system nor makes a deal co-production."""
    for _, end, _, _ in spans:
        described = _MAKER_DESCRIPTION.match(lower, end)
        if described:
            lower = lower[:described.start()] + " " * (described.end() - described.start()) + lower[described.end():]
    return lower


def _listed_items(lower: str, spans: Sequence[tuple[int, int, str, str | None]]) -> list[_Item]:
    """Each equipment phrase as an item of the list it belongs to (a list of one when it stands alone)."""
    linked = [i > 0 and _LIST_LINK.match(lower, spans[i - 1][1], span[0]) is not None
              and _LIST_LINK.match(lower, spans[i - 1][1], span[0]).end() == span[0] for i, span in enumerate(spans)]
    items: list[_Item] = []
    first = 0
    for i, span in enumerate(spans):
        if not linked[i]:
            first = i
        last = i
        while last + 1 < len(spans) and linked[last + 1]:
            last += 1
        own_end = spans[i + 1][0] if i < last else spans[i][1]
        items.append(_Item(spans[first][0], spans[last][1], own_end, first == last))
    return items


def _own_money(money: Sequence[MoneyHit], item: _Item) -> Money | None:
    """A listed system's value is only one written inside its own item ("48 FA-50 trị giá 3 tỷ USD"): a total
    before or after the list is the package's (SPEC: it stays off the systems)."""
    return next((hit.money for hit in money if item.start <= hit.start < item.own_end), None)


def _contract_mention(context: _Context) -> _Mention:
    """A contract that names no equipment ("thỏa thuận giữa GE và HAL", "hợp đồng ... trị giá 100 triệu USD"):
    it joins a deal nearby."""
    lower = context.lower
    buyer, seller = _roles(lower, context.parties, 0, 0, None)
    status = _status(lower)
    year = _order_year(lower, context.dates, 0, 0, status) if status in ("signed", "delivered") else None
    kind = _kind(lower, 0, 0, (0, len(lower)), context.parties, buyer)
    return _Mention(kind, buyer, seller, None, None, None, None, _money(context.money, 0, 0, 0, len(lower)),
                    year, status, context.suppliers, context.sentence.index,
                    countries=tuple(dict.fromkeys(p.code for p in context.parties)))


def _traded(lower: str, clause: tuple[int, int]) -> bool:
    """Equipment counts when a trade word is in its clause or the clause before ("hạ cánh" alone is not a deal)."""
    previous_start = _clause(lower, max(0, clause[0] - 2), max(0, clause[0] - 2))[0] if clause[0] else 0
    return (_patterns()["trigger"].found(lower, previous_start, clause[1])
            or _PRICED_NEXT.match(lower, clause[1]) is not None)


def _kind(lower: str, start: int, end: int, clause: tuple[int, int], parties: Sequence[_Party],
          buyer: str | None) -> str:
    """Co-production when a joint-production cue governs the equipment, or a contract has it made in the buyer's country."""
    if _patterns()["co_production"].search(lower, clause[0], clause[1]) or _patterns()["partner_production"].search(lower, end):
        return "co-production"
    made_in_buyer = any(p.code == buyer and p.start >= end
                        and _patterns()["local_production"].search(lower, max(0, p.start - 90), p.start) for p in parties)
    return "co-production" if made_in_buyer and _CONTRACT.search(lower) else "purchase"


def _as_framework(mentions: list[_Mention], starts: list[int], lower: str) -> list[_Mention]:
    """Equipment named inside a framework or cooperation agreement is that agreement, not separate purchases; when
    the sentence already names the agreement, the equipment is what the agreement covers and adds nothing.

    The agreement's stage is read before the equipment ("thỏa thuận khung mà ... ký").
    """
    framework = _patterns()["framework"].search(lower)
    if not framework:
        return mentions
    equipment = [m for m, start in zip(mentions, starts) if m.kind == "purchase" and m.system and start > framework.end()]
    if not equipment:
        return mentions
    rest = [m for m in mentions if m not in equipment]
    if any(m.kind == "agreement" for m in rest):
        return rest
    status = _status(lower[:starts[mentions.index(equipment[0])]]) or equipment[0].status
    first = replace(equipment[0], status=status, year=equipment[0].year if status == "signed" else None)
    if len(equipment) == 1:
        return rest + [replace(first, kind="agreement")]
    return rest + [replace(first, kind="agreement", system=framework.group(), category="other", quantity=None,
                           model=None)]


def _maker_country(model: str) -> str | None:
    return company_country(_weapons()["models"][model]["maker"])


def _agreement_mentions(sentence: Sentence, lower: str, parties: Sequence[_Party], dates: Sequence[DateHit],
                        status: str | None, published: date | None) -> list[tuple[int, int, _Mention]]:
    text = sentence.text
    found: list[tuple[int, int, str, str | None]] = []
    excluded: list[tuple[int, int, str, str | None]] = []
    for match in _patterns()["named_agreement"].finditer(text):
        not_a_deal = _patterns()["named_agreement_excluded"].search(match.group())
        (excluded if not_a_deal else found).append((match.start(), match.end(), match.group(), match.group(1)))
    for match in _patterns()["generic_agreement"].finditer(lower):
        if not any(s <= match.start() < e for s, e, _, _ in found + excluded) and status:
            found.append((match.start(), match.end(), text[match.start():match.end()], None))
    for match in _patterns()["acronym_reference"].finditer(text) if _ACRONYM.search(text) else ():
        acronym = match.group(2)
        if not any(s <= match.start(2) < e for s, e, _, _ in found) and acronym not in _excluded_acronyms():
            found.append((match.start(2), match.end(2), "" if match.group(1) else "?", acronym))
    mentions = []
    for start, end, system, acronym in found:
        if acronym in _excluded_acronyms():
            continue
        codes = _nearest_pair(parties, start, end)
        year = _year(dates, start, end) if status == "signed" else None
        mentions.append((start, end, _Mention(
            kind="agreement" if system != "?" else "reference", buyer=None, seller=None,
            system=system if system not in ("", "?") else None, category="other", model=None, quantity=None, money=None, year=year,
            status=status, suppliers=(), sentence=sentence.index, acronym=acronym, countries=codes)))
    return mentions


@cache
def _excluded_acronyms() -> frozenset[str]:
    return frozenset(_verbs()["not_deal_acronyms"])


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
        if _earlier_and_pending(other, mention) or _earlier_and_pending(mention, other):
            return False
        if not (_compatible(other.buyer, mention.buyer) and _compatible(other.seller, mention.seller)):
            return False
        for field in ("quantity", "model", "year"):
            if not _compatible(getattr(other, field), getattr(mention, field)):
                return False
        if other.money and mention.money and not _same_value(other.money, mention.money):
            return False
    categories = {m.category for m in [*group, mention] if m.category}
    return len(categories) <= 1 or (len(categories) == 2 and frozenset(categories) in _compatible_categories())


def _earlier_and_pending(recalled: _Mention, current: _Mention) -> bool:
    """"Trước đó, hai nước đã ký ... năm 2022" beside a contract the headline says is still being negotiated: an
    earlier order of the same equipment is another deal."""
    return (recalled.recalled and recalled.status in ("signed", "delivered") and recalled.year is not None
            and current.headline and current.status in ("proposed", "negotiating"))


def _same_value(a: Money, b: Money) -> bool:
    if a.currency == b.currency or a.value_usd is None or b.value_usd is None:
        return a.currency == b.currency and abs(a.amount - b.amount) <= 0.05 * max(a.amount, b.amount)
    return abs(a.value_usd - b.value_usd) <= 0.05 * max(a.value_usd, b.value_usd)


def _nearest_group(groups: list[list[_Mention]], mention: _Mention) -> list[_Mention] | None:
    """The group nearest the mention, among those told in the same time (a recalled deal or the current one) when
    there are such."""
    sentence = mention.sentence
    groups = [g for g in groups if any(m.recalled == mention.recalled for m in g)] or groups

    def distance(group: list[_Mention]) -> tuple[int, bool]:
        gap = min(abs(m.sentence - sentence) for m in group)
        return gap, min(m.sentence for m in group) > sentence
    return min(groups, key=distance, default=None)


def _merge(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group the mentions of one deal: agreements by name or acronym, equipment by parties and category."""
    groups: list[list[_Mention]] = []
    named = [m for m in mentions if m.kind == "agreement" and m.system]
    equipment = [m for m in mentions if m.kind not in ("agreement", "reference") and m.system]
    by_acronym = [m for m in mentions if m.kind in ("agreement", "reference") and not m.system]
    companions = [m for m in mentions if m.kind not in ("agreement", "reference") and not m.system]
    for mention in named:
        key = mention.acronym or mention.system.lower()
        target = next((g for g in groups if (g[0].acronym or g[0].system.lower()) == key), None)
        target.append(mention) if target else groups.append([mention])
    complete = [m for m in equipment if m.buyer and m.seller]
    for mention in complete + [m for m in equipment if not (m.buyer and m.seller)]:
        candidates = [g for g in groups if g[0].kind != "agreement" and _same_deal(g, mention)]
        target = _nearest_group(candidates, mention)
        if target:
            target.append(mention)
        elif mention in complete or not any(g[0].kind != "agreement" for g in groups):
            groups.append([mention])
    for mention in by_acronym:
        target = next((g for g in groups if g[0].acronym == mention.acronym), None)
        if target:
            target.append(mention)
        elif mention.kind == "agreement":
            groups.append([mention])
    for mention in companions:
        candidates = [g for g in groups if g[0].kind != "agreement" and _same_deal(g, replace(mention, category=None))
                      and set(mention.countries) <= {c for m in g for c in (m.buyer, m.seller) if c} | set()]
        target = _nearest_group(candidates, mention)
        if target:
            target.append(mention)
    return groups


def _first(group: Sequence[_Mention], field: str):
    return next((getattr(m, field) for m in group if getattr(m, field) is not None), None)


def _deal(group: list[_Mention], published: date | None, headline: frozenset[int]) -> Deal:
    """One record from a deal's mentions; a signing the title or lead reports took place in the publication year."""
    kinds = {m.kind for m in group}
    kind = next(k for k in ("agreement", "co-production", "purchase") if k in kinds)
    main = max(group, key=lambda m: len(m.system or ""))
    system = main.system or (f"thỏa thuận {main.acronym}" if main.acronym else "")
    statuses = [m.status for m in group if m.status]
    status = max(statuses, key=_STATUS_RANK.__getitem__) if statuses else "signed"
    year = _first(group, "year")
    reported_now = kind == "agreement" or any(m.status == "signed" and m.sentence in headline for m in group)
    if year is None and status == "signed" and published and reported_now:
        year = published.year
    money = _at_deal_year(main.money or _first(group, "money"), year, published)
    return Deal(
        kind=kind, buyer=_first(group, "buyer"), seller=_first(group, "seller"), system=system,
        category=main.category or "other", status=status,
        suppliers=tuple(dict.fromkeys(s for m in group for s in m.suppliers)),
        quantity=_first(group, "quantity"),
        value_usd=money.value_usd if money else None, value_qualifier=money.qualifier if money else None,
        value_amount=money.amount if money else None, value_currency=money.currency if money else None,
        year=year, evidence=tuple(sorted({m.sentence for m in group})))


def _at_deal_year(money: Money | None, year: int | None, published: date | None) -> Money | None:
    """Foreign money converted at the rate of the deal's year, else of the publication year."""
    if money is None or money.currency == "USD" or money.rate_date == STATED:
        return money
    on = date(year, 1, 1) if year else published
    value_usd, rate_year = to_usd(money.amount, money.currency, on)
    return replace(money, value_usd=value_usd, rate_date=rate_year)


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


def _between_main_pair(mention: _Mention, main_pair: tuple[str, ...]) -> _Mention:
    """"Hai bên ký hợp đồng ...": the missing side is the other country of the article's main pair."""
    if len(main_pair) < 2 or (mention.buyer and mention.seller):
        return mention
    if mention.buyer is None and mention.seller is None:
        rank = _exporter_rank()
        seller, buyer = sorted(main_pair, key=lambda c: rank.get(c, len(rank)))
        return replace(mention, buyer=buyer, seller=seller)
    known = mention.buyer or mention.seller
    if known not in main_pair:
        return mention
    (other,) = set(main_pair) - {known}
    return replace(mention, buyer=other) if mention.buyer is None else replace(mention, seller=other)


def _other_side(deal: Deal, main_pair: tuple[str, ...]) -> Deal:
    """A deal whose mentions name one side only ("Đức sẽ tiếp nhận hệ thống Arrow 3") in an article about two
    countries: the other side is the other country of the article."""
    known = deal.buyer or deal.seller
    if (deal.buyer is None) == (deal.seller is None) or len(main_pair) < 2 or known not in main_pair:
        return deal
    (other,) = set(main_pair) - {known}
    return replace(deal, seller=other) if deal.seller is None else replace(deal, buyer=other)


def _made_in_buyer_next(deal: Deal, by_index: Mapping[int, Sentence],
                        country_hits: Mapping[int, Sequence[CountryHit]]) -> bool:
    """The sentence after a deal's mention, naming no other kind of equipment, has it built in the buyer's country
    ("hai tàu sẽ được đóng tại nhà máy của PT PAL")."""
    local = _patterns()["local_production"]
    for index in sorted({e + 1 for e in deal.evidence} - set(deal.evidence)):
        sentence = by_index.get(index)
        if sentence is None or "tại" not in sentence.text:
            continue
        lower = sentence.text.lower()
        spans = _system_spans(sentence.text, lower)
        if any(category != deal.category for _, _, category, _ in spans):
            continue
        lower = _without_maker_descriptions(lower, spans)
        parties = _parties(country_hits.get(index, ()), find_companies(sentence.text))
        if any(p.code == deal.buyer and local.search(lower, max(0, p.start - 90), p.start) for p in parties):
            return True
    return False


def _in_service_mentions(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]],
                         read: set[int]) -> list[_Mention]:
    """A named model in service with a country ("Ấn Độ bắt đầu triển khai S-400 ở Punjab"): a delivered mention with
    no system of its own, which joins a deal of that model the article reports and never makes one."""
    lowered = lowered_article(sentences)
    found: list[_Mention] = []
    in_service = _patterns()["in_service"]
    if not in_service.may_match(lowered.text):
        return found
    for position in lowered.matching(in_service.pattern):
        sentence = sentences[position]
        if sentence.index in read:
            continue
        codes = tuple(dict.fromkeys(hit.code for hit in country_hits.get(sentence.index, ())))
        for _, _, category, model in _system_spans(sentence.text, lowered.sentence(position)):
            if model and codes:
                found.append(_Mention("purchase", None, None, None, category, model, None, None, None, "delivered", (),
                                      sentence.index, countries=codes))
    return found


def _aid_given(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]]
               ) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of equipment the article's aid and grant sentences name, and the countries those sentences name."""
    lowered = lowered_article(sentences)
    categories: set[str] = set()
    countries: set[str] = set()
    not_a_deal = _patterns()["not_a_deal"]
    if not not_a_deal.may_match(lowered.text):
        return frozenset(), frozenset()
    for position in lowered.matching(not_a_deal.pattern):
        sentence = sentences[position]
        countries.update(hit.code for hit in country_hits.get(sentence.index, ()))
        categories.update(category for _, _, category, _ in _system_spans(sentence.text, lowered.sentence(position)))
    return frozenset(categories), frozenset(countries)


def _is_aid(deal: Deal, aid: tuple[frozenset[str], frozenset[str]]) -> bool:
    """"Nhật Bản bàn giao 5 radar cho Philippines" in an article whose aid sentence gives radars to Philippines under
    Japan's OSA: the transfer is that aid (SPEC: not a deal)."""
    categories, countries = aid
    return deal.category in categories and deal.buyer in countries and deal.seller in countries


def find_deals(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]],
               date_hits: Mapping[int, Sequence[DateHit]], published: date | None) -> tuple[Deal, ...]:
    """Every distinct deal the article's main text reports, one record per deal however often it is named.

    Merging compares mentions pairwise, so only the first `MAX_MENTIONS` are read: a news article names far fewer,
    and the cap keeps a pathological input (a multi-megabyte dump) from taking minutes.
    """
    mentions: list[_Mention] = []
    for s, lower in _trade_sentences(sentences):
        if len(mentions) >= MAX_MENTIONS:
            break
        mentions.extend(_sentence_mentions(s, lower, country_hits.get(s.index, ()), date_hits.get(s.index, ()),
                                           published))
    if not mentions:
        return ()
    mentions.extend(_in_service_mentions(sentences, country_hits, {m.sentence for m in mentions}))
    headline = frozenset(s.index for s in sentences if s.segment in ("title", "lead"))
    mentions = [replace(m, headline=True) if m.sentence in headline else m for m in mentions]
    counts = Counter(h.code for hits in country_hits.values() for h in hits)
    main_pair = tuple(code for code, _ in counts.most_common(2))
    groups = _merge([_between_main_pair(m, main_pair) if m.mutual else m for m in mentions])
    deals = [_deal(group, published, headline) for group in groups]
    oriented = {frozenset((d.buyer, d.seller)): (d.buyer, d.seller) for d in deals
                if d.kind != "agreement" and d.buyer and d.seller}
    deals = [_orient(d, g, oriented, main_pair) if d.kind == "agreement" else _other_side(d, main_pair)
             for d, g in zip(deals, groups)]
    by_index = {s.index: s for s in sentences}
    deals = [replace(d, kind="co-production") if d.kind == "purchase" and _made_in_buyer_next(d, by_index, country_hits)
             else d for d in deals]
    aid = _aid_given(sentences, country_hits)
    kept = [d for d in deals if d.buyer and d.seller and d.buyer != d.seller and not _is_aid(d, aid)]
    return tuple(sorted(kept, key=lambda d: d.evidence[0]))
