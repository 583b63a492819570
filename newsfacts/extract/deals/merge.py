"""One record per deal: which mentions are the same deal, sides completed, aid and delivery told elsewhere."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from newsfacts.extract.companies import company_country
from newsfacts.extract.countries import CountryHit
from newsfacts.extract.lowered import lowered_article
from newsfacts.extract.money import STATED, to_usd
from newsfacts.extract.rates import period_of
from newsfacts.records import Deal, Money, Sentence
from newsfacts.same_event import categories_agree_in_article, same_deal_in_article, written_count
from newsfacts.extract.deals.equipment import _system_spans
from newsfacts.extract.deals.mentions import _Mention, names_aid
from newsfacts.extract.deals.stage import _clause
from newsfacts.extract.deals.vocabulary import (
    _STATUS_RANK, _agreement_rank, _compatible_categories, _exporter_rank, _patterns, _weapons,
)


def _same_deal(group: list[_Mention], mention: _Mention) -> bool:
    compatible = _compatible_categories()
    return all(same_deal_in_article(other, mention, compatible) for other in group)


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
    companions = [m for m in mentions if m.kind not in ("agreement", "reference") and not m.system and not m.arms_only]
    for mention in named:
        # "3 thỏa thuận ... ký với Canada, Pháp và Bồ Đào Nha": one name, one agreement per partner of its sentence.
        key = mention.acronym or mention.system.lower()
        target = next((g for g in groups if (g[0].acronym or g[0].system.lower()) == key
                       and not any(m.sentence == mention.sentence and m.countries != mention.countries for m in g)),
                      None) or next((g for g in groups if _named_alike(g[0], mention)), None)
        target.append(mention) if target else groups.append([mention])
    equipment = _with_shared_counterpart(_sold_on_by_its_owner(equipment))
    complete = [m for m in equipment if m.buyer and m.seller]
    for mention in complete + [m for m in equipment if not (m.buyer and m.seller)]:
        if mention.named_back:
            mention = _as_named_before(groups, mention)
        candidates = [g for g in groups if g[0].kind != "agreement" and _same_deal(g, mention)]
        if not candidates and mention.under_told_contract:
            detail = replace(mention, quantity=None, money=None, dated=None)
            candidates = [g for g in groups if g[0].kind != "agreement" and _same_deal(g, detail)]
            if candidates:
                mention = detail
            elif any(g[0].kind != "agreement" for g in groups):
                continue  # the details of a contract that is none of the deals told: no deal of their own
        target = _nearest_group(candidates, mention)
        if target:
            target.append(mention)
        elif mention in complete or _recalled_order(mention) or not any(g[0].kind != "agreement" for g in groups):
            groups.append([mention])
    for mention in by_acronym:
        target = next((g for g in groups if g[0].acronym == mention.acronym), None)
        if target:
            target.append(mention)
        elif mention.kind == "agreement":
            groups.append([mention])
    for mention in companions:
        # Roles read from a sentence that names no equipment ("Thương vụ trị giá 12 tỷ USD này ..., theo Bộ Ngoại giao
        # Mỹ") are guesses: when they contradict every deal, the sentence still joins one with its other details.
        for companion in (mention, replace(mention, buyer=None, seller=None)):
            candidates = [g for g in groups if g[0].kind != "agreement"
                          and _same_deal(g, replace(companion, category=None))
                          and set(mention.countries) <= {c for m in g for c in (m.buyer, m.seller) if c}]
            target = _nearest_group(candidates, companion)
            if target:
                target.append(_without_package_total(companion, target))
                break
    if not any(g[0].kind != "agreement" for g in groups):
        groups.extend(_arms_sales([m for m in mentions if m.arms]))
    return groups


def _arms_sales(mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """In an article that names no traded system, a priced sale of arms between two countries ("Mỹ đồng ý bán 1,42 tỷ
    USD vũ khí cho Đài Loan") is a deal of its own, with the sentences that tell it again."""
    sales = [m for m in mentions if m.buyer and m.seller]
    if not sales:
        return []
    sides = (sales[0].buyer, sales[0].seller)
    told = [replace(m, system=m.arms, category="other") for m in sales if (m.buyer, m.seller) == sides]
    return [told]


_NAME_WORD = re.compile(r"\w+")
_FILLER_WORDS = frozenset({"về", "và", "các", "những", "việc", "giữa", "hai", "nước", "bên"})


def _named_alike(named: _Mention, mention: _Mention) -> bool:
    """"hiệp định chuyển giao thiết bị quốc phòng" in the title and "hiệp định về chuyển giao trang thiết bị và công nghệ
    quốc phòng" in the lead: an agreement between the same sides whose name's words all stand in the other's name is
    the same agreement told shorter, in another sentence."""
    if named.acronym or mention.acronym or named.sentence == mention.sentence or not named.system \
            or {named.buyer, named.seller} != {mention.buyer, mention.seller}:
        return False
    words = [set(_NAME_WORD.findall(m.system.lower())) - _FILLER_WORDS for m in (named, mention)]
    shorter, longer = sorted(words, key=len)
    return len(shorter) >= 3 and shorter <= longer


def _recalled_order(mention: _Mention) -> bool:
    """"Hợp đồng đầu tiên, ký ngày 28/3/2014 ..., gồm 12 chiếc FA-50PH Block 10": an earlier order told with its model,
    count and year is a deal of its own even where its sentence names one side only; the other comes from the
    article's main pair."""
    return mention.recalled and mention.year is not None and mention.model is not None and mention.quantity is not None


def _as_named_before(groups: list[list[_Mention]], mention: _Mention) -> _Mention:
    """A system named back ("3.350 tên lửa loại này") joins a deal of its kind named before whatever its count or
    price, which then add nothing to that deal's own."""
    bare = replace(mention, quantity=None, money=None)
    earlier = any(g[0].kind != "agreement" and min(m.sentence for m in g) <= mention.sentence and _same_deal(g, bare)
                  for g in groups)
    return bare if earlier else mention


def _without_package_total(companion: _Mention, group: list[_Mention]) -> _Mention:
    """A price told apart from a package ("bao gồm 54 pháo K9 và 36 xe K10 ... Tổng giá trị gói khoảng 1 tỷ USD") is
    the package's total, which belongs to none of its systems (SPEC)."""
    if companion.money and any(m.packaged for m in group):
        return replace(companion, money=None)
    return companion


def _sold_on_by_its_owner(mentions: list[_Mention]) -> list[_Mention]:
    """"Argentina đã hoàn tất thương vụ mua 24 tiêm kích F-16 đã qua sử dụng từ Đan Mạch" then "hợp đồng mua 24 chiếc
    F-16 trị giá khoảng 300 triệu USD": where the article names who sells a model to a buyer, a mention of that model
    bought by that buyer, or by no buyer named, whose seller is only its maker, named nowhere in its sentence, is the
    same sale."""
    told = [m for m in mentions if m.buyer and m.seller and m.model and m.seller in m.countries]
    named = {(m.buyer, m.model): m.seller for m in told}
    # "hợp đồng ... ngoài 24 máy bay F-16 Block 15 còn bao gồm ...", naming no buyer: the one sale of that model named,
    # when the counts agree (a maker's tally of the model is no sale).
    sales_of_model: dict[str, set[tuple[str, str, int | None]]] = {}
    for m in told:
        sales_of_model.setdefault(m.model, set()).add((m.buyer, m.seller, m.quantity))
    sold_on = []
    for m in mentions:
        if not (m.model and m.seller and m.seller not in m.countries):
            sold_on.append(m)
        elif m.buyer and named.get((m.buyer, m.model), m.seller) != m.seller:
            sold_on.append(replace(m, seller=named[(m.buyer, m.model)]))
        elif m.buyer is None and m.quantity and len(sales := sales_of_model.get(m.model, ())) == 1 \
                and (sale := next(iter(sales)))[2] == m.quantity and sale[1] != m.seller:
            sold_on.append(replace(m, buyer=sale[0], seller=sale[1]))
        else:
            sold_on.append(m)
    return sold_on


def _with_shared_counterpart(mentions: list[_Mention]) -> list[_Mention]:
    """Sides a mention leaves open that the article's other trades settle:

    - in an article where one country sells every trade, one that names only its buyer and is counted, priced or
      approved ("Úc cũng được chấp thuận mua 80 tên lửa", "Tháng 2/2015, Cairo ký hợp đồng mua 24 chiếc với giá
      ...") is a sale by that seller, unless a firm of its buyer's own country supplies it ("Phần Lan ... mua thêm
      29 xe bọc thép của tập đoàn Patria");
    - in an article whose trades are all between one buyer and one seller, equipment counted or priced in a sentence
      naming no country ("Theo hợp đồng ký năm 2016, hãng này đã đóng hai khinh hạm") is traded between them too."""
    pairs = {(m.buyer, m.seller) for m in mentions if m.buyer and m.seller}
    sellers = {seller for _, seller in pairs}
    buyers = {buyer for buyer, _ in pairs}
    completed = []
    for mention in mentions:
        if len(sellers) == 1 and mention.seller is None and mention.buyer not in (None, *sellers) \
                and (mention.status == "proposed" or mention.quantity or mention.money) \
                and not any(company_country(firm) == mention.buyer for firm in mention.suppliers):
            mention = replace(mention, seller=next(iter(sellers)))
        elif len(buyers) == 1 and mention.buyer is None and mention.seller not in (None, *buyers) \
                and (mention.quantity and mention.money):
            # "Hợp đồng ... được ký vào tháng 8/2022, với 212 pháo K9A1 sản xuất tại Hàn Quốc, trị giá khoảng 2,4 tỷ
            # USD", in an article whose trades are all bought by Ba Lan.
            mention = replace(mention, buyer=next(iter(buyers)))
        elif len(pairs) == 1 and mention.buyer is None and mention.seller is None and not mention.countries \
                and (mention.quantity or mention.money):
            buyer, seller = next(iter(pairs))
            mention = replace(mention, buyer=buyer, seller=seller)
        elif len(pairs) == 1 and (mention.quantity or mention.money) and (
                (mention.buyer, mention.seller) in {(pair[0], None) for pair in pairs}):
            # "Canberra đã ký hợp đồng ... với công ty này để mua 30 pháo tự hành": the seller is the pair's.
            mention = replace(mention, seller=next(iter(pairs))[1])
        completed.append(mention)
    return completed


def _aside_on_making(mention: _Mention, group: Sequence[_Mention]) -> bool:
    """"Nhà thầu chính là Lockheed Martin, với dây chuyền sản xuất F-16 đặt tại Greenville": a sentence on making the
    system that names no buyer, in a deal whose other sentences name one, says how the seller makes it, not that the
    buyer makes it too."""
    return mention.kind == "co-production" and mention.buyer is None and any(
        m.buyer is not None and m.kind != "co-production" for m in group)


def _fleet_in_service_before(mention: _Mention, group: Sequence[_Mention]) -> bool:
    """"Mỹ phê chuẩn bán 16 tiêm kích F-16 Block 70 cho Jordan ... Jordan đang vận hành khoảng 60 chiếc F-16A/B": a
    model in service with the buyer, in a deal that is only offered or negotiated, is the fleet it already has, not
    this deal delivered."""
    stages = {m.status for m in group if m.system is not None}
    return mention.system is None and mention.status == "delivered" and bool(mention.countries) \
        and bool(stages & {"proposed", "negotiating"}) and not stages & {"signed", "delivered"}


def _first(group: Sequence[_Mention], field: str):
    return next((getattr(m, field) for m in group if getattr(m, field) is not None), None)


def _deal(group: list[_Mention], published: date | None, headline: frozenset[int]) -> Deal:
    """One record from a deal's mentions; a signing the title or lead reports took place in the publication year."""
    kinds = {m.kind for m in group if not _aside_on_making(m, group)}
    kind = next(k for k in ("agreement", "co-production", "purchase") if k in kinds)
    main = max(group, key=lambda m: len(m.system or ""))
    system = main.system or (f"thỏa thuận {main.acronym}" if main.acronym else "")
    if system.lower() in _weapons()["heads"]:  # "máy bay vận tải" beside "KC-390": the record names the model
        system = next((m.system for m in group if m.model and m.system), system)
    statuses = [m.status for m in group if m.status and not _fleet_in_service_before(m, group)]
    status = max(statuses, key=_STATUS_RANK.__getitem__) if statuses else "signed"
    year = _first(group, "year")
    reported_now = kind == "agreement" or any(m.status == "signed" and m.sentence in headline for m in group)
    if year is None and status == "signed" and published and reported_now:
        year = published.year
    money = _at_deal_date(_stated_in_dollars(group) or main.money or _first(group, "money"), _first(group, "dated"),
                          published)
    return Deal(
        kind=kind, buyer=_first(group, "buyer"), seller=_first(group, "seller"), system=system,
        category=main.category or "other", status=status,
        suppliers=tuple(dict.fromkeys(s for m in group for s in m.suppliers)),
        quantity=written_count([m.quantity for m in group]),
        value_usd=money.value_usd if money else None, value_qualifier=money.qualifier if money else None,
        value_amount=money.amount if money else None, value_currency=money.currency if money else None,
        year=year, evidence=tuple(sorted({m.sentence for m in group})), **_rate_fields(money))


def _stated_in_dollars(group: Sequence[_Mention]) -> Money | None:
    """An amount the text gives in dollars for a deal also priced in another currency ("gần 4 tỷ euro" in the title,
    "khoảng 3,75 tỷ euro (khoảng 4,5 tỷ USD)" in the body): the text's own dollar figure needs no rate (SPEC)."""
    priced = [m.money for m in group if m.money]
    if len(priced) < 2 or all(money.currency == "USD" for money in priced):
        return None
    return next((money for money in priced if money.rate is not None and money.rate.source == STATED), None)


def _at_deal_date(money: Money | None, dated: str | None, published: date | None) -> Money | None:
    """Foreign money converted at the rate of the deal's date as precisely as the text dates it (SPEC), else of the
    publication day; a dollar figure the text gives stays as it is."""
    if money is None or money.currency == "USD" or money.rate is not None and money.rate.source == STATED:
        return money
    on, precision = period_of(dated) if dated else (published, "day")
    value_usd, rate = to_usd(money.amount, money.currency, on, precision)
    return replace(money, value_usd=value_usd, rate=rate)


def _rate_fields(money: Money | None) -> dict[str, object]:
    rate = money.rate if money else None
    return {"usd_rate": rate.per_usd if rate else None, "usd_rate_date": rate.period if rate else None,
            "usd_rate_source": rate.source if rate else None}


def _orient(deal: Deal, group: list[_Mention], oriented: Mapping[frozenset[str], tuple[str, str]],
            main_pair: tuple[str, ...]) -> Deal:
    """Give an agreement its buyer and seller: the direction of the article's other deals, else the likelier supplier
    sells (`_agreement_rank`)."""
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
        seller, buyer = sorted(pair, key=_agreement_rank)
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


def _aid_given(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]]
               ) -> tuple[frozenset[tuple[str, str | None, str | None, str]], frozenset[str]]:
    """The equipment the article's aid and grant sentences name (category, model, head noun, the phrase lowercased),
    and the countries those sentences name."""
    lowered = lowered_article(sentences)
    items: set[tuple[str, str | None, str | None, str]] = set()
    countries: set[str] = set()
    not_a_deal = _patterns()["not_a_deal"]
    if not not_a_deal.may_match(lowered.text):
        return frozenset(), frozenset()
    for position in lowered.matching(not_a_deal.pattern):
        if not names_aid(lowered.sentence(position)):
            continue
        sentence, lower = sentences[position], lowered.sentence(position)
        # "trước khi bán cho Argentina, Copenhagen đã cam kết tặng 19 chiếc F-16 cho Ukraine": the countries of the
        # giving clauses, not a buyer told beside them.
        giving = [_clause(lower, aid.start(), aid.end()) for aid in not_a_deal.pattern.finditer(lower)]
        countries.update(hit.code for hit in country_hits.get(sentence.index, ())
                         if any(left <= hit.start < right for left, right in giving))
        items.update((category, model, _head_noun(sentence.text[start:end]), lower[start:end])
                     for start, end, category, model in _system_spans(sentence.text, lower))
    return frozenset(items), frozenset(countries)


