"""Capped tables: a page shows its first rows with a note saying so, and the CSV still holds every filtered row."""

import csv
import io

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from components import charts, ui
from components.i18n import t
from components.views import number
from tests.app import vega

CAP = 3


@pytest.fixture
def downloads(monkeypatch) -> dict[str, object]:
    """The deferred CSV builders the pages register, by file name prefix (what the table holds)."""
    found: dict[str, object] = {}
    register = MediaFileManager.add_deferred

    def remember(self, data_callable, *args, **kwargs):
        found[kwargs["file_name"].rsplit("_", 2)[0]] = data_callable
        return register(self, data_callable, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    return found


def csv_rows(builder) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(builder().decode("utf-8-sig"))))


def captions(at) -> list[str]:
    return [caption.value for caption in at.caption]


def capped_note(rows: int, lang: str, shown: int = CAP) -> str:
    return t("rows_capped", lang, shown=number(shown, lang), n=number(rows, lang))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_long_table_shows_its_first_rows_and_says_so(app, tables, monkeypatch, downloads, lang):
    monkeypatch.setattr(ui, "MAX_ROWS", CAP)
    at = app("pages/doi-thoai.py", lang=lang) if lang == "en" else app("pages/doi-thoai.py")
    every = len(tables["dialogue_events"])
    assert every > CAP
    assert len(at.dataframe[0].value) == CAP
    assert capped_note(every, lang) in captions(at)
    assert f"{number(every, lang)} {t('rows', lang)}" in captions(at)
    assert len(csv_rows(downloads["doi-thoai"])) == every


def test_no_note_when_every_row_is_shown(app, tables, downloads):
    at = app("pages/doi-thoai.py")
    every = len(tables["dialogue_events"])
    assert every <= ui.MAX_ROWS
    assert len(at.dataframe[0].value) == every
    assert not [c for c in captions(at) if c.startswith(t("rows_capped", "vi").split("{")[0])]
    assert len(csv_rows(downloads["doi-thoai"])) == every


def test_csv_of_a_capped_filtered_table_holds_exactly_the_filtered_rows(app, tables, monkeypatch, downloads):
    monkeypatch.setattr(ui, "MAX_ROWS", CAP)
    at = app("pages/thuong-vu.py")
    deals = tables["deal_events"]
    code = deals["buyer"].value_counts().index[0]
    at.multiselect(key="f_countries").set_value([code]).run()
    wanted = deals[(deals["buyer"] == code) | (deals["seller"] == code)]
    assert len(wanted) > CAP
    assert len(at.dataframe[0].value) == CAP
    rows = csv_rows(downloads["thuong-vu"])
    assert len(rows) == len(wanted)
    assert sorted(row[t("system", "vi")] for row in rows) == sorted(wanted["system"].fillna(""))


def test_dialogues_come_newest_first(app):
    at = app("pages/doi-thoai.py")
    dates = at.dataframe[0].value[t("date", "vi")].dropna()
    starts = pd.to_datetime(dates.str.slice(0, 7), format="mixed")
    assert len(starts) > 1
    assert starts.is_monotonic_decreasing


def test_the_dialogue_picker_lists_only_the_shown_rows_and_says_so(app, tables, monkeypatch):
    monkeypatch.setattr(ui, "MAX_ROWS", CAP)
    at = app("pages/doi-thoai.py")
    assert len(at.selectbox(key="dialogue_pick").options) == CAP
    assert t("pick_capped", "vi", shown=CAP) in captions(at)
    monkeypatch.setattr(ui, "MAX_ROWS", len(tables["dialogue_events"]))
    at.run()
    assert len(at.selectbox(key="dialogue_pick").options) == len(tables["dialogue_events"])
    assert t("pick_capped", "vi", shown=CAP) not in captions(at)


def test_files_table_is_capped_on_the_overview(app, tables, monkeypatch, downloads):
    monkeypatch.setattr(ui, "MAX_ROWS", CAP)
    at = app()
    files = len(tables["files"])
    shown = next(frame.value for frame in at.dataframe if t("file", "vi") in frame.value.columns)
    assert len(shown) == CAP
    assert capped_note(files, "vi") in captions(at)
    assert len(csv_rows(downloads["tep-da-nhap"])) == files


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_timeline_notes_appear_only_when_lanes_or_marks_are_capped(app, tables, monkeypatch, lang):
    events = tables["dialogue_events"]
    lanes = events[["mechanism", "pair"]].drop_duplicates()
    query = {"lang": lang} if lang == "en" else {}
    at = app("pages/doi-thoai.py", **query)
    assert not [c for c in captions(at) if c.startswith(t("lanes_capped", lang).split("{")[0])]
    assert not [c for c in captions(at) if c.startswith(t("sampled", lang).split("{")[0])]
    monkeypatch.setattr(charts, "MAX_LANES", 2)
    monkeypatch.setattr(charts, "MAX_MARKS", 5)
    at = app("pages/doi-thoai.py", **query)
    assert t("lanes_capped", lang, shown=2, n=number(len(lanes), lang)) in captions(at)
    assert [c for c in captions(at) if c.startswith(t("sampled", lang).split("{")[0])]
    (timeline,) = vega.datasets(vega.charts(at)[0]).values()
    assert 1 <= len(set(timeline.column("lane").to_pylist())) <= 2
