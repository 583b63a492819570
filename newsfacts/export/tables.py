"""The export frames: one row per event (or article, or person), stable ids, ISO-3 codes beside names, dates
with their precision, every source's outlet, date and URL, snake_case columns (the codebook: docs/codebook.md)."""

from __future__ import annotations

import calendar
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from newsfacts.amounts import UsedRate, approximate_values, used_rate
from newsfacts.extract.countries import country_name
from newsfacts.filters import Filterable, Filters, filter_articles, filter_deals, filter_dialogues
from newsfacts.records import UsdRate
from newsfacts.store.events import stable_id

Tables = Mapping[str, pd.DataFrame]
NAME_LANG = "en"  # country names in exports are English whatever the interface language; ISO-3 is the join key


def _items(value: object) -> list:
    return list(value) if isinstance(value, (list, tuple, np.ndarray)) else []


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _per_value(values: pd.Series, describe: Callable[[object], object]) -> list:
    """`describe` of each value, called once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    said = [*(describe(value) for value in uniques), describe(None)]
    return [said[code] for code in codes]


def _name(code: object) -> str | None:
    return country_name(code, NAME_LANG) if isinstance(code, str) and code else None


def _names(codes: object) -> list[str]:
    return [country_name(code, NAME_LANG) for code in _items(codes) if isinstance(code, str)]


def absolute_url(url: object) -> str | None:
    """The URL when it is absolute http(s) (it then works outside the app), else None."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def date_end(iso: object, precision: object) -> str | None:
    """The last day of the period a date names at its precision: '2020' -> '2020-12-31', '2020-02' -> '2020-02-29'."""
    if not isinstance(iso, str) or not iso:
        return None
    if precision == "year":
        return f"{iso[:4]}-12-31"
    if precision == "month":
        year, month = int(iso[:4]), int(iso[5:7])
        return f"{iso[:7]}-{calendar.monthrange(year, month)[1]:02d}"
    return iso[:10]


def _iso_day(value: object) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


class Sources:
    """Each event's articles in publication order, with their outlet, publication date and absolute URL."""

    def __init__(self, articles: pd.DataFrame) -> None:
        known = articles.drop_duplicates("article_id").set_index("article_id")
        self.outlet = known["source"].to_dict()
        self.published = known["published"].to_dict()
        self.url = {a: absolute_url(url) for a, url in known["url"].items()}

    def ordered(self, ids: object) -> list[str]:
        return sorted(_items(ids), key=lambda a: (_text(self.published.get(a)) or "9999", a))

    def columns(self, article_ids: pd.Series) -> dict[str, list]:
        ordered = [self.ordered(ids) for ids in article_ids]
        return {
            "source_article_ids": ordered,
            "source_outlets": [[_text(self.outlet.get(a)) or "" for a in ids] for ids in ordered],
            "source_published": [[_text(self.published.get(a)) or "" for a in ids] for ids in ordered],
            "source_urls": [[self.url.get(a) or "" for a in ids] for ids in ordered],
        }

    def long(self, events: pd.DataFrame) -> pd.DataFrame:
        """One row per event and source article: the join table of the Excel workbook's `sources` sheet."""
        rows = [
            (event_id, a, _text(self.outlet.get(a)), _text(self.published.get(a)), self.url.get(a))
            for event_id, ids in zip(events["event_id"], events["article_ids"])
            for a in self.ordered(ids)
        ]
        return pd.DataFrame(rows, columns=["event_id", "article_id", "outlet", "published", "url"], dtype=object)


def _evidence(mention_ids: pd.Series, mentions: pd.DataFrame) -> dict[str, list]:
    """The first mention's article, first evidence sentence index and its text: the sentence to cite."""
    by_id = mentions.drop_duplicates("mention_id").set_index("mention_id")
    first = [next(iter(_items(ids)), None) for ids in mention_ids]
    found = [m if m in by_id.index else None for m in first]
    sentence = [_items(by_id.at[m, "evidence"]) if m else [] for m in found]
    text = [_items(by_id.at[m, "evidence_text"]) if m else [] for m in found]
    return {
        "evidence_article_id": [by_id.at[m, "article_id"] if m else None for m in found],
        "evidence_sentence": pd.array([int(s[0]) if s else None for s in sentence], dtype="Int64"),
        "evidence_text": [t[0] if t else None for t in text],
    }


def _conflict_fields(conflicts: pd.Series) -> list[list[str]]:
    return _per_value(conflicts, lambda text: [c.get("field") for c in json.loads(text)] if _text(text) else [])


def _participants(text: object) -> list[str]:
    people = json.loads(text) if _text(text) else []
    described = []
    for person in people:
        extra = ", ".join(part for part in (person.get("role"), person.get("country")) if part)
        described.append(f"{person.get('name', '')} ({extra})" if extra else person.get("name", ""))
    return described


