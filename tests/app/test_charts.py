"""Chart builders take a DataFrame and return a figure: checked without a browser."""

import pandas as pd
import pytest

from components import charts

EVENTS = pd.DataFrame({
    "lane": ["2+2 · Ấn Độ – Mỹ", "2+2 · Ấn Độ – Mỹ", "đối thoại chiến lược · Nga – Ấn Độ"],
    "day": pd.to_datetime(["2023-11-10", "2020-10-27", "2021-05-01"]),
    "status": ["held", "planned", "postponed"],
    "date": ["2023-11-10", "2020-10", "2021-05"],
    "place": ["New Delhi, Ấn Độ", "", "Moskva, Nga"],
    "participants": ["Antony Blinken", "", ""],
    "n_sources": [2, 1, 1],
})


def test_timeline_has_one_trace_per_status_and_one_lane_per_mechanism_and_pair():
    figure = charts.dialogue_timeline(EVENTS, "vi")
    assert [trace.name for trace in figure.data] == ["đã diễn ra", "dự kiến", "hoãn"]
    lanes = {lane for trace in figure.data for lane in trace.y}
    assert lanes == set(EVENTS["lane"])
    assert "Antony Blinken" in figure.data[0].customdata[0]


def test_timeline_aggregates_above_the_mark_limit():
    many = pd.concat([EVENTS] * (charts.MAX_MARKS // 2), ignore_index=True)
    assert charts.is_aggregated(many)
    figure = charts.dialogue_timeline(many, "en")
    assert sum(len(trace.x) for trace in figure.data) <= charts.MAX_MARKS
    assert sum(len(trace.x) for trace in figure.data) == 3


def test_world_map_draws_countries_partner_lines_and_arms_flows():
    involvement = pd.DataFrame({"country": ["IND", "USA", "VNM"], "value": [3, 2, 0], "name": ["Ấn Độ", "Mỹ", "Việt Nam"]})
    partners = pd.DataFrame({"a": ["IND"], "b": ["USA"], "count": [2]})
    flows = pd.DataFrame({"seller": ["USA", "RUS"], "buyer": ["IND", "IND"], "count": [1, 3], "value_usd": [3e9, 5.4e9]})
    figure = charts.world_map(involvement, partners, flows, "vi", "Số cuộc đối thoại")
    choropleth, *lines = figure.data
    assert list(choropleth.locations) == ["IND", "USA", "VNM"]
    assert {trace.name for trace in lines} == {"Cuộc đối thoại", "Thương vụ"}
    flow_widths = sorted(trace.line.width for trace in lines if trace.name == "Thương vụ")
    assert flow_widths[0] < flow_widths[-1], "the larger flow is drawn wider"


def test_world_map_lines_are_capped():
    codes = sorted(charts.centroids())
    flows = pd.DataFrame({"seller": codes[:-1], "buyer": codes[1:], "count": 1, "value_usd": range(len(codes) - 1)})
    pairs = pd.concat([flows] * 3, ignore_index=True).assign(value_usd=lambda d: d.index.astype(float))
    figure = charts.world_map(pd.DataFrame(columns=["country", "value", "name"]), pd.DataFrame(columns=["a", "b", "count"]),
                              pairs, "vi", "x")
    segments = sum(len([v for v in trace.lon if v is None]) for trace in figure.data[1:])
    assert segments == charts.MAX_LINES


def test_centroids_come_from_the_served_world_outline():
    where = charts.centroids()
    assert len(where) > 150
    lon, lat = where["VNM"]
    assert 102 < lon < 110 and 8 < lat < 24


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_totals_sum_known_values_per_key(lang):
    totals = pd.DataFrame({"key": ["Ấn Độ", "Ấn Độ", "Philippines"], "value_usd": [3e9, None, 1e9]})
    bar = charts.totals_bar(totals, lang).data[0]
    assert list(bar.y) == ["Ấn Độ", "Philippines"]
    assert list(bar.x) == [3e9, 1e9]
    assert [c[0] for c in bar.customdata] == [2, 1]


def test_labels_and_hovers_carry_tags_as_text():
    hostile = EVENTS.assign(participants='<a href="javascript:x">Yoko</a>', place="<img src=x onerror=y>")
    figure = charts.dialogue_timeline(hostile, "vi")
    hover = figure.data[0].customdata[0]
    assert "<a" not in hover[2] and "&lt;a href" in hover[2]
    assert "<img" not in hover[1]
    bar = charts.totals_bar(pd.DataFrame({"key": ["<b>x</b>"], "value_usd": [1.0]}), "vi").data[0]
    assert list(bar.y) == ["&lt;b&gt;x&lt;/b&gt;"]


def test_timeline_never_sends_more_than_the_mark_limit():
    lanes = [f"2+2 · lane {i}" for i in range(charts.MAX_LANES)]
    years = pd.date_range("1990-01-01", periods=2 * charts.MAX_MARKS // charts.MAX_LANES, freq="YS")
    many = pd.DataFrame([(lane, day) for lane in lanes for day in years], columns=["lane", "day"]).assign(
        status="held", date="2020", place="", participants="", n_sources=1)
    figure = charts.dialogue_timeline(many, "vi")
    assert sum(len(trace.x) for trace in figure.data) == charts.MAX_MARKS


def test_timeline_draws_only_the_busiest_lanes():
    quiet = pd.DataFrame({"lane": [f"2+2 · quiet {i}" for i in range(charts.MAX_LANES)],
                          "day": pd.Timestamp("2020-01-01"), "status": "held", "date": "2020", "place": "",
                          "participants": "", "n_sources": 1})
    busy = pd.concat([EVENTS] * 2, ignore_index=True)
    figure = charts.dialogue_timeline(pd.concat([quiet, busy], ignore_index=True), "vi")
    drawn = {lane for trace in figure.data for lane in trace.y}
    assert len(drawn) == charts.MAX_LANES
    assert set(EVENTS["lane"]) <= drawn
    assert len(charts.busiest_lanes(EVENTS)) == len(EVENTS)
