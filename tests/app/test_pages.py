"""Every page and every sidebar filter, driven by AppTest against the store the real ingest built.

The sample corpus is still growing, so the tests assert relations (a filtered table holds only
matching rows, fewer than before; the CSV holds exactly the table's rows), not fixed counts.
"""

import csv
import html
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from components.charts import centroids
from tests.app.vega import charts, datasets
from newsfacts.export.formats import to_csv_bytes
from components.i18n import country_label, t, value_label

PAGES = ["app.py", "pages/doi-thoai.py", "pages/ban-do.py", "pages/thuong-vu.py", "pages/bai-bao.py",
         "pages/nhan-vat.py", "pages/nhap-du-lieu.py", "pages/ra-soat.py"]
TITLES = ["app_title", "page_dialogues", "page_map", "page_deals", "page_articles", "page_people", "page_import",
          "page_review"]


def table(at, index: int = 0) -> pd.DataFrame:
    return at.dataframe[index].value


def csv_rows(frame: pd.DataFrame) -> list[list[str]]:
    return list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))


def busiest_country(tables) -> str:
    parties = tables["dialogue_events"]["parties"].explode()
    return parties.value_counts().index[0]


@pytest.mark.parametrize(("page", "title"), list(zip(PAGES, TITLES)))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_runs_in_both_languages(app, page, title, lang):
    at = app(page, lang=lang) if lang == "en" else app(page)
    assert at.title[0].value == t(title, lang)
    assert at.multiselect(key="f_countries").label == t("countries", lang)


@pytest.mark.parametrize("page", PAGES)
def test_pages_cope_with_a_filter_that_matches_nothing(app, tables, page):
    involved = set(tables["article_countries"]["country"]) | set(tables["dialogue_events"]["parties"].explode())
    absent = sorted(set(centroids()) - involved)[0]
    at = app(page, country=absent)
    assert not at.dataframe or len(at.dataframe[0].value) == 0


def test_country_filter_narrows_dialogues_and_goes_into_the_url(app, tables):
    at = app("pages/doi-thoai.py")
    everything = table(at)
    code = busiest_country(tables)
    at.multiselect(key="f_countries").set_value([code]).run()
    kept = table(at)
    assert 0 < len(kept) < len(everything)
    assert kept[t("pair", "vi")].str.contains(country_label(code, "vi"), regex=False).all()
    assert at.query_params["country"] == code


def test_csv_holds_exactly_the_filtered_rows(app, tables):
    at = app("pages/thuong-vu.py")
    code = tables["deal_events"]["buyer"].value_counts().index[0]
    at.multiselect(key="f_countries").set_value([code]).run()
    shown = table(at)
    rows = csv_rows(shown)
    assert rows[0] == list(shown.columns)
    assert len(rows) - 1 == len(shown)
    name = country_label(code, "vi")
    buyer, seller = rows[0].index(t("buyer", "vi")), rows[0].index(t("seller", "vi"))
    assert all(name in (row[buyer], row[seller]) for row in rows[1:])


