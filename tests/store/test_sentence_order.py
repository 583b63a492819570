"""sentences.parquet is sorted by (article_id, sentence_index), in row groups that never split an article."""

from __future__ import annotations

import importlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsfacts.store import ingest
from newsfacts.store.layout import current_snapshot
from newsfacts.store.sorted_table import row_groups
from tests.store.conftest import write_corpus

snapshot_module = importlib.import_module("newsfacts.store.snapshot")


@pytest.fixture
def small_row_groups(monkeypatch):
    """Row groups of at most 40 sentences, so that a small corpus spreads over many of them."""
    monkeypatch.setattr(snapshot_module, "SENTENCE_ROW_GROUP_ROWS", 40)


def sentences_file(store: Path) -> pq.ParquetFile:
    return pq.ParquetFile(current_snapshot(store) / "sentences.parquet")


def keys_of(table: pa.Table) -> list[tuple[str, int]]:
    return list(zip(table.column("article_id").to_pylist(), table.column("sentence_index").to_pylist()))


def row_groups_holding(parquet: pq.ParquetFile, article_id: str) -> list[int]:
    """Row groups whose article_id statistics admit `article_id` (what a reader with a filter would read)."""
    found = []
    for index in range(parquet.metadata.num_row_groups):
        stats = parquet.metadata.row_group(index).column(0).statistics
        assert stats is not None and stats.has_min_max
        if stats.min <= article_id <= stats.max:
            found.append(index)
    return found


def assert_sorted_and_grouped(store: Path, limit: int) -> list[tuple[str, int]]:
    parquet = sentences_file(store)
    keys = keys_of(parquet.read())
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert parquet.metadata.num_row_groups > 1
    sizes = [parquet.metadata.row_group(i).num_rows for i in range(parquet.metadata.num_row_groups)]
    assert max(sizes) <= limit
    for article_id in {a for a, _ in keys}:
        assert len(row_groups_holding(parquet, article_id)) == 1, article_id
    return keys


def test_sentences_are_sorted_and_each_article_sits_in_one_row_group(tmp_path, small_row_groups):
    corpus = write_corpus(tmp_path / "corpus", 30)
    ingest([corpus], store_dir=tmp_path / "store", workers=2)
    keys = assert_sorted_and_grouped(tmp_path / "store", 40)

    article_id = keys[len(keys) // 2][0]
    rows = pq.read_table(current_snapshot(tmp_path / "store") / "sentences.parquet",
                         filters=[("article_id", "=", article_id)])
    assert keys_of(rows) == [key for key in keys if key[0] == article_id]


def test_an_incremental_ingest_keeps_the_order(tmp_path, small_row_groups):
    corpus = write_corpus(tmp_path / "corpus", 20)
    ingest([corpus], store_dir=tmp_path / "store")
    write_corpus(corpus / "more", 15, start=20)
    (corpus / "gen_00003.txt").write_text("Ấn Độ và Pháp ký hợp đồng mua 26 máy bay Rafale.\n", encoding="utf-8")
    report = ingest([corpus], store_dir=tmp_path / "store")
    assert report.files_read == 16

    keys = assert_sorted_and_grouped(tmp_path / "store", 40)
    ingest([corpus], store_dir=tmp_path / "fresh")
    assert keys == keys_of(sentences_file(tmp_path / "fresh").read())


@pytest.mark.parametrize("sizes, limit", [
    ([3, 1, 4, 1, 5, 9, 2, 6], 10), ([12, 1, 1], 5), ([1] * 20, 7), ([5], 5), ([2, 2, 2], 100),
])
def test_row_groups_end_between_keys_and_stay_under_the_limit_unless_one_key_is_larger(sizes, limit):
    keys = pa.chunked_array([[f"{k:03d}" for k, size in enumerate(sizes) for _ in range(size)]])
    groups = list(row_groups(keys, limit))
    assert groups[0][0] == 0 and groups[-1][1] == sum(sizes)
    assert all(stop == next_start for (_, stop), (next_start, _) in zip(groups, groups[1:]))
    values = keys.to_pylist()
    for start, stop in groups:
        assert stop == len(values) or values[stop - 1] != values[stop]
        assert stop - start <= limit or len(set(values[start:stop])) == 1
    merged_pairs = [(a, b) for (a, _), (_, b) in zip(groups, groups[1:])]
    assert all(b - a > limit for a, b in merged_pairs)


def test_row_groups_of_nothing():
    assert list(row_groups(pa.chunked_array([], pa.string()), 10)) == []
