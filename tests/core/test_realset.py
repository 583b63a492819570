"""The real-article set in git holds addresses, queries and gold records only, consistent with one another."""

import csv
import json
from pathlib import Path

from newsfacts.extract.countries import all_country_codes
from scripts.realset import COLUMNS, split_of

ROOT = Path(__file__).resolve().parents[2]
REALSET = ROOT / "data" / "realset"
ROWS = list(csv.DictReader((REALSET / "sources.csv").open(encoding="utf-8", newline="")))
GOLD_KEYS = {"published", "countries", "dialogues", "deals"}


def test_every_row_has_its_gold_record_and_a_split_fixed_by_its_url():
    assert ROWS and list(ROWS[0]) == list(COLUMNS)
    for row in ROWS:
        assert (REALSET / "gold" / (Path(row["file"]).stem + ".gold.json")).exists(), row["file"]
        assert row["split"] == split_of(row["url"]), row["file"]
    assert len({row["url"] for row in ROWS}) == len(ROWS)


def test_gold_records_use_the_contract_and_real_country_codes():
    codes = all_country_codes()
    for row in ROWS:
        gold = json.loads((REALSET / "gold" / (Path(row["file"]).stem + ".gold.json")).read_text(encoding="utf-8"))
        assert GOLD_KEYS <= set(gold) <= GOLD_KEYS | {"_notes"}, row["file"]
        assert set(gold["countries"]) <= codes and gold["countries"] == sorted(set(gold["countries"])), row["file"]
        for dialogue in gold["dialogues"]:
            assert set(dialogue["parties"]) <= set(gold["countries"]), row["file"]
        for deal in gold["deals"]:
            assert {deal["buyer"], deal["seller"]} <= set(gold["countries"]), row["file"]


def test_the_articles_text_is_kept_out_of_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "data/realset/text/" in ignored


def test_each_held_out_line_names_whole_collection_rounds():
    """A held-out line is the name of a round ("s3deal", "s24mix"), the part of a file name before its first "_"; a
    shorter prefix would also hold out, and fold into its scores, every later round whose name starts with it."""
    from scripts.realset import held_out_batches

    rounds = {row["file"].split("_", 1)[0] for row in ROWS}
    for line in held_out_batches():
        assert line in rounds, line
