"""The shared filter state, its URL form, and vectorised filtering of the store's tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date

import pandas as pd

from components.i18n import DEAL_CATEGORIES, DEAL_STATUSES, DIALOGUE_STATUSES, LANGS, MECHANISMS

LIST_PARAMS = {
    "countries": "country",
    "sources": "source",
    "mechanisms": "mechanism",
    "dialogue_statuses": "status",
    "categories": "category",
    "deal_statuses": "deal_status",
}
KNOWN_VALUES = {
    "mechanisms": MECHANISMS,
    "dialogue_statuses": DIALOGUE_STATUSES,
    "categories": DEAL_CATEGORIES,
    "deal_statuses": DEAL_STATUSES,
}
FILTER_PARAM_NAMES = ("from", "to", "lang", *LIST_PARAMS.values())


@dataclass(frozen=True)
class Filters:
    """What the reader chose in the sidebar; empty means no restriction."""

    date_from: date | None = None
    date_to: date | None = None
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    mechanisms: tuple[str, ...] = ()
    dialogue_statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    deal_statuses: tuple[str, ...] = ()
    lang: str = "vi"

    @property
    def has_dates(self) -> bool:
        return self.date_from is not None or self.date_to is not None


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def from_params(get_all: Callable[[str], list[str]]) -> Filters:
    """Filters from a URL query string; unknown values and malformed dates are dropped."""
    lists = {}
    for name, param in LIST_PARAMS.items():
        values = tuple(dict.fromkeys(v for v in get_all(param) if v))
        known = KNOWN_VALUES.get(name)
        lists[name] = tuple(v for v in values if v in known) if known else values
    lang = next(iter(get_all("lang")), "vi")
    return Filters(
        date_from=_parse_date(next(iter(get_all("from")), None)),
        date_to=_parse_date(next(iter(get_all("to")), None)),
        lang=lang if lang in LANGS else "vi",
        **lists,
    )


def to_params(filters: Filters) -> dict[str, list[str]]:
    """The URL query string form of `filters`: only what differs from the defaults."""
    params: dict[str, list[str]] = {}
    if filters.date_from:
        params["from"] = [filters.date_from.isoformat()]
    if filters.date_to:
        params["to"] = [filters.date_to.isoformat()]
    for field in fields(Filters):
        param = LIST_PARAMS.get(field.name)
        values = getattr(filters, field.name)
        if param and values:
            params[param] = list(values)
    if filters.lang != "vi":
        params["lang"] = [filters.lang]
    return params


def _any_in(lists: pd.Series, values: Iterable[object]) -> pd.Series:
    """For a column of lists: does each row's list hold any of `values`?"""
    exploded = lists.reset_index(drop=True).explode()
    hits = exploded.isin(list(values)).groupby(level=0).any()
    return pd.Series(hits.to_numpy(dtype=bool), index=lists.index)


def _day(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce", format="mixed")


def _in_dates(days: pd.Series, filters: Filters) -> pd.Series:
    mask = pd.Series(True, index=days.index)
    if filters.date_from:
        mask &= days >= pd.Timestamp(filters.date_from)
    if filters.date_to:
        mask &= days <= pd.Timestamp(filters.date_to)
    return mask & days.notna() if filters.has_dates else mask


def _in(column: pd.Series, values: tuple[str, ...]) -> pd.Series:
    return column.isin(values) if values else pd.Series(True, index=column.index)


def _from_articles(rows: pd.DataFrame, wanted: pd.Series) -> pd.Series:
    """Does each event (`article_ids`) or mention (`article_id`) come from one of the `wanted` articles?"""
    if "article_ids" in rows:
        return _any_in(rows["article_ids"], wanted)
    return rows["article_id"].isin(wanted)


def _from_sources(rows: pd.DataFrame, articles: pd.DataFrame, sources: tuple[str, ...]) -> pd.Series:
    if not sources:
        return pd.Series(True, index=rows.index)
    return _from_articles(rows, articles.loc[articles["source"].isin(sources), "article_id"])


def filter_articles(articles: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    mask = _in_dates(_day(articles["published"]), filters) & _in(articles["source"], filters.sources)
    if filters.countries:
        mask &= _any_in(articles["countries"], filters.countries)
    return articles[mask]


def filter_dialogues(dialogues: pd.DataFrame, articles: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Dialogue events (or mentions, which carry `article_id`) by event date, parties, source, mechanism, status."""
    mask = (
        _in_dates(_day(dialogues["date_start"]), filters)
        & _in(dialogues["mechanism"], filters.mechanisms)
        & _in(dialogues["status"], filters.dialogue_statuses)
        & _from_sources(dialogues, articles, filters.sources)
    )
    if filters.countries:
        mask &= _any_in(dialogues["parties"], filters.countries)
    return dialogues[mask]


def _deal_dates_in(deals: pd.DataFrame, articles: pd.DataFrame, filters: Filters) -> pd.Series:
    """A deal's date is its order year when known, else the publication dates of its articles."""
    if not filters.has_dates:
        return pd.Series(True, index=deals.index)
    year = pd.to_numeric(deals["year"], errors="coerce")
    low = filters.date_from.year if filters.date_from else -1
    high = filters.date_to.year if filters.date_to else 10_000
    by_year = year.between(low, high)
    published_in = articles.loc[_in_dates(_day(articles["published"]), filters), "article_id"]
    by_article = _from_articles(deals, published_in)
    return by_year.where(year.notna(), by_article).astype(bool)


def filter_deals(deals: pd.DataFrame, articles: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Deal events (or mentions) by date, buyer or seller, source, category and status."""
    mask = (
        _deal_dates_in(deals, articles, filters)
        & _in(deals["category"], filters.categories)
        & _in(deals["status"], filters.deal_statuses)
        & _from_sources(deals, articles, filters.sources)
    )
    if filters.countries:
        mask &= deals["buyer"].isin(filters.countries) | deals["seller"].isin(filters.countries)
    return deals[mask]
