"""Display tables built from filtered store frames: readable labels, country names, evidence links."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from itertools import combinations
from urllib.parse import urlencode

import numpy as np
import pandas as pd
from babel.numbers import format_decimal

from components.i18n import LABELS, country_label, t, value_label
from newsfacts.amounts import approximate_usd, approximate_values

ARTICLES_PATH = "bai-bao"
LOCALES = {"vi": "vi_VN", "en": "en_US"}


def link_base(params: dict[str, list[str]]) -> str:
    """The Articles page URL carrying the current filters, ready for `&article=...&sentence=...`."""
    query = urlencode(params, doseq=True)
    return f"{ARTICLES_PATH}?{query}&" if query else f"{ARTICLES_PATH}?"


def evidence_links(article_ids: pd.Series, sentences: pd.Series, base: str) -> pd.Series:
    """`base` + article and sentence for each row; rows without an article get no link."""
    sentence = ("&sentence=" + pd.to_numeric(sentences, errors="coerce").astype("Int64").astype("string")).fillna("")
    links = base + "article=" + article_ids.astype("string") + sentence
    return links.where(article_ids.notna(), None)


def _items(value: object) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple, np.ndarray)) else ()


def _first(lists: pd.Series) -> pd.Series:
    return pd.Series([next(iter(_items(value)), None) for value in lists], index=lists.index, dtype=object)


def _per_value(values: pd.Series, describe: Callable[[object], object], missing: object = "") -> pd.Series:
    """`describe` of each value, called once per distinct value (codes, pairs and names repeat a lot)."""
    codes, uniques = pd.factorize(values)
    said = np.array([*(describe(value) for value in uniques), missing], dtype=object)
    return pd.Series(said[codes], index=values.index, dtype=object)


def _per_list(lists: pd.Series, describe: Callable[[tuple], str]) -> pd.Series:
    """`describe` of each row's list, computed once per distinct list."""
    return _per_value(pd.Series([_items(value) for value in lists], index=lists.index, dtype=object), describe)


def country_names(codes: pd.Series, lang: str) -> pd.Series:
    return _per_value(codes, lambda code: country_label(code, lang), missing=None)


def joined_country_names(lists: pd.Series, lang: str) -> pd.Series:
    def joined(codes: tuple) -> str:
        return " – ".join(country_label(code, lang) if isinstance(code, str) else "" for code in codes)

    return _per_list(lists, joined)


def pair_names(pairs: pd.Series, lang: str) -> pd.Series:
    """The store's `pair` keys ('IND-USA') as `joined_country_names` writes the parties, once per distinct pair."""
    return _per_value(pairs, lambda pair: " – ".join(country_label(code, lang) for code in pair.split("-")))


def joined_text(lists: pd.Series) -> pd.Series:
    return _per_list(lists, lambda items: ", ".join(str(item) for item in items if not pd.isna(item)))


def _names(text: str) -> str:
    return ", ".join(person.get("name", "") for person in json.loads(text)) if text else ""


def participant_names(participants: pd.Series) -> pd.Series:
    """The names in each row's JSON list of participants, parsed once per distinct list."""
    return _per_value(participants, _names)


def has_conflicts(conflicts: pd.Series) -> pd.Series:
    return ~conflicts.fillna("[]").astype(str).str.strip().isin(["[]", ""])


def labels(values: pd.Series, lang: str) -> pd.Series:
    """Store codes (status, mechanism, category, ...) as readers say them; missing codes become ''."""
    return _per_value(values, lambda value: value_label(value, lang))


