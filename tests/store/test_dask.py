"""Ingest on a real Dask LocalCluster: the same store as the local ingest, incremental runs, fsspec inputs and stores."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

import fsspec
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from benchmarks.generate import write_corpus as write_news_corpus
from newsfacts.store import ingest
from newsfacts.store.dask_engine import ingest_on_dask
from newsfacts.store.layout import current_snapshot, read_meta
from newsfacts.store.remote import RemoteStoreDamaged, ingest_remote
from newsfacts.store.tables import SCHEMAS
from tests.store.conftest import SEEDS, assert_same_rows, run_cli, stored, without_locations

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A few hundred generated articles with dialogues, deals and chaff, and the two real seed articles."""
    folder = write_news_corpus(tmp_path_factory.mktemp("dask") / "corpus", 300)
    shutil.copytree(SEEDS, folder / "seeds")
    return folder


def test_dask_cli_ingest_gives_the_local_tables_row_for_row_and_the_dashboard_reads_it(corpus, tmp_path, monkeypatch):
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    assert ingest([corpus], store_dir=local, workers=2).ok
    result = run_cli("ingest", str(corpus), "--engine", "dask", "--workers", "2", "--out", str(on_dask), check_code=0)
    assert "302 read" in result.stdout and "302 new" in result.stdout

    local_tables, dask_tables = stored(local), stored(on_dask)
    assert len(dask_tables["articles"]) == 302 and len(dask_tables["dialogue_events"]) > 50
    assert len(dask_tables["deal_events"]) > 50 and dask_tables["deal_mentions"]["event_id"].notna().all()
    assert local_tables.keys() == set(SCHEMAS)
    assert_same_rows(local_tables, dask_tables)
    snapshot = current_snapshot(on_dask)
    assert sorted(p.name for p in snapshot.iterdir()) == sorted([*(f"{t}.parquet" for t in SCHEMAS), "meta.json"])
    assert read_meta(snapshot) == read_meta(current_snapshot(local)) | {"last_ingested_at": read_meta(snapshot)["last_ingested_at"]}

    from components import data

    monkeypatch.setenv("NEWSFACTS_STORE", str(on_dask))
    dashboard = data.load()
    assert len(dashboard.articles) == 302
    assert set(dashboard.dialogue_events["event_id"]) == set(local_tables["dialogue_events"]["event_id"])
    some = dashboard.articles["article_id"].iloc[0]
    assert dashboard.sentences.of_article(some)["text"].tolist() == \
        local_tables["sentences"].query("article_id == @some")["text"].tolist()


def test_a_worker_killed_during_the_ingest_costs_nothing(corpus, tmp_path):
    """kill -9 of a worker while chunks are parsed: its chunks run again elsewhere, and the store is complete."""
    killed: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        def kill_one_worker(done: int, total: int, name: str) -> None:
            if done and not killed:
                killed.append(next(iter(client.run(os.getpid).values())))
                os.kill(killed[0], signal.SIGKILL)

        report = ingest_on_dask([corpus], store_dir=tmp_path / "dask", scheduler=cluster.scheduler_address,
                                progress=kill_one_worker)
    assert killed and report.ok and report.articles == 302
    ingest([corpus], store_dir=tmp_path / "local", workers=2)
    assert_same_rows(stored(tmp_path / "local"), stored(tmp_path / "dask"))


def test_incremental_runs_and_prune_on_dask_match_the_local_ingest(corpus, tmp_path):
    """The same history of changes, ingested locally and on Dask, gives the same stores at every step."""
    stores = {"local": tmp_path / "local", "dask": tmp_path / "dask"}
    inputs = {name: Path(shutil.copytree(corpus, tmp_path / f"in-{name}")) for name in stores}
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        def run_both(prune: bool = False) -> dict:
            reports = {
                "local": ingest([inputs["local"]], store_dir=stores["local"], workers=2, prune=prune),
                "dask": ingest_on_dask([inputs["dask"]], store_dir=stores["dask"], scheduler=cluster.scheduler_address,
                                       prune=prune),
            }
            assert_same_rows(*(_keyed_by_name(stored(stores[n]), inputs[n]) for n in stores))
            return reports

        first = run_both()
        unchanged = run_both()
        assert unchanged["dask"].snapshot == first["dask"].snapshot and unchanged["dask"].files_read == 0
        for folder in inputs.values():
            changed = folder / "gen_000007.txt"
            changed.write_text(changed.read_text(encoding="utf-8") + "\nẤn Độ và Nhật Bản ký thỏa thuận mới.\n",
                               encoding="utf-8")
            (folder / "gen_000011.txt").unlink()
            write_news_corpus(folder / "more", 5, seed=11)
        second = run_both()
        assert second["dask"].files_read == 6 and second["dask"].articles == 6
        assert "gen_000011" in " ".join(stored(stores["dask"])["files"]["file"])
        pruned = run_both(prune=True)
        assert [f.file for f in pruned["dask"].files if f.status == "removed"] == [str(inputs["dask"].resolve() / "gen_000011.txt")]
        assert "gen_000011" not in " ".join(stored(stores["dask"])["files"]["file"])


