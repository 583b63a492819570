"""CSV downloads of the hostile store: formula-like cells neutralised, UTF-8 BOM, Vietnamese intact.

The tables are built by the same functions the pages use (components.views) and written by the
pages' export function (newsfacts.export.formats.to_csv_bytes), fed by a store ingested from the hostile
fixtures (formula payloads in titles and sources, HTML and script payloads in the text).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from newsfacts.export.formats import to_csv_bytes
from components.i18n import t
from components.views import article_table, deal_table, dialogue_table
from newsfacts.store import load_tables
from tests.robustness.support import hostile_store

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    return load_tables(hostile_store(tmp_path_factory.mktemp("csv")))


def exports(tables: dict[str, pd.DataFrame], lang: str) -> dict[str, bytes]:
    base = "bai-bao?"
    return {
        "articles": to_csv_bytes(article_table(tables["articles"], lang, base)),
        "dialogues": to_csv_bytes(dialogue_table(tables["dialogue_events"], tables["dialogue_mentions"], lang, base)),
        "deals": to_csv_bytes(deal_table(tables["deal_events"], tables["deal_mentions"], lang, base)),
    }


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_cell_starts_a_formula(tables, lang):
    for name, data in exports(tables, lang).items():
        for row in rows_of(data):
            for cell in row:
                assert not cell.startswith(DANGEROUS) or is_number(cell), f"{name}: {cell!r}"


def test_formula_payloads_are_kept_behind_a_quote(tables):
    rows = rows_of(exports(tables, "vi")["articles"])
    cells = {cell for row in rows for cell in row}
    hostile = tables["articles"]
    payloads = [v for v in [*hostile["title"], *hostile["source"]] if isinstance(v, str) and v.startswith(DANGEROUS)]
    assert {p[0] for p in payloads} >= {"=", "+", "-", "@"}, "the hostile fixtures must reach the store"
    for payload in payloads:
        assert "'" + payload in cells, payload
        assert payload not in cells


def test_leading_tab_and_carriage_return_never_reach_the_store(tables):
    titles = tables["articles"]["title"].dropna()
    assert not titles.str.startswith(("\t", "\r")).any()
    assert {"=1+1 tab ở đầu", "=1+1 xuống dòng ở đầu"} <= set(titles)


def test_vietnamese_and_markup_round_trip_literally(tables):
    data = exports(tables, "vi")
    articles = rows_of(data["articles"])
    header, body = articles[0], articles[1:]
    assert t("title", "vi") == "Tiêu đề" and "Tiêu đề" in header
    titles = {row[header.index("Tiêu đề")] for row in body}
    for title in tables["articles"]["title"]:
        assert title in titles or "'" + title in titles
    hostile_title = next(title for title in tables["articles"]["title"] if "<script>" in title)
    assert hostile_title in titles
    deal_cells = {cell for row in rows_of(data["deals"]) for cell in row}
    hostile_system = next(s for s in tables["deal_events"]["system"] if "onerror" in s)
    assert hostile_system in deal_cells
    assert "Nhật Bản" in deal_cells and "Philippines" in deal_cells


def test_one_csv_row_per_table_row(tables):
    data = exports(tables, "en")
    assert len(rows_of(data["articles"])) == len(tables["articles"]) + 1
    assert len(rows_of(data["dialogues"])) == len(tables["dialogue_events"]) + 1
    assert len(rows_of(data["deals"])) == len(tables["deal_events"]) + 1


def test_csv_parses_as_utf8_with_bom_in_pandas(tables, tmp_path: Path):
    path = tmp_path / "bai-bao.csv"
    path.write_bytes(exports(tables, "vi")["articles"])
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert len(frame) == len(tables["articles"])
    assert not frame.columns[0].startswith("\ufeff")
