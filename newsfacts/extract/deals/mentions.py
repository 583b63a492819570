"""Deal mentions, sentence by sentence: named agreements, traded equipment and contracts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from newsfacts.extract.clauses import clause_around, clause_breaks
from newsfacts.extract.companies import find_companies
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit
from newsfacts.extract.lowered import lowered_article
from newsfacts.extract.money import MoneyHit, find_money
from newsfacts.extract.prefilter import prefiltered
from newsfacts.records import Money, Sentence
from newsfacts.extract.deals.equipment import (
    _NUMBER_WORDS, _Item, _count, _listed_items, _maker_country, _order_size, _quantity, _quantity_after,
    _system_spans, _without_maker_descriptions,
)
from newsfacts.extract.deals.roles import (
    THIS_COUNTRY, THIS_COUNTRY_OPENING_A_CLAUSE, _SIGN, _Party, _coordinated_buyers, _coordinated_sellers,
    _country_lists, _nearest_pair, _parties, _roles,
)
from newsfacts.extract.deals.stage import (
    _clause, _clause_status, _money, _money_date, _nearest_date, _order_date, _own_money, _status,
)
from newsfacts.extract.deals.vocabulary import BEATS_A_RIVAL, _patterns, _verbs, _weapons, head_kind


MAX_MENTIONS = 400


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2}")


_DIGIT = re.compile(r"\d")


_MUTUAL = prefiltered(r"\bhai (?:bên|nước|phía)\b")


# "180 chiếc K2, với giá trị khoảng 9.000 tỷ won": a price in the next clause makes the equipment traded.
_PRICED_NEXT = re.compile(r"[,;]\s*(?:với |có )?(?:tổng )?(?:giá trị|trị giá)\b")


# A sentence that opens by going back in time tells of an earlier deal: "Trước đó, ...", "Năm 2018, ...", "Theo hợp
# đồng liên chính phủ ký năm 2016, ...".
_RECALLED = re.compile(r"\W*(?:trước đó|trước đây|hồi|(?:vào )?năm (?:19|20)\d\d\s*,"
                       r"|theo (?:các |một )?(?:hợp đồng|thỏa thuận)[^,.;]{0,30}? ký (?:vào |từ )?(?:năm|tháng))\b")


# "Philippines lần đầu đặt mua 12 chiếc FA-50PH vào năm 2014", "Hợp đồng đầu tiên, ký ngày 28/3/2014": the first of
# several orders, an earlier one.
_FIRST_ORDER = re.compile(r"\blần đầu(?: tiên)? (?:đặt mua|đặt hàng|mua|ký)\b|\b(?:hợp đồng|đơn hàng) đầu tiên\b")


# "đặt mua thêm 12 máy bay": an order on top of earlier ones, a new deal.
_ADDITIONAL = re.compile(r"\bthêm\s+(?:\d+|hai|ba|bốn|sáu|tám|mười)?\s*(?:(?:chiếc|tổ hợp|hệ thống|bộ|khẩu|tàu|xe)\s+)?$")
_ADDITIONAL_REACH = 25


# "giữ quyền chọn mua thêm 20 chiếc F-35 nữa": an option is a term of the contract, not another order.
_OPTION = re.compile(r"\bquyền chọn\b")
_OPTION_CHARS = 15


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
    dated: str | None  # when it was ordered or signed, ISO at the text's precision ("2023-07-14", "2023-07", "2023")
    status: str | None
    suppliers: tuple[str, ...]
    sentence: int
    acronym: str | None = None
    countries: tuple[str, ...] = ()
    mutual: bool = False
    recalled: bool = False
    headline: bool = False
    additional: bool = False
    packaged: bool = False  # one system of a package named in one list
    named_back: bool = False  # "tên lửa loại này": the system named before
    under_told_contract: bool = False  # "Theo hợp đồng, ...": details of a contract already told
    arms: str | None = None  # "vũ khí", "gói vũ khí": what a priced sale naming no system calls its goods
    arms_only: bool = False  # the sentence names arms, but neither a system nor a contract

    @property
    def year(self) -> int | None:
        return int(self.dated[:4]) if self.dated else None

    @property
    def head_kind(self) -> str | None:
        return head_kind(self.system) if self.system else None


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
    trigger = _patterns()["trigger"]
    lowered = lowered_article(sentences)
    for position in trigger.found_in(lowered):
        lower = lowered.sentence(position)
        if not names_aid(lower):
            yield sentences[position], lower


def names_aid(lower: str) -> bool:
    """Whether a sentence gives aid, a grant or a treaty (SPEC: no deal). A support package a sale verb governs
    ("phê duyệt bán ... cùng gói hỗ trợ máy bay và đạn dược cho Jordan") is sold, not given."""
    patterns = _patterns()
    for aid in patterns["not_a_deal"].finditer(lower):
        if not (aid.group().startswith("gói") and patterns["sell_verbs"].search(lower, 0, aid.start())):
            return True
    return False


def _sentence_mentions(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                       published: date | None) -> list[_Mention]:
    """Deal mentions of one trade sentence: named agreements, each traded equipment phrase, or a maker's contract."""
    text = sentence.text
    if not (_system_spans(text, lower) or _patterns()["contract_words"].search(lower) or _names_agreement(text, lower)):
        return _arms_sale_mention(sentence, lower, hits, dates, published)
    companies = [c for c in find_companies(text) if not _makes_civil_equipment(lower, c.start)]
    money = find_money(text, *_money_date(dates, published)) if _DIGIT.search(text) else []
    context = _Context(sentence, lower, tuple(_parties(_untallied(lower, hits), companies, text)),
                       tuple(dict.fromkeys(c.name for c in companies)), tuple(dates), tuple(money))
    agreements = _agreement_mentions(sentence, lower, context.parties, dates, _status(lower), published)
    blocked = [(start, end) for start, end, _ in agreements] + [(c.start, c.end) for c in companies]
    found = [(start, mention) for start, _, mention in agreements] + _equipment_mentions(context, blocked)
    found += _follow_on_orders(lower, found)
    if not found and _patterns()["contract_words"].search(lower) and (companies or money or _SIGNING.search(lower)):
        found.append((0, _contract_mention(context)))
    mentions = _as_framework([m for _, m in found], [start for start, _ in found], lower)
    if _UNDER_THE_CONTRACT.match(lower):
        mentions = [replace(m, under_told_contract=True) for m in mentions]
    return mentions


def _untallied(lower: str, hits: Sequence[CountryHit]) -> Sequence[CountryHit]:
    """The sentence's countries but those listed in a tally of a model's customers, which are no side of a trade."""
    tally = _patterns()["customer_tally"].search(lower)
    if tally is None:
        return hits
    listed = _TALLY_LIST_END.search(lower, tally.end())
    end = listed.start() if listed else len(lower)
    return [hit for hit in hits if not tally.end() <= hit.start < end]


_TALLY_LIST_END = re.compile(r"[.;]|,\s*(?:trong (?:đó|khi)|nhưng|song|còn)\b")


# "Theo hợp đồng, Ấn Độ sẽ nhận 22 chiếc Rafale M một chỗ ngồi và 4 chiếc hai chỗ ngồi": what a contract told before
# holds, not another contract.
_UNDER_THE_CONTRACT = re.compile(r"\W*theo (?:các điều khoản của |nội dung )?(?:hợp đồng|thỏa thuận|thương vụ)"
                                 r"(?: này| nói trên| trên| mới)?\s*,")


# "đặt mua 50 máy bay chở khách Airbus A321neo": the maker named with civil equipment supplies no defence deal.
_CIVIL_REACH = 25


def _makes_civil_equipment(lower: str, start: int) -> bool:
    return any(lower.find(qualifier, max(0, start - _CIVIL_REACH), start) >= 0
               for qualifier in _weapons()["civil_qualifiers"])


# "hợp đồng mua 30 máy bay F-35A và dự kiến đặt thêm 70 chiếc": a further order of the system named before it.
_FOLLOW_ON = re.compile(r"\b(?:mua|đặt(?: mua| hàng)?) thêm (\d{1,4}|" + "|".join(_NUMBER_WORDS) + r") "
                        r"(?:chiếc|hệ thống|tổ hợp|tàu|khẩu|bộ)\b")


def _follow_on_orders(lower: str, found: Sequence[tuple[int, _Mention]]) -> list[tuple[int, _Mention]]:
    orders = []
    for match in _FOLLOW_ON.finditer(lower):
        before = [(start, m) for start, m in found if start < match.start() and m.system]
        if not before or _patterns()["head"].match(lower, match.end() + 1) \
                or _OPTION.search(lower, max(0, match.start() - _OPTION_CHARS), match.start()):
            continue  # "kèm quyền chọn mua thêm 18 chiếc": an option, no order
        _, system = max(before, key=lambda pair: pair[0])
        clause = _clause(lower, match.start(), match.end())
        orders.append((match.start(), replace(system, quantity=_count(match.group(1)),
                                              money=None, dated=None,
                                              status=_status(lower[max(0, match.start() - 30):clause[1]]))))
    return orders


