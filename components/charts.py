"""Chart builders: a DataFrame in, a Vega-Lite spec out (its tables under "datasets"); no Streamlit, so they are
tested without a browser.

Vega-Lite rather than Plotly: a page with a Plotly chart took 1.5-1.9 s longer to open in the browser than the same
page without it (compiling Plotly's 4.7 MB bundle in every new tab); with a Vega-Lite chart, 0.1-0.7 s.
The specs are written as plain dicts: building the map through Altair's objects cost about 150 ms per run
(deep copies and schema validation), as a dict about 15 ms, nearly all of it its pandas tables; the tests validate
the specs against the Vega-Lite schema. Vega draws labels and tooltips as text, never as HTML, so article text needs no escaping.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from components.i18n import DIALOGUE_STATUSES, country_label, t, value_label
from components.views import number, scaled

# Well under the issue's ~5,000: at 100,000 articles a 5,000-marker SVG timeline cost the browser seconds per rerun.
MAX_MARKS = 1_000
# Lines per kind on the map: 300 partner lines and 300 arrows took the browser twice as long to draw as 100 of each,
# and more than 100 lines on a world map cannot be told apart anyway.
MAX_LINES = 100
MAX_LANES = 40
# Arms flows are curves bent sideways by this share of their length, in 12 straight steps: enough to stay clear of
# a dialogue line between the same pair and to look smooth at the map's size.
CURVE_BEND, CURVE_STEPS = 0.15, 12
TOPOJSON = Path(__file__).resolve().parent.parent / "static" / "topojson" / "world_110m.json"
SMALL_STATES = Path(__file__).resolve().parent / "small_states.csv"
# The same file as the browser fetches it from Streamlit's static serving, relative to the page (never a CDN).
TOPOJSON_URL = "app/static/topojson/world_110m.json"
# The map's click selection: the page reads the clicked country's ISO-3 code from it.
COUNTRY_PICK = "country"
DIALOGUE_PICK = "dialogue"
SMALL_STATE_PICK = "small_state"  # each layer has its own selection
STATUS_STYLE = {
    "held": ("circle", "#2e7d32"),
    "planned": ("diamond", "#1565c0"),
    "postponed": ("triangle-up", "#ef6c00"),
    "agreed": ("square", "#6a1b9a"),
    "cancelled": ("cross", "#c62828"),
}
PARTNER_COLOUR, FLOW_COLOUR = "#1565c0", "#c62828"
LEGEND = {"orient": "bottom", "direction": "horizontal", "title": None, "labelFontSize": 13, "symbolSize": 140,
          "columns": 5, "labelLimit": 260}
Spec = dict[str, Any]


@cache
def outline_centroids() -> dict[str, tuple[float, float]]:
    """ISO-3 -> (lon, lat) of each country's centroid, from the world outline the map already serves."""
    countries = json.loads(TOPOJSON.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"]
    return {c["id"]: tuple(c["properties"]["ct"]) for c in countries if "ct" in c.get("properties", {})}


@cache
def small_states() -> dict[str, tuple[float, float]]:
    """ISO-3 -> (lon, lat) of the capital of states too small for the 1:110m outline (Singapore, Bahrain, Malta,
    the Maldives...), drawn as points; `components/small_states.csv`, coordinates rounded to 0.01 degree."""
    with SMALL_STATES.open(encoding="utf-8", newline="") as handle:
        return {row["country"]: (float(row["lon"]), float(row["lat"])) for row in csv.DictReader(handle)}


def centroids() -> dict[str, tuple[float, float]]:
    """Where every drawable country sits: the outline's centroids and the small states' points."""
    return {**small_states(), **outline_centroids()}


def _text(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("").astype(object)


def is_aggregated(rows: pd.DataFrame) -> bool:
    return len(rows) > MAX_MARKS


def _codes(values: pd.Series | np.ndarray) -> np.ndarray:
    """Integer codes in sorted order of the values (missing values last), for grouping on numbers."""
    return pd.factorize(values, sort=True, use_na_sentinel=False)[0].astype(np.int64)


def _timeline_points(events: pd.DataFrame) -> pd.DataFrame:
    """One point per event; above MAX_MARKS events, one per lane, month (then year) and status,
    and at most MAX_MARKS of those, the most populous."""
    if not is_aggregated(events):
        return events.assign(count=1)
    lane, status = _codes(events["lane"]), _codes(events["status"])
    sources = events["n_sources"].to_numpy(dtype=float, na_value=0)
    for unit in ("datetime64[M]", "datetime64[Y]"):
        start = events["day"].to_numpy(dtype="datetime64[ns]").astype(unit).astype("datetime64[ns]")
        day = _codes(start)
        key = (lane * (day.max() + 1) + day) * (status.max() + 1) + status
        _, first, group = np.unique(key, return_index=True, return_inverse=True)
        points = events.iloc[first].assign(day=start[first], count=np.bincount(group),
                                           n_sources=np.bincount(group, weights=sources).astype(int))
        if len(points) <= MAX_MARKS:
            return points
    return points.nlargest(MAX_MARKS, "count")


def busiest_lanes(events: pd.DataFrame) -> pd.DataFrame:
    """The events of the MAX_LANES lanes with the most events (all of them when there are no more lanes)."""
    counts = events["lane"].value_counts()
    if len(counts) <= MAX_LANES:
        return events
    return events[events["lane"].isin(counts.index[:MAX_LANES])]


VI_TIME = {
    "dateTime": "%H:%M %d/%m/%Y", "date": "%d/%m/%Y", "time": "%H:%M:%S", "periods": ["SA", "CH"],
    "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
    "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
    "months": [f"tháng {m}" for m in range(1, 13)], "shortMonths": [f"Th{m}" for m in range(1, 13)],
}


def chart_locale(lang: str) -> Spec:
    """Vietnamese writes 1.234,5 and "tháng 3" where English writes 1,234.5 and "March"; charts follow the page."""
    if lang == "vi":
        return {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " USD"]}, "time": VI_TIME}
    return {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " USD"]}}


