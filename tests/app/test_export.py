"""The CSV builder: UTF-8 with BOM, formula injection neutralised, list cells joined, a telling file name."""

import csv
import io
from datetime import datetime

import numpy as np
import pandas as pd
import pytest

from newsfacts.export import file_name
from newsfacts.export.formats import to_csv_bytes


def read_back(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_starts_with_a_bom_and_keeps_vietnamese():
    data = to_csv_bytes(pd.DataFrame({"Quốc gia": ["Ấn Độ", "Hoa Kỳ"]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert read_back(data) == [["Quốc gia"], ["Ấn Độ"], ["Hoa Kỳ"]]


@pytest.mark.parametrize("dangerous", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_formula_like_text_is_prefixed_with_a_quote(dangerous):
    rows = read_back(to_csv_bytes(pd.DataFrame({"a": [dangerous], dangerous: ["ok"]})))
    assert rows[0][1] == "'" + dangerous
    assert rows[1][0] == "'" + dangerous


def test_numbers_and_plain_text_are_left_alone():
    rows = read_back(to_csv_bytes(pd.DataFrame({"value": [-5.5, 3.0], "text": ["a-b", "Hà Nội = thủ đô"]})))
    assert rows[1:] == [["-5.5", "a-b"], ["3.0", "Hà Nội = thủ đô"]]


def test_list_cells_are_joined_and_empty_cells_stay_empty():
    frame = pd.DataFrame({"parties": [["IND", "USA"], np.array(["JPN"]), [], None]})
    assert [row[0] for row in read_back(to_csv_bytes(frame))[1:]] == ["IND; USA", "JPN", "", ""]


def test_one_csv_row_per_frame_row():
    frame = pd.DataFrame({"a": range(57), "b": ["x\ny"] * 57})
    assert len(read_back(to_csv_bytes(frame))) == 58


def test_file_name_says_what_and_when():
    assert file_name("doi-thoai", "csv", datetime(2026, 11, 22, 14, 5)) == "doi-thoai_2026-11-22_1405.csv"