# "lễ ký kết thỏa thuận là 'ngày lịch sử'", "Hợp đồng chính thức dự kiến được ký trong những tháng tới": a signing
# told without the equipment still gives the deal its stage.
_SIGNING = re.compile(r"\b(?:lễ ký(?: kết)?|đã ký(?: kết)?|vừa ký(?: kết)?)\s+(?:\S+\s+){0,2}?(?:thỏa thuận|hợp đồng)"
                      r"|(?:hợp đồng|thỏa thuận)(?: chính thức)? (?:dự kiến|sẽ|sắp) được ký")


def _names_agreement(text: str, lower: str) -> bool:
    """Whether `_agreement_mentions` has anything to read in the sentence."""
    patterns = _patterns()
    return bool(patterns["named_agreement"].search(text) or patterns["generic_agreement"].search(lower)
                or patterns["agreement_on_defence"].search(lower)
                or _ACRONYM.search(text) and patterns["acronym_reference"].search(text))


# "... cùng một số trang thiết bị quân sự khác": the rest of a package, not a system of its own ("73 chiếc T-90S/SK khác
# cho Quân đội Iraq", counted or by model, is).
_REMAINDER = re.compile(r"\skhác$")


# "..., cùng đạn dược", "36 tiêm kích F-15ID cùng động cơ dự phòng, radar và ...", "250 xe tăng cùng xe hỗ trợ và đạn
# dược": equipment that comes along with the systems named before it, up to a few words after the cue.
_ALONG = re.compile(r"\b(?:cùng|kèm)(?: với| theo)?\s+(?:[^\s.;]+\s+){0,5}?$")
_ALONG_REACH = 40
# "cùng 87 động cơ": only a count between the cue and the system ("cùng sản xuất động cơ" is making them together).
_ALONG_RIGHT_BEFORE = re.compile(r"\b(?:cùng|kèm)(?: với| theo)?\s+(?:[\d.,]+\s+|các\s+|những\s+)?$")
# "Gói mua sắm gồm 64 máy bay F-35A, ...": a package whose first item is counted.
_PACKAGE_OF = re.compile(r"\bgói\b[^.;]{0,40}?\b(?:bao )?gồm\s+(?:[\d.]+\s+(?:chiếc\s+|khẩu\s+|hệ thống\s+)?)?$")
# "gói này còn bao gồm hai động cơ dự phòng": spares of the systems sold.
_SPARE = re.compile(r"\s+dự phòng\b")


def _accessory(lower: str, span: tuple[int, int, str, str | None], item: _Item, first_start: int) -> bool:
    """What comes with the systems of a contract rather than a system of its own: spares, equipment brought along with
    them with neither a count nor a model ("40 trực thăng UH-60M cùng động cơ, radar"; "30 pháo K9 cùng 15 xe tiếp đạn
    K10" is two systems), and uncounted supplies listed after them ("54 pháo K9 và 36 xe K10, đạn dược")."""
    start, end, category, model = span
    if _SPARE.match(lower, end):
        return True
    if start > first_start and _quantity(lower, start) is None and _quantity(lower, first_start) is not None \
            and _PACKAGE_OF.search(lower, 0, first_start):
        # "Gói mua sắm gồm 64 máy bay F-35A, tên lửa AMRAAM và Sidewinder, phụ tùng": the weapons it comes with
        return True
    if category == "engine" and (along := _ALONG_RIGHT_BEFORE.search(lower, max(0, start - 20), start)) \
            and along.start() > first_start:
        return True  # "36 tiêm kích F-15ID cùng 87 động cơ, radar": the engines of the aircraft sold, counted or not
    if model is not None or _quantity(lower, start) is not None:
        return False
    along = _ALONG.search(lower, max(0, start - _ALONG_REACH), start)
    if along and along.start() > first_start and not _patterns()["trigger"].found(lower, along.end(), start):
        return True
    return not item.alone and start > item.start and lower.startswith(tuple(_weapons()["supplies"]), start)


# "các hợp đồng mua vũ khí Hàn Quốc, từ tiêm kích tới khinh hạm và hộ vệ hạm": the kinds a range spans, no deal each.
_RANGE_OF_KINDS = re.compile(r"\btừ\s+(?P<first>[^.;:]{3,80}?)\s+(?:đến|tới)\s+[^.;:,]{3,60}")


def _in_a_range_of_kinds(lower: str, span: tuple[int, int, str, str | None],
                         spans: Sequence[tuple[int, int, str, str | None]]) -> bool:
    return any(any(other[0] == match.start("first") for other in spans) and match.start() < span[0] < match.end()
               for match in _RANGE_OF_KINDS.finditer(lower, max(0, span[0] - 120), min(len(lower), span[1] + 80)))


# "hai tàu ngầm lớp X (phiên bản của lớp Y do Đức thiết kế)", "X là phiên bản xuất khẩu của trực thăng Y": the type a
# system derives from is not traded.
_VARIANT_OF = re.compile(r"(?:\(|\blà\s+)(?:là\s+)?(?:một\s+)?(?:biến thể|phiên bản)(?:\s+[^\s,.;()]+){0,3}?"
                         r"\s+(?:của|từ)\s+(?:(?:mẫu|loại|dòng|lớp)\s+)?(?:[^\s,.;()]+\s+){0,3}?$")
_VARIANT_REACH = 50


# "105 tiêm kích của Mỹ, gồm 63 chiếc F-35A và 42 chiếc F-35B": the models a counted kind breaks down into.
_BREAKDOWN = re.compile(r"[^.;]{0,30}?,?\s*(?:bao\s+)?(?:gồm|trong đó(?:\s+có)?)\s+(?:\d|(?:" + "|".join(_NUMBER_WORDS)
                        + r")\s)")


def _broken_down(lower: str, span: tuple[int, int, str, str | None], spans: Sequence[tuple[int, int, str, str | None]]
                 ) -> bool:
    """A counted kind whose models are counted right after it: the models are the deals, the kind only their sum.
    Kinds counted together ("195 xe tăng và xe thiết giáp của Hàn Quốc, trong đó có 54 xe tăng K2 và 141 thiết giáp
    K808") are summed the same way."""
    start, end, _, model = span
    if model is not None or _quantity(lower, start) is None:
        return False
    later = [other for other in spans if other[0] >= end]
    while later and later[0][3] is None and _quantity(lower, later[0][0]) is None \
            and _COUNTED_TOGETHER.fullmatch(lower, end, later[0][0]):
        end, later = later[0][1], later[1:]
    return bool(later) and later[0][3] is not None and _BREAKDOWN.match(lower, end, later[0][0]) is not None


# "4 tiêm kích Gripen E/F (3 chiếc Gripen E và 1 chiếc Gripen F)": the breakdown in brackets.
_BRACKETED_BREAKDOWN = re.compile(r"\s*\(\s*(?:\d|(?:" + "|".join(_NUMBER_WORDS) + r")\s)")


def _variant_in_a_breakdown(lower: str, span: tuple[int, int, str, str | None],
                            spans: Sequence[tuple[int, int, str, str | None]]) -> bool:
    """"20 tiêm kích F-16 Block 70/72, gồm 16 chiếc F-16C và 4 chiếc F-16D", "4 tiêm kích Gripen E/F (3 chiếc Gripen E
    và 1 chiếc Gripen F)": the counted variants of a counted model are its breakdown, not deals of their own."""
    start, _, _, model = span
    if model is None or _quantity(lower, start) is None:
        return False
    before = [other for other in spans if other[1] <= start]
    while before and before[-1][3] == model:
        whole = before.pop()
        if _quantity(lower, whole[0]) is not None and (_BREAKDOWN.match(lower, whole[1], start)
                                                       or _BRACKETED_BREAKDOWN.match(lower, whole[1], start)):
            return True
    return False


# "195 xe tăng và xe thiết giáp": two kinds one count covers.
_COUNTED_TOGETHER = re.compile(r"\s+(?:và|cùng|,)\s+")


# "Washington hạn chế bán tên lửa tầm xa ... cho Cairo", "Riyadh không được Mỹ chấp thuận bán cho những chiếc F-35": a
# sale withheld or refused is no deal.
_WITHHELD = re.compile(r"\b(?:hạn chế|cấm|cấm vận)\s+(?:việc\s+)?(?:bán|cung cấp|xuất khẩu|chuyển giao)\b"
                       r"|\bkhông được\s+(?:\S+\s+){0,2}?(?:chấp thuận|phê duyệt|đồng ý|cho phép)\s+(?:cho\s+)?"
                       r"(?:bán|mua|cung cấp|chuyển giao)\b")


