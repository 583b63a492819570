"""An analyst's review in a real browser: two sessions correct at once, the corpus is re-ingested in between
and after, and every correction is still in the tables and in the CSV."""

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from components.i18n import t
from components.review import event_label
from newsfacts.review import load_view
from newsfacts.store import ingest
from tests.browser.conftest import ROOT, SCREENSHOTS
from tests.browser.test_dashboard import open_page, row_count, settle
from tests.robustness.support import streamlit_server

NEW_DATE = "2011-02-03"
ADDED_SYSTEM = "tổ hợp phòng không SPYDER thử nghiệm"


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    """A store of its own (corrections would change the other tests' counts), built from a copy of the corpus."""
    folder = tmp_path_factory.mktemp("review")
    corpus = folder / "corpus"
    for name in ("seeds", "sample"):
        shutil.copytree(ROOT / "data" / name, corpus / name)
    store = folder / "store"
    assert ingest([corpus], store_dir=store).ok
    with streamlit_server(store, folder / "server.log") as (url, _):
        yield url, store, corpus


def reingest(store: Path, corpus: Path) -> Path:
    """Parses the whole corpus again from a new folder (every file is new to the store, the old ones are pruned);
    returns the new folder."""
    moved = corpus.with_name(f"{corpus.name}+")
    shutil.copytree(corpus, moved)
    shutil.rmtree(corpus)
    result = subprocess.run([sys.executable, "-m", "newsfacts", "ingest", str(moved), "--out", str(store), "--prune"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 unchanged," in result.stdout, result.stdout  # every article parsed again
    return moved


def start_review(tab, url: str, name: str, kind: str) -> None:
    open_page(tab, url, "ra-soat")
    box = tab.get_by_label(t("analyst", "vi"))
    box.fill(name)
    box.press("Enter")
    settle(tab)
    if kind == "deal":
        tab.locator('[data-testid="stButtonGroup"] button').filter(has_text=t("deals", "vi")).click()
        settle(tab)


def choose(tab, box: str, option: str) -> None:
    """Types `option` into the select box labelled `box` and takes the first option that holds it."""
    picker = tab.get_by_role("combobox", name=box)
    picker.click()
    picker.fill(option)
    tab.get_by_role("option").filter(has_text=option).first.wait_for()
    picker.press("Enter")
    settle(tab)


def pick(tab, label: str) -> None:
    choose(tab, t("choose_event", "vi"), label)
    tab.get_by_text("event_id: ").wait_for()


def click(tab, label: str) -> None:
    tab.locator('[data-testid="stButton"] button, [data-testid="stFormSubmitButton"] button').filter(
        has_text=label).first.click()
    settle(tab)
    tab.get_by_text(t("correction_saved", "vi", n=1)).wait_for(timeout=30_000)


def csv_of(tab, url: str, path: str) -> list[dict]:
    """The page's first table's CSV; its rows are as many as the table says it shows."""
    open_page(tab, url, path)
    with tab.expect_download() as download:
        tab.locator('[data-testid="stDownloadButton"] button').first.click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_bytes().decode("utf-8-sig"))))
    assert row_count(tab) == len(rows)
    return rows


def test_rejected_edited_and_added_events_survive_two_reingests(review_server, context):
    url, store, corpus = review_server
    view = load_view(store).tables
    deals, dialogues = view["deal_events"], view["dialogue_events"]
    unique_systems = deals["system"].value_counts()
    rejected = deals[deals["system"].map(unique_systems) == 1].iloc[0]
    assert NEW_DATE not in set(dialogues["date"])
    edited = dialogues[dialogues["date"].notna()].iloc[0]
    article = view["articles"].sort_values("article_id").iloc[0]

    first, second = context.new_page(), context.new_page()
    try:
        start_review(first, url, "Lan", "deal")
        start_review(second, url, "Minh", "dialogue")
        pick(first, event_label(rejected, "deal", "vi"))
        pick(second, event_label(edited, "dialogue", "vi"))
        click(first, t("reject", "vi"))

        corpus = reingest(store, corpus)  # between the two sessions' corrections

        date_box = second.locator('[data-testid="stForm"]').get_by_label("date", exact=True)
        date_box.fill(NEW_DATE)
        click(second, t("save", "vi"))

        first.get_by_text(t("add_missed", "vi")).click()
        choose(first, t("add_kind", "vi"), t("deals", "vi"))
        choose(first, t("choose_article", "vi"), article.title[:30])
        choose(first, t("sentence_index", "vi"), "[1] ")
        first.get_by_label(t("add_fields", "vi")).fill(
            f"buyer=VNM\nseller=ISR\nsystem={ADDED_SYSTEM}\ncategory=air-defence\nquantity=5")
        click(first, t("add", "vi"))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        first.screenshot(path=SCREENSHOTS / "ra-soat.png", full_page=True)
    finally:
        first.close()
        second.close()

    reingest(store, corpus)

    tab = context.new_page()
    try:
        deal_rows = csv_of(tab, url, "thuong-vu")
        systems = [row[t("system", "vi")] for row in deal_rows]
        assert rejected.system not in systems
        assert ADDED_SYSTEM in systems
        assert len(deal_rows) == len(deals)  # one rejected, one added
        added = next(row for row in deal_rows if row[t("system", "vi")] == ADDED_SYSTEM)
        assert added[t("corrected", "vi")] == "✚ " + t("review_added", "vi") and added[t("quantity", "vi")] == "5"

        dialogue_rows = csv_of(tab, url, "doi-thoai")
        changed = [row for row in dialogue_rows if row[t("date", "vi")] == NEW_DATE]
        assert len(changed) == 1 and changed[0][t("corrected", "vi")] == "✎ date"
    finally:
        tab.close()
    corrections = load_view(store)
    assert not corrections.orphaned and len(corrections.outcomes) == 3
    assert {o.correction.by for o in corrections.outcomes} == {"Lan", "Minh"}
