"""Filters: their URL form round-trips, and each restricts rows to exactly those that match."""

from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from components.filters import from_params, to_params
from newsfacts.filters import Filterable, Filters, filter_articles, filter_deals, filter_dialogues
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
TABLES = Filterable.of(ARTICLES, DIALOGUES, DEALS)

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
    assert len(filter_articles(TABLES, Filters())) == 3
    assert len(filter_dialogues(TABLES, Filters())) == 3
    assert len(filter_deals(TABLES, Filters())) == 3


def test_countries_match_any_party_buyer_or_seller():
    chosen = Filters(countries=("USA",))
    assert filter_articles(TABLES, chosen)["article_id"].tolist() == ["a1"]
    assert filter_dialogues(TABLES, chosen)["event_id"].tolist() == ["e1", "e3"]
    assert filter_deals(TABLES, chosen)["event_id"].tolist() == ["d1"]


def test_dates_drop_undated_rows_and_use_the_deal_year_before_the_article_date():
    chosen = Filters(date_from=date(2018, 1, 1), date_to=date(2020, 12, 31))
    assert filter_articles(TABLES, chosen)["article_id"].tolist() == ["a2"]
    assert filter_dialogues(TABLES, chosen)["event_id"].tolist() == ["e2"]
    assert filter_deals(TABLES, chosen)["event_id"].tolist() == ["d2"]
    later = Filters(date_from=date(2023, 1, 1))
    assert filter_deals(TABLES, later)["event_id"].tolist() == ["d1"]


def test_source_follows_the_articles_of_an_event():
    chosen = Filters(sources=("TTXVN",))
    assert filter_articles(TABLES, chosen)["article_id"].tolist() == ["a1", "a3"]
    assert filter_dialogues(TABLES, chosen)["event_id"].tolist() == ["e1", "e3"]
    assert filter_deals(TABLES, chosen)["event_id"].tolist() == ["d1", "d3"]


def test_mechanism_status_category_and_deal_status():
    assert filter_dialogues(TABLES, Filters(mechanisms=("2+2",)))["event_id"].tolist() == ["e1", "e3"]
    assert filter_dialogues(TABLES, Filters(dialogue_statuses=("planned",)))["event_id"].tolist() == ["e2"]
    assert filter_deals(TABLES, Filters(categories=("uav", "aircraft")))["event_id"].tolist() == ["d1", "d3"]
    assert filter_deals(TABLES, Filters(deal_statuses=("delivered",)))["event_id"].tolist() == ["d2"]


def test_filtering_scales_without_row_loops():
    many = Filterable.of(ARTICLES, pd.concat([DIALOGUES] * 40_000, ignore_index=True), DEALS)
    kept = filter_dialogues(many, Filters(countries=("RUS",), sources=("Baoquocte.vn",)))
    assert len(kept) == 40_000


def _published_in(day: object, chosen: Filters) -> bool:
    when = pd.to_datetime(day, errors="coerce", format="mixed")
    if pd.isna(when):
        return not chosen.has_dates
    return ((chosen.date_from is None or when >= pd.Timestamp(chosen.date_from))
            and (chosen.date_to is None or when <= pd.Timestamp(chosen.date_to)))


def _reference(chosen: Filters) -> tuple[list[str], list[str], list[str]]:
    """What each filter keeps, said one row at a time, for comparing with the indexed filters."""
    article = {row.article_id: row for row in ARTICLES.itertuples()}

    def from_sources(ids: list[str]) -> bool:
        return not chosen.sources or any(article[a].source in chosen.sources for a in ids if a in article)

    def meets(values: list[str]) -> bool:
        return not chosen.countries or bool(set(values) & set(chosen.countries))

    articles = [row.article_id for row in ARTICLES.itertuples() if _published_in(row.published, chosen)
                and (not chosen.sources or row.source in chosen.sources) and meets(row.countries)]
    dialogues = [row.event_id for row in DIALOGUES.itertuples() if _published_in(row.date_start, chosen)
                 and (not chosen.mechanisms or row.mechanism in chosen.mechanisms)
                 and (not chosen.dialogue_statuses or row.status in chosen.dialogue_statuses)
                 and from_sources(row.article_ids) and meets(row.parties)]

    def deal_dated(row) -> bool:
        if not chosen.has_dates:
            return True
        if pd.isna(row.year):
            return any(_published_in(article[a].published, chosen) for a in row.article_ids if a in article)
        return ((chosen.date_from is None or row.year >= chosen.date_from.year)
                and (chosen.date_to is None or row.year <= chosen.date_to.year))

    deals = [row.event_id for row in DEALS.itertuples() if deal_dated(row)
             and (not chosen.categories or row.category in chosen.categories)
             and (not chosen.deal_statuses or row.status in chosen.deal_statuses)
             and from_sources(row.article_ids) and meets([row.buyer, row.seller])]
    return articles, dialogues, deals


reference_filters = st.builds(
    Filters,
    date_from=st.none() | st.dates(date(2017, 1, 1), date(2024, 12, 31)),
    date_to=st.none() | st.dates(date(2017, 1, 1), date(2024, 12, 31)),
    countries=st.lists(st.sampled_from(["IND", "USA", "RUS", "JPN", "KOR", "VNM"]), unique=True).map(tuple),
    sources=st.lists(st.sampled_from(["TTXVN", "Baoquocte.vn", "VnExpress"]), unique=True).map(tuple),
    mechanisms=st.lists(st.sampled_from(MECHANISMS), unique=True, max_size=2).map(tuple),
    dialogue_statuses=st.lists(st.sampled_from(DIALOGUE_STATUSES), unique=True, max_size=3).map(tuple),
    categories=st.lists(st.sampled_from(DEAL_CATEGORIES), unique=True, max_size=3).map(tuple),
    deal_statuses=st.lists(st.sampled_from(DEAL_STATUSES), unique=True, max_size=3).map(tuple),
)


@settings(deadline=None)  # the row-by-row reference is slow on a busy machine; speed is not what this checks
@given(reference_filters)
def test_indexed_filters_keep_what_a_row_by_row_reading_keeps(chosen):
    articles, dialogues, deals = _reference(chosen)
    assert filter_articles(TABLES, chosen)["article_id"].tolist() == articles
    assert filter_dialogues(TABLES, chosen)["event_id"].tolist() == dialogues
    assert filter_deals(TABLES, chosen)["event_id"].tolist() == deals


def test_an_event_counts_every_article_sharing_an_id_and_ignores_unknown_ones():
    twice = pd.concat([ARTICLES, ARTICLES.iloc[[1]].assign(source="VnExpress")], ignore_index=True)
    dialogues = DIALOGUES.assign(article_ids=[["a1"], ["a2", "gone"], ["gone"]])
    tables = Filterable.of(twice, dialogues, DEALS)
    assert filter_dialogues(tables, Filters(sources=("VnExpress",)))["event_id"].tolist() == ["e2"]
    assert filter_dialogues(tables, Filters(sources=("TTXVN",)))["event_id"].tolist() == ["e1"]


def test_empty_tables_filter_to_empty_tables():
    empty = Filterable.of(ARTICLES.iloc[:0], DIALOGUES.iloc[:0], DEALS.iloc[:0])
    chosen = Filters(countries=("USA",), sources=("TTXVN",), date_from=date(2020, 1, 1))
    assert filter_articles(empty, chosen).empty and filter_dialogues(empty, chosen).empty
    assert filter_deals(empty, chosen).empty