# "Hơn 1.600 động cơ F414 đã được chuyển giao trên toàn thế giới", "đã giao hơn 130 tiêm kích cho các khách hàng như
# Trung Quốc, Indonesia và Venezuela": a maker's tally, no one's deal.
_WORLDWIDE = re.compile(r"\btrên (?:toàn |khắp )?thế giới\b|\bcho (?:hơn |gần )?\d+ (?:quốc gia|nước)\b"
                        r"|\bcho (?:các|nhiều) (?:khách hàng|nước|quốc gia)(?: khác)? như\b")


# "vượt qua đối thủ cuối cùng là mẫu tàu MEKO A-200 do ... chào bán", "các đối thủ cạnh tranh gồm pháo Caesar ...",
# "T129 từng cạnh tranh với AH-1Z Viper": a rival's offer that lost the tender is no deal, nor is the system rivals are
# measured against ("Đối thủ của Gripen là ..."), unless a trade is told
# between the rivals and the equipment
# ("vượt qua các đối thủ để giành hợp đồng bán 12 Rafale").
_RIVALS = re.compile(r"(?:\b(?:vượt qua|đánh bại|loại|thắng)\s+(?:\S+\s+){0,3}?đối thủ|\bcạnh tranh (?:với|cùng)\b"
                     r"|" + BEATS_A_RIVAL +
                     r"|\bđối thủ\s+(?:\S+\s+){0,5}?(?:là|gồm|như)\b|\bđối thủ(?: cạnh tranh)? (?:của|với)\s+)"
                     r"(?:(?!giành|hợp đồng|\bmua\b|(?<!chào )\bbán\b|\bký\b)[^.;])*$")
_RIVAL_REACH = 120
# "Hai ứng viên đang cạnh tranh cho hợp đồng này là mẫu Redback ... và mẫu Lynx ...": the bidders listed, no deal.
_CANDIDATES = re.compile(r"\b(?:các|hai|ba|bốn|những) (?:ứng viên|ứng cử viên|nhà thầu)\b[^.;]{0,80}?"
                         r"\b(?:là|gồm)\b[^.;]*$")
# "Rafale trước đây từng cạnh tranh với Su-30 của Nga để giành hợp đồng": a system told competing for a contract.
_COMPETING = re.compile(r"[^,.;]{0,30}?\s(?:từng |đã |sẽ |đang |cũng )*cạnh tranh (?:với|cùng)\b")


# "Abu Dhabi có thể xem xét khả năng mua máy bay Su-57": what a buyer might one day consider is no deal.
# "có thể xem xét mua ...", "các nỗ lực mua máy bay mới của Buenos Aires gặp trở ngại": what might be or was only tried.
_SPECULATION = re.compile(r"\b(?:có thể|có khả năng)\s+(?:\S+\s+){0,2}?(?:xem xét|cân nhắc|tính đến|quay sang)\b"
                          r"|\b(?:các|những) nỗ lực (?:\S+\s+){0,2}?mua\b")


# "kể từ khi loại máy bay này đi vào hoạt động", "dòng chiến đấu cơ này": the type of a system already named, not a
# system traded.
_TYPE_WORD = r"(?:loại|dòng|kiểu|mẫu)\s+$"
_TYPE_OF = re.compile(r"\b" + _TYPE_WORD)
_NAMED_BACK = re.compile(r"\s+(?:này|đó|nói trên)\b")
# "Iraq đang cân nhắc khả năng mua dòng máy bay này": the type is what a buyer buys.
_BOUGHT_BACK = re.compile(r"\b(?:mua|đặt mua|đặt hàng|nhập khẩu)\s+" + _TYPE_WORD)


# "3.350 tên lửa loại này", "Ba chiếc Rafale này thuộc hợp đồng mua 42 máy bay": the system named before, not another
# (a model named back; a bare "máy bay này" may point at another aircraft).
_OF_THAT_TYPE = re.compile(r"\s+loại\s+(?:này|đó|nói trên|trên)\b")

_THIS_MODEL = re.compile(r"\s+(?:này|nói trên)\b")


# "có tính đến giá mua máy bay tương tự của các nước khác": equipment named for comparison is not traded.
_SIMILAR = re.compile(r"\s(?:tương tự|cùng loại)\b")
_SIMILAR_CHARS = 12


# "để nâng cấp các tiêm kích Su-30 và F-16 hiện có": a fleet the country has is not traded.
_EXISTING = re.compile(r"\s+hiện có\b")


def _equipment_mentions(context: _Context, blocked: Sequence[tuple[int, int]]) -> list[tuple[int, _Mention]]:
    text = context.sentence.text
    spans = [span for span in _system_spans(text, context.lower) if not any(a <= span[0] < b for a, b in blocked)]
    lower = context.lower
    undescribed = _without_maker_descriptions(lower, spans)
    items = _listed_items(undescribed, spans)
    # "phi cơ chiến đấu của Hàn Quốc cùng trực thăng của Canada": what has an owner of its own is no accessory.
    owned = _owners(lower, context.parties, spans)
    clauses = [_clause(text, item.start, item.end) for item in items]
    kept = [(span, clause, item) for span, clause, item in zip(spans, clauses, items)
            if _traded(undescribed, clause, spans)
            and not any(_patterns()["platform"].search(lower, max(0, at - 30), at) for at in {span[0], item.start})
            and not _patterns()["not_traded_before"].search(lower, max(0, span[0] - 40), span[0])
            and not _patterns()["carries_after"].match(lower, span[1])
            and not any(_patterns()["in_service_examples_before"].search(lower, max(0, at - _EXAMPLES_REACH), at)
                        for at in {span[0], item.start})
            and not (_REMAINDER.search(lower, span[0], span[1]) and span[3] is None
                     and _quantity(lower, span[0]) is None)
            and not (span[0] not in owned and _accessory(lower, span, item, spans[0][0]))
            and not _broken_down(lower, span, spans)
            and not _variant_in_a_breakdown(lower, span, spans)
            and not (span[3] is None and _quantity(lower, span[0]) is None and _in_a_range_of_kinds(lower, span, spans))
            and not _VARIANT_OF.search(lower, max(0, span[0] - _VARIANT_REACH), span[0])
            and not (span[3] is None and _describes_the_model_before(lower, span, spans))
            and not _SPECULATION.search(lower, clause[0], span[0])
            and not _RIVALS.search(lower, max(0, span[0] - _RIVAL_REACH), span[0])
            and not _CANDIDATES.search(lower, max(0, span[0] - _RIVAL_REACH), span[0])
            and not _COMPETING.match(lower, span[1])
            and not _EXISTING.match(lower, item.end)
            and not (span[3] is None and _SIMILAR.search(lower, span[0], span[1] + _SIMILAR_CHARS))
            and not _WORLDWIDE.search(lower, clause[0], clause[1])
            and not _WITHHELD.search(lower, clause[0], span[0])
            and not (_TYPE_OF.search(lower, max(0, span[0] - 6), span[0]) and _NAMED_BACK.match(lower, span[1])
                     and not _BOUGHT_BACK.search(lower, max(0, span[0] - 12), span[0]))]
    kept = _alone_without_companions(text, kept)
    clauses = [clause for _, clause, _ in kept]
    mutual = _MUTUAL.search(lower) is not None
    mentions = []
    status = None
    list_makers = _list_makers(kept)
    origins = _origins(lower, context.parties, [span for span, _, _ in kept])
    told_origins = set(origins.values())
    packages = _packages(lower, kept)
    previous_end = 0
    for (start, end, category, model), clause, item in kept:
        # The verb before a list governs every item of it: "bán cho Ba Lan 48 FA-50 ..., 180 xe tăng K2 ...".
        maker = _maker_country(model) if model else None if start in owned else list_makers.get(item.start)
        if start in origins:
            maker = maker or origins[start].code
        parties = tuple(p for p in context.parties if p not in told_origins or origins.get(start) == p)
        buyer, seller = _roles(lower, parties, item.start, end, maker)
        if mentions and _ALONG_WITH_ITEM.match(lower, clause[0]) and clause[0] > 0 \
                and not any(clause[0] <= p.start < clause[1] for p in parties):
            # "xuất khẩu tàu khu trục cho Hải quân Indonesia, cũng như các hệ thống radar": the item added to the one
            # before goes between the same sides.
            buyer, seller = mentions[-1][1].buyer, mentions[-1][1].seller
        if start in owned and buyer in {code for other, code in owned.items() if other != start}:
            buyer = None  # "cân nhắc tiêm kích J-10 của Trung Quốc và F-15EX của Mỹ": each is its owner's to sell
        # A system listed with no trade word of its own shares the verb of the system named before it.
        # "hủy bỏ hợp đồng mua F-35 của Mỹ là do UAE vừa đặt mua 80 Rafale": of two systems in one clause, each takes
        # the stage told between the one before it and itself.
        own_status = _status(lower[max(clause[0], previous_end):end]) if previous_end > clause[0] else None
        own_status = own_status or _clause_status(lower, clause, clauses)
        previous_end = end
        if own_status or _patterns()["trigger"].found(lower, clause[0], end):
            status = own_status
        money = _money(context.money, start, end, *clause, _trading_clauses(lower, clauses)) if item.alone \
            else _own_money(context.money, item, start, lower)
        if money is not None and _PART_OF_A_PACKAGE.match(lower, end):
            money = None
        item_status = "delivered" if status in (None, "signed") and _in_service_before(lower, clause, item.start) \
            else status
        mention = _Mention(
            kind=_kind(undescribed, start, end, clause, context.parties, buyer), buyer=buyer, seller=seller,
            system=text[start:end], category=category, model=model,
            quantity=_order_size(lower, end) or _quantity(lower, start) or _quantity_after(lower, end),
            money=money,
            dated=_order_date(lower, context.dates, start, end, item_status)
            if item_status in ("signed", "delivered") else None,
            status=item_status, suppliers=context.suppliers, sentence=context.sentence.index, mutual=mutual,
            recalled=_RECALLED.match(lower) is not None or _FIRST_ORDER.search(lower) is not None,
            packaged=item.start in packages,
            named_back=_OF_THAT_TYPE.match(lower, end) is not None or bool(model and _THIS_MODEL.match(lower, end))
            # "dòng máy bay này", "loại tàu nói trên": a kind named back by its head.
            or bool(_TYPE_OF.search(lower, max(0, item.start - 8), item.start) and _THIS_MODEL.match(lower, end)),
            additional=_ADDITIONAL.search(lower, max(0, item.start - _ADDITIONAL_REACH), item.start) is not None
            and not _OPTION.search(lower, max(0, item.start - _ADDITIONAL_REACH - 15), item.start),
            countries=tuple(dict.fromkeys(p.code for p in context.parties if not p.company)))
        buyers = _coordinated_buyers(lower, context.parties, item.start, buyer, seller)
        sellers = () if buyers else _coordinated_sellers(lower, context.parties, end, seller)
        if (buyers or sellers) and not _EACH_BUYER.search(lower):
            mention = replace(mention, quantity=None, money=None)  # the count and price of the whole sale
        mentions += [(start, replace(mention, buyer=each)) for each in buyers] \
            or [(start, replace(mention, seller=each)) for each in sellers] or [(start, mention)]
    return mentions


