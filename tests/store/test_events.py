"""Merge rules of newsfacts.store.events, on hand-made mentions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.records import Deal, Dialogue, Location, Money, Participant
from newsfacts.same_event import dates_agree, same_deal_across_articles
from newsfacts.store.events import DealMention, DialogueMention, merge_deals, merge_dialogues


def dialogue(date, article, published=None, status="held", city=None, people=(), mention=None, parties=("USA", "IND")):
    record = Dialogue(
        mechanism="2+2", parties=parties, date=date, location=Location(city, "IND" if city else None),
        status=status, participants=tuple(Participant(name, role) for name, role in people),
    )
    return DialogueMention(mention or f"m-{article}-{date}", article, published, record)


def deal(article, published=None, value=None, quantity=None, year=None, status="signed", system="S-400", category="air-defence",
         written=None):
    record = Deal(
        kind="purchase", buyer="IND", seller="RUS", system=system, category=category, status=status,
        quantity=quantity, value_usd=value, year=year,
        value_amount=written.amount if written else None, value_currency=written.currency if written else None,
    )
    return DealMention(f"d-{article}-{system}-{value}", article, published, record)


def test_month_and_day_mentions_of_one_meeting_merge_into_one_event_with_the_precise_date():
    events = merge_dialogues([dialogue("2020-10-27", "a1"), dialogue("2020-10", "a2"), dialogue("2020-10-27", "a3")])
    assert len(events) == 1
    assert events[0].dialogue.date == "2020-10-27"
    assert events[0].article_ids == ("a1", "a2", "a3")
    assert len(events[0].mention_ids) == 3


def test_different_days_stay_apart_and_a_month_mention_joins_only_one_of_them():
    events = merge_dialogues([
        dialogue("2020-10-27", "a1"), dialogue("2020-10-27", "a2"), dialogue("2020-10-28", "a3"), dialogue("2020-10", "a4"),
    ])
    by_date = {e.dialogue.date: e for e in events}
    assert set(by_date) == {"2020-10-27", "2020-10-28"}
    assert by_date["2020-10-27"].article_ids == ("a1", "a2", "a4")
    assert by_date["2020-10-28"].article_ids == ("a3",)


def test_other_mechanism_or_parties_never_merge():
    other_pair = dialogue("2020-10-27", "a2", parties=("USA", "JPN"))
    events = merge_dialogues([dialogue("2020-10-27", "a1"), other_pair])
    assert len(events) == 2


def test_null_dates_merge_only_with_identical_mentions_and_never_with_dated_ones():
    events = merge_dialogues([
        dialogue(None, "a1", city="New Delhi"), dialogue(None, "a2", city="New Delhi"),
        dialogue(None, "a3", city="Washington"), dialogue("2020-10-27", "a4", city="New Delhi"),
    ])
    sources = sorted(e.article_ids for e in events)
    assert sources == [("a1", "a2"), ("a3",), ("a4",)]


def test_participants_are_united_by_name_and_the_best_place_is_kept():
    events = merge_dialogues([
        dialogue("2023-11-10", "a1", people=[("Lloyd Austin", "Bộ trưởng Quốc phòng")]),
        dialogue("2023-11", "a2", city="New Delhi", people=[("Lloyd Austin", None), ("Rajnath Singh", "Bộ trưởng Quốc phòng")]),
    ])
    merged = events[0].dialogue
    assert [p.name for p in merged.participants] == ["Lloyd Austin", "Rajnath Singh"]
    assert merged.participants[0].role == "Bộ trưởng Quốc phòng"
    assert merged.location == Location("New Delhi", "IND")


@pytest.mark.parametrize(
    ("mentions", "status"),
    [
        ([("agreed", "2023-11-01"), ("held", "2023-11-02"), ("planned", "2023-11-01")], "held"),
        ([("planned", "2023-11-01"), ("held", "2023-11-02"), ("agreed", "2023-11-03")], "agreed"),
        ([("planned", "2023-11-01"), ("postponed", "2023-11-02"), ("agreed", "2023-11-03")], "postponed"),
        ([("agreed", "2023-11-01"), ("planned", "2023-11-02")], "planned"),
        ([("held", "2023-11-05"), ("cancelled", "2023-11-01")], "held"),
        ([("held", "2023-11-01"), ("cancelled", "2023-11-05")], "cancelled"),
        ([("held", None), ("cancelled", "2023-11-05")], "held"),
    ],
)
def test_status_by_precedence_and_only_a_later_source_changes_held(mentions, status):
    events = merge_dialogues([
        dialogue("2023-11-10", f"a{i}", published=published, status=s) for i, (s, published) in enumerate(mentions)
    ])
    assert [e.dialogue.status for e in events] == [status]


def test_dialogue_conflicting_statuses_are_recorded():
    events = merge_dialogues([
        dialogue("2023-11-10", "a1", "2023-11-11", status="planned"), dialogue("2023-11-10", "a2", "2023-11-10", status="held"),
    ])
    assert [(c.field, set(c.values)) for c in events[0].conflicts] == [("status", {"planned", "held"})]


def test_a_preview_published_before_the_meeting_is_not_a_conflict():
    events = merge_dialogues([
        dialogue("2023-11-10", "a1", "2023-11-01", status="planned"), dialogue("2023-11-10", "a2", "2023-11-10", status="held"),
    ])
    assert events[0].conflicts == () and events[0].dialogue.status == "held"


def test_event_ids_depend_on_the_merge_key_not_on_input_order():
    mentions = [dialogue("2020-10-27", "a1"), dialogue("2020-10", "a2"), dialogue("2021-01", "a3")]
    forward = {e.event_id: e.article_ids for e in merge_dialogues(mentions)}
    backward = {e.event_id: e.article_ids for e in merge_dialogues(list(reversed(mentions)))}
    assert forward == backward and len(forward) == 2


def test_two_values_for_one_deal_make_one_event_with_a_conflict_and_the_most_reported_value():
    events = merge_deals([
        deal("a1", "2021-01-01", value=5.4e9, quantity=5),
        deal("a2", "2021-02-01", value=5.43e9, quantity=5),
        deal("a3", "2021-03-01", value=6.0e9, quantity=5),
    ])
    assert len(events) == 1
    event = events[0]
    assert event.article_ids == ("a1", "a2", "a3")
    assert event.deal.value_usd in (5.4e9, 5.43e9)
    conflict = next(c for c in event.conflicts if c.field == "value_usd")
    assert len(conflict.values) == 2 and conflict.article_ids[0] == ("a1", "a2")


def test_a_tie_between_values_goes_to_the_latest_source():
    events = merge_deals([deal("a1", "2021-01-01", value=5.4e9, year=2018), deal("a2", "2021-06-01", value=6.0e9, year=2018)])
    assert events[0].deal.value_usd == 6.0e9


def test_deals_with_nothing_in_common_or_another_category_stay_apart():
    events = merge_deals([
        deal("a1", value=1e9, system="tên lửa A"), deal("a2", value=3e9, system="tên lửa B"),
        deal("a3", value=1e9, system="tên lửa A", category="missile"),
    ])
    assert len(events) == 3


def test_two_deals_of_one_article_are_never_merged():
    events = merge_deals([deal("a1", year=2018, system="tên lửa A"), deal("a1", year=2018, system="tên lửa B")])
    assert len(events) == 2


def test_one_written_amount_converted_at_two_rates_is_one_deal():
    """The same 9.000 tỷ won, converted at the rates of two articles' dates, 6 % apart in dollars."""
    won = Money(9e12, "KRW", None)
    events = merge_deals([deal("a1", value=6.9e9, system="", written=won), deal("a2", value=6.5e9, system="", written=won)])
    assert len(events) == 1


