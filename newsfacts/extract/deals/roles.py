"""Who buys and who sells: the cues around each country or maker a trade sentence names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsfacts.extract.companies import CompanyHit
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.prefilter import guarded, prefiltered
from newsfacts.extract.deals.stage import _clause
from newsfacts.extract.deals.vocabulary import (
    BEATS_A_RIVAL, _AUXILIARY, _exporter_rank, _patterns, known_suppliers, major_exporters,
)


_SIGN = prefiltered(r"\bký\b")


# A contract is signed with its counterpart ("ký ... với X") or simply made with it ("công bố hợp đồng ... với X").
_CONTRACT = prefiltered(r"hợp đồng")


_PASSIVE = prefiltered(r"\bđược\s+$")


_COORDINATION = re.compile(r"\s*(?:và|-|,)\s*")


class _Party(NamedTuple):
    """A country or a maker named in the sentence; a named tuple, as the sentence's parties key several caches."""

    code: str
    start: int
    end: int
    company: bool = False


def _parties(hits: Sequence[CountryHit], companies: Sequence[CompanyHit], text: str = "") -> list[_Party]:
    """The countries and makers of a sentence; a country in brackets right after another ("Đài Loan (Trung Quốc)")
    only qualifies it and plays no part of its own, nor does one that objects to the deal."""
    bordering = neighbours(hits, text)
    parties = [_Party(h.code, h.start, h.end) for i, h in enumerate(hits)
               if not (text and i and _BRACKETED.fullmatch(text, hits[i - 1].end, h.start)
                       and text.startswith(")", h.end))
               and i not in bordering
               and not (text and _OBJECTS.match(text, h.end))
               and not (text and _AT_AN_EVENT.search(text, max(0, h.start - 60), h.start))
               and not (text and _PRESSURE_OF.search(text, max(0, h.start - 40), h.start))
               and not (text and _RELATIONS_BETWEEN.search(text, max(0, h.start - 60), h.start))
               and not (text and _MEDIA_GLOSS.search(text, max(0, h.start - 60), h.start)
                        and text.startswith(")", h.end))]
    parties += [_Party(c.country, c.start, c.end, company=True) for c in companies]
    return sorted(parties, key=lambda p: p.start)


_BRACKETED = re.compile(r"\s*\(\s*")


# "phù hợp với đơn hàng này cùng mối quan hệ lịch sử giữa Mỹ và Đài Loan": the countries whose ties are told take
# no part for that in a deal.
_RELATIONS_BETWEEN = re.compile(r"\bquan hệ(?: [^\s,.;]+){0,4} giữa (?:[^,.;]{1,25} và )?$")


# "hãng tin Reuters (Anh) dẫn một tuyên bố ...": the home of the media that report a deal, in brackets after their
# name, takes no part in it.
_MEDIA_GLOSS = guarded(r"\b(?i:hãng tin|hãng thông tấn|thông tấn xã|báo|tờ|tạp chí|kênh|đài)\s+[A-Z][^\s(),.;]*"
                       r"(?:\s+[A-Z][^\s(),.;]*){0,3}\s*\(\s*$")


# "Quốc gia vùng Baltic giáp biên giới với Nga", "láng giềng với Nga và Belarus": countries that place the buyer on
# the map take no part in its deal.
# "nước láng giềng Estonia" is the neighbour itself.
_BORDERING_WORDS = ("giáp", "Giáp", "GIÁP", "láng giềng", "Láng giềng", "LÁNG GIỀNG", "sát sườn", "Sát sườn")
_BORDERING = re.compile(r"\b(?:(?:giáp(?: biên giới| ranh)?|tiếp giáp|sát sườn)\s+(?:với\s+|của\s+)?"
                        r"|láng giềng\s+(?:với|của)\s+)(?:cả\s+)?$", re.IGNORECASE)


def neighbours(hits: Sequence[CountryHit], text: str) -> set[int]:
    """Indexes of the hits named as a neighbour, the ones listed right after such a hit included."""
    found: set[int] = set()
    if not text or not any(word in text for word in _BORDERING_WORDS):  # the search below is the slower test
        return found
    for i, hit in enumerate(hits):
        if (_BORDERING.search(text, max(0, hit.start - 30), hit.start)
                or i - 1 in found and _COORDINATION.fullmatch(text, hits[i - 1].end, hit.start)):
            found.add(i)
    return found


# "tại một triển lãm quốc phòng ở Thái Lan": the country where an event took place takes no part in the deal told there.
_AT_AN_EVENT = re.compile(r"\b(?:tại|ở|trong)\s+(?:một\s+|các\s+)?(?:triển lãm|hội chợ|hội nghị|diễn đàn|hội thảo|cuộc họp|sự kiện)"
                          r"[^,.;]{0,30}?\s(?:ở|tại)\s+$", re.IGNORECASE)


# "bất chấp áp lực rất lớn từ Washington", "do đạo luật CAATSA của Mỹ", "với sự chấp thuận của Washington": the
# country that presses, sanctions or consents to a deal of others takes no part in it.
_PRESSURE_OF = re.compile(r"\b(?:áp lực|sức ép|mối đe dọa|lời cảnh báo|lệnh trừng phạt|đạo luật|lệnh cấm vận"
                          r"|sự (?:chấp thuận|cho phép|đồng ý))"
                          r"(?:\s+(?:rất lớn|mạnh mẽ|[A-Z]{3,}))?\s+(?:từ|của)\s+(?:phía\s+)?$")


# "Bắc Kinh đã nhiều lần lên tiếng phản đối thương vụ F-16", "đã bị Washington áp lệnh trừng phạt ... sau khi nhận
# lô S-400": a country that objects to a deal, or sanctions the buyer for it, takes no part in it.
_OBJECTS = re.compile(r"\s+(?:(?:đã|đang|cũng|liên tục|nhiều lần|kịch liệt|mạnh mẽ|lên tiếng|lập tức|ngay lập tức)\s+)*"
                      r"(?:phản đối|chỉ trích|lên án|phản ứng|cảnh báo|(?:áp (?:đặt )?(?:lệnh )?)?trừng phạt|cấm vận)\b",
                      re.IGNORECASE)