_EXAMPLES_REACH = 120


# "mỗi nước 12 chiếc": a count or a price per buyer, not of the whole sale.
_EACH_BUYER = re.compile(r"\bmỗi (?:nước|bên|quốc gia)\b")


# "mua 100 máy bay chiến đấu Rafale do Dassault sản xuất, một máy bay đa năng thế hệ 4.5 được coi là ...": a kind
# set after a named model as what it is, with words that describe it rather than go on with a list.
_AS_ONE = re.compile(r",\s*(?:là\s+)?một\s+$")
_AS_ONE_CHARS = 12
_DESCRIBED_AFTER = re.compile(r"\s+(?:được|có|mà|thuộc|từng|vốn|nổi tiếng|đang)\b")


def _describes_the_model_before(lower: str, span: tuple[int, int, str, str | None],
                                spans: Sequence[tuple[int, int, str, str | None]]) -> bool:
    return bool(_AS_ONE.search(lower, max(0, span[0] - _AS_ONE_CHARS), span[0])
                and _DESCRIBED_AFTER.match(lower, span[1])
                and any(model is not None and end <= span[0] for _, end, _, model in spans))


def _trading_clauses(lower: str, clauses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses that trade their equipment with a verb of their own ("nước này cũng đặt mua 28 Eurofighter"): each
    tells its own deal, with its own price."""
    buy, sell = _patterns()["buy_verbs"], _patterns()["sell_verbs"]
    return [clause for clause in dict.fromkeys(clauses)
            if buy.search(lower, *clause) or sell.search(lower, *clause)]


def _in_service_before(lower: str, clause: tuple[int, int], start: int) -> bool:
    """"Hải quân Việt Nam hiện vận hành 6 tàu ngầm Kilo do Nga đóng theo hợp đồng ký năm 2009": equipment its buyer
    already operates has been delivered, whatever the contract's own stage; a trade word between the two, or a further
    order after it ("đang vận hành Su-30MKI và đã ký mua thêm 12 chiếc"), leaves the equipment to its own stage."""
    cue = _patterns()["operated_now"].search(lower, clause[0], start)
    return cue is not None and not _patterns()["trigger"].found(lower, cue.end(), start) \
        and "thêm" not in lower[start:clause[1]] \
        and not _NOT_YET.search(lower, max(0, cue.start() - _NOT_YET_CHARS), cue.start())


def _alone_without_companions(text: str, kept):
    """A system whose list named only what comes with it ("36 tiêm kích F-15ID cùng động cơ dự phòng, trị giá 13,9 tỷ
    USD") stands alone: the price of its sentence is its own."""
    members = Counter(item.start for _, _, item in kept)
    return [(span, clause, item) if item.alone or members[item.start] > 1
            else (span, _clause(text, span[0], span[1]), _Item(span[0], span[1], span[1], True))
            for span, clause, item in kept]


def _packages(lower: str, kept) -> frozenset[int]:
    """The lists (by start) that name two or more systems each counted or named by model: a package, whose total
    belongs to none of them (SPEC)."""
    detailed = Counter(item.start for (start, _, _, model), _, item in kept
                       if not item.alone and (model or _quantity(lower, start) is not None))
    return frozenset(start for start, count in detailed.items() if count >= 2)


_OWNER_CHARS = 12
_OWNER_LINKS = ("của", "do", "mua của", "mua từ", "nhập từ")


def _owners(lower: str, parties: Sequence[_Party], spans: Sequence[tuple[int, int, str, str | None]]
            ) -> dict[int, str]:
    """The country named right after each system as its own ("F-15EX của Mỹ", "F-15EX do Mỹ sản xuất", "tàu lớp
    Shishumar mua của Đức"), by the system's start."""
    owners = {}
    for start, end, _, _ in spans:
        owner = next((p for p in parties if not p.company and end <= p.start <= end + _OWNER_CHARS
                      and lower[end:p.start].strip() in _OWNER_LINKS), None)
        if owner is not None:
            owners[start] = owner.code
    return owners


# "chọn máy bay vận tải Brazil", "mua 3 tàu ngầm Trung Quốc": a country closing the equipment phrase is where the
# system comes from, unless it goes on to act ("180 xe tăng K2 Ba Lan đặt mua").
_ACTS = re.compile(r"\s+(?:(?:đã|sẽ|vừa|đang|cũng)\s+)*(?:đặt|mua|ký|nhận|tiếp nhận|bán|cung cấp|sản xuất|chế tạo)\b")


def _origins(lower: str, parties: Sequence[_Party], spans: Sequence[tuple[int, int, str, str | None]]
             ) -> dict[int, _Party]:
    """The country that closes each equipment phrase as its origin, by the phrase's start."""
    origins = {}
    for start, end, _, _ in spans:
        origin = next((p for p in parties if not p.company and start < p.start and p.end == end), None)
        if origin is not None and not _ACTS.match(lower, end):
            origins[start] = origin
    return origins


def _list_makers(kept) -> dict[int, str]:
    """The maker's country of the first known model of each list: the items listed with it come from the same
    contract ("54 pháo tự hành K9 và 36 xe tiếp đạn bọc thép K10": the K10 is Korean too)."""
    makers: dict[int, str] = {}
    for (_, _, _, model), _, item in kept:
        country = _maker_country(model) if model and not item.alone else None
        if country:
            makers.setdefault(item.start, country)
    return makers


# "mua tiêm kích tàng hình F-35, một phần của gói vũ khí trị giá 23 tỷ USD": the price is the package's (SPEC: it
# stays off its systems).
_PART_OF_A_PACKAGE = re.compile(r"[^.;]{0,20}?,?\s*(?:là\s+|nằm\s+)?(?:một phần|một hạng mục|nằm trong)\s+(?:của\s+|trong\s+)?"
                                r"(?:một\s+)?(?:gói|thỏa thuận|thương vụ)\b")


# "Tổng giá trị hai hợp đồng vào khoảng 17 tỷ euro": the total of several deals belongs to none of them (SPEC).
_TOTAL_OF_SEVERAL = re.compile(r"tổng (?:giá trị|trị giá|cộng)\b[^.;,]{0,20}?\b(?:hai|ba|bốn|các|những|cả|gói)\b")


# "Mỹ đồng ý bán 1,42 tỷ USD vũ khí cho Đài Loan", "phê chuẩn việc bán số vũ khí trị giá ...": a priced sale of goods
# named only as arms.
_ARMS_TRADED = prefiltered(r"\b(?:bán|mua|xuất khẩu|nhập khẩu|cung cấp)\s+(?:(?:\d+[.,]\d+|[^\s,.;]+)\s+){0,5}?"
                           r"(?P<arms>(?:gói\s+|lô\s+)?vũ khí)\b")


def _arms_sale_mention(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                       published: date | None) -> list[_Mention]:
    if not _DIGIT.search(lower) or not _ARMS_TRADED.search(lower):
        return []
    money = find_money(sentence.text, *_money_date(dates, published))
    if not money:
        return []
    context = _Context(sentence, lower, tuple(_parties(hits, [], sentence.text)), (), tuple(dates), tuple(money))
    return [replace(_contract_mention(context), arms_only=True)]


def _contract_mention(context: _Context) -> _Mention:
    """A contract that names no equipment ("thỏa thuận giữa GE và HAL", "hợp đồng ... trị giá 100 triệu USD"):
    it joins a deal nearby."""
    lower = context.lower
    buyer, seller = _roles(lower, context.parties, 0, 0, None)
    status = _status(lower)
    dated = _order_date(lower, context.dates, 0, 0, status) if status in ("signed", "delivered") else None
    kind = _kind(lower, 0, 0, (0, len(lower)), context.parties, buyer)
    money = None if _TOTAL_OF_SEVERAL.search(lower) else _money(context.money, 0, 0, 0, len(lower))
    arms = _ARMS_TRADED.search(lower) if money else None
    return _Mention(kind, buyer, seller, None, None, None, None, money,
                    dated, status, context.suppliers, context.sentence.index,
                    countries=tuple(dict.fromkeys(p.code for p in context.parties)),
                    arms=arms.group("arms") if arms else None)


def _traded(lower: str, clause: tuple[int, int], spans: Sequence[tuple[int, int, str, str | None]]) -> bool:
    """Equipment counts when a trade word is in its clause or the clause before ("hạ cánh" alone is not a deal); the
    clause before lends its trade word only when it trades no equipment of its own ("mua 12 tiêm kích Mirage ..., nhằm
    lấp khoảng trống trong thời gian chờ Rafale": the Mirage is bought, the Rafale awaited)."""
    trigger = _patterns()["trigger"]
    if trigger.found(lower, clause[0], clause[1]) or _PRICED_NEXT.match(lower, clause[1]) is not None \
            or _status(lower[clause[0]:clause[1]]) == "cancelled":
        return True
    if not clause[0]:
        return False
    previous_start, previous_end = _clause(lower, max(0, clause[0] - 2), max(0, clause[0] - 2))
    counted = _ALONG_WITH_ITEM.match(lower, clause[0]) is not None or _list_item(lower, *clause) \
        or _APPOSED_VARIANT.match(lower, clause[0]) is not None and _COUNTED_NEXT_ITEM.search(lower, *clause) is not None
    # ", 36 xe AAV7 ..., 769 tên lửa TOW 2B và 201 tên lửa Javelin": a list of counted items goes back to its verb.
    for _ in range(_LIST_CLAUSES):
        if trigger.found(lower, previous_start, clause[0]) or not counted or not previous_start \
                or not (_list_item(lower, previous_start, previous_end) or _APPOSED_VARIANT.match(lower, previous_start)):
            break
        previous_start, previous_end = _clause(lower, max(0, previous_start - 2), max(0, previous_start - 2))
    return trigger.found(lower, previous_start, clause[0]) and (
        counted or not any(previous_start <= start < clause[0] for start, _, _, _ in spans))


_LIST_CLAUSES = 6
# Where a count starts: a digit or a number word.
_A_COUNT = r"(?:\d|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s)"
# "mua 30 pháo tự hành AS9 Huntsman, phiên bản của pháo K9, cùng 15 xe tiếp đạn AS10": an aside naming what a listed
# item is a version of stands inside the list.
_APPOSED_VARIANT = re.compile(r"\s*(?:một\s+)?(?:phiên bản|biến thể)\b")
_COUNTED_NEXT_ITEM = re.compile(r"[,\s]\s*(?:cùng(?: với)?|và|kèm theo)\s+" + _A_COUNT)


def _list_item(lower: str, start: int, end: int) -> bool:
    """A clause that is an item of a list: counted, or with its own price."""
    return _COUNTED_ITEM.match(lower, start) is not None or _PRICED_ITEM.fullmatch(lower, start, end) is not None


# "cung cấp S-400, cùng với tổ hợp tên lửa Kornet-EM và ...": equipment added to the list the clause before trades.
_ALONG_WITH_ITEM = re.compile(r"\s*(?:cùng với|cùng|kèm theo|cũng như)\s+(?:các\s+|những\s+)?\S")


# "...; phần mềm quân sự hơn 1 tỷ USD; tên lửa chống tăng Javelin và TOW hơn 700 triệu USD": an item with its own
# price goes on with the list the clause before trades.
_PRICED_ITEM = re.compile(r"\s*[^\d,;]{3,80}?\s(?:(?:hơn|khoảng|gần|trên)\s)?\d[\d.,]*\s(?:triệu|tỷ|tỉ)\s(?:usd|đô la|euro)\s*\.?\s*")


# ", 60 tên lửa Patriot PAC-3 và ống phóng": a counted item goes on with the list the clause before trades.
_COUNTED_ITEM = re.compile(r"\s*(?:và\s+|cùng\s+|(?:bao\s+)?gồm\s+|trong đó(?:\s+có)?\s+)?(?:(?:khoảng|gần|hơn|thêm)\s+)?"
                           + _A_COUNT)


def _kind(lower: str, start: int, end: int, clause: tuple[int, int], parties: Sequence[_Party],
          buyer: str | None) -> str:
    """Co-production when a joint-production cue governs the equipment. A bought system built in the buyer's country
    ("hai tàu sẽ được đóng tại nhà máy của PT PAL", with or without a technology transfer) is still a purchase: local
    building is how the purchase is delivered (data/sample/ANNOTATION.md)."""
    if _patterns()["co_production"].search(lower, clause[0], clause[1]) or _patterns()["partner_production"].search(lower, end):
        return "co-production"
    return "purchase"


# "thỏa thuận khung mua 54 xe tăng K2", "thỏa thuận khung về việc xuất khẩu 54 xe tăng", "bản ghi nhớ với tập đoàn
# Boeing của Mỹ về việc mua 24 tiêm kích F-15EX": a framework agreement for counted equipment is its purchase.
_TO_BUY_COUNTED = re.compile(r"(?:\s+(?:với|giữa)\s[^,.;]{1,50}?)?\s+(?:về việc\s+|để\s+)?(?:mua|xuất khẩu|bán|cung cấp"
                             r"|đặt mua)\s+(?:thêm\s+)?\d")


def _as_framework(mentions: list[_Mention], starts: list[int], lower: str) -> list[_Mention]:
    """Equipment named inside a framework or cooperation agreement is that agreement, not separate purchases; when
    the sentence already names the agreement, the equipment is what the agreement covers and adds nothing.

    The agreement's stage is read before the equipment ("thỏa thuận khung mà ... ký").
    """
    framework = _patterns()["framework"].search(lower)
    if not framework or _TO_BUY_COUNTED.match(lower, framework.end()):
        return mentions
    equipment = [m for m, start in zip(mentions, starts) if m.kind == "purchase" and m.system and start > framework.end()]
    if not equipment:
        return mentions
    rest = [m for m in mentions if m not in equipment]
    if any(m.kind == "agreement" for m in rest):
        return rest
    status = _status(lower[:starts[mentions.index(equipment[0])]]) or equipment[0].status
    first = replace(equipment[0], status=status, dated=equipment[0].dated if status == "signed" else None)
    if len(equipment) == 1:
        return rest + [replace(first, kind="agreement")]
    return rest + [replace(first, kind="agreement", system=framework.group(), category="other", quantity=None,
                           model=None)]


def _agreement_mentions(sentence: Sentence, lower: str, parties: Sequence[_Party], dates: Sequence[DateHit],
                        status: str | None, published: date | None) -> list[tuple[int, int, _Mention]]:
    text = sentence.text
    found: list[tuple[int, int, str, str | None]] = []
    excluded: list[tuple[int, int, str, str | None]] = []
    for match in _patterns()["named_agreement"].finditer(text):
        not_a_deal = _patterns()["named_agreement_excluded"].search(match.group())
        (excluded if not_a_deal else found).append((match.start(), match.end(), match.group(), match.group(1)))
    for name in ("generic_agreement", "agreement_on_defence"):
        for match in _patterns()[name].finditer(lower):
            if status and not any(s < match.end() and match.start() < e for s, e, _, _ in found + excluded):
                found.append((match.start(), match.end(), text[match.start():match.end()], None))
    for match in _patterns()["acronym_reference"].finditer(text) if _ACRONYM.search(text) else ():
        acronym = match.group(2)
        if not any(s <= match.start(2) < e for s, e, _, _ in found) and acronym not in _excluded_acronyms():
            found.append((match.start(2), match.end(2), "" if match.group(1) else "?", acronym))
    mentions = []
    for start, end, system, acronym in found:
        if acronym in _excluded_acronyms() or _patterns()["grants_access_after"].match(lower, end) \
                or _REMAINDER.search(lower, start, end):
            continue  # "mở đường cho nhiều chương trình hợp tác công nghiệp quốc phòng khác": unnamed others
        dated = _nearest_date(dates, start, end) if status == "signed" else None
        for codes in _agreement_sides(lower, parties, start, end):
            mentions.append((start, end, _Mention(
                kind="agreement" if system != "?" else "reference", buyer=None, seller=None,
                system=system if system not in ("", "?") else None, category="other", model=None, quantity=None,
                money=None, dated=dated, status=status, suppliers=(), sentence=sentence.index, acronym=acronym,
                countries=codes)))
    return mentions


# "3 thỏa thuận hợp tác quân sự ký với Canada, Pháp và Bồ Đào Nha": the partners listed after the agreement.
_PARTNERS_LISTED = re.compile(r"[^,.;]{0,20}?\bvới\s+$")


def _agreement_sides(lower: str, parties: Sequence[_Party], start: int, end: int) -> list[tuple[str, ...]]:
    """The two sides of an agreement: its nearest two countries, or one pair per partner when it is signed with a list
    of countries."""
    listed = next((run for run in _country_lists(lower, parties) if len({p.code for p in run}) > 1
                   and run[0].start >= end and _PARTNERS_LISTED.fullmatch(lower, end, run[0].start)), None)
    if listed is None:
        return [_nearest_pair(parties, start, end)]
    partners = list(dict.fromkeys(p.code for p in listed))
    other = next((p.code for p in sorted(parties, key=lambda p: abs(p.start - start))
                  if p.code not in partners and not p.company), None)
    return [(other, code) if other else (code,) for code in partners]


@cache
def _excluded_acronyms() -> frozenset[str]:
    return frozenset(_verbs()["not_deal_acronyms"])


# "Hiện vẫn chưa rõ ngày đóng và đưa vào hoạt động tàu Mogami": service still to come, or in doubt, delivers nothing.
_NOT_YET = re.compile(r"\b(?:chưa|không(?! (?:quân|phận|gian|kích|người|khí|lực|đối))|dự kiến|có thể|kế hoạch)\b")


_NOT_YET_CHARS = 30


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
        sentence, lower = sentences[position], lowered.sentence(position)
        cues = [cue for cue in in_service.pattern.finditer(lower)
                if not _NOT_YET.search(lower, max(0, cue.start() - _NOT_YET_CHARS), cue.start())]
        if sentence.index in read or not cues:
            continue
        hits = country_hits.get(sentence.index, ())
        codes = _operators(hits, cues[0].start())
        spans = _system_spans(sentence.text, lower)
        built = _built_abroad(sentence, lower, hits, codes, spans)
        found += built
        replaced = _REPLACED.search(lower, 0, cues[0].start())
        for start, _, category, model in spans if not built else ():
            if replaced and start < replaced.start():
                continue  # "Những chiếc Apache sẽ thay thế ... Mi-24 mà Ba Lan đang vận hành": not in service yet
            if model and codes:
                found.append(_Mention("purchase", None, None, None, category, model, None, None, None, "delivered", (),
                                      sentence.index, countries=codes))
    return found


# "... 2 tàu đổ bộ lớp Mistral do Pháp đóng": the country that built the list of systems named just before.
_BUILT_BY = re.compile(r"\s+do\s+$")
_BUILT = re.compile(r"\s+(?:đóng|sản xuất|chế tạo)\b")
_BUILT_REACH = 12
# "Redback sẽ thay thế dòng xe M113 do Mỹ sản xuất mà quân đội Australia đưa vào sử dụng từ năm 1964": the fleet a
# new purchase replaces is no deal of the article's.
_REPLACED = re.compile(r"\bthay thế\b")
_REPLACED_CHARS = 60


def _built_abroad(sentence: Sentence, lower: str, hits: Sequence[CountryHit], operators: tuple[str, ...],
                  spans: Sequence[tuple[int, int, str, str | None]]) -> list[_Mention]:
    """Systems in service with one country and built by another ("Hải quân Ai Cập đã đưa vào biên chế ... 4 tàu hộ
    tống lớp Gowind và 2 tàu đổ bộ lớp Mistral do Pháp đóng"): each a delivered purchase from the builder."""
    builder = next((hit for hit in hits if _BUILT_BY.search(lower, max(0, hit.start - 5), hit.start)
                    and _BUILT.match(lower, hit.end)), None)
    buyers = [code for code in operators if builder is not None and code != builder.code]
    if len(buyers) != 1:
        return []
    spans = [span for span in spans if not _REPLACED.search(lower, max(0, span[0] - _REPLACED_CHARS), span[0])]
    items = _listed_items(lower, spans)
    last = max((item for item in items if 0 <= builder.start - item.end <= _BUILT_REACH), key=lambda i: i.end,
               default=None)
    if last is None:
        return []
    return [_Mention("purchase", buyers[0], builder.code, sentence.text[start:end], category, model,
                     _quantity(lower, start), None, None, "delivered", (), sentence.index,
                     countries=(buyers[0], builder.code))
            for (start, end, category, model), item in zip(spans, items) if item.start == last.start]


def _operators(hits: Sequence[CountryHit], cue: int) -> tuple[str, ...]:
    """The countries that put a system in service: those named before the cue ("Ấn Độ đã bắt đầu triển khai S-400 ...
    để chống lại không quân Pakistan": India, not Pakistan), else every country of the sentence."""
    before = [hit.code for hit in hits if hit.start < cue]
    return tuple(dict.fromkeys(before or [hit.code for hit in hits]))


# "sau Hy Lạp với 18 chiếc hồi tháng 1 và Ai Cập với 30 chiếc", "Qatar và Ấn Độ mỗi nước cũng đặt mua 36 chiếc": buyers
# of the system under discussion, each with its own count.
# "Cairo ký hợp đồng mua 24 chiếc": the count bought in a contract the buyer signs.
_COUNT_OF_BUYER = re.compile(r"\s+(?:(?:mỗi nước|mỗi bên)\s+)?(?:(?:năm|hồi|vào năm) \d{4}\s+)?(?:cũng\s+)?(?:đã\s+|vừa\s+|từng\s+)?"
                             r"(?P<signed>ký\s+(?:kết\s+)?(?:hợp đồng\s+)?(?=mua|đặt))?"
                             r"(?:với|đặt mua|mua|đặt hàng|đặt|nhận)\s+(?:thêm\s+)?(?P<count>\d{1,4}) chiếc\b(?!\s+\S*[A-Z0-9])")
# "Ai Cập đặt 24 chiếc năm 2015 và thêm 30 chiếc hồi tháng 5": a second order of the same buyer, dated on its own.
_ANOTHER_ORDER = re.compile(r"[^,.;]{0,25}?\s+và (?:đặt |mua |đặt mua )?thêm (\d{1,4}) chiếc\b")
_EACH = re.compile(r"\s+(?:mỗi nước|mỗi bên)\b")
_COORDINATED = re.compile(r"\s*(?:,|và)\s*")
_COUNT_DATE_CHARS = 20


def _buyers_counted(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                    earlier: Sequence[_Mention]) -> list[_Mention]:
    """Mentions of the system under discussion (the latest one naming a model and its seller) that the sentence
    names only by reference: one per country it counts a bare number for ("Hy Lạp với 18 chiếc"), or the buyer of
    "hệ thống này" ("Tháng 1/2022, UAE ký hợp đồng trị giá 3,5 tỷ USD mua hệ thống này")."""
    system = _system_under_discussion(earlier, sentence.index)
    if system is None or not hits:
        return []
    found = []
    for i, hit in enumerate(hits):
        count = _COUNT_OF_BUYER.match(lower, hit.end)
        if count is None and i + 1 < len(hits) and _COORDINATED.fullmatch(lower, hit.end, hits[i + 1].start):
            shared = _COUNT_OF_BUYER.match(lower, hits[i + 1].end)
            count = shared if shared and _EACH.match(lower, hits[i + 1].end) else None
        counted = _system_signed_for(lower, count.end(), earlier, sentence.index) \
            if count is not None and count.group("signed") else system
        if count is None or counted is None or hit.code == counted.seller:
            continue
        found.append(_as_referenced(counted, sentence, lower, hit.code, int(count.group("count")),
                                    _dated_after(dates, count.end()), None))
        if again := _ANOTHER_ORDER.match(lower, count.end()):
            found.append(_as_referenced(counted, sentence, lower, hit.code, int(again.group(1)),
                                        _dated_after(dates, again.end()), None))
    found += _respective_counts(sentence, lower, hits, system)
    found += _counted_for_another_side(sentence, lower, hits, system)
    return found or _bought_by_reference(sentence, lower, hits, dates, system)


def _system_signed_for(lower: str, count_end: int, earlier: Sequence[_Mention], sentence: int) -> _Mention | None:
    """The system a count signed for is of ("Cairo ký hợp đồng mua 24 chiếc"): the one under discussion, unless the
    sentence names it only after the count ("..., kèm theo một khinh hạm FREMM") or names a system back before the
    count ("Loại xe tăng này ..."), which may be another the article named without a trade."""
    system = _system_under_discussion(earlier, sentence)
    if _THIS_SYSTEM.search(lower, 0, count_end) or system is None or system.sentence == sentence and not (
            0 <= lower.find((system.model or "").lower()) < count_end):
        return None
    return system


def _dated_after(dates: Sequence[DateHit], end: int) -> str | None:
    """The date told right after a count ("24 chiếc năm 2015")."""
    return next((d.value for d in dates if d.value and end <= d.start <= end + _COUNT_DATE_CHARS), None)


# "mua 12 chiếc Typhoon của Qatar và 12 chiếc của Oman", "bán 12 chiếc cho Jordan và 8 chiếc cho Bahrain": the same
# system counted again for another seller ("của", "từ") or buyer ("cho").
_COUNTED_FOR = re.compile(r"(?:,|\bvà)\s+(\d{1,4}) chiếc (?:khác )?(của|từ|cho)\s+$")
_COUNTED_FOR_CHARS = 30


def _counted_for_another_side(sentence: Sentence, lower: str, hits: Sequence[CountryHit],
                              system: _Mention) -> list[_Mention]:
    if system.sentence != sentence.index:
        return []
    found = []
    for hit in hits:
        counted = _COUNTED_FOR.search(lower, max(0, hit.start - _COUNTED_FOR_CHARS), hit.start)
        if counted is None or hit.code in (system.buyer, system.seller):
            continue
        mention = _as_referenced(system, sentence, lower, system.buyer, int(counted.group(1)), system.dated, None)
        if counted.group(2) == "cho":
            found.append(replace(mention, buyer=hit.code, countries=(hit.code,)))
        else:
            found.append(replace(mention, seller=hit.code, countries=(system.buyer, hit.code)))
    return found


def _system_under_discussion(mentions: Sequence[_Mention], sentence: int) -> _Mention | None:
    """The latest mention up to the sentence that names a model and its seller."""
    return next((m for m in reversed(mentions) if m.model and m.seller and m.sentence <= sentence), None)


def _respective_count_mentions(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]],
                               mentions: Sequence[_Mention], read: set[int]) -> list[_Mention]:
    """"Kỷ lục trước đó thuộc về Qatar và Ai Cập với lần lượt 36 và 54 chiếc": counts of the system under discussion
    in a sentence with no trade word, which the trade sentences' reading skipped."""
    found: list[_Mention] = []
    for sentence in sentences:
        if sentence.index in read or "lần lượt" not in sentence.text:
            continue
        system = _system_under_discussion(mentions, sentence.index)
        if system is not None:
            found += _respective_counts(sentence, sentence.text.lower(), country_hits.get(sentence.index, ()), system)
    return found


