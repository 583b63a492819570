"""The same article arriving again in another file keeps the best metadata known for it, and the report says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from components.i18n import t
from newsfacts.store import ingest, load_tables
from tests.robustness.support import ROOT, SEEDS, run_cli

APP = str(ROOT / "app.py")
SEED = "000_50faedf6c48001df.txt"


def article_of(store: Path) -> pd.Series:
    articles = load_tables(store)["articles"]
    return articles[articles["file"].str.endswith(SEED)].iloc[0]


def dialogue_events(store: Path) -> list[tuple]:
    events = load_tables(store)["dialogue_events"]
    return sorted(zip(events["mechanism"], events["date"].fillna(""), events["n_sources"]))


def test_an_upload_without_its_manifest_keeps_the_stored_source_and_date(tmp_path: Path, monkeypatch):
    store = tmp_path / "store"
    assert run_cli("ingest", SEEDS, "--out", store).returncode == 0
    events = dialogue_events(store)
    monkeypatch.setenv("NEWSFACTS_STORE", str(store))

    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/nhap-du-lieu.py").run()
    at.file_uploader(key="import_files").set_value([(SEED, (SEEDS / SEED).read_bytes(), "text/plain")]).run()
    at.button(key="import_run").click().run()
    assert not at.exception, [e.value for e in at.exception]

    report = at.dataframe[-1].value.set_index(t("file", "vi"))
    assert report.loc[SEED, t("already_stored", "vi")] == 1
    stored = article_of(store)
    assert (stored["source"], stored["published"]) == ("TTXVN", "2023-11-10")
    assert "uploads" not in stored["file"]
    assert dialogue_events(store) == events


def test_a_copy_that_knows_more_replaces_the_stored_one(tmp_path: Path):
    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copy(SEEDS / SEED, bare / SEED)
    store = tmp_path / "store"
    ingest([bare], store_dir=store)
    assert pd.isna(article_of(store)["source"])

    report = ingest([SEEDS / SEED], store_dir=store)
    assert [f.already_stored for f in report.files] == [1]
    stored = article_of(store)
    assert (stored["source"], stored["published"], stored["file"]) == ("TTXVN", "2023-11-10", str(SEEDS / SEED))
    assert len(load_tables(store)["articles"]) == 1
