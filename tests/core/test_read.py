"""Reading .txt/.md, manifests, front matter, .jsonl/.json, .html and .zip, in every encoding we accept."""

from __future__ import annotations

import io
import json
import socket
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts import read
from newsfacts.read import ReadError, discover, load_manifest, read_file, supported
from newsfacts.readers import archive
from newsfacts.readers.decode import decode_bytes
from newsfacts.records import RawArticle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "read"
ARTICLE = "Ấn Độ và Mỹ họp Đối thoại 2+2\nNgày 10/11, hai nước đã ký thỏa thuận hợp tác quốc phòng tại New Delhi."
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes as legacy Vietnamese files hold them: base letters precomposed, tone marks combining."""
    chars = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        chars.append(base + "".join(c for c in parts if c in TONE_MARKS))
    return "".join(chars).encode("cp1258")


def read_all(path: Path, **kwargs) -> list[RawArticle | ReadError]:
    return list(read_file(path, **kwargs))


def only_article(path: Path, **kwargs) -> RawArticle:
    (item,) = read_all(path, **kwargs)
    assert isinstance(item, RawArticle), item
    return item


def only_error(path: Path, **kwargs) -> str:
    (item,) = read_all(path, **kwargs)
    assert isinstance(item, ReadError), item
    return str(item)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def make_zip(members: dict[str, bytes], symlinks: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = 0o120777 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def test_read_error_names_path_and_problem():
    error = ReadError("a/b.txt", "empty file")
    assert (error.path, error.problem, str(error)) == ("a/b.txt", "empty file", "a/b.txt: empty file")


@pytest.mark.parametrize("name", ["a.txt", "a.TEXT", "a.md", "a.html", "a.htm", "a.jsonl", "a.json", "a.zip"])
def test_supported(name: str):
    assert supported(Path(name))


@pytest.mark.parametrize("name", ["a.csv", "a.pdf", "a", "a.txt.bak"])
def test_not_supported(name: str):
    assert not supported(Path(name))


def test_discover_expands_folders_sorted_and_skips_bookkeeping(tmp_path: Path):
    for name in ["b.txt", "a.jsonl", "sub/c.html", "sub/deeper/d.zip", "manifest.csv", "x.gold.json",
                 ".hidden.txt", ".git/e.txt", "notes.pdf"]:
        write(tmp_path / "corpus" / name, "x")
    extra = write(tmp_path / "single.md", "x")
    found = discover([tmp_path / "corpus", extra, extra])
    corpus = tmp_path / "corpus"
    assert found == sorted([corpus / "a.jsonl", corpus / "b.txt", corpus / "sub/c.html",
                            corpus / "sub/deeper/d.zip", extra])


def test_discover_follows_links_to_files_but_not_to_folders_and_skips_broken_links(tmp_path: Path):
    corpus = tmp_path / "corpus"
    outside = write(tmp_path / "outside" / "o.txt", "x")
    write(corpus / "a.txt", "x")
    (corpus / "linked.txt").symlink_to(outside)
    (corpus / "linked-folder").symlink_to(outside.parent, target_is_directory=True)
    (corpus / "broken.txt").symlink_to(tmp_path / "missing.txt")
    assert discover([corpus]) == [corpus / "a.txt", corpus / "linked.txt"]


def test_discover_sorts_like_paths_not_like_strings(tmp_path: Path):
    for name in ["a-b/x.txt", "a/y.txt", "a.txt"]:
        write(tmp_path / name, "x")
    assert discover([tmp_path]) == [tmp_path / "a/y.txt", tmp_path / "a-b/x.txt", tmp_path / "a.txt"]


def test_load_manifest(tmp_path: Path):
    csv_path = write(tmp_path / "manifest.csv", "\ufefffile,source,url,published\n"
                     "a.txt,TTXVN,,2023-11-10\nsub/b.txt,Báo Quốc tế,https://example.vn/b,\n")
    manifest = load_manifest(csv_path)
    assert manifest["a.txt"].source == "TTXVN"
    assert manifest["a.txt"].url is None
    assert manifest["a.txt"].published == "2023-11-10"
    assert manifest["sub/b.txt"].url == "https://example.vn/b"
    assert manifest["sub/b.txt"].published is None


def test_manifest_without_file_column(tmp_path: Path):
    csv_path = write(tmp_path / "manifest.csv", "name,source,url,published\na.txt,TTXVN,,\n")
    with pytest.raises(ReadError) as caught:
        load_manifest(csv_path)
    assert str(caught.value) == f"{csv_path}: missing column 'file'"


def test_manifest_with_bad_date_names_its_line(tmp_path: Path):
    csv_path = write(tmp_path / "manifest.csv", "file,source,url,published\n"
                     "a.txt,,,2023-11-10\nb.txt,,,\nc.txt,,,2023-13-01\n")
    with pytest.raises(ReadError) as caught:
        load_manifest(csv_path)
    assert str(caught.value) == f"{csv_path}: bad date '2023-13-01' on line 4"


def test_manifest_with_unknown_columns(tmp_path: Path):
    csv_path = write(tmp_path / "manifest.csv", "file,nguon,url,date\na.txt,TTXVN,,2022-09-06\n")
    with pytest.raises(ReadError) as caught:
        load_manifest(csv_path)
    assert str(caught.value) == f"{csv_path}: unknown columns 'nguon', 'date' (expected file, source, url, published)"


def test_manifest_with_duplicate_file(tmp_path: Path):
    csv_path = write(tmp_path / "manifest.csv", "file,published\na.txt,\na.txt,\n")
    with pytest.raises(ReadError) as caught:
        load_manifest(csv_path)
    assert str(caught.value) == f"{csv_path}: duplicate file 'a.txt' on line 3"


def test_missing_manifest_file(tmp_path: Path):
    with pytest.raises(ReadError) as caught:
        load_manifest(tmp_path / "nope.csv")
    assert str(caught.value) == f"{tmp_path / 'nope.csv'}: file not found"


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),
        ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("utf-16-be"),
        to_cp1258(ARTICLE),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom", "cp1258"],
)
def test_text_encodings(tmp_path: Path, data: bytes):
    article = only_article(write(tmp_path / "a.txt", data))
    assert unicodedata.normalize("NFC", article.text) == ARTICLE
    assert article.meta.path == str(tmp_path / "a.txt")
    assert article.meta.published is None


def test_cp1258_bytes_really_hold_combining_tone_marks():
    data = to_cp1258("Đối thoại")
    assert data.decode("cp1258") != "Đối thoại"
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Đối thoại"


def test_utf8_cut_inside_a_character_keeps_the_complete_text(tmp_path: Path):
    data = ARTICLE.encode("utf-8")[:-1] + "Đ".encode("utf-8")[:1]
    article = only_article(write(tmp_path / "a.txt", data))
    assert article.text == ARTICLE[:-1]


def test_damaged_utf8_is_not_read_as_windows_1258(tmp_path: Path):
    data = ARTICLE.encode("utf-8")
    path = write(tmp_path / "a.txt", data[:20] + b"\xff" + data[20:])
    assert only_error(path) == f"{path}: cannot decode: not UTF-8, UTF-16 or Windows-1258"


def test_latin1_french_is_not_vietnamese(tmp_path: Path):
    path = write(tmp_path / "a.txt", "Le ministre a été reçu à Paris où il a parlé de défense.".encode("cp1252"))
    assert only_error(path) == f"{path}: cannot decode: not UTF-8, UTF-16 or Windows-1258"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, bytes(range(1, 32)) * 50],
    ids=["png", "control-bytes"],
)
def test_binary_file(tmp_path: Path, data: bytes):
    path = write(tmp_path / "a.txt", data)
    assert only_error(path) == f"{path}: binary file"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Hà Nội ", "\n", "\t", "\x07", "\x1b", "\x7f", "\x0c", "ab"]), min_size=1, max_size=400))
def test_text_is_binary_exactly_when_over_5_percent_of_its_first_4096_characters_are_control(pieces):
    text = "".join(pieces)
    sample = text[:4096]
    control = sum(ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x7f" or "\x0e" <= ch <= "\x1f" for ch in sample)
    for encoding in ("utf-8", "utf-16"):
        if control > 0.05 * len(sample):
            with pytest.raises(ValueError, match="binary file"):
                decode_bytes(text.encode(encoding))
        else:
            assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf"], ids=["zero-bytes", "blank", "bom-only"])
def test_empty_file(tmp_path: Path, data: bytes):
    path = write(tmp_path / "a.txt", data)
    assert only_error(path) == f"{path}: empty file"


def test_missing_and_unsupported_files(tmp_path: Path):
    assert only_error(tmp_path / "nope.txt") == f"{tmp_path / 'nope.txt'}: file not found"
    csv_path = write(tmp_path / "a.csv", "x")
    assert only_error(csv_path) == f"{csv_path}: unsupported file type '.csv'"


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 1024 * 1024)
    path = write(tmp_path / "a.txt", b"a" * (2 * 1024 * 1024))
    assert only_error(path) == f"{path}: file too large (2.0 MB > 1.0 MB)"


def test_long_text_is_truncated_at_a_line_break_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(read, "MAX_TEXT_CHARS", 100)
    path = write(tmp_path / "a.txt", "\n".join(["Một dòng văn bản khá dài."] * 20))
    error, article = read_all(path)
    assert str(error) == f"{path}: text truncated to its first 100 characters (of 519)"
    assert isinstance(article, RawArticle)
    assert len(article.text) <= 100
    assert article.text.endswith("dài.")


def test_manifest_beside_the_text_gives_metadata(tmp_path: Path):
    write(tmp_path / "manifest.csv", "file,source,url,published\na.txt,TTXVN,https://example.vn/a,2023-11-10\n")
    meta = only_article(write(tmp_path / "a.txt", ARTICLE)).meta
    assert (meta.source, meta.url, meta.published) == ("TTXVN", "https://example.vn/a", "2023-11-10")
    assert only_article(write(tmp_path / "b.txt", ARTICLE)).meta.source is None


def test_manifest_given_is_matched_by_trailing_path(tmp_path: Path):
    csv_path = write(tmp_path / "m.csv", "file,source,url,published\nsub/a.txt,VOV,,2022-04-11\n")
    path = write(tmp_path / "data" / "sub" / "a.txt", ARTICLE)
    meta = only_article(path, manifest=load_manifest(csv_path)).meta
    assert (meta.source, meta.published) == ("VOV", "2022-04-11")


def test_broken_manifest_beside_the_text_is_reported_and_the_text_still_read(tmp_path: Path):
    csv_path = write(tmp_path / "manifest.csv", "name\na.txt\n")
    error, article = read_all(write(tmp_path / "a.txt", ARTICLE))
    assert str(error) == f"{csv_path}: missing column 'file'"
    assert isinstance(article, RawArticle)


def test_front_matter(tmp_path: Path):
    text = "---\ntitle: Ấn Độ và Mỹ họp 2+2\nsource: TTXVN\nurl: https://example.vn/x\npublished: 2023-11-10\nauthor: X\n---\n" + ARTICLE
    article = only_article(write(tmp_path / "a.txt", text))
    assert article.text == ARTICLE
    meta = article.meta
    assert (meta.title, meta.source, meta.url, meta.published) == (
        "Ấn Độ và Mỹ họp 2+2", "TTXVN", "https://example.vn/x", "2023-11-10")


def test_front_matter_with_bad_date(tmp_path: Path):
    path = write(tmp_path / "a.txt", "---\npublished: 10/11/2023\n---\n" + ARTICLE)
    error, article = read_all(path)
    assert str(error) == f"{path}: bad date '10/11/2023' in front matter"
    assert isinstance(article, RawArticle) and article.meta.published is None


def test_dashes_that_are_not_front_matter_stay_text(tmp_path: Path):
    text = "---\nMột dòng văn bản bình thường\n---\n" + ARTICLE
    assert only_article(write(tmp_path / "a.txt", text)).text == text


def test_jsonl_keeps_good_lines_around_a_malformed_one(tmp_path: Path):
    lines = [
        json.dumps({"title": "Bài một", "text": "Nội dung một.", "url": "https://e.vn/1", "published": "2023-11-10", "source": "TTXVN"}),
        '{"title": "hỏng", "text": ',
        "",
        json.dumps({"content": "Nội dung hai.", "date": "2022-04-11T08:00:00+07:00", "site": "VOV"}),
        "[1, 2]",
        json.dumps({"title": "Không có nội dung"}),
        json.dumps({"text": "Nội dung ba.", "published_at": "2023-02-30"}),
    ]
    path = write(tmp_path / "a.jsonl", "\n".join(lines))
    items = read_all(path)
    assert [str(i) for i in items if isinstance(i, ReadError)] == [
        f"{path}: line 2: not valid JSON",
        f"{path}: line 5: not a JSON object",
        f"{path}: line 6: no text, html or content field",
        f"{path}: line 7: bad date '2023-02-30'",
    ]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [(a.meta.path, a.text, a.meta.published, a.meta.source) for a in articles] == [
        (f"{path}#L1", "Nội dung một.", "2023-11-10", "TTXVN"),
        (f"{path}#L4", "Nội dung hai.", "2022-04-11", "VOV"),
        (f"{path}#L7", "Nội dung ba.", None, None),
    ]
    assert articles[0].meta.title == "Bài một" and articles[0].meta.url == "https://e.vn/1"


def test_jsonl_line_with_html_only(tmp_path: Path):
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    path = write(tmp_path / "a.jsonl", json.dumps({"html": html, "published": "2023-11-10"}))
    article = only_article(path)
    assert "New Delhi" in article.text and "alert" not in article.text
    assert article.meta.published == "2023-11-10"


def test_json_object_and_array(tmp_path: Path):
    single = only_article(write(tmp_path / "one.json", json.dumps({"title": "T", "text": "Nội dung."})))
    assert (single.meta.path, single.text) == (str(tmp_path / "one.json"), "Nội dung.")
    path = write(tmp_path / "many.json", json.dumps([{"text": "Một."}, "x", {"text": "Hai."}]))
    assert [str(i) if isinstance(i, ReadError) else i.meta.path for i in read_all(path)] == [
        f"{path}#1", f"{path}: item 2: not a JSON object", f"{path}#3"]


def test_html_text_metadata_and_captions():
    path = FIXTURES / "article.html"
    article = only_article(path, manifest={})
    meta = article.meta
    assert (meta.title, meta.published, meta.url, meta.source) == (
        "Ấn Độ và Mỹ thúc đẩy hợp tác công nghiệp quốc phòng", "2023-11-10",
        "https://example.vn/the-gioi/an-do-my-2-2.html", "Báo Mẫu")
    assert "Các bộ trưởng tại cuộc họp báo chung ở New Delhi. (Ảnh: PTI)" in article.text.splitlines()
    assert "Hai bên nhất trí cùng sản xuất xe chiến đấu bộ binh." in article.text
    for never in ("stealCookies", "iframe", "Trang chủ", "Bản quyền", "evil()"):
        assert never not in article.text
    assert article.html is not None


def test_html_is_read_without_network(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert "New Delhi" in only_article(FIXTURES / "article.html", manifest={}).text


def test_html_falls_back_to_plain_text(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *args, **kwargs: None)
    article = only_article(FIXTURES / "article.html", manifest={})
    assert "Hai bên nhất trí cùng sản xuất xe chiến đấu bộ binh." in article.text.splitlines()
    assert "stealCookies" not in article.text and "iframe" not in article.text
    assert article.meta.title == "Ấn Độ và Mỹ thúc đẩy hợp tác | Báo Mẫu"


def test_html_with_an_xml_declaration(tmp_path: Path):
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + (FIXTURES / "article.html").read_text(encoding="utf-8")
    assert "New Delhi" in only_article(write(tmp_path / "a.xhtml.html", html)).text


def test_html_without_text(tmp_path: Path):
    path = write(tmp_path / "a.html", "<html><head><script>var x = 1;</script></head><body></body></html>")
    assert only_error(path) == f"{path}: no article text"


def test_zip_reads_supported_members_in_memory(tmp_path: Path):
    data = make_zip({
        "a.txt": ARTICLE.encode("utf-8"),
        "sub/b.jsonl": json.dumps({"text": "Nội dung."}).encode(),
        "c.txt": to_cp1258(ARTICLE),
        "notes.csv": b"x",
        "__MACOSX/._a.txt": b"\x00\x05",
        "x.gold.json": b"{}",
    })
    path = write(tmp_path / "batch.zip", data)
    items = read_all(path, manifest=load_manifest(write(tmp_path / "m.csv", "file,source\nsub/b.jsonl,VOV\na.txt,TTXVN\n")))
    assert [(i.meta.path, i.meta.source) for i in items] == [
        (f"{path}!a.txt", "TTXVN"), (f"{path}!sub/b.jsonl#L1", None), (f"{path}!c.txt", None)]
    assert unicodedata.normalize("NFC", items[2].text) == ARTICLE
    assert sorted(tmp_path.iterdir()) == sorted([path, tmp_path / "m.csv"])


def test_zip_refuses_unsafe_paths_and_symlinks_but_reads_the_rest(tmp_path: Path):
    data = make_zip(
        {"../evil.txt": b"x", "/etc/passwd.txt": b"x", "ok.txt": ARTICLE.encode(), "link.txt": b"/etc/passwd"},
        symlinks=("link.txt",),
    )
    path = write(tmp_path / "a.zip", data)
    items = read_all(path)
    assert [str(i) for i in items if isinstance(i, ReadError)] == [
        f"{path}!../evil.txt: refused: unsafe path",
        f"{path}!/etc/passwd.txt: refused: unsafe path",
        f"{path}!link.txt: refused: symbolic link",
    ]
    assert [i.meta.path for i in items if isinstance(i, RawArticle)] == [f"{path}!ok.txt"]


def test_zip_bomb_member_is_refused(tmp_path: Path):
    path = write(tmp_path / "bomb.zip", make_zip({"bomb.txt": b"a" * (20 * 1024 * 1024), "ok.txt": ARTICLE.encode()}))
    items = read_all(path)
    assert str(items[0]) == f"{path}!bomb.txt: refused: compression ratio over 100 (zip bomb?)"
    assert isinstance(items[1], RawArticle)


def test_zip_over_the_total_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(archive, "MAX_ARCHIVE_BYTES", 1024 * 1024)
    path = write(tmp_path / "big.zip", make_zip({"a.txt": b"x" * 600_000, "b.txt": b"y" * 600_000}))
    assert only_error(path) == f"{path}: refused: uncompressed size 1.1 MB > 1.0 MB"


def test_zip_nested_one_level_is_read_deeper_is_refused(tmp_path: Path):
    deep = make_zip({"d.txt": ARTICLE.encode()})
    inner = make_zip({"i.txt": ARTICLE.encode(), "deep.zip": deep})
    path = write(tmp_path / "outer.zip", make_zip({"inner.zip": inner}))
    items = read_all(path)
    assert isinstance(items[0], RawArticle) and items[0].meta.path == f"{path}!inner.zip!i.txt"
    assert str(items[1]) == f"{path}!inner.zip!deep.zip: refused: archive nested more than one level deep"
    assert len(items) == 2


def test_not_a_zip(tmp_path: Path):
    path = write(tmp_path / "a.zip", b"PK\x03\x04 but not really a zip archive")
    assert only_error(path) == f"{path}: not a valid zip archive"


def test_read_file_accepts_bytes_without_touching_disk():
    article = only_article(Path("virtual/a.txt"), data=ARTICLE.encode("utf-16"))
    assert article.text == ARTICLE and article.meta.path == "virtual/a.txt"
