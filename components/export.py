"""CSV downloads: exactly the rows shown, readable by Excel, safe against formula injection."""

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


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8-with-BOM CSV: list cells joined with '; ', formula-like text prefixed with '.

    CRLF line ends (RFC 4180) make the writer quote any cell holding a carriage return.
    """
    cells = frame.map(_cell_text).map(_neutralise)
    cells.columns = [_neutralise(str(column)) for column in frame.columns]
    return cells.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def csv_file_name(what: str, now: datetime) -> str:
    """A file name that says what the table holds and when it was taken, e.g. `doi-thoai_2026-11-22_1405.csv`."""
    return f"{what}_{now:%Y-%m-%d_%H%M}.csv"