def _first_evidence(events: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """For each event, the article and sentence of its first mention."""
    first_ids = _first(events["mention_ids"])
    by_id = mentions[mentions["mention_id"].isin(first_ids.dropna())].set_index("mention_id")
    found = first_ids.map(by_id["article_id"]) if len(by_id) else first_ids.map({})
    sentence = first_ids.map(_first(by_id["evidence"])) if len(by_id) else first_ids.map({})
    return pd.DataFrame({"article_id": found, "sentence": sentence}, index=events.index)


def place(city: pd.Series, country: pd.Series, lang: str) -> pd.Series:
    names = country_names(country, lang).astype("string").fillna("")
    city = city.astype("string").fillna("")
    return (city + ", " + names).str.strip(", ").astype(object)


REVIEW_MARKS = {"confirmed": "✓", "corrected": "✎", "added": "✚"}


def _review_note(review: str, fields: list, original: str, lang: str, originals: bool) -> str:
    """'✓ đã xác nhận', '✚ đã thêm', '✎ date, status', or with `originals` '✎ date (gốc: 2020-10), status (gốc: held)'."""
    if review != "corrected":
        return f"{REVIEW_MARKS[review]} {t(f'review_{review}', lang)}" if review else ""
    was = json.loads(original or "{}") if originals else {}
    said = [f"{name} ({t('original', lang)}: {_plain_text(was[name])})" if name in was else str(name) for name in fields]
    return f"{REVIEW_MARKS[review]} {', '.join(said)}"


def _plain_text(value: object) -> str:
    if value is None:
        return "—"
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def review_columns(events: pd.DataFrame, lang: str, originals: bool = False) -> dict[str, pd.Series]:
    """The confidence and the analysts' marks of each event (what was corrected; the parsed values on request)."""
    if "review" not in events:
        return {}
    notes = [_review_note(review, list(fields), original, lang, originals)
             for review, fields, original in zip(events["review"], events["corrected"], events["original"])]
    return {t("confidence", lang): events["confidence"],
            t("corrected", lang): pd.Series(notes, index=events.index, dtype=object)}


def dialogue_table(events: pd.DataFrame, mentions: pd.DataFrame, lang: str, base: str,
                   originals: bool = False) -> pd.DataFrame:
    evidence = _first_evidence(events, mentions)
    return pd.DataFrame(
        {
            t("date", lang): events["date"],
            t("mechanism", lang): labels(events["mechanism"], lang),
            t("pair", lang): joined_country_names(events["parties"], lang),
            t("place", lang): place(events["location_city"], events["location_country"], lang),
            t("status", lang): labels(events["status"], lang),
            t("participants", lang): participant_names(events["participants"]),
            t("n_sources", lang): events["n_sources"],
            t("conflict_flag", lang): has_conflicts(events["conflicts"]),
            **review_columns(events, lang, originals),
            t("link", lang): evidence_links(evidence["article_id"], evidence["sentence"], base),
        },
        index=events.index,
    )


def number(value: float, lang: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=LOCALES[lang])


def scaled(value: float, lang: str, places: int = 2) -> str:
    """A large amount in words of the interface language, e.g. '7,2 tỷ', '37,4 million' (no currency)."""
    for size, unit in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{number(round(value / size, places), lang)} {t(unit, lang)}"
    return number(round(value, places), lang)


def usd_short(value: float, lang: str) -> str:
    """A dollar amount for a headline figure whose label names the currency, e.g. '25,2 tỷ'."""
    return scaled(value, lang, places=1)


def _value_text(qualifier: object, amount: object, currency: object, usd: object, rate_date: object,
                rate_source: object, lang: str) -> str:
    """'khoảng 630 tỷ INR (≈ 7,2 tỷ USD, tỷ giá ECB ngày 2025-04-28)': the amount as the article wrote it, its
    qualifier, the dollars rounded to the digits the amount had, and the rate they were converted at (`rate_note`);
    the amount alone, marked unconverted, when no rate converted it; '' when no value is known."""
    said = value_label(qualifier, lang) if isinstance(qualifier, str) else ""
    if pd.isna(usd):
        if not isinstance(currency, str) or pd.isna(amount):
            return ""
        return f"{said} {scaled(float(amount), lang)} {currency} ({t('no_rate', lang)})".strip()
    if not isinstance(currency, str) or currency == "USD" or pd.isna(amount):
        return f"{said} {scaled(float(usd), lang)} USD".strip()
    approx = approximate_usd(float(usd), float(amount), currency)
    note = rate_note(rate_date, rate_source, lang)
    return f"{said} {scaled(float(amount), lang)} {currency} (≈ {scaled(approx, lang)} USD{note})".strip()


def rate_note(rate_date: object, rate_source: object, lang: str) -> str:
    """", tỷ giá ECB ngày 2023-07-14" / ", ECB rate of 2023-07-14": which rate converted the amount; "" when the
    store does not say (a store written before rates were kept)."""
    if rate_source == "text":
        return ", " + t("rate_text", lang)
    if not isinstance(rate_date, str) or rate_source not in ("ECB", "yearly table"):
        return ""
    kind = {10: "day", 7: "month", 4: "year"}.get(len(rate_date), "day")
    key = f"rate_ecb_{kind}" if rate_source == "ECB" else "rate_yearly"
    return ", " + t(key, lang, period=rate_date)


def rounded_values(deals: pd.DataFrame) -> pd.Series:
    """Each deal's dollars rounded to the digits of the amount as written (`newsfacts.amounts.approximate_usd`)."""
    rounded = approximate_values(pd.to_numeric(deals["value_usd"], errors="coerce").astype(float),
                                 pd.to_numeric(deals["value_amount"], errors="coerce").astype(float), deals["value_currency"])
    return pd.Series(rounded, index=deals.index, dtype="Float64")


def value_text(deals: pd.DataFrame, lang: str) -> pd.Series:
    """Each deal's value as `_value_text` writes it, once per distinct value."""
    rates = [deals[name] if name in deals else pd.Series(None, index=deals.index, dtype=object)
             for name in ("usd_rate_date", "usd_rate_source")]
    keys = pd.Series(list(zip(deals["value_qualifier"], deals["value_amount"], deals["value_currency"], deals["value_usd"],
                              *rates)), index=deals.index, dtype=object)
    return _per_value(keys, lambda key: _value_text(*key, lang) if isinstance(key, tuple) else "")


def deal_table(events: pd.DataFrame, mentions: pd.DataFrame, lang: str, base: str,
               originals: bool = False) -> pd.DataFrame:
    evidence = _first_evidence(events, mentions)
    return pd.DataFrame(
        {
            t("system", lang): events["system"],
            t("buyer", lang): country_names(events["buyer"], lang),
            t("seller", lang): country_names(events["seller"], lang),
            t("value", lang): value_text(events, lang),
            t("value_usd", lang): rounded_values(events),
            t("quantity", lang): pd.to_numeric(events["quantity"], errors="coerce").astype("Int64"),
            t("year", lang): pd.to_numeric(events["year"], errors="coerce").astype("Int64"),
            t("status", lang): labels(events["status"], lang),
            t("category", lang): labels(events["category"], lang),
            t("kind", lang): labels(events["kind"], lang),
            t("suppliers", lang): joined_text(events["suppliers"]),
            t("n_sources", lang): events["n_sources"],
            t("conflict_flag", lang): has_conflicts(events["conflicts"]),
            **review_columns(events, lang, originals),
            t("link", lang): evidence_links(evidence["article_id"], evidence["sentence"], base),
        },
        index=events.index,
    )


def article_table(articles: pd.DataFrame, lang: str, base: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("title", lang): articles["title"],
            t("published", lang): articles["published"],
            t("source", lang): articles["source"],
            t("countries", lang): joined_country_names(articles["countries"], lang),
            t("link", lang): evidence_links(articles["article_id"], pd.Series(None, index=articles.index), base),
        },
        index=articles.index,
    )


