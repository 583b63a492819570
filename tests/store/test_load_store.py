"""Loading the store for the dashboard: projected tables, list columns, and sentences read on demand."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsfacts.store import ingest, layout, load_tables, tables
from newsfacts.store.load import open_sentences, to_frame
from tests.store.conftest import write_corpus


def row_by_row(table: pa.Table) -> pd.DataFrame:
    """The plain reading of a table: every list cell converted on its own."""
    frame = table.to_pandas(types_mapper=lambda t: pd.Int64Dtype() if pa.types.is_integer(t) else None,
                            date_as_object=False)
    for field in table.schema:
        if pa.types.is_list(field.type):
            frame[field.name] = [list(v) if v is not None else [] for v in table.column(field.name).to_pylist()]
    return frame


def test_list_columns_read_as_the_plain_reading_does_with_nulls_and_slices():
    table = pa.table({
        "id": ["a", "b", "c", "d", "e"],
        "codes": pa.array([["IND", "USA"], None, [], ["JPN", None], ["VNM"]], pa.list_(pa.string())),
        "indexes": pa.array([[0, 3], [1], None, [], [2, 2]], pa.list_(pa.int64())),
        "count": pa.array([1, None, 3, 4, 5], pa.int64()),
    })
    chunked = pa.concat_tables([table.slice(0, 2), table.slice(2, 1), table.slice(3)])
    for case in (table, chunked, table.slice(1, 3), table.slice(0, 0)):
        expected = row_by_row(case)
        got = to_frame(case)
        pd.testing.assert_frame_equal(got, expected)
        assert all(type(cell) is list for cell in got["codes"])


def write_store(folder: Path, sentences: pa.Table, row_group_size: int, statistics: bool = True) -> Path:
    """A one-snapshot store whose only non-empty table is `sentences`, written with small row groups."""
    snapshot = folder / "snap-test"
    snapshot.mkdir(parents=True)
    for name, schema in tables.SCHEMAS.items():
        if name != "sentences":
            pq.write_table(schema.empty_table(), snapshot / f"{name}.parquet")
    pq.write_table(sentences, snapshot / "sentences.parquet", row_group_size=row_group_size,
                   write_statistics=statistics)
    layout.write_meta(snapshot, {"format_version": layout.FORMAT_VERSION})
    (folder / layout.CURRENT).write_text("snap-test\n", encoding="utf-8")
    return folder


def sentences_of(rows: list[tuple[str, int, str]]) -> pa.Table:
    ids, indexes, texts = zip(*rows)
    return pa.table({"article_id": list(ids), "sentence_index": pa.array(indexes, pa.int64()),
                     "segment": ["body"] * len(rows), "text": list(texts)}, schema=tables.SCHEMAS["sentences"])


# An article's sentences split across row groups, out of order, and interleaved with another article's.
UNSORTED = [("b", 1, "Nga và Ấn Độ."), ("a", 2, "Đối thoại 2+2."), ("a", 0, "Tiêu đề A."),
            ("b", 0, "Tiêu đề B."), ("c", 0, "HOA KỲ ký hợp đồng."), ("a", 1, "Ấn Độ mua S-400."),
            ("b", 2, "Kết thúc.")]


LAYOUTS = {"unsorted": (UNSORTED, True), "sorted": (sorted(UNSORTED), True),
           "sorted, no statistics": (sorted(UNSORTED), False)}


@pytest.mark.parametrize("layout_name", list(LAYOUTS))
@pytest.mark.parametrize("row_group_size", [1, 2, 3, 100])
def test_one_articles_sentences_come_in_order_whatever_the_files_layout(tmp_path, row_group_size, layout_name):
    rows, statistics = LAYOUTS[layout_name]
    sentences = open_sentences(write_store(tmp_path, sentences_of(rows), row_group_size, statistics))
    if layout_name == "sorted":
        assert sentences.ranges is not None
    if not statistics or (layout_name == "unsorted" and row_group_size in (2, 3)):
        assert sentences.ranges is None
    article = sentences.of_article("a")
    assert article["sentence_index"].tolist() == [0, 1, 2]
    assert article["text"].tolist() == ["Tiêu đề A.", "Ấn Độ mua S-400.", "Đối thoại 2+2."]
    assert set(article["article_id"]) == {"a"}
    assert sentences.of_article("b")["sentence_index"].tolist() == [0, 1, 2]
    missing = sentences.of_article("nope")
    assert missing.empty and list(missing.columns) == ["article_id", "sentence_index", "segment", "text"]


@pytest.mark.parametrize("row_group_size", [2, 100])
def test_text_search_ignores_case_and_finds_every_article_once(tmp_path, row_group_size):
    sentences = open_sentences(write_store(tmp_path, sentences_of(UNSORTED), row_group_size))
    assert sorted(sentences.articles_containing("ấn độ")) == ["a", "b"]
    assert sorted(sentences.articles_containing("hoa kỳ")) == ["c"]
    assert sorted(sentences.articles_containing("2+2")) == ["a"]
    assert len(sentences.articles_containing("không có")) == 0


def test_sentences_stay_readable_after_a_newer_ingest_removes_their_snapshot(tmp_path):
    store = write_store(tmp_path, sentences_of(UNSORTED), 2)
    sentences = open_sentences(store)
    for path in (store / "snap-test").iterdir():
        os.remove(path)
    assert sentences.of_article("a")["sentence_index"].tolist() == [0, 1, 2]
    assert sorted(sentences.articles_containing("kết thúc")) == ["b"]


def test_no_store_means_no_sentences(tmp_path):
    sentences = open_sentences(tmp_path / "nothing")
    assert sentences.of_article("a").empty
    assert len(sentences.articles_containing("a")) == 0


@pytest.fixture(scope="module")
def real_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("load")
    ingest([write_corpus(folder / "corpus", 30)], store_dir=folder / "store")
    return folder / "store"


def test_sentences_on_demand_match_the_whole_table(real_store):
    whole = load_tables(real_store)["sentences"]
    sentences = open_sentences(real_store)
    for article_id in whole["article_id"].unique():
        expected = whole[whole["article_id"] == article_id].sort_values("sentence_index").reset_index(drop=True)
        pd.testing.assert_frame_equal(sentences.of_article(article_id), expected)
    holding = whole["text"].str.contains("vòng đối thoại số 1", case=False, regex=False)
    wanted = set(whole.loc[holding, "article_id"])
    assert 1 < len(wanted) < whole["article_id"].nunique()
    assert set(sentences.articles_containing("VÒNG ĐỐI THOẠI SỐ 1")) == wanted


def test_columns_load_only_the_tables_and_columns_named(real_store):
    everything = load_tables(real_store)
    some = load_tables(real_store, {"articles": ["title", "countries"], "deal_events": ["event_id"]})
    assert set(some) == {"articles", "deal_events"}
    assert list(some["articles"].columns) == ["title", "countries"]
    pd.testing.assert_frame_equal(some["articles"], everything["articles"][["title", "countries"]])


def test_a_column_the_store_lacks_loads_as_nulls(tmp_path):
    store = write_store(tmp_path, sentences_of(UNSORTED), 100)
    snapshot = store / "snap-test"
    pq.write_table(pa.table({"article_id": ["a"], "title": ["T"]}), snapshot / "articles.parquet")
    articles = load_tables(store, {"articles": ["article_id", "n_chars", "countries"]})["articles"]
    assert articles["article_id"].tolist() == ["a"]
    assert articles["n_chars"].isna().all() and articles["countries"].tolist() == [[]]
