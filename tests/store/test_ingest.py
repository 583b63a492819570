"""Ingest into real stores on tmp dirs: contents, incremental re-ingest, prune, bad input, merging, CLI."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from newsfacts.store import default_store_dir, ensure_store, ingest, load_tables, store_is_stale
from benchmarks.generate import write_corpus as write_news_corpus
from newsfacts.store.events import merge_deals
from tests.store.conftest import FIXTURES, SEEDS, run_cli, write_corpus

ingest_module = importlib.import_module("newsfacts.store.ingest")

CONTRACT = {
    "articles": "article_id file file_hash source url published published_inferred title lead n_chars countries ingested_at",
    "sentences": "article_id sentence_index segment text",
    "article_countries": "article_id country n_mentions evidence",
    "dialogue_mentions": "mention_id article_id event_id mechanism parties pair date date_precision date_start "
    "location_city location_country status participants evidence evidence_text",
    "deal_mentions": "mention_id article_id event_id kind buyer seller suppliers system category quantity value_usd "
    "value_qualifier value_amount value_currency year status evidence evidence_text",
    "people": "article_id name role country evidence",
    "dialogue_events": "event_id mechanism parties pair date date_precision date_start location_city location_country "
    "status participants n_sources article_ids mention_ids conflicts",
    "deal_events": "event_id kind buyer seller suppliers system category quantity value_usd value_qualifier "
    "value_amount value_currency year status n_sources article_ids mention_ids conflicts",
    "files": "file file_hash size n_articles status error ingested_at",
}


def without_times(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Tables sorted by content with ingest timestamps left out, for comparing two stores."""
    result = {}
    for name, frame in tables.items():
        frame = frame.drop(columns=[c for c in ("ingested_at",) if c in frame])
        as_text = frame.astype(str)
        result[name] = frame.loc[as_text.sort_values(list(as_text.columns)).index].reset_index(drop=True)
    return result


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_empty_store_gives_empty_tables_with_the_contract_columns(tmp_path):
    tables = load_tables(tmp_path / "nothing")
    for name, columns in CONTRACT.items():
        assert tables[name].empty
        assert set(columns.split()) <= set(tables[name].columns), name


def test_default_store_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSFACTS_STORE", str(tmp_path / "elsewhere"))
    assert default_store_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("NEWSFACTS_STORE")
    assert default_store_dir() == Path(__file__).resolve().parents[2] / "data" / "store"


def test_seeds_fill_every_table_with_linked_evidence(tmp_path):
    report = ingest([SEEDS], store_dir=tmp_path / "store")
    assert report.ok and report.articles == 2 and report.files_read == 2
    tables = load_tables(tmp_path / "store")
    for name, columns in CONTRACT.items():
        assert set(columns.split()) <= set(tables[name].columns), name

    articles = tables["articles"]
    assert len(articles) == 2 and set(articles["file"].map(lambda f: Path(f).name)) == {
        "000_50faedf6c48001df.txt", "003_0e8c23ca04e289ec.txt"}
    assert articles.set_index(articles["file"].map(lambda f: Path(f).name))["published"]["000_50faedf6c48001df.txt"] == "2023-11-10"
    assert articles["source"].notna().all()
    assert (tables["files"]["status"] == "ok").all() and tables["files"]["n_articles"].sum() == 2
    assert len(tables["sentences"]) == articles["n_sentences"].sum()

    sentence_text = {(r.article_id, r.sentence_index): r.text for r in tables["sentences"].itertuples()}
    for name in ("dialogue_mentions", "deal_mentions", "people"):
        frame = tables[name]
        assert not frame.empty, name
        for row in frame.itertuples():
            assert row.evidence, name
            assert list(row.evidence_text) == [sentence_text[(row.article_id, i)] for i in row.evidence]
    for row in tables["article_countries"].itertuples():
        assert all((row.article_id, i) in sentence_text for i in row.evidence)

    mentions, events = tables["dialogue_mentions"], tables["dialogue_events"]
    assert set(mentions["event_id"]) == set(events["event_id"])
    assert events["n_sources"].sum() >= 2
    assert (events["pair"] == events["parties"].map("-".join)).all()
    assert set(tables["deal_mentions"]["event_id"]) == set(tables["deal_events"]["event_id"])
    linked = {m for ids in events["mention_ids"] for m in ids}
    assert linked == set(mentions["mention_id"])