_FROM = prefiltered(r"\btừ\s+(?:phía\s+|tập đoàn\s+|công ty\s+|hãng\s+|(?:không quân|hải quân|lục quân|quân đội)\s+)?$")


_MADE_BY = prefiltered(r"\bdo\s+(?:tập đoàn\s+|công ty\s+|hãng\s+)?$")


# "hệ thống tên lửa Patriot do Mỹ sản xuất": the maker named right after its own equipment, not after another's.
_MAKER_REACH = 40
# "mua 17 tiêm kích Gripen E/F, thay thế phi đội Kfir do Israel chế tạo": the maker told after is the replaced fleet's.
_REPLACED = re.compile(r"\bthay(?: thế)?(?: cho)?\s")


# "tên lửa do liên doanh giữa Ấn Độ và Nga phát triển": the countries of a joint venture that makes it.
_JOINTLY_MADE_BY = re.compile(r"\bdo\s+(?:các\s+)?(?:liên doanh|liên danh|tập đoàn|công ty|hãng)\b[^,.;]{0,30}?\bgiữa\s+"
                              r"(?:[^,.;]{0,70}?\s(?:và|với)\s+)?(?:[^,.;]{0,50}?\s)?$")
_MADE_LATER = re.compile(r"[^,.;]{0,90}?\s(?:sản xuất|chế tạo|phát triển|thiết kế)\b")
# "S-70i Black Hawk do công ty PZL Mielec của Ba Lan sản xuất": the country of the firm that makes it.
_MADE_BY_FIRM_OF = re.compile(r"\bdo\s+(?:tập đoàn|công ty|hãng|nhà máy)\s+[^,.;]{1,40}?\s+của\s+$")
_FIRM_MAKER_REACH = 70


_MADE = re.compile(r"\s+(?:sản xuất|chế tạo|phát triển|cung cấp|đóng|thiết kế|thực hiện)")
# "do công ty PZL Mielec của Ba Lan, công ty con của tập đoàn Lockheed Martin (Mỹ), sản xuất": a word on the firm.
_ON_THE_FIRM = re.compile(r"\s*,\s*(?:công ty|tập đoàn|hãng|chi nhánh|đơn vị)\b[^,.;]{0,70},")


def _past_a_word_on_the_firm(lower: str, end: int) -> int:
    aside = _ON_THE_FIRM.match(lower, end)
    return aside.end() if aside else end


# "giao hơn 130 tiêm kích họ Su-30 cho các khách hàng như Trung Quốc, Indonesia và Venezuela": examples of a maker's
# customers in a tally, no one's deal.
_EXAMPLES = re.compile(r"\bcho\s+(?:\S+\s+){0,3}?như\s+$")


_TO = prefiltered(r"\b(?:cho|sang)\s+(?!biết|hay|rằng|thấy|phép|việc)(?:(?!của\b|với\b)\S+\s+){0,4}$")


# "vốn được trao tạm thời cho một công ty Trung Quốc": a contract awarded to a firm of that country, which sells.
_AWARDED_TO = re.compile(r"\bcho\s+(?:một\s+|các\s+)?(?:công ty|tập đoàn|hãng|doanh nghiệp|nhà thầu)"
                         r"(?:\s+(?:quốc phòng|nhà nước|của))?\s+$")


# "ký hợp đồng với Tập đoàn HHI của Hàn Quốc", "ký với công ty đóng tàu Hàn Quốc X": a firm named with its country
# counts as that country.
_WITH = prefiltered(r"(?:\bký\b|hợp đồng)[^.;]{0,100}?\bvới\s+(?:(?:các\s+)?(?:công ty|tập đoàn|doanh nghiệp|hãng|nhà sản xuất|chính phủ"
                    r"|cơ quan(?: mua sắm)?|bộ|lực lượng|quân đội|hải quân|không quân|lục quân)\s+)?"
                    r"(?:(?:quốc phòng|đóng tàu|vũ khí|hàng không(?: vũ trụ)?|công nghiệp quốc phòng|thương mại)\s+)?"
                    r"(?:[^,.;()]{1,50}?(?:\([^()]{1,12}\))?\s+của\s+)?$")


_OF = prefiltered(r"\bcủa\s+$")
# "Thổ Nhĩ Kỳ bị Mỹ loại khỏi chương trình F-35 ... sau khi tiếp nhận S-400", "bị loại khỏi chương trình F-35 do Mỹ
# dẫn dắt, sau khi nhận S-400": the agent of a passive or of a relative phrase is no subject.
_AGENT = re.compile(r"\b(?:bị|do)\s+$")


# "tiêm kích F-16 của Mỹ": a genitive right after the equipment is its own.
_OWN_GENITIVE_CHARS = 6


# "12 tiêm kích Mirage 2000-5 đã qua sử dụng của Qatar": second-hand equipment is sold by its owner, not its maker.
_SECOND_HAND_WORDS = r"đã qua sử dụng|\bcũ|loại biên|đã nghỉ hưu"
_SECOND_HAND_OF = prefiltered(r"(?:" + _SECOND_HAND_WORDS + r"|thanh lý)\s+(?:\S+\s+){0,3}?của\s+"
                              r"(?:(?:không quân|hải quân|lục quân|quân đội|chính phủ|bộ quốc phòng)\s+)?$")
_SECOND_HAND_REACH = 40


_SECOND_HAND = re.compile(r"\b(?:" + _SECOND_HAND_WORDS + r"|từng phục vụ)\b")


# "Mỹ sẵn sàng giúp Australia sản xuất tên lửa": the helper sells the know-how, the helped country builds.
_HELPED = re.compile(r"\b(?:giúp|giúp đỡ|hỗ trợ)\s+$")


_HELP_REACH = 60


_BUILD = r"(?:tự\s+)?(?:sản xuất|chế tạo|phát triển|đóng|lắp ráp)\b"


_BUILDS = re.compile(r"\s+" + _BUILD)


