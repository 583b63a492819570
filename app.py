"""Dashboard entry point and its home page, Tổng quan: the counts, the latest events, where the data came from.

The dashboard uses Streamlit's `pages/` folder model only (no st.navigation): each page script calls
`ui.context()`, which draws the shared navigation and filters and keeps the URL in step.
"""

import pandas as pd
import streamlit as st

from components import data, ui
from newsfacts.filters import filter_articles, filter_deals, filter_dialogues
from components.i18n import t
from components.views import deal_table, dialogue_table, file_table, number, usd_short

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

st.subheader(t("latest_dialogues", lang))
latest = dialogues.sort_values("date_start", ascending=False, na_position="last").head(10)
ui.table(latest, "doi-thoai-moi-nhat", "overview_dialogues", lang,
         build=lambda rows: dialogue_table(rows, store.dialogue_mentions, lang, ctx.links))

st.subheader(t("latest_deals", lang))
newest = deals.sort_values("year", ascending=False, na_position="last").head(10)
ui.table(newest, "thuong-vu-moi-nhat", "overview_deals", lang,
         build=lambda rows: deal_table(rows, store.deal_mentions, lang, ctx.links))

st.subheader(t("data_origin", lang))
last = store.files["ingested_at"].dropna().max() if len(store.files) else None
st.caption(f"{t('last_ingested', lang)}: {last or '—'}")
by_source = articles.groupby(articles["source"].fillna("—"), as_index=False).size()
by_source.columns = [t("source", lang), t("articles", lang)]
ui.table(by_source, "nguon", "overview_sources", lang)
newest_files = store.files.sort_values("ingested_at", ascending=False, na_position="last", kind="stable")
ui.table(newest_files, "tep-da-nhap", "overview_files", lang, build=lambda rows: file_table(rows, lang, data.shown_file))
