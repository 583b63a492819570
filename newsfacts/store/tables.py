"""The one place that maps records to store columns: Arrow schemas of every table and the row mappings.

Columns follow the contract in docs/architecture.md ("Store tables"); the extra
columns this module adds at the end of some tables are listed in docs/store.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from newsfacts.records import Deal, Dialogue, Location, ParsedArticle, Participant
from newsfacts.store.events import (
    Conflict,
    DealEvent,
    DealMention,
    DialogueEvent,
    DialogueMention,
    stable_id,
)

STR = pa.string()
INT = pa.int64()
STRS = pa.list_(pa.string())
INTS = pa.list_(pa.int64())

_DIALOGUE_FACTS = [
    ("mechanism", STR), ("parties", STRS), ("pair", STR), ("date", STR), ("date_precision", STR),
    ("date_start", pa.date32()), ("location_city", STR), ("location_country", STR), ("status", STR),
    ("participants", STR),
]
_DEAL_FACTS = [
    ("kind", STR), ("buyer", STR), ("seller", STR), ("suppliers", STRS), ("system", STR), ("category", STR),
    ("quantity", INT), ("value_usd", pa.float64()), ("value_qualifier", STR), ("value_amount", pa.float64()),
    ("value_currency", STR), ("usd_rate", pa.float64()), ("usd_rate_date", STR), ("usd_rate_source", STR),
    ("year", INT), ("status", STR),
]
# Columns added to the contract after stores were first written: an older store or engine lacks them (nulls).
ADDED_COLUMNS = ("usd_rate", "usd_rate_date", "usd_rate_source")
_EVENT_LINKS = [("n_sources", INT), ("article_ids", STRS), ("mention_ids", STRS), ("conflicts", STR)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", STR), ("file", STR), ("file_hash", STR), ("source", STR), ("url", STR), ("published", STR),
        ("published_inferred", pa.bool_()), ("title", STR), ("lead", STR), ("n_chars", INT), ("countries", STRS),
        ("ingested_at", STR), ("path", STR), ("n_sentences", INT),
    ]),
    "sentences": pa.schema([("article_id", STR), ("sentence_index", INT), ("segment", STR), ("text", STR)]),
    "article_countries": pa.schema([
        ("article_id", STR), ("country", STR), ("n_mentions", INT), ("evidence", INTS), ("surface_forms", STRS),
    ]),
    "dialogue_mentions": pa.schema([
        ("mention_id", STR), ("article_id", STR), ("event_id", STR), *_DIALOGUE_FACTS,
        ("evidence", INTS), ("evidence_text", STRS), ("published", STR), ("date_text", STR),
    ]),
    "deal_mentions": pa.schema([
        ("mention_id", STR), ("article_id", STR), ("event_id", STR), *_DEAL_FACTS,
        ("evidence", INTS), ("evidence_text", STRS), ("published", STR),
    ]),
    "people": pa.schema([
        ("article_id", STR), ("name", STR), ("role", STR), ("country", STR), ("evidence", INTS), ("evidence_text", STRS),
    ]),
    "dialogue_events": pa.schema([("event_id", STR), *_DIALOGUE_FACTS, *_EVENT_LINKS]),
    "deal_events": pa.schema([("event_id", STR), *_DEAL_FACTS, *_EVENT_LINKS]),
    "files": pa.schema([
        ("file", STR), ("file_hash", STR), ("size", INT), ("n_articles", INT), ("status", STR), ("error", STR),
        ("ingested_at", STR), ("manifest_hash", STR), ("article_ids", STRS),
    ]),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)
ARTICLE_TABLES = ("articles", "sentences", "article_countries", "people")
MENTION_TABLES = ("dialogue_mentions", "deal_mentions")
PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


@dataclass(frozen=True)
class StoredFile:
    """One row of the `files` table: what an ingest did with one input file."""

    file: str
    file_hash: str
    size: int
    n_articles: int
    status: str
    error: str | None
    ingested_at: str
    manifest_hash: str | None = None
    article_ids: tuple[str, ...] = ()


def files_table(stored: Sequence[StoredFile]) -> pa.Table:
    columns = {name: [getattr(f, name) for f in stored] for name in SCHEMAS["files"].names}
    return _table("files", columns)


def file_from_row(row: Mapping[str, Any]) -> StoredFile:
    return StoredFile(**{**row, "article_ids": tuple(row["article_ids"] or ())})


def is_older_schema(name: str, stored: pa.Schema) -> bool:
    """True when `stored` is `name`'s schema as an earlier version wrote it: the same columns with the same types,
    less some added since (they read as nulls, `conformed`)."""
    schema = SCHEMAS[name]
    return all(field.name in schema.names and schema.field(field.name).type == field.type for field in stored)


def conformed(name: str, table: pa.Table) -> pa.Table:
    """`table`, written with `name`'s schema or an older one (`is_older_schema`), with exactly the current columns:
    a column added since is all nulls."""
    schema = SCHEMAS[name]
    if table.schema.equals(schema, check_metadata=False):
        return table
    return pa.Table.from_arrays(
        [table.column(f.name) if f.name in table.column_names else pa.nulls(table.num_rows, f.type) for f in schema],
        schema=schema)


def _table(name: str, columns: Mapping[str, Sequence]) -> pa.Table:
    """An Arrow table of `name` from its columns (lists or tuples in schema order); no row dicts in between."""
    schema = SCHEMAS[name]
    return pa.Table.from_arrays([pa.array(columns[f.name], f.type) for f in schema], schema=schema)


# Articles


@dataclass(frozen=True)
class StoredArticle:
    """A parsed article with the file it was read from, as the per-article tables need it."""

    article: ParsedArticle
    file: str
    file_hash: str


def article_tables(stored: Sequence[StoredArticle], ingested_at: str) -> dict[str, pa.Table]:
    """The per-article tables (articles, sentences, article_countries, people), rows article after article."""
    articles = [s.article for s in stored]
    return {
        "articles": _table("articles", _article_columns(stored, ingested_at)),
        "sentences": _table("sentences", _sentence_columns(articles)),
        "article_countries": _table("article_countries", _country_columns(articles)),
        "people": _table("people", _people_columns(articles)),
    }


def row_counts(article: ParsedArticle) -> dict[str, int]:
    """How many rows `article` has in each per-article table and each mention table."""
    return {
        "articles": 1, "sentences": len(article.sentences), "article_countries": len(article.countries),
        "people": len(article.people), "dialogue_mentions": len(article.dialogues), "deal_mentions": len(article.deals),
    }


def _article_columns(stored: Sequence[StoredArticle], ingested_at: str) -> dict[str, list]:
    articles = [s.article for s in stored]
    metas = [a.meta for a in articles]
    return {
        "article_id": [a.article_id for a in articles], "file": [s.file for s in stored],
        "file_hash": [s.file_hash for s in stored], "source": [m.source for m in metas], "url": [m.url for m in metas],
        "published": [m.published for m in metas], "published_inferred": [m.published_inferred for m in metas],
        "title": [a.title for a in articles], "lead": [_lead(a) for a in articles],
        "n_chars": [sum(len(s.text) for s in a.sentences) for a in articles],
        "countries": [sorted(c.code for c in a.countries) for a in articles],
        "ingested_at": [ingested_at] * len(articles), "path": [m.path for m in metas],
        "n_sentences": [len(a.sentences) for a in articles],
    }


def _lead(article: ParsedArticle) -> str | None:
    return "\n".join(s.text for s in article.segments if s.kind == "lead") or None


def _sentence_columns(articles: Sequence[ParsedArticle]) -> dict[str, list]:
    sentences = [s for a in articles for s in a.sentences]
    return {
        "article_id": [a.article_id for a in articles for _ in a.sentences],
        "sentence_index": [s.index for s in sentences], "segment": [s.segment for s in sentences],
        "text": [s.text for s in sentences],
    }


def _country_columns(articles: Sequence[ParsedArticle]) -> dict[str, list]:
    countries = [c for a in articles for c in a.countries]
    return {
        "article_id": [a.article_id for a in articles for _ in a.countries], "country": [c.code for c in countries],
        "n_mentions": [len(c.evidence) for c in countries], "evidence": [c.evidence for c in countries],
        "surface_forms": [c.surface_forms for c in countries],
    }


def _people_columns(articles: Sequence[ParsedArticle]) -> dict[str, list]:
    people = [(a, p, a.evidence_text(p.evidence)) for a in articles for p in a.people]
    return {
        "article_id": [a.article_id for a, _, _ in people], "name": [p.name for _, p, _ in people],
        "role": [p.role for _, p, _ in people], "country": [p.country for _, p, _ in people],
        "evidence": [p.evidence for _, p, _ in people], "evidence_text": [text for _, _, text in people],
    }


@dataclass(frozen=True)
class Mentions:
    """An article's dialogue and deal mentions, as the event merge reads them."""

    dialogues: tuple[DialogueMention, ...]
    deals: tuple[DealMention, ...]