_HELPS = re.compile(_AUXILIARY.replace("+", "*", 1) + r"(?:sẵn sàng\s+)?(?:giúp|giúp đỡ|hỗ trợ)\s+(?:\S+\s+){1,3}?"
                    + _BUILD)


# "bán cho Ba Lan 48 máy bay FA-50": the recipient named just before the equipment and its count.
_RECIPIENT_BEFORE = 12
# "thương vụ vũ khí ... cho đảo Đài Loan, trong đó có tên lửa tầm trung, ...": the recipient of a sale whose contents
# are listed after it.
_CONTENTS_AFTER = re.compile(r"\s*,?\s*(?:trong đó (?:có|gồm)|bao gồm|gồm(?: có)?)\s+")


# "4 tàu hộ vệ lớp MILGEM đặt đóng tại Thổ Nhĩ Kỳ": the country a buyer orders its ships from builds and sells them.
_ORDERED_BUILT_AT = re.compile(r"\bđặt (?:hàng |mua )?(?:đóng|sản xuất|chế tạo)\b[^.,;]{0,40}\btại\s+$")
_BUILT_AT_REACH = 90


_MADE_AT = prefiltered(r"(?<!đặt )(?<!đặt hàng )(?:sản xuất|lắp ráp|đóng)\b[^.,;]{0,60}\btại\s+$")


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
    made_by_firm_of: bool
    after_to: bool
    made_at: bool
    after_of: bool
    second_hand_of: bool
    buys: bool
    sells: bool
    helped: bool
    helps: bool
    signed_with: bool
    ordered_built_at: bool
    orders_in_relative: bool
    bought_of: bool
    chosen_supplier: bool


# "đơn hàng 18 khẩu ATMOS mà Bogota ký cuối năm 2022": the country of a relative clause that orders the equipment.
_WHICH = re.compile(r"\bmà\s+$")
_ORDERS = re.compile(r"\s+(?:(?:đã|vừa|từng|mới)\s+)?(?:ký|đặt mua|đặt hàng|đặt|mua|nhận|tiếp nhận)\b")
_RELATIVE_REACH = 40

# "nước đã mua của Nga xe tăng", "F-16 mua lại của Na Uy": the country bought from, on either side of the equipment
# ("mua sắm của Indonesia" is the buyer's own procurement, so not this).
_BOUGHT_OF = re.compile(r"\bmua(?:\s+lại|\s+thêm)?\s+của\s+$")
_BOUGHT_OF_REACH = 40


# "Na Uy đã chọn Anh làm đối tác chiến lược để mua sắm thế hệ khinh hạm mới": the country chosen to supply it.
_CHOSEN = re.compile(r"\b(?:lựa )?chọn\s+$")
_AS_SUPPLIER = re.compile(r"\s+(?:làm|là)\s+(?:đối tác|nhà cung cấp|nhà thầu|đơn vị cung cấp)\b")
_CHOSEN_REACH = 90


# ", nước láng giềng và cũng là đối thủ trong khu vực Balkan,": what the country before it is, between commas.
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:nước|quốc gia|đối thủ|đồng minh|láng giềng|khách hàng|đối tác|thành viên)\b"
                               r"[^,.;]{0,80},")


# "kế hoạch của Ấn Độ mua 5 hệ thống S-400": the country whose plan or decision it is buys (an ally "của Mỹ" does not
# make the United States the subject).
_PLAN_OF = re.compile(r"\b(?:kế hoạch|dự định|ý định|quyết định|nỗ lực|nhu cầu|mong muốn|tham vọng|đề nghị|yêu cầu)"
                      r"\s+của\s+$")


@lru_cache(maxsize=256)
def _party_cues(lower: str, parties: tuple[_Party, ...]) -> tuple[_PartyCues, ...]:
    """The cues of every party of a sentence, read once however many equipment phrases it names."""
    buy, sell = _patterns()["buyer_before_verb"], _patterns()["seller_before_verb"]
    helping = "giúp" in lower or "hỗ trợ" in lower
    cues = []
    for party in parties:
        before = lower[max(0, party.start - 80):party.start]
        after = " " + lower[party.end:party.end + 50]
        if aside := _APPOSITION_AFTER.match(lower, party.end):
            after = " " + lower[aside.end():aside.end() + 50]  # "Croatia, nước láng giềng ..., mua 12 chiếc Rafale"
        cues.append(_PartyCues(
            after_from=_FROM.search(before[-15:]) is not None or _AWARDED_TO.search(before[-40:]) is not None,
            made_by=_MADE_BY.search(before[-25:]) is not None and _MADE.match(lower, party.end) is not None
            or _JOINTLY_MADE_BY.search(before[-90:]) is not None and _MADE_LATER.match(lower, party.end) is not None,
            made_by_firm_of=_MADE_BY_FIRM_OF.search(before[-70:]) is not None
            and _MADE.match(lower, _past_a_word_on_the_firm(lower, party.end)) is not None,
            after_to=_TO.search(before[-30:]) is not None and not _EXAMPLES.search(before[-30:]),
            made_at=_MADE_AT.search(before) is not None,
            after_of=_OF.search(before[-8:]) is not None and not _PLAN_OF.search(before[-30:]),
            second_hand_of=_SECOND_HAND_OF.search(before[-45:]) is not None,
            buys=buy.match(after) is not None, sells=sell.match(after) is not None,
            helped=helping and _HELPED.search(before[-15:]) is not None and _BUILDS.match(after) is not None,
            helps=helping and _HELPS.match(after) is not None,
            signed_with=_WITH.search(lower[max(0, party.start - 160):party.start]) is not None,
            ordered_built_at=_ORDERED_BUILT_AT.search(before) is not None,
            orders_in_relative=_WHICH.search(before[-6:]) is not None and _ORDERS.match(after) is not None,
            bought_of=_BOUGHT_OF.search(before[-20:]) is not None,
            chosen_supplier=_CHOSEN.search(before[-12:]) is not None and _AS_SUPPLIER.match(after) is not None))
    return tuple(cues)


