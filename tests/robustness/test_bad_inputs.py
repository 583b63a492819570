"""The bad-input corpus through `python -m newsfacts ingest`, into a store that already holds the seeds.

Small cases are files in tests/fixtures/bad/ with their expected outcome in expectations.json; big,
binary and archive cases are built here. Every bad file must be named in the output with its problem,
good files (and good parts of bad files) must be stored, and the seeds' rows must not change.

An expectation is `{"outcome": "ok" | "skipped", "articles": N, "errors": [substring, ...]}`, plus
optionally `"title"` (the stored title, proving the decoding) and `"absent"` (text that must not be
stored). A file expected without errors must not be named in the output at all.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import stat
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from newsfacts.store import load_tables
from tests.robustness.support import BAD, run_cli, seed_rows, seeded_store

MB = 1024 * 1024


def article_text(a: str, b: str, tag: str) -> str:
    return (
        f"{a} và {b} tổ chức Đối thoại 2+2 về hợp tác quốc phòng ({tag})\n\n"
        f"Ngày 5/5/2021, {a} và {b} đã tổ chức Đối thoại 2+2 giữa các bộ trưởng ngoại giao và quốc phòng.\n\n"
        "Hai bên nhất trí đẩy mạnh hợp tác về an ninh hàng hải và huấn luyện chung.\n"
    )


def binary_bytes(size: int) -> bytes:
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(size))


def big_article(size: int) -> bytes:
    paragraph = "Hai bên thảo luận về hợp tác quốc phòng và an ninh khu vực trong nhiều giờ liền.\n\n"
    text = "Bài rất dài về hợp tác quốc phòng Ấn Độ - Pháp (20 MB)\n\n" + paragraph * (size // len(paragraph.encode()))
    return text.encode("utf-8")


def one_line(size: int) -> bytes:
    sentence = "Hai bên thảo luận về hợp tác quốc phòng trên một dòng rất dài. "
    return (sentence * (size // len(sentence.encode()))).encode("utf-8")


def zip_bytes(members: list[tuple[zipfile.ZipInfo | str, bytes | str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def symlink_member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def bomb() -> bytes:
    return b"Bom nen: " + b"0" * (120 * MB)


def nested_zip() -> bytes:
    deeper = zip_bytes([("deepest.txt", article_text("Mỹ", "Hàn Quốc", "zip lồng hai tầng"))])
    inner = zip_bytes([
        ("inner_article.txt", article_text("Nhật Bản", "Australia", "zip lồng một tầng")),
        ("deeper.zip", deeper),
    ])
    return zip_bytes([("inner.zip", inner)])


GENERATED: dict[str, tuple[Callable[[], bytes], dict]] = {
    "binary.txt": (lambda: binary_bytes(4096), {"outcome": "skipped", "errors": ["binary file"]}),
    "binary_named.jsonl": (lambda: binary_bytes(2048), {"outcome": "skipped", "errors": ["binary file"]}),
    "big_20mb.txt": (lambda: big_article(20 * MB), {"outcome": "ok", "articles": 1, "errors": ["text truncated"]}),
    "one_line_5mb.txt": (lambda: one_line(5 * MB), {"outcome": "ok", "articles": 1, "errors": ["text truncated"]}),
    "not_a_zip.zip": (lambda: b"PK\x03\x04 this is not really an archive", {
        "outcome": "skipped", "errors": ["not a valid zip archive"]}),
    "zip_traversal.zip": (lambda: zip_bytes([
        ("../escaped.txt", article_text("Mỹ", "Ấn Độ", "thoát khỏi thư mục")),
        ("/etc/absolute.txt", article_text("Mỹ", "Pháp", "đường dẫn tuyệt đối")),
        ("C:/windows.txt", article_text("Mỹ", "Đức", "ổ đĩa Windows")),
        ("inside/safe.txt", article_text("Canada", "Nhật Bản", "zip an toàn")),
    ]), {"outcome": "ok", "articles": 1, "errors": [
        "../escaped.txt: refused: unsafe path", "/etc/absolute.txt: refused: unsafe path",
        "C:/windows.txt: refused: unsafe path"]}),
    "zip_symlink.zip": (lambda: zip_bytes([
        (symlink_member("passwd.txt"), "/etc/passwd"),
        ("real.txt", article_text("Anh", "Australia", "zip có liên kết")),
    ]), {"outcome": "ok", "articles": 1, "errors": ["passwd.txt: refused: symbolic link"]}),
    "zip_bomb.zip": (lambda: zip_bytes([
        ("bomb.txt", bomb()),
        ("beside_bomb.txt", article_text("Ý", "Nhật Bản", "cạnh quả bom")),
    ]), {"outcome": "ok", "articles": 1, "errors": ["bomb.txt: refused: compression ratio"]}),
    "zip_bomb_total.zip": (lambda: zip_bytes([(f"part{i}.txt", bomb()) for i in range(2)]), {
        "outcome": "skipped", "errors": ["refused: uncompressed size"]}),
    "zip_nested.zip": (nested_zip, {"outcome": "ok", "articles": 1, "errors": [
        "deeper.zip: refused: archive nested more than one level deep"]}),
}


def file_expectations() -> dict[str, dict]:
    return json.loads((BAD / "expectations.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Run:
    folder: Path
    expectations: dict[str, dict]
    returncode: int
    output: str
    tables: dict[str, pd.DataFrame]
    seeds_before: dict[str, pd.DataFrame]
    seeds_after: dict[str, pd.DataFrame]
    unsupported: Path
    store: Path


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One ingest of the whole corpus (plus an unsupported file named explicitly) into a seeded store."""
    root = tmp_path_factory.mktemp("bad-corpus")
    store, seed_ids = seeded_store(root)
    before = seed_rows(store, seed_ids)
    folder = Path(shutil.copytree(BAD, root / "bad", ignore=shutil.ignore_patterns("expectations.json")))
    expectations = file_expectations()
    for name, (build, expected) in GENERATED.items():
        (folder / name).write_bytes(build())
        expectations[name] = expected
    unsupported = root / "report.pdf"
    unsupported.write_bytes(b"%PDF-1.4\n" + binary_bytes(512))
    result = run_cli("ingest", folder, unsupported, "--out", store)
    return Run(folder, expectations, result.returncode, result.stdout + result.stderr, load_tables(store),
               before, seed_rows(store, seed_ids), unsupported, store)


