"""What a reader filters on (dates, countries, source, mechanism, statuses, category) and vectorised filtering
of the store's tables: the dashboard and the `export` command filter through this one module."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

STRINGS = pa.large_string()


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
    lang: str = "vi"  # the dashboard's interface language; filtering and exports ignore it
    min_confidence: float = 0.0  # dialogues and deals below it are left out (newsfacts.store.confidence)

    @property
    def has_dates(self) -> bool:
        return self.date_from is not None or self.date_to is not None


@dataclass(frozen=True)
class Links:
    """A list column exploded once into integers: row `rows[i]` of a table holds item `items[targets[i]]`."""

    rows: np.ndarray
    targets: np.ndarray
    items: pa.Array
    n_rows: int

    @classmethod
    def of(cls, lists: pd.Series, items: pa.Array | None = None) -> Links:
        """`items` fixes what the targets count (e.g. the store's article ids); by default, every item seen."""
        exploded = lists.reset_index(drop=True).explode().dropna()
        values = _strings(exploded)
        items = pc.unique(values) if items is None else items
        targets = pc.index_in(values, value_set=items).fill_null(-1).to_numpy(zero_copy_only=False)
        known = targets >= 0
        return cls(exploded.index.to_numpy(dtype=np.int64)[known], targets[known], items, len(lists))

    def reaching(self, chosen: np.ndarray) -> np.ndarray:
        """Which rows hold at least one item marked in `chosen` (a mask over `items`)."""
        mask = np.zeros(self.n_rows, dtype=bool)
        mask[self.rows[chosen[self.targets]]] = True
        return mask

    def reaching_any(self, values: Iterable[str]) -> np.ndarray:
        return self.reaching(pc.is_in(self.items, value_set=_strings(list(values))).to_numpy(zero_copy_only=False))


def _strings(values: Iterable[str]) -> pa.Array:
    """Strings as one Arrow array, hashed and matched in C rather than object by object."""
    return pa.array(np.asarray(values, dtype=object), STRINGS)


def _days(values: pd.Series) -> np.ndarray:
    return pd.to_datetime(values, errors="coerce", format="mixed").to_numpy(dtype="datetime64[ns]")


@dataclass(frozen=True)
class Filterable:
    """The tables the filters apply to (articles, dialogue events, deal events), with what filtering needs
    computed once per store version: parsed dates and list columns exploded into integer links."""

    articles: pd.DataFrame
    dialogues: pd.DataFrame
    deals: pd.DataFrame
    published: np.ndarray
    ids: pa.Array
    article_keys: np.ndarray
    article_countries: Links
    dialogue_days: np.ndarray
    dialogue_parties: Links
    dialogue_articles: Links
    deal_years: np.ndarray
    deal_articles: Links

    @classmethod
    def of(cls, articles: pd.DataFrame, dialogues: pd.DataFrame, deals: pd.DataFrame) -> Filterable:
        """Events name their articles by id (`article_ids`); an id held by several articles links to all of them."""
        article_ids = _strings(articles["article_id"])
        ids = pc.unique(article_ids)
        return cls(
            articles=articles, dialogues=dialogues, deals=deals,
            published=_days(articles["published"]),
            ids=ids,
            article_keys=pc.index_in(article_ids, value_set=ids).to_numpy(zero_copy_only=False),
            article_countries=Links.of(articles["countries"]),
            dialogue_days=_days(dialogues["date_start"]),
            dialogue_parties=Links.of(dialogues["parties"]),
            dialogue_articles=Links.of(dialogues["article_ids"], ids),
            deal_years=pd.to_numeric(deals["year"], errors="coerce").to_numpy(dtype=float, na_value=np.nan),
            deal_articles=Links.of(deals["article_ids"], ids),
        )

    def articles_among(self, chosen: np.ndarray) -> np.ndarray:
        """A mask over `ids` (what the events' links point to) from a mask over article rows."""
        marked = np.zeros(len(self.ids), dtype=bool)
        marked[self.article_keys[chosen]] = True
        return marked


def _in_dates(days: np.ndarray, filters: Filters) -> np.ndarray:
    mask = np.ones(len(days), dtype=bool)
    if filters.date_from:
        mask &= days >= np.datetime64(filters.date_from, "ns")
    if filters.date_to:
        mask &= days <= np.datetime64(filters.date_to, "ns")
    return mask & ~np.isnat(days) if filters.has_dates else mask


def _in(column: pd.Series, values: tuple[str, ...]) -> np.ndarray:
    return column.isin(values).to_numpy(dtype=bool) if values else np.ones(len(column), dtype=bool)


def _rows(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    return frame if mask.all() else frame[mask]


def _from_sources(links: Links, tables: Filterable, sources: tuple[str, ...]) -> np.ndarray:
    if not sources:
        return np.ones(links.n_rows, dtype=bool)
    return links.reaching(tables.articles_among(_in(tables.articles["source"], sources)))


def _confident(events: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Events whose confidence reaches the chosen minimum (all of them when there is no confidence column)."""
    if not filters.min_confidence or "confidence" not in events:
        return np.ones(len(events), dtype=bool)
    return events["confidence"].to_numpy(dtype=float) >= filters.min_confidence


def filter_articles(tables: Filterable, filters: Filters) -> pd.DataFrame:
    mask = _in_dates(tables.published, filters) & _in(tables.articles["source"], filters.sources)
    if filters.countries:
        mask &= tables.article_countries.reaching_any(filters.countries)
    return _rows(tables.articles, mask)


def filter_dialogues(tables: Filterable, filters: Filters) -> pd.DataFrame:
    """Dialogue events by event date, parties, source, mechanism, status."""
    dialogues = tables.dialogues
    mask = (
        _in_dates(tables.dialogue_days, filters)
        & _in(dialogues["mechanism"], filters.mechanisms)
        & _in(dialogues["status"], filters.dialogue_statuses)
        & _from_sources(tables.dialogue_articles, tables, filters.sources)
        & _confident(dialogues, filters)
    )
    if filters.countries:
        mask &= tables.dialogue_parties.reaching_any(filters.countries)
    return _rows(dialogues, mask)


def _deal_dates_in(tables: Filterable, filters: Filters) -> np.ndarray:
    """A deal's date is its order year when known, else the publication dates of its articles."""
    year = tables.deal_years
    if not filters.has_dates:
        return np.ones(len(year), dtype=bool)
    low = filters.date_from.year if filters.date_from else -1
    high = filters.date_to.year if filters.date_to else 10_000
    by_article = tables.deal_articles.reaching(tables.articles_among(_in_dates(tables.published, filters)))
    return np.where(np.isnan(year), by_article, (year >= low) & (year <= high))


def filter_deals(tables: Filterable, filters: Filters) -> pd.DataFrame:
    """Deal events by date, buyer or seller, source, category and status."""
    deals = tables.deals
    mask = (
        _deal_dates_in(tables, filters)
        & _in(deals["category"], filters.categories)
        & _in(deals["status"], filters.deal_statuses)
        & _from_sources(tables.deal_articles, tables, filters.sources)
        & _confident(deals, filters)
    )
    if filters.countries:
        mask &= _in(deals["buyer"], filters.countries) | _in(deals["seller"], filters.countries)
    return _rows(deals, mask)