_SYSTEM_OF = re.compile(r"^(?:(?:các|những|một|hai|ba|\d+)\s+)?(?:hệ thống|tổ hợp)\s+")


def _head_noun(system: str) -> str | None:
    """The kind of equipment a phrase names ("tàu hộ vệ", "radar"); "hệ thống radar" and "radar" are one kind."""
    head = _patterns()["head"].match(_SYSTEM_OF.sub("", system.lower()))
    return head.group() if head else None


def _same_equipment(a: tuple[str, str | None, str | None], b: tuple[str, str | None, str | None]) -> bool:
    """Same category, and nothing tells them apart: the same model when both name one, else the same head noun when
    both have one."""
    if a[0] != b[0]:
        return False
    if a[1] and b[1]:
        return a[1] == b[1]
    return a[2] is None or b[2] is None or a[2] == b[2]


def _is_aid(deal: Deal, aid: tuple[frozenset[tuple[str, str | None, str | None, str]], frozenset[str]]) -> bool:
    """"Nhật Bản bàn giao 5 radar cho Philippines" in an article whose aid sentence gives radars to Philippines under
    Japan's OSA: the transfer is that aid (SPEC: not a deal). A corvette given as a gift makes no aid of the patrol
    ships the same countries trade in the same article. A model named by its family ("phi đội Abrams đời cũ") is the
    variant the aid names with it ("49 xe tăng M1A1 Abrams")."""
    items, countries = aid
    if deal.kind == "agreement" or deal.buyer not in countries or deal.seller not in countries:
        return False  # aid gives equipment: an agreement between the same countries is no part of it
    if deal.value_amount is not None:
        return False  # ordered for a price: bought, whatever the article says was given besides
    spans = _system_spans(deal.system, deal.system.lower())
    equipment = (deal.category, spans[0][3] if spans else None, _head_noun(deal.system))
    return any(_same_equipment(equipment, item[:3])
               or equipment[1] is not None and equipment[0] == item[0] and equipment[1].lower() in item[3].split()
               for item in items)


