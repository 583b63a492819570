"""Chart builders take a DataFrame and return a Vega-Lite spec: checked without a browser."""

import json

import numpy as np
import pandas as pd
import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import core

from components import charts
from components.i18n import country_label

EVENTS = pd.DataFrame({
    "event_id": ["e1", "e2", "e3"],
    "lane": ["2+2 · Ấn Độ – Mỹ", "2+2 · Ấn Độ – Mỹ", "đối thoại chiến lược · Nga – Ấn Độ"],
    "day": pd.to_datetime(["2023-11-10", "2020-10-27", "2021-05-01"]),
    "status": ["held", "planned", "postponed"],
    "date": ["2023-11-10", "2020-10", "2021-05"],
    "date_precision": ["day", "month", "month"],
    "place": ["New Delhi, Ấn Độ", "", "Moskva, Nga"],
    "participants": ["Antony Blinken", "", ""],
    "n_sources": [2, 1, 1],
})


def arrowheads(spec: dict) -> pd.DataFrame:
    """The map's line rows its arrowhead layer draws, by that layer's filter."""
    arrows = spec["layer"][1]["layer"][2]
    (only,) = arrows["transform"]
    lines = pd.DataFrame(spec["datasets"][arrows["data"]["name"]])
    return lines[lines[only["filter"]["field"]] == only["filter"]["equal"]]


def timeline_markers(spec: dict) -> dict:
    """The timeline's layer of clickable markers."""
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")


def valid(spec: dict) -> dict:
    """`spec` after checking it against the Vega-Lite schema, with its tables as the records the browser gets."""
    records = {name: json.loads(table.to_json(orient="records", date_format="iso")) for name, table in spec["datasets"].items()}
    as_sent = {**spec, "datasets": records}
    validate_jsonschema(as_sent, core.load_schema())
    return as_sent


def test_timeline_has_one_marker_style_per_status_and_one_lane_per_mechanism_and_pair():
    spec = charts.dialogue_timeline(EVENTS, "vi")
    valid(spec)
    points, markers = spec["datasets"]["points"], timeline_markers(spec)
    assert markers["encoding"]["shape"]["scale"]["domain"] == ["đã diễn ra", "dự kiến", "hoãn"]
    assert markers["encoding"]["color"]["scale"]["range"] == ["#2e7d32", "#1565c0", "#ef6c00"]
    assert set(points["lane"]) == set(EVENTS["lane"])
    assert "Antony Blinken" in set(points["participants"])
    tooltips = [tip["title"] for tip in spec["encoding"]["tooltip"]]
    assert tooltips == ["Cơ chế · cặp", "Trạng thái", "Ngày", "Địa điểm", "Người tham dự", "Số nguồn"]


