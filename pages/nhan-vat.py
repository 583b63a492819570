"""Nhân vật: the people the articles name, with their roles, countries, articles and the dialogues they took part in."""

import pandas as pd
import streamlit as st

from components import data, ui
from components.i18n import t
from components.views import country_names, joined_text
from newsfacts.export import export_frame

ctx = ui.context()
store, lang = ctx.store, ctx.lang
st.title(t("page_people", lang))
st.caption(t("people_hint", lang))

people = export_frame(data.export_tables(store), "people", ctx.filters)
if people.empty:
    st.info(t("no_rows", lang))


def people_table(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("name", lang): rows["name"],
        t("role", lang): joined_text(rows["roles"]),
        t("country", lang): country_names(rows["country_iso3"], lang),
        t("articles", lang): rows["n_articles"],
        t("first_seen", lang): rows["first_published"],
        t("last_seen", lang): rows["last_published"],
        t("dialogues", lang): rows["dialogue_event_ids"].map(len),
    }, index=rows.index)


busiest = people.sort_values("n_articles", ascending=False, kind="stable")
ui.table(busiest, "nhan-vat", "people_table", lang, build=people_table)
ui.exports(ctx, "people")
