"""Shared helpers for the store tests: real stores in tmp dirs, built by the real ingest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
