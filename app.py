"""Dashboard entry point: builds the store on first start, draws the shared filters, routes to a page."""

import streamlit as st

from components import data, sidebar
from components.i18n import t

PAGES = (
    ("pages/overview.py", "page_overview", "tong-quan"),
    ("pages/dialogues.py", "page_dialogues", "doi-thoai"),
    ("pages/map.py", "page_map", "ban-do"),
    ("pages/deals.py", "page_deals", "thuong-vu"),
    ("pages/articles.py", "page_articles", "bai-bao"),
    ("pages/import_data.py", "page_import", "nhap-du-lieu"),
)
PAGE_PARAMS = {"bai-bao": ("article", "sentence")}


def build_store_once(lang: str) -> None:
    if st.session_state.get("store_ready"):
        return
    bar = st.empty()

    def show(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=f"{t('building_store', lang)} {name}")

    data.ensure(show)
    bar.empty()
    st.session_state["store_ready"] = True


st.set_page_config(page_title="newsfacts", layout="wide")
lang = sidebar.language()
build_store_once(lang)
page = st.navigation([
    st.Page(path, title=t(label, lang), url_path=url, default=i == 0)
    for i, (path, label, url) in enumerate(PAGES)
])
chosen = sidebar.render(data.load())
sidebar.write_url(chosen, PAGE_PARAMS.get(page.url_path, ()))
page.run()