def test_deal_status_conflict_is_recorded():
    events = merge_deals([deal("a1", quantity=5, status="signed"), deal("a2", quantity=5, status="delivered")])
    assert [c.field for c in events[0].conflicts] == ["status"]


# The merge finds agreeing clusters by lookups; these reference versions compare every pair, as the rules read.


def reference_dialogue_clusters(mentions):
    groups = {}
    for m in mentions:
        groups.setdefault((m.dialogue.mechanism, tuple(sorted(m.dialogue.parties))), []).append(m)
    clusters = []
    for group in groups.values():
        dated = sorted((m for m in group if m.dialogue.date),
                       key=lambda m: (-len(m.dialogue.date), m.dialogue.date, m.published or "", m.article_id, m.mention_id))
        anchors = {}
        for m in dated:
            candidates = [a for a in anchors if dates_agree(a, m.dialogue.date)]
            if candidates:
                anchors[min(candidates, key=lambda a: (-len(anchors[a]), a))].append(m)
            else:
                anchors[m.dialogue.date] = [m]
        clusters += anchors.values()
        undated = {}
        for m in group:
            if not m.dialogue.date:
                undated.setdefault((m.dialogue.location, m.dialogue.status, m.dialogue.participants), []).append(m)
        clusters += undated.values()
    return {frozenset(m.mention_id for m in cluster) for cluster in clusters}


