"""The one place the dashboard touches the store: cached loading, text search, first-start build, imports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import uuid4

import numpy as np
import pandas as pd
import streamlit as st

from newsfacts import review, search, store
from newsfacts.export import INPUTS
from newsfacts.filters import Filterable
from newsfacts.review import log as corrections_log
from newsfacts.review.apply import Outcome
from newsfacts.review.records import Correction
from newsfacts.store import layout
from newsfacts.store.load import Sentences, open_sentences

ROOT = Path(__file__).resolve().parent.parent
DATA_DIRS = (ROOT / "data" / "seeds", ROOT / "data" / "sample")

VERSION_FILES = ("CURRENT", "meta.json")

Progress = Callable[[int, int, str], None]


# The columns of the contract (docs/architecture.md, "Store tables"); the store's extra columns stay on disk.
_MENTION = ("mention_id", "article_id", "event_id")
_DIALOGUE = ("mechanism", "parties", "pair", "date", "date_precision", "date_start", "location_city",
             "location_country", "status", "participants")
_DEAL = ("kind", "buyer", "seller", "suppliers", "system", "category", "quantity", "value_usd", "value_qualifier",
         "value_amount", "value_currency", "usd_rate", "usd_rate_date", "usd_rate_source", "year", "status")
_EVENT = ("n_sources", "article_ids", "mention_ids", "conflicts")
COLUMNS = {
    "articles": ("article_id", "file", "file_hash", "source", "url", "published", "published_inferred", "title", "lead",
                 "n_chars", "countries", "ingested_at"),
    "article_countries": ("article_id", "country", "n_mentions", "evidence"),
    "dialogue_mentions": (*_MENTION, *_DIALOGUE, "evidence", "evidence_text"),
    "deal_mentions": (*_MENTION, *_DEAL, "evidence", "evidence_text"),
    "people": ("article_id", "name", "role", "country", "evidence"),
    "dialogue_events": ("event_id", *_DIALOGUE, *_EVENT),
    "deal_events": ("event_id", *_DEAL, *_EVENT),
    "files": ("file", "file_hash", "size", "n_articles", "status", "error", "ingested_at"),
}


@dataclass(frozen=True)
class Store:
    """The store's tables as the analysts corrected them, read-only: pages filter them but never change them.

    The event tables are the corrected view (`newsfacts.review`): rejected events are left out (they are in
    `rejected`), and every event and person carries its confidence. The sentences stay on disk (`Sentences`
    reads one article's, or searches them, on demand); the fields after `files` are computed once per store
    and corrections version for the filters and the sidebar.
    """

    articles: pd.DataFrame
    sentences: Sentences
    article_countries: pd.DataFrame
    dialogue_mentions: pd.DataFrame
    deal_mentions: pd.DataFrame
    people: pd.DataFrame
    dialogue_events: pd.DataFrame
    deal_events: pd.DataFrame
    files: pd.DataFrame
    filterable: Filterable
    country_codes: tuple[str, ...]
    sources: tuple[str, ...]
    date_bounds: tuple[date, date] | None
    rejected: dict[str, pd.DataFrame]
    outcomes: tuple[Outcome, ...]


def export_tables(loaded: Store) -> dict[str, pd.DataFrame]:
    """The tables the exports are written from, as the pages show them: a change to what the pages show
    (e.g. an analyst's corrections) goes here, and every download follows."""
    return {name: getattr(loaded, name) for name in INPUTS}


def store_dir() -> Path:
    return Path(store.default_store_dir())


def store_version(path: Path) -> str:
    """Changes whenever an ingest rewrites the store: names, sizes and mtimes of its pointer and tables."""
    watched = [path / name for name in VERSION_FILES] + sorted(path.glob("*.parquet"))
    stamps = [f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in watched if p.exists()]
    current = path / "CURRENT"
    if current.is_file():
        stamps.append(current.read_bytes().strip().hex())
    return "|".join(stamps)


def _country_codes(tables: dict[str, pd.DataFrame], filterable: Filterable) -> tuple[str, ...]:
    """Every country the store names; the dialogues' parties come from the filters' index, exploded once already."""
    deals = tables["deal_events"]
    parties = pd.Series(filterable.dialogue_parties.items.to_pylist(), dtype=object)
    codes = pd.concat([tables["article_countries"]["country"], parties, deals["buyer"], deals["seller"]]).dropna().unique()
    return tuple(sorted(map(str, codes)))


def _date_bounds(filterable: Filterable) -> tuple[date, date] | None:
    days = np.concatenate([filterable.published, filterable.dialogue_days])
    days = days[~np.isnat(days)]
    if not len(days):
        return None
    return pd.Timestamp(days.min()).date(), pd.Timestamp(days.max()).date()


def assemble(tables: dict[str, pd.DataFrame], sentences: Sentences, corrected: review.CorrectedView | None = None) -> Store:
    """A `Store` from its tables as `corrected` (by default: no corrections) gives them, with the filters'
    indices and the sidebar's choices computed."""
    if corrected is None:
        as_parsed = review.apply_corrections(tables, ())
        corrected = review.CorrectedView(review.with_confidence(as_parsed.tables), as_parsed.rejected)
    tables = corrected.tables
    filterable = Filterable.of(tables["articles"], tables["dialogue_events"], tables["deal_events"])
    return Store(
        sentences=sentences, filterable=filterable, country_codes=_country_codes(tables, filterable),
        sources=tuple(sorted(tables["articles"]["source"].dropna().unique())), date_bounds=_date_bounds(filterable),
        rejected=corrected.rejected, outcomes=corrected.outcomes, **{name: tables[name] for name in COLUMNS},
    )


@dataclass(frozen=True)
class _Parsed:
    tables: dict[str, pd.DataFrame]
    sentences: Sentences


# cache_resource, not cache_data: the tables are shared read-only (pandas copy-on-write),
# so a rerun does not pay for unpickling a copy of every table.
@st.cache_resource(show_spinner=False, max_entries=2)
def _parsed(path: str, version: str) -> _Parsed:
    return _Parsed(store.load_tables(Path(path), COLUMNS), open_sentences(Path(path)))


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(path: str, version: str, corrections: str) -> Store:
    """The corrected view: applied again when an ingest or a correction changed the store (`corrections`
    names the correction parts, so a correction made in any session shows in every session's next run)."""
    parsed = _parsed(path, version)
    return assemble(parsed.tables, parsed.sentences, review.corrected_view(parsed.tables, Path(path)))


def load() -> Store:
    path = store_dir()
    return _load(str(path), store_version(path), corrections_log.version(path))


def record(corrections: Sequence[Correction]) -> None:
    """Appends an analyst's corrections to the store's corrections table (never to its parsed tables)."""
    corrections_log.append(store_dir(), corrections)


def import_corrections(path: Path) -> int:
    return corrections_log.import_corrections(store_dir(), path)


def export_corrections() -> bytes:
    """Every correction of the store as the file `correct --import` and the review page read."""
    return corrections_log.export_text(corrections_log.read_corrections(store_dir())).encode("utf-8")


@st.cache_resource(show_spinner=False, max_entries=32)
def _matches(path: str, version: str, phrase: str) -> np.ndarray:
    loaded = _parsed(path, version)
    matches = search.article_matches(loaded.tables["articles"], loaded.sentences.articles_containing, phrase)
    matches.flags.writeable = False
    return matches


def article_matches(phrase: str) -> np.ndarray:
    """For each row of `load().articles` (by position): does its title, lead or any sentence hold `phrase`,
    ignoring case and accents ("hoa binh" finds "hòa bình")? Kept per phrase, as the sentences are scanned on disk."""
    path = store_dir()
    return _matches(str(path), store_version(path), phrase)


def is_default_store() -> bool:
    return layout.is_default_store(store_dir())


def ensure(progress: Progress | None, on_wait: Callable[[str], None] | None = None) -> object | None:
    """Builds the default store (data/store) from the bundled data when it is missing or stale; None when it is
    current. Any other store ($NEWSFACTS_STORE elsewhere) is never built, rebuilt or pruned here: see `notice`."""
    if not is_default_store():
        return None
    return store.ensure_store(store_dir(), [d for d in DATA_DIRS if d.exists()], progress=progress, on_wait=on_wait)


@dataclass(frozen=True)
class Notice:
    """Why a store the dashboard does not build needs its owner: `missing`, `old-format` or `stale`."""

    state: str
    command: str


def notice() -> Notice | None:
    """What to tell about a store set by $NEWSFACTS_STORE, with the command that builds or updates it; None when
    it is current or it is the default store (which `ensure` keeps up to date)."""
    if is_default_store():
        return None
    path = store_dir()
    state = store.store_state(path, DATA_DIRS)
    bundled = " ".join(str(d.relative_to(ROOT)) for d in DATA_DIRS)
    commands = {
        "missing": f"python -m newsfacts ingest {bundled} --out {path}",
        "old-format": f"python -m newsfacts ingest YOUR_ARTICLE_FOLDERS --out {path}",
        "stale": f"python -m newsfacts ingest {bundled} --out {path} --prune",
    }
    return Notice(state, commands[state]) if state in commands else None


def shown_file(path: str) -> str:
    """A stored file as the pages name it: inside an upload, relative to that upload; inside the repository,
    relative to it; elsewhere by its name alone (no server paths on the page)."""
    file = Path(path)
    for base, batch_levels in ((store_dir().resolve() / "uploads", 1), (ROOT, 0)):
        if file.is_relative_to(base):
            return "/".join(file.relative_to(base).parts[batch_levels:]) or file.name
    return file.name


def upload_dir() -> Path:
    """A new folder for one batch of uploads. It lives inside the store and is kept, because the
    store prunes the rows of files that no longer exist when it next rebuilds."""
    folder = store_dir() / "uploads" / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    return folder


def import_files(paths: Sequence[Path], manifest: Path | None, progress: Progress,
                 on_wait: Callable[[str], None] | None = None) -> object:
    """Ingests uploaded files into the current store and drops the cached tables; `on_wait` hears what holds the
    store when another ingest is writing it. Raises StoreDamaged (changing nothing) for a damaged store."""
    report = store.ingest(list(paths), store_dir=store_dir(), manifest=manifest, progress=progress, on_wait=on_wait)
    _parsed.clear()
    _load.clear()
    return report
