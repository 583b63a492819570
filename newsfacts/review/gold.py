"""An article's reviewed events as a gold file in SPEC.md's format, so reviewed articles become evaluation data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsfacts.review.records import CorrectionError, plain_value

REVIEWED = ("confirmed", "corrected", "added")
_DEAL_FIELDS = ("kind", "buyer", "seller", "suppliers", "system", "category", "quantity", "value_usd",
                "value_qualifier", "year", "status")


@dataclass(frozen=True)
class Gold:
    """The gold document, and how many of the article's events were left out because nobody reviewed them."""

    document: dict[str, Any]
    unreviewed: int

    def text(self) -> str:
        return json.dumps(self.document, ensure_ascii=False, indent=2) + "\n"


def article_gold(tables: Mapping[str, pd.DataFrame], article_id: str) -> Gold:
    """The confirmed, corrected and added events of `article_id` in the corrected view `tables`.

    Countries are the article's countries as parsed, plus those of its reviewed events.
    """
    articles = tables["articles"]
    found = articles[articles["article_id"] == article_id]
    if found.empty:
        raise CorrectionError(f"no article with id {article_id!r} in the store")
    article = found.iloc[0]
    dialogues, left_d = _reviewed(tables["dialogue_events"], article_id)
    deals, left_x = _reviewed(tables["deal_events"], article_id)
    countries = {*(article["countries"] or ()), *(p for ps in dialogues["parties"] for p in ps),
                 *deals["buyer"].dropna(), *deals["seller"].dropna()}
    document = {
        "published": plain_value(article["published"]),
        "countries": sorted(countries),
        "dialogues": [_dialogue(row) for row in dialogues.to_dict("records")],
        "deals": [{name: plain_value(row[name]) for name in _DEAL_FIELDS} for row in deals.to_dict("records")],
    }
    return Gold(document, left_d + left_x)


def _reviewed(events: pd.DataFrame, article_id: str) -> tuple[pd.DataFrame, int]:
    mine = events[events["article_ids"].map(lambda ids: article_id in list(ids))]
    reviewed = mine["review"].isin(REVIEWED)
    return mine[reviewed], int((~reviewed).sum())


def _dialogue(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "mechanism": row["mechanism"], "parties": sorted(row["parties"]), "date": plain_value(row["date"]),
        "location": {"city": plain_value(row["location_city"]), "country": plain_value(row["location_country"])},
        "status": row["status"], "participants": json.loads(row["participants"] or "[]"),
    }
