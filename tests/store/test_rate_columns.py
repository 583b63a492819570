"""The rate each deal was converted with, from the parser through the store to the exports; and stores written
before the rate columns existed, which open and take new articles with those columns null."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsfacts.export import export_frame
from newsfacts.filters import Filters
from newsfacts.store import ingest, layout, load_tables, tables

RAFALE = ("Ấn Độ mua Rafale\n\nNgày 14/7/2023, Ấn Độ đã ký hợp đồng mua 26 tiêm kích Rafale của Pháp trị giá "
          "5,5 tỷ euro.\n")
RADAR = ("Việt Nam mua radar\n\nNăm 2023, Việt Nam đã ký hợp đồng mua 4 radar của Israel trị giá 2.000 tỷ đồng.\n")
K2 = ("Ba Lan mua K2\n\nNăm 2022, Ba Lan đã ký hợp đồng mua 180 xe tăng K2 của Hàn Quốc trị giá 4.500 tỷ won "
      "(3,37 tỷ USD).\n")


def _corpus(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,source,url,published\n" + "".join(f"{name},Mẫu,,2024-09-20\n" for name in articles), encoding="utf-8")
    return folder


def _as_written_before(store: Path) -> None:
    """Rewrites the live snapshot's deal tables as the code before the rate columns wrote them."""
    snapshot = layout.current_snapshot(store)
    for name in ("deal_mentions", "deal_events"):
        path = snapshot / f"{name}.parquet"
        old = pq.read_table(path)
        pq.write_table(old.drop_columns(list(tables.ADDED_COLUMNS)), path)


def test_the_store_and_the_export_keep_the_rate_each_deal_used(tmp_path):
    store = tmp_path / "store"
    ingest([_corpus(tmp_path / "in", {"rafale.txt": RAFALE, "radar.txt": RADAR, "k2.txt": K2})], store_dir=store)
    events = load_tables(store)["deal_events"].set_index("value_currency")
    assert events.at["EUR", "usd_rate_date"] == "2023-07-14" and events.at["EUR", "usd_rate_source"] == "ECB"
    assert (events.at["VND", "usd_rate_date"], events.at["VND", "usd_rate_source"]) == ("2023", "yearly table")
    assert (events.at["KRW", "usd_rate_source"], events.at["KRW", "value_usd"]) == ("text", 3.37e9)
    deals = export_frame(load_tables(store), "deals", Filters()).set_index("value_currency")
    assert deals.at["EUR", "usd_rate"] == pytest.approx(events.at["EUR", "usd_rate"])
    assert (deals.at["EUR", "usd_rate_date"], deals.at["EUR", "usd_rate_year"], deals.at["EUR", "usd_rate_source"]) == (
        "2023-07-14", 2023, "ECB")
    assert (deals.at["VND", "usd_rate_date"], deals.at["VND", "usd_rate_source"]) == ("2023", "yearly table")
    assert deals.at["KRW", "usd_rate"] == pytest.approx(4.5e12 / 3.37e9)
    assert deals.at["KRW", "usd_rate_source"] == "text" and pd.isna(deals.at["KRW", "usd_rate_date"])


def test_a_store_written_before_the_rate_columns_opens_with_them_null(tmp_path):
    store = tmp_path / "store"
    ingest([_corpus(tmp_path / "in", {"rafale.txt": RAFALE})], store_dir=store)
    _as_written_before(store)
    loaded = load_tables(store)
    for name in ("deal_mentions", "deal_events"):
        assert len(loaded[name]) == 1
        assert loaded[name][list(tables.ADDED_COLUMNS)].isna().all(axis=None)
    assert export_frame(loaded, "deals", Filters())["usd_rate_source"].isna().all()


def test_an_ingest_into_an_older_store_keeps_its_rows_and_adds_the_new_columns(tmp_path):
    store = tmp_path / "store"
    ingest([_corpus(tmp_path / "old", {"rafale.txt": RAFALE})], store_dir=store)
    _as_written_before(store)
    before = load_tables(store)
    ingest([_corpus(tmp_path / "new", {"radar.txt": RADAR})], store_dir=store)
    after = load_tables(store)
    assert set(before["articles"]["article_id"]) < set(after["articles"]["article_id"])
    assert set(before["deal_mentions"]["mention_id"]) < set(after["deal_mentions"]["mention_id"])
    sources = after["deal_mentions"].set_index("value_currency")["usd_rate_source"]
    assert sources.isna()["EUR"] and sources["VND"] == "yearly table"
    for name, schema in tables.SCHEMAS.items():
        assert pq.read_schema(layout.current_snapshot(store) / f"{name}.parquet").equals(schema, check_metadata=False)
