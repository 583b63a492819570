"""Chart builders: a DataFrame in, a plotly figure out; no Streamlit, so they are tested without a browser."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.i18n import DIALOGUE_STATUSES, t, value_label

# Well under the issue's ~5,000: at 100,000 articles a 5,000-marker SVG timeline cost the browser seconds per rerun.
MAX_MARKS = 1_000
# Lines per kind on the map: 300 partner lines and 300 arrows took the browser twice as long to draw as 100 of each,
# and more than 100 lines on a world map cannot be told apart anyway.
MAX_LINES = 100
MAX_LANES = 40
TOPOJSON = Path(__file__).resolve().parent.parent / "static" / "topojson" / "world_110m.json"
STATUS_STYLE = {
    "held": ("circle", "#2e7d32"),
    "planned": ("diamond", "#1565c0"),
    "postponed": ("triangle-up", "#ef6c00"),
    "agreed": ("square", "#6a1b9a"),
    "cancelled": ("x", "#c62828"),
}
LAYOUT = {"margin": {"l": 10, "r": 10, "t": 30, "b": 10}, "legend": {"orientation": "h", "y": -0.15}}


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """ISO-3 -> (lon, lat) of each country's centroid, from the world outline the map already serves."""
    countries = json.loads(TOPOJSON.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"]
    return {c["id"]: tuple(c["properties"]["ct"]) for c in countries if "ct" in c.get("properties", {})}


def plain(values: pd.Series) -> pd.Series:
    """Text as plotly must get it: plotly reads tags such as <a> and <b> in labels and hovers, so escape them."""
    text = values.astype("string").fillna("")
    return text.str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;").astype(object)


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


def dialogue_timeline(events: pd.DataFrame, lang: str) -> go.Figure:
    """One lane per mechanism and country pair (the MAX_LANES busiest); markers by status. Expects columns
    lane, day (datetime), status, date, place, participants, n_sources."""
    points = _timeline_points(busiest_lanes(events.dropna(subset=["day"])))
    points = points.assign(**{column: plain(points[column]) for column in ("lane", "date", "place", "participants")})
    figure = go.Figure()
    for status in DIALOGUE_STATUSES:
        rows = points[points["status"] == status]
        if rows.empty:
            continue
        symbol, colour = STATUS_STYLE[status]
        figure.add_trace(go.Scatter(
            x=rows["day"], y=rows["lane"], mode="markers", name=value_label(status, lang),
            marker={"symbol": symbol, "color": colour, "size": (8 + rows["count"].clip(upper=20)).tolist(),
                    "line": {"width": 1, "color": "#333"}},
            customdata=rows[["date", "place", "participants", "n_sources"]].to_numpy(),
            hovertemplate=(f"{t('date', lang)}: %{{customdata[0]}}<br>{t('place', lang)}: %{{customdata[1]}}<br>"
                           f"{t('participants', lang)}: %{{customdata[2]}}<br>{t('n_sources', lang)}: %{{customdata[3]}}"
                           "<extra>%{y}</extra>"),
        ))
    lanes = points["lane"].nunique()
    figure.update_layout(**LAYOUT, height=max(260, 40 * lanes + 120), xaxis={"title": t("date", lang), "tickformat": "%m/%Y"},
                         yaxis={"title": None, "automargin": True})
    return figure


def _line_traces(pairs: pd.DataFrame, weight: str, colour: str, name: str, arrow: bool) -> list[go.Scattergeo]:
    """Lines between country centroids, one trace per width class (1..5) so the figure stays small."""
    where = centroids()
    drawable = pairs[pairs["from"].isin(where.keys()) & pairs["to"].isin(where.keys())]
    drawable = drawable.sort_values(weight, ascending=False).head(MAX_LINES)
    top = drawable[weight].max() if len(drawable) else 0
    widths = (1 + (4 * drawable[weight] / top).round()).astype(int) if top else pd.Series(1, index=drawable.index)
    traces = []
    for width, lines in drawable.groupby(widths):
        start = lines["from"].map(where)
        end = lines["to"].map(where)
        lon = [v for a, b in zip(start, end) for v in (a[0], b[0], None)]
        lat = [v for a, b in zip(start, end) for v in (a[1], b[1], None)]
        text = [v for label in plain(lines["label"]) for v in (label, label, None)]
        traces.append(go.Scattergeo(
            lon=lon, lat=lat, mode="lines+markers" if arrow else "lines", text=text, hoverinfo="text",
            line={"width": int(width), "color": colour},
            marker={"size": [0, 12, 0] * len(lines), "symbol": "arrow", "color": colour, "angleref": "previous"}
            if arrow else None,
            name=name, legendgroup=name, showlegend=not traces,
        ))
    return traces


def world_map(involvement: pd.DataFrame, partners: pd.DataFrame, flows: pd.DataFrame, lang: str,
              metric_label: str) -> go.Figure:
    """Choropleth of `involvement` (country, value, name), lines between dialogue partners and
    seller -> buyer arrows sized by value. Lines are capped at MAX_LINES, the largest first."""
    figure = go.Figure(go.Choropleth(
        locations=involvement["country"], z=involvement["value"], locationmode="ISO-3",
        text=plain(involvement["name"]), colorscale="Blues", marker_line_color="#666", marker_line_width=0.4,
        colorbar={"title": {"text": metric_label}, "thickness": 12}, name=metric_label,
        hovertemplate="%{text}: %{z}<extra></extra>",
    ))
    partner_lines = partners.rename(columns={"a": "from", "b": "to"}).assign(
        label=lambda d: d["from"] + " – " + d["to"] + ": " + d["count"].astype(str))
    flow_lines = flows.rename(columns={"seller": "from", "buyer": "to"}).assign(
        weight=lambda d: d["value_usd"].fillna(0) + d["count"],
        label=lambda d: d["from"] + " → " + d["to"] + ": " + d["count"].astype(str))
    for trace in _line_traces(partner_lines[["from", "to", "count", "label"]], "count", "#1565c0",
                              t("dialogues", lang), arrow=False):
        figure.add_trace(trace)
    for trace in _line_traces(flow_lines[["from", "to", "weight", "label"]], "weight", "#c62828",
                              t("deals", lang), arrow=True):
        figure.add_trace(trace)
    figure.update_geos(showcountries=True, countrycolor="#999", showland=True, landcolor="#f4f4f4",
                       showframe=False, projection_type="natural earth")
    figure.update_layout(**LAYOUT, height=520, clickmode="event+select")
    return figure


def totals_bar(totals: pd.DataFrame, lang: str, top: int = 25) -> go.Figure:
    """Known deal value in USD per `key` (number of deals in the hover), largest first; columns key, value_usd."""
    values = pd.to_numeric(totals["value_usd"], errors="coerce").fillna(0)
    summed = (totals.assign(value=values, key=totals["key"].fillna("?"))
              .groupby("key", as_index=False).agg(value=("value", "sum"), count=("value", "size"))
              .sort_values(["value", "count"], ascending=False).head(top))
    figure = go.Figure(go.Bar(
        x=summed["value"], y=plain(summed["key"]), orientation="h", customdata=summed[["count"]].to_numpy(),
        hovertemplate=f"%{{y}}: %{{x:,.0f}} USD<br>{t('deals', lang)}: %{{customdata[0]}}<extra></extra>",
        marker_color="#1565c0",
    ))
    figure.update_layout(**LAYOUT, height=max(220, 28 * len(summed) + 80), xaxis_title=t("value_usd", lang),
                         yaxis={"autorange": "reversed", "automargin": True})
    return figure
