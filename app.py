"""Dashboard entry point and its home page, Tổng quan: the counts, the latest events, where the data came from.

The dashboard uses Streamlit's `pages/` folder model only (no st.navigation): each page script calls
`ui.context()`, which draws the shared navigation and filters and keeps the URL in step.
"""

import pandas as pd
import streamlit as st

from components import charts, data, ui
from newsfacts.filters import filter_articles, filter_deals, filter_dialogues
from components.i18n import t
from components.views import (country_names, deal_table, deal_value_per_year, dialogue_table, dialogues_per_year,
                              file_table, labels, number, usd_short)

ctx = ui.context()
store, lang = ctx.store, ctx.lang
st.title(t("app_title", lang))
if store.articles.empty:
    st.info(t("empty_store", lang))

articles = filter_articles(store.filterable, ctx.filters)
dialogues = filter_dialogues(store.filterable, ctx.filters)
deals = filter_deals(store.filterable, ctx.filters)
countries = articles["countries"].explode().dropna().nunique()
known_value = pd.to_numeric(deals["value_usd"], errors="coerce").sum()

columns = st.columns(5)
columns[0].metric(t("articles", lang), number(len(articles), lang))
columns[1].metric(t("dialogues", lang), number(len(dialogues), lang))
columns[2].metric(t("deals", lang), number(len(deals), lang))
columns[3].metric(t("deal_value", lang), usd_short(known_value, lang))
columns[4].metric(t("countries", lang), number(countries, lang))

st.subheader(t("trends", lang))
left, right = st.columns(2)
with left:
    st.markdown(f"**{t('dialogues_per_year', lang)}**")
    per_year = dialogues_per_year(dialogues)
    ui.chart(charts.per_year_bars(per_year.assign(group=labels(per_year["mechanism"], lang)), lang, "n_dialogues",
                                  t("dialogues", lang), t("mechanism", lang)), key="trend_dialogues")
    undated = len(dialogues) - int(per_year["n_dialogues"].sum())
    if undated:
        st.caption(t("undated_left_out", lang, n=number(undated, lang)))
    ui.chart_data(per_year, "doi-thoai-theo-nam", "trend_dialogues_csv", lang)
with right:
    st.markdown(f"**{t('deal_value_per_year', lang)}**")
    side = st.segmented_control(t("by_side", lang), ("buyer", "seller"), format_func=lambda s: t(s, lang),
                                key="trend_side", default="buyer") or "buyer"
    value_per_year = deal_value_per_year(deals, side)
    names = country_names(value_per_year["country_iso3"].replace("", None), lang).fillna(t("other_countries", lang))
    ui.chart(charts.per_year_bars(value_per_year.assign(group=names), lang, "value_usd", t("value_usd", lang),
                                  t(side, lang)), key="trend_deals")
    undated = len(deals) - int(value_per_year["n_deals"].sum())
    if undated:
        st.caption(t("undated_left_out", lang, n=number(undated, lang)))
    ui.chart_data(value_per_year.rename(columns={"country_iso3": f"{side}_iso3"}), f"gia-tri-theo-nam-{side}",
                  "trend_deals_csv", lang)

st.subheader(t("latest_dialogues", lang))
latest = dialogues.sort_values("date_start", ascending=False, na_position="last").head(10)
ui.table(latest, "doi-thoai-moi-nhat", "overview_dialogues", lang,
         build=lambda rows: dialogue_table(rows, store.dialogue_mentions, lang, ctx.links, ctx.originals))

st.subheader(t("latest_deals", lang))
newest = deals.sort_values("year", ascending=False, na_position="last").head(10)
ui.table(newest, "thuong-vu-moi-nhat", "overview_deals", lang,
         build=lambda rows: deal_table(rows, store.deal_mentions, lang, ctx.links, ctx.originals))

st.subheader(t("data_origin", lang))
last = store.files["ingested_at"].dropna().max() if len(store.files) else None
st.caption(f"{t('last_ingested', lang)}: {last or '—'}")
by_source = articles.groupby(articles["source"].fillna("—"), as_index=False).size()
by_source.columns = [t("source", lang), t("articles", lang)]
ui.table(by_source, "nguon", "overview_sources", lang)
newest_files = store.files.sort_values("ingested_at", ascending=False, na_position="last", kind="stable")
ui.table(newest_files, "tep-da-nhap", "overview_files", lang, build=lambda rows: file_table(rows, lang, data.shown_file))
