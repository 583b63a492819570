"""The one place that maps records to store columns: Arrow schemas of every table and the row mappings.

Columns follow the contract in docs/architecture.md ("Store tables"); the extra
columns this module adds at the end of some tables are listed in docs/store.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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

Row = dict[str, Any]
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
    ("value_currency", STR), ("year", INT), ("status", STR),
]
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


def file_row(stored: StoredFile) -> Row:
    return {**stored.__dict__, "article_ids": list(stored.article_ids)}


def file_from_row(row: Mapping[str, Any]) -> StoredFile:
    return StoredFile(**{**row, "article_ids": tuple(row["article_ids"] or ())})


def to_table(name: str, rows: list[Row]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


# Articles


def article_rows(article: ParsedArticle, file: str, file_hash: str, ingested_at: str) -> dict[str, list[Row]]:
    """Rows of the per-article tables (articles, sentences, article_countries, people) for one article."""
    meta = article.meta
    lead = "\n".join(s.text for s in article.segments if s.kind == "lead")
    return {
        "articles": [{
            "article_id": article.article_id, "file": file, "file_hash": file_hash, "source": meta.source,
            "url": meta.url, "published": meta.published, "published_inferred": meta.published_inferred,
            "title": article.title, "lead": lead or None, "n_chars": sum(len(s.text) for s in article.sentences),
            "countries": sorted(c.code for c in article.countries), "ingested_at": ingested_at,
            "path": meta.path, "n_sentences": len(article.sentences),
        }],
        "sentences": [
            {"article_id": article.article_id, "sentence_index": s.index, "segment": s.segment, "text": s.text}
            for s in article.sentences
        ],
        "article_countries": [
            {"article_id": article.article_id, "country": c.code, "n_mentions": len(c.evidence),
             "evidence": list(c.evidence), "surface_forms": list(c.surface_forms)}
            for c in article.countries
        ],
        "people": [
            {"article_id": article.article_id, "name": p.name, "role": p.role, "country": p.country,
             "evidence": list(p.evidence), "evidence_text": article.evidence_text(p.evidence)}
            for p in article.people
        ],
    }


def mentions_of(article: ParsedArticle) -> tuple[list[DialogueMention], list[DealMention]]:
    published = article.meta.published
    dialogues = [
        DialogueMention(stable_id(article.article_id, "dialogue", i), article.article_id, published, d,
                        tuple(article.evidence_text(d.evidence)))
        for i, d in enumerate(article.dialogues)
    ]
    deals = [
        DealMention(stable_id(article.article_id, "deal", i), article.article_id, published, d,
                    tuple(article.evidence_text(d.evidence)))
        for i, d in enumerate(article.deals)
    ]
    return dialogues, deals


# Dialogues


def _dialogue_facts(dialogue: Dialogue) -> Row:
    parties = sorted(dialogue.parties)
    return {
        "mechanism": dialogue.mechanism, "parties": parties, "pair": "-".join(parties), "date": dialogue.date,
        "date_precision": PRECISION_BY_LENGTH.get(len(dialogue.date)) if dialogue.date else None,
        "date_start": date_start(dialogue.date), "location_city": dialogue.location.city,
        "location_country": dialogue.location.country, "status": dialogue.status,
        "participants": json.dumps([p.__dict__ for p in dialogue.participants], ensure_ascii=False),
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


def dialogue_mention_row(mention: DialogueMention, event_id: str) -> Row:
    d = mention.dialogue
    return {
        "mention_id": mention.mention_id, "article_id": mention.article_id, "event_id": event_id,
        **_dialogue_facts(d), "evidence": list(d.evidence), "evidence_text": list(mention.evidence_text),
        "published": mention.published, "date_text": d.date_text,
    }


def dialogue_mention_from_row(row: Mapping[str, Any]) -> DialogueMention:
    dialogue = Dialogue(
        mechanism=row["mechanism"], parties=tuple(row["parties"]), date=row["date"],
        location=Location(row["location_city"], row["location_country"]), status=row["status"],
        participants=tuple(Participant(**p) for p in json.loads(row["participants"])),
        date_text=row["date_text"], evidence=tuple(row["evidence"]),
    )
    return DialogueMention(row["mention_id"], row["article_id"], row["published"], dialogue, tuple(row["evidence_text"]))


def dialogue_event_row(event: DialogueEvent) -> Row:
    return {"event_id": event.event_id, **_dialogue_facts(event.dialogue), **_event_links(event)}


# Deals


def _deal_facts(deal: Deal) -> Row:
    return {
        "kind": deal.kind, "buyer": deal.buyer, "seller": deal.seller, "suppliers": list(deal.suppliers),
        "system": deal.system, "category": deal.category, "quantity": deal.quantity, "value_usd": deal.value_usd,
        "value_qualifier": deal.value_qualifier, "value_amount": deal.value_amount,
        "value_currency": deal.value_currency, "year": deal.year, "status": deal.status,
    }


def deal_mention_row(mention: DealMention, event_id: str) -> Row:
    d = mention.deal
    return {
        "mention_id": mention.mention_id, "article_id": mention.article_id, "event_id": event_id,
        **_deal_facts(d), "evidence": list(d.evidence), "evidence_text": list(mention.evidence_text),
        "published": mention.published,
    }


def deal_mention_from_row(row: Mapping[str, Any]) -> DealMention:
    fields = {name: row[name] for name, _ in _DEAL_FACTS}
    deal = Deal(**{**fields, "suppliers": tuple(row["suppliers"]), "evidence": tuple(row["evidence"])})
    return DealMention(row["mention_id"], row["article_id"], row["published"], deal, tuple(row["evidence_text"]))


def deal_event_row(event: DealEvent) -> Row:
    return {"event_id": event.event_id, **_deal_facts(event.deal), **_event_links(event)}


def _event_links(event: DialogueEvent | DealEvent) -> Row:
    return {
        "n_sources": len(event.article_ids), "article_ids": list(event.article_ids),
        "mention_ids": list(event.mention_ids), "conflicts": conflicts_json(event.conflicts),
    }


def conflicts_json(conflicts: tuple[Conflict, ...]) -> str:
    return json.dumps(
        [{"field": c.field, "values": list(c.values), "article_ids": [list(ids) for ids in c.article_ids]}
         for c in conflicts],
        ensure_ascii=False,
    )
