"""Filters: their URL form round-trips, and each restricts rows to exactly those that match."""

from datetime import date

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from components.filters import Filters, filter_articles, filter_deals, filter_dialogues, from_params, to_params
from components.i18n import DEAL_CATEGORIES, DEAL_STATUSES, DIALOGUE_STATUSES, MECHANISMS

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3"],
    "source": ["TTXVN", "Baoquocte.vn", "TTXVN"],
    "published": ["2023-11-10", "2020-10-27", None],
    "countries": [["IND", "USA"], ["IND", "RUS"], ["JPN"]],
})
DIALOGUES = pd.DataFrame({
    "event_id": ["e1", "e2", "e3"],
    "mechanism": ["2+2", "strategic dialogue", "2+2"],
    "parties": [["IND", "USA"], ["IND", "RUS"], ["JPN", "USA"]],
    "date_start": pd.to_datetime(["2023-11-10", "2020-10-01", None]),
    "status": ["held", "planned", "postponed"],
    "article_ids": [["a1"], ["a2"], ["a3", "a1"]],
})
DEALS = pd.DataFrame({
    "event_id": ["d1", "d2", "d3"],
    "buyer": ["IND", "IND", "PHL"],
    "seller": ["USA", "RUS", "KOR"],
    "category": ["uav", "air-defence", "aircraft"],
    "status": ["negotiating", "delivered", "signed"],
    "year": pd.array([None, 2018, None], dtype="Int64"),
    "article_ids": [["a1"], ["a2"], ["a3"]],
})

names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
filters = st.builds(
    Filters,
    date_from=st.none() | st.dates(),
    date_to=st.none() | st.dates(),
    countries=st.lists(st.sampled_from(["IND", "USA", "VNM"]), unique=True).map(tuple),
    sources=st.lists(names, unique=True, max_size=3).map(tuple),
    mechanisms=st.lists(st.sampled_from(MECHANISMS), unique=True).map(tuple),
    dialogue_statuses=st.lists(st.sampled_from(DIALOGUE_STATUSES), unique=True).map(tuple),
    categories=st.lists(st.sampled_from(DEAL_CATEGORIES), unique=True).map(tuple),
    deal_statuses=st.lists(st.sampled_from(DEAL_STATUSES), unique=True).map(tuple),
    lang=st.sampled_from(["vi", "en"]),
)


@given(filters)
def test_url_form_round_trips(chosen):
    params = to_params(chosen)
    assert from_params(lambda name: params.get(name, [])) == chosen


def test_defaults_leave_the_url_empty_and_bad_values_are_dropped():
    assert to_params(Filters()) == {}
    garbage = {"from": ["not-a-date"], "status": ["held", "exploded"], "lang": ["fr"], "country": ["", "VNM"]}
    assert from_params(lambda name: garbage.get(name, [])) == Filters(dialogue_statuses=("held",), countries=("VNM",))


def test_no_filters_keep_every_row():
    assert len(filter_articles(ARTICLES, Filters())) == 3
    assert len(filter_dialogues(DIALOGUES, ARTICLES, Filters())) == 3
    assert len(filter_deals(DEALS, ARTICLES, Filters())) == 3


def test_countries_match_any_party_buyer_or_seller():
    chosen = Filters(countries=("USA",))
    assert filter_articles(ARTICLES, chosen)["article_id"].tolist() == ["a1"]
    assert filter_dialogues(DIALOGUES, ARTICLES, chosen)["event_id"].tolist() == ["e1", "e3"]
    assert filter_deals(DEALS, ARTICLES, chosen)["event_id"].tolist() == ["d1"]


def test_dates_drop_undated_rows_and_use_the_deal_year_before_the_article_date():
    chosen = Filters(date_from=date(2018, 1, 1), date_to=date(2020, 12, 31))
    assert filter_articles(ARTICLES, chosen)["article_id"].tolist() == ["a2"]
    assert filter_dialogues(DIALOGUES, ARTICLES, chosen)["event_id"].tolist() == ["e2"]
    assert filter_deals(DEALS, ARTICLES, chosen)["event_id"].tolist() == ["d2"]
    later = Filters(date_from=date(2023, 1, 1))
    assert filter_deals(DEALS, ARTICLES, later)["event_id"].tolist() == ["d1"]


def test_source_follows_the_articles_of_an_event():
    chosen = Filters(sources=("TTXVN",))
    assert filter_articles(ARTICLES, chosen)["article_id"].tolist() == ["a1", "a3"]
    assert filter_dialogues(DIALOGUES, ARTICLES, chosen)["event_id"].tolist() == ["e1", "e3"]
    assert filter_deals(DEALS, ARTICLES, chosen)["event_id"].tolist() == ["d1", "d3"]


def test_mechanism_status_category_and_deal_status():
    assert filter_dialogues(DIALOGUES, ARTICLES, Filters(mechanisms=("2+2",)))["event_id"].tolist() == ["e1", "e3"]
    assert filter_dialogues(DIALOGUES, ARTICLES, Filters(dialogue_statuses=("planned",)))["event_id"].tolist() == ["e2"]
    assert filter_deals(DEALS, ARTICLES, Filters(categories=("uav", "aircraft")))["event_id"].tolist() == ["d1", "d3"]
    assert filter_deals(DEALS, ARTICLES, Filters(deal_statuses=("delivered",)))["event_id"].tolist() == ["d2"]


def test_mentions_filter_by_their_own_article():
    mentions = DIALOGUES.drop(columns="article_ids").assign(article_id=["a1", "a2", "a3"])
    kept = filter_dialogues(mentions, ARTICLES, Filters(sources=("Baoquocte.vn",)))
    assert kept["event_id"].tolist() == ["e2"]


def test_filtering_scales_without_row_loops():
    many = pd.concat([DIALOGUES] * 40_000, ignore_index=True)
    kept = filter_dialogues(many, ARTICLES, Filters(countries=("RUS",), sources=("Baoquocte.vn",)))
    assert len(kept) == 40_000