def mentions_of(article: ParsedArticle) -> Mentions:
    """The article's mentions, for the merge; their rows (with evidence text) come from `mention_tables`."""
    published = article.meta.published
    return Mentions(
        dialogues=tuple(
            DialogueMention(stable_id(article.article_id, "dialogue", i), article.article_id, published, d)
            for i, d in enumerate(article.dialogues)
        ),
        deals=tuple(
            DealMention(stable_id(article.article_id, "deal", i), article.article_id, published, d)
            for i, d in enumerate(article.deals)
        ),
    )


def mention_tables(articles: Sequence[ParsedArticle], mentions: Sequence[Mentions]) -> dict[str, pa.Table]:
    """The dialogue_mentions and deal_mentions rows of `articles`, article after article, with `event_id` null."""
    dialogues = [(a, m) for a, ms in zip(articles, mentions) for m in ms.dialogues]
    deals = [(a, m) for a, ms in zip(articles, mentions) for m in ms.deals]
    return {
        "dialogue_mentions": _table("dialogue_mentions", {
            **_mention_columns(dialogues, [m.dialogue for _, m in dialogues]),
            **_dialogue_fact_columns([m.dialogue for _, m in dialogues]),
            "date_text": [m.dialogue.date_text for _, m in dialogues],
        }),
        "deal_mentions": _table("deal_mentions", {
            **_mention_columns(deals, [m.deal for _, m in deals]), **_deal_fact_columns([m.deal for _, m in deals]),
        }),
    }


