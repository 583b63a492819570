"""One event per meeting: which mentions are the same meeting, and the event's final date, place and status."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from newsfacts.extract.countries import CountryHit
from newsfacts.extract.people import PersonMention, leader_titles
from newsfacts.records import Location, Sentence
from newsfacts.same_event import near_the_news_day, same_dialogue_in_article, times_agree_in_article
from newsfacts.extract.dialogues.mentions import _Mention, _at_its_level
from newsfacts.extract.dialogues.vocabulary import _patterns, _vocab, bilateral_formats


@dataclass
class _Event:
    mentions: list[_Mention]

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.mentions[0].mechanism, self.mentions[0].parties

    @property
    def anchor(self) -> _Mention:
        dated = [m for m in self.mentions if m.date]
        return max(dated, key=lambda m: (m.precision_rank, m.until is None)) if dated else self.mentions[0]


def _group(mentions: list[_Mention], main_sentence_order: Mapping[int, int], published: date | None = None
           ) -> list[_Event]:
    events: list[_Event] = []
    dated = [m for m in mentions if m.date and not m.weak_date]
    undated = [m for m in mentions if not m.date or m.weak_date]
    for mention in dated:
        event = next((e for e in events if all(same_dialogue_in_article(mention, other) for other in e.mentions)),
                     None)
        event.mentions.append(mention) if event else events.append(_Event([mention]))
    for mention in undated:
        date_unknown = replace(mention, date=None, until=None)
        same = [e for e in events if all(same_dialogue_in_article(date_unknown, m) for m in e.mentions)]
        if mention.weak_date and mention.status == "held" and published and mention.date == published.isoformat():
            # dated by the news day only ("nhân cuộc họp 2+2 tại Manila" in a title): the meetings of weeks around it
            same = [e for e in same if e.anchor.date is None or near_the_news_day(mention.date, e.anchor.date)]
        if mention.weak_date and _borrows_another_rounds_date(mention, events):
            if not same:
                continue
            # "sẽ đăng cai phiên ... thứ hai" in the paragraph of the first round: the next round, date unknown
            mention = replace(date_unknown, precision_rank=0, weak_date=False)
        if mention.weak_date and not same:
            if mention.status not in (None, "mechanism"):
                events.append(_Event([mention]))
            continue
        if mention.status == "agreed":
            same = [e for e in same if any(m.status in ("planned", "agreed") for m in e.mentions)] or same
        if same:
            main = min(same, key=lambda e: min(main_sentence_order.get(m.sentence, 10**6) for m in e.mentions))
            main.mentions.append(mention)
        elif mention.status not in (None, "mechanism"):
            events.append(_Event([mention]))
    return events


def _borrows_another_rounds_date(mention: _Mention, events: Sequence[_Event]) -> bool:
    """"trên cơ sở Đối thoại ... lần thứ 4" in the story of the 5th round: a round named by its number, dated only by
    its paragraph, where that date is another round's, is named as the basis of that round, not told as a meeting."""
    return mention.ordinal is not None and any(
        e.key == (mention.mechanism, mention.parties) and e.anchor.date == mention.date
        and e.anchor.ordinal is not None and e.anchor.ordinal != mention.ordinal for e in events)


def _fold_headline_names(events: list[_Event], headline: frozenset[int]) -> list[_Event]:
    """A headline that names the article's meeting loosely ("đối thoại 2+2" for the officials' round, "Đối thoại
    chiến lược" for the political-security-defence dialogue) names that meeting, not a second one: an event told
    only in the headline folds into the one event of the same parties whose mechanism it loosely names, when their
    dates agree; one told in the body folds in when both are dated to the same day."""
    looser = _vocab()["loose_names"]
    folded = list(events)
    for event in events:
        if event.key[0] not in looser:
            continue
        # "Cơ chế đối thoại 2+2 giữa Seoul và Abu Dhabi được hình thành ...": talk of the mechanism tells no meeting.
        in_headline = all(m.sentence in headline or m.status == "mechanism" for m in event.mentions)
        named = [e for e in folded if e is not event and e.key[1] == event.key[1] and e.key[0] in looser[event.key[0]]
                 and (times_agree_in_article(e.anchor, event.anchor) if in_headline
                      else event.key[0] in _vocab()["loose_in_body"] and _same_day(e, event))]
        if len(named) == 1:
            named[0].mentions.extend(event.mentions)
            folded.remove(event)
    return folded