def _event_links(events: pd.DataFrame, sources: Sources, mentions: pd.DataFrame) -> dict[str, object]:
    """The columns every event has: how many sources, where they disagree, the sources, the evidence, the mentions."""
    return {
        "n_sources": pd.array(pd.to_numeric(events["n_sources"]), dtype="Int64"),
        "conflict_fields": _conflict_fields(events["conflicts"]),
        "conflicts": events["conflicts"].tolist(),
        **sources.columns(events["article_ids"]),
        **_evidence(events["mention_ids"], mentions),
        "mention_ids": [_items(m) for m in events["mention_ids"]],
        **_review(events),
    }


def _review(events: pd.DataFrame) -> dict[str, list]:
    """Confidence and the analysts' review (`newsfacts.review`); nulls for tables not read through the corrected view."""
    def column(name: str, convert: Callable[[object], object]) -> list:
        return [convert(v) for v in events[name]] if name in events else [None] * len(events)

    return {
        "confidence": column("confidence", float), "confidence_reasons": column("confidence_reasons", _items),
        "review": column("review", lambda v: v or None), "corrected_fields": column("corrected", _items),
    }


def dialogues(tables: Tables, filters: Filters, filterable: Filterable) -> pd.DataFrame:
    events = filter_dialogues(filterable, filters).sort_values(["date_start", "event_id"], na_position="last")
    sources = Sources(tables["articles"])
    return pd.DataFrame({
        "event_id": events["event_id"].tolist(),
        "mechanism": events["mechanism"].tolist(),
        "date": events["date"].tolist(),
        "date_precision": events["date_precision"].tolist(),
        "date_start": [_iso_day(day) for day in events["date_start"]],
        "date_end": [date_end(d, p) for d, p in zip(events["date"], events["date_precision"])],
        "parties_iso3": [_items(p) for p in events["parties"]],
        "parties": [_names(p) for p in events["parties"]],
        "location_city": events["location_city"].tolist(),
        "location_country_iso3": events["location_country"].tolist(),
        "location_country": _per_value(events["location_country"], _name),
        "status": events["status"].tolist(),
        "participants": _per_value(events["participants"], _participants),
        **_event_links(events, sources, tables["dialogue_mentions"]),
    })


def _stored_rates(deals: pd.DataFrame) -> list[UsdRate | None]:
    """The rate each deal's store row recorded; None where it has none (dollars, or a store written before)."""
    columns = [deals[name] if name in deals else pd.Series([None] * len(deals), index=deals.index, dtype=object)
               for name in ("usd_rate", "usd_rate_date", "usd_rate_source")]
    return [UsdRate(float(rate), _text(period), source) if pd.notna(rate) and _text(source) else None
            for rate, period, source in zip(*columns)]


def _rates(deals: pd.DataFrame) -> dict[str, pd.array]:
    """The `usd_rate*` columns: the rate used, its day or period, its year and where it comes from."""
    rates = [
        used_rate(float(amount), currency, float(usd), stored)
        if isinstance(currency, str) and pd.notna(amount) and pd.notna(usd) and usd else UsedRate()
        for amount, currency, usd, stored in zip(deals["value_amount"], deals["value_currency"], deals["value_usd"],
                                                 _stored_rates(deals))
    ]
    return {
        "usd_rate": pd.array([r.per_usd for r in rates], dtype="Float64"),
        "usd_rate_year": pd.array([r.year for r in rates], dtype="Int64"),
        "usd_rate_date": [r.period for r in rates],
        "usd_rate_source": [r.source for r in rates],
    }


def deals(tables: Tables, filters: Filters, filterable: Filterable) -> pd.DataFrame:
    events = filter_deals(filterable, filters).sort_values(["year", "event_id"], na_position="last")
    sources = Sources(tables["articles"])
    usd = pd.to_numeric(events["value_usd"], errors="coerce")
    amount = pd.to_numeric(events["value_amount"], errors="coerce")
    return pd.DataFrame({
        "event_id": events["event_id"].tolist(),
        "kind": events["kind"].tolist(),
        "buyer_iso3": events["buyer"].tolist(),
        "buyer": _per_value(events["buyer"], _name),
        "seller_iso3": events["seller"].tolist(),
        "seller": _per_value(events["seller"], _name),
        "suppliers": [_items(s) for s in events["suppliers"]],
        "system": events["system"].tolist(),
        "category": events["category"].tolist(),
        "status": events["status"].tolist(),
        "quantity": pd.array(pd.to_numeric(events["quantity"], errors="coerce"), dtype="Int64"),
        "year": pd.array(pd.to_numeric(events["year"], errors="coerce"), dtype="Int64"),
        "value_qualifier": events["value_qualifier"].tolist(),
        "value_amount": amount.to_numpy(dtype=float),
        "value_currency": events["value_currency"].tolist(),
        **_rates(events),
        "value_usd": usd.to_numpy(dtype=float),
        "value_usd_approx": approximate_values(usd.astype(float), amount.astype(float), events["value_currency"]),
        **_event_links(events, sources, tables["deal_mentions"]),
    }).astype({"value_usd_approx": "Float64"})


