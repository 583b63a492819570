"""Exports that can be cited and joined: each format opened by its own reader, ids stable over re-ingests,
ISO-3 codes, absolute source URLs, neutralised formulas, and the CLI writing the very same file."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsfacts.amounts import approximate_usd, recovered_rate, significant_digits
from newsfacts.export import FORMATS, INPUTS, TABLES, export_frame, export_table
from newsfacts.export.tables import absolute_url, date_end
from newsfacts.extract.countries import all_country_codes
from newsfacts.filters import Filters
from newsfacts.store import ingest, load_tables
from tests.robustness.support import hostile_store
from tests.store.conftest import ROOT, run_cli

DATA = [ROOT / "data" / "seeds", ROOT / "data" / "sample"]
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
ID_COLUMNS = {"dialogues": "event_id", "deals": "event_id", "articles": "article_id", "people": "person_id"}
EVENTS = {"dialogues": "dialogue_events", "deals": "deal_events"}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "store"
    ingest(DATA, store_dir=folder)
    return folder


@pytest.fixture(scope="module")
def tables(store) -> dict[str, pd.DataFrame]:
    return load_tables(store)


def read(data: bytes, fmt: str) -> pd.DataFrame:
    """The file as its own reader opens it: pandas for CSV, openpyxl for Excel, pyarrow for Parquet, json."""
    if fmt == "csv":
        return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        header, *rows = sheet.iter_rows(values_only=True)
        return pd.DataFrame(rows, columns=header)
    if fmt == "parquet":
        return pq.read_table(io.BytesIO(data)).to_pandas()
    return pd.DataFrame(json.loads(data))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", TABLES)
def test_every_format_opens_with_ids_snake_case_columns_and_every_row(tables, table, fmt):
    data = export_table(tables, table, fmt, Filters())
    opened = read(data, fmt)
    expected = export_frame(tables, table, Filters())
    assert list(opened.columns) == list(expected.columns)
    assert all(SNAKE.match(column) for column in opened.columns)
    ids = opened[ID_COLUMNS[table]]
    assert len(opened) == len(expected) > 0 and ids.is_unique
    if table in EVENTS:
        assert set(ids) == set(tables[EVENTS[table]]["event_id"])


def _codes(cell: object) -> list[str]:
    if isinstance(cell, str):
        return [code for code in cell.split("; ") if code]
    return [code for code in cell if code] if isinstance(cell, (list, np.ndarray)) else []


@pytest.mark.parametrize("fmt", FORMATS)
def test_iso3_codes_sit_beside_names_and_source_urls_are_absolute(tables, fmt):
    deals = read(export_table(tables, "deals", fmt, Filters()), fmt)
    known = all_country_codes()
    for column in ("buyer_iso3", "seller_iso3"):
        codes = [code for code in deals[column] if isinstance(code, str) and code]
        assert codes and set(codes) <= known
    named = deals[deals["buyer_iso3"] == "IND"]
    assert set(named["buyer"]) == {"India"}
    dialogues = read(export_table(tables, "dialogues", fmt, Filters()), fmt)
    assert {code for cell in dialogues["parties_iso3"] for code in _codes(cell)} <= known
    urls = [url for cell in dialogues["source_urls"] for url in _codes(cell)]
    assert urls and all(url.startswith(("http://", "https://")) for url in urls)


def test_each_source_has_its_outlet_date_and_url_in_publication_order(tables):
    dialogues = export_frame(tables, "dialogues", Filters())
    articles = tables["articles"].set_index("article_id")
    several = dialogues[dialogues["n_sources"] > 1]
    assert len(several)
    for row in several.itertuples():
        assert len(row.source_article_ids) == len(row.source_outlets) == len(row.source_published) == len(row.source_urls)
        assert row.source_outlets == [articles.at[a, "source"] if isinstance(articles.at[a, "source"], str) else ""
                                      for a in row.source_article_ids]
        dated = [d for d in row.source_published if d]
        assert dated == sorted(dated)


def test_deals_keep_the_original_amount_currency_and_the_rate_used(tables):
    deals = export_frame(tables, "deals", Filters())
    converted = deals[deals["value_currency"].notna() & (deals["value_currency"] != "USD")]
    assert len(converted)
    for row in converted.itertuples():
        assert row.usd_rate == pytest.approx(row.value_amount / row.value_usd)
        assert row.usd_rate_source in ("ECB", "yearly table", "text")
        if row.usd_rate_source != "text":
            assert 1990 <= row.usd_rate_year <= 2040 and row.usd_rate_date.startswith(str(row.usd_rate_year))
        digits = significant_digits(row.value_amount)
        assert abs(row.value_usd_approx - row.value_usd) <= 0.5 * 10 ** (math.floor(math.log10(row.value_usd)) - digits + 1)


def test_dates_carry_their_precision_and_the_period_they_cover(tables):
    dialogues = export_frame(tables, "dialogues", Filters())
    years = dialogues[dialogues["date_precision"] == "year"]
    assert len(years)
    assert all(end == f"{d}-12-31" and start == f"{d}-01-01" for d, start, end in
               zip(years["date"], years["date_start"], years["date_end"]))


def test_the_country_and_date_filters_restrict_rows(tables):
    chosen = Filters(countries=("IND",), date_from=date(2019, 1, 1), date_to=date(2022, 12, 31))
    dialogues = export_frame(tables, "dialogues", chosen)
    assert len(dialogues) and all("IND" in parties for parties in dialogues["parties_iso3"])
    assert all("2019-01-01" <= day <= "2022-12-31" for day in dialogues["date_start"])
    deals = export_frame(tables, "deals", chosen)
    assert len(deals) and all("IND" in (b, s) for b, s in zip(deals["buyer_iso3"], deals["seller_iso3"]))
    people = export_frame(tables, "people", chosen)
    assert len(people) and set(people["country_iso3"]) == {"IND"}
    assert len(export_frame(tables, "articles", chosen)) < len(export_frame(tables, "articles", Filters()))


def test_articles_and_people_link_to_the_events(tables):
    articles = export_frame(tables, "articles", Filters())
    dialogue_ids = set(tables["dialogue_events"]["event_id"])
    linked = {e for ids in articles["dialogue_event_ids"] for e in ids}
    assert linked == dialogue_ids
    people = export_frame(tables, "people", Filters())
    taking_part = people[people["dialogue_event_ids"].map(len) > 0]
    assert len(taking_part) and {e for ids in taking_part["dialogue_event_ids"] for e in ids} <= dialogue_ids


def test_the_workbook_has_the_table_its_sources_and_the_filters(tables):
    chosen = Filters(countries=("IND", "USA"), date_from=date(2018, 1, 1))
    book = openpyxl.load_workbook(io.BytesIO(export_table(tables, "dialogues", "xlsx", chosen)))
    assert book.sheetnames == ["dialogues", "sources", "filters"]
    said = {row[0]: row[1] for row in book["filters"].iter_rows(min_row=2, values_only=True)}
    assert said["table"] == "dialogues" and said["countries"] == "IND; USA" and said["date_from"] == "2018-01-01"
    assert said["date_to"] is None and int(said["n_rows"]) == book["dialogues"].max_row - 1
    event_ids = {row[0] for row in book["dialogues"].iter_rows(min_row=2, values_only=True)}
    assert {row[0] for row in book["sources"].iter_rows(min_row=2, values_only=True)} == event_ids


def test_formulas_are_neutralised_in_csv_and_excel(tmp_path_factory):
    hostile = load_tables(hostile_store(tmp_path_factory.mktemp("hostile")))
    rows = list(csv.reader(io.StringIO(export_table(hostile, "articles", "csv", Filters()).decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert any(cell.startswith("'=") for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    book = openpyxl.load_workbook(io.BytesIO(export_table(hostile, "articles", "xlsx", Filters())))
    texts = [cell for row in book.worksheets[0].iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    risky = [cell for cell in texts if cell.value.startswith(("=", "+", "-", "@"))]
    assert risky and all(cell.data_type == "s" for cell in risky)


def test_the_cli_writes_the_file_the_dashboard_gives(store, tables, tmp_path):
    from newsfacts.review import corrected_view

    tables = corrected_view(tables, store).tables  # what the dashboard's pages and downloads read
    chosen = Filters(countries=("IND",), date_from=date(2018, 1, 1), date_to=date(2023, 12, 31))
    args = ("--store", str(store), "--country", "IND", "--from", "2018-01-01", "--to", "2023-12-31")
    for table, fmt in (("deals", "csv"), ("dialogues", "json"), ("people", "parquet"), ("articles", "csv")):
        out = tmp_path / f"{table}.{fmt}"
        run_cli("export", *args, "--table", table, "--format", fmt, "--out", str(out), check_code=0)
        assert out.read_bytes() == export_table(tables, table, fmt, chosen)
    out = tmp_path / "deals.xlsx"
    run_cli("export", *args, "--table", "deals", "--format", "xlsx", "--out", str(out), check_code=0)
    written, given = (openpyxl.load_workbook(io.BytesIO(data)) for data in
                      (out.read_bytes(), export_table(tables, "deals", "xlsx", chosen)))
    assert [list(s.values) for s in written.worksheets] == [list(s.values) for s in given.worksheets]


def test_the_cli_search_keeps_the_articles_the_search_box_finds_whatever_the_accents(store, tables, tmp_path):
    """`--search` finds what the Articles page finds ("hoà bình", "hòa bình", NFD and "hoa binh" alike) and
    writes the file the page's export gives for that search; the filters sheet names the phrase."""
    from newsfacts.search import Search, article_matches
    from newsfacts.store.load import open_sentences

    articles = tables["articles"]
    found = article_matches(articles, open_sentences(store).articles_containing, "hòa bình")
    assert 0 < found.sum() < len(articles)
    files = []
    for phrase in ("hòa bình", "hoà bình", unicodedata.normalize("NFD", "hòa bình"), "HOA BINH"):
        out = tmp_path / "articles.csv"
        run_cli("export", "--store", str(store), "--table", "articles", "--format", "csv", "--search", phrase,
                "--out", str(out), check_code=0)
        files.append(out.read_bytes())
    assert len(set(files)) == 1
    exported = read(files[0], "csv")
    assert set(exported["article_id"]) == set(articles.loc[found, "article_id"])
    assert files[0] == export_table(tables, "articles", "csv", Filters(), Search.of(articles, found, "hòa bình"))
    out = tmp_path / "articles.xlsx"
    run_cli("export", "--store", str(store), "--table", "articles", "--format", "xlsx", "--search", "hoa binh",
            "--out", str(out), check_code=0)
    sheet = dict(openpyxl.load_workbook(out)["filters"].iter_rows(values_only=True))
    assert sheet["search"] == "hoa binh" and sheet["n_rows"] == str(found.sum())