# Days from a named meeting within which a "cuộc gặp" of its parties is a call beside it ("Sáng 13/12, Đại tướng ...
# đã có cuộc gặp với Thư ký Quốc phòng Ấn Độ" after the dialogue of 12/12), not another round.
_BESIDE_DAYS = 3


def _without_calls_beside(events: list[_Event]) -> list[_Event]:
    """Meetings told only as "cuộc gặp"/"cuộc họp" a day or few from a named meeting of the same mechanism and
    parties are calls around it."""
    named_days = [(e.key, day) for e in events if any(not m.bare for m in e.mentions) and (day := _anchor_day(e))]

    def beside(event: _Event) -> bool:
        day = _anchor_day(event)
        if day is None or any(not m.bare for m in event.mentions):
            return False
        return any(key == event.key and 0 < abs((day - other).days) <= _BESIDE_DAYS for key, other in named_days)
    return [e for e in events if not beside(e)]


def _anchor_day(event: _Event) -> date | None:
    """The day an event is dated to, when its date is told to the day."""
    told = event.anchor.date
    return date.fromisoformat(told) if told and len(told) == len("2024-01-01") else None


def _same_day(a: _Event, b: _Event) -> bool:
    """"Đối thoại an ninh, ngoại giao cùng ngày" in the body for the 2+2 of that day: a looser name of the same
    parties' meeting on the very same day is that meeting."""
    return _anchor_day(a) is not None and a.anchor.date == b.anchor.date


def _main_pair(mentions: Sequence[_Mention], country_hits: Mapping[int, Sequence[CountryHit]]) -> tuple[str, ...]:
    pairs = Counter(m.parties for m in mentions if len(m.parties) >= 2)
    if pairs:
        return pairs.most_common(1)[0][0]
    counts = Counter(h.code for hits in country_hits.values() for h in hits)
    return tuple(sorted(code for code, _ in counts.most_common(2)))


_PREVIOUS_PAIR_SENTENCES = 2


def _complete_parties(mentions: list[_Mention], main_pair: tuple[str, ...],
                      people: Sequence[PersonMention]) -> list[_Mention]:
    """Parties for mentions that name fewer than two countries.

    One country meets the country of the people in its sentence; none ("Hai nước cũng nhất trí ...") means the
    pair of the mention one or two sentences before (see `_pair_told_before` for a meeting "giữa hai nước"), else the
    article's main pair.
    """
    completed: list[_Mention] = []
    hub = _hub(mentions)
    country_of = _countries_by_name(people)
    for m in mentions:
        if len(m.parties) == 1 and m.parties[0] not in main_pair:
            visitors = _visitors(m, people, country_of)
            if not visitors and hub not in (None, m.parties[0]) and m.location.country == m.parties[0]:
                # "Ngày 8/7, hai bộ trưởng tới Manila họp 2+2 với ...": a meeting told only by its host meets the country
                # every meeting of the article has.
                visitors = {hub}
            if len(visitors) == 1:
                m = replace(m, parties=tuple(sorted(set(m.parties) | visitors)))
        if len(m.parties) == 1 and m.parties[0] in main_pair and m.location.city \
                and m.location.country not in (None, m.parties[0]) \
                and not any(p.sentence == m.sentence and p.country for p in people if p.country != m.parties[0]):
            # "Tại Tokyo ngày 28/7, Ngoại trưởng Mỹ ... tham vấn 2+2 với bà Kamikawa": the one country named meets the
            # country it meets in.
            m = replace(m, parties=tuple(sorted({m.parties[0], m.location.country})))
        if not m.parties:
            previous = _pair_told_before(m, completed) if m.pair_told_before else next(
                (c for c in reversed(completed) if 0 < m.sentence - c.sentence <= _PREVIOUS_PAIR_SENTENCES), None)
            m = replace(m, parties=previous.parties if previous else main_pair)
        if len(m.parties) == 1 and m.parties[0] in main_pair:
            m = replace(m, parties=main_pair)
        completed.append(m)
    return [m for m in completed if len(m.parties) >= 2]


