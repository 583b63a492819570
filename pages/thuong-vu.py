"""Thương vụ vũ khí: the deals table, totals by buyer, seller and category, and where sources disagree."""

import pandas as pd
import streamlit as st

from components import charts, ui
from newsfacts.filters import filter_deals
from components.i18n import t
from components.views import conflict_rows, country_names, deal_table, labels

ctx = ui.context()
store, lang = ctx.store, ctx.lang
st.title(t("page_deals", lang))

deals = filter_deals(store.filterable, ctx.filters).sort_values("year", ascending=False, na_position="last")
if deals.empty:
    st.info(t("no_rows", lang))

ui.table(deals, "thuong-vu", "deal_table", lang,
         build=lambda rows: deal_table(rows, store.deal_mentions, lang, ctx.links, ctx.originals))
ui.exports(ctx, "deals")

totals = {
    ("totals_buyer", "buyer"): country_names(deals["buyer"], lang),
    ("totals_seller", "seller"): country_names(deals["seller"], lang),
    ("totals_category", "category"): labels(deals["category"], lang),
}
valued = deals["value_usd"].notna()
for column, ((label, key), keys) in zip(st.columns(3), totals.items()):
    with column:
        st.subheader(t(label, lang))
        if not valued.any():
            st.caption(t("no_values", lang))  # bars of zero would read as deals worth nothing
            continue
        by_key = pd.DataFrame({"key": keys[valued], "value_usd": deals["value_usd"][valued]})
        ui.chart(charts.totals_bar(by_key, lang, t(key, lang)), key=f"deals_{label}")

st.subheader(t("conflicts", lang))
described = (country_names(deals["seller"], lang).fillna("?") + " → " + country_names(deals["buyer"], lang).fillna("?")
             + ": " + deals["system"].fillna(""))
conflicts = conflict_rows(deals, store.articles, described, lang)
if conflicts.empty:
    st.caption(t("no_conflicts", lang))
else:
    ui.table(conflicts, "thuong-vu-mau-thuan", "deal_conflicts", lang)