def test_date_range_keeps_only_dialogues_inside_it(app, tables):
    at = app("pages/doi-thoai.py")
    everything = table(at)
    days = pd.to_datetime(tables["dialogue_events"]["date_start"]).dropna().sort_values()
    start, end = days.iloc[len(days) // 4].date(), days.iloc[3 * len(days) // 4].date()
    at.date_input(key="f_dates").set_value((start, end)).run()
    kept = table(at)
    assert 0 < len(kept) < len(everything)
    first_days = pd.to_datetime(kept[t("date", "vi")].str.slice(0, 7), format="mixed")
    assert (first_days >= pd.Timestamp(start).replace(day=1)).all()
    assert (first_days <= pd.Timestamp(end)).all()
    assert at.query_params["from"] == start.isoformat() and at.query_params["to"] == end.isoformat()


def test_source_filter_on_articles(app, tables):
    at = app("pages/bai-bao.py")
    everything = table(at)
    source = tables["articles"]["source"].value_counts().index[-1]
    at.multiselect(key="f_sources").set_value([source]).run()
    kept = table(at)
    assert 0 < len(kept) < len(everything)
    assert (kept[t("source", "vi")] == source).all()


@pytest.mark.parametrize(("key", "column", "values", "page", "label"), [
    ("f_mechanisms", "mechanism", "dialogue_events", "pages/doi-thoai.py", "mechanism"),
    ("f_dialogue_statuses", "status", "dialogue_events", "pages/doi-thoai.py", "status"),
    ("f_categories", "category", "deal_events", "pages/thuong-vu.py", "category"),
    ("f_deal_statuses", "status", "deal_events", "pages/thuong-vu.py", "status"),
])
def test_code_filters_keep_only_matching_rows(app, tables, key, column, values, page, label):
    at = app(page)
    everything = table(at)
    wanted = tables[values][column].value_counts().index[0]
    at.multiselect(key=key).set_value([wanted]).run()
    kept = table(at)
    assert 0 < len(kept) <= len(everything)
    assert (kept[t(label, "vi")] == value_label(wanted, "vi")).all()
    other = tables[values][column].value_counts().index[-1]
    if other != wanted:
        at.multiselect(key=key).set_value([other]).run()
        assert len(table(at)) != len(kept) or (table(at)[t(label, "vi")] == value_label(other, "vi")).all()


def test_overview_counts_follow_the_filters(app, tables):
    at = app()
    before = {m.label: m.value for m in at.metric}
    at.multiselect(key="f_countries").set_value([busiest_country(tables)]).run()
    after = {m.label: m.value for m in at.metric}
    def count(metrics, label):
        return int(metrics[t(label, "vi")].replace(".", ""))

    assert count(after, "articles") < count(before, "articles")
    assert count(after, "dialogues") <= count(before, "dialogues")


def test_a_copied_url_reopens_the_same_view(app, tables):
    code = busiest_country(tables)
    at = app("pages/doi-thoai.py")
    at.multiselect(key="f_countries").set_value([code]).run()
    at.multiselect(key="f_dialogue_statuses").set_value(["held"]).run()
    url = dict(at.query_params)
    reopened = app("pages/doi-thoai.py", **url)
    assert reopened.multiselect(key="f_countries").value == [code]
    assert reopened.multiselect(key="f_dialogue_statuses").value == ["held"]
    pd.testing.assert_frame_equal(table(reopened), table(at))


def test_filters_hold_when_moving_between_pages(app, tables):
    code = busiest_country(tables)
    at = app("pages/doi-thoai.py")
    at.multiselect(key="f_countries").set_value([code]).run()
    for page in ["pages/thuong-vu.py", "pages/ban-do.py", "pages/bai-bao.py", "app.py", "pages/nhap-du-lieu.py",
                 "pages/doi-thoai.py"]:
        at.switch_page(page).run()
        assert at.multiselect(key="f_countries").value == [code], page
        assert at.query_params["country"] == code, page
    assert table(at)[t("pair", "vi")].str.contains(country_label(code, "vi"), regex=False).all()


def test_language_switch_translates_labels_and_country_names(app, tables):
    at = app("pages/thuong-vu.py")
    at.segmented_control(key="f_lang").set_value("en").run()
    assert at.title[0].value == t("page_deals", "en")
    assert t("buyer", "en") in table(at).columns
    assert at.query_params["lang"] == "en"


def test_map_list_sets_the_shared_country_filter(app, tables):
    at = app("pages/ban-do.py")
    code = busiest_country(tables)
    at.selectbox(key="map_country").set_value(code).run()
    assert at.multiselect(key="f_countries").value == [code]
    at.switch_page("pages/doi-thoai.py").run()
    assert table(at)[t("pair", "vi")].str.contains(country_label(code, "vi"), regex=False).all()


def test_map_metric_changes_the_country_table(app):
    at = app("pages/ban-do.py")
    by_dialogues = table(at)
    at.segmented_control(key="map_metric").set_value("by_mentions").run()
    by_mentions = table(at)
    assert t("by_mentions", "vi") in by_mentions.columns
    assert by_mentions[t("by_mentions", "vi")].sum() > by_dialogues[t("by_dialogues", "vi")].sum()


def test_evidence_link_opens_the_article_with_its_sentence_marked(app, tables):
    mention = tables["dialogue_mentions"].iloc[0]
    sentence = int(mention["evidence"][0])
    at = app("pages/bai-bao.py", article=mention["article_id"], sentence=str(sentence))
    shown = "\n".join(element.value for element in at.html)
    assert f'<mark id="s-{sentence}" class="anchor"' in shown
    assert at.query_params["article"] == mention["article_id"]
    links = app("pages/doi-thoai.py")
    assert table(links)[t("link", "vi")].str.startswith("bai-bao?article=").all()


def test_an_article_names_its_file_without_the_servers_folders(app, tables):
    article = tables["articles"].iloc[0]
    at = app("pages/bai-bao.py", article=article["article_id"])
    heading = next(text.value for text in at.text if " · " in text.value)
    assert heading.endswith(" · " + article["file"].rsplit("/", 1)[-1])
    assert "/" not in heading.rsplit(" · ", 1)[-1]


def test_article_text_is_escaped_not_rendered(app, tables):
    sentences = tables["sentences"]
    row = sentences.iloc[0]
    at = app("pages/bai-bao.py", article=row["article_id"])
    shown = at.html[-1].value
    assert "<script" not in shown
    assert html.escape(row["text"]) in shown


def test_search_finds_articles_by_their_text(app, tables):
    at = app("pages/bai-bao.py")
    everything = table(at)
    at.text_input(key="article_search").input("2+2").run()
    kept = table(at)
    assert 0 < len(kept) < len(everything)


def test_deal_conflicts_are_flagged(app, tables):
    at = app("pages/thuong-vu.py")
    flagged = tables["deal_events"]["conflicts"].fillna("[]").str.strip().ne("[]").sum()
    assert table(at)[t("conflict_flag", "vi")].sum() == flagged


def test_import_reads_uploaded_files_and_shows_them_at_once(app, private_store):
    seed = next((Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8") + "\nBản sao để kiểm thử nhập dữ liệu.\n"
    at = app("pages/nhap-du-lieu.py")
    before = len(app("pages/bai-bao.py").dataframe[-1].value)
    at.file_uploader(key="import_files").set_value([("moi.txt", text.encode("utf-8"), "text/plain"),
                                                     ("hong.jsonl", b"{not json\n", "application/json")]).run()
    at.button(key="import_run").click().run()
    assert not at.exception
    report = table(at)
    assert set(report[t("file", "vi")]) == {"moi.txt", "hong.jsonl"}
    read = report.set_index(t("file", "vi"))
    assert read.loc["moi.txt", t("articles", "vi")] == 1
    assert read.loc["hong.jsonl", t("problem", "vi")]
    at.switch_page("pages/bai-bao.py").run()
    assert len(table(at, -1)) == before + 1


def test_import_refuses_files_with_the_same_name(app):
    at = app("pages/nhap-du-lieu.py")
    at.file_uploader(key="import_files").set_value([("a.txt", b"x", "text/plain"), ("a.txt", b"y", "text/plain")]).run()
    assert at.error and "a.txt" in at.error[0].value
    assert at.button(key="import_run").disabled


def test_import_refuses_more_than_two_hundred_files(app):
    at = app("pages/nhap-du-lieu.py")
    at.file_uploader(key="import_files").set_value([(f"{i}.txt", b"x", "text/plain") for i in range(201)]).run()
    assert at.error and "200" in at.error[0].value
    assert at.button(key="import_run").disabled


@pytest.mark.parametrize(("page", "table"), [("pages/doi-thoai.py", "dialogues"), ("pages/thuong-vu.py", "deals"),
                                             ("pages/bai-bao.py", "articles"), ("pages/nhan-vat.py", "people")])
def test_each_table_page_offers_its_export_in_every_format(app, page, table):
    at = app(page)
    keys = {button.key for button in at.get("download_button")}
    assert {f"export_{table}_{fmt}" for fmt in ("csv", "xlsx", "parquet", "json")} <= keys


def test_the_people_page_follows_the_country_filter(app, tables):
    at = app("pages/nhan-vat.py")
    everyone = table(at)
    at = app("pages/nhan-vat.py", country="IND")
    indians = table(at)
    assert 0 < len(indians) < len(everyone)
    assert set(indians[t("country", "vi")]) == {country_label("IND", "vi")}


def test_an_empty_map_says_so_instead_of_drawing_an_empty_world(app, tables):
    involved = set(tables["article_countries"]["country"]) | set(tables["dialogue_events"]["parties"].explode())
    absent = sorted(set(centroids()) - involved)[0]
    at = app("pages/ban-do.py", country=absent)
    assert t("no_rows", "vi") in [info.value for info in at.info]
    assert not charts(at)


def test_deal_values_keep_the_written_amount_and_missing_values_are_empty(app):
    shown = table(app("pages/thuong-vu.py"))
    values = shown[t("value", "vi")]
    assert values.str.contains(r"tỷ INR \(≈ [\d,]+ tỷ USD, tỷ giá ECB ngày \d{4}-\d\d-\d\d\)", regex=True).any()
    assert not values.str.contains(r"\d{1,3}\.\d{3}\.\d{3}", regex=True).any()
    at = app("pages/thuong-vu.py")
    assert shown.isna().any().any(), "the sample has deals without a value or quantity"
    assert all(frame.proto.placeholder == "" for frame in at.dataframe), "missing values are drawn as empty cells"


def test_coarse_dates_are_marked_on_the_timeline(app):
    points = datasets(charts(app("pages/doi-thoai.py"))[0])["points"].to_pandas()
    assert points["date"].str.fullmatch(r"\d{4} \(chỉ biết năm\)").any()
    assert points["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").any()


def test_the_trends_follow_the_filters_and_their_data_downloads(app, tables):
    def drawn(at) -> tuple[int, float]:
        trend_dialogues, trend_deals = (datasets(chart)["years"].to_pandas() for chart in charts(at)[:2])
        return int(trend_dialogues["value"].sum()), float(trend_deals["value"].sum())

    everything = drawn(app("app.py"))
    india = drawn(app("app.py", country="IND"))
    assert 0 < india[0] < everything[0] and 0 < india[1] < everything[1]
    keys = {button.key for button in app("app.py").get("download_button")}
    assert {"trend_dialogues_csv", "trend_deals_csv"} <= keys


@pytest.mark.parametrize(("page", "lang"), [("pages/thuong-vu.py", "vi"), ("pages/thuong-vu.py", "en"), ("pages/doi-thoai.py", "vi")])
def test_conflicts_name_the_field_and_each_value_with_its_outlets_and_dates(app, tables, page, lang):
    at = app(page, lang=lang) if lang == "en" else app(page)
    conflicts = table(at, 1)
    assert len(conflicts)
    assert set(conflicts[t("field", lang)]) <= {t(f, lang) for f in ("value_usd", "quantity", "status", "kind", "year",
                                                                         "location_city", "location_country")}
    reporters = conflicts[t("reported_by", lang)]
    assert reporters.str.contains(r"\(\d{4}-\d{2}-\d{2}\)").any() and (reporters.str.len() > 0).all()
    values = conflicts[t("value", lang)]
    assert not values.isin(["held", "signed", "delivered"]).any() or lang == "en"
    assert not values.str.contains(r"\d{5,}|\.0$").any()


@pytest.mark.parametrize("typed", ["hoà bình", "hòa bình", "hoa binh", "HOA BINH", "ho\u0300a bi\u0300nh"])
def test_search_ignores_accents_and_their_encoding_and_keeps_the_phrase_in_the_url(app, typed):
    at = app("pages/bai-bao.py")
    at.text_input(key="article_search").input(typed).run()
    found = table(at)
    assert len(found) > 0
    reference = app("pages/bai-bao.py")
    reference.text_input(key="article_search").input("hòa bình").run()
    assert table(reference)[t("title", "vi")].tolist() == found[t("title", "vi")].tolist()
    assert at.query_params["q"] == typed


def test_a_searched_article_highlights_the_phrase_and_links_its_source(app, tables):
    at = app("pages/bai-bao.py", q="hoa binh")
    assert at.text_input(key="article_search").value == "hoa binh"
    found = table(at)
    url_of = tables["articles"].set_index("title")["url"]
    title = next(title for title in found[t("title", "vi")] if str(url_of.get(title, "")).startswith("http"))
    article_id = tables["articles"].set_index("title").loc[title, "article_id"]
    if not isinstance(article_id, str):
        article_id = article_id.iloc[0]
    at = app("pages/bai-bao.py", q="hoa binh", article=article_id)
    shown = "\n".join(element.value for element in at.html)
    assert '<mark class="hit"' in shown
    url = tables["articles"].set_index("article_id").loc[article_id, "url"]
    assert f'<a href="{html.escape(url, quote=True)}"' in shown


def shown_cells(at, index: int = 0) -> pd.DataFrame:
    """The table as the browser writes it: the display values Streamlit sends beside the data."""
    styler = at.dataframe[index].proto.arrow_data.styler
    return pa.ipc.open_stream(styler.display_values).read_all().to_pandas()


@pytest.mark.parametrize(("lang", "big"), [("vi", r"^\d{1,3}(\.\d{3})+$"), ("en", r"^\d{1,3}(,\d{3})+$")])
def test_table_numbers_follow_the_interface_language_and_claim_no_false_precision(app, lang, big):
    at = app("pages/thuong-vu.py", lang=lang) if lang == "en" else app("pages/thuong-vu.py")
    cells = shown_cells(at)
    values = cells[t("value_usd", lang)]
    written = values[values != ""]
    assert len(written) and written.str.match(big).all()
    assert set(cells[t("year", lang)]) - {""} <= {str(year) for year in range(1990, 2040)}


def test_deal_totals_say_so_when_no_filtered_deal_has_a_value_instead_of_drawing_zero_bars(app, tables):
    deals = tables["deal_events"]
    unvalued = deals.groupby("category")["value_usd"].apply(lambda values: values.isna().all())
    category = unvalued[unvalued].index[0]
    at = app("pages/thuong-vu.py")
    at.multiselect(key="f_categories").set_value([category]).run()
    assert t("no_values", "vi") in [caption.value for caption in at.caption]
    assert not [spec for spec in charts(at) if "totals" in datasets(spec)]