def _explicit_roles(lower: str, parties: tuple[_Party, ...], start: int, end: int) -> _Cues:
    """Roles the words around each party give: "từ X", "do X sản xuất", "cho X", "sản xuất tại X", "X mua", "X bán"."""
    buyer = seller = genitive = maker = None
    by_verb = ""
    makers: tuple[str, ...] = ()
    clause_start = _clause(lower, start, end)[0]
    subject_in_clause = any(not p.company and clause_start <= p.start < start for p in parties)
    for party, cue in zip(parties, _party_cues(lower, parties)):
        if buyer and seller and genitive and seller != maker:
            break
        if cue.after_from and 0 <= party.start - end <= 60 \
                or cue.chosen_supplier and 0 <= start - party.end <= _CHOSEN_REACH \
                or cue.second_hand_of and 0 <= party.start - end <= _SECOND_HAND_REACH \
                or cue.bought_of and (0 <= party.start - end <= _BOUGHT_OF_REACH
                                      or 0 <= start - party.end <= _BOUGHT_OF_REACH):
            # "25 chiếc F-16 (do Mỹ sản xuất) đã qua sử dụng của Đan Mạch": the source named sells, not the maker.
            seller = party.code if seller is None or seller == maker else seller
            maker = None
        elif cue.made_by and 0 <= party.start - end <= _MAKER_REACH and not _REPLACED.search(lower, end, party.start) \
                or cue.made_by_firm_of and 0 <= party.start - end <= _FIRM_MAKER_REACH \
                or cue.ordered_built_at and 0 <= party.start - end <= _BUILT_AT_REACH:
            if seller is None:
                seller = maker = party.code
        elif (cue.after_to and (party.start >= start and not _ANOTHER_EVENT.search(lower, end, party.start)
                                or 0 <= start - party.end <= _RECIPIENT_BEFORE
                                or _CONTENTS_AFTER.fullmatch(lower, party.end, start))
              or cue.made_at or cue.orders_in_relative and 0 <= party.start - end <= _RELATIVE_REACH) \
                and not party.company:
            buyer = buyer or party.code
        elif cue.after_of and 0 <= party.start - end <= _OWN_GENITIVE_CHARS:
            joint = _joint_makers(lower, parties, party)
            if joint:
                makers = joint
            else:
                genitive = genitive or party.code
        elif (cue.buys or cue.sells) and party.start >= end and _CLAUSE_MARK.search(lower, end, party.start):
            continue  # "Ba Lan nhận xe tăng K2, Nhật Bản xuất khẩu Patriot": the subject of the next clause's trade
        elif not party.company and cue.buys and not cue.signed_with and not cue.after_of:
            # "Ba Lan mua 32 chiếc F-35A và Nhật Bản mua 42 chiếc F-35B": the buyer of each is the subject of the
            # buying verb nearest before it; "Estonia mua 6 hệ thống HIMARS, còn Lithuania ... mua 8 bệ phóng": not
            # the subject of a clause before the equipment's own, which has a subject of its own.
            if party.end <= clause_start and subject_in_clause:
                continue
            if buyer is None or by_verb == "buys" and party.end <= start:
                buyer, by_verb = party.code, "buys"
        elif cue.sells and not cue.signed_with and not _in_another_event(lower, end, party):
            if seller is None or by_verb == "sells" and party.end <= start:
                seller, by_verb = party.code, "sells"
        elif (cue.helped or cue.helps) and 0 <= start - party.end <= _HELP_REACH:
            if cue.helped and not party.company:
                buyer = buyer or party.code
            elif cue.helps:
                seller = seller or party.code
    return _Cues(buyer, seller, genitive, _signatories(lower, parties, start), makers)


def _joint_makers(lower: str, parties: Sequence[_Party], first: _Party) -> tuple[str, ...]:
    """"BrahMos của Nga-Ấn", "... của Nga và Ấn Độ": the countries of a joint maker, never its buyer."""
    following = next((p for p in parties if p.start >= first.end), None)
    if following is None or following.code == first.code or not _COORDINATION.fullmatch(lower, first.end, following.start):
        return ()
    return first.code, following.code


@lru_cache(maxsize=256)
def _signatories(lower: str, parties: tuple[_Party, ...], start: int) -> tuple[str | None, str | None]:
    """In "A ký ... với B": A sells when a selling verb comes between ("ký hợp đồng cung cấp ... với B"), buys when a
    buying one does; else a company A sells to B's country and a government A buys from B. Not for equipment told
    before a contract that names equipment of its own ("mua 3 tàu hộ tống ... sau khi mất hợp đồng tàu ngầm với Úc")."""
    counterparts = [p for p in parties if _WITH.search(lower[max(0, p.start - 160):p.start])
                    or _VISITED.search(lower, max(0, p.start - 12), p.start) and _TO_SIGN.match(lower, p.end)]
    signs = list(_SIGN.finditer(lower)) or list(_CONTRACT.finditer(lower))
    if not signs:
        return None, None
    # "Estonia ký hợp đồng mua 6 hệ thống HIMARS, còn Lithuania ký thỏa thuận với Mỹ để mua 8 bệ phóng": the signing
    # of the equipment's own clause, and the counterpart after it ("Hợp đồng với Indonesia ..., sau khi Australia hủy
    # hợp đồng đóng 12 tàu ngầm với Naval Group").
    clause_start = _clause(lower, start, start)[0]
    sign = next((m for m in signs if clause_start <= m.start() < start), signs[0])
    counterpart = next((p for p in counterparts if p.start > sign.start()), counterparts[0] if counterparts else None)
    if counterpart is not None and start < sign.start() < counterpart.start \
            and _patterns()["head"].search(lower, sign.end(), counterpart.start):
        return None, None
    signers = [p for p in parties if p.end <= sign.start()]
    if counterpart is None:
        return _joint_signers(lower, signers, sign.end()) if len(signers) != 1 else _lone_signer(lower, signers[0])
    if not signers or signers[-1].code == counterpart.code:
        return None, counterpart.code
    signer = signers[-1]
    between = lower[sign.end():counterpart.start]
    after = lower[counterpart.end:counterpart.end + _VERB_AFTER_COUNTERPART]
    if _patterns()["sell_verbs"].search(between) or _patterns()["sell_verbs"].match(after.lstrip()):
        return counterpart.code, signer.code
    if _patterns()["buy_verbs"].search(between) or _patterns()["buy_verbs"].match(after.lstrip()):
        return signer.code, counterpart.code
    company_signer = any(p.company for p in signers) or _FIRMS_OF.search(lower, max(0, signer.start - 30), signer.start)
    return (counterpart.code, signer.code) if company_signer else (signer.code, counterpart.code)


