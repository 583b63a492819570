"""Hostile article text in a real browser: every page shows the payloads as text and no script runs.

The server runs on a store ingested from the seeds and tests/fixtures/bad/hostile/ (an article whose
title and body carry HTML, Markdown, script and formula payloads, and which yields a dialogue and a
deal). The stored dialogue event is then given payloads in its place and participants, which the
parser itself never extracts, so the timeline hover is tried with them too.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import openpyxl
import pytest

from components.i18n import t
from newsfacts.store import load_tables
from newsfacts.store.layout import current_snapshot
from tests.browser.conftest import HOST
from tests.robustness.support import BAD, hostile_store, streamlit_server

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
MARKDOWN_LINK = "[click](javascript:alert(1))"
HOVER_PLACE = '<img src=x onerror="window.__pwned=1">Manila'
HOVER_NAME = '<a href="javascript:window.__pwned=1">Yoko</a> Kamikawa<script>window.__pwned=1</script>'
PAGES = ("", "doi-thoai", "ban-do", "thuong-vu", "bai-bao", "nhap-du-lieu")
PWNED = "() => typeof window.__pwned"
TRAP = """
window.__dialogs = [];
window.alert = window.confirm = window.prompt = (message) => { window.__dialogs.push(String(message)); };
"""


def poison_dialogue_event(store: Path, pair: str) -> None:
    """Puts script payloads into the place and participants of the `pair` dialogue event of the live snapshot."""
    path = current_snapshot(store) / "dialogue_events.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    hit = [row for row in rows if row["pair"] == pair]
    assert hit, f"no {pair} dialogue in the hostile store"
    for row in hit:
        row["location_city"] = HOVER_PLACE
        row["participants"] = json.dumps([{"name": HOVER_NAME, "role": "Ngoại trưởng", "country": "JPN"}])
    pq.write_table(type(table).from_pylist(rows, schema=table.schema), path)


@dataclass(frozen=True)
class Hostile:
    url: str
    tables: dict[str, pd.DataFrame]
    store: Path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-server")
    store = hostile_store(folder)
    poison_dialogue_event(store, "JPN-PHL")
    with streamlit_server(store, folder / "server.log") as (url, _):
        yield Hostile(url, load_tables(store), store)


@pytest.fixture
def tab(browser, hostile):
    url = hostile.url
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.add_init_script(TRAP)
    page = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    outside = [r for r in requests if not r.startswith((f"{url}/", f"http://{HOST}:", "data:", "blob:", "about:"))]
    assert not outside, f"requests left {HOST}: {outside[:5]}"
    assert not [r for r in requests if r.startswith(f"http://{HOST}:9/")], "a payload link was fetched"
    assert dialogs == []


def settle(page) -> None:
    page.locator('[data-testid="stApp"]').wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'",
        timeout=30_000,
    )
    page.wait_for_timeout(700)


def open_page(page, url: str) -> None:
    page.goto(url)
    settle(page)


def assert_no_script_ran(page) -> None:
    for frame in page.frames:
        assert frame.evaluate(PWNED) == "undefined", frame.url
        assert frame.evaluate("() => (window.__dialogs || []).length") == 0, frame.url
        assert frame.locator('a[href^="javascript:"]').count() == 0, frame.url
        assert frame.locator("img[onerror]").count() == 0, frame.url
    assert page.locator('[data-testid="stException"]').count() == 0


def hostile_article(tables) -> str:
    articles = tables["articles"]
    return articles.loc[articles["title"].str.contains("<script>", regex=False), "article_id"].item()


@pytest.mark.parametrize("path", PAGES)
def test_no_page_runs_a_script(tab, hostile, path):
    url = hostile.url
    open_page(tab, f"{url}/{path}")
    if path in ("doi-thoai", "thuong-vu"):
        tab.locator('[data-testid="stDataFrame"]').first.wait_for()
    assert_no_script_ran(tab)


def test_article_page_shows_the_payloads_as_text(tab, hostile):
    url, tables = hostile.url, hostile.tables
    article_id = hostile_article(tables)
    open_page(tab, f"{url}/bai-bao?article={article_id}&sentence=3")
    tab.locator("mark#s-3.anchor").first.wait_for()
    text = tab.locator('[data-testid="stMain"]').inner_text()
    for payload in (SCRIPT, IMG, MARKDOWN_LINK, "**bold**", "# heading", '=HYPERLINK("http://127.0.0.1:9/x","bấm")',
                    '=cmd|"/C calc"!A0', "javascript:alert(1)"):
        assert payload in text, payload
    tab.locator('[data-testid="stDataFrame"]').first.wait_for()
    assert tab.locator('[data-testid="stMain"] strong', has_text="bold").count() == 0
    assert_no_script_ran(tab)


def test_dialogue_evidence_shows_the_payloads_as_text(tab, hostile):
    url = hostile.url
    open_page(tab, f"{url}/doi-thoai")
    picker = tab.get_by_role("combobox", name=t("choose_dialogue", "vi"))
    picker.click()
    picker.fill("Philippines")
    tab.get_by_role("option").filter(has_text="Nhật Bản").filter(has_text="Philippines").first.click()
    tab.locator('[data-testid="stText"]', has_text="window.__pwned").first.wait_for(timeout=30_000)
    settle(tab)
    text = tab.locator('[data-testid="stMain"]').inner_text()
    assert SCRIPT in text and IMG in text and MARKDOWN_LINK in text
    assert_no_script_ran(tab)


def test_timeline_hover_shows_payloads_without_running_them(tab, hostile):
    url = hostile.url
    open_page(tab, f"{url}/doi-thoai")
    points = tab.locator('[data-testid="stVegaLiteChart"] g.mark-symbol path')
    points.first.wait_for()
    hovers = []
    for index in range(points.count()):
        points.nth(index).hover(force=True)
        tab.wait_for_timeout(150)
        hovers.append(tab.locator("#vg-tooltip-element").first.text_content() or "")
        assert tab.locator("#vg-tooltip-element img, #vg-tooltip-element script, #vg-tooltip-element a").count() == 0
    assert any("Kamikawa" in hover and "<a href=" in hover for hover in hovers), hovers  # shown as text
    assert_no_script_ran(tab)


def test_uploader_refuses_other_types_and_oversized_files(tab, hostile, tmp_path):
    url = hostile.url
    executable = tmp_path / "tai-lieu.txt.exe"
    executable.write_bytes(b"MZ" + bytes(200))
    oversized = tmp_path / "qua-lon.txt"
    oversized.write_bytes(b"a" * (51 * 1024 * 1024))
    good = tmp_path / "<img src=x onerror=window.__pwned=1>hop-le.txt"
    good.write_bytes((BAD / "good.txt").read_bytes().replace("bài tốt".encode(), "tải lên".encode()))
    open_page(tab, f"{url}/nhap-du-lieu")
    uploader = tab.locator('[data-testid="stFileUploader"]').first
    uploader.locator("input[type=file]").set_input_files([executable, oversized, good])
    chips = uploader.locator('[data-testid="stFileChip"]')
    chips.nth(2).wait_for()
    refused = {chip.get_attribute("aria-label").split(",")[0]: chip.inner_text() for chip in chips.all()}
    assert "files are not allowed" in refused[executable.name]
    assert "50.0MB or smaller" in refused[oversized.name]
    assert "Error" not in refused[good.name]
    tab.locator('[data-testid="stButton"] button').filter(has_text=t("run_import", "vi")).click()
    tab.get_by_text(t("import_done", "vi")).wait_for(timeout=60_000)
    settle(tab)
    tab.locator('[data-testid="stDataFrame"]').last.wait_for()
    assert_no_script_ran(tab)
    open_page(tab, hostile.url)
    tab.locator('[data-testid="stDataFrame"]').last.wait_for()
    store = hostile.store
    uploaded = {p.name for p in (store / "uploads").rglob("*") if p.is_file()}
    assert uploaded == {good.name}
    assert_no_script_ran(tab)


def test_downloaded_csv_neutralises_formulas_and_keeps_vietnamese(tab, hostile):
    open_page(tab, f"{hostile.url}/bai-bao")
    with tab.expect_download() as download:
        tab.locator('[data-testid="stDownloadButton"] button', has_text=t("download_csv", "vi")).last.click()
    assert download.value.suggested_filename.startswith("bai-bao_")
    data = download.value.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    titles = [row[t("title", "vi")] for row in rows]
    sources = [row[t("source", "vi")] for row in rows]
    assert len(rows) == len(load_tables(hostile.store)["articles"])
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in titles + sources)
    for formula in ('=HYPERLINK("http://127.0.0.1:9/x","bấm vào đây")', "+84 912 345 678 Đối thoại",
                    "-1+2 Đối thoại quốc phòng", "@SUM(A1:A9) Đối thoại"):
        assert "'" + formula in titles, formula
    assert "'=cmd|\"/C calc\"!A0" in sources
    assert "Đối thoại 2+2 Ấn Độ - Mỹ thúc đẩy hợp tác công nghiệp quốc phòng" in titles
    assert any(SCRIPT in title for title in titles)


def test_the_exports_a_browser_downloads_neutralise_formulas(tab, hostile):
    open_page(tab, f"{hostile.url}/bai-bao")
    files = {}
    for fmt, label in (("csv", "CSV"), ("xlsx", "Excel")):
        with tab.expect_download() as download:
            tab.locator('[data-testid="stDownloadButton"] button', has_text=label).filter(
                has_not_text=t("download_csv", "vi")).first.click()
        assert download.value.suggested_filename.startswith("articles_") and download.value.suggested_filename.endswith(fmt)
        files[fmt] = download.value.path().read_bytes()
    rows = list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig"), newline="")))
    assert len(rows) == len(load_tables(hostile.store)["articles"])
    assert "'=cmd|\"/C calc\"!A0" in [row["outlet"] for row in rows]
    assert all(not row["title"].startswith(("=", "+", "-", "@")) for row in rows)
    sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))["articles"]
    header = [cell.value for cell in sheet[1]]
    risky = [cell for row in sheet.iter_rows(min_row=2) for cell in row
             if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))]
    assert risky and all(cell.data_type == "s" for cell in risky)
    urls = [row[header.index("url")].value for row in sheet.iter_rows(min_row=2)]
    assert all(url is None or url.startswith(("http://", "https://")) for url in urls)


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_upload_requests_without_the_xsrf_token_are_refused(hostile, method):
    url = hostile.url
    request = urllib.request.Request(f"{url}/_stcore/upload_file/session/file", method=method,
                                     data=b"x" if method == "PUT" else None, headers={"Origin": "http://evil.invalid"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert b"XSRF" in refused.value.read()
