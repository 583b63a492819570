"""CSV downloads: every row of the filtered table, readable by Excel, safe against formula injection."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell_text(value: object) -> object:
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(item) for item in value)
    return value


def _neutralise(text: object) -> object:
    if isinstance(text, str) and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _column_text(column: pd.Series) -> pd.Series:
    """Numbers and booleans as they are; any other cell through `_cell_text` and `_neutralise`, one pass."""
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return column
    return column.map(lambda value: _neutralise(_cell_text(value)))


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8-with-BOM CSV: list cells joined with '; ', formula-like text prefixed with '.

    CRLF line ends (RFC 4180) make the writer quote any cell holding a carriage return.
    """
    cells = frame.apply(_column_text)
    cells.columns = [_neutralise(str(column)) for column in frame.columns]
    return cells.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def csv_file_name(what: str, now: datetime) -> str:
    """A file name that says what the table holds and when it was taken, e.g. `doi-thoai_2026-11-22_1405.csv`."""
    return f"{what}_{now:%Y-%m-%d_%H%M}.csv"