def _visitors(mention: _Mention, people: Sequence[PersonMention], country_of: Mapping[str, str]) -> set[str]:
    """The countries of the people of the mention's sentence, else of the sentence before ("Trước đó, hai bộ trưởng đã
    dự ..."), other than its one party; a person named there without a country ("Ngoại trưởng Kamikawa") has the one
    the article gives them elsewhere."""
    for sentence in (mention.sentence, mention.sentence - 1):
        found = {p.country or country_of.get(p.name) for p in people if p.sentence == sentence} - {None, *mention.parties}
        if found:
            return found
    return set()


def _countries_by_name(people: Sequence[PersonMention]) -> dict[str, str]:
    """The one country the article gives each person, under their full name and under its first word ("Kamikawa Yoko",
    "Kamikawa")."""
    countries: dict[str, set[str]] = {}
    for p in people:
        if p.country:
            for name in {p.name, p.name.split()[0]}:
                countries.setdefault(name, set()).add(p.country)
    return {name: next(iter(found)) for name, found in countries.items() if len(found) == 1}


def _hub(mentions: Sequence[_Mention]) -> str | None:
    """The one country every meeting naming two or more countries has ("Bà Kamikawa ... bốn cuộc họp 2+2": Japan's
    with the Philippines, the United States, India, Australia), when at least two such meetings name different pairs."""
    pairs = {frozenset(m.parties) for m in mentions if len(m.parties) >= 2}
    shared = frozenset.intersection(*pairs) if len(pairs) >= 2 else frozenset()
    return next(iter(shared)) if len(shared) == 1 else None


def _pair_told_before(mention: _Mention, before: Sequence[_Mention]) -> _Mention | None:
    """"Cuộc đối thoại 2+2 lần thứ ba giữa hai nước ...": the pair of the same mechanism's meeting told last before it,
    one of a later round first (the third recalled after the fourth)."""
    same = [c for c in reversed(before) if c.sentence < mention.sentence and c.mechanism == mention.mechanism]
    later_round = next((c for c in same if mention.ordinal and c.ordinal and c.ordinal > mention.ordinal), None)
    return later_round or next(iter(same), None)


def _resolve_bare(bare: list[_Mention], named: list[_Mention], main_pair: tuple[str, ...],
                  sentences: Sequence[Sentence]) -> list[_Mention]:
    """Bare meetings ("cuộc họp", "cuộc gặp") are meetings of the article's mechanism, except a meeting of leaders
    ("Thủ tướng Abe và Chủ tịch Tập Cận Bình đã có cuộc gặp"), which no dialogue mechanism holds."""
    meetings = [m for m in named if m.status not in ("mechanism", "agreed")]
    if not meetings:
        return _held_within_a_named_mechanism(bare, named, main_pair, sentences)
    # "nối lại đối thoại "2+2"" in the title and the officials' round told as held: on a tie, the meeting told with
    # an outcome names the mechanism.
    votes = Counter(m.mechanism for m in meetings)
    told = Counter(m.mechanism for m in meetings if m.status)
    mechanism = max(votes, key=lambda name: (votes[name], told[name]))
    resolved = []
    for m in bare:
        told_before = _meeting_told_before(m, meetings)
        name, parties = (told_before.mechanism, told_before.parties) if told_before else (mechanism, main_pair)
        if set(m.parties) <= set(parties) and not _names_leaders(_told_in(sentences[m.sentence].text, m)) \
                and not _MET_WITH_ONE.search(_told_in(sentences[m.sentence].text, m)) \
                and not _only_recalled_before(m, meetings) \
                and not (name in bilateral_formats()
                         and _NEGOTIATION_ROUND.search(_told_in(sentences[m.sentence].text, m))):
            resolved.append(replace(m, mechanism=_at_the_level_told(name, sentences[m.sentence], m), parties=parties))
    return resolved