# "thuộc về Qatar và Ai Cập với lần lượt 36 và 54 chiếc": each country with its count, in order.
_RESPECTIVELY = re.compile(r"\s+(?:với\s+)?lần lượt(?:\s+là)?\s+(\d{1,4}(?:\s*(?:,|và)\s*\d{1,4})+)\s+chiếc\b")
_COUNT_IN_LIST = re.compile(r"\d{1,4}")


def _respective_counts(sentence: Sentence, lower: str, hits: Sequence[CountryHit], system: _Mention) -> list[_Mention]:
    found = []
    for i, hit in enumerate(hits):
        counts = _RESPECTIVELY.match(lower, hit.end)
        if counts is None:
            continue
        buyers = [hit]
        while len(buyers) <= i and _COORDINATED.fullmatch(lower, hits[i - len(buyers)].end, buyers[0].start):
            buyers.insert(0, hits[i - len(buyers)])
        numbers = [int(n) for n in _COUNT_IN_LIST.findall(counts.group(1))]
        if len(numbers) == len(buyers) and system.seller not in {b.code for b in buyers}:
            found += [_as_referenced(system, sentence, lower, b.code, n, None, None) for b, n in zip(buyers, numbers)]
    return found


# "mua hệ thống này", "đặt hàng loại vũ khí này": the system named before, the object of the sentence's buying verb.
_BOUGHT_AGAIN = re.compile(r"\b(mua|đặt mua|đặt hàng|sở hữu|nhận)\s+(?:\S+\s+){0,2}?(?:hệ thống|tổ hợp|tên lửa"
                           r"|loại (?:vũ khí|máy bay|tên lửa|tàu|pháo|xe)|mẫu (?:máy bay|tàu|xe)"
                           r"|dòng (?:máy bay|tiêm kích|vũ khí|pháo))\s+(?:này|đó|nói trên)\b")