def _chart(datasets: dict[str, pd.DataFrame], body: Spec, lang: str) -> Spec:
    return {**body, "datasets": datasets, "config": {"locale": chart_locale(lang)}}


def _field(name: str, kind: str, title: str | None = None, **options: Any) -> Spec:
    return {"field": name, "type": kind, "title": title, **options}


def _side_by_side(points: pd.DataFrame) -> np.ndarray:
    """Pixels to move each point sideways so that points of one lane and day do not hide each other (0 when alone)."""
    keys = [points["lane"], points["day"]]
    rank = points.groupby(keys, sort=False).cumcount().to_numpy()
    size = points.groupby(keys, sort=False)["lane"].transform("size").to_numpy()
    return (rank - (size - 1) / 2) * 9.0


def _period_ends(starts: np.ndarray, precision: pd.Series) -> np.ndarray:
    """Where the year or month of a year-only or month-only date ends (NaT for a known day)."""
    ends = np.full(len(starts), np.datetime64("NaT"), dtype="datetime64[ns]")
    for unit, name in (("Y", "year"), ("M", "month")):
        coarse = (precision == name).to_numpy()
        ends[coarse] = (starts[coarse].astype(f"datetime64[{unit}]") + 1).astype("datetime64[ns]")
    return ends


def dialogue_timeline(events: pd.DataFrame, lang: str) -> Spec:
    """One lane per mechanism and country pair (the MAX_LANES busiest); markers by status, larger where a point
    stands for several events, side by side where several fall on one day of a lane; a date known only to the
    year or month is a pale bar over that year or month with a hollow marker in the middle. A click on a marker or a bar
    selects its event in DIALOGUE_PICK. Expects columns event_id, lane, day (datetime), date_precision, status,
    date, place, participants, n_sources."""
    points = _timeline_points(busiest_lanes(events.dropna(subset=["day"])))
    drawn = [status for status in DIALOGUE_STATUSES if status in set(points["status"])]
    starts = points["day"].to_numpy(dtype="datetime64[ns]")
    ends = _period_ends(starts, points["date_precision"])
    middles = np.where(np.isnat(ends), starts, starts + (ends - starts) // 2)
    rows = pd.DataFrame({
        "lane": _text(points["lane"]),
        "day": middles,
        "start": starts,
        "end": ends,
        "status": [value_label(status, lang) for status in points["status"]],
        "date": _text(points["date"]),
        "place": _text(points["place"]),
        "participants": _text(points["participants"]),
        "n_sources": points["n_sources"].to_numpy(dtype=float, na_value=0).astype(int),
        "size": (8 + points["count"].clip(upper=20).to_numpy()) ** 2,
        "event_id": _text(points["event_id"]),
    })
    rows["offset"] = _side_by_side(rows)
    statuses = [value_label(status, lang) for status in drawn]
    colour = _field("status", "nominal", legend=LEGEND,
                    scale={"domain": statuses, "range": [STATUS_STYLE[s][1] for s in drawn]})
    spans = {
        "transform": [{"filter": "isValid(datum.end)"}],
        "mark": {"type": "rule", "strokeWidth": 9, "strokeCap": "round", "opacity": 0.35, "cursor": "pointer"},
        "encoding": {"x": _field("start", "temporal", t("date", lang)), "x2": {"field": "end"},
                     "color": {**colour, "legend": None}},
    }
    markers = {
        "mark": {"type": "point", "filled": True, "stroke": "#333", "strokeWidth": 1, "opacity": 0.85, "cursor": "pointer"},
        "params": [{"name": DIALOGUE_PICK, "select": {"type": "point", "fields": ["event_id"], "on": "click"}}],
        "encoding": {
            "x": _field("day", "temporal", t("date", lang)),
            "xOffset": _field("offset", "quantitative", scale=None),
            "color": colour,
            "shape": _field("status", "nominal", legend=LEGEND,
                            scale={"domain": statuses, "range": [STATUS_STYLE[s][0] for s in drawn]}),
            "size": _field("size", "quantitative", scale=None, legend=None),
            # Hollow where the day is not known: a month's bar is hardly wider than the marker.
            "fillOpacity": {"condition": {"test": "isValid(datum.end)", "value": 0.15}, "value": 1},
        },
    }
    return _chart({"points": rows}, {
        "data": {"name": "points"},
        "encoding": {
            "y": _field("lane", "nominal", axis={"labelLimit": 320}),
            "tooltip": [
                _field("lane", "nominal", t("lane", lang)),
                _field("status", "nominal", t("status", lang)),
                _field("date", "nominal", t("date", lang)),
                _field("place", "nominal", t("place", lang)),
                _field("participants", "nominal", t("participants", lang)),
                _field("n_sources", "quantitative", t("n_sources", lang)),
            ],
        },
        "layer": [spans, markers],
        "height": max(260, 40 * rows["lane"].nunique() + 120),
    }, lang)


def _segments(pairs: pd.DataFrame, weight: str, kind: str) -> pd.DataFrame:
    """Lines between country centroids, the MAX_LINES heaviest, width 1..5 by weight. Expects columns from, to,
    `weight`, label."""
    where = centroids()
    drawable = pairs[pairs["from"].isin(where.keys()) & pairs["to"].isin(where.keys())]
    drawable = drawable.sort_values(weight, ascending=False).head(MAX_LINES)
    start = np.array([where[code] for code in drawable["from"]], dtype=float).reshape(-1, 2)
    end = np.array([where[code] for code in drawable["to"]], dtype=float).reshape(-1, 2)
    top = drawable[weight].max() if len(drawable) else 0
    width = (1 + (4 * drawable[weight] / top).round()).astype(int) if top else pd.Series(1, index=drawable.index)
    return pd.DataFrame({
        "lon": start[:, 0], "lat": start[:, 1], "lon2": end[:, 0], "lat2": end[:, 1],
        "width": width.to_numpy(dtype=int), "label": _text(drawable["label"]).to_numpy(), "kind": kind,
    })


def _pick(name: str) -> Spec:
    return {"name": name, "select": {"type": "point", "fields": ["country"], "on": "click"}}


def _country_layers(metric_label: str, top: float, lang: str) -> tuple[Spec, Spec]:
    """The "countries" rows (country, value, name, lon, lat) as shapes, each outline looked up by ISO-3 code in the
    browser from the served world outline, and the small states (rows with lon and lat) as points; a click selects
    the country in COUNTRY_PICK (shapes) or SMALL_STATE_PICK (points). The points are drawn above the lines, so
    a line crossing a small state does not hide it; both colour scales run from 0 to `top`, so they agree."""
    outline = {"url": TOPOJSON_URL, "format": {"type": "topojson", "feature": "countries"}}
    encoding = {
        "color": _field("value", "quantitative", metric_label, scale={"scheme": "blues", "domain": [0, top]}),
        "tooltip": [_field("name", "nominal", t("country", lang)), _field("value", "quantitative", metric_label)],
        # Read out by screen readers (the mark's aria-label), e.g. "Ấn Độ (IND)".
        "description": {"field": "label"},
    }
    shapes = {
        "params": [_pick(COUNTRY_PICK)],
        "transform": [{"filter": "!isValid(datum.lon)"},
                      {"lookup": "country", "from": {"data": outline, "key": "id"}, "as": "outline"}],
        "mark": {"type": "geoshape", "stroke": "#666", "strokeWidth": 0.4},
        "encoding": {"shape": _field("outline", "geojson"), **encoding},
    }
    points = {
        "params": [_pick(SMALL_STATE_PICK)],
        "transform": [{"filter": "isValid(datum.lon)"}],
        "mark": {"type": "circle", "size": 70, "stroke": "#444", "strokeWidth": 0.8, "opacity": 1},
        "encoding": {"longitude": _field("lon", "quantitative"), "latitude": _field("lat", "quantitative"), **encoding},
    }
    points["encoding"]["color"] = {**encoding["color"], "legend": None}
    return {"data": {"name": "countries"}, **shapes}, {"data": {"name": "countries"}, **points}


def _curves(flows: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Each of the `flows` segments as a quadratic curve bent to the left of its direction, CURVE_STEPS + 1 points
    (columns flow, step, lon, lat, width, label, kind), so that an arms flow leaves the straight line of a dialogue
    between the same pair, and A -> B and B -> A part; and the angle of each curve's end (degrees clockwise from
    north), for its arrowhead."""
    start, end = flows[["lon", "lat"]].to_numpy(float), flows[["lon2", "lat2"]].to_numpy(float)
    along = end - start
    control = (start + end) / 2 + CURVE_BEND * np.column_stack([-along[:, 1], along[:, 0]])
    share = np.linspace(0, 1, CURVE_STEPS + 1)[None, :, None]
    points = ((1 - share) ** 2 * start[:, None] + 2 * (1 - share) * share * control[:, None]
              + share ** 2 * end[:, None]).reshape(-1, 2)
    steps = CURVE_STEPS + 1
    at_end = end - control
    return pd.DataFrame({
        "flow": np.repeat(np.arange(len(flows)), steps), "step": np.tile(np.arange(steps), len(flows)),
        "lon": points[:, 0], "lat": points[:, 1], **{name: np.repeat(flows[name].to_numpy(), steps)
                                                     for name in ("width", "label", "kind")},
    }), np.degrees(np.arctan2(at_end[:, 0], at_end[:, 1]))


def _line_layers(kinds: list[str]) -> Spec:
    """Straight partner lines (`kinds[0]`, from the "lines" rows), curved arms flows (`kinds[1]`, the "curves"
    rows) with arrowheads drawn above both; one colour legend."""
    colour = _field("kind", "nominal", scale={"domain": kinds, "range": [PARTNER_COLOUR, FLOW_COLOUR]}, legend=LEGEND)
    tooltip = _field("label", "nominal")
    width = _field("width", "quantitative", scale=None, legend=None)
    rules = {
        "data": {"name": "lines"},
        "transform": [{"filter": {"field": "kind", "equal": kinds[0]}}],
        "mark": {"type": "rule", "opacity": 0.8},
        "encoding": {
            "longitude": _field("lon", "quantitative"), "latitude": _field("lat", "quantitative"),
            "longitude2": {"field": "lon2"}, "latitude2": {"field": "lat2"},
            "strokeWidth": width, "color": colour, "tooltip": tooltip,
        },
    }
    curves = {
        "data": {"name": "curves"},
        "mark": {"type": "line", "opacity": 0.85, "strokeDash": [6, 2]},
        "encoding": {
            "longitude": _field("lon", "quantitative"), "latitude": _field("lat", "quantitative"),
            "detail": _field("flow", "nominal"), "order": _field("step", "quantitative"),
            "strokeWidth": width, "color": colour, "tooltip": tooltip,
        },
    }
    arrows = {
        "data": {"name": "lines"},
        "transform": [{"filter": {"field": "kind", "equal": kinds[1]}}],
        "mark": {"type": "point", "shape": "triangle-up", "filled": True, "size": 110, "opacity": 0.9},
        "encoding": {
            "longitude": _field("lon2", "quantitative"), "latitude": _field("lat2", "quantitative"),
            "angle": _field("angle", "quantitative", scale=None), "color": colour, "tooltip": tooltip,
        },
    }
    return {"layer": [rules, curves, arrows]}


def _flow_label(seller: str, buyer: str, n: int, value: float, lang: str) -> str:
    """E.g. 'Nga → Ấn Độ: 3 thương vụ, 5,4 tỷ USD' (the known value only when there is one)."""
    said = f"{country_label(seller, lang)} → {country_label(buyer, lang)}: {number(n, lang)} {t('deals', lang).lower()}"
    return f"{said}, {scaled(float(value), lang, places=1)} USD" if pd.notna(value) and value > 0 else said


def world_map(involvement: pd.DataFrame, partners: pd.DataFrame, flows: pd.DataFrame, lang: str,
              metric_label: str) -> Spec:
    """Countries coloured by `involvement` (country, value, name), lines between dialogue partners and
    seller -> buyer arrows sized by value. Lines are capped at MAX_LINES, the largest first. A click on a country
    selects its code in the COUNTRY_PICK selection (field "country")."""
    countries = pd.DataFrame({"country": involvement["country"].astype(str),
                              "value": pd.to_numeric(involvement["value"], errors="coerce").fillna(0),
                              "name": _text(involvement["name"])})
    countries["label"] = countries["name"] + " (" + countries["country"] + ")"
    dots = small_states()
    countries["lon"] = countries["country"].map(lambda code: dots.get(code, (None, None))[0]).astype(float)
    countries["lat"] = countries["country"].map(lambda code: dots.get(code, (None, None))[1]).astype(float)
    partner_lines = partners.rename(columns={"a": "from", "b": "to"})
    partner_lines = partner_lines.assign(label=[
        f"{country_label(a, lang)} – {country_label(b, lang)}: {number(n, lang)} {t('dialogues', lang).lower()}"
        for a, b, n in zip(partner_lines["from"], partner_lines["to"], partner_lines["count"])])
    flow_lines = flows.rename(columns={"seller": "from", "buyer": "to"})
    flow_lines = flow_lines.assign(weight=flow_lines["value_usd"].fillna(0) + flow_lines["count"], label=[
        _flow_label(seller, buyer, n, value, lang)
        for seller, buyer, n, value in zip(flow_lines["from"], flow_lines["to"], flow_lines["count"], flow_lines["value_usd"])])
    kinds = [t("dialogues", lang), t("deals", lang)]
    flow_segments = _segments(flow_lines, "weight", kinds[1])
    curves, angles = _curves(flow_segments)
    lines = pd.concat([_segments(partner_lines, "count", kinds[0]), flow_segments.assign(angle=angles)],
                      ignore_index=True)
    shapes, points = _country_layers(metric_label, max(float(countries["value"].max()), 1) if len(countries) else 1, lang)
    return _chart({"countries": countries, "lines": lines, "curves": curves}, {
        "projection": {"type": "equalEarth"},
        # Lines and arrows share one colour legend; the countries' colour scale is a separate one.
        "layer": [shapes, _line_layers(kinds), points],
        "resolve": {"scale": {"color": "independent"}},
        "height": 520,
    }, lang)


def totals_bar(totals: pd.DataFrame, lang: str, key_label: str, top: int = 25) -> Spec:
    """Known deal value in USD per `key` (named `key_label`; number of deals in the tooltip), largest first;
    columns key, value_usd."""
    values = pd.to_numeric(totals["value_usd"], errors="coerce").fillna(0)
    summed = (totals.assign(value=values, key=totals["key"].fillna("?"))
              .groupby("key", as_index=False).agg(value=("value", "sum"), count=("value", "size"))
              .sort_values(["value", "count"], ascending=False).head(top))
    rows = summed.assign(key=_text(summed["key"]))
    billions = f"format(datum.value / 1e9, ',~r') + ' {t('billion', lang)}'"
    return _chart({"totals": rows}, {
        "data": {"name": "totals"},
        "mark": {"type": "bar", "color": PARTNER_COLOUR},
        "encoding": {
            "x": _field("value", "quantitative", t("value_usd", lang), axis={"labelExpr": billions, "tickCount": 4}),
            "y": _field("key", "nominal", sort=rows["key"].tolist(), axis={"labelLimit": 200}),
            "tooltip": [_field("key", "nominal", key_label),
                        _field("value", "quantitative", t("value_usd", lang), format=",.0f"),
                        _field("count", "quantitative", t("deals", lang))],
        },
        "height": max(220, 28 * len(rows) + 80),
    }, lang)


def per_year_bars(rows: pd.DataFrame, lang: str, measure: str, measure_label: str, group_label: str) -> Spec:
    """Bars per year stacked by group: columns year, group (a label) and `measure` (named `measure_label`);
    dollars are written in billions on the axis."""
    data = pd.DataFrame({"year": rows["year"].astype("int64").astype(str), "group": _text(rows["group"]),
                         "value": pd.to_numeric(rows[measure], errors="coerce").fillna(0)})
    axis = {"tickCount": 4}
    if measure == "value_usd":
        axis["labelExpr"] = f"format(datum.value / 1e9, ',~r') + ' {t('billion', lang)}'"
    return _chart({"years": data}, {
        "data": {"name": "years"},
        "mark": {"type": "bar"},
        "encoding": {
            "x": _field("year", "ordinal", t("year", lang), axis={"labelAngle": 0}),
            "y": _field("value", "quantitative", measure_label, axis=axis, stack="zero"),
            "color": _field("group", "nominal", legend={**LEGEND, "columns": 4, "labelLimit": 220}),
            "tooltip": [_field("year", "ordinal", t("year", lang)), _field("group", "nominal", group_label),
                        _field("value", "quantitative", measure_label, format=",.0f")],
        },
        "height": 300,
    }, lang)
