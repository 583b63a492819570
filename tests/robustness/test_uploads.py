"""Uploads on the Import page (AppTest): hostile names and archives stay inside the upload folder, limits hold.

The browser side (type and size limits enforced by the uploader itself) is in tests/browser/test_hostile.py.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.i18n import t
from newsfacts.store import load_tables
from tests.robustness.support import BAD, ROOT, seeded_store

APP = str(ROOT / "app.py")
IMPORT_PAGE = "pages/nhap-du-lieu.py"
GOOD = (BAD / "good.txt").read_bytes()


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> Path:
    folder, _ = seeded_store(tmp_path)
    monkeypatch.setenv("NEWSFACTS_STORE", str(folder))
    return folder


def import_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(IMPORT_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def run_import(at: AppTest, files: list[tuple[str, bytes, str]]) -> pd.DataFrame:
    at.file_uploader(key="import_files").set_value(files).run()
    at.button(key="import_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at.dataframe[-1].value.set_index(t("file", "vi"))


def files_under(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*") if p.is_file()}


def test_an_upload_name_with_parent_parts_is_written_inside_the_upload_folder(store: Path, tmp_path: Path):
    at = import_page()
    report = run_import(at, [("../../../escaped_upload.txt", GOOD, "text/plain")])
    assert report.loc["escaped_upload.txt", t("articles", "vi")] == 1
    written = [p for p in tmp_path.rglob("escaped_upload.txt")]
    assert len(written) == 1 and (store / "uploads") in written[0].parents
    assert len(load_tables(store)["articles"]) == 3


def test_an_archive_with_parent_paths_is_refused_safely(store: Path, tmp_path: Path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escaped_member.txt", GOOD.replace(b"(b\xc3\xa0i t\xe1\xbb\x91t)", b"(zip)"))
        archive.writestr("/tmp/absolute_member.txt", GOOD)
        archive.writestr("inside/good.txt", GOOD)
    at = import_page()
    report = run_import(at, [("traversal.zip", buffer.getvalue(), "application/zip")])
    problem = report.loc["traversal.zip", t("problem", "vi")]
    assert "../../escaped_member.txt: refused: unsafe path" in problem
    assert "/tmp/absolute_member.txt: refused: unsafe path" in problem
    assert report.loc["traversal.zip", t("articles", "vi")] == 1
    assert "escaped_member.txt" not in files_under(tmp_path)
    assert not Path("/tmp/absolute_member.txt").exists()
    titles = load_tables(store)["articles"]["title"]
    assert not titles.str.contains("(zip)", regex=False).any()


def test_a_zip_bomb_upload_is_refused(store: Path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * (64 * 1024 * 1024))
    at = import_page()
    report = run_import(at, [("bomb.zip", buffer.getvalue(), "application/zip")])
    assert "refused: compression ratio" in report.loc["bomb.zip", t("problem", "vi")]
    assert len(load_tables(store)["articles"]) == 2


def test_more_files_than_allowed_are_refused_with_a_message(store: Path):
    at = import_page()
    at.file_uploader(key="import_files").set_value([(f"{i}.txt", GOOD, "text/plain") for i in range(201)]).run()
    assert at.error and "200" in at.error[0].value and "201" in at.error[0].value
    assert at.button(key="import_run").disabled


def test_the_uploader_accepts_only_article_types(store: Path):
    at = import_page()
    uploader = at.file_uploader(key="import_files")
    allowed = {f".{kind.lstrip('.')}" for kind in uploader.proto.type}
    assert {".txt", ".html", ".jsonl", ".zip"} <= allowed <= {".txt", ".html", ".htm", ".jsonl", ".zip"}
    manifest = at.file_uploader(key="import_manifest")
    assert {f".{kind.lstrip('.')}" for kind in manifest.proto.type} == {".csv"}


KATEX_NAME = "$$\\frac{1}{2}$$ [x](y).txt"


def test_file_names_show_as_plain_text_relative_to_the_upload(store: Path):
    at = import_page()
    report = run_import(at, [(KATEX_NAME, GOOD, "text/plain")])
    assert list(report.index) == [KATEX_NAME]
    at.switch_page("app.py").run()
    shown = at.dataframe[-1].value[t("file", "vi")].tolist()
    assert KATEX_NAME in shown and "000_50faedf6c48001df.txt" in shown
    assert not [name for name in shown if name.startswith("/") or str(store) in name]


def test_a_refused_name_is_escaped_before_markdown_renders_it(store: Path):
    at = import_page()
    twice = [("$$x$$.txt", GOOD, "text/plain"), ("sub/$$x$$.txt", GOOD, "text/plain")]
    at.file_uploader(key="import_files").set_value(twice).run()
    assert any("\\$\\$x\\$\\$.txt" in error.value for error in at.error), [e.value for e in at.error]


def test_an_import_releases_its_uploads_and_shows_empty_uploaders(store: Path):
    at = import_page()
    run_import(at, [("a.txt", GOOD, "text/plain")])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    keys = [uploader.key for uploader in at.get("file_uploader")]
    assert keys == ["import_files_1", "import_manifest_1"]
    assert at.button(key="import_run").disabled