def _lone_signer(lower: str, signer: _Party) -> tuple[str | None, str | None]:
    """"Indonesia ký hợp đồng 42 tiêm kích Rafale và ...": a government that is the subject of "ký", with no
    counterpart named, buys, unless a selling verb follows the signing ("ký hợp đồng xuất khẩu ..."); a firm sells."""
    signs = _SIGNS_AFTER_SUBJECT.match(lower, signer.end)
    if signs is None:
        return None, None
    # "hợp đồng mua bán vũ khí" names a trade, not a side of it
    verbs = _patterns()["sell_verbs"].finditer(lower, signs.end(), signs.end() + _VERB_AFTER_SIGNING)
    sells = any(not lower.endswith("mua ", 0, verb.start()) for verb in verbs)
    if signer.company or sells:
        return None, signer.code
    return signer.code, None


_SIGNS_AFTER_SUBJECT = re.compile(r"\s+(?:(?:đã|vừa|chính thức|cũng|mới)\s+)*ký\b")
_VERB_AFTER_SIGNING = 30


# "Bộ trưởng Quốc phòng nước A sang nước B để ký hợp đồng mua ...": the country visited to sign is the other side.
_VISITED = re.compile(r"\b(?:tới|đến|sang)\s+(?:thăm\s+)?$")
_TO_SIGN = re.compile(r"\s+(?:để\s+)?ký\b")


_SIGNERS_LINK = re.compile(r"\s*(?:và|cùng)\s+(?:(?:tập đoàn|công ty|hãng|nhà sản xuất|bộ quốc phòng|chính phủ)\s+)?")


def _joint_signers(lower: str, signers: Sequence[_Party], signed: int) -> tuple[str | None, str | None]:
    """"Bộ Quốc phòng Kuwait và tập đoàn Finmeccanica của Italy ... ký hợp đồng": a government and a maker that sign
    together, the maker selling. "Thổ Nhĩ Kỳ và Anh ký hợp đồng trị giá 7,2 tỷ USD mua 20 tiêm kích": two governments
    that sign a purchase, the one that exports more arms selling (the ranking that orients agreements,
    `exporters.json`). None, None otherwise."""
    if len(signers) < 2:
        return None, None
    first, second = signers[-2], signers[-1]
    if second.company is False and first.company and first.code == second.code and len(signers) >= 3:
        first, second = signers[-3], first  # "tập đoàn Finmeccanica của Italy": the firm, then its country
    if first.code == second.code or not _SIGNERS_LINK.fullmatch(lower, first.end, second.start):
        return None, None
    if first.company == second.company:
        signs_a_purchase = not first.company and _SIGNS_A_PURCHASE.match(lower, signed) is not None
        return _by_exporter_rank(first.code, second.code) if signs_a_purchase else (None, None)
    government, maker = (second, first) if first.company else (first, second)
    return government.code, maker.code


# "ký hợp đồng trị giá 7,2 tỷ USD mua", "ký các hợp đồng mua", "ký thỏa thuận để mua", "ký thỏa thuận bán": the signing
# is of a sale.
_SIGNS_A_PURCHASE = re.compile(r"(?: kết)? (?:các |một )?(?:hợp đồng|thỏa thuận)(?: trị giá (?:[^,.;]|[,.](?=\d)){1,60}?)?"
                               r"(?: để)? (?:mua|bán)\b")


def _by_exporter_rank(a: str, b: str) -> tuple[str | None, str | None]:
    """(buyer, seller) of two governments trading with each other, the higher-ranked arms exporter selling; None, None
    when neither is ranked."""
    rank = _exporter_rank()
    if a not in rank and b not in rank:
        return None, None
    seller = min((a, b), key=lambda code: rank.get(code, len(rank)))
    return (b if seller == a else a), seller


# "ký hợp đồng với UAE bán 50 chiếc F-35": the verb right after the counterpart says which way the trade goes.
_VERB_AFTER_COUNTERPART = 20


# "các công ty của Mỹ đã ký ...": firms of a country sign as sellers, as a named firm does.
_FIRMS_OF = re.compile(r"(?:công ty|tập đoàn|hãng|doanh nghiệp|nhà thầu)(?: quốc phòng)?(?: của)?\s+$")


def _roles(lower: str, parties: tuple[_Party, ...], start: int, end: int,
           maker: str | None) -> tuple[str | None, str | None]:
    """(buyer, seller) from explicit cues, the model's maker, the subject of the verb, then the one other country."""
    cues = _explicit_roles(lower, parties, start, end)
    signer_buyer, signer_seller = cues.signed_by
    if maker is not None and maker == signer_buyer:
        signer_buyer, signer_seller = signer_seller, signer_buyer
    if signer_seller and _SECOND_HAND.search(lower, start, end + _SECOND_HAND_REACH):
        maker = None  # "ký hợp đồng ... với Chính phủ Na Uy để mua 32 tiêm kích F-16 từng phục vụ ...": the owner sells
    if maker is not None and not cues.seller and all(p.code != maker for p in parties):
        # "Mỹ phê duyệt thương vụ bán NASAMS cho Ukraine": the country the sentence says sells, not the model's maker
        maker = _seller_said(lower, parties, start) or maker
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
    others = {p.code for p, cue in zip(parties, _party_cues(lower, parties))
              if not p.company and not _LOCATED.search(lower, max(0, p.start - 6), p.start)
              and not ((cue.buys or cue.sells) and _apart(lower, p, start, end))
              and not _in_another_event(lower, end, p)} - {buyer, seller} - set(cues.makers)
    if len(others) == 1 and (buyer is None) != (seller is None) \
            and not (buyer is None and _subject_told_before(lower, parties, start)):
        (other,) = others
        if seller is None or not _a_source(lower, parties, other, end):
            buyer, seller = (other, seller) if buyer is None else (buyer, other)
    return buyer, seller


