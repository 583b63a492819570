"""Đối thoại: a timeline per mechanism and country pair, the table, and the evidence of one dialogue."""

import pandas as pd
import streamlit as st

from components import charts, ui
from newsfacts.filters import filter_dialogues
from components.i18n import t
from components.views import conflict_rows, dialogue_table, labels, number, pair_names, participant_names, place

ctx = ui.context()
store, lang = ctx.store, ctx.lang
st.title(t("page_dialogues", lang))

events = filter_dialogues(store.filterable, ctx.filters).sort_values("date_start", na_position="last")
if events.empty:
    st.info(t("no_rows", lang))

st.subheader(t("timeline", lang))
lanes = labels(events["mechanism"], lang) + " · " + pair_names(events["pair"], lang)
coarse = events["date_precision"].isin(["year", "month"])
timeline = events.assign(
    lane=lanes,
    date=events["date"].where(~coarse, events["date"] + " (" + labels(events["date_precision"], lang) + ")"),
    day=pd.to_datetime(events["date_start"], errors="coerce", format="mixed"),
    place=place(events["location_city"], events["location_country"], lang),
    participants=participant_names(events["participants"]),
)
drawn = charts.busiest_lanes(timeline.dropna(subset=["day"]))


def pick_from_timeline() -> None:
    """A click on a marker chooses its dialogue below (the first event of a grouped marker)."""
    picked = st.session_state["dialogue_timeline"].selection.get(charts.DIALOGUE_PICK) or []
    ids = [point["event_id"] for point in picked if isinstance(point, dict) and point.get("event_id")]
    rows = events.index[events["event_id"].isin(ids)]
    if len(rows):
        st.session_state["dialogue_pick"] = rows[0]


ui.chart(charts.dialogue_timeline(drawn, lang), key="dialogue_timeline", on_select=pick_from_timeline,
         selection_mode=[charts.DIALOGUE_PICK])
ui.marks_note(len(drawn), lang)
if drawn["date_precision"].isin(["year", "month"]).any():
    st.caption(t("span_note", lang))
ui.lanes_note(timeline["lane"].nunique(), lang)

newest = events.sort_values("date_start", ascending=False, na_position="last", kind="stable")
ui.table(newest, "doi-thoai", "dialogue_table", lang,
         build=lambda rows: dialogue_table(rows, store.dialogue_mentions, lang, ctx.links, ctx.originals))
ui.exports(ctx, "dialogues")

st.subheader(t("conflicts", lang))
disagreeing = conflict_rows(newest, store.articles, newest["date"].fillna("?") + " · " + lanes.loc[newest.index], lang)
if disagreeing.empty:
    st.caption(t("no_conflicts", lang))
else:
    ui.table(disagreeing, "doi-thoai-mau-thuan", "dialogue_conflicts", lang)

st.subheader(t("evidence", lang))
listed = newest.head(ui.MAX_ROWS)
picked = st.session_state.get("dialogue_pick")
offered = listed if picked not in events.index or picked in listed.index else pd.concat([listed, events.loc[[picked]]])
names = (offered["date"].fillna("?") + " · " + lanes.loc[offered.index] + " · "
         + labels(offered["status"], lang)).to_dict()
chosen = st.selectbox(t("choose_dialogue", lang), list(names), format_func=names.get, key="dialogue_pick", index=None,
                      placeholder=t("choose", lang))
if len(newest) > len(listed):
    st.caption(t("pick_capped", lang, shown=number(len(listed), lang)))
if chosen is not None:
    mentions = store.dialogue_mentions[store.dialogue_mentions["event_id"] == events.loc[chosen, "event_id"]]
    sources = store.articles[store.articles["article_id"].isin(mentions["article_id"])]
    titles = sources.set_index("article_id")["title"]
    for mention in mentions.itertuples(index=False):
        st.text(f"{titles.get(mention.article_id, '')}")
        for text, index in zip(mention.evidence_text, mention.evidence):
            st.text(f"[{index}] {text}")
            st.page_link("pages/bai-bao.py", label=f"{t('open_article', lang)} · {t('sentence_n', lang, n=index)}",
                         query_params={"article": mention.article_id, "sentence": str(index)})