def _only_a_kind(deal: Deal, sentences: Sequence[Sentence]) -> bool:
    """A purchase of a kind of equipment the text details in no way ("mua tàu ngầm", "bán tên lửa"): no model, no
    count, no value, no year. Such a mention is talk of a market or of a package's contents, not a record an analyst
    can use; a joint production is told in these words and stays, and so does a contract for the kind that was signed,
    cancelled or delivered ("Canberra rút khỏi hợp đồng mua tàu ngầm của Pháp")."""
    return (deal.kind == "purchase" and deal.system.lower() in _weapons()["heads"]
            and deal.quantity is None and deal.value_usd is None and deal.year is None
            and not _contract_for_the_kind(deal, sentences))


_CONTRACT_REACH = 60


def _contract_for_the_kind(deal: Deal, sentences: Sequence[Sentence]) -> bool:
    if deal.status not in ("signed", "cancelled", "delivered"):
        return False
    kind, contract_for, lowered = deal.system.lower(), _patterns()["contract_for"], lowered_article(sentences)
    for index in deal.evidence:
        lower = lowered.sentence(index)
        found = lower.find(kind)
        while found >= 0:
            if contract_for.search(lower, max(0, found - _CONTRACT_REACH), found):
                return True
            found = lower.find(kind, found + 1)
    return False


