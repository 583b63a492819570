"""The dashboard builds only its default store: a store set by NEWSFACTS_STORE is never built, rebuilt or pruned.

Started on a store built from other articles, after a bundled sample file was touched (which makes the default
store stale) and the store's own source folder moved away, the server's start-up and a page session must
leave every file of that store as it was; a missing or stale store is named on the page with its command.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.i18n import t
from tests.robustness.support import ROOT, SEEDS, run_cli, store_files, streamlit_server, warm_up_line

APP = str(ROOT / "app.py")
SAMPLE_FILE = sorted((ROOT / "data" / "sample").glob("*.txt"))[0]


@contextmanager
def touched(path: Path) -> Iterator[None]:
    """`path` made newer than any store, and given back its times afterwards (its bytes are never changed)."""
    times = path.stat()
    os.utime(path)
    try:
        yield
    finally:
        os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))


def session(monkeypatch, store: Path) -> AppTest:
    """One page session (the overview) on `store`."""
    monkeypatch.setenv("NEWSFACTS_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.slow
def test_the_dashboard_leaves_a_store_built_from_other_articles_unchanged(tmp_path: Path, monkeypatch):
    articles = Path(shutil.copytree(SEEDS, tmp_path / "articles"))
    store = tmp_path / "store"
    assert run_cli("ingest", articles, "--out", store).returncode == 0
    with streamlit_server(store, tmp_path / "first.log"):
        assert warm_up_line(tmp_path / "first.log")
    before = store_files(store)

    articles.rename(tmp_path / "moved")  # the store's own source folder is gone: pruning would drop every article
    with touched(SAMPLE_FILE):
        with streamlit_server(store, tmp_path / "restart.log"):
            assert "(2 articles)" in warm_up_line(tmp_path / "restart.log")
        at = session(monkeypatch, store)

    assert store_files(store) == before
    assert not at.warning and len(at.metric) and at.metric[0].value == "2"


def test_a_missing_store_is_named_with_its_command_and_not_built(tmp_path: Path, monkeypatch):
    store = tmp_path / "not-built"
    at = session(monkeypatch, store)
    assert [w.value for w in at.warning] == [t("store_missing", "vi")]
    assert f"--out {store}" in at.code[0].value and "data/sample" in at.code[0].value
    assert not store.exists()


def test_a_store_older_than_the_bundled_data_it_holds_is_named_and_left_as_it_is(tmp_path: Path, monkeypatch):
    store = tmp_path / "bundled"
    assert run_cli("ingest", SEEDS, "--out", store).returncode == 0
    before = store_files(store)
    with touched(sorted(SEEDS.glob("*.txt"))[0]):
        at = session(monkeypatch, store)
    assert [w.value for w in at.warning] == [t("store_stale", "vi")]
    assert at.code[0].value.endswith(f"--out {store} --prune")
    assert store_files(store) == before


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


DAMAGES = {
    "CURRENT names a missing snapshot": (lambda store: (store / "CURRENT").write_text("snap-gone\n"), "snap-gone"),
    "CURRENT not text": (lambda store: (store / "CURRENT").write_bytes(b"\xff\xfe snap"), "not text"),
    "truncated articles": (lambda store: _truncate(next(store.glob("snap-*")) / "articles.parquet"), "articles.parquet"),
    "truncated sentences": (lambda store: _truncate(next(store.glob("snap-*")) / "sentences.parquet"),
                            "sentences.parquet"),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_store_stops_the_page_with_what_to_do(tmp_path: Path, monkeypatch, damage: str):
    store = tmp_path / "damaged"
    assert run_cli("ingest", SEEDS, "--out", store).returncode == 0
    spoil, named = DAMAGES[damage]
    spoil(store)
    before = store_files(store)
    at = session(monkeypatch, store)
    assert [e.value for e in at.error] == [t("store_damaged", "vi")]
    assert f"repair --store {store}" in at.code[0].value and named in at.code[0].value
    assert store_files(store) == before