def test_the_cli_refuses_a_search_of_another_table(store):
    result = run_cli("export", "--store", str(store), "--table", "deals", "--format", "csv", "--search", "x",
                     check_code=2)
    assert "--search applies to --table articles only" in result.stderr


@pytest.mark.parametrize(("args", "problem"), [
    (("--country", "XYZ"), "unknown ISO-3 country code(s): XYZ"),
    (("--from", "2024-01-01", "--to", "2023-01-01"), "is after --to"),
])
def test_the_cli_names_a_bad_filter(store, args, problem):
    result = run_cli("export", "--store", str(store), "--table", "deals", "--format", "csv", *args, check_code=2)
    assert problem in result.stderr and not result.stdout


def test_the_cli_refuses_a_folder_without_a_store(tmp_path):
    result = run_cli("export", "--store", str(tmp_path), "--table", "deals", "--format", "csv", check_code=2)
    assert f"no store at {tmp_path}" in result.stderr


def _ids(folder: Path) -> dict[str, set[str]]:
    loaded = load_tables(folder, {name: ["event_id"] for name in EVENTS.values()})
    return {name: set(frame["event_id"]) for name, frame in loaded.items()}


def test_event_ids_are_the_same_after_a_re_ingest(store, tmp_path):
    """Another store built from the same files, in another order with two workers, and one grown by an
    unrelated article: the events that were there keep their ids."""
    again = tmp_path / "again"
    ingest(list(reversed(DATA)), store_dir=again, workers=2)
    assert _ids(again) == _ids(store)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text(
        "Brazil mua tàu ngầm của Pháp\n\nNgày 3/5/2012, Brazil đã ký hợp đồng mua 4 tàu ngầm Scorpène của Pháp.\n",
        encoding="utf-8")
    ingest([*DATA, extra], store_dir=again)
    grown = _ids(again)
    assert all(grown[name] >= ids for name, ids in _ids(store).items())


