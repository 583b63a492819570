"""`python -m newsfacts correct` and `gold` on a real store, and two writers with an ingest between them."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from newsfacts.review import actions, append, load_view, read_corrections
from newsfacts.store import ingest
from tests.review.conftest import view_tables, write_articles
from tests.store.conftest import run_cli, write_corpus


def _event(store: Path, kind: str) -> str:
    return view_tables(store)[f"{kind}_events"]["event_id"].iloc[0]


def test_correct_sets_confirms_rejects_and_lists(store_dir: Path):
    deal, dialogue = _event(store_dir, "deal"), _event(store_dir, "dialogue")
    run_cli("correct", "--store", str(store_dir), deal, "--set", "quantity=40", "--set", "seller=RUS",
            "--by", "Lan", "--note", "the contract says 40", check_code=0)
    run_cli("correct", "--store", str(store_dir), dialogue, "--reject", "not-a-dialogue", "--by", "Minh", check_code=0)
    refused = run_cli("correct", "--store", str(store_dir), deal, "--set", "category=spaceship", check_code=2)
    assert "spaceship" in refused.stderr

    view = view_tables(store_dir)
    row = view["deal_events"].iloc[0]
    assert (row.quantity, row.seller, sorted(row.corrected), row.reviewed_by) == (40, "RUS", ["quantity", "seller"], "Lan")
    assert view["dialogue_events"].empty
    listed = run_cli("correct", "--store", str(store_dir), "--list", check_code=0).stdout
    assert listed.count("applied") == 2 and "Minh" in listed


def test_export_then_import_into_another_store(tmp_path: Path, store_dir: Path, corpus: Path):
    run_cli("correct", "--store", str(store_dir), _event(store_dir, "deal"), "--confirm", "--by", "Lan", check_code=0)
    shared = tmp_path / "lan.json"
    run_cli("correct", "--store", str(store_dir), "--export", str(shared), check_code=0)
    other = tmp_path / "other"
    assert ingest([corpus], store_dir=other).ok
    assert "1 new" in run_cli("correct", "--store", str(other), "--import", str(shared), check_code=0).stdout
    assert view_tables(other)["deal_events"]["review"].tolist() == ["confirmed"]
    shared.write_text("{", encoding="utf-8")
    assert "lan.json" in run_cli("correct", "--store", str(other), "--import", str(shared), check_code=2).stderr


def test_a_reviewed_article_becomes_a_gold_file_that_evaluate_reads(tmp_path: Path, store_dir: Path, corpus: Path):
    deal = view_tables(store_dir)["deal_events"].iloc[0]
    run_cli("correct", "--store", str(store_dir), deal.event_id, "--set", "status=delivered", check_code=0)
    gold_dir = write_articles(tmp_path / "gold", {"deal.txt": (corpus / "deal.txt").read_text(encoding="utf-8")})
    written = run_cli("gold", "--store", str(store_dir), deal.article_ids[0], "--out", str(gold_dir / "deal.gold.json"),
                      check_code=0)
    assert written.stderr == ""
    document = json.loads((gold_dir / "deal.gold.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in document["deals"]] == ["delivered"] and document["dialogues"] == []

    scores = json.loads(run_cli("evaluate", "--gold", str(gold_dir), "--json", check_code=0).stdout)
    assert scores["deals"]["recall"] == 1.0 and scores["deals"]["status_accuracy"] == 0.0


def _correct_each(store: str, event_ids: list[str], status: str, by: str, start) -> None:
    start.wait()
    for event_id in event_ids:
        tables = load_view(Path(store)).tables
        append(Path(store), [actions.set_fields(tables, event_id, {"status": status}, by=by)])


def test_two_sessions_and_an_ingest_at_once_lose_nothing(tmp_path: Path):
    corpus, store = write_corpus(tmp_path / "corpus", 16), tmp_path / "store"
    assert ingest([corpus], store_dir=store).ok
    ids = sorted(view_tables(store)["dialogue_events"]["event_id"])
    assert len(ids) == 16
    context = multiprocessing.get_context("fork")
    start = context.Barrier(3)
    sessions = [context.Process(target=_correct_each, args=(str(store), ids[i::2], status, by, start))
                for i, (status, by) in enumerate([("planned", "Lan"), ("postponed", "Minh")])]
    for session in sessions:
        session.start()
    start.wait()
    write_corpus(corpus, 8, start=16)
    report = ingest([corpus], store_dir=store)
    for session in sessions:
        session.join(timeout=600)
        assert session.exitcode == 0

    assert report.ok and len(read_corrections(store)) == 16
    view = load_view(store)
    assert not view.orphaned
    events = view.tables["dialogue_events"].set_index("event_id")
    assert len(events) == 24
    assert events.loc[ids[0::2], "status"].eq("planned").all() and events.loc[ids[1::2], "status"].eq("postponed").all()
    assert events.loc[ids, "reviewed_by"].tolist() == ["Lan", "Minh"] * 8


def test_correct_adds_merges_and_splits(tmp_path: Path, store_dir: Path, corpus: Path):
    from tests.review.conftest import DAY, DEAL, MONTH

    write_articles(corpus, {"month.txt": MONTH, "deal.txt": DEAL, "day.txt": DAY})
    assert ingest([corpus], store_dir=store_dir).ok
    dialogue = view_tables(store_dir)["dialogue_events"].iloc[0]
    run_cli("correct", "--store", str(store_dir), dialogue.event_id, "--split", check_code=0)
    first, second = view_tables(store_dir)["dialogue_events"]["event_id"]
    run_cli("correct", "--store", str(store_dir), first, "--merge", second, "--note", "one meeting", check_code=0)
    assert view_tables(store_dir)["dialogue_events"]["event_id"].tolist() == [first]

    article = dialogue.article_ids[0]
    added = run_cli("correct", "--store", str(store_dir), "--add", "deal", "--article", article, "--sentence", "1",
                    "--set", "buyer=JPN", "--set", "seller=USA", "--set", "system=tên lửa Tomahawk",
                    "--set", "category=missile", check_code=0)
    event_id = json.loads(added.stdout)["event_id"]
    row = view_tables(store_dir)["deal_events"].set_index("event_id").loc[event_id]
    assert (row.buyer, row.seller, row.review) == ("JPN", "USA", "added")
    missing = run_cli("correct", "--store", str(store_dir), "--add", "deal", "--article", article, "--sentence", "99",
                      check_code=2)
    assert "no sentence 99" in missing.stderr


def test_a_damaged_corrections_part_is_refused_with_its_name(store_dir: Path):
    folder = store_dir / "corrections"
    folder.mkdir()
    (folder / "broken.parquet").write_bytes(b"not parquet")
    for command in (["correct", "--list"], ["gold", first_article(store_dir)]):
        refused = run_cli(*command, "--store", str(store_dir), check_code=4)
        assert "broken.parquet" in refused.stderr
    assert (folder / "broken.parquet").read_bytes() == b"not parquet"


def first_article(store: Path) -> str:
    from newsfacts.store import load_tables

    return load_tables(store)["articles"]["article_id"].iloc[0]


def test_export_gives_the_corrected_view_with_the_corrected_fields(tmp_path: Path, store_dir: Path):
    deal = view_tables(store_dir)["deal_events"].iloc[0]
    run_cli("correct", "--store", str(store_dir), deal.event_id, "--set", "quantity=40", check_code=0)
    out = tmp_path / "deals.json"
    run_cli("export", "--store", str(store_dir), "--table", "deals", "--format", "json", "--out", str(out), check_code=0)
    exported = json.loads(out.read_text(encoding="utf-8"))
    rows = exported if isinstance(exported, list) else next(v for v in exported.values() if isinstance(v, list))
    [row] = [r for r in rows if r["event_id"] == deal.event_id]
    assert (row["quantity"], row["review"], row["corrected_fields"], row["confidence"]) == (40, "corrected", ["quantity"], 1.0)
    (store_dir / "corrections" / "broken.parquet").write_bytes(b"not parquet")
    refused = run_cli("export", "--store", str(store_dir), "--table", "deals", "--format", "csv", check_code=4)
    assert "broken.parquet" in refused.stderr


def test_an_export_under_a_minimum_confidence_names_it_in_its_filters_sheet(store_dir: Path):
    import io

    import openpyxl

    from newsfacts.export import export_table
    from newsfacts.filters import Filters

    tables = load_view(store_dir).tables
    book = openpyxl.load_workbook(io.BytesIO(export_table(tables, "deals", "xlsx", Filters(min_confidence=0.7))))
    assert ("min_confidence", "0.7") in list(book["filters"].values)
    kept = [row[0] for row in book["deals"].iter_rows(min_row=2, values_only=True)]
    assert set(kept) == set(tables["deal_events"].loc[tables["deal_events"]["confidence"] >= 0.7, "event_id"])
