"""write_snapshot: a complete store from another engine's tables, the same as ingest's; the docs' example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from newsfacts.store import ingest, load_tables
from newsfacts.store.layout import StoreDamaged, current_snapshot, read_meta
from newsfacts.store.snapshot import write_snapshot
from newsfacts.store.tables import SCHEMAS
from tests.store.conftest import ROOT, SEEDS, assert_same_rows, stored

EXAMPLE_MARK = "<!-- example: run by tests/store/test_snapshot.py with store_dir set -->"


def docs_example() -> str:
    text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    return re.search(re.escape(EXAMPLE_MARK) + r"\n```python\n(.*?)```", text, re.S).group(1)


def test_the_docs_example_writes_the_store_ingest_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    exec(compile(docs_example(), "docs/store.md", "exec"), {"store_dir": tmp_path / "written"})
    ingest([Path("data/seeds")], store_dir=tmp_path / "ingested")  # the example's paths, relative to ROOT

    written, ingested = stored(tmp_path / "written"), stored(tmp_path / "ingested")
    assert len(written["articles"]) == 2 and len(written["deal_events"]) == 5
    assert written["deal_mentions"]["event_id"].notna().all() and written["dialogue_mentions"]["event_id"].notna().all()
    assert_same_rows(*({n: t[n] for n in SCHEMAS if n != "files"} for t in (written, ingested)))
    assert written["files"][["file", "file_hash", "n_articles", "status"]].equals(
        ingested["files"][["file", "file_hash", "n_articles", "status"]])
    assert written["files"]["article_ids"].tolist() == ingested["files"]["article_ids"].tolist()
    snapshot = current_snapshot(tmp_path / "written")
    assert sorted(p.name for p in snapshot.iterdir()) == sorted([*(f"{t}.parquet" for t in SCHEMAS), "meta.json"])
    assert read_meta(snapshot)["format_version"] == read_meta(current_snapshot(tmp_path / "ingested"))["format_version"]

    report = ingest([Path("data/seeds")], store_dir=tmp_path / "written")  # a later ingest carries on from the written store
    assert report.ok and report.articles == 2
    assert_same_rows(stored(tmp_path / "written"), stored(tmp_path / "ingested"))


@pytest.fixture
def seed_tables(tmp_path) -> dict[str, pa.Table]:
    ingest([SEEDS], store_dir=tmp_path / "source")
    tables = load_tables(tmp_path / "source")
    return {name: pa.Table.from_pandas(tables[name], schema=SCHEMAS[name], preserve_index=False)
            for name in SCHEMAS if name != "files" and not name.endswith("_events")}


def test_a_missing_table_or_column_is_named_and_nothing_is_written(seed_tables, tmp_path):
    store_dir = tmp_path / "store"
    with pytest.raises(ValueError, match=r"missing tables \['people'\]"):
        write_snapshot(store_dir, {n: t for n, t in seed_tables.items() if n != "people"})
    with pytest.raises(ValueError, match=r"table sentences lacks columns \['segment'\]"):
        write_snapshot(store_dir, {**seed_tables, "sentences": seed_tables["sentences"].drop_columns(["segment"])})
    assert current_snapshot(store_dir) is None and not list(store_dir.glob("snap-*"))


def test_an_article_given_twice_is_refused(seed_tables, tmp_path):
    twice = {**seed_tables, "articles": pa.concat_tables([seed_tables["articles"]] * 2)}
    with pytest.raises(ValueError, match="more than once"):
        write_snapshot(tmp_path / "store", twice)


def test_a_snapshot_written_over_a_store_replaces_it_atomically(seed_tables, tmp_path):
    store_dir = tmp_path / "store"
    first = write_snapshot(store_dir, seed_tables)
    one = {name: table.filter(pa.compute.equal(table["article_id"], seed_tables["articles"]["article_id"][0]))
           for name, table in seed_tables.items()}
    second = write_snapshot(store_dir, one)
    assert current_snapshot(store_dir) == second and not first.exists()
    assert len(load_tables(store_dir)["articles"]) == 1


def test_a_damaged_store_is_refused_and_kept(seed_tables, tmp_path):
    store_dir = tmp_path / "store"
    first = write_snapshot(store_dir, seed_tables)
    (store_dir / "CURRENT").write_text("garbage\n", encoding="utf-8")
    with pytest.raises(StoreDamaged):
        write_snapshot(store_dir, seed_tables)
    assert first.is_dir() and (first / "articles.parquet").is_file()
    assert [p.name for p in store_dir.glob("snap-*")] == [first.name]