def test_timeline_aggregates_above_the_mark_limit():
    many = pd.concat([EVENTS] * (charts.MAX_MARKS // 2), ignore_index=True)
    assert charts.is_aggregated(many)
    points = charts.dialogue_timeline(many, "en")["datasets"]["points"]
    assert len(points) == 3
    assert sorted(points["size"]) == [(8 + 20) ** 2] * 3, "a point standing for many events is drawn larger"


def test_world_map_draws_countries_partner_lines_and_arms_flows():
    involvement = pd.DataFrame({"country": ["IND", "USA", "VNM"], "value": [3, 2, 0], "name": ["Ấn Độ", "Mỹ", "Việt Nam"]})
    partners = pd.DataFrame({"a": ["IND"], "b": ["USA"], "count": [2]})
    flows = pd.DataFrame({"seller": ["USA", "RUS"], "buyer": ["IND", "IND"], "count": [1, 3], "value_usd": [3e9, 5.4e9]})
    spec = charts.world_map(involvement, partners, flows, "vi", "Số cuộc đối thoại")
    valid(spec)
    shapes, lines, points = spec["layer"]
    assert shapes["encoding"]["color"]["scale"] == points["encoding"]["color"]["scale"] == {"scheme": "blues", "domain": [0, 3]}
    outline = shapes["transform"][1]["from"]["data"]["url"]
    assert outline == charts.TOPOJSON_URL and not outline.startswith(("http:", "https:", "//")), "served by us"
    assert spec["datasets"]["countries"]["country"].tolist() == ["IND", "USA", "VNM"]
    for layer, name in ((shapes, charts.COUNTRY_PICK), (points, charts.SMALL_STATE_PICK)):
        assert layer["params"] == [{"name": name, "select": {"type": "point", "fields": ["country"], "on": "click"}}]
    drawn = spec["datasets"]["lines"]
    assert set(drawn["kind"]) == {"Cuộc đối thoại", "Thương vụ"}
    assert set(drawn["label"]) == {"Ấn Độ – Mỹ: 2 cuộc đối thoại", "Mỹ → Ấn Độ: 1 thương vụ, 3 tỷ USD",
                                   "Nga → Ấn Độ: 3 thương vụ, 5,4 tỷ USD"}
    width = drawn.set_index(drawn["label"].str[:3])["width"]
    assert width["Nga"] > width["Mỹ "], "the larger flow (Russia -> India) is drawn wider"
    arrows = arrowheads(spec)
    assert list(arrows["kind"].unique()) == ["Thương vụ"], "arrowheads only on arms flows"
    assert len(arrows) == 2
    usa_to_india = arrows[arrows["label"].str.startswith("Mỹ")]["angle"].iloc[0]
    assert 60 < usa_to_india < 120, "an arrow from the USA to India points east"


def test_a_deal_arrow_bends_away_from_the_dialogue_line_of_the_same_pair():
    """Where a dialogue line joins India and the USA, the USA -> India deal is a curve off that line ending in its
    arrowhead, so neither hides the other."""
    partners = pd.DataFrame({"a": ["IND"], "b": ["USA"], "count": [2]})
    flows = pd.DataFrame({"seller": ["USA", "IND"], "buyer": ["IND", "USA"], "count": [1, 1], "value_usd": [3e9, 1e9]})
    spec = valid(charts.world_map(pd.DataFrame(columns=["country", "value", "name"]), partners, flows, "vi", "x"))
    layers = spec["layer"][1]["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rule", "line", "point"], "arrowheads above the lines"
    curves = pd.DataFrame(spec["datasets"]["curves"])
    (usa_lon, usa_lat), (ind_lon, ind_lat) = charts.centroids()["USA"], charts.centroids()["IND"]
    for flow, rows in curves.groupby("flow"):
        rows = rows.sort_values("step")
        assert len(rows) == charts.CURVE_STEPS + 1
        middle = rows.iloc[len(rows) // 2]
        # Distance of the curve's middle from the straight line IND-USA, in degrees.
        off = abs((usa_lon - ind_lon) * (ind_lat - middle["lat"]) - (ind_lon - middle["lon"]) * (usa_lat - ind_lat))
        assert off / np.hypot(usa_lon - ind_lon, usa_lat - ind_lat) > 10
    middles = curves[curves["step"] == charts.CURVE_STEPS // 2]
    assert middles["lat"].round(3).nunique() == 2, "USA -> India and India -> USA bend to different sides"
    arrows = arrowheads(spec)
    ends = curves[curves["step"] == charts.CURVE_STEPS].sort_values("flow")
    assert ends[["lon", "lat"]].to_numpy().tolist() == arrows[["lon2", "lat2"]].to_numpy().tolist()


def test_world_map_lines_are_capped():
    codes = sorted(charts.centroids())
    flows = pd.DataFrame({"seller": codes[:-1], "buyer": codes[1:], "count": 1, "value_usd": range(len(codes) - 1)})
    pairs = pd.concat([flows] * 3, ignore_index=True).assign(value_usd=lambda d: d.index.astype(float))
    spec = charts.world_map(pd.DataFrame(columns=["country", "value", "name"]), pd.DataFrame(columns=["a", "b", "count"]),
                            pairs, "vi", "x")
    valid(spec)
    lines, arrows = spec["datasets"]["lines"], arrowheads(spec)
    assert len(lines) == len(arrows) == charts.MAX_LINES
    heaviest = pairs.sort_values("value_usd", ascending=False).head(charts.MAX_LINES)
    assert lines["label"].str.split(":").str[0].tolist() == [
        f"{country_label(s, 'vi')} → {country_label(b, 'vi')}" for s, b in zip(heaviest["seller"], heaviest["buyer"])]


def test_small_states_are_drawn_as_clickable_points():
    involvement = pd.DataFrame({"country": ["SGP", "VNM", "BHR"], "value": [2, 1, 0], "name": ["Singapore", "Việt Nam", "Bahrain"]})
    spec = valid(charts.world_map(involvement, pd.DataFrame({"a": ["SGP"], "b": ["VNM"], "count": [1]}),
                                  pd.DataFrame(columns=["seller", "buyer", "count", "value_usd"]), "vi", "x"))
    rows = {row["country"]: row for row in spec["datasets"]["countries"]}
    assert rows["SGP"]["lon"] == pytest.approx(103.82) and rows["VNM"]["lon"] is None
    assert {"SGP", "BHR", "MLT", "MDV", "QAT", "BRN"} <= set(charts.centroids())
    assert set(charts.small_states()).isdisjoint(charts.outline_centroids())
    assert len(spec["datasets"]["lines"]) == 1, "a line reaches Singapore"


def test_centroids_come_from_the_served_world_outline():
    where = charts.centroids()
    assert len(where) > 150
    lon, lat = where["VNM"]
    assert 102 < lon < 110 and 8 < lat < 24


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_totals_sum_known_values_per_key(lang):
    totals = pd.DataFrame({"key": ["Ấn Độ", "Ấn Độ", "Philippines"], "value_usd": [3e9, None, 1e9]})
    spec = charts.totals_bar(totals, lang, "Bên mua")
    valid(spec)
    bars = spec["datasets"]["totals"]
    assert bars["key"].tolist() == ["Ấn Độ", "Philippines"]
    assert bars["value"].tolist() == [3e9, 1e9]
    assert bars["count"].tolist() == [2, 1]
    assert spec["encoding"]["y"]["sort"] == ["Ấn Độ", "Philippines"], "largest first"
    assert spec["encoding"]["tooltip"][0]["title"] == "Bên mua"


@pytest.mark.parametrize(("lang", "thousands", "march"), [("vi", ".", "tháng 3"), ("en", ",", None)])
def test_charts_write_numbers_and_months_the_page_language_s_way(lang, thousands, march):
    for spec in (charts.totals_bar(pd.DataFrame({"key": ["x"], "value_usd": [1.0]}), lang, "k"),
                 charts.dialogue_timeline(EVENTS, lang)):
        locale = spec["config"]["locale"]
        assert locale["number"]["thousands"] == thousands
        assert locale.get("time", {}).get("months", [None] * 3)[2] == march


def test_article_text_reaches_the_chart_verbatim():
    """Vega draws labels and tooltips as text, not HTML: nothing is escaped, so the reader sees what was written
    (the browser test test_hostile checks that such text runs nothing)."""
    hostile = EVENTS.assign(participants='<a href="javascript:x">Yoko</a>', place="<img src=x onerror=y>")
    points = charts.dialogue_timeline(hostile, "vi")["datasets"]["points"]
    assert set(points["participants"]) == {'<a href="javascript:x">Yoko</a>'}
    assert set(points["place"]) == {"<img src=x onerror=y>"}
    bars = charts.totals_bar(pd.DataFrame({"key": ["<b>x</b>"], "value_usd": [1.0]}), "vi", "k")["datasets"]["totals"]
    assert bars["key"].tolist() == ["<b>x</b>"]


def test_timeline_never_sends_more_than_the_mark_limit():
    lanes = [f"2+2 · lane {i}" for i in range(charts.MAX_LANES)]
    years = pd.date_range("1990-01-01", periods=2 * charts.MAX_MARKS // charts.MAX_LANES, freq="YS")
    many = pd.DataFrame([(lane, day) for lane in lanes for day in years], columns=["lane", "day"]).assign(
        status="held", date="2020", date_precision="year", place="", participants="", n_sources=1, event_id="e")
    assert len(charts.dialogue_timeline(many, "vi")["datasets"]["points"]) == charts.MAX_MARKS


def test_timeline_draws_only_the_busiest_lanes():
    quiet = pd.DataFrame({"lane": [f"2+2 · quiet {i}" for i in range(charts.MAX_LANES)],
                          "day": pd.Timestamp("2020-01-01"), "status": "held", "date": "2020", "date_precision": "year", "place": "",
                          "participants": "", "n_sources": 1})
    busy = pd.concat([EVENTS] * 2, ignore_index=True)
    points = charts.dialogue_timeline(pd.concat([quiet, busy], ignore_index=True), "vi")["datasets"]["points"]
    drawn = set(points["lane"])
    assert len(drawn) == charts.MAX_LANES
    assert set(EVENTS["lane"]) <= drawn
    assert len(charts.busiest_lanes(EVENTS)) == len(EVENTS)


@pytest.mark.parametrize(("measure", "lang", "unit"), [("value_usd", "vi", "tỷ"), ("value_usd", "en", "bn"), ("n_dialogues", "vi", None)])
def test_per_year_bars_stack_groups_per_year(measure, lang, unit):
    rows = pd.DataFrame({"year": [2020, 2020, 2021], "group": ["Ấn Độ", "Mỹ", "Ấn Độ"], measure: [3e9, 1e9, 2e9]})
    spec = valid(charts.per_year_bars(rows, lang, measure, "y", "g"))
    years = spec["datasets"]["years"]
    assert [(r["year"], r["group"], r["value"]) for r in years] == [("2020", "Ấn Độ", 3e9), ("2020", "Mỹ", 1e9),
                                                                     ("2021", "Ấn Độ", 2e9)]
    assert spec["encoding"]["y"]["stack"] == "zero"
    label = spec["encoding"]["y"]["axis"].get("labelExpr", "")
    assert (unit in label) if unit else not label


def test_timeline_points_of_one_day_stand_side_by_side_and_a_click_picks_the_event():
    same_day = pd.concat([EVENTS.iloc[:1]] * 3, ignore_index=True).assign(event_id=["a", "b", "c"])
    spec = valid(charts.dialogue_timeline(pd.concat([same_day, EVENTS.iloc[1:]], ignore_index=True), "vi"))
    points = pd.DataFrame(spec["datasets"]["points"])
    crowded = points[points["event_id"].isin(["a", "b", "c"])]
    assert sorted(crowded["offset"]) == [-9.0, 0.0, 9.0]
    assert set(points.loc[~points["event_id"].isin(["a", "b", "c"]), "offset"]) == {0.0}
    assert timeline_markers(spec)["params"] == [
        {"name": charts.DIALOGUE_PICK, "select": {"type": "point", "fields": ["event_id"], "on": "click"}}]


def test_a_date_known_only_to_the_year_or_month_is_a_bar_over_it_with_its_marker_in_the_middle():
    coarse = EVENTS.assign(day=pd.to_datetime(["2023-11-10", "2020-10-01", "2016-01-01"]),
                           date_precision=["day", "month", "year"])
    spec = valid(charts.dialogue_timeline(coarse, "vi"))
    points = pd.DataFrame(spec["datasets"]["points"]).set_index("event_id")
    assert pd.isna(points.loc["e1", "end"]) and points.loc["e1", "day"].startswith("2023-11-10")
    assert (points.loc["e2", "start"][:10], points.loc["e2", "end"][:10]) == ("2020-10-01", "2020-11-01")
    assert (points.loc["e3", "start"][:10], points.loc["e3", "end"][:10]) == ("2016-01-01", "2017-01-01")
    assert points.loc["e3", "day"][:10] == "2016-07-02", "the marker sits in the middle of its year"
    spans = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    assert spans["transform"] == [{"filter": "isValid(datum.end)"}]
    assert (spans["encoding"]["x"]["field"], spans["encoding"]["x2"]["field"]) == ("start", "end")