# "được Ngoại trưởng Nhật Bản thông báo sau cuộc gặp với ... Vương Nghị bên lề Hội nghị An ninh Munich": one official's
# meeting with another, which no dialogue mechanism holds.
_MET_WITH_ONE = re.compile(r"\bcuộc (?:gặp|hội đàm|điện đàm)(?: riêng| song phương)? với\b", re.IGNORECASE)


# "Vòng đàm phán chính thức đầu tiên diễn ra tại Tokyo ..." after the agreement being negotiated: a round of talks on
# an agreement, which no 2+2 holds (some dialogues are called talks: "Đàm phán chính sách quốc phòng Mỹ - Trung").
_NEGOTIATION_ROUND = re.compile(r"\b(?:vòng|phiên|cuộc) đàm phán\b", re.IGNORECASE)


# Sentences back from a bare meeting within which the meeting told last is the one it refers to.
_TOLD_BEFORE_REACH = 2


def _meeting_told_before(bare: _Mention, meetings: Sequence[_Mention]) -> _Mention | None:
    """In an article whose meetings have different parties ("Ngày 28/7 ... Tokyo ... Lần gần nhất hai bên họp theo
    định dạng này là tại Washington"; then Manila), the meeting told just before a bare one, with its countries: the
    two sides it refers back to."""
    pairs = {m.parties for m in meetings if len(m.parties) == 2}
    if len(pairs) < 2:
        return None
    before = [m for m in meetings if len(m.parties) == 2 and 0 <= bare.sentence - m.sentence <= _TOLD_BEFORE_REACH
              and set(bare.parties) <= set(m.parties)]
    return max(before, key=lambda m: m.sentence, default=None)


def _at_the_level_told(mechanism: str, sentence: Sentence, bare: _Mention) -> str:
    """A bare meeting's mechanism at the level its sentence tells ("với sự tham gia của các vụ trưởng": the officials'
    round of a 2+2; "vòng đối thoại cấp bộ trưởng tháng 10/2020" in the story of an officials' round: the ministers'
    2+2)."""
    lower = sentence.text.lower()
    if mechanism == "2+2 intersessional" and _MINISTERS_ROUND.search(_told_in(lower, bare)):
        return "2+2"
    return _at_its_level(mechanism, lower, lower)


_MINISTERS_ROUND = re.compile(r"\b(?:vòng|phiên|cuộc|kỳ)\s+(?:đối thoại\s+|họp\s+|tham vấn\s+)?cấp bộ trưởng\b")


def _held_within_a_named_mechanism(bare: list[_Mention], named: list[_Mention], main_pair: tuple[str, ...],
                                   sentences: Sequence[Sentence]) -> list[_Mention]:
    """"tổ chức cuộc họp đầu tiên trong khuôn khổ Cơ chế Đối thoại chiến lược "2+2"": in an article that names its
    mechanism only as such, a meeting held in a sentence naming it is its round; so is one held "theo cơ chế này",
    after a sentence naming it."""
    mechanisms = sorted((m for m in named if m.status == "mechanism"), key=lambda m: m.sentence)
    resolved = []
    for m in bare:
        mechanism = next((n for n in mechanisms if n.sentence == m.sentence), None)
        if mechanism is None and _patterns()["this_mechanism"].search(sentences[m.sentence].text.lower()):
            mechanism = next((n for n in reversed(mechanisms) if n.sentence < m.sentence), None)
        if mechanism is None and m.ordinal is not None:
            # "... hai nước lập cơ chế đối thoại "2+2". Phiên đầu tiên được tổ chức trực tuyến ngày 13.4.2021": a
            # numbered round told right after the mechanism is named.
            mechanism = next((n for n in reversed(mechanisms)
                              if 0 < m.sentence - n.sentence <= _TOLD_BEFORE_REACH), None)
        # "Hai nước hiện duy trì cơ chế Đối thoại 2+2 ..., với phiên gần nhất diễn ra tại New Delhi": a mechanism told
        # with one country only is the article's pair's.
        parties = () if mechanism is None else mechanism.parties if len(mechanism.parties) >= 2 else \
            main_pair if set(mechanism.parties) <= set(main_pair) else mechanism.parties
        if mechanism and m.status == "held" and set(m.parties) <= set(parties):
            resolved.append(replace(m, mechanism=mechanism.mechanism, parties=parties))
    return resolved


