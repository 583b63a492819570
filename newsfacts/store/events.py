"""Merging mentions from many articles into one event per real-world meeting or deal.

What makes two records the same meeting or deal is defined in `newsfacts.same_event` (across articles: a
shared fact must corroborate, an undated meeting never bridges dated ones); this module finds the clusters
fast and merges each into one event. Dialogues: the most precise date anchors an event; a coarser date
joins the anchor it agrees with (the one with most mentions when several do). Deals: two mentions from one
article are never merged (the parser already merges within an article).

Event ids hash the merge key (for a deal, with its first report's mention id), so the same mentions always
give the same ids, and an event's id does not change when unrelated mentions are added.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsfacts.records import Deal, Dialogue, Location, Participant
from newsfacts.same_event import (
    ACROSS_ARTICLES_VALUE_TOLERANCE, deal_key, deal_value, meeting_key,
    figures_agree, system_key, undated_meeting_identity,
)

STATUS_RANK = {"held": 4, "postponed": 3, "cancelled": 3, "planned": 2, "agreed": 1}


@dataclass(frozen=True)
class DialogueMention:
    mention_id: str
    article_id: str
    published: str | None
    dialogue: Dialogue


@dataclass(frozen=True)
class DealMention:
    mention_id: str
    article_id: str
    published: str | None
    deal: Deal


@dataclass(frozen=True)
class Conflict:
    """Sources disagree on `field`: each of `values` with the articles that report it, most reported first."""

    field: str
    values: tuple[Any, ...]
    article_ids: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DialogueEvent:
    event_id: str
    dialogue: Dialogue
    mention_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class DealEvent:
    event_id: str
    deal: Deal
    mention_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    conflicts: tuple[Conflict, ...] = ()


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(repr, parts)).encode("utf-8")).hexdigest()[:16]


def _chronological(mention: DialogueMention | DealMention) -> tuple[str, str, str]:
    return (mention.published or "", mention.article_id, mention.mention_id)


def _article_ids(mentions: Iterable[DialogueMention | DealMention]) -> tuple[str, ...]:
    return tuple(sorted({m.article_id for m in mentions}))


# Dialogues


def merge_dialogues(mentions: Iterable[DialogueMention]) -> tuple[DialogueEvent, ...]:
    groups: dict[tuple, list[DialogueMention]] = defaultdict(list)
    for mention in mentions:
        groups[meeting_key(mention.dialogue.mechanism, mention.dialogue.parties)].append(mention)
    events = [
        _dialogue_event(key, cluster)
        for group in groups.values()
        for key, cluster in _dialogue_clusters(group)
    ]
    return tuple(sorted(events, key=lambda e: (e.dialogue.date or "", e.dialogue.mechanism, e.event_id)))


def _dialogue_clusters(group: list[DialogueMention]) -> list[tuple[tuple, list[DialogueMention]]]:
    dated = sorted((m for m in group if m.dialogue.date), key=lambda m: (-len(m.dialogue.date), m.dialogue.date, _chronological(m)))
    lengths = sorted({len(m.dialogue.date) for m in dated})
    anchors: dict[str, list[DialogueMention]] = {}
    # Dates come longest first, so a date agrees with an anchor (`dates_agree`) when it is the anchor's prefix of its length.
    anchors_by_prefix: dict[str, list[str]] = defaultdict(list)
    for mention in dated:
        date = mention.dialogue.date
        candidates = anchors_by_prefix.get(date)
        if candidates:
            anchors[min(candidates, key=lambda a: (-len(anchors[a]), a))].append(mention)
        else:
            anchors[date] = [mention]
            for length in lengths:
                if length <= len(date):
                    anchors_by_prefix[date[:length]].append(date)
    undated: dict[tuple, list[DialogueMention]] = defaultdict(list)
    for mention in group:
        if not mention.dialogue.date:
            undated[undated_meeting_identity(mention.dialogue)].append(mention)
    head = group[0].dialogue
    keys = {anchor: ("dialogue", head.mechanism, tuple(sorted(head.parties)), anchor) for anchor in anchors}
    return [(keys[a], members) for a, members in anchors.items()] + [
        (("dialogue", head.mechanism, tuple(sorted(head.parties)), None, identity), members)
        for identity, members in undated.items()
    ]


def _dialogue_event(key: tuple, members: list[DialogueMention]) -> DialogueEvent:
    members = sorted(members, key=_chronological)
    dated = [m.dialogue.date for m in members if m.dialogue.date]
    merged = Dialogue(
        mechanism=members[0].dialogue.mechanism,
        parties=tuple(sorted(members[0].dialogue.parties)),
        date=max(dated, key=len) if dated else None,
        location=_best_location(members),
        status=merged_status(members),
        participants=_union_participants(members),
        date_text=next((m.dialogue.date_text for m in reversed(members) if m.dialogue.date_text), None),
    )
    conflicts = () if len(members) == 1 else tuple(
        conflict
        for conflict in (
            _conflict("status", _without_previews(members), lambda m: m.dialogue.status),
            _conflict("location_city", members, lambda m: m.dialogue.location.city),
            _conflict("location_country", members, lambda m: m.dialogue.location.country),
        )
        if conflict
    )
    return DialogueEvent(
        event_id=stable_id(*key),
        dialogue=merged,
        mention_ids=tuple(m.mention_id for m in members),
        article_ids=_article_ids(members),
        conflicts=conflicts,
    )


def merged_status(members: Sequence[DialogueMention]) -> str:
    """Highest status by precedence; a `held` changes only when a source published after every `held` source says otherwise."""
    held = [m for m in members if m.dialogue.status == "held"]
    if not held:
        return _by_precedence(members)
    if any(not m.published for m in held):
        return "held"
    last_held = max(m.published for m in held)
    later = [m for m in members if m.published and m.published > last_held]
    return _by_precedence(later) if later else "held"


def _without_previews(members: Sequence[DialogueMention]) -> list[DialogueMention]:
    """Leaves out `planned`/`agreed` reports published before the meeting was first reported `held`: news, not disagreement."""
    held_dates = [m.published for m in members if m.dialogue.status == "held" and m.published]
    if not held_dates:
        return list(members)
    first_held = min(held_dates)
    return [
        m for m in members
        if not (m.dialogue.status in ("planned", "agreed") and m.published and m.published < first_held)
    ]


def _by_precedence(members: Sequence[DialogueMention]) -> str:
    best = max(members, key=lambda m: (STATUS_RANK.get(m.dialogue.status, 0), _chronological(m)))
    return best.dialogue.status


def _best_location(members: Sequence[DialogueMention]) -> Location:
    located = [m for m in members if m.dialogue.location.city or m.dialogue.location.country]
    if not located:
        return Location()
    counts = Counter((m.dialogue.location.city, m.dialogue.location.country) for m in located)

    def score(mention: DialogueMention) -> tuple:
        place = (mention.dialogue.location.city, mention.dialogue.location.country)
        return (sum(part is not None for part in place), counts[place], _chronological(mention))

    return max(located, key=score).dialogue.location


def _union_participants(members: Sequence[DialogueMention]) -> tuple[Participant, ...]:
    by_name: dict[str, Participant] = {}
    for mention in members:
        for person in mention.dialogue.participants:
            key = person.name.casefold()
            known = by_name.get(key)
            by_name[key] = person if known is None else replace(
                known, role=known.role or person.role, country=known.country or person.country
            )
    return tuple(by_name.values())


# Deals


def merge_deals(mentions: Iterable[DealMention]) -> tuple[DealEvent, ...]:
    groups: dict[tuple, list[DealMention]] = defaultdict(list)
    for mention in sorted(mentions, key=_chronological):
        groups[deal_key(mention.deal)].append(mention)
    events = [_deal_event(cluster) for group in groups.values() for cluster in _deal_clusters(group)]
    return tuple(sorted(events, key=lambda e: (e.deal.buyer or "", e.deal.seller or "", e.deal.category, e.event_id)))


def _deal_clusters(group: list[DealMention]) -> list[list[DealMention]]:
    """Each mention joins the first cluster with a member it agrees with and none from its article, else starts one."""
    clusters: list[list[DealMention]] = []
    articles: list[set[str]] = []
    index = _DealIndex()
    for mention in group:
        home = next((c for c in sorted(index.agreeing(mention.deal)) if mention.article_id not in articles[c]), None)
        if home is None:
            home = len(clusters)
            clusters.append([])
            articles.append(set())
        clusters[home].append(mention)
        articles[home].add(mention.article_id)
        index.add(mention.deal, home)
    return clusters


class _DealIndex:
    """The clusters holding a deal that corroborates a given one (`same_event.deals_corroborate`), found by lookups
    instead of comparing all."""

    def __init__(self) -> None:
        self.by_quantity: dict[int, set[int]] = defaultdict(set)
        self.by_year: dict[int, set[int]] = defaultdict(set)
        self.by_system: dict[str, set[int]] = defaultdict(set)
        self.amounts: dict[str, _ValueWindow] = defaultdict(_ValueWindow)
        self.dollars: dict[str, _ValueWindow] = defaultdict(_ValueWindow)

    def add(self, deal: Deal, cluster: int) -> None:
        if deal.quantity is not None:
            self.by_quantity[deal.quantity].add(cluster)
        if deal.year is not None:
            self.by_year[deal.year].add(cluster)
        if deal.system:
            self.by_system[system_key(deal.system)].add(cluster)
        value = deal_value(deal)
        if value is not None:
            self.amounts[value.currency].add(value.amount, cluster)
            if value.value_usd is not None:
                self.dollars[value.currency].add(value.value_usd, cluster)

    def agreeing(self, deal: Deal) -> set[int]:
        found = set(self.by_system.get(system_key(deal.system or ""), ()))
        found.update(self.by_quantity.get(deal.quantity, ()), self.by_year.get(deal.year, ()))
        value = deal_value(deal)
        if value is not None:
            found.update(self.amounts[value.currency].near(value.amount))
            if value.value_usd is not None:
                for currency, window in self.dollars.items():
                    if currency != value.currency:
                        found.update(window.near(value.value_usd))
        return found


class _ValueWindow:
    """Values with the clusters holding them, sorted, to find those that agree with a value across articles."""

    def __init__(self) -> None:
        self.clusters: dict[float, set[int]] = defaultdict(set)
        self.values: list[float] = []

    def add(self, value: float, cluster: int) -> None:
        if value not in self.clusters:
            bisect.insort(self.values, value)
        self.clusters[value].add(cluster)

    def near(self, value: float) -> set[int]:
        # |a - b| <= t * max(|a|, |b|) implies |a - b| <= |b| * t / (1 - t): a slightly wider window to check exactly.
        reach = abs(value) * ACROSS_ARTICLES_VALUE_TOLERANCE / (1 - 2 * ACROSS_ARTICLES_VALUE_TOLERANCE)
        start = bisect.bisect_left(self.values, value - reach)
        found: set[int] = set()
        for other in self.values[start : bisect.bisect_right(self.values, value + reach)]:
            if _close_across_articles(other, value):
                found.update(self.clusters[other])
        return found


def _close_across_articles(a: float, b: float) -> bool:
    return figures_agree(a, b, ACROSS_ARTICLES_VALUE_TOLERANCE)


def _deal_event(members: list[DealMention]) -> DealEvent:
    """The merged deal; its id hashes the first report's facts and mention id, which no other cluster has, so
    no event's id depends on which other events exist (an id numbered by collision order would)."""
    seed = members[0].deal
    event_id = stable_id("deal", seed.buyer, seed.seller, seed.category, system_key(seed.system), seed.quantity,
                         seed.value_usd, seed.year, members[0].mention_id)
    valued = [m for m in members if m.deal.value_usd is not None]
    bucket_of = _value_buckets([m.deal.value_usd for m in valued])
    # An amount in a currency with no rate ("16.500 tỷ peso" of Colombia) is still what the text says it cost.
    value_source = _representative(valued, lambda m: bucket_of[m.deal.value_usd]) if valued \
        else next((m for m in members if m.deal.value_amount is not None), None)
    merged = Deal(
        kind=_most_reported(members, lambda m: m.deal.kind),
        buyer=seed.buyer,
        seller=seed.seller,
        system=_most_reported(members, lambda m: m.deal.system),
        category=seed.category,
        status=_most_reported(members, lambda m: m.deal.status),
        suppliers=tuple(dict.fromkeys(s for m in members for s in m.deal.suppliers)),
        quantity=_most_reported(members, lambda m: m.deal.quantity),
        value_usd=value_source.deal.value_usd if value_source else None,
        value_qualifier=value_source.deal.value_qualifier if value_source else None,
        value_amount=value_source.deal.value_amount if value_source else None,
        value_currency=value_source.deal.value_currency if value_source else None,
        usd_rate=value_source.deal.usd_rate if value_source else None,
        usd_rate_date=value_source.deal.usd_rate_date if value_source else None,
        usd_rate_source=value_source.deal.usd_rate_source if value_source else None,
        year=_most_reported(members, lambda m: m.deal.year),
    )
    conflicts = () if len(members) == 1 else tuple(
        conflict
        for conflict in (
            _conflict("value_usd", valued, lambda m: bucket_of[m.deal.value_usd]),
            _conflict("quantity", members, lambda m: m.deal.quantity),
            _conflict("status", members, lambda m: m.deal.status),
            _conflict("kind", members, lambda m: m.deal.kind),
            _conflict("year", members, lambda m: m.deal.year),
        )
        if conflict
    )
    return DealEvent(
        event_id=event_id,
        deal=merged,
        mention_ids=tuple(m.mention_id for m in members),
        article_ids=_article_ids(members),
        conflicts=conflicts,
    )