def test_an_export_reads_only_the_tables_it_names(tables):
    only = {name: tables[name] for name in INPUTS}
    assert export_table(only, "deals", "csv", Filters()) == export_table(tables, "deals", "csv", Filters())


@pytest.mark.parametrize(("amount", "digits"), [(630e9, 2), (37.4e6, 3), (2.5, 2), (4e12, 1), (188e12, 3)])
def test_significant_digits_of_a_written_amount(amount, digits):
    assert significant_digits(amount) == digits


def test_a_converted_value_claims_no_more_precision_than_the_amount_written():
    assert approximate_usd(7_241_379_310.34, 630e9, "INR") == 7.2e9
    assert approximate_usd(24_670_184.7, 37.4e6, "AUD") == 24_700_000
    assert approximate_usd(3_370_000_000.0, 3.37e9, "USD") == 3_370_000_000.0


def test_the_yearly_rate_of_a_store_written_before_rates_were_kept_is_found_back():
    rate = recovered_rate(18.9e9, "PHP", 18.9e9 / 44.4)
    assert (rate.year, rate.source) == (2014, "yearly table") and rate.per_usd == pytest.approx(44.4)
    assert recovered_rate(1.0, "XXX", 2.0).per_usd is None


@pytest.mark.parametrize(("url", "kept"), [("https://a.vn/x", True), ("http://a.vn", True), ("/bai-bao?x=1", False),
                                           ("javascript:alert(1)", False), ("a.vn/x", False), ("", False)])