# "hệ thống này", "loại máy bay này", "dòng xe tăng này": the system named before.
_THIS_SYSTEM = re.compile(r"\b(?:(?:hệ thống|tổ hợp) |(?:loại|dòng|mẫu|kiểu) (?:[^\s,.;]+ ){0,3}?)(?:này|đó|nói trên)\b")
# "đã được Thổ Nhĩ Kỳ, Ấn Độ và Ai Cập đặt mua": the commas of a list of buyers end no clause.
_LIST_KEEPING_BREAKS = clause_breaks(";:")
# "đã được Ấn Độ và Qatar đặt mua": the countries right after "được" are the buyers.
_BOUGHT_BY = re.compile(r"\bđược\s+$")
# "Ba Lan, khách hàng nước ngoài đầu tiên của dòng xe tăng này, đã ký ...": the country before is a customer.
_CUSTOMER_OF = re.compile(r"\bkhách hàng\b[^,.;]{0,40}?\bcủa\s+$")
_COUNT_BOUGHT = re.compile(r"\s+(?:\S+\s+){0,3}?(\d{1,4}) chiếc\b")


def _bought_by_reference(sentence: Sentence, lower: str, hits: Sequence[CountryHit], dates: Sequence[DateHit],
                         system: _Mention) -> list[_Mention]:
    """The buyers of the system under discussion in a sentence that names it back as what they buy ("UAE ký hợp đồng
    ... mua hệ thống này", "Loại tiêm kích này đã được Ai Cập và Qatar đặt mua", "Ba Lan, khách hàng đầu tiên của dòng
    xe tăng này, đã ký hợp đồng mua 180 chiếc"), when it names no other equipment."""
    found = _bought_reference(sentence.text, lower, system.model)
    if found is None:
        return []
    reference, verb = found
    parties = tuple(_parties(hits, (), sentence.text))
    buyers = _passive_buyers(lower, parties, verb[0])
    if not buyers:
        buyer, _ = _roles(lower, parties, reference[0], reference[1], system.seller)
        # "Latvia và Litva cũng đang trong quá trình mua sắm loại vũ khí này": each country of the subject buys.
        buyers = (buyer,) if buyer else _subject_list(lower, parties, reference[0])
    # The system's own buyer naming it back tells of its own deal, which its named-back mention joins.
    buyers = tuple(code for code in buyers if code and code not in (system.seller, system.buyer))
    if not buyers:
        return []
    money = find_money(sentence.text, *_money_date(dates, None)) if _DIGIT.search(sentence.text) else []
    status = _status(lower)
    dated = _order_date(lower, dates, *reference, status) if status in ("signed", "delivered") else None
    single = len(buyers) == 1
    value = money[0].money if len(money) == 1 and single else None
    count = _COUNT_BOUGHT.match(lower, verb[1]) if single else None
    quantity = int(count.group(1)) if count else None
    return [_as_referenced(system, sentence, lower, each, quantity, dated, value) for each in buyers]


