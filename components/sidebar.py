"""The sidebar filters and their canonical state, kept in session state and mirrored in the URL.

The canonical `Filters` lives under a non-widget key, so it survives page changes (Streamlit drops a
widget's state when the next page does not render that very widget); every run seeds the widgets from
it, their callbacks write it back, and the URL is rewritten from it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from components.data import Store
from components.filters import FILTER_PARAM_NAMES, read_params, to_params
from components.i18n import (DEAL_CATEGORIES, DEAL_STATUSES, DIALOGUE_STATUSES, LANGS, MECHANISMS, country_label,
                             t, value_label)
from newsfacts.filters import Filters

STATE_KEY = "filters"
IGNORED_KEY = "ignored_params"
LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}
WIDGETS = {
    "countries": "f_countries",
    "sources": "f_sources",
    "mechanisms": "f_mechanisms",
    "dialogue_statuses": "f_dialogue_statuses",
    "categories": "f_categories",
    "deal_statuses": "f_deal_statuses",
}
DATES_KEY = "f_dates"
CONFIDENCE_KEY = "f_confidence"
ORIGINALS_KEY = "show_original"
LANG_KEY = "f_lang"


def filters() -> Filters:
    """The canonical filters; read from the URL the first time a session runs (see `ignored_params`)."""
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY], st.session_state[IGNORED_KEY] = read_params(st.query_params.get_all)
    return st.session_state[STATE_KEY]


def ignored_params() -> tuple[str, ...]:
    """The `param=value` pairs of the URL the session started with that were dropped; told once, then forgotten."""
    return st.session_state.pop(IGNORED_KEY, ())


def language() -> str:
    return filters().lang


def set_countries(codes: list[str]) -> None:
    """For callbacks (e.g. a click on the map): make `codes` the shared country filter."""
    st.session_state[STATE_KEY] = replace(filters(), countries=tuple(codes))


PAGES = (
    ("app.py", "page_overview"),
    ("pages/doi-thoai.py", "page_dialogues"),
    ("pages/ban-do.py", "page_map"),
    ("pages/thuong-vu.py", "page_deals"),
    ("pages/bai-bao.py", "page_articles"),
    ("pages/nhan-vat.py", "page_people"),
    ("pages/nhap-du-lieu.py", "page_import"),
    ("pages/ra-soat.py", "page_review"),
)


def navigation(chosen: Filters) -> None:
    """Links to every page that carry the filters (Streamlit's own page links would drop them)."""
    params = to_params(chosen)
    for path, label in PAGES:
        st.page_link(path, label=t(label, chosen.lang), query_params=params)
    st.divider()


def _clear() -> None:
    st.session_state[STATE_KEY] = Filters(lang=filters().lang)


def _take_list(name: str) -> None:
    st.session_state[STATE_KEY] = replace(filters(), **{name: tuple(st.session_state[WIDGETS[name]])})


def _take_lang() -> None:
    st.session_state[STATE_KEY] = replace(filters(), lang=st.session_state[LANG_KEY] or filters().lang)


def _take_confidence() -> None:
    st.session_state[STATE_KEY] = replace(filters(), min_confidence=float(st.session_state[CONFIDENCE_KEY]))


def show_originals() -> bool:
    """Whether tables show the parsed value beside each corrected one (a per-session choice, off by default)."""
    return bool(st.session_state.get(ORIGINALS_KEY, False))


def _take_dates(bounds: tuple[date, date]) -> None:
    picked = st.session_state[DATES_KEY]
    if len(picked) == 2:
        low, high = bounds
        chosen_from, chosen_to = picked
        st.session_state[STATE_KEY] = replace(filters(), date_from=chosen_from if chosen_from > low else None,
                                              date_to=chosen_to if chosen_to < high else None)


def _date_bounds(store: Store) -> tuple[date, date]:
    if store.date_bounds is None:
        today = date.today()
        return today, today
    return store.date_bounds


def country_options(store: Store) -> list[str]:
    return list(store.country_codes)


def _multiselect(name: str, label: str, options: list[str], current: Filters, format_func) -> None:
    key = WIDGETS[name]
    chosen = list(getattr(current, name))
    st.session_state[key] = chosen
    st.multiselect(label, list(dict.fromkeys([*options, *chosen])), key=key, format_func=format_func,
                   placeholder=t("choose", current.lang), on_change=_take_list, args=(name,))


def _date_range(current: Filters, bounds: tuple[date, date]) -> None:
    low, high = bounds
    st.session_state[DATES_KEY] = (current.date_from or low, current.date_to or high)
    st.date_input(t("date_range", current.lang), key=DATES_KEY, min_value=min(current.date_from or low, low),
                  max_value=max(current.date_to or high, high), format="DD/MM/YYYY", on_change=_take_dates,
                  args=(bounds,))


def render(store: Store) -> Filters:
    """Draws the filters in the sidebar, each seeded from the canonical state and writing back to it."""
    current = filters()
    lang = current.lang

    def code(value: str) -> str:
        return value_label(value, lang)

    with st.sidebar:
        st.session_state[LANG_KEY] = lang
        st.segmented_control(t("language", lang), LANGS, key=LANG_KEY, format_func=LANG_NAMES.get, on_change=_take_lang)
        st.header(t("filters", lang))
        _date_range(current, _date_bounds(store))
        _multiselect("countries", t("countries", lang), country_options(store), current,
                     lambda c: f"{country_label(c, lang)} ({c})")
        _multiselect("sources", t("source", lang), list(store.sources), current, str)
        _multiselect("mechanisms", t("mechanism", lang), list(MECHANISMS), current, code)
        _multiselect("dialogue_statuses", t("dialogue_status", lang), list(DIALOGUE_STATUSES), current, code)
        _multiselect("categories", t("deal_category", lang), list(DEAL_CATEGORIES), current, code)
        _multiselect("deal_statuses", t("deal_status", lang), list(DEAL_STATUSES), current, code)
        st.session_state[CONFIDENCE_KEY] = current.min_confidence
        st.slider(t("min_confidence", lang), 0.0, 1.0, step=0.05, key=CONFIDENCE_KEY, on_change=_take_confidence)
        st.toggle(t("show_original", lang), key=ORIGINALS_KEY, value=show_originals())
        st.button(t("clear_filters", lang), key="f_clear", on_click=_clear)
    return current


def write_url(chosen: Filters, page_params: tuple[str, ...]) -> None:
    """Rewrites the query string from the canonical filters, keeping the current page's own parameters."""
    own = {name: st.query_params.get_all(name) for name in page_params if name not in FILTER_PARAM_NAMES}
    params = to_params(chosen) | {name: values for name, values in own.items() if values}
    if params != {name: st.query_params.get_all(name) for name in st.query_params}:
        st.query_params.from_dict(params)
