"""AppTest fixtures: one real store, built by the real ingest from the repository's data, for the session."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsfacts.store import ingest, load_tables

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    ingest([ROOT / "data" / "seeds", ROOT / "data" / "sample"], store_dir=folder)
    return folder


@pytest.fixture(scope="session")
def tables(store_dir):
    return load_tables(store_dir)


@pytest.fixture
def use_store(monkeypatch, store_dir) -> Path:
    monkeypatch.setenv("NEWSFACTS_STORE", str(store_dir))
    return store_dir


@pytest.fixture
def private_store(monkeypatch, store_dir, tmp_path) -> Path:
    """A copy of the session store for tests that write to it."""
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    monkeypatch.setenv("NEWSFACTS_STORE", str(copy))
    return copy


@pytest.fixture
def app(use_store):
    """A fresh app session, run once on its default page."""

    def start(page: str | None = None, **query: str | list[str]) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        if page and page != "app.py":
            at.switch_page(page)
        at.query_params.update(query)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return start