def _bought_reference(text: str, lower: str, model: str | None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the sentence names the system told before as what is bought, and where its buying verb is: the verb's
    object in a sentence naming no equipment ("mua hệ thống này"); the verb after "được" and its buyers ("loại tiêm
    kích này đã được Ai Cập đặt mua", "Pháo tự hành K9 trước đó đã được Thổ Nhĩ Kỳ, Ấn Độ và Ai Cập đặt mua", the
    system by its `model`); the verb of a customer of it ("Ba Lan, khách hàng ... của dòng xe tăng này, đã ký hợp đồng
    mua ..."). Equipment named in the sentence beside the reference is another trade."""
    spans = _system_spans(text, lower)
    again = _BOUGHT_AGAIN.search(lower)
    if again:
        elsewhere = [start for start, *_ in spans if not again.start() <= start < again.end()]
        return None if elsewhere else (again.span(), again.span(1))
    buy = _patterns()["buy_verbs"]
    named_back = [m.span() for m in _THIS_SYSTEM.finditer(lower)]
    by_model = [(start, end) for start, end, _, named in spans if model is not None and named == model]
    for reference in sorted(named_back + by_model):
        if any(not reference[0] <= start < reference[1] for start, *_ in spans):
            return None
        clause_end = clause_around(_LIST_KEEPING_BREAKS, lower, *reference)[1]
        after = buy.search(lower, reference[1], clause_end)
        if after and "được" in lower[reference[1]:after.start()].split():
            return reference, after.span()
        if _CUSTOMER_OF.search(lower, max(0, reference[0] - _CUSTOMER_REACH), reference[0]):
            after = buy.search(lower, reference[1])
            if after:
                return reference, after.span()
    return None


_CUSTOMER_REACH = 60


def _passive_buyers(lower: str, parties: Sequence[_Party], verb: int) -> tuple[str, ...]:
    """"đã được Ấn Độ và Qatar đặt mua": the countries listed between "được" and the buying verb."""
    run = _run_before(lower, parties, verb)
    if run is None or lower[run[-1].end:verb].strip() or not _BOUGHT_BY.search(lower, 0, run[0].start):
        return ()
    return tuple(dict.fromkeys(p.code for p in run))


# "Latvia và Litva cũng đang trong quá trình mua sắm ...": the countries listed together right before the verb.
_SUBJECT_LIST_REACH = 45


def _subject_list(lower: str, parties: Sequence[_Party], verb: int) -> tuple[str, ...]:
    run = _run_before(lower, parties, verb)
    if run is None or verb - run[-1].end > _SUBJECT_LIST_REACH or re.search(r"[,.;]", lower[run[-1].end:verb]):
        return ()
    codes = tuple(dict.fromkeys(p.code for p in run))
    return codes if len(codes) > 1 else ()


def _run_before(lower: str, parties: Sequence[_Party], verb: int) -> list[_Party] | None:
    """The last run of countries listed together that ends before the verb."""
    runs = [run for run in _country_lists(lower, parties) if run[-1].end <= verb]
    return runs[-1] if runs else None


def _as_referenced(system: _Mention, sentence: Sentence, lower: str, buyer: str, quantity: int | None,
                   dated: str | None, money: Money | None) -> _Mention:
    return replace(system, kind="purchase", buyer=buyer, quantity=quantity, money=money, dated=dated,
                   status=_status(lower) or system.status, sentence=sentence.index, countries=(buyer,), recalled=True,
                   headline=False, additional=False, packaged=False, named_back=False)


def _named_back_for_another_buyer(found: Sequence[_Mention], earlier: Sequence[_Mention]) -> list[_Mention]:
    """"Ngoài ra, Iraq đang cân nhắc khả năng mua dòng máy bay này": the system of the latest trade of its kind told
    before, from the same seller, for a buyer of its own."""
    kept = []
    for mention in found:
        if mention.named_back and mention.buyer and mention.seller is None:
            told = next((m for m in reversed(earlier) if m.system and m.seller and m.category == mention.category
                         and m.buyer != mention.buyer and m.seller != mention.buyer), None)
            if told is not None:
                mention = replace(mention, seller=told.seller, system=told.system, model=told.model, named_back=False)
        kept.append(mention)
    return kept


def _trades_told_before(earlier: Sequence[_Mention], sentence: int, reach: int) -> list[_Mention]:
    """The trades with both sides known told in the `reach` sentences before `sentence`, in order."""
    return [m for m in earlier if m.buyer and m.seller and 0 < sentence - m.sentence <= reach]


# "hai nước", "hai bên": the two countries told of just before.
_THE_TWO = re.compile(r"\bhai (?:nước|bên|quốc gia|chính phủ)\b")
_TWO_TOLD_REACH = 3


def _between_the_two_told_before(found: Sequence[_Mention], lower: str, earlier: Sequence[_Mention]
                                 ) -> list[_Mention]:
    """"Thương vụ được thực hiện trên cơ sở hiệp định ... mà hai nước ký năm 2016" after a trade of Philippines with
    Japan: an agreement of "the two countries", naming none, is between the sides of the trade told just before."""
    if not _THE_TWO.search(lower):
        return list(found)
    told = [m for m in found if m.kind == "agreement" and not m.countries]
    if not told:
        return list(found)
    sided = _trades_told_before(earlier, told[0].sentence, _TWO_TOLD_REACH)
    if not sided:
        return list(found)
    # Of the sentence that told one last, its first trade: the main clause's, not one recalled after it.
    first = next(m for m in sided if m.sentence == sided[-1].sentence)
    return [replace(m, countries=(first.buyer, first.seller)) if m in told else m for m in found]


_TRADE_TOLD_REACH = 2


def _buyer_of_the_trade_told_before(found: Sequence[_Mention], earlier: Sequence[_Mention]) -> list[_Mention]:
    """"DSCA thông báo ... phê chuẩn các thương vụ tiềm năng bán vũ khí cho Đài Loan ... Ngoài ra còn có 60 tên lửa
    Harpoon trị giá 355 triệu USD": equipment counted and priced in a sentence that names no buyer for it, sold by the
    seller of a trade told just before, goes to that trade's buyer."""
    kept = []
    for mention in found:
        if mention.buyer is None and mention.seller and mention.quantity and mention.money \
                and set(mention.countries) <= {mention.seller}:
            told = next((m for m in reversed(_trades_told_before(earlier, mention.sentence, _TRADE_TOLD_REACH))
                         if m.seller == mention.seller), None)
            if told is not None:
                mention = replace(mention, buyer=told.buyer)
        kept.append(mention)
    return kept


def _this_country_buys(found: Sequence[_Mention], lower: str, earlier: Sequence[_Mention],
                       told_before: str | None = None) -> list[_Mention]:
    """A sentence whose buyer is "nước này" buys for the country the sentence before opens with (`told_before`:
    "Bulgaria là thành viên NATO từ năm 2004. Trong những năm gần đây, nước này cũng đã đặt mua 16 tiêm kích F-16"),
    when "nước này" opens a clause, else for the buyer of the latest trade told before it."""
    if not THIS_COUNTRY.search(lower):
        return list(found)
    subject = THIS_COUNTRY_OPENING_A_CLAUSE.search(lower) is not None
    buyer = (told_before if subject else None) or next((m.buyer for m in reversed(earlier) if m.buyer), None)
    return [replace(m, buyer=buyer, countries=tuple(dict.fromkeys((*m.countries, buyer))))
            if m.buyer is None and m.seller and buyer and buyer != m.seller else m for m in found]


# "Gói này gồm hai khinh hạm ..., 36 xe AAV7 ... và 201 tên lửa Javelin", "Gói tiếp theo là 12 tên lửa Harpoon": the
# items of the package told just before.
_PACKAGE_INCLUDES = re.compile(r"\bgói (?:\S+ ){0,3}?(?:bao )?gồm\b|\bhạng mục (?:\S+ ){0,3}?(?:bao )?gồm\b"
                               r"|\bgói (?:tiếp theo|thứ (?:nhất|hai|ba|tư)|cuối cùng|còn lại) (?:là|gồm)\b")


def _package_items(found: Sequence[_Mention], lower: str, earlier: Sequence[_Mention]) -> list[_Mention]:
    """Equipment a sentence lists, counted or by model, as the contents of a package, with no buyer or seller of its
    own, is traded between the sides of the latest trade told before it, at its stage."""
    package = _PACKAGE_INCLUDES.search(lower)
    # "36 máy bay ..., kèm theo gói vũ khí gồm tên lửa ...": the weapons that come with a system are part of its deal.
    if package is None or _ALONG.search(lower, max(0, package.start() - 15), package.start()):
        return list(found)
    told = next((m for m in reversed(earlier) if m.buyer and m.seller), None)
    if told is None:
        return list(found)
    # With no trade verb of its own, the sentence's countries only describe the items ("đã loại biên của Hải quân Mỹ");
    # a signing is one ("Bộ Quốc phòng Romania ký với Hanwha gói hợp đồng gồm 54 pháo K9").
    own_roles = _patterns()["buy_verbs"].search(lower) or _patterns()["sell_verbs"].search(lower) \
        or _SIGN.search(lower)
    return [replace(m, buyer=m.buyer if own_roles and m.buyer else told.buyer,
                    seller=m.seller if own_roles and m.seller else told.seller, status=m.status or told.status,
                    countries=tuple(dict.fromkeys((*m.countries, told.buyer, told.seller))), packaged=True)
            if m.system and (m.quantity is not None or m.model) and (not own_roles or m.buyer is None or m.seller is None)
            else m for m in found]
