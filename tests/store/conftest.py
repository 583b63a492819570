"""Shared helpers for the store tests: real stores in tmp dirs, built by the real ingest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsfacts.store import load_tables

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "store"

COUNTRIES = [("Mỹ", "Washington"), ("Ấn Độ", "New Delhi"), ("Nhật Bản", "Tokyo"), ("Australia", "Canberra"),
             ("Pháp", "Paris"), ("Hàn Quốc", "Seoul"), ("Indonesia", "Jakarta"), ("Philippines", "Manila")]


def write_corpus(folder: Path, n: int, start: int = 0) -> Path:
    """Writes n small generated articles (and their manifest.csv) into folder; article i is always the same text."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,source,url,published"]
    for i in range(start, start + n):
        (a, city), (b, _) = COUNTRIES[i % 8], COUNTRIES[(i * 3 + 1) % 8]
        if a == b:
            b = COUNTRIES[(i + 1) % 8][0]
        day, month, year = i % 27 + 1, i % 12 + 1, 2015 + i % 9
        text = (
            f"{a} và {b} tổ chức Đối thoại 2+2 lần thứ {i}\n\n"
            f"Ngày {day}/{month}/{year}, tại {city}, {a} và {b} đã tổ chức Đối thoại 2+2 giữa các bộ trưởng "
            f"ngoại giao và quốc phòng.\n\n"
            f"Hai bên thảo luận về hợp tác quốc phòng và an ninh khu vực trong vòng đối thoại số {i}.\n\n"
            f"Phóng viên {i}\n"
        )
        name = f"gen_{i:05d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},Nguồn mẫu,,{year}-{month:02d}-{day:02d}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def run_cli(*args: str, check_code: int | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "newsfacts", *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600,
    )
    if check_code is not None:
        assert result.returncode == check_code, result.stdout + result.stderr
    return result


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of data/seeds that a test may change."""
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def stored(store: Path) -> dict[str, pd.DataFrame]:
    """Every table as written, rows in stored order, without the ingest timestamps."""
    tables = load_tables(store)
    return {name: frame.drop(columns=[c for c in ("ingested_at",) if c in frame]) for name, frame in tables.items()}


def assert_same_rows(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def without_locations(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables without the columns that name where a file was read from, sorted by article."""
    result = {}
    for name, frame in tables.items():
        frame = frame.drop(columns=[c for c in ("file", "path", "size") if c in frame])
        key = [c for c in ("article_id", "sentence_index", "mention_id", "event_id", "file_hash") if c in frame][:2]
        result[name] = frame.sort_values(key).reset_index(drop=True)
    return result
