"""The sidebar filters and their canonical state, kept in session state and mirrored in the URL.

The canonical `Filters` lives under a non-widget key, so it survives page changes even if a widget
is not rendered; the widgets are seeded from it and write it back; the URL is rewritten on every run.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.data import Store
from components.filters import FILTER_PARAM_NAMES, Filters, from_params, to_params
from components.i18n import (DEAL_CATEGORIES, DEAL_STATUSES, DIALOGUE_STATUSES, LANGS, MECHANISMS, country_label,
                             t, value_label)

STATE_KEY = "filters"
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
LANG_KEY = "f_lang"


def filters() -> Filters:
    """The canonical filters; read from the URL the first time a session runs."""
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = from_params(st.query_params.get_all)
    return st.session_state[STATE_KEY]


def language() -> str:
    return st.session_state.get(LANG_KEY, filters().lang)


def set_countries(codes: list[str]) -> None:
    """For callbacks (e.g. a click on the map): make `codes` the shared country filter."""
    st.session_state[WIDGETS["countries"]] = codes


def _clear() -> None:
    for key in WIDGETS.values():
        st.session_state[key] = []
    st.session_state.pop(DATES_KEY, None)
    st.session_state[STATE_KEY] = Filters(lang=language())


def _date_bounds(store: Store) -> tuple[date, date]:
    days = pd.to_datetime(pd.concat([store.articles["published"], store.dialogue_events["date_start"]]),
                          errors="coerce", format="mixed").dropna()
    if days.empty:
        today = date.today()
        return today, today
    return days.min().date(), days.max().date()


def country_options(store: Store) -> list[str]:
    codes = pd.concat([
        store.article_countries["country"],
        store.dialogue_events["parties"].explode(),
        store.deal_events["buyer"],
        store.deal_events["seller"],
    ]).dropna().unique()
    return sorted(map(str, codes))


def _seed(key: str, value: object) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _multiselect(name: str, label: str, options: list[str], current: tuple[str, ...], format_func) -> tuple[str, ...]:
    key = WIDGETS[name]
    _seed(key, list(current))
    options = list(dict.fromkeys([*options, *current, *st.session_state[key]]))
    return tuple(st.multiselect(label, options, key=key, format_func=format_func, placeholder=t("choose", language())))


def _date_range(lang: str, bounds: tuple[date, date], current: Filters) -> tuple[date | None, date | None]:
    low, high = bounds
    start = min(current.date_from or low, low)
    end = max(current.date_to or high, high)
    _seed(DATES_KEY, (current.date_from or low, current.date_to or high))
    picked = st.date_input(t("date_range", lang), key=DATES_KEY, min_value=start, max_value=end, format="DD/MM/YYYY")
    if len(picked) != 2:
        return current.date_from, current.date_to
    chosen_from, chosen_to = picked
    return (chosen_from if chosen_from > low else None), (chosen_to if chosen_to < high else None)


def render(store: Store) -> Filters:
    """Draws the filters in the sidebar and returns (and stores) what they say."""
    current = filters()
    _seed(LANG_KEY, current.lang)
    with st.sidebar:
        lang = st.segmented_control(t("language", language()), LANGS, key=LANG_KEY, format_func=LANG_NAMES.get) or "vi"
        st.header(t("filters", lang))
        date_from, date_to = _date_range(lang, _date_bounds(store), current)

        def code(value: str) -> str:
            return value_label(value, lang)

        chosen = Filters(
            date_from=date_from,
            date_to=date_to,
            countries=_multiselect("countries", t("countries", lang), country_options(store), current.countries,
                                   lambda c: f"{country_label(c, lang)} ({c})"),
            sources=_multiselect("sources", t("source", lang),
                                 sorted(store.articles["source"].dropna().unique()), current.sources, str),
            mechanisms=_multiselect("mechanisms", t("mechanism", lang), list(MECHANISMS), current.mechanisms, code),
            dialogue_statuses=_multiselect("dialogue_statuses", t("dialogue_status", lang), list(DIALOGUE_STATUSES),
                                           current.dialogue_statuses, code),
            categories=_multiselect("categories", t("deal_category", lang), list(DEAL_CATEGORIES),
                                    current.categories, code),
            deal_statuses=_multiselect("deal_statuses", t("deal_status", lang), list(DEAL_STATUSES),
                                       current.deal_statuses, code),
            lang=lang,
        )
        st.button(t("clear_filters", lang), key="f_clear", on_click=_clear)
    st.session_state[STATE_KEY] = chosen
    return chosen


def write_url(chosen: Filters, page_params: tuple[str, ...]) -> None:
    """Rewrites the query string from the canonical filters, keeping the current page's own parameters."""
    own = {name: st.query_params.get_all(name) for name in page_params if name not in FILTER_PARAM_NAMES}
    params = to_params(chosen) | {name: values for name, values in own.items() if values}
    if params != {name: st.query_params.get_all(name) for name in st.query_params}:
        st.query_params.from_dict(params)