def file_table(files: pd.DataFrame, lang: str, shown: Callable[[str], str]) -> pd.DataFrame:
    """The ingested files with their status, article count, problem and time; each file, and the problems that
    name it, as `shown` names it (no server paths on the page)."""
    headers = {"file": "file", "status": "status", "n_articles": "articles", "error": "problem",
               "ingested_at": "last_ingested"}
    table = files[list(headers)].copy()
    table["error"] = [None if pd.isna(error) else str(error).replace(f"{os.path.dirname(file)}{os.sep}", "")
                      for file, error in zip(table["file"], table["error"])]
    table["file"] = [shown(str(file)) for file in table["file"]]
    return table.rename(columns={column: t(label, lang) for column, label in headers.items()})


_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]<>|$~])")  # the signs that act inside a line of text


def plain_markdown(text: str) -> str:
    """`text` with every Markdown, KaTeX ($) and HTML sign escaped, for the widgets that render Markdown."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", text)


def _conflict_value(field: str, value: object, lang: str) -> str:
    """A disagreeing value as the tables write it: dollars in words, codes as labels, numbers in the page's style."""
    if field == "value_usd" and isinstance(value, (int, float)):
        return f"{scaled(float(value), lang)} USD"
    if field == "location_country" and isinstance(value, str):
        return country_label(value, lang)
    if field in ("status", "kind") and isinstance(value, str):
        return value_label(value, lang)
    if field == "quantity" and isinstance(value, (int, float)):
        return number(value, lang)
    return str(value)


def _reports(article_ids: list[str], articles: pd.DataFrame) -> str:
    """'Outlet (date); Outlet (date)' for the articles reporting a value, oldest first."""
    known = articles[articles["article_id"].isin(article_ids)].drop_duplicates("article_id")
    said = sorted(zip(known["published"].fillna(""), known["source"].fillna("—")))
    return "; ".join(f"{outlet} ({published})" if published else outlet for published, outlet in said)


