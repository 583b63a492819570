"""A store whose pointer, metadata or a table file cannot be trusted is refused everywhere, and nothing is deleted.

Each case damages a real store the way a crash, a stray edit or a bad disk would; then every reader and writer
(stats, ingest, load, the dashboard's first-start build) must refuse it with one line naming the problem, leave
every file as it was, and `repair` must bring it back when a complete snapshot is still there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsfacts.store import StoreDamaged, ensure_store, ingest, load_tables, table_sizes
from newsfacts.store.layout import current_snapshot, snapshots
from tests.robustness.support import SEEDS, run_cli, store_files
from tests.store.conftest import write_corpus

N_ARTICLES = 6


def _live(store: Path) -> Path:
    return next(store.glob("snap-*"))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


DAMAGE: dict[str, Callable[[Path, Path], None]] = {
    "meta.json deleted": lambda store, _: (_live(store) / "meta.json").unlink(),
    "meta.json garbled": lambda store, _: (_live(store) / "meta.json").write_text("{not json", encoding="utf-8"),
    "CURRENT missing": lambda store, _: (store / "CURRENT").unlink(),
    "CURRENT empty": lambda store, _: (store / "CURRENT").write_bytes(b""),
    "CURRENT garbage": lambda store, _: (store / "CURRENT").write_bytes(b"\xff\xfe\x00snap-\x81\n"),
    "CURRENT absolute path": lambda store, other: (store / "CURRENT").write_text(f"{_live(other)}\n", encoding="utf-8"),
    "CURRENT names a missing snapshot": lambda store, _: (store / "CURRENT").write_text("snap-gone\n", encoding="utf-8"),
    "truncated Parquet": lambda store, _: _truncate(_live(store) / "articles.parquet"),
}
POINTER_CASES = {name for name in DAMAGE if name.startswith("CURRENT")}


@pytest.fixture
def stores(tmp_path: Path) -> tuple[Path, Path]:
    """A store of N_ARTICLES generated articles, and a second store (the target of an absolute CURRENT)."""
    store, other = tmp_path / "store", tmp_path / "other"
    assert ingest([write_corpus(tmp_path / "corpus", N_ARTICLES)], store_dir=store).ok
    assert ingest([SEEDS], store_dir=other).ok
    return store, other


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_store_is_refused_everywhere_and_nothing_is_deleted(stores, damage: str, tmp_path: Path):
    store, other = stores
    DAMAGE[damage](store, other)
    before, other_before = store_files(store), store_files(other)

    stats = run_cli("stats", "--store", store)
    assert stats.returncode == 4, stats.stdout + stats.stderr
    assert "Traceback" not in stats.stderr and len(stats.stderr.strip().splitlines()) == 1
    assert str(store) in stats.stderr and "repair" in stats.stderr

    more = run_cli("ingest", SEEDS, "--out", store)
    assert more.returncode == 4, more.stdout + more.stderr
    assert "Traceback" not in more.stderr and str(store) in more.stderr

    checked = run_cli("check", "--store", store)
    assert checked.returncode == 4, checked.stdout + checked.stderr

    with pytest.raises(StoreDamaged):
        load_tables(store)
    with pytest.raises(StoreDamaged):
        table_sizes(store)
    newer = write_corpus(tmp_path / "newer", 1, start=100)  # newer than the store: the first-start build would run
    with pytest.raises(StoreDamaged):
        ensure_store(store, [newer])
    assert store_files(store) == before
    assert store_files(other) == other_before


@pytest.mark.parametrize("damage", sorted(POINTER_CASES))
def test_repair_points_current_at_the_complete_snapshot_and_every_article_is_back(stores, damage: str):
    store, other = stores
    DAMAGE[damage](store, other)
    files_before = {k: v for k, v in store_files(store).items() if k != "CURRENT"}

    repaired = run_cli("repair", "--store", store)
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert run_cli("check", "--store", store).returncode == 0
    assert current_snapshot(store) == _live(store)
    assert len(load_tables(store)["articles"]) == N_ARTICLES
    assert {k: v for k, v in store_files(store).items() if k != "CURRENT"} == files_before


@pytest.mark.parametrize("damage", ["meta.json deleted", "truncated Parquet"])
def test_repair_without_a_complete_snapshot_changes_nothing(stores, damage: str):
    store, other = stores
    DAMAGE[damage](store, other)
    before = store_files(store)
    repaired = run_cli("repair", "--store", store)
    assert repaired.returncode == 4, repaired.stdout + repaired.stderr
    assert "none of its 1 snapshots is complete" in repaired.stderr
    assert store_files(store) == before and len(snapshots(store)) == 1


def test_check_passes_a_sound_store_and_names_a_missing_one(stores, tmp_path: Path):
    store, _ = stores
    ok = run_cli("check", "--store", store)
    assert ok.returncode == 0 and "ok" in ok.stdout
    missing = run_cli("check", "--store", tmp_path / "nowhere")
    assert missing.returncode == 3 and "no store" in missing.stderr
