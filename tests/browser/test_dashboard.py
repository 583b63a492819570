"""What a person sees in a real browser: every page, the map, filters, CSV, copied links, no outside requests."""

import csv
import io
import json
import time
from urllib.parse import parse_qs, urlparse

import pytest

from components import charts
from components.i18n import country_label, t, value_label
from tests.browser.conftest import SCREENSHOTS
from tests.store.conftest import run_cli

PAGES = {"": "page_overview", "doi-thoai": "page_dialogues", "ban-do": "page_map", "thuong-vu": "page_deals",
         "bai-bao": "page_articles", "nhan-vat": "page_people", "nhap-du-lieu": "page_import"}


def settle(page) -> None:
    """Waits until the script run has finished and the elements are drawn."""
    app = page.locator('[data-testid="stApp"]')
    app.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'",
        timeout=30_000,
    )
    page.wait_for_timeout(700)


def open_page(page, base_url: str, path: str = "", query: str = "") -> None:
    page.goto(f"{base_url}/{path}{'?' + query if query else ''}")
    settle(page)


def row_count(page) -> int:
    text = page.locator('[data-testid="stCaptionContainer"]', has_text=t("rows", "vi")).first.inner_text()
    return int(text.split()[0].replace(".", ""))


def choose_country(page, code: str) -> None:
    box = page.get_by_role("combobox", name=t("countries", "vi"))
    box.click()
    box.fill(f"({code})")
    page.get_by_role("option", name=f"{country_label(code, 'vi')} ({code})").click()
    page.keyboard.press("Escape")
    settle(page)


def chosen_countries(page) -> list[str]:
    countries = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    tags = countries.locator(".react-aria-ComboBox [data-tag]")
    return [tags.nth(i).get_attribute("aria-label") for i in range(tags.count())]


def chosen_countries_when_drawn(page, expected: list[str], timeout_s: float = 15) -> list[str]:
    """The sidebar's chosen countries once they equal `expected`, or whatever they are when the time is up.

    The first run of a freshly opened page can report itself finished before the sidebar tags are drawn.
    """
    deadline = time.monotonic() + timeout_s
    chosen = chosen_countries(page)
    while chosen != expected and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        chosen = chosen_countries(page)
    return chosen


def go_to(page, title: str, lang: str = "vi") -> None:
    """Follows the sidebar link to the page titled `title` and waits for that page's run to finish."""
    path = next(path for path, name in PAGES.items() if name == title)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=t(title, lang), exact=True).click()
    page.wait_for_function(f"() => location.pathname === '/{path}'", timeout=30_000)
    page.locator("h1").first.wait_for()
    settle(page)


# Vega draws the map's countries as the paths of one mark group, each labelled "name (ISO-3)" for screen readers.
COUNTRY_SHAPES = '[data-testid="stVegaLiteChart"] g.mark-shape path'


def click_on_map(page, marks: str, code: str, spot: tuple[float, float] | None = None) -> str:
    """Hovers the mark of `code` among `marks` (at `spot`, else its box's centre) until its tooltip shows, clicks
    there, waits for the filter to take it; returns the country's label as the sidebar writes it."""
    label = f"{country_label(code, 'vi')} ({code})"
    box = page.locator(f'{marks}[aria-label="{label}"]').bounding_box()
    centre = spot or (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*centre)
    page.locator("#vg-tooltip-element", has_text=country_label(code, "vi")).wait_for()
    page.mouse.click(*centre)
    page.wait_for_function(f"() => location.search.includes('country={code}')", timeout=30_000)
    settle(page)
    return label


def outline_codes() -> list[str]:
    outline = json.loads(charts.TOPOJSON.read_text(encoding="utf-8"))
    return [country.get("id") for country in outline["objects"]["countries"]["geometries"]]


def busiest_country(tables) -> str:
    return tables["dialogue_events"]["parties"].explode().value_counts().index[0]


