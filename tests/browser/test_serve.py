"""`serve.py` loads the store when the server starts, before anybody opens a page."""

from newsfacts.store import load_tables
from tests.robustness.support import WARMED_UP, streamlit_server, warm_up_line


def test_the_store_is_loaded_before_the_first_visitor(store_dir, tmp_path):
    articles = len(load_tables(store_dir, {"articles": ("article_id",)})["articles"])
    log = tmp_path / "server.log"
    with streamlit_server(store_dir, log):
        line = warm_up_line(log, timeout_s=120)
    assert f"{WARMED_UP} ({articles:,} articles)" in line, log.read_text(encoding="utf-8")