def reference_deal_clusters(mentions):
    groups = {}
    for m in sorted(mentions, key=lambda m: (m.published or "", m.article_id, m.mention_id)):
        groups.setdefault((m.deal.buyer, m.deal.seller, m.deal.category), []).append(m)
    clusters = []
    for group in groups.values():
        found = []
        for m in group:
            home = next((c for c in found if all(o.article_id != m.article_id for o in c)
                         and any(same_deal_across_articles(o.deal, m.deal) for o in c)), None)
            if home is None:
                found.append([m])
            else:
                home.append(m)
        clusters += found
    return {frozenset(m.mention_id for m in cluster) for cluster in clusters}


dates = st.sampled_from([None, "2020", "2020-10", "2020-11", "2020-10-27", "2020-10-28", "2021", "2021-01-05"])
articles = st.sampled_from(["a1", "a2", "a3", "a4", "a5"])
published = st.sampled_from([None, "2020-09-01", "2020-11-01", "2021-02-01"])
written = st.sampled_from([None, Money(100e6, "USD", None), Money(130e9, "KRW", None), Money(131e9, "KRW", None),
                           Money(140e9, "KRW", None), Money(float("nan"), "KRW", None)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(dates, articles, published, st.sampled_from(["held", "planned"]),
                          st.sampled_from([("USA", "IND"), ("IND", "USA"), ("USA", "JPN")])), max_size=25))
def test_dialogues_cluster_as_when_every_pair_is_compared(specs):
    mentions = [dialogue(date, article, pub, status, parties=parties, mention=f"m{i}")
                for i, (date, article, pub, status, parties) in enumerate(specs)]
    events = merge_dialogues(mentions)
    assert {frozenset(e.mention_ids) for e in events} == reference_dialogue_clusters(mentions)
    assert sorted(m for e in events for m in e.mention_ids) == sorted(m.mention_id for m in mentions)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(articles, published, st.sampled_from([None, 100e6, 100.5e6, 101.5e6, 103e6, 0.0, 5e9]),
                          st.sampled_from([None, 2, 12]), st.sampled_from([None, 2019, 2020]),
                          st.sampled_from(["S-400", " s-400 ", "Su-30", "", "  "]),
                          st.sampled_from(["air-defence", "aircraft"]), written), max_size=25))
def test_deals_cluster_as_when_every_pair_is_compared(specs):
    mentions = []
    for i, (article, pub, value, quantity, year, system, category, amount) in enumerate(specs):
        made = deal(article, pub, value=value, quantity=quantity, year=year, system=system, category=category,
                    written=amount)
        mentions.append(DealMention(f"d{i}", made.article_id, made.published, made.deal))
    events = merge_deals(mentions)
    assert {frozenset(e.mention_ids) for e in events} == reference_deal_clusters(mentions)


def test_event_ids_of_a_corpus_stay_when_an_unrelated_earlier_article_is_added():
    """Deals that share no fact but buyer, seller and category never merge; an earlier such report arriving
    later (a re-ingest of a grown corpus) must not renumber the events already there."""
    bare = [deal(f"a{i}", published=f"2023-0{i}-01", system="") for i in (5, 6, 7)]
    before = {e.article_ids: e.event_id for e in merge_deals(bare)}
    after = {e.article_ids: e.event_id for e in merge_deals([deal("a0", published="2023-01-01", system=""), *bare])}
    assert len(before) == 3 and len(set(before.values())) == 3
    assert {ids: after[ids] for ids in before} == before
    assert len(set(after.values())) == 4


def test_an_amount_in_a_currency_with_no_rate_stays_on_the_event_without_a_dollar_value():
    (event,) = merge_deals([deal("a1", written=Money(16_500_000_000_000, "COP", None))])
    assert (event.deal.value_amount, event.deal.value_currency, event.deal.value_usd) == (16_500_000_000_000, "COP", None)