def _sum_of_models(deal: Deal, group: Sequence[_Mention], deals: Sequence[Deal],
                   groups: Sequence[Sequence[_Mention]]) -> bool:
    """"bán 160 tên lửa cho UAE" and, a sentence later, "100 tên lửa Patriot GEM-T, 60 tên lửa Patriot PAC-3": a
    counted kind whose count is the sum of the models the article counts for the same sides is their total, not a
    deal of its own."""
    if deal.quantity is None or any(m.model for m in group):
        return False
    parts = [other.quantity for other, other_group in zip(deals, groups)
             if other is not deal and other.quantity and any(m.model for m in other_group)
             and (other.buyer, other.seller) == (deal.buyer, deal.seller)
             and categories_agree_in_article(deal.category, other.category, _compatible_categories())]
    return len(parts) >= 2 and sum(parts) == deal.quantity


_SEATS = re.compile(r"\b(?:một|hai|1|2) chỗ\b")


def _part_of_a_total(deal: Deal, group: Sequence[_Mention], deals: Sequence[Deal],
                     groups: Sequence[Sequence[_Mention]]) -> bool:
    """"17 máy bay Gripen E/F" and "gồm 15 chiếc Gripen E một chỗ ngồi và 2 chiếc Gripen F hai chỗ ngồi": the seat
    versions of one model counted for the same sides, whose counts add up to the model's total, are that order's
    breakdown. (Versions such as F-35A and F-35B that add up to a total are often separate orders.)"""
    model = _first(group, "model")
    if deal.quantity is None or model is None or not _SEATS.search(deal.system):
        return False
    same = [other for other, other_group in zip(deals, groups)
            if (other.buyer, other.seller) == (deal.buyer, deal.seller) and other.quantity
            and _first(other_group, "model") == model]
    if len(same) >= 3 and any(total is not deal and total.quantity == sum(o.quantity for o in same if o is not total)
                              for total in same):
        return True
    # "... 20 chiếc F-16 Block 70/72, gồm 16 chiếc F-16C một chỗ ngồi và 4 chiếc F-16D hai chỗ ngồi" beside another
    # order of the model: the seat versions add up to their own total.
    versions = [other for other in same if _SEATS.search(other.system)]
    return len(versions) >= 2 and any(total not in versions and total.quantity == sum(o.quantity for o in versions)
                                      for total in same)