def _value_buckets(values: Sequence[float]) -> dict[float, float]:
    """Each reported value -> the smallest reported value within 1% of it, so near-equal amounts count as one."""
    distinct = sorted(set(values))
    return {value: min(other for other in distinct if _close_across_articles(other, value)) for value in distinct}


# Shared


def _representative(members: Sequence, value_of: Callable[[Any], Hashable]):
    """The latest mention carrying the most reported non-null value."""
    values = [value_of(m) for m in members]
    counts = Counter(value for value in values if value is not None)
    if not counts:
        return None
    top = max(counts.values())
    return max((m for m, value in zip(members, values) if value is not None and counts[value] == top), key=_chronological)


def _most_reported(members: Sequence, value_of: Callable[[Any], Hashable]):
    chosen = _representative(members, value_of)
    return None if chosen is None else value_of(chosen)


def _conflict(field: str, members: Sequence, value_of: Callable[[Any], Hashable]) -> Conflict | None:
    sources: dict[Hashable, set[str]] = defaultdict(set)
    for mention in members:
        value = value_of(mention)
        if value is not None:
            sources[value].add(mention.article_id)
    if len(sources) < 2:
        return None
    ordered = sorted(sources, key=lambda v: (-len(sources[v]), repr(v)))
    return Conflict(field, tuple(ordered), tuple(tuple(sorted(sources[v])) for v in ordered))