def _keyed_by_name(tables: dict[str, pd.DataFrame], folder: Path) -> dict[str, pd.DataFrame]:
    """The tables with the input folder taken out of file names, so two copies of one corpus compare equal."""
    for frame in tables.values():
        for column in ("file", "path"):
            if column in frame:
                frame[column] = frame[column].str.replace(str(folder.resolve()), "IN").str.replace(str(folder), "IN")
    return tables


def test_fsspec_inputs_and_store_in_memory(corpus, tmp_path):
    """Articles read from memory:// on a LocalCluster (threads, so its workers share the in-memory filesystem),
    into a memory:// store: the same facts as the local ingest of the same files, with URLs as file names."""
    fs = fsspec.filesystem("memory")
    fs.put(str(corpus), "/news", recursive=True)
    local = tmp_path / "local"
    ingest([corpus], store_dir=local)
    with LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        run = lambda store_dir: ingest_on_dask(["memory://news"], store_dir=store_dir,  # noqa: E731
                                               scheduler=cluster.scheduler_address)
        report = ingest_remote("memory://store", run)
        assert report.ok and report.articles == 302 and report.store_dir == "memory:///store"
        assert ingest_remote("memory://store", run).snapshot == report.snapshot  # nothing changed, nothing written
        manifest = fs.cat_file("/news/manifest.csv").decode("utf-8")
        fs.pipe("/news/manifest.csv", manifest.replace(",Tin Quốc phòng 24 (mẫu),", ",Nguồn mới,").encode("utf-8"))
        changed = ingest_remote("memory://store", run)  # the same workers, which read the manifest before
        assert changed.files_read == 300 and changed.articles == 300
        sources = load_tables_at(fs, "/store")["articles"]["source"]
        assert "Nguồn mới" in set(sources) and "Tin Quốc phòng 24 (mẫu)" not in set(sources)
        fs.pipe("/news/manifest.csv", manifest.encode("utf-8"))
        report = ingest_remote("memory://store", run)

    assert fs.cat_file("/store/CURRENT").decode().strip() == report.snapshot
    assert fs.ls("/store", detail=False) == ["/store/CURRENT", f"/store/{report.snapshot}"]
    from_memory = load_tables_at(fs, "/store")
    assert from_memory["articles"]["file"].str.startswith("memory:///news/").all()
    assert from_memory["files"]["manifest_hash"].notna().all()  # each folder's manifest.csv, read through fsspec
    assert_same_rows(*(without_locations(t) for t in (stored(local), from_memory)))
    fs.rm("/news", recursive=True)
    fs.rm("/store", recursive=True)


def load_tables_at(fs, root: str) -> dict[str, pd.DataFrame]:
    """The tables of the store at `root` in `fs`, through a local copy (the dashboard reads local folders)."""
    with tempfile.TemporaryDirectory() as scratch:
        fs.get(root, str(Path(scratch) / "store"), recursive=True)
        return stored(Path(scratch) / "store")


def test_a_remote_store_without_its_pointer_is_refused_and_kept(tmp_path):
    fs = fsspec.filesystem("memory")
    fs.pipe("/damaged/snap-1234/articles.parquet", b"kept")
    with pytest.raises(RemoteStoreDamaged, match="no CURRENT pointer"):
        ingest_remote("memory://damaged", lambda store_dir: pytest.fail("must not ingest into a damaged store"))
    fs.pipe("/damaged/CURRENT", b"../elsewhere\n")
    with pytest.raises(RemoteStoreDamaged, match="not a snapshot"):
        ingest_remote("memory://damaged", lambda store_dir: pytest.fail("must not ingest into a damaged store"))
    assert fs.cat_file("/damaged/snap-1234/articles.parquet") == b"kept"
    fs.rm("/damaged", recursive=True)


def test_engine_dask_without_a_scheduler_address_and_a_missing_url_are_usage_errors():
    assert "--scheduler needs --engine dask" in run_cli("ingest", str(SEEDS), "--scheduler", "tcp://x:1", check_code=2).stderr
    assert "no such file" in run_cli("ingest", "memory://not-there", "--engine", "dask", check_code=2).stderr