def _events_of_articles(events: pd.DataFrame) -> dict[str, list[str]]:
    linked: dict[str, list[str]] = defaultdict(list)
    for event_id, ids in zip(events["event_id"], events["article_ids"]):
        for article_id in _items(ids):
            linked[article_id].append(event_id)
    return linked


def articles(tables: Tables, filters: Filters, filterable: Filterable) -> pd.DataFrame:
    rows = filter_articles(filterable, filters).sort_values(["published", "article_id"], na_position="last")
    dialogue_ids = _events_of_articles(tables["dialogue_events"])
    deal_ids = _events_of_articles(tables["deal_events"])
    return pd.DataFrame({
        "article_id": rows["article_id"].tolist(),
        "title": rows["title"].tolist(),
        "outlet": rows["source"].tolist(),
        "published": rows["published"].tolist(),
        "published_inferred": rows["published_inferred"].astype("boolean").tolist(),
        "url": [absolute_url(url) for url in rows["url"]],
        "countries_iso3": [_items(c) for c in rows["countries"]],
        "countries": [_names(c) for c in rows["countries"]],
        "dialogue_event_ids": [dialogue_ids.get(a, []) for a in rows["article_id"]],
        "deal_event_ids": [deal_ids.get(a, []) for a in rows["article_id"]],
    }).astype({"published_inferred": "boolean"})


PEOPLE_COLUMNS = ["person_id", "name", "roles", "country_iso3", "country", "n_articles", "first_published",
                  "last_published", "article_ids", "dialogue_event_ids"]


def _name_key(name: object) -> str:
    return " ".join(str(name).casefold().split())


class People:
    """Who is who: a person is a name (case and spacing aside) and a country; a mention without a country is
    the person of that name with the country most often given to it anywhere in the store (ties: the first
    code), so "Antony Blinken" with and without "USA" is one person, and the id does not depend on filters."""

    def __init__(self, people: pd.DataFrame) -> None:
        counts: dict[str, Counter] = defaultdict(Counter)
        for name, country in zip(people["name"], people["country"]):
            if isinstance(country, str) and country:
                counts[_name_key(name)][country] += 1
        self.usual = {name: min(c, key=lambda code: (-c[code], code)) for name, c in counts.items()}

    def key(self, name: object, country: object) -> tuple[str, str]:
        named = _name_key(name)
        return named, country if isinstance(country, str) and country else self.usual.get(named, "")


def _dialogues_of_people(events: pd.DataFrame, who: People) -> dict[tuple[str, str], list[str]]:
    taken: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event_id, text in zip(events["event_id"], events["participants"]):
        for person in json.loads(text) if _text(text) else []:
            taken[who.key(person.get("name", ""), person.get("country"))].append(event_id)
    return taken


def _unique(values: Iterable[object]) -> list:
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def people(tables: Tables, filters: Filters, filterable: Filterable) -> pd.DataFrame:
    """One row per person (`People`) named in the filtered articles; with countries chosen, the people of those
    countries."""
    who = People(tables["people"])
    shown = filter_articles(filterable, Filters(date_from=filters.date_from, date_to=filters.date_to, sources=filters.sources))
    named = tables["people"][tables["people"]["article_id"].isin(shown["article_id"])]
    published = tables["articles"].drop_duplicates("article_id").set_index("article_id")["published"]
    keys = [who.key(name, country) for name, country in zip(named["name"], named["country"])]
    if filters.countries:
        kept = [key[1] in filters.countries for key in keys]
        named, keys = named[kept], [key for key, keep in zip(keys, kept) if keep]
    rows = pd.DataFrame({
        "key": keys, "name": named["name"].to_numpy(dtype=object), "role": named["role"].to_numpy(dtype=object),
        "article_id": named["article_id"].to_numpy(dtype=object),
        "published": named["article_id"].map(published).to_numpy(dtype=object),
    })
    grouped = rows.groupby("key", sort=False).agg(
        name=("name", "first"), roles=("role", _unique), n_articles=("article_id", "nunique"),
        first_published=("published", lambda d: min(_unique(d), default=None)),
        last_published=("published", lambda d: max(_unique(d), default=None)), article_ids=("article_id", _unique),
    )
    dialogues_of = _dialogues_of_people(tables["dialogue_events"], who)
    people_keys = list(grouped.index)
    frame = pd.DataFrame({
        "person_id": [stable_id("person", *key) for key in people_keys],
        "name": grouped["name"].tolist(),
        "roles": grouped["roles"].tolist(),
        "country_iso3": [key[1] or None for key in people_keys],
        "country": [_name(key[1]) for key in people_keys],
        "n_articles": pd.array(grouped["n_articles"].tolist(), dtype="Int64"),
        "first_published": grouped["first_published"].tolist(),
        "last_published": grouped["last_published"].tolist(),
        "article_ids": grouped["article_ids"].tolist(),
        "dialogue_event_ids": [_unique(dialogues_of.get(key, [])) for key in people_keys],
    }, columns=PEOPLE_COLUMNS)
    return frame.sort_values(["name", "person_id"], key=lambda c: c.astype("string").str.casefold(), ignore_index=True)
