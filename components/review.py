"""The review page's pieces: the analyst's name, the needs-review queue, and the correction actions.

Every action is a widget callback that appends one correction to the store's corrections table
(`data.record`) before the page runs again, so the run that follows already shows the corrected view.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from components import data
from components.i18n import t, value_label
from components.views import joined_country_names, labels
from newsfacts.review import CorrectionError, actions
from newsfacts.review.records import FIELDS, REJECT_REASONS, parse_assignment, parse_field, plain_value

ANALYST_KEY = "analyst_name"
MESSAGE_KEY = "review_message"
KINDS = ("dialogue", "deal")


def analyst_name(lang: str) -> str:
    """The analyst's name, typed once per session (it survives page changes under a non-widget key)."""
    st.session_state["analyst"] = st.session_state.get(ANALYST_KEY, "")
    st.text_input(t("analyst", lang), key="analyst", on_change=_take_name, placeholder=t("analyst_hint", lang))
    return st.session_state.get(ANALYST_KEY, "")


def _take_name() -> None:
    st.session_state[ANALYST_KEY] = st.session_state["analyst"].strip()


def show_message() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        (st.error if message[0] == "error" else st.success)(message[1])


def _run(action: Callable[[data.Store, str], list], lang: str) -> None:
    """Makes the corrections `action` builds from the current view and records them; says what happened."""
    try:
        corrections = action(data.load(), st.session_state.get(ANALYST_KEY, ""))
        data.record(corrections)
        st.session_state[MESSAGE_KEY] = ("ok", t("correction_saved", lang, n=len(corrections)))
    except CorrectionError as error:
        st.session_state[MESSAGE_KEY] = ("error", str(error))
    except OSError as error:
        st.session_state[MESSAGE_KEY] = ("error", t("not_saved", lang, problem=error.strerror or error))


def queue(events: pd.DataFrame) -> pd.DataFrame:
    """Events nobody reviewed first, least confident first (then the reviewed ones, for another look)."""
    reviewed = events["review"].ne("")
    return events.assign(_reviewed=reviewed).sort_values(["_reviewed", "confidence", "event_id"], kind="stable") \
        .drop(columns="_reviewed")


def queue_table(events: pd.DataFrame, kind: str, lang: str) -> pd.DataFrame:
    what = labels(events["mechanism"], lang) if kind == "dialogue" else events["system"].fillna("")
    who = (joined_country_names(events["parties"], lang) if kind == "dialogue"
           else events["buyer"].fillna("?") + " ← " + events["seller"].fillna("?"))
    when = events["date"] if kind == "dialogue" else events["year"].astype("string")
    return pd.DataFrame({
        "event_id": events["event_id"], t("confidence", lang): events["confidence"],
        t("reasons", lang): events["confidence_reasons"].map(", ".join), t("what", lang): what, t("who", lang): who,
        t("when", lang): when, t("corrected", lang): events["review"].map(lambda r: t(f"review_{r}", lang) if r else ""),
    }, index=events.index)


def event_label(row: pd.Series, kind: str, lang: str) -> str:
    if kind == "dialogue":
        return f"{row['confidence']:.2f} · {value_label(row['mechanism'], lang)} · {row['pair']} · {row['date'] or '?'}"
    return f"{row['confidence']:.2f} · {row['system'] or '?'} · {row['buyer'] or '?'} ← {row['seller'] or '?'}"


def field_text(value: object, name: str) -> str:
    """A field's value as the edit form shows it and `parse_field` reads it back."""
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return (";" if name == "suppliers" else ",").join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fields_frame(row: pd.Series, kind: str, lang: str) -> pd.DataFrame:
    """Each settable field with its value and, when an analyst changed it, the parsed value."""
    original = json.loads(row.get("original") or "{}")
    return pd.DataFrame({
        "field": list(FIELDS[kind]),
        t("value", lang): [field_text(row.get(name), name) for name in FIELDS[kind]],
        t("original", lang): [field_text(original[name], name) if name in original else "" for name in FIELDS[kind]],
    })


