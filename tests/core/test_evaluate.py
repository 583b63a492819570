"""Scoring against gold files as SPEC.md defines it, and the evaluate/extract commands."""

import json
import subprocess
import sys
from pathlib import Path

from newsfacts.evaluate import score_article
from newsfacts.pipeline import parse_text
from newsfacts.records import Deal, Dialogue, Location

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = parse_text("Ấn Độ và Mỹ\n\nẤn Độ và Mỹ đã họp.", published="2023-11-10")


def with_records(dialogues=(), deals=()):
    from dataclasses import replace
    return replace(ARTICLE, dialogues=tuple(dialogues), deals=tuple(deals))


def dialogue(date, **fields):
    return Dialogue(mechanism="2+2", parties=("IND", "USA"), date=date, **fields)


def gold(**fields):
    base = {"countries": ["IND", "USA"], "dialogues": [], "deals": []}
    return {**base, **fields}


GOLD_DIALOGUE = {"mechanism": "2+2", "parties": ["IND", "USA"], "date": "2020-10",
                 "location": {"city": "New Delhi", "country": "IND"}, "status": "held"}


def test_dialogue_dates_agree_at_the_gold_precision():
    matched = score_article("a", with_records([dialogue("2020-10-27")]), gold(dialogues=[GOLD_DIALOGUE]))
    assert (matched.dialogues.tp, matched.dialogues.fp, matched.dialogues.fn) == (1, 0, 0)
    missed = score_article("a", with_records([dialogue("2020-11-27")]), gold(dialogues=[GOLD_DIALOGUE]))
    assert (missed.dialogues.tp, missed.dialogues.fp, missed.dialogues.fn) == (0, 1, 1)
    null_gold = {**GOLD_DIALOGUE, "date": None}
    assert score_article("a", with_records([dialogue("2020-10")]), gold(dialogues=[null_gold])).dialogues.tp == 0
    assert score_article("a", with_records([dialogue(None)]), gold(dialogues=[null_gold])).dialogues.tp == 1


def test_matching_is_one_to_one_and_counts_location_and_status():
    predicted = [dialogue("2020-10-27", location=Location("New Delhi", "IND")), dialogue("2020-10-28", status="planned")]
    score = score_article("a", with_records(predicted), gold(dialogues=[GOLD_DIALOGUE]))
    assert (score.dialogues.tp, score.dialogues.fp) == (1, 1)
    assert score.dialogues.accuracy("location") == 1.0 and score.dialogues.accuracy("status") == 1.0


def deal(**fields):
    base = dict(kind="purchase", buyer="IND", seller="USA", system="x", category="uav", status="signed")
    return Deal(**{**base, **fields})


GOLD_DEAL = {"kind": "purchase", "buyer": "IND", "seller": "USA", "category": "engine", "quantity": 31,
             "value_usd": 3e9, "status": "negotiating"}


def test_a_deal_matches_on_parties_and_one_of_quantity_category_or_value():
    by_value = score_article("a", with_records(deals=[deal(value_usd=3.02e9)]), gold(deals=[GOLD_DEAL]))
    assert by_value.deals.tp == 1 and by_value.deals.accuracy("value") == 1.0
    assert by_value.deals.accuracy("status") == 0.0 and by_value.deals.accuracy("quantity") == 0.0
    off_value = score_article("a", with_records(deals=[deal(value_usd=3.1e9)]), gold(deals=[GOLD_DEAL]))
    assert off_value.deals.tp == 0
    wrong_parties = score_article("a", with_records(deals=[deal(seller="RUS", quantity=31)]), gold(deals=[GOLD_DEAL]))
    assert wrong_parties.deals.tp == 0


def test_countries_are_scored_as_sets():
    score = score_article("a", ARTICLE, gold(countries=["IND", "USA", "RUS"]))
    assert (score.countries.tp, score.countries.fp, score.countries.fn) == (2, 0, 1)


def test_evaluate_json_prints_exactly_the_spec_object():
    result = subprocess.run([sys.executable, "-m", "newsfacts", "evaluate", "--gold", "data/seeds", "--json"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    assert set(scores) == {"articles", "countries", "dialogues", "deals", "overall"}
    assert set(scores["countries"]) == {"precision", "recall", "f1"}
    assert set(scores["dialogues"]) == {"precision", "recall", "f1", "location_accuracy", "status_accuracy"}
    assert set(scores["deals"]) == {"precision", "recall", "f1", "value_accuracy", "quantity_accuracy",
                                    "kind_accuracy", "status_accuracy"}
    assert scores["articles"] == 2


def test_extract_prints_the_records_as_json():
    result = subprocess.run([sys.executable, "-m", "newsfacts", "extract", "data/seeds/003_0e8c23ca04e289ec.txt",
                             "--published", "2022-04-08"], cwd=ROOT, capture_output=True, text=True, check=True)
    record = json.loads(result.stdout)
    assert record["meta"]["published"] == "2022-04-08"
    assert {d["date"] for d in record["dialogues"]} == {"2022-04-11", "2020-10"}
    assert "Ấn Độ" in result.stdout
