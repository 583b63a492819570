"""Arms purchases, co-production and defence agreements as `Deal` records.

The stages, one module each: `vocabulary` (deal words and equipment, compiled once), `equipment` (the systems a
sentence names and their counts), `roles` (who buys and who sells), `stage` (status, year, value), `mentions` (what
each trade sentence says of a deal) and `merge` (which mentions are one deal, and the records).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit
from newsfacts.extract.lowered import lowered_article
from newsfacts.extract.money import equivalent_told_next
from newsfacts.records import Deal, Sentence
from newsfacts.extract.deals.mentions import (
    MAX_MENTIONS, _Mention, _between_the_two_told_before, _buyer_of_the_trade_told_before, _buyers_counted,
    _in_service_mentions, _named_back_for_another_buyer, _package_items, _respective_count_mentions,
    _sentence_mentions, _this_country_buys, _trade_sentences,
)
from newsfacts.extract.deals.roles import neighbours, reads_a_major_exporter_buying
from newsfacts.extract.deals.merge import (
    _aid_given, _between_main_pair, _deal, _is_aid, _merge, _only_a_kind, _orient, _other_side, _part_of_a_total,
    _sum_of_models,
)


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
        found = _sentence_mentions(s, lower, country_hits.get(s.index, ()), date_hits.get(s.index, ()), published)
        found = _this_country_buys(found, lower, mentions, _opening_country(country_hits.get(s.index - 1, ())))
        found = _buyer_of_the_trade_told_before(_named_back_for_another_buyer(found, mentions), mentions)
        found = _between_the_two_told_before(found, lower, mentions)
        mentions.extend(_package_items(found, lower, mentions))
        counted = _buyers_counted(s, lower, country_hits.get(s.index, ()), date_hits.get(s.index, ()), mentions)
        if counted:  # the system the sentence names back is the one its buyers are counted for, not a deal of its own
            mentions = [m for m in mentions if not (m.sentence == s.index and m.named_back)]
        mentions.extend(counted)
    if not mentions:
        return ()
    mentions = _the_right_way_round(_with_equivalents_told_next(mentions, sentences), sentences, country_hits)
    read = {m.sentence for m in mentions}
    mentions.extend(_in_service_mentions(sentences, country_hits, read))
    mentions.extend(_respective_count_mentions(sentences, country_hits, mentions, read))
    headline = frozenset(s.index for s in sentences if s.segment in ("title", "lead"))
    mentions = [replace(m, headline=True) if m.sentence in headline else m for m in mentions]
    main_pair = _main_pair(sentences, country_hits)
    groups = _merge([_between_main_pair(m, main_pair) if m.mutual else m for m in mentions])
    deals = [_deal(group, published, headline) for group in groups]
    oriented = {frozenset((d.buyer, d.seller)): (d.buyer, d.seller) for d in deals
                if d.kind != "agreement" and d.buyer and d.seller}
    deals = [_orient(d, g, oriented, main_pair) if d.kind == "agreement" else _other_side(d, main_pair)
             for d, g in zip(deals, groups)]
    aid = _aid_given(sentences, country_hits)
    kept = [d for d, g in zip(deals, groups) if d.buyer and d.seller and d.buyer != d.seller and not _is_aid(d, aid)
            and not _only_a_kind(d, sentences) and not _sum_of_models(d, g, deals, groups)
            and not _part_of_a_total(d, g, deals, groups)]
    return tuple(sorted(kept, key=lambda d: d.evidence[0]))


def _with_equivalents_told_next(mentions: list[_Mention], sentences: Sequence[Sentence]) -> list[_Mention]:
    """Amounts in another currency whose dollar figure the next sentence gives ("số tiền này tương đương ... USD")."""
    return [replace(m, money=equivalent_told_next(m.money, sentences[m.sentence + 1].text))
            if m.money is not None and m.sentence + 1 < len(sentences) else m for m in mentions]


# "Bulgaria là thành viên NATO ...": the country a sentence opens with, its subject.
_OPENING_CHARS = 15


def _opening_country(hits: Sequence[CountryHit]) -> str | None:
    return hits[0].code if hits and hits[0].start <= _OPENING_CHARS else None


def _main_pair(sentences: Sequence[Sentence], country_hits: Mapping[int, Sequence[CountryHit]]) -> tuple[str, ...]:
    """The two countries the article names most, leaving out those named only to place another on the map."""
    counts = Counter(hits[i].code for s in sentences if (hits := country_hits.get(s.index))
                     for i in set(range(len(hits))) - neighbours(hits, s.text))
    return tuple(code for code, _ in counts.most_common(2))


def _the_right_way_round(mentions: list[_Mention], sentences: Sequence[Sentence],
                         country_hits: Mapping[int, Sequence[CountryHit]]) -> list[_Mention]:
    """Purchases read as a major arms exporter buying from a country that sells no major arms, turned round."""
    lowered = lowered_article(sentences)
    return [replace(m, buyer=m.seller, seller=m.buyer)
            if m.kind == "purchase" and reads_a_major_exporter_buying(m.buyer, m.seller, lowered.sentence(m.sentence),
                                                                      country_hits.get(m.sentence, ()))
            else m for m in mentions]
