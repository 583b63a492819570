"""Golden articles: the seeds must come out exactly as their gold files say."""

import json
from pathlib import Path

import pytest

from newsfacts.evaluate import gold_articles, parse_gold_article
from newsfacts.read import load_manifest

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
SEED_PAIRS = gold_articles(SEEDS)
SAMPLE_PAIRS = gold_articles(SAMPLE) if SAMPLE.is_dir() else []


def _dialogue_key(d: dict) -> tuple:
    location = d["location"]
    people = tuple((p["name"], p["role"], p["country"]) for p in d["participants"])
    return (d["mechanism"], tuple(d["parties"]), d["date"], location["city"], location["country"], d["status"], people)


def _deal_key(d: dict) -> tuple:
    return (d["kind"], d["buyer"], d["seller"], tuple(d["suppliers"]), d["system"], d["category"], d["quantity"],
            d["value_usd"], d["value_qualifier"], d["year"], d["status"])


def test_seed_folder_has_articles():
    assert len(SEED_PAIRS) == 2


@pytest.mark.parametrize("text_path, gold_path", SEED_PAIRS, ids=[p[0].stem for p in SEED_PAIRS])
def test_seed_article_matches_its_gold_exactly(text_path, gold_path):
    article = parse_gold_article(text_path, load_manifest(SEEDS / "manifest.csv"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    data = article.as_dict()
    assert sorted(c["code"] for c in data["countries"]) == sorted(gold["countries"])
    predicted_dialogues = [{**d, "parties": list(d["parties"])} for d in data["dialogues"]]
    assert sorted(map(_dialogue_key, predicted_dialogues)) == sorted(map(_dialogue_key, gold["dialogues"]))
    assert sorted(map(_deal_key, data["deals"]), key=str) == sorted(map(_deal_key, gold["deals"]), key=str)


@pytest.mark.parametrize("text_path, gold_path", SAMPLE_PAIRS, ids=[p[0].stem for p in SAMPLE_PAIRS])
def test_sample_article_parses_with_sound_evidence(text_path, gold_path):
    """Sample articles are scored as a folder by the gate; each must parse and point its facts at real sentences."""
    manifest_path = SAMPLE / "manifest.csv"
    article = parse_gold_article(text_path, load_manifest(manifest_path) if manifest_path.exists() else {})
    indexes = {s.index for s in article.sentences}
    for record in (*article.countries, *article.dialogues, *article.deals, *article.people):
        assert record.evidence and set(record.evidence) <= indexes
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert {"countries", "dialogues", "deals"} <= set(gold)