def click_on_timeline(page, spot: tuple[float, float], hover_says: str = "") -> tuple[str, str]:
    """Hovers `spot` of the timeline until its tooltip (holding `hover_says`) shows, clicks it and waits for the
    chosen dialogue's evidence; returns the tooltip's lane and the chosen dialogue as the list writes it."""
    page.mouse.move(*spot)
    tooltip = page.locator("#vg-tooltip-element", has_text=hover_says)
    tooltip.wait_for()
    lane = tooltip.locator("tr").first.locator("td").last.inner_text()
    page.mouse.click(*spot)
    settle(page)
    chosen = page.locator('[data-testid="stSelectbox"]', has_text=t("choose_dialogue", "vi")).locator("input")
    page.get_by_text(t("open_article", "vi")).first.wait_for(timeout=30_000)
    return lane, chosen.input_value()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_opens_without_error(page, base_url, lang):
    """Walks the sidebar links through every page, saving a 1400x900 screenshot of each in each language."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    open_page(page, base_url, "", "lang=en" if lang == "en" else "")
    for path, title in PAGES.items():
        if path:
            go_to(page, title, lang)
        assert urlparse(page.url).path == f"/{path}"
        assert page.locator('[data-testid="stException"]').count() == 0, path
        assert page.locator("h1").first.inner_text().strip() == t("app_title" if not path else title, lang)
        if path in ("doi-thoai", "ban-do", "thuong-vu"):
            page.locator('[data-testid="stVegaLiteChart"] svg').first.wait_for()
        if path != "nhap-du-lieu":
            page.locator('[data-testid="stDataFrame"] canvas').first.wait_for()
        page.wait_for_timeout(800)
        page.screenshot(path=SCREENSHOTS / f"{path or 'tong-quan'}{'' if lang == 'vi' else '_en'}.png")


def test_map_draws_the_countries_from_the_served_outline(page, base_url):
    served = []
    page.on("response", lambda response: served.append((response.url, response.status)))
    open_page(page, base_url, "ban-do")
    page.wait_for_function(f"() => document.querySelectorAll('{COUNTRY_SHAPES}').length > 20", timeout=30_000)
    assert len(charts.outline_centroids()) <= page.locator(COUNTRY_SHAPES).count() <= len(outline_codes())
    assert any(url.endswith("/topojson/world_110m.json") and status == 200 for url, status in served)


def test_clicking_a_country_on_the_map_filters_every_page(page, base_url, tables):
    involved = set(tables["article_countries"]["country"]) | set(tables["deal_events"]["buyer"].dropna())
    code = next(c for c in ("BRA", "CAN", "ARG", "KAZ", "DZA", "COD") if c not in involved)
    open_page(page, base_url, "ban-do")
    page.wait_for_function(f"() => document.querySelectorAll('{COUNTRY_SHAPES}').length > 20", timeout=30_000)
    page.wait_for_timeout(1500)
    label = click_on_map(page, COUNTRY_SHAPES, code)
    assert chosen_countries_when_drawn(page, [label]) == [label]
    go_to(page, "page_dialogues")
    settle(page)
    assert row_count(page) == 0


# The point of a country's shape farthest from its box's centre that the shape itself receives (no line above it).
FAR_INSIDE = """(label) => {
  const shape = [...document.querySelectorAll('%s')].find(p => p.getAttribute('aria-label') === label);
  const box = shape.getBoundingClientRect(), cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  let best = null;
  for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
    const x = box.left + box.width * i / 40, y = box.top + box.height * j / 40;
    const d = Math.hypot(x - cx, y - cy);
    if (document.elementFromPoint(x, y) === shape && (!best || d > best[2])) best = [x, y, d, box.width, box.height];
  }
  return best;
}""" % COUNTRY_SHAPES


def test_clicking_anywhere_inside_a_country_not_its_centre_filters_it(page, base_url):
    """The whole area of a country takes the click: here the spot of Russia's shape farthest from its centre."""
    open_page(page, base_url, "ban-do")
    page.wait_for_function(f"() => document.querySelectorAll('{COUNTRY_SHAPES}').length > 20", timeout=30_000)
    page.wait_for_timeout(1500)
    label = f"{country_label('RUS', 'vi')} (RUS)"
    x, y, distance, width, height = page.evaluate(FAR_INSIDE, label)
    assert distance > min(width, height) / 3, "the spot is far from the centre, near the country's edge"
    assert click_on_map(page, COUNTRY_SHAPES, "RUS", (x, y)) == label
    assert chosen_countries_when_drawn(page, [label]) == [label]


