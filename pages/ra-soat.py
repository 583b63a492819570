"""Rà soát: the events that most need an analyst's eye, and the corrections an analyst makes to them."""

from datetime import datetime

import pandas as pd
import streamlit as st

from components import review, ui
from components.data import export_corrections
from newsfacts.export import file_name
from newsfacts.filters import filter_deals, filter_dialogues
from components.i18n import t

ctx = ui.context()
store, lang = ctx.store, ctx.lang
st.title(t("page_review", lang))
review.show_message()
analyst = review.analyst_name(lang)
if not analyst:
    st.info(t("analyst_needed", lang))

kind = st.segmented_control(t("event_kind", lang), review.KINDS, key="review_kind", default="dialogue",
                            format_func=lambda k: t(f"{k}s", lang)) or "dialogue"
events = filter_dialogues(store.filterable, ctx.filters) if kind == "dialogue" else filter_deals(store.filterable, ctx.filters)
waiting = review.queue(events)
st.subheader(t("needs_review", lang))
ui.table(waiting, "ra-soat", "review_queue", lang, build=lambda rows: review.queue_table(rows, kind, lang))

listed = waiting.head(ui.MAX_ROWS).set_index("event_id", drop=False)
chosen = st.selectbox(t("choose_event", lang), list(listed.index), key="review_pick", index=None,
                      format_func=lambda e: review.event_label(listed.loc[e], kind, lang), placeholder=t("choose", lang))
if chosen is not None:
    row = listed.loc[chosen]
    st.caption(f"event_id: {chosen}")
    st.dataframe(review.fields_frame(row, kind, lang), hide_index=True, key="review_fields")
    mentions = store.dialogue_mentions if kind == "dialogue" else store.deal_mentions
    for mention in mentions[mentions["event_id"] == chosen].itertuples(index=False):
        for text, index in zip(mention.evidence_text, mention.evidence):
            st.text(f"[{index}] {text}")
            st.page_link("pages/bai-bao.py", label=f"{t('open_article', lang)} · {t('sentence_n', lang, n=index)}",
                         query_params={"article": mention.article_id, "sentence": str(index)})
    review.actions_for(row, kind, waiting, lang, ready=bool(analyst))

with st.expander(t("add_missed", lang), key="review_add_open"):
    review.add_form(store, lang, ready=bool(analyst))

st.subheader(t("orphaned", lang))
orphaned = pd.DataFrame(
    [(o.correction.at, o.correction.by, o.correction.action, o.correction.kind, o.correction.target.event_id, o.detail)
     for o in store.outcomes if o.status == "orphaned"],
    columns=[t("when", lang), t("analyst", lang), "action", t("event_kind", lang), "event_id", t("problem", lang)])
if orphaned.empty:
    st.caption(t("no_orphaned", lang))
else:
    ui.table(orphaned, "ra-soat-mo-coi", "review_orphaned", lang)

with st.expander(t("rejected", lang), key="review_rejected_open"):
    rejected = store.rejected["dialogue_events" if kind == "dialogue" else "deal_events"]
    ui.table(rejected, "ra-soat-loai-bo", "review_rejected", lang,
             build=lambda rows: review.queue_table(rows, kind, lang).assign(
                 **{t("reject_reason", lang): rows["reject_reason"], t("analyst", lang): rows["reviewed_by"]}))

st.subheader(t("share_corrections", lang))
st.download_button(t("export_corrections", lang), data=export_corrections,
                   file_name=file_name("hieu-dinh", "json", datetime.now()),
                   mime="application/json", key="review_export", on_click="ignore")
review.import_file(lang)