def test_reingesting_unchanged_files_adds_nothing(tmp_path):
    first = ingest([SEEDS], store_dir=tmp_path / "store")
    before = load_tables(tmp_path / "store")
    second = ingest([SEEDS], store_dir=tmp_path / "store")
    assert second.articles == 0 and second.snapshot == first.snapshot
    assert [f.status for f in second.files] == ["unchanged", "unchanged"]
    assert_same_tables(before, load_tables(tmp_path / "store"))


def test_two_fresh_ingests_give_identical_tables_and_event_ids(tmp_path):
    ingest([SEEDS, FIXTURES], store_dir=tmp_path / "a")
    ingest([FIXTURES, SEEDS], store_dir=tmp_path / "b", workers=2)
    assert_same_tables(without_times(load_tables(tmp_path / "a")), without_times(load_tables(tmp_path / "b")))


def test_a_changed_file_replaces_only_its_own_records(tmp_path, seeds):
    store = tmp_path / "store"
    ingest([seeds], store_dir=store)
    before = load_tables(store)
    changed = seeds / "000_50faedf6c48001df.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Ngày 10/11", "Hôm 10/11"), encoding="utf-8")

    report = ingest([seeds], store_dir=store)
    after = load_tables(store)
    assert {Path(f.file).name: f.status for f in report.files} == {
        "000_50faedf6c48001df.txt": "ingested", "003_0e8c23ca04e289ec.txt": "unchanged"}
    old_id = before["articles"].set_index("file").loc[str(changed), "article_id"]
    new_id = after["articles"].set_index("file").loc[str(changed), "article_id"]
    assert old_id != new_id and old_id not in set(after["sentences"]["article_id"])
    for name in ("articles", "sentences", "article_countries", "dialogue_mentions", "deal_mentions", "people"):
        kept_before = before[name][before[name]["article_id"] != old_id].reset_index(drop=True)
        kept_after = after[name][after[name]["article_id"] != new_id].reset_index(drop=True)
        if "event_id" in kept_before:
            kept_before, kept_after = kept_before.drop(columns="event_id"), kept_after.drop(columns="event_id")
        pd.testing.assert_frame_equal(kept_before, kept_after, obj=name)
    assert "Hôm 10/11" in " ".join(after["sentences"].query("article_id == @new_id")["text"])


def test_prune_removes_the_records_of_files_that_are_gone(tmp_path, seeds):
    store = tmp_path / "store"
    ingest([seeds], store_dir=store)
    gone = seeds / "003_0e8c23ca04e289ec.txt"
    gone_id = load_tables(store)["articles"].set_index("file").loc[str(gone), "article_id"]
    gone.unlink()

    ingest([seeds], store_dir=store)
    assert gone_id in set(load_tables(store)["articles"]["article_id"])

    report = ingest([seeds], store_dir=store, prune=True)
    assert [f.status for f in report.files if f.file == str(gone)] == ["removed"]
    tables = load_tables(store)
    assert list(tables["articles"]["file"]) == [str(seeds / "000_50faedf6c48001df.txt")]
    for name in ("sentences", "dialogue_mentions", "deal_mentions", "people", "article_countries"):
        assert gone_id not in set(tables[name]["article_id"]), name
    assert all(gone_id not in ids for ids in tables["dialogue_events"]["article_ids"])


def test_a_bad_file_is_reported_and_skipped_while_the_rest_goes_in(tmp_path, seeds):
    store = tmp_path / "store"
    run_cli("ingest", str(seeds), "--out", str(store), check_code=0)
    before = load_tables(store)
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 200)
    write_corpus(tmp_path / "more", 3)

    result = run_cli("ingest", str(seeds), str(tmp_path / "more"), "--out", str(store), check_code=1)
    assert "broken.txt" in result.stdout
    problem_line = next(line for line in result.stdout.splitlines() if "broken.txt:" in line)
    assert problem_line.split("broken.txt:", 1)[1].strip()
    tables = load_tables(store)
    assert set(before["articles"]["article_id"]) < set(tables["articles"]["article_id"])
    assert len(tables["articles"]) == len(before["articles"]) + 3
    files = tables["files"].set_index("file")
    assert files.loc[str(seeds / "broken.txt"), "status"] == "skipped"
    assert files.loc[str(seeds / "broken.txt"), "error"]