def problem_lines(run: Run, path: Path) -> list[str]:
    return [line for line in run.output.splitlines() if str(path.resolve()) in line]


def stored_file(run: Run, path: Path) -> pd.Series:
    files = run.tables["files"]
    rows = files[files["file"] == str(path.resolve())]
    assert len(rows) == 1, f"{path.name} has {len(rows)} rows in the files table"
    return rows.iloc[0]


def test_corpus_covers_every_bad_input_in_the_folder():
    expectations = file_expectations()
    on_disk = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*") if p.is_file()}
    articles = {name for name in on_disk if not name.endswith(("manifest.csv", "expectations.json"))}
    assert articles == set(expectations)


def test_exit_code_is_1_when_something_was_skipped(run: Run):
    assert run.returncode == 1, run.output


def test_output_lists_the_problems(run: Run):
    assert "problems (" in run.output, run.output
    assert "Traceback" not in run.output


def test_unsupported_file_named_explicitly_is_refused(run: Run):
    lines = problem_lines(run, run.unsupported)
    assert any("unsupported file type '.pdf'" in line for line in lines), run.output


def test_seed_rows_are_unchanged(run: Run):
    for name, before in run.seeds_before.items():
        pd.testing.assert_frame_equal(run.seeds_after[name], before, obj=name)
    assert not run.seeds_before["articles"].empty


def test_refused_archive_members_leave_no_trace(run: Run):
    assert not (run.folder.parent / "escaped.txt").exists()
    sentences = " ".join(run.tables["sentences"]["text"])
    for refused in ("thoát khỏi thư mục", "đường dẫn tuyệt đối", "ổ đĩa Windows", "/etc/passwd", "zip lồng hai tầng"):
        assert refused not in sentences


def test_stats_count_the_seeds_and_every_good_article(run: Run):
    result = run_cli("stats", "--store", run.store, "--json")
    assert result.returncode == 0, result.stderr
    good = sum(expected.get("articles", 0) for expected in run.expectations.values())
    assert json.loads(result.stdout)["tables"]["articles"] == len(run.seeds_before["articles"]) + good


@pytest.mark.parametrize("name", [*file_expectations(), *GENERATED])
def test_each_file_gets_its_expected_outcome(run: Run, name: str):
    expected = run.expectations[name]
    path = run.folder / name
    lines = problem_lines(run, path)
    errors = expected.get("errors", [])
    for error in errors:
        assert any(error in line for line in lines), f"{name}: no line names '{error}' in\n{run.output}"
    if not errors:
        assert lines == [], f"{name} reported problems: {lines}"
    row = stored_file(run, path)
    articles = run.tables["articles"]
    mine = articles[articles["file"] == str(path.resolve())]
    if expected["outcome"] == "skipped":
        assert row["status"] == "skipped"
        assert mine.empty
        return
    assert row["status"] == "ok", row["error"]
    assert row["n_articles"] == expected["articles"]
    assert len(mine) == expected["articles"]
    if "title" in expected:
        assert mine["title"].tolist() == [expected["title"]]
    sentences = run.tables["sentences"]
    text = " ".join(sentences[sentences["article_id"].isin(mine["article_id"])]["text"])
    assert text == unicodedata.normalize("NFC", text)
    for forbidden in expected.get("absent", []):
        assert forbidden not in text, f"{name}: '{forbidden}' reached the stored text"
