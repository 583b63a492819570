"""The one place the dashboard touches the store: cached loading, first-start build, imports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pandas as pd
import streamlit as st

from newsfacts import store

ROOT = Path(__file__).resolve().parent.parent
DATA_DIRS = (ROOT / "data" / "seeds", ROOT / "data" / "sample")

VERSION_FILES = ("CURRENT", "meta.json")

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Store:
    """The store's tables, read-only: pages filter them but never change them."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    article_countries: pd.DataFrame
    dialogue_mentions: pd.DataFrame
    deal_mentions: pd.DataFrame
    people: pd.DataFrame
    dialogue_events: pd.DataFrame
    deal_events: pd.DataFrame
    files: pd.DataFrame


def store_dir() -> Path:
    return Path(store.default_store_dir())


def store_version(path: Path) -> str:
    """Changes whenever an ingest rewrites the store: names, sizes and mtimes of its pointer and tables."""
    watched = [path / name for name in VERSION_FILES] + sorted(path.glob("*.parquet"))
    stamps = [f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in watched if p.exists()]
    current = path / "CURRENT"
    if current.exists():
        stamps.append(current.read_text(encoding="utf-8").strip())
    return "|".join(stamps)


# cache_resource, not cache_data: the tables are shared read-only (pandas copy-on-write),
# so a rerun does not pay for unpickling a copy of every table.
@st.cache_resource(show_spinner=False, max_entries=2)
def _load(path: str, version: str) -> Store:
    tables = store.load_tables(Path(path))
    return Store(**{field.name: tables[field.name] for field in fields(Store)})


def load() -> Store:
    path = store_dir()
    return _load(str(path), store_version(path))


def ensure(progress: Progress) -> object | None:
    """Builds the store from the bundled data on first start; None when it already exists."""
    return store.ensure_store(store_dir(), [d for d in DATA_DIRS if d.exists()], progress=progress)


def upload_dir() -> Path:
    """A new folder for one batch of uploads. It lives inside the store and is kept, because the
    store prunes the rows of files that no longer exist when it next rebuilds."""
    folder = store_dir() / "uploads" / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    return folder


def import_files(paths: Sequence[Path], manifest: Path | None, progress: Progress) -> object:
    """Ingests uploaded files into the current store and drops the cached tables."""
    report = store.ingest(list(paths), store_dir=store_dir(), manifest=manifest, progress=progress)
    _load.clear()
    return report