def test_a_file_that_turns_bad_keeps_its_previous_records(tmp_path, seeds):
    store = tmp_path / "store"
    ingest([seeds], store_dir=store)
    before = load_tables(store)
    (seeds / "000_50faedf6c48001df.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 200)
    report = ingest([seeds], store_dir=store)
    assert [Path(f.file).name for f in report.skipped] == ["000_50faedf6c48001df.txt"]
    assert_same_tables(without_times(before), without_times(load_tables(store)))


def test_usage_errors_exit_with_2(tmp_path):
    assert run_cli("ingest", str(tmp_path / "missing"), "--out", str(tmp_path / "s")).returncode == 2
    assert run_cli("ingest", str(SEEDS), "--workers", "0", "--out", str(tmp_path / "s")).returncode == 2
    assert run_cli("ingest").returncode == 2


def test_three_articles_about_one_meeting_make_one_dialogue_event(tmp_path):
    ingest([FIXTURES / "meeting"], store_dir=tmp_path / "store")
    tables = load_tables(tmp_path / "store")
    events = tables["dialogue_events"]
    meeting = events[(events["mechanism"] == "2+2") & (events["pair"] == "AUS-JPN")]
    assert len(meeting) == 1
    event = meeting.iloc[0]
    assert event["n_sources"] == 3
    assert sorted(event["article_ids"]) == sorted(tables["articles"]["article_id"])
    assert event["date"] == "2022-12-09" and event["status"] == "held"
    assert event["location_city"] == "Tokyo"
    assert {"Richard Marles", "Penny Wong"} <= {p["name"] for p in json.loads(event["participants"])}


def test_two_values_for_one_deal_are_kept_as_a_conflict(tmp_path):
    ingest([FIXTURES / "deal"], store_dir=tmp_path / "store")
    events = load_tables(tmp_path / "store")["deal_events"]
    rafale = events[(events["buyer"] == "IND") & (events["seller"] == "FRA")]
    assert len(rafale) == 1
    event = rafale.iloc[0]
    assert event["n_sources"] == 2 and event["quantity"] == 26
    conflict = next(c for c in json.loads(event["conflicts"]) if c["field"] == "value_usd")
    assert sorted(conflict["values"]) == [6.6e9, 7.4e9]
    assert event["value_usd"] == 6.6e9  # one report each: the later source wins


def test_several_workers_store_the_same_as_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 60)
    ingest([corpus], store_dir=tmp_path / "one")
    report = ingest([corpus], store_dir=tmp_path / "two", workers=2)
    assert report.articles == 60
    assert_same_tables(without_times(load_tables(tmp_path / "one")), without_times(load_tables(tmp_path / "two")))


def _die_at_once() -> None:
    os._exit(1)


@pytest.fixture(scope="module")
def news_corpus(tmp_path_factory) -> Path:
    """Generated news with dialogues and deals (the benchmark's generator)."""
    return write_news_corpus(tmp_path_factory.mktemp("news") / "corpus", 150, "txt")


def test_several_workers_merge_deals_and_dialogues_as_one_does(tmp_path, news_corpus):
    ingest([news_corpus], store_dir=tmp_path / "one")
    ingest([news_corpus], store_dir=tmp_path / "two", workers=2)
    one = without_times(load_tables(tmp_path / "one"))
    assert len(one["deal_events"]) > 5 and len(one["dialogue_events"]) > 5
    assert_same_tables(one, without_times(load_tables(tmp_path / "two")))


def test_deals_are_merged_here_when_the_forked_merge_dies(tmp_path, monkeypatch, news_corpus):
    ingest([news_corpus], store_dir=tmp_path / "one")
    monkeypatch.setattr(ingest_module, "_merge_inherited_deals", _die_at_once)
    started = []
    start = ingest_module._start_deal_merge
    monkeypatch.setattr(ingest_module, "_start_deal_merge", lambda deals: started.append(start(deals)) or started[-1])
    merged_here = []
    monkeypatch.setattr(ingest_module, "merge_deals", lambda deals: merged_here.append(len(deals)) or merge_deals(deals))
    ingest([news_corpus], store_dir=tmp_path / "two", workers=2)
    assert started and started[0] is not None, "the deals went to a forked process"
    assert merged_here and merged_here[0] > 0, "the deals were merged in the ingest process after the fork died"
    assert_same_tables(without_times(load_tables(tmp_path / "one")), without_times(load_tables(tmp_path / "two")))


