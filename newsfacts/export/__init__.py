"""Exports that can be cited and joined: one function writes what both the dashboard's downloads and
`python -m newsfacts export` give, from the tables it is handed (`docs/codebook.md` describes every column).

Hand `export_table` the tables as the reader sees them: anything that changes them (a filter, a correction)
is applied before the call, and the file follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import Literal, get_args

import pandas as pd

from newsfacts.export import tables as frames
from newsfacts.export.formats import to_csv_bytes, to_json_bytes, to_parquet_bytes, to_xlsx_bytes
from newsfacts.filters import Filterable, Filters
from newsfacts.search import Search

Table = Literal["dialogues", "deals", "articles", "people"]
Format = Literal["csv", "xlsx", "parquet", "json"]
TABLES: tuple[str, ...] = get_args(Table)
FORMATS: tuple[str, ...] = get_args(Format)
MIME_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
}
# The store tables an export reads.
INPUTS = ("articles", "dialogue_events", "deal_events", "dialogue_mentions", "deal_mentions", "people")

_BUILDERS: dict[str, Callable[[frames.Tables, Filters, Filterable], pd.DataFrame]] = {
    "dialogues": frames.dialogues, "deals": frames.deals, "articles": frames.articles, "people": frames.people,
}
_EVENT_TABLES = {"dialogues": "dialogue_events", "deals": "deal_events"}


def filterable(tables: frames.Tables) -> Filterable:
    return Filterable.of(tables["articles"], tables["dialogue_events"], tables["deal_events"])


def export_frame(tables: frames.Tables, table: Table, filters: Filters, search: Search | None = None) -> pd.DataFrame:
    """The rows of `table` that pass `filters`, with the export's columns; for articles, only those `search` found."""
    if table not in _BUILDERS:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if search is not None and table != "articles":
        raise ValueError(f"a search restricts the articles table only, not {table!r}")
    frame = _BUILDERS[table](tables, filters, filterable(tables))
    if search is None:
        return frame
    return frame[frame["article_id"].isin(search.article_ids)].reset_index(drop=True)


def _filter_text(value: object) -> str:
    """A filter's value as the filters sheet writes it ('' when it does not restrict)."""
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, float):
        return f"{value:g}" if value else ""
    return value.isoformat() if value else ""


def filters_sheet(table: Table, filters: Filters, n_rows: int, search: Search | None = None) -> pd.DataFrame:
    """What the file holds: the table, every filter (empty: not restricted), the search phrase when the articles
    were searched, and the row count."""
    rows = [("table", table)]
    for field in fields(Filters):
        if field.name == "lang":
            continue
        value = getattr(filters, field.name)
        rows.append((field.name, _filter_text(value)))
    if search is not None:
        rows.append(("search", search.phrase))
    rows.append(("n_rows", str(n_rows)))
    rows.append(("codebook", "docs/codebook.md, datapackage.json"))
    return pd.DataFrame(rows, columns=["filter", "value"])


def _workbook(tables: frames.Tables, table: Table, filters: Filters, frame: pd.DataFrame, search: Search | None) -> bytes:
    sheets = {table: frame}
    if table in _EVENT_TABLES:
        events = tables[_EVENT_TABLES[table]]
        sheets["sources"] = frames.Sources(tables["articles"]).long(events[events["event_id"].isin(frame["event_id"])])
    sheets["filters"] = filters_sheet(table, filters, len(frame), search)
    return to_xlsx_bytes(sheets)


def export_table(tables: frames.Tables, table: Table, fmt: Format, filters: Filters,
                 search: Search | None = None) -> bytes:
    """The file of `table`'s rows that pass `filters` (articles: and that `search` found), in `fmt`: the dashboard's
    download and the CLI's output.

    `tables` maps the store's table names (`INPUTS`) to DataFrames as `newsfacts.store.load_tables` gives them.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    frame = export_frame(tables, table, filters, search)
    if fmt == "csv":
        return to_csv_bytes(frame)
    if fmt == "xlsx":
        return _workbook(tables, table, filters, frame, search)
    if fmt == "parquet":
        return to_parquet_bytes(frame)
    return to_json_bytes(frame)


def file_name(what: str, fmt: str, now: datetime) -> str:
    """E.g. `dialogues_2026-11-22_1405.csv`: what the file holds and when it was taken."""
    return f"{what}_{now:%Y-%m-%d_%H%M}.{fmt}"
