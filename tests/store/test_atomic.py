"""A killed ingest leaves the previous store intact; two ingests never interleave."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from newsfacts.store import ingest, load_tables, table_sizes
from newsfacts.store.layout import ingest_lock
from newsfacts.store.load import open_sentences
from tests.store.conftest import ROOT, SEEDS, write_corpus
from tests.store.test_ingest import assert_same_tables


def start_ingest(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsfacts", "ingest", *args], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_the_previous_store_intact_and_the_next_run_cleans_up(tmp_path):
    store = tmp_path / "store"
    ingest([SEEDS], store_dir=store)
    before = load_tables(store)
    pointer = (store / "CURRENT").read_text()
    corpus = write_corpus(tmp_path / "big", 3000)

    process = start_ingest(str(corpus), "--out", str(store))
    for line in process.stderr:
        progress = re.match(r"ingest: (\d+)/3000", line)
        if progress and int(progress.group(1)) > 0:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stdout.close()
    process.stderr.close()

    assert process.returncode == -signal.SIGKILL
    assert (store / "CURRENT").read_text() == pointer
    assert list(store.glob(".tmp-*")), "the killed run should have died while writing its snapshot"
    assert_same_tables(before, load_tables(store))

    report = ingest([corpus], store_dir=store)
    assert report.ok and report.articles == 3000
    assert not list(store.glob(".tmp-*"))
    assert len(list(store.glob("snap-*"))) == 1
    tables = load_tables(store)
    assert len(tables["articles"]) == 3000 + len(before["articles"])
    assert set(before["articles"]["article_id"]) <= set(tables["articles"]["article_id"])


def test_a_second_ingest_waits_for_the_first(tmp_path):
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "c", 3)
    with ingest_lock(store):
        process = start_ingest(str(corpus), "--out", str(store))
        time.sleep(1.5)
        assert process.poll() is None
        assert not (store / "CURRENT").exists()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, out + err
    assert len(load_tables(store)["articles"]) == 3


def test_readers_see_whole_snapshots_while_ingests_publish_new_ones(tmp_path):
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "c", 4)
    ingest([corpus], store_dir=store)
    changing = corpus / "gen_00000.txt"
    original = changing.read_text(encoding="utf-8")

    def keep_ingesting():
        for round_ in range(8):
            changing.write_text(original + f"\nBản cập nhật số {round_}.\n", encoding="utf-8")
            ingest([corpus], store_dir=store)

    writer = threading.Thread(target=keep_ingesting)
    writer.start()
    reads = 0
    while writer.is_alive() or reads == 0:
        tables = load_tables(store)
        assert set(tables["sentences"]["article_id"]) == set(tables["articles"]["article_id"])
        assert len(tables["articles"]) == tables["files"]["n_articles"].sum() == 4
        reads += 1
    writer.join()
    assert "Bản cập nhật số 7." in set(load_tables(store)["sentences"]["text"])


def test_row_counts_and_sentences_read_one_whole_snapshot_while_ingests_replace_it(tmp_path):
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "c", 4)
    ingest([corpus], store_dir=store)
    changing = corpus / "gen_00001.txt"
    original = changing.read_text(encoding="utf-8")

    def keep_ingesting():
        for round_ in range(8):
            changing.write_text(original + f"\nBản cập nhật số {round_}.\n", encoding="utf-8")
            ingest([corpus], store_dir=store)

    articles = load_tables(store, {"articles": ["article_id", "file"]})["articles"]
    steady = articles.loc[articles["file"].str.endswith("gen_00000.txt"), "article_id"].item()
    writer = threading.Thread(target=keep_ingesting)
    writer.start()
    reads = 0
    while writer.is_alive() or reads == 0:
        sizes = table_sizes(store)
        assert sizes["articles"] == sizes["files"] == 4
        assert len(open_sentences(store).of_article(steady)) > 0
        reads += 1
    writer.join()