def conflict_rows(events: pd.DataFrame, articles: pd.DataFrame, what: pd.Series, lang: str) -> pd.DataFrame:
    """One row per value of each disagreeing field of the events that have conflicts: the event (`what` says
    which, per row of `events`), the field in the page's language, the value formatted, and the outlets and
    publication dates of the articles that report it."""
    flagged = events[has_conflicts(events["conflicts"])]
    rows = [
        (what.loc[index], t(item.get("field", ""), lang) if item.get("field") in LABELS else item.get("field"),
         _conflict_value(item.get("field", ""), value, lang), _reports(list(ids), articles))
        for index, text in zip(flagged.index, flagged["conflicts"])
        for item in json.loads(text)
        for value, ids in zip(item.get("values", []), item.get("article_ids", []))
    ]
    return pd.DataFrame(rows, columns=[t("event", lang), t("field", lang), t("value", lang), t("reported_by", lang)])


def country_involvement(codes: pd.Series, weights: pd.Series | None = None) -> pd.DataFrame:
    """Sum of `weights` (or a count) per ISO-3 code, largest first."""
    frame = pd.DataFrame({"country": codes.to_numpy(), "value": 1 if weights is None else weights.to_numpy()})
    totals = frame.dropna(subset=["country"]).groupby("country", as_index=False)["value"].sum()
    return totals.sort_values("value", ascending=False, ignore_index=True)


def _parties_per_pair(dialogues: pd.DataFrame) -> list[tuple[list[str], int]]:
    """The parties of each distinct `pair` key ('IND-JPN-USA') and how many dialogues have it."""
    counts = dialogues["pair"].value_counts()
    return [(sorted(set(filter(None, pair.split("-")))), int(n)) for pair, n in counts.items()]


def party_involvement(dialogues: pd.DataFrame) -> pd.DataFrame:
    """Dialogues per ISO-3 party, largest first (as `country_involvement` of the exploded parties)."""
    counted = [(code, n) for parties, n in _parties_per_pair(dialogues) for code in parties]
    codes, weights = zip(*counted) if counted else ((), ())
    return country_involvement(pd.Series(codes, dtype=object), pd.Series(weights, dtype="int64"))


def partner_pairs(dialogues: pd.DataFrame) -> pd.DataFrame:
    """Every pair of parties that met, with the number of dialogues between them."""
    met = [(a, b, n) for parties, n in _parties_per_pair(dialogues) for a, b in combinations(parties, 2)]
    pairs = pd.DataFrame(met, columns=["a", "b", "count"]).astype({"a": object, "b": object, "count": "int64"})
    return pairs.groupby(["a", "b"], as_index=False)["count"].sum()


def arms_flows(deals: pd.DataFrame) -> pd.DataFrame:
    """Deals per seller -> buyer with their number and known value in USD."""
    known = deals.dropna(subset=["buyer", "seller"]).assign(value_usd=lambda d: pd.to_numeric(d["value_usd"], errors="coerce"))
    flows = known.groupby(["seller", "buyer"], as_index=False).agg(count=("event_id", "size"), value_usd=("value_usd", "sum"))
    return flows.sort_values(["value_usd", "count"], ascending=False, ignore_index=True)


def dialogues_per_year(dialogues: pd.DataFrame) -> pd.DataFrame:
    """Dialogues per year of their date and mechanism (undated ones left out): year, mechanism, n_dialogues."""
    years = pd.to_datetime(dialogues["date_start"], errors="coerce").dt.year
    counted = pd.DataFrame({"year": years, "mechanism": dialogues["mechanism"]}).dropna()
    per_year = counted.groupby(["year", "mechanism"], as_index=False).size().rename(columns={"size": "n_dialogues"})
    return per_year.astype({"year": "int64", "n_dialogues": "int64"})


def deal_value_per_year(deals: pd.DataFrame, side: str, top: int = 8) -> pd.DataFrame:
    """Known deal value (USD) and number of deals per order year and `side` ("buyer" or "seller"), for the `top`
    countries by total value; the rest under the code "" (other). Deals without a year are left out.
    Columns: year, country_iso3, value_usd, n_deals."""
    rows = pd.DataFrame({"year": pd.to_numeric(deals["year"], errors="coerce"),
                         "country_iso3": deals[side].fillna("").astype(object),
                         "value_usd": pd.to_numeric(deals["value_usd"], errors="coerce")}).dropna(subset=["year"])
    leaders = rows.groupby("country_iso3")["value_usd"].sum().sort_values(ascending=False)
    leaders = [code for code in leaders.index if code][:top]
    rows["country_iso3"] = rows["country_iso3"].where(rows["country_iso3"].isin(leaders), "")
    summed = rows.groupby(["year", "country_iso3"], as_index=False).agg(
        value_usd=("value_usd", "sum"), n_deals=("value_usd", "size"))
    return summed.astype({"year": "int64", "n_deals": "int64"})
