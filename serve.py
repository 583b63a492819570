"""The dashboard with its store loaded when the server starts, so that the first visitor does not wait for it.

`streamlit run serve.py` serves `app.py` and `pages/` exactly as `streamlit run app.py` does; on start-up it
imports the pages' libraries, builds the store from the bundled data if it is missing or stale, and loads it
into the cache every session shares. Uploads are bounded per session and for the server before they are held
(`components/upload_limits.py`).
"""

import sys
import threading
import time
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from components.upload_limits import UploadLimits


def _warm_up() -> None:
    started = time.perf_counter()
    try:
        from components import data, ui  # noqa: F401  (ui imports every library the pages draw with)

        data.ensure(None)
        articles = len(data.load().articles)
    except Exception as error:  # noqa: BLE001 - the first page will show the problem to the user
        print(f"newsfacts: store not loaded at start-up ({type(error).__name__}: {error})", file=sys.stderr, flush=True)
        return
    print(f"newsfacts: store loaded at start-up ({articles:,} articles) in {time.perf_counter() - started:.1f} s",
          file=sys.stderr, flush=True)


@asynccontextmanager
async def _lifespan(_app):
    threading.Thread(target=_warm_up, name="newsfacts-warm-up", daemon=True).start()
    yield


app = st.App("app.py", lifespan=_lifespan, middleware=[Middleware(UploadLimits)])
