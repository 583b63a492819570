"""Small real corpora for the review tests: a dialogue reported at month precision, then at day precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.review import load_view
from newsfacts.store import ingest

MONTH = (
    "Mỹ và Nhật Bản nhất trí tăng cường hợp tác\n\n"
    "Tháng 10/2020, tại Tokyo, Mỹ và Nhật Bản đã tổ chức Đối thoại 2+2 giữa các bộ trưởng ngoại giao và quốc phòng.\n\n"
    "Hai bên thảo luận về hợp tác quốc phòng.\n"
)
DAY = (
    "Đối thoại 2+2 Mỹ - Nhật Bản tại Tokyo\n\n"
    "Ngày 27/10/2020, tại Tokyo, Mỹ và Nhật Bản đã tổ chức Đối thoại 2+2 giữa các bộ trưởng ngoại giao và quốc phòng.\n\n"
    "Nhật Bản cũng ký hợp đồng mua 12 máy bay chiến đấu F-35 của Mỹ trị giá 1,2 tỷ USD.\n"
)
DEAL = (
    "Ấn Độ mua tên lửa của Pháp\n\n"
    "Ngày 5/3/2021, Ấn Độ đã ký hợp đồng mua 36 tên lửa Meteor của Pháp trị giá 500 triệu USD.\n\n"
    "Hai bên cũng bàn về hợp tác hải quân.\n"
)
PUBLISHED = {"month.txt": "2020-11-01", "day.txt": "2020-10-28", "deal.txt": "2021-03-06", "deal2.txt": "2021-03-08"}


def write_articles(folder: Path, texts: dict[str, str]) -> Path:
    """Writes the articles and a manifest.csv with their publication dates."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    rows = [f"{name},Nguồn thử,,{PUBLISHED[name]}" for name in sorted(texts)]
    (folder / "manifest.csv").write_text("file,source,url,published\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "corpus", {"month.txt": MONTH, "deal.txt": DEAL})


@pytest.fixture
def store_dir(tmp_path: Path, corpus: Path) -> Path:
    store = tmp_path / "store"
    assert ingest([corpus], store_dir=store).ok
    return store


def view_tables(store: Path) -> dict:
    return load_view(store).tables