def _mention_columns(
    mentions: Sequence[tuple[ParsedArticle, DialogueMention | DealMention]], facts: Sequence[Dialogue | Deal]
) -> dict[str, list]:
    return {
        "mention_id": [m.mention_id for _, m in mentions], "article_id": [m.article_id for _, m in mentions],
        "event_id": [None] * len(mentions), "evidence": [f.evidence for f in facts],
        "evidence_text": [a.evidence_text(f.evidence) for (a, _), f in zip(mentions, facts)],
        "published": [m.published for _, m in mentions],
    }


def with_event_ids(mentions: pa.Table, event_of: Mapping[str, str]) -> pa.Table:
    """`mentions` sorted by article and mention, with each mention's `event_id`."""
    mentions = mentions.sort_by([("article_id", "ascending"), ("mention_id", "ascending")])
    event_ids = pa.array([event_of[m] for m in mentions.column("mention_id").to_pylist()], STR)
    return mentions.set_column(mentions.schema.get_field_index("event_id"), "event_id", event_ids)


def dialogue_mention_from_row(row: Mapping[str, Any]) -> DialogueMention:
    dialogue = Dialogue(
        mechanism=row["mechanism"], parties=tuple(row["parties"]), date=row["date"],
        location=Location(row["location_city"], row["location_country"]), status=row["status"],
        participants=tuple(Participant(**p) for p in json.loads(row["participants"])),
        date_text=row["date_text"], evidence=tuple(row["evidence"]),
    )
    return DialogueMention(row["mention_id"], row["article_id"], row["published"], dialogue)


def deal_mention_from_row(row: Mapping[str, Any]) -> DealMention:
    fields = {name: row.get(name) for name, _ in _DEAL_FACTS}  # a store written before a column was added lacks it
    deal = Deal(**{**fields, "suppliers": tuple(row["suppliers"]), "evidence": tuple(row["evidence"])})
    return DealMention(row["mention_id"], row["article_id"], row["published"], deal)


# Events


def dialogue_events_table(events: Sequence[DialogueEvent]) -> pa.Table:
    return _table("dialogue_events", {
        "event_id": [e.event_id for e in events], **_dialogue_fact_columns([e.dialogue for e in events]),
        **_event_link_columns(events),
    })


def deal_events_table(events: Sequence[DealEvent]) -> pa.Table:
    return _table("deal_events", {
        "event_id": [e.event_id for e in events], **_deal_fact_columns([e.deal for e in events]),
        **_event_link_columns(events),
    })


def _dialogue_fact_columns(dialogues: Sequence[Dialogue]) -> dict[str, list]:
    parties = [sorted(d.parties) for d in dialogues]
    dates = [d.date for d in dialogues]
    return {
        "mechanism": [d.mechanism for d in dialogues], "parties": parties, "pair": ["-".join(p) for p in parties],
        "date": dates, "date_precision": [PRECISION_BY_LENGTH.get(len(d)) if d else None for d in dates],
        "date_start": [date_start(d) for d in dates], "location_city": [d.location.city for d in dialogues],
        "location_country": [d.location.country for d in dialogues], "status": [d.status for d in dialogues],
        "participants": [
            json.dumps([p.__dict__ for p in d.participants], ensure_ascii=False) for d in dialogues
        ],
    }


def date_start(iso: str | None) -> date | None:
    """First day of the period an ISO date of any precision names ("2020-10" -> 2020-10-01)."""
    if not iso or len(iso) not in PRECISION_BY_LENGTH:
        return None
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    try:
        return date(*parts[:3])
    except ValueError:
        return None


def _deal_fact_columns(deals: Sequence[Deal]) -> dict[str, list]:
    return {name: [getattr(d, name) for d in deals] for name, _ in _DEAL_FACTS}


def _event_link_columns(events: Sequence[DialogueEvent | DealEvent]) -> dict[str, list]:
    return {
        "n_sources": [len(e.article_ids) for e in events], "article_ids": [e.article_ids for e in events],
        "mention_ids": [e.mention_ids for e in events], "conflicts": [conflicts_json(e.conflicts) for e in events],
    }


def conflicts_json(conflicts: tuple[Conflict, ...]) -> str:
    return json.dumps(
        [{"field": c.field, "values": list(c.values), "article_ids": [list(ids) for ids in c.article_ids]}
         for c in conflicts],
        ensure_ascii=False,
    )