def actions_for(row: pd.Series, kind: str, others: pd.DataFrame, lang: str, ready: bool) -> None:
    """Confirm, reject, edit, merge and split buttons for the event `row`."""
    event_id = row["event_id"]
    left, right = st.columns(2)
    left.button(t("confirm", lang), key="review_confirm", type="primary", disabled=not ready,
                on_click=_run, args=(lambda store, by: [actions.confirm(_tables(store), event_id, by)], lang))
    with right:
        st.selectbox(t("reject_reason", lang), REJECT_REASONS, key="review_reason",
                     format_func=lambda r: t(f"reason_{r}", lang))
        st.button(t("reject", lang), key="review_reject", disabled=not ready, on_click=_run, args=(
            lambda store, by: [actions.reject(_tables(store), event_id, st.session_state["review_reason"], by,
                                              st.session_state.get("review_note"))], lang))
    st.text_input(t("note", lang), key="review_note")
    with st.form(key=f"review_edit_{event_id}"):
        st.caption(t("edit_fields", lang))
        for name in FIELDS[kind]:
            st.text_input(name, value=field_text(row.get(name), name), key=edit_key(event_id, name))
        st.form_submit_button(t("save", lang), disabled=not ready, on_click=_run, args=(
            lambda store, by: [_edited(store, row, kind, by, lang)], lang))
    names = {e: event_label(r, kind, lang) for e, r in others.set_index("event_id").iterrows() if e != event_id}
    st.multiselect(t("merge_with", lang), list(names), key="review_merge", format_func=names.get,
                   placeholder=t("choose", lang))
    left, right = st.columns(2)
    left.button(t("merge", lang), key="review_merge_go", disabled=not ready, on_click=_run, args=(
        lambda store, by: [actions.merge(_tables(store), event_id, st.session_state["review_merge"], by,
                                         st.session_state.get("review_note"))], lang))
    right.button(t("split", lang), key="review_split", disabled=not ready or len(row["mention_ids"]) < 2,
                 on_click=_run, args=(lambda store, by: [actions.split(_tables(store), event_id, by)], lang))


def edit_key(event_id: str, name: str) -> str:
    return f"edit_{event_id}_{name}"


def _edited(store: data.Store, row: pd.Series, kind: str, by: str, lang: str):
    typed = {name: st.session_state[edit_key(row["event_id"], name)].strip() for name in FIELDS[kind]}
    values = {name: parse_field(kind, name, text) for name, text in typed.items()
              if text != field_text(row.get(name), name)}
    if not values:
        raise CorrectionError(t("nothing_changed", lang))
    return actions.set_fields(_tables(store), row["event_id"], values, by, st.session_state.get("review_note"))


def add_form(store: data.Store, lang: str, ready: bool) -> None:
    """An event the parser missed: its kind, article, sentence and fields (FIELD=VALUE, one per line)."""
    titles = store.articles.set_index("article_id")["title"].fillna("").to_dict()
    st.selectbox(t("add_kind", lang), KINDS, key="add_kind", format_func=lambda k: t(f"{k}s", lang))
    st.selectbox(t("choose_article", lang), list(titles), key="add_article", format_func=titles.get, index=None,
                 placeholder=t("choose", lang))
    article_id = st.session_state.get("add_article")
    sentences = store.sentences.of_article(article_id) if article_id else None
    texts = dict(zip(sentences["sentence_index"], sentences["text"])) if sentences is not None else {}
    st.selectbox(t("sentence_index", lang), list(texts), key="add_sentence", index=None, placeholder=t("choose", lang),
                 format_func=lambda i: f"[{i}] {texts.get(i, '')[:160]}")
    st.text_area(t("add_fields", lang), key="add_fields", placeholder="buyer=IND\nseller=FRA\nsystem=…\ncategory=naval")
    st.button(t("add", lang), key="add_go", disabled=not ready, on_click=_run, args=(_added, lang))


def _added(store: data.Store, by: str) -> list:
    kind, article_id = st.session_state["add_kind"], st.session_state["add_article"]
    if not article_id:
        raise CorrectionError("choose the article the event is read from")
    if st.session_state.get("add_sentence") is None:
        raise CorrectionError("choose the sentence the event is read from")
    index = int(st.session_state["add_sentence"])
    sentences = store.sentences.of_article(article_id)
    found = sentences[sentences["sentence_index"] == index]
    if found.empty:
        raise CorrectionError(f"the article has no sentence {index}")
    lines = [line for line in st.session_state["add_fields"].splitlines() if line.strip()]
    values = dict(parse_assignment(kind, line) for line in lines)
    return [actions.add(kind, article_id, index, found.iloc[0]["text"], values, by, st.session_state.get("review_note"))]


def _tables(store: data.Store) -> dict[str, pd.DataFrame]:
    return {name: getattr(store, name) for name in data.COLUMNS}


def import_file(lang: str) -> None:
    upload = st.file_uploader(t("import_corrections", lang), type=["json"], key="review_import")
    if upload is not None and st.button(t("run_import", lang), key="review_import_go"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            try:
                st.success(t("corrections_imported", lang, n=data.import_corrections(path)))
            except ValueError as error:
                st.error(str(error))
