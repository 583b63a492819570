"""Bản đồ: countries coloured by involvement, dialogue partners and arms flows; a country chosen here filters every page."""

import pandas as pd
import streamlit as st

from components import charts, sidebar, ui
from newsfacts.filters import filter_articles, filter_deals, filter_dialogues
from components.i18n import country_label, t
from components.views import (arms_flows, country_involvement, country_names, number, partner_pairs,
                              party_involvement)

METRICS = ("by_dialogues", "by_deals", "by_mentions")

ctx = ui.context(page_params=("metric",))
store, lang = ctx.store, ctx.lang
st.title(t("page_map", lang))
st.caption(t("map_hint", lang))

dialogues = filter_dialogues(store.filterable, ctx.filters)
deals = filter_deals(store.filterable, ctx.filters)
articles = filter_articles(store.filterable, ctx.filters)

if "map_metric" not in st.session_state:
    wanted = st.query_params.get("metric")
    st.session_state["map_metric"] = wanted if wanted in METRICS else METRICS[0]
metric = st.segmented_control(t("colour_by", lang), METRICS, format_func=lambda m: t(m, lang), key="map_metric") or METRICS[0]
if metric == METRICS[0]:
    st.query_params.pop("metric", None)
else:
    st.query_params["metric"] = metric
if metric == "by_dialogues":
    involvement = party_involvement(dialogues)
elif metric == "by_deals":
    involvement = country_involvement(pd.concat([deals["buyer"], deals["seller"]]))
else:
    mentions = store.article_countries[store.article_countries["article_id"].isin(articles["article_id"])]
    involvement = country_involvement(mentions["country"], mentions["n_mentions"])
involvement = involvement.assign(name=country_names(involvement["country"], lang))
# Every country of the world outline is drawn (at 0 when not involved), so any of them can be clicked.
shapes = pd.DataFrame({"country": sorted(set(charts.centroids()) - set(involvement["country"])), "value": 0})
shapes = shapes.assign(name=country_names(shapes["country"], lang))


def pick_country() -> None:
    selection = st.session_state["world_map"].selection
    picked = [*(selection.get(charts.COUNTRY_PICK) or []), *(selection.get(charts.SMALL_STATE_PICK) or [])]
    codes = list(dict.fromkeys(point["country"] for point in picked if isinstance(point, dict) and point.get("country")))
    if codes:
        sidebar.set_countries(codes)


def pick_from_list() -> None:
    code = st.session_state["map_country"]
    sidebar.set_countries([code] if code else [])


partners, flows = partner_pairs(dialogues), arms_flows(deals)
if involvement.empty:
    st.info(t("no_rows", lang))
else:
    figure = charts.world_map(pd.concat([involvement, shapes], ignore_index=True), partners, flows, lang, t(metric, lang))
    ui.chart(figure, key="world_map", on_select=pick_country, selection_mode=[charts.COUNTRY_PICK, charts.SMALL_STATE_PICK])
for lines in (partners, flows):
    if len(lines) > charts.MAX_LINES:
        st.caption(t("top_only", lang, limit=charts.MAX_LINES, n=number(len(lines), lang)))

codes = sidebar.country_options(store)
current = ctx.filters.countries[0] if len(ctx.filters.countries) == 1 else None
st.session_state["map_country"] = current if current in codes else None
st.selectbox(t("choose_country", lang), codes, key="map_country", on_change=pick_from_list, placeholder=t("choose", lang),
             format_func=lambda c: f"{country_label(c, lang)} ({c})")

st.subheader(t("country_table", lang))
display = pd.DataFrame({t("country", lang): involvement["name"], "ISO-3": involvement["country"],
                        t(metric, lang): involvement["value"]})
ui.table(display, "ban-do-quoc-gia", "map_table", lang)
