"""Display tables built from filtered store frames: readable labels, country names, evidence links."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pandas as pd
from babel.numbers import format_decimal

from components.i18n import country_label, t, value_label

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


def _first(lists: pd.Series) -> pd.Series:
    return lists.reset_index(drop=True).explode().groupby(level=0).first().set_axis(lists.index)


def country_names(codes: pd.Series, lang: str) -> pd.Series:
    names = {code: country_label(code, lang) for code in codes.dropna().unique()}
    return codes.map(names)


def joined_country_names(lists: pd.Series, lang: str) -> pd.Series:
    exploded = lists.reset_index(drop=True).explode()
    names = country_names(exploded, lang).fillna("")
    joined = names.groupby(level=0).agg(" – ".join)
    return joined.reindex(range(len(lists)), fill_value="").set_axis(lists.index).astype(object)


def joined_text(lists: pd.Series) -> pd.Series:
    exploded = lists.reset_index(drop=True).explode().dropna().astype(str)
    joined = exploded.groupby(level=0).agg(", ".join)
    return joined.reindex(range(len(lists)), fill_value="").set_axis(lists.index).astype(object)


def participant_names(participants: pd.Series) -> pd.Series:
    def names(text: object) -> str:
        people = json.loads(text) if isinstance(text, str) and text else []
        return ", ".join(p.get("name", "") for p in people)

    return participants.map(names)


def has_conflicts(conflicts: pd.Series) -> pd.Series:
    return ~conflicts.fillna("[]").astype(str).str.strip().isin(["[]", ""])


def labels(values: pd.Series, lang: str) -> pd.Series:
    """Store codes (status, mechanism, category, ...) as readers say them; missing codes become ''."""
    said = {value: value_label(value, lang) for value in values.dropna().unique()}
    return values.map(said).fillna("").astype(object)


def _first_evidence(events: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """For each event, the article and sentence of its first mention."""
    first_ids = _first(events["mention_ids"])
    by_id = mentions.set_index("mention_id")
    found = first_ids.map(by_id["article_id"]) if len(by_id) else first_ids.map({})
    sentence = first_ids.map(_first(by_id["evidence"])) if len(by_id) else first_ids.map({})
    return pd.DataFrame({"article_id": found, "sentence": sentence}, index=events.index)


def place(city: pd.Series, country: pd.Series, lang: str) -> pd.Series:
    names = country_names(country, lang).astype("string").fillna("")
    city = city.astype("string").fillna("")
    return (city + ", " + names).str.strip(", ").astype(object)


def dialogue_table(events: pd.DataFrame, mentions: pd.DataFrame, lang: str, base: str) -> pd.DataFrame:
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
            t("link", lang): evidence_links(evidence["article_id"], evidence["sentence"], base),
        },
        index=events.index,
    )


def number(value: float, lang: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=LOCALES[lang])


def usd_short(value: float, lang: str) -> str:
    """A dollar amount for a headline figure whose label names the currency, e.g. '25,2 tỷ'."""
    for size, unit in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{number(round(value / size, 1), lang)} {t(unit, lang)}"
    return number(value, lang)


def value_text(deals: pd.DataFrame, lang: str) -> pd.Series:
    """E.g. 'hơn 3.000.000.000 USD', plus the amount as written when it was not in dollars."""

    def describe(row: pd.Series) -> str:
        if pd.isna(row["value_usd"]):
            return ""
        words = [value_label(row["value_qualifier"], lang), number(row["value_usd"], lang), "USD"]
        currency = row["value_currency"]
        if isinstance(currency, str) and currency != "USD" and pd.notna(row["value_amount"]):
            words.append(f"({number(row['value_amount'], lang)} {currency})")
        return " ".join(word for word in words if word)

    columns = ["value_usd", "value_qualifier", "value_amount", "value_currency"]
    return deals[columns].apply(describe, axis=1) if len(deals) else pd.Series("", index=deals.index, dtype=object)


def deal_table(events: pd.DataFrame, mentions: pd.DataFrame, lang: str, base: str) -> pd.DataFrame:
    evidence = _first_evidence(events, mentions)
    return pd.DataFrame(
        {
            t("system", lang): events["system"],
            t("buyer", lang): country_names(events["buyer"], lang),
            t("seller", lang): country_names(events["seller"], lang),
            t("value", lang): value_text(events, lang),
            t("value_usd", lang): pd.to_numeric(events["value_usd"], errors="coerce"),
            t("quantity", lang): pd.to_numeric(events["quantity"], errors="coerce").astype("Int64"),
            t("year", lang): pd.to_numeric(events["year"], errors="coerce").astype("Int64"),
            t("status", lang): labels(events["status"], lang),
            t("category", lang): labels(events["category"], lang),
            t("kind", lang): labels(events["kind"], lang),
            t("suppliers", lang): joined_text(events["suppliers"]),
            t("n_sources", lang): events["n_sources"],
            t("conflict_flag", lang): has_conflicts(events["conflicts"]),
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


def conflict_rows(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per disagreeing field of the events that have conflicts."""
    flagged = events[has_conflicts(events["conflicts"])]
    rows = [
        {t("system", lang): system, "field": item.get("field"), t("value", lang): ", ".join(map(str, item.get("values", [])))}
        for system, text in zip(flagged["system"], flagged["conflicts"])
        for item in json.loads(text)
    ]
    return pd.DataFrame(rows, columns=[t("system", lang), "field", t("value", lang)])


def country_involvement(codes: pd.Series, weights: pd.Series | None = None) -> pd.DataFrame:
    """Sum of `weights` (or a count) per ISO-3 code, largest first."""
    frame = pd.DataFrame({"country": codes.to_numpy(), "value": 1 if weights is None else weights.to_numpy()})
    totals = frame.dropna(subset=["country"]).groupby("country", as_index=False)["value"].sum()
    return totals.sort_values("value", ascending=False, ignore_index=True)


def partner_pairs(dialogues: pd.DataFrame) -> pd.DataFrame:
    """Every pair of parties that met, with the number of dialogues between them."""
    parties = dialogues[["event_id", "parties"]].explode("parties").dropna()
    both = parties.merge(parties, on="event_id", suffixes=("_a", "_b"))
    both = both[both["parties_a"] < both["parties_b"]]
    counts = both.groupby(["parties_a", "parties_b"], as_index=False).size()
    return counts.rename(columns={"parties_a": "a", "parties_b": "b", "size": "count"})


def arms_flows(deals: pd.DataFrame) -> pd.DataFrame:
    """Deals per seller -> buyer with their number and known value in USD."""
    known = deals.dropna(subset=["buyer", "seller"]).assign(value_usd=lambda d: pd.to_numeric(d["value_usd"], errors="coerce"))
    flows = known.groupby(["seller", "buyer"], as_index=False).agg(count=("event_id", "size"), value_usd=("value_usd", "sum"))
    return flows.sort_values(["value_usd", "count"], ascending=False, ignore_index=True)