# Months after the latest round an article recalls by date from which a meeting it tells without a name is another
# kind of meeting.
_RECALLED_GAP_MONTHS = 6


def _only_recalled_before(bare: _Mention, meetings: Sequence[_Mention]) -> bool:
    """"Ngày 10/4, đoàn ... đã có cuộc hội đàm ...; hai bên nhắc lại Đối thoại An ninh ... lần thứ hai vào tháng
    9/2022": when the article names its mechanism only for rounds it dates well before, the talks it tells without a
    name are a visit's, not a round."""
    if bare.date is None or bare.status != "held" or any(m.date is None or m.weak_date for m in meetings):
        return False
    return all(_months(bare.date) - _months(m.date) > _RECALLED_GAP_MONTHS for m in meetings)


def _months(iso: str) -> int:
    return int(iso[:4]) * 12 + (int(iso[5:7]) if len(iso) >= 7 else 12)


def _told_in(text: str, mention: _Mention) -> str:
    """The part of its sentence a bare meeting is told in, up to the other meetings it names ("Phiên thứ hai ... ngày
    8/9/2017, ..., một ngày sau cuộc gặp giữa Tiểu vương Kuwait và Tổng thống Donald Trump": the leaders met at the
    other meeting)."""
    return text[mention.told[0]:mention.told[1]] if mention.told else text


def _names_leaders(text: str) -> bool:
    """A leader's title in the sentence ("Thủ tướng Abe và Chủ tịch Tập Cận Bình đã có cuộc gặp"): leaders meet, no
    dialogue mechanism does. A title that only says what a participant is or became ("Prabowo Subianto - người hiện là
    Tổng thống") names no leader at the meeting, nor does one whose visit dates it ("sau chuyến thăm Nhật Bản của
    Tổng thống Vladimir Putin"), nor one in a clause that tells when the meeting was."""
    return _PARTY_BODIES.search(text) is not None or any(
        not _DESCRIBED_AS.search(text, max(0, title.start() - _DESCRIBED_CHARS), title.start())
        and not _VISIT_BY.search(text, max(0, title.start() - _VISIT_CHARS), title.start())
        and not _WHEN.search(text, max(0, title.start() - _WHEN_CHARS), title.start())
        for title in _leader_titles().finditer(text))


# "Vòng đối thoại đầu tiên được tổ chức tại Washington hồi tháng 6/2010, khi Tổng thống Obama ghé qua buổi chiêu đãi",
# "cuộc họp đầu tiên kể từ khi Thủ tướng mới nhậm chức", "trùng thời điểm Thủ tướng ... thăm", "bị gián đoạn suốt
# nhiệm kỳ của cựu Tổng thống ...": a leader in a clause that tells when the meeting was is no participant of it.
_WHEN = re.compile(r"(?:,\s+|\b(?:kể từ|từ|sau|trước)\s+)(?:khi|lúc|vào lúc|trong lúc)\s+(?:[^\s,.;]+\s+){0,3}$"
                   r"|\b(?:trùng|đúng)(?: với)? (?:thời điểm|dịp|lúc)\s+(?:[^\s,.;]+\s+){0,3}$|\bnhân dịp\s+$"
                   r"|\b(?:nhiệm kỳ|chính quyền|dưới thời|thời kỳ)(?: của)?\s+(?:cựu\s+)?$")
_WHEN_CHARS = 40


_VISIT_BY = re.compile(r"\bchuyến (?:thăm|công du)\b[^,.;]{0,40}?\bcủa\s+$", re.IGNORECASE)
_VISIT_CHARS = 60