# "Nước này cũng đang cân nhắc mua ...", "bán vũ khí cho hòn đảo": the country the article was just telling of.
# "Úc sẽ trở thành khách hàng tiếp theo của pháo K9 ... Tổng cộng họ sẽ mua 30 khẩu K9 cùng 15 xe tiếp đạn K10": "họ"
# right before a buying verb is the country told of.
_THIS_COUNTRY_WORDS = r"(?:nước này|quốc gia này|họ(?= (?:(?:sẽ|đã|cũng|vừa|đang|dự kiến) )*(?:mua|đặt mua|đặt hàng)\b))"
THIS_COUNTRY = guarded(r"\b(?:" + _THIS_COUNTRY_WORDS + r"|hòn đảo(?: này)?)\b")
# "Trong những năm gần đây, nước này cũng đã đặt mua ...": "nước này" opening a clause is its subject (not "quân đội
# nước này", whose country may be another).
THIS_COUNTRY_OPENING_A_CLAUSE = re.compile(r"(?:^|[,;:]\s*)" + _THIS_COUNTRY_WORDS + r"\b")
# "... vì nước này mua S-400": "nước này" right before the verb is its subject.
_THIS_COUNTRY_SUBJECT = re.compile(r"\b" + _THIS_COUNTRY_WORDS + r"\s+(?:(?:đã|vừa|cũng|sẽ|từng|đang|lại)\s+)*$")
_THIS_COUNTRY_CHARS = 30


def _subject_told_before(lower: str, parties: Sequence[_Party], start: int) -> bool:
    """"Nước này cũng cân nhắc mua J-10 của Trung Quốc và đàm phán với Mỹ về F-15EX": the clause's subject is the
    country told of before, so the one other country of the sentence is not the buyer of its equipment."""
    anaphors = list(THIS_COUNTRY.finditer(lower, 0, start))
    if not anaphors or _CLAUSE_WITH_A_SUBJECT.search(lower, anaphors[-1].end(), start):
        return False
    return not any(anaphors[-1].end() <= p.start < start
                   and not _OBJECT_OF_A_WORD.search(lower, max(0, p.start - 8), p.start)
                   for p in parties if not p.company)


# "của Trung Quốc", "với Mỹ", "cho Ấn Độ": a country after one of these words is no subject of the clause.
_OBJECT_OF_A_WORD = re.compile(r"\b(?:của|với|từ|cho|sang|tại|ở|do)\s+$")


# "Mỹ đã phê duyệt thương vụ bán ...", "Bộ Ngoại giao Mỹ thông qua gói ... gồm 3 hệ thống NASAMS": a government selling,
# or approving a sale or package (not a purchase: "thông qua gói mua sắm").
_SELLS = re.compile(r"\bbán\b|\b(?:phê duyệt|thông qua|chấp thuận|phê chuẩn|duyệt)\s+(?:(?!mua\b)\S+\s+){0,2}?"
                    r"(?:gói|thương vụ)\b(?!\s+mua)")
_CLAUSE_MARK = re.compile(r"[,;:]")


# "bán 36 chiếc F-15", "bán tiêm kích F-15": a clause that sells equipment of its own, by kind, count or model.
_COUNT_OR_MODEL = re.compile(r"\b\d+ chiếc\b|\b[a-z]{1,4}-\d")


def _sells_its_own(lower: str, verb: int) -> bool:
    end = _clause(lower, verb, verb)[1]
    return bool(_patterns()["head"].search(lower, verb, end) or _COUNT_OR_MODEL.search(lower, verb, end))


def _seller_said(lower: str, parties: Sequence[_Party], anchor: int) -> str | None:
    """The country a clause makes the subject of "bán", or of approving a sale or a package ("Mỹ đã phê duyệt thương vụ
    bán ..."; not the topic of "Với Israel, thương vụ bán ...")."""
    for verb in sorted((m.start() for m in _SELLS.finditer(lower)), key=lambda v: (v > anchor, abs(anchor - v))):
        if _CLAUSE_MARK.search(lower, min(anchor, verb), max(anchor, verb)) and _sells_its_own(lower, verb):
            # "Indonesia mua 42 tiêm kích Rafale, Mỹ bật đèn xanh bán 36 chiếc F-15", "Mỹ duyệt bán F-15ID cho
            # Indonesia, Jakarta ký mua Rafale": another clause's sale
            continue
        before = [p for p in parties if p.end <= verb and not p.company]
        if not before:
            continue
        if not _CLAUSE_MARK.search(lower, before[-1].end, verb):
            return before[-1].code
        goes_on = _GOES_ON.search(lower, 0, verb)
        return _clause_subject(lower, parties, goes_on.start()) if goes_on else None
    return None


# "Hà Lan giải thể các tiểu đoàn tăng, sau đó bán số xe tăng còn lại cho Phần Lan", "nước này đã nhận 8 chiếc MiG-29
# từ Ba Lan, và mới đây đã ký hợp đồng mua ...": a clause that opens on its verb goes on with the subject of the clause
# before it, whose objects ("từ Ba Lan") are no subject of that verb.
_NO_SUBJECT = r"\s*(?:(?:sau đó|rồi|và|đồng thời|cũng|đã|còn|tiếp tục|sẽ|lại|gần đây|mới đây|tiếp đó|vừa)\s+)+"
_GOES_ON = re.compile(r"[,;]" + _NO_SUBJECT + "$")
_GOES_ON_TO_BUY = re.compile(r"[,;]" + _NO_SUBJECT + r"(?:ký(?: kết)? (?:\S+ ){0,3}?(?:để )?)?$")
_GOES_ON_CHARS = 60
# A clause break, but one that goes on with the same subject.
_CLAUSE_WITH_A_SUBJECT = re.compile(r"[,;:](?!" + _NO_SUBJECT + r"(?:ký|mua|đặt)\b)")
_SUBJECT_REACH = 12


