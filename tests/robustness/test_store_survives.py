"""Nothing stored before is lost: a file that turns bad, a broken manifest, an ingest of nothing usable."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsfacts.store import load_tables
from tests.robustness.support import BAD, run_cli, seed_rows


def assert_seeds_unchanged(store: Path, seed_ids: set[str], before: dict[str, pd.DataFrame]) -> None:
    after = seed_rows(store, seed_ids)
    for name, rows in before.items():
        pd.testing.assert_frame_equal(after[name], rows, obj=name)


def test_a_seed_file_that_turns_binary_keeps_its_rows(seeded, tmp_path: Path):
    store, seed_ids = seeded
    before = seed_rows(store, seed_ids)
    broken = tmp_path / "seeds" / "000_50faedf6c48001df.txt"
    broken.write_bytes(b"\x00\x01\x02\x03" * 1000)
    result = run_cli("ingest", tmp_path / "seeds", "--out", store)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{broken.resolve()}: binary file" in result.stdout
    assert_seeds_unchanged(store, seed_ids, before)


def test_a_seed_file_that_turns_empty_keeps_its_rows(seeded, tmp_path: Path):
    store, seed_ids = seeded
    before = seed_rows(store, seed_ids)
    emptied = tmp_path / "seeds" / "003_0e8c23ca04e289ec.txt"
    emptied.write_bytes(b"")
    result = run_cli("ingest", tmp_path / "seeds", "--out", store)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{emptied.resolve()}: empty file" in result.stdout
    assert_seeds_unchanged(store, seed_ids, before)


def test_a_broken_manifest_option_stops_before_touching_the_store(seeded, tmp_path: Path):
    store, seed_ids = seeded
    before = seed_rows(store, seed_ids)
    pointer = (store / "CURRENT").read_bytes()
    manifest = BAD / "manifest_no_file_column" / "manifest.csv"
    result = run_cli("ingest", BAD / "good.txt", "--manifest", manifest, "--out", store)
    assert result.returncode == 2
    assert str(manifest) in result.stderr and "missing column 'file'" in result.stderr
    assert_seeds_unchanged(store, seed_ids, before)
    assert len(load_tables(store)["articles"]) == 2
    assert (store / "CURRENT").read_bytes() == pointer


def test_an_ingest_of_only_bad_files_keeps_the_store(seeded, tmp_path: Path):
    store, seed_ids = seeded
    before = seed_rows(store, seed_ids)
    result = run_cli("ingest", BAD / "empty.txt", BAD / "all_bad.jsonl", "--out", store)
    assert result.returncode == 1, result.stdout + result.stderr
    for named in ("empty.txt: empty file", "all_bad.jsonl: line 1: not valid JSON"):
        assert named in result.stdout
    assert_seeds_unchanged(store, seed_ids, before)
    assert len(load_tables(store)["articles"]) == 2


def test_a_missing_path_is_a_usage_error_that_keeps_the_store(seeded, tmp_path: Path):
    store, seed_ids = seeded
    before = seed_rows(store, seed_ids)
    missing = tmp_path / "missing.txt"
    result = run_cli("ingest", BAD / "good.txt", missing, "--out", store)
    assert result.returncode == 2
    assert f"no such file or directory: {missing}" in result.stderr
    assert_seeds_unchanged(store, seed_ids, before)
    assert len(load_tables(store)["articles"]) == 2
