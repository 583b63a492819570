"""Streamlit pieces every page uses: the page context, tables with their CSV download, chart captions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from components import charts, data, sidebar
from components.filters import to_params
from components.i18n import t
from components.views import link_base, number
from newsfacts.export import FORMATS, MIME_TYPES, Table, export_table, file_name
from newsfacts.export.formats import to_csv_bytes
from newsfacts.filters import Filters
from newsfacts.search import Search
from newsfacts.review.log import CorrectionsFileError
from newsfacts.store import StoreDamaged

MAX_ROWS = 1_000


@dataclass(frozen=True)
class Context:
    store: data.Store
    filters: Filters
    lang: str
    links: str
    originals: bool = False


def _build_store_once(lang: str) -> None:
    if st.session_state.get("store_ready"):
        return
    bar = st.empty()

    def show(done: int, total: int, name: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=f"{t('building_store', lang)} {name}")

    def waiting(holder: str) -> None:
        bar.progress(0.0, text=t("store_busy", lang, holder=holder))

    data.ensure(show, waiting)
    bar.empty()
    st.session_state["store_ready"] = True


def _usable_store(lang: str) -> data.Store:
    """The store, built first when it is the default one; a damaged store, or corrections
    file, stops the page with what to do."""
    try:
        _build_store_once(lang)
        store = data.load()
        found = data.notice()
    except StoreDamaged as damage:
        st.error(t("store_damaged", lang))
        st.code(f"# {damage}\npython -m newsfacts check --store {damage.store_dir}\n"
                f"python -m newsfacts repair --store {damage.store_dir}", language="bash")
        st.stop()
    except CorrectionsFileError as damage:
        st.error(t("corrections_damaged", lang))
        st.code(str(damage), language=None)
        st.stop()
    if found is not None:
        st.warning(t(f"store_{found.state}", lang))
        st.code(found.command, language="bash")
    return store


def context(page_params: tuple[str, ...] = ()) -> Context:
    """Sets up a page: the store on first start, the navigation and the filters in the sidebar, the URL.

    `page_params` are the query parameters the page owns besides the filters (kept in the URL).
    """
    st.set_page_config(page_title="newsfacts", layout="wide")
    store = _usable_store(sidebar.language())
    links = st.sidebar.container()
    chosen = sidebar.render(store)
    ignored_note(sidebar.ignored_params(), chosen.lang)
    with links:
        sidebar.navigation(chosen)
    sidebar.write_url(chosen, page_params)
    return Context(store=store, filters=chosen, lang=chosen.lang, links=link_base(to_params(chosen)),
                   originals=sidebar.show_originals())


def ignored_note(ignored: tuple[str, ...], lang: str) -> None:
    """Says which URL parameters were ignored, shown as plain text (they are whatever the link held)."""
    if ignored:
        st.warning(t("ignored_params", lang))
        st.code("\n".join(ignored), language=None)


def _as_is(rows: pd.DataFrame) -> pd.DataFrame:
    return rows


def _numbers_in(display: pd.DataFrame, lang: str) -> object:
    """The table with its numbers written the interface language's way (1.234,5 / 1,234.5), not the browser's;
    years stay as they are, missing numbers are empty."""
    numeric = [c for c in display.columns if pd.api.types.is_numeric_dtype(display[c])
               and not pd.api.types.is_bool_dtype(display[c]) and c != t("year", lang)]
    if not numeric:
        return display
    return display.style.format({c: lambda v: number(v, lang) for c in numeric}, na_rep="")


def table(rows: pd.DataFrame, what: str, key: str, lang: str,
          build: Callable[[pd.DataFrame], pd.DataFrame] = _as_is, **dataframe_args: object) -> object:
    """The first MAX_ROWS of `rows` as `build` displays them, their count, and a CSV of every row; returns the
    dataframe's state.

    Only the shown rows are built and sent to the browser on each run; the CSV is built from all of them
    when the button is clicked. Put the rows a reader wants first at the top.
    """
    display = build(rows.head(MAX_ROWS))
    link = t("link", lang)
    config = {link: st.column_config.LinkColumn(link, display_text=t("open_article", lang))} if link in display else {}
    order = [link, *(c for c in display.columns if c != link)] if link in display else None
    # Missing values are empty cells, not Streamlit's default "None".
    state = st.dataframe(_numbers_in(display, lang), hide_index=True, placeholder="", key=key, column_config=config,
                         column_order=order, **dataframe_args)
    left, right = st.columns([3, 1])
    left.caption(f"{number(len(rows), lang)} {t('rows', lang)}")
    if len(rows) > MAX_ROWS:
        left.caption(t("rows_capped", lang, shown=number(MAX_ROWS, lang), n=number(len(rows), lang)))
    right.download_button(
        t("download_csv", lang), data=lambda: to_csv_bytes(build(rows)), file_name=file_name(what, "csv", datetime.now()),
        mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:",
    )
    return state


def exports(ctx: Context, table: Table, search: Search | None = None) -> None:
    """Download buttons for the export of `table` under the current filters (and, for articles, the page's
    `search`), one per format (docs/codebook.md): the file `python -m newsfacts export` writes for the same
    filters and search. Each is built only when clicked."""
    st.caption(t("export_note", ctx.lang))
    for column, fmt in zip(st.columns(len(FORMATS)), FORMATS):
        column.download_button(
            t(f"export_{fmt}", ctx.lang), key=f"export_{table}_{fmt}", on_click="ignore", icon=":material/download:",
            data=lambda fmt=fmt: export_table(data.export_tables(ctx.store), table, fmt, ctx.filters, search),
            file_name=file_name(table, fmt, datetime.now()), mime=MIME_TYPES[fmt],
        )


def chart_data(rows: pd.DataFrame, what: str, key: str, lang: str) -> None:
    """A download of the numbers a chart draws (snake_case columns), built when clicked."""
    st.download_button(t("download_chart", lang), data=lambda: to_csv_bytes(rows), key=key, on_click="ignore",
                       file_name=file_name(what, "csv", datetime.now()), mime="text/csv", icon=":material/download:")


def chart(spec: charts.Spec, key: str, **chart_args: object) -> object:
    return st.vega_lite_chart(spec=spec, key=key, width="stretch", **chart_args)


def marks_note(rows: int, lang: str) -> None:
    if rows > charts.MAX_MARKS:
        st.caption(t("sampled", lang, n=number(rows, lang), limit=number(charts.MAX_MARKS, lang)))


def lanes_note(lanes: int, lang: str) -> None:
    if lanes > charts.MAX_LANES:
        st.caption(t("lanes_capped", lang, shown=number(charts.MAX_LANES, lang), n=number(lanes, lang)))
