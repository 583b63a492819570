"""Every failure of the command line ends in one line naming the file and what to do, with its own exit code."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from newsfacts.cli import build_parser
from tests.robustness.support import ROOT, SEEDS, run_cli, seeded_store, store_files

SAMPLE = ROOT / "data" / "sample"
WRITE_LIMIT_BYTES = 20_000


def test_a_write_the_system_refuses_exits_5_naming_the_store_and_keeps_it(tmp_path: Path):
    store, _ = seeded_store(tmp_path)
    before = store_files(store)

    def small_files() -> None:  # like a full disk: every write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (WRITE_LIMIT_BYTES, WRITE_LIMIT_BYTES))

    result = subprocess.run(
        [sys.executable, "-m", "newsfacts", "ingest", str(SAMPLE), "--out", str(store)], cwd=ROOT, text=True,
        capture_output=True, preexec_fn=small_files, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert result.returncode == 5, result.stdout + result.stderr
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith(f"error: {store}: cannot write a new snapshot") and "File too large" in error
    assert "Traceback" not in result.stderr
    assert store_files(store) == before and not list(store.glob(".tmp-*"))


def test_output_piped_into_a_reader_that_stops_ends_quietly(tmp_path: Path):
    for args in (["extract", str(SEEDS / "000_50faedf6c48001df.txt")], ["evaluate", "--gold", str(SEEDS)]):
        process = subprocess.Popen([sys.executable, "-m", "newsfacts", *args], cwd=ROOT, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        process.stdout.close()  # like `| head` that has already stopped reading
        errors = process.stderr.read()
        process.stderr.close()
        assert process.wait(timeout=300) == 0, errors
        assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors


def test_extract_on_a_folder_says_it_is_a_folder():
    result = run_cli("extract", SEEDS)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"error: {SEEDS} is a folder; extract reads one file "
                                     "(use `ingest` for folders)")


def test_stats_on_a_missing_store_exits_3_and_says_how_to_build_one(tmp_path: Path):
    result = run_cli("stats", "--store", tmp_path / "nowhere")
    assert result.returncode == 3 and result.stdout == ""
    assert f"no store in {tmp_path / 'nowhere'}" in result.stderr and "ingest" in result.stderr


def test_the_exit_codes_are_documented_in_help():
    text = build_parser().format_help()
    for code in range(7):
        assert f"\n  {code}  " in text, code