def test_only_absolute_web_urls_are_exported(url, kept):
    assert (absolute_url(url) == url) is kept


@pytest.mark.parametrize(("iso", "precision", "end"), [("2020", "year", "2020-12-31"), ("2024-02", "month", "2024-02-29"),
                                                       ("2021-06-05", "day", "2021-06-05"), (None, None, None)])
def test_a_date_ends_where_its_precision_says(iso, precision, end):
    assert date_end(iso, precision) == end


def test_a_copy_of_a_store_exports_the_same_bytes(store, tables, tmp_path):
    copy = Path(shutil.copytree(store, tmp_path / "copy"))
    assert export_table(load_tables(copy), "dialogues", "parquet", Filters()) == export_table(
        tables, "dialogues", "parquet", Filters())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", TABLES)
def test_a_filter_matching_nothing_gives_the_columns_and_no_rows(tables, table, fmt):
    nothing = Filters(countries=("ATA",))
    opened = read(export_table(tables, table, fmt, nothing), fmt)
    assert len(opened) == 0
    if fmt != "json":
        assert list(opened.columns) == list(export_frame(tables, table, Filters()).columns)


CODEBOOK = ROOT / "docs" / "codebook.md"
DATAPACKAGE = ROOT / "newsfacts" / "export" / "datapackage.json"


@pytest.mark.parametrize("table", TABLES)
def test_the_codebook_describes_every_column_of_every_table(tables, table):
    resources = {r["name"]: r for r in json.loads(DATAPACKAGE.read_text(encoding="utf-8"))["resources"]}
    fields = resources[table]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(export_frame(tables, table, Filters()).columns)
    assert all(f["description"] for f in fields)
    page = CODEBOOK.read_text(encoding="utf-8")
    section = page.split(f"\n### {table}\n", 1)[1].split("\n### ", 1)[0]
    assert [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")] == [f["name"] for f in fields]


def test_the_codebook_lists_the_allowed_values_the_records_declare():
    from typing import get_args

    from newsfacts import records
    fields = {(r["name"], f["name"]): f for r in json.loads(DATAPACKAGE.read_text(encoding="utf-8"))["resources"]
              for f in r["schema"]["fields"]}
    declared = {("dialogues", "mechanism"): records.Mechanism, ("dialogues", "status"): records.DialogueStatus,
                ("deals", "kind"): records.DealKind, ("deals", "category"): records.DealCategory,
                ("deals", "status"): records.DealStatus, ("deals", "value_qualifier"): records.ValueQualifier}
    for key, literal in declared.items():
        assert fields[key]["constraints"]["enum"] == list(get_args(literal))


def test_exported_values_stay_within_the_codebook(tables):
    resources = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))["resources"]
    for resource in resources:
        frame = export_frame(tables, resource["name"], Filters())
        for field in resource["schema"]["fields"]:
            allowed = field.get("constraints", {}).get("enum")
            if allowed:
                assert set(frame[field["name"]].dropna()) <= set(allowed), field["name"]


def test_a_person_named_with_and_without_a_country_is_one_person(tables):
    people = export_frame(tables, "people", Filters())
    keys = people["name"].str.casefold() + "|" + people["country_iso3"].fillna("")
    assert keys.is_unique
    by_name = people.groupby(people["name"].str.casefold())["country_iso3"].apply(lambda c: c.isna().sum())
    with_country = set(people.loc[people["country_iso3"].notna(), "name"].str.casefold())
    assert all(by_name[name] == 0 for name in with_country), "no stray countryless twin of a known person"
    blinken = people[people["name"] == "Antony Blinken"]
    assert len(blinken) == 1 and blinken["country_iso3"].iloc[0] == "USA"
