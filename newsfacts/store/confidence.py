"""Confidence of every dialogue, deal and person record, with the reasons as short codes.

Computed from what the parser and the store know about a record, never guessed: how many
sources report it and whether they disagree, whether several sentences or mentions back it,
how precisely its date is known and whether its article's publication date (which resolves
dates without a year) was inferred or missing, whether its value was converted from another
currency, which of its key fields are missing. Each reason moves the score by its weight from
`BASE`; a record an analyst confirmed, corrected or added is certain (1.0).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

BASE = 0.6
FLOOR, CEILING = 0.05, 0.99

# Reason code -> how much it moves the confidence.
WEIGHTS: dict[str, float] = {
    "analyst-reviewed": 0.0,
    "several-sources": 0.15,
    "many-sources": 0.1,
    "single-source": -0.05,
    "sources-conflict": -0.2,
    "cues-agree": 0.1,
    "date-day": 0.1,
    "date-year-only": -0.05,
    "date-unresolved": -0.2,
    "publication-date-inferred": -0.1,
    "publication-date-unknown": -0.15,
    "place-known": 0.05,
    "generic-mechanism": -0.1,
    "participants-named": 0.05,
    "buyer-unknown": -0.2,
    "seller-unknown": -0.2,
    "value-converted": -0.05,
    "value-stated": 0.05,
    "quantity-stated": 0.05,
    "category-other": -0.1,
    "role-known": 0.1,
    "no-role": -0.15,
    "no-country": -0.1,
    "several-articles": 0.15,
}
COLUMNS = ("confidence", "confidence_reasons")


def with_confidence(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`tables` with `confidence` (0-1) and `confidence_reasons` (list of codes) on the events and people."""
    scored = dict(tables)
    articles = tables.get("articles")
    scored["dialogue_events"] = _scored(tables["dialogue_events"], _dialogue_reasons(tables, articles))
    scored["deal_events"] = _scored(tables["deal_events"], _deal_reasons(tables, articles))
    if "people" in tables:
        scored["people"] = _scored(tables["people"], _person_reasons(tables["people"]))
    return scored


def _scored(frame: pd.DataFrame, reasons: dict[str, np.ndarray]) -> pd.DataFrame:
    codes = list(reasons)
    held = np.column_stack([reasons[c] for c in codes]) if codes else np.zeros((len(frame), 0), dtype=bool)
    weights = np.array([WEIGHTS[c] for c in codes])
    score = np.clip(BASE + held.astype(float) @ weights, FLOOR, CEILING) if len(frame) else np.zeros(0)
    reviewed = reasons.get("analyst-reviewed", np.zeros(len(frame), dtype=bool))
    score = np.where(reviewed, 1.0, score).round(2)
    lists = [[codes[i] for i in np.flatnonzero(row)] for row in held]
    return frame.assign(confidence=score, confidence_reasons=lists)


def _mask(values: pd.Series) -> np.ndarray:
    return values.fillna(False).to_numpy(dtype=bool)


def _shared(frame: pd.DataFrame, tables: Mapping[str, pd.DataFrame], mentions: str,
            articles: pd.DataFrame | None) -> dict[str, np.ndarray]:
    """Reasons every event has: review, sources, conflicts, agreeing cues, its articles' publication dates."""
    n_sources = pd.to_numeric(frame["n_sources"], errors="coerce").fillna(0).to_numpy()
    reasons = {
        "analyst-reviewed": _mask(frame["review"].isin(["confirmed", "corrected", "added"]))
        if "review" in frame else np.zeros(len(frame), dtype=bool),
        "several-sources": n_sources >= 2, "many-sources": n_sources >= 3, "single-source": n_sources <= 1,
        "sources-conflict": ~frame["conflicts"].fillna("[]").astype(str).str.strip().isin(["[]", ""]).to_numpy(),
        "cues-agree": _cues_agree(frame, tables.get(mentions)),
    }
    if articles is not None and "published_inferred" in articles:
        published = articles.set_index("article_id")
        first = frame["article_ids"].map(lambda ids: ids[0] if len(ids) else None)
        reasons["publication-date-inferred"] = _mask(first.map(published["published_inferred"]).astype("boolean"))
        reasons["publication-date-unknown"] = _mask(first.map(published["published"]).isna() & first.notna())
    return reasons


def _cues_agree(frame: pd.DataFrame, mentions: pd.DataFrame | None) -> np.ndarray:
    """Several mentions back the event, or one mention read from several sentences."""
    several = frame["mention_ids"].map(len).to_numpy() >= 2
    if mentions is None or "evidence" not in mentions:
        return several
    sentences = mentions.set_index("mention_id")["evidence"].map(len)
    first = frame["mention_ids"].map(lambda ids: ids[0] if len(ids) else None)
    return several | (first.map(sentences).fillna(0).to_numpy() >= 2)


def _dialogue_reasons(tables: Mapping[str, pd.DataFrame], articles: pd.DataFrame | None) -> dict[str, np.ndarray]:
    events = tables["dialogue_events"]
    precision = events["date_precision"]
    return {
        **_shared(events, tables, "dialogue_mentions", articles),
        "date-day": _mask(precision == "day"), "date-year-only": _mask(precision == "year"),
        "date-unresolved": events["date"].isna().to_numpy(),
        "place-known": (events["location_city"].notna() | events["location_country"].notna()).to_numpy(),
        "generic-mechanism": _mask(events["mechanism"] == "other dialogue"),
        "participants-named": ~events["participants"].fillna("[]").isin(["[]", ""]).to_numpy(),
    }


def _deal_reasons(tables: Mapping[str, pd.DataFrame], articles: pd.DataFrame | None) -> dict[str, np.ndarray]:
    deals = tables["deal_events"]
    currency = deals["value_currency"].fillna("USD")
    return {
        **_shared(deals, tables, "deal_mentions", articles),
        "buyer-unknown": deals["buyer"].isna().to_numpy(), "seller-unknown": deals["seller"].isna().to_numpy(),
        "value-stated": deals["value_usd"].notna().to_numpy(),
        "value-converted": (deals["value_usd"].notna() & (currency != "USD")).to_numpy(),
        "quantity-stated": deals["quantity"].notna().to_numpy(),
        "category-other": _mask(deals["category"] == "other"),
    }


def _person_reasons(people: pd.DataFrame) -> dict[str, np.ndarray]:
    articles_per_name = people.groupby("name")["article_id"].transform("nunique")
    sentences = people["evidence"].map(lambda e: len(e) if e is not None else 0)
    return {
        "role-known": people["role"].notna().to_numpy(), "no-role": people["role"].isna().to_numpy(),
        "no-country": people["country"].isna().to_numpy(),
        "several-articles": (articles_per_name >= 2).to_numpy(), "cues-agree": (sentences >= 2).to_numpy(),
    }