def test_country_filter_changes_the_table_and_the_csv_matches(page, base_url, tables):
    code = busiest_country(tables)
    open_page(page, base_url, "doi-thoai")
    everything = row_count(page)
    choose_country(page, code)
    kept = row_count(page)
    assert 0 < kept < everything
    assert parse_qs(urlparse(page.url).query)["country"] == [code]
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text=t("download_csv", "vi")).first.click()
    assert download.value.suggested_filename.startswith("doi-thoai_")
    data = download.value.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == kept
    assert all(country_label(code, "vi") in row[t("pair", "vi")] for row in rows)


def test_a_copied_url_reopens_the_same_view(page, base_url, tables):
    code = busiest_country(tables)
    open_page(page, base_url, "doi-thoai")
    choose_country(page, code)
    copied, count = page.url, row_count(page)
    other = page.context.new_page()
    try:
        other.goto(copied)
        settle(other)
        assert row_count(other) == count
        label = f"{country_label(code, 'vi')} ({code})"
        assert chosen_countries_when_drawn(other, [label]) == [label]
    finally:
        other.close()


def test_filters_hold_when_moving_between_pages(page, base_url, tables):
    code = busiest_country(tables)
    open_page(page, base_url, "doi-thoai", f"country={code}")
    label = f"{country_label(code, 'vi')} ({code})"
    assert chosen_countries_when_drawn(page, [label]) == [label]
    for title in ("page_deals", "page_map", "page_articles", "page_overview", "page_dialogues"):
        go_to(page, title)
        assert chosen_countries_when_drawn(page, [label]) == [label], title
        assert parse_qs(urlparse(page.url).query).get("country") == [code], (title, page.url)
        assert page.locator('[data-testid="stException"]').count() == 0


def test_evidence_link_opens_the_article_at_its_sentence(page, base_url, tables):
    mention = tables["dialogue_mentions"].iloc[0]
    sentence = int(mention["evidence"][0])
    open_page(page, base_url, "bai-bao", f"article={mention['article_id']}&sentence={sentence}")
    marked = page.locator(f"mark#s-{sentence}.anchor")
    marked.wait_for()
    assert marked.inner_text().strip()


@pytest.mark.parametrize("path", ["thuong-vu", "doi-thoai", "nhan-vat"])
def test_the_table_toolbar_offers_no_download(page, base_url, path):
    """Streamlit's own "Download as CSV" would export the visible rows with live formulas: only ours is offered."""
    open_page(page, base_url, path)
    table = page.locator('[data-testid="stElementContainer"]', has=page.locator('[data-testid="stDataFrame"]')).first
    table.hover()
    toolbar = table.locator('[data-testid="stElementToolbar"]')
    toolbar.wait_for(state="visible")
    buttons = toolbar.locator("button[aria-label]")
    buttons.first.wait_for(state="visible")
    labels = [button.get_attribute("aria-label").casefold() for button in buttons.all()]
    assert any("search" in label for label in labels), labels
    assert not any("download" in label for label in labels), labels


@pytest.mark.parametrize("code", ["SGP", "BHR"])
def test_a_small_state_is_drawn_as_a_point_that_filters_when_clicked(page, base_url, code):
    open_page(page, base_url, "ban-do")
    points = '[data-testid="stVegaLiteChart"] g.mark-symbol path'
    page.locator(f'{points}[aria-label="{country_label(code, "vi")} ({code})"]').wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    label = click_on_map(page, points, code)
    assert chosen_countries_when_drawn(page, [label]) == [label]


