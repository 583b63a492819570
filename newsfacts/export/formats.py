"""Writing an export frame as CSV, Excel, Parquet or JSON; text that a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
EXCEL_CELL_LIMIT = 32_767


def is_list(value: object) -> bool:
    return isinstance(value, (list, tuple, np.ndarray))


def cell_text(value: object) -> object:
    """A list cell joined with '; ' (its items in order); anything else as it is."""
    if is_list(value):
        return LIST_SEPARATOR.join("" if item is None else str(item) for item in value)
    return value


def neutralise(text: object) -> object:
    """Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`."""
    if isinstance(text, str) and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _plain(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)


def _csv_column(column: pd.Series) -> pd.Series:
    """Numbers and booleans as they are; any other cell joined and neutralised, in one pass."""
    if _plain(column):
        return column
    return column.map(lambda value: neutralise(cell_text(value)))


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel reads Vietnamese), CRLF line ends (RFC 4180: a cell holding a CR is quoted),
    list cells joined with '; ', formula-like text prefixed with ', missing values as empty cells."""
    cells = frame.apply(_csv_column) if len(frame.columns) else frame
    cells.columns = [neutralise(str(column)) for column in frame.columns]
    return cells.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _excel_value(value: object) -> object:
    value = cell_text(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_LIMIT]
    return value


def _excel_cell(sheet, value: object) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, _excel_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # a string cell is shown as text; never a formula, whatever it starts with
    return cell


def to_xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """One worksheet per frame (name -> frame), header row first; every text cell is stored as a string."""
    book = Workbook(write_only=True)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append([_excel_cell(sheet, str(column)) for column in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_excel_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_parquet_bytes(frame: pd.DataFrame) -> bytes:
    """List columns stay Arrow lists and nullable integers stay integers."""
    out = io.BytesIO()
    frame.to_parquet(out, index=False)
    return out.getvalue()


def _json_value(value: object) -> object:
    if is_list(value):
        return [_json_value(item) for item in value]
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    return value


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON array of one object per row, lists as arrays, missing values as null, UTF-8."""
    records = [dict(zip(frame.columns, map(_json_value, row))) for row in frame.itertuples(index=False, name=None)]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
