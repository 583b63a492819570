"""Markdown notes beside articles (annotation guides, READMEs) are not articles: folders and archives skip them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from newsfacts.read import discover, read_file
from newsfacts.records import RawArticle
from newsfacts.store import ingest, load_tables
from tests.robustness.support import ROOT
from tests.store.conftest import write_corpus

SAMPLE = ROOT / "data" / "sample"
NOTE = "# Ghi chú\n\nMỹ và Ấn Độ tổ chức Đối thoại 2+2 năm 2021 tại New Delhi.\n"


def test_a_folder_and_an_archive_skip_their_notes_but_a_named_note_is_read(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus", 2)
    (corpus / "ANNOTATION.md").write_text(NOTE, encoding="utf-8")
    (corpus / "NOTES_ind.md").write_text(NOTE, encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", (corpus / "gen_00000.txt").read_text(encoding="utf-8"))
        archive.writestr("README.md", NOTE)
    (tmp_path / "pack.zip").write_bytes(buffer.getvalue())

    assert [p.name for p in discover([corpus])] == ["gen_00000.txt", "gen_00001.txt"]
    assert [item.meta.path for item in read_file(tmp_path / "pack.zip")] == [f"{tmp_path / 'pack.zip'}!a.txt"]
    assert [type(item) for item in read_file(corpus / "NOTES_ind.md")] == [RawArticle]

    report = ingest([corpus], store_dir=tmp_path / "store")
    assert report.articles == 2 and {Path(f.file).suffix for f in report.files} == {".txt"}


def test_the_bundled_sample_loads_only_its_articles(tmp_path: Path):
    notes = sorted(p.name for p in SAMPLE.glob("*.md"))
    assert notes, "data/sample holds notes; this test guards that they stay out of the store"
    ingest([SAMPLE], store_dir=tmp_path / "store")
    files = load_tables(tmp_path / "store")["files"]["file"]
    assert sorted(Path(f).name for f in files) == sorted(p.name for p in SAMPLE.glob("*.txt"))
