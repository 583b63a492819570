"""Inputs as fsspec URLs with the local engine: the same listing rules as local folders, file:// as a local path."""

from __future__ import annotations

from pathlib import Path

import fsspec
import pytest

from newsfacts.store import ingest
from newsfacts.store.inputs import discover, input_of
from tests.store.conftest import SEEDS, assert_same_rows, stored, without_locations


@pytest.fixture
def memory_seeds():
    fs = fsspec.filesystem("memory")
    fs.put(str(SEEDS), "/inputs-test/seeds", recursive=True)
    fs.pipe("/inputs-test/seeds/.hidden/skipped.txt", b"not an article")
    fs.pipe("/inputs-test/seeds/x.gold.json", b"{}")
    yield "memory://inputs-test/seeds"
    fs.rm("/inputs-test", recursive=True)


def test_a_file_url_is_the_local_path():
    assert input_of("file:///srv/news/a.txt") == Path("/srv/news/a.txt")
    assert input_of(Path("data/seeds")) == Path("data/seeds")
    assert input_of("memory://inputs-test/a.txt") == "memory:///inputs-test/a.txt"


def test_a_folder_url_lists_article_files_as_a_local_folder_does(memory_seeds):
    local = sorted(p.name for p in discover([SEEDS]))
    remote = discover([input_of(memory_seeds)])
    assert sorted(url.rsplit("/", 1)[1] for url in remote) == local
    assert all(url.startswith("memory:///inputs-test/seeds/") for url in remote)


def test_the_local_engine_ingests_urls_as_it_ingests_paths(memory_seeds, tmp_path):
    from_urls = ingest([memory_seeds], store_dir=tmp_path / "urls")
    from_paths = ingest([f"file://{SEEDS}"], store_dir=tmp_path / "paths")
    assert from_urls.ok and from_urls.articles == from_paths.articles == 2
    assert {f.file for f in from_paths.files} == {str(p.resolve()) for p in SEEDS.glob("*.txt")}
    assert_same_rows(without_locations(stored(tmp_path / "urls")), without_locations(stored(tmp_path / "paths")))