@pytest.mark.parametrize("read_ahead_bytes", [1, 3_000, 1 << 30])
def test_read_ahead_batches_store_the_same_and_keep_a_bad_file_to_itself(tmp_path, monkeypatch, read_ahead_bytes):
    corpus = write_corpus(tmp_path / "corpus", 12)
    (corpus / "gen_00005.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 200)
    ingest([corpus], store_dir=tmp_path / "whole")
    monkeypatch.setattr(ingest_module, "READ_AHEAD_BYTES", read_ahead_bytes)
    report = ingest([corpus], store_dir=tmp_path / "batched")
    assert [Path(f.file).name for f in report.skipped] == ["gen_00005.txt"]
    assert report.articles == 11
    assert_same_tables(without_times(load_tables(tmp_path / "whole")), without_times(load_tables(tmp_path / "batched")))


def test_progress_reports_every_parsed_file(tmp_path):
    calls = []
    ingest([write_corpus(tmp_path / "c", 5)], store_dir=tmp_path / "s", progress=lambda *a: calls.append(a))
    assert [(done, total) for done, total, _ in calls] == [(i, 5) for i in range(6)]
    assert calls[-1][2].endswith("gen_00004.txt")


def test_ensure_store_builds_when_stale_and_only_then(tmp_path, seeds):
    store = tmp_path / "store"
    assert store_is_stale(store, [seeds])
    assert ensure_store(store, [seeds]).articles == 2
    assert not store_is_stale(store, [seeds])
    assert ensure_store(store, [seeds]) is None

    def age_store():
        past = (store / "CURRENT").stat().st_mtime - 100
        os.utime(store / "CURRENT", (past, past))
        return past

    touched = age_store() + 50
    os.utime(seeds / "manifest.csv", (touched, touched))
    assert store_is_stale(store, [seeds])
    assert ensure_store(store, [seeds]).articles == 0  # same bytes: nothing is parsed again
    assert not store_is_stale(store, [seeds])

    age_store()
    manifest = seeds / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("TTXVN", "TTXVN (sửa)"), encoding="utf-8")
    assert ensure_store(store, [seeds]).articles == 2  # a changed manifest re-reads the files it describes
    assert "TTXVN (sửa)" in set(load_tables(store)["articles"]["source"])
    assert not store_is_stale(store, [seeds])


def test_ensure_store_applies_each_folders_manifest(tmp_path):
    meeting = Path(shutil.copytree(FIXTURES / "meeting", tmp_path / "meeting"))
    ensure_store(tmp_path / "store", [meeting, tmp_path / "not-there"])
    articles = load_tables(tmp_path / "store")["articles"]
    assert sorted(articles["published"]) == ["2022-12-09", "2022-12-10", "2022-12-28"]
    assert set(articles["source"]) == {"Thời báo Đối ngoại (mẫu)", "Tin Quốc phòng 24 (mẫu)", "Báo Thế giới Nay (mẫu)"}


def test_stats_counts_every_table(tmp_path):
    store = tmp_path / "store"
    ingest([SEEDS], store_dir=store)
    stats = json.loads(run_cli("stats", "--store", str(store), "--json", check_code=0).stdout)
    tables = load_tables(store)
    assert stats["tables"] == {name: len(frame) for name, frame in tables.items()}
    assert stats["events"] == len(tables["dialogue_events"]) + len(tables["deal_events"]) > 0


@pytest.mark.parametrize("table", ["dialogue_mentions", "deal_mentions"])
def test_store_files_are_plain_parquet(tmp_path, table):
    import pyarrow.parquet as pq

    ingest([SEEDS], store_dir=tmp_path / "store")
    snapshot = tmp_path / "store" / (tmp_path / "store" / "CURRENT").read_text().strip()
    assert pq.read_table(snapshot / f"{table}.parquet").num_rows == len(load_tables(tmp_path / "store")[table])


def test_a_table_may_be_a_folder_of_parquet_parts(tmp_path):
    import pyarrow.parquet as pq

    store = tmp_path / "store"
    ingest([FIXTURES], store_dir=store)
    before = load_tables(store)
    snapshot = store / (store / "CURRENT").read_text().strip()
    table = pq.read_table(snapshot / "sentences.parquet")
    (snapshot / "sentences.parquet").unlink()
    (snapshot / "sentences.parquet").mkdir()
    half = table.num_rows // 2
    pq.write_table(table.slice(0, half), snapshot / "sentences.parquet" / "part-0.parquet")
    pq.write_table(table.slice(half), snapshot / "sentences.parquet" / "part-1.parquet")
    pd.testing.assert_frame_equal(load_tables(store)["sentences"], before["sentences"])
    assert json.loads(run_cli("stats", "--store", str(store), "--json").stdout)["tables"]["sentences"] == half * 2 + table.num_rows % 2