def test_the_map_colouring_goes_into_the_url(page, base_url):
    open_page(page, base_url, "ban-do")
    page.get_by_role("radio", name=t("by_deals", "vi"), exact=True).click()
    page.wait_for_function("() => location.search.includes('metric=by_deals')", timeout=30_000)
    settle(page)
    copied = page.url
    other = page.context.new_page()
    try:
        other.goto(copied)
        settle(other)
        assert other.get_by_role("radio", name=t("by_deals", "vi"), exact=True).get_attribute("aria-checked") == "true"
    finally:
        other.close()


def test_clicking_a_timeline_marker_chooses_that_dialogue(page, base_url):
    open_page(page, base_url, "doi-thoai")
    markers = page.locator('[data-testid="stVegaLiteChart"] g.mark-symbol path')
    markers.first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    marker = markers.nth(markers.count() // 2)
    box = marker.bounding_box()
    lane, chosen = click_on_timeline(page, (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
    assert lane in chosen


def test_an_evidence_link_scrolls_to_its_sentence(page, base_url, tables):
    sentences = tables["sentences"]
    longest = sentences.groupby("article_id")["sentence_index"].max().idxmax()
    last = int(sentences.loc[sentences["article_id"] == longest, "sentence_index"].max())
    open_page(page, base_url, "bai-bao", f"article={longest}&sentence={last}")
    mark = page.locator(f"mark#s-{last}")
    mark.wait_for()
    page.wait_for_function(f"() => {{ const r = document.getElementById('s-{last}').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=15_000)


def test_the_dashboard_export_is_the_file_the_cli_writes(page, base_url, store_dir, tmp_path):
    open_page(page, base_url, "thuong-vu", "country=IND&from=2018-01-01&to=2024-12-31")
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text="Parquet").click()
    assert download.value.suggested_filename.startswith("deals_")
    out = tmp_path / "deals.parquet"
    run_cli("export", "--store", str(store_dir), "--table", "deals", "--format", "parquet", "--country", "IND",
            "--from", "2018-01-01", "--to", "2024-12-31", "--out", str(out), check_code=0)
    assert download.value.path().read_bytes() == out.read_bytes()


def test_the_articles_export_holds_the_articles_the_search_lists(page, base_url, store_dir, tmp_path):
    """With a search phrase in the box, the export is the listed articles, the file the CLI's --search writes."""
    open_page(page, base_url, "bai-bao", "q=hoa+binh")
    listed = row_count(page)
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text="CSV").last.click()
    assert download.value.suggested_filename.startswith("articles_")
    got = download.value.path().read_bytes()
    assert len(list(csv.DictReader(io.StringIO(got.decode("utf-8-sig"))))) == listed
    out = tmp_path / "articles.csv"
    run_cli("export", "--store", str(store_dir), "--table", "articles", "--format", "csv", "--search", "hòa bình",
            "--out", str(out), check_code=0)
    assert got == out.read_bytes()


def test_a_year_only_dialogue_is_a_bar_over_its_year_and_clicking_the_bar_chooses_it(page, base_url, tables):
    """Vega draws the bars as SVG lines; the widest is a year. A click on it away from its marker picks it."""
    dialogues = tables["dialogue_events"]
    assert (dialogues["date_precision"] == "year").any()
    open_page(page, base_url, "doi-thoai")
    bars = page.locator('[data-testid="stVegaLiteChart"] g.mark-rule line')
    bars.first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(1000)
    widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
    markers = page.locator('[data-testid="stVegaLiteChart"] g.mark-symbol path').first.bounding_box()
    box = bars.nth(widths.index(max(widths))).bounding_box()
    assert box["width"] > 3 * markers["width"], "a year is drawn as a bar, not as a day's marker"
    lane, chosen = click_on_timeline(page, (box["x"] + box["width"] * 0.15, box["y"] + box["height"] / 2),
                                     value_label("year", "vi"))
    assert lane in chosen