# "cuộc gặp giữa Bộ Chính trị Đảng Cộng sản Việt Nam và Ban Thường vụ Trung ương Đảng Nhân dân Campuchia", "lãnh đạo
# cấp cao hai nước cũng đã có cuộc gặp": a meeting of party or state leaderships, which no defence or foreign-policy
# mechanism holds. "Ủy viên Bộ Chính trị, Bộ trưởng Ngoại giao ...": a member's title names a person, not the body.
_PARTY_BODIES = re.compile(r"(?<![Ủủ]y viên )(?<![Uu]ỷ viên )\b(?:Bộ Chính trị|Ban Thường vụ Trung ương|Ban Chấp hành Trung ương"
                           r"|[Ll]ãnh đạo (?:cấp cao|chủ chốt) (?:hai|của hai|các) (?:nước|bên)(?: [^\s,.;]+){0,3}? "
                           r"(?:có|tổ chức|tiến hành) (?:cuộc |các cuộc )?(?:gặp|hội đàm|điện đàm))")


_DESCRIBED_AS = re.compile(r"(?:hiện là|hiện nay là|nay là|khi đó là|lúc đó là|sau này là|sau này trở thành|từng là"
                           r")\s+$", re.IGNORECASE)
_DESCRIBED_CHARS = 25


@cache
def _leader_titles() -> re.Pattern[str]:
    """The titles of heads of state and government ("Tổng thống", "Thủ tướng", "Chủ tịch nước")."""
    # "Phó Thủ tướng kiêm Bộ trưởng Quốc phòng": a deputy is a minister, not a head of government.
    titles = [title for title, key in leader_titles() if not title.casefold().startswith("phó ")]
    # "Bộ trưởng Ngoại giao Trung Quốc Vương Nghị": a country's name and a name after it, not "Quốc vương" (a king).
    return re.compile(r"(?<!\w)(?<!phó )(?<!trung )(?<!hàn )(?:" + "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
                      + r")(?!\w)", re.IGNORECASE)


def _bump_past_reference(mentions: list[_Mention], reference: str | None) -> list[_Mention]:
    """Without a publication date, a planned meeting given only day and month falls after the article's latest dated fact."""
    if reference is None:
        return mentions
    bumped = []
    for m in mentions:
        if m.status == "planned" and m.date and m.precision_rank == 10 and m.date < reference:
            year, month, day = map(int, m.date.split("-"))
            try:
                m = replace(m, date=date(year + 1, month, day).isoformat())
            except ValueError:
                pass
        bumped.append(m)
    return bumped


def _final_status(event: _Event, published: date | None) -> str:
    anchor = event.anchor
    statuses = [anchor.status] + [m.status for m in event.mentions]
    status = next((s for s in statuses if s not in (None, "mechanism")), None)
    if status == "planned" and "agreed" in statuses:
        status = "agreed"
    if status in ("agreed", "planned") and _past_day(anchor, published):
        # "nhất trí tổ chức 2+2 trong nửa đầu năm 2023", told of the meeting the article dates to a day gone by
        status = "held"
    if anchor.date and published and status in (None, "held"):
        status = "planned" if anchor.date > published.isoformat()[:len(anchor.date)] else "held"
    return status or "held"


def _past_day(anchor: _Mention, published: date | None) -> bool:
    """The meeting's own mention says nothing of its stage but dates it to a day before publication."""
    return (anchor.status is None and anchor.date is not None and len(anchor.date) == 10 and published is not None
            and anchor.date < published.isoformat())


def _final_location(event: _Event) -> Location:
    anchor = event.anchor
    if any(m.online for m in event.mentions):
        return Location()  # "sẽ họp trực tuyến sau khi hoãn kế hoạch gặp mặt tại Tokyo": told online anywhere
    ordered = [anchor] + [m for m in event.mentions if m is not anchor]
    first = next((m.location for m in ordered if m.location.city or m.location.country), Location())
    if first.city is None and first.country:
        # "sang Philippines dự phiên 2+2", then "tại thủ đô Manila, ... tiến hành Hội nghị 2+2": the city another
        # mention names in that country.
        return next((m.location for m in ordered if m.location.city and m.location.country == first.country), first)
    return first