def _clause_subject(lower: str, parties: Sequence[_Party], clause_end: int) -> str | None:
    """The country that opens the clause ending at clause_end, as its subject."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(lower, 0, clause_end)]
    clause_start = marks[-1] if marks else 0
    opening = [p for p in parties if clause_start <= p.start <= clause_start + _SUBJECT_REACH and p.end <= clause_end
               and not p.company]
    return opening[0].code if opening else None


def _a_source(lower: str, parties: tuple[_Party, ...], code: str, end: int) -> bool:
    """"giảm phụ thuộc vào vũ khí từ Mỹ", "do Mỹ sản xuất", "thay cho loại máy bay cũ của Mỹ": a country named only
    as where arms come from, who makes them or whose equipment is being replaced receives none of them."""
    cues = [(party, cue) for party, cue in zip(parties, _party_cues(lower, parties)) if party.code == code]
    return bool(cues) and all(cue.after_from or cue.made_by or cue.made_by_firm_of
                              or cue.after_of and party.start > end and _REPLACING.search(lower, end, party.start)
                              for party, cue in cues)


_REPLACING = re.compile(r"\bthay thế\b")


def _apart(lower: str, party: _Party, start: int, end: int) -> bool:
    """"Indonesia hủy mua tiêm kích cũ, Pakistan nhận tàu hộ vệ": a country that trades in a clause of its own, apart
    from the equipment's, is no side of its deal."""
    gap = lower[end:party.start] if party.start >= end else lower[party.end:start]
    return _CLAUSE_MARK.search(gap) is not None


# "cho Hy Lạp và Croatia", "Latvia và Litva": countries listed together.
_LIST_LINK = re.compile(r"\s*(?:,|và|cùng)\s*")


def _country_lists(lower: str, parties: Sequence[_Party]) -> list[list[_Party]]:
    """The sentence's countries in runs listed together (a run of one for a country named alone)."""
    runs: list[list[_Party]] = []
    for party in (p for p in parties if not p.company):
        if runs and _LIST_LINK.fullmatch(lower, runs[-1][-1].end, party.start):
            runs[-1].append(party)
        else:
            runs.append([party])
    return runs


# What may follow a list of recipients without starting a clause of its own ("cho Đài Loan và Trung Quốc phản đối"
# does): the end of the clause, a date, a price, a count per buyer.
_AFTER_RECIPIENTS = re.compile(r"\s*(?:[.;:)]|$|(?:vào|hồi|năm|tháng|ngày|mỗi|lần lượt)\b)")


def _coordinated_buyers(lower: str, parties: tuple[_Party, ...], start: int, buyer: str | None,
                        seller: str | None) -> tuple[str, ...]:
    """The countries listed with the buyer as recipients of one sale ("cho Hy Lạp và Croatia") or as buying it together
    ("Estonia và Latvia đã cùng ký hợp đồng mua ...", "Hy Lạp và Croatia cũng ký hợp đồng mua ...", "... đều đã đặt
    mua ..."): each buys. Empty when the buyer stands alone. (Countries listed as the subject of a buying verb with no
    such word, "Ba Lan và Romania đã mua", were tried too and withdrawn: real test pages lost by them.)"""
    cue_of = dict(zip(parties, _party_cues(lower, parties)))
    for run in _country_lists(lower, parties):
        codes = tuple(dict.fromkeys(p.code for p in run))
        if len(codes) < 2 or seller in codes or (buyer is not None and buyer not in codes):
            continue
        first, last = run[0], run[-1]
        reach = _RECIPIENT_BEFORE + (len("mỗi nước ") if "mỗi" in lower[last.end:start] else 0)
        if cue_of[first].after_to and (first.start >= start or 0 <= start - last.end <= reach) \
                and _AFTER_RECIPIENTS.match(lower, last.end) is not None:
            return codes
        supplied = _SUPPLIED_BY.match(lower, last.end)
        if supplied and last.end <= start and any(p.start == supplied.end() and p.code == seller for p in parties):
            return codes
        if seller is not None and last.end <= start and _BUY_TOGETHER.match(lower, last.end):
            return codes
    return ()


def _coordinated_sellers(lower: str, parties: tuple[_Party, ...], end: int, seller: str | None) -> tuple[str, ...]:
    """"mua lại các chiếc Typhoon đã qua sử dụng từ Qatar và Oman": the countries listed after "từ", right after the
    equipment, as the sources of one purchase: each sells. Empty when the seller stands alone."""
    if seller is None:
        return ()
    cue_of = dict(zip(parties, _party_cues(lower, parties)))
    for run in _country_lists(lower, parties):
        codes = tuple(dict.fromkeys(p.code for p in run))
        if len(codes) >= 2 and seller in codes and cue_of[run[0]].after_from \
                and 0 <= run[0].start - end <= _SOURCES_REACH:
            return codes
    return ()


_SOURCES_REACH = 40


# "Estonia và Latvia hôm 11/9 đã cùng ký hợp đồng mua ...", "Hy Lạp và Croatia cũng ký hợp đồng mua Rafale", "Hà Lan và
# Áo ký hợp đồng mua chung 9 máy bay": countries that buy together or alike, each a buyer.
_BUY_TOGETHER = re.compile(r"[^,.;]{0,25}?\b(?:(?:đã |sẽ |vừa )?(?:cùng|cùng nhau|đều|cũng)(?: đã| đều)? "
                           r"(?:ký(?: kết)? (?:\S+ ){0,3}?)?(?:mua|đặt mua|đặt hàng)\b"
                           r"|(?:ký(?: kết)? (?:\S+ ){0,3}?)?(?:mua|đặt mua|đặt hàng) chung\b)")


# "Trung Quốc và Ấn Độ đều đã được Nga cung cấp hệ thống S-400": countries listed as receiving from the seller.
_SUPPLIED_BY = re.compile(r"\s+(?:(?:đều|cũng|đã|lần lượt)\s+)*được\s+")


# "chuyên gia của hãng Janes tại Singapore": a country named as a place is no side of the trade the sentence tells.
_LOCATED = re.compile(r"\b(?:tại|ở)\s+$")


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
    """Where the buying (or selling) verbs of a sentence start, found once for all its equipment phrases; a verb that
    names an offer ("từ chối đề xuất bán 60 chiến đấu cơ của Paris") has no subject of its own: who rejects or
    accepts an offer to sell is the buyer."""
    return tuple(m.start() for m in _patterns()[verbs].finditer(lower)
                 if not _OFFER.search(lower, max(0, m.start() - _OFFER_CHARS), m.start()))


# "... sau khi Manila ... ký ... với Ấn Độ để mua BrahMos": a clause telling another event, whose verbs have subjects
# of their own; "chọn Gripen E/F thay vì gói F-16 mà hãng Lockheed Martin của Mỹ chào bán": an alternative passed over;
# "Gripen đã vượt qua đề xuất F-16 được Mỹ hậu thuẫn": a rival beaten.
_ANOTHER_EVENT = re.compile(r"\b(?:sau khi|trước khi|trong khi|thay vì)\b|" + BEATS_A_RIVAL)


def _in_another_event(lower: str, end: int, party: _Party) -> bool:
    """Whether the party is told after the equipment, in a clause of another event."""
    return party.start >= end and _ANOTHER_EVENT.search(lower, end, party.start) is not None


_OFFER = re.compile(r"(?:đề xuất|đề nghị|lời đề nghị|lời chào|chào hàng|lời mời|từ chối|bác bỏ|chấp nhận)\s+$")
_OFFER_CHARS = 20


def _subject(lower: str, parties: Sequence[_Party], verb_starts: tuple[int, ...], exclude: str | None,
             countries_only: bool, anchor: int) -> str | None:
    """The party right before the buying (or selling) verb nearest the equipment: "Ấn Độ đã ký ... để mua"."""
    for verb_start in sorted(verb_starts, key=lambda v: (v > anchor, abs(anchor - v))):
        if _PASSIVE.search(lower, 0, verb_start):
            continue
        if verb_start > anchor and _ANOTHER_EVENT.search(lower, anchor, verb_start):
            continue  # "Hợp đồng Black Hawk được ký ... sau khi Manila ... ký ... với Ấn Độ để mua BrahMos"
        if anaphor := _THIS_COUNTRY_SUBJECT.search(lower, max(0, verb_start - _THIS_COUNTRY_CHARS), verb_start):
            # "Mỹ trừng phạt cơ quan mua sắm quốc phòng của Thổ Nhĩ Kỳ vì nước này mua S-400": the country named last
            # before "nước này"; none in the sentence, one told before it (`_this_country_buys`).
            named = [p for p in parties if p.end <= anaphor.start() and not p.company and p.code != exclude]
            return named[-1].code if named else None
        goes_on = _GOES_ON_TO_BUY.search(lower, max(0, verb_start - _GOES_ON_CHARS), verb_start)
        listed = [p for p in parties if p.end <= verb_start
                  and not (countries_only and p.company) and not _in_an_aside(lower, p, verb_start)
                  and not _OF.search(lower, max(0, p.start - 8), p.start)
                  and not _AGENT.search(lower, max(0, p.start - 4), p.start)
                  and not (goes_on and _OBJECT_OF_A_WORD.search(lower, max(0, p.start - 8), p.start))]
        if len(listed) > 1 and exclude in (listed[-2].code, listed[-1].code) \
                and _COORDINATION.fullmatch(lower, listed[-2].end, listed[-1].start):
            return None  # "bắt tay cả Nga và Mỹ: thỏa thuận mua S-400": the other side is listed with it, no subject
        before = [p for p in listed if p.code != exclude]
        if not before:
            if countries_only and verb_start <= anchor and _subject_told_before(lower, parties, verb_start):
                return None  # "Nước này cũng cân nhắc mua J-10 ... và đàm phán với Mỹ ...": no later verb's subject
            continue
        last = before[-1]
        coordinated = len(before) > 1 and _COORDINATION.fullmatch(lower, before[-2].end, last.start)
        return None if coordinated and before[-2].code != last.code else last.code
    return None


# "Algeria - khách hàng lâu năm của công nghiệp quốc phòng Nga - được cho là đã đặt mua ...": an aside between dashes
# describes the subject; a country inside it is not the subject.
_ASIDE = re.compile(r"\s[-–]\s[^-–.;]{1,80}\s[-–]\s")


def _in_an_aside(lower: str, party: _Party, verb_start: int) -> bool:
    return any(aside.start() < party.start and party.end < aside.end() <= verb_start
               for aside in _ASIDE.finditer(lower, 0, verb_start))


def _nearest_pair(parties: Sequence[_Party], start: int, end: int) -> tuple[str, ...]:
    codes: list[str] = []
    for party in sorted(parties, key=lambda p: max(0, p.start - end, start - p.end)):
        if party.code not in codes:
            codes.append(party.code)
    return tuple(codes[:2])


# "mua từ Indonesia", "mua của Indonesia", "do Indonesia sản xuất": a country named as the source of the equipment
# ("đề xuất của Campuchia" names a proposer, not a source).
_NAMED_AS_SOURCE = re.compile(r"\b(?:từ|do|mua(?: lại)? của)\s+(?:phía\s+|nước\s+)?$")
_SOURCE_REACH = 16


def reads_a_major_exporter_buying(buyer: str | None, seller: str | None, lower: str, hits: Sequence[CountryHit]) -> bool:
    """Whether a purchase read as a major arms exporter buying from a country that sells no major arms is read the
    wrong way round (`exporters.json`, `_major_exporters`): not when the sentence names that country as the source."""
    if buyer not in major_exporters() or seller is None or seller in known_suppliers():
        return False
    return not any(h.code == seller and _NAMED_AS_SOURCE.search(lower, max(0, h.start - _SOURCE_REACH), h.start)
                   for h in hits)
