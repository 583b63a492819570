"""`apply_corrections(tables, corrections)`: the store's tables as the analysts corrected them.

The parsed tables are never changed: the corrected view is a new set of frames. Corrections are
applied in the order they were made; each finds its event through `AnchorIndex.resolve`, so it
still applies after a re-ingest. A correction whose event (or article) is gone is kept and
reported as orphaned. Every event row of the view carries:

- `review`: "" (as parsed), "confirmed", "corrected" or "added";
- `corrected`: the fields an analyst changed (plus "merged", "split" or "added");
- `original`: JSON object of each corrected field's parsed value, to show on request;
- `reviewed_by`: who last confirmed or corrected it.

Rejected events leave the event tables and are listed in `CorrectedView.rejected`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from newsfacts.review.anchors import AnchorIndex, anchor_articles, mention_anchors
from newsfacts.review.records import EVENT_TABLE, FIELDS, KINDS, MENTION_TABLE, Correction, plain_value
from newsfacts.store.events import stable_id
from newsfacts.store.tables import PRECISION_BY_LENGTH, date_start

REVIEW_COLUMNS = ("review", "corrected", "original", "reviewed_by")


@dataclass(frozen=True)
class Outcome:
    """What became of one correction: applied to `event_id`, or orphaned because its target is gone."""

    correction: Correction
    status: Literal["applied", "orphaned"]
    event_id: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class CorrectedView:
    tables: dict[str, pd.DataFrame]
    rejected: dict[str, pd.DataFrame]
    outcomes: tuple[Outcome, ...] = ()

    @property
    def orphaned(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "orphaned")


@dataclass
class _Events:
    """One kind's events while corrections are applied: rows touched so far, and what left the view."""

    kind: str
    frame: pd.DataFrame
    mentions: pd.DataFrame
    index: AnchorIndex
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    gone: dict[str, str] = field(default_factory=dict)
    rejected: dict[str, dict[str, Any]] = field(default_factory=dict)
    mention_event: dict[str, str] = field(default_factory=dict)
    new_mentions: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, kind: str, events: pd.DataFrame, mentions: pd.DataFrame, articles: set[str]) -> _Events:
        return cls(kind, events, mentions, AnchorIndex.of(events, mentions, articles))

    def anchors_of(self, mention_id: str) -> tuple[str, ...]:
        mention = self.mention_row(mention_id)
        return () if mention is None else mention_anchors(pd.DataFrame([mention]))[mention_id]

    def row(self, event_id: str) -> dict[str, Any]:
        if event_id not in self.rows:
            found = self.frame.index[self.frame["event_id"] == event_id]
            self.rows[event_id] = _with_review(self.frame.loc[found[0]].to_dict())
        return self.rows[event_id]

    def leave(self, event_id: str, why: str) -> dict[str, Any]:
        row = self.row(event_id)
        self.gone[event_id] = why
        self.index.remove(event_id)
        return row

    def mention_row(self, mention_id: str) -> dict[str, Any] | None:
        added = next((m for m in self.new_mentions if m["mention_id"] == mention_id), None)
        if added is not None:
            return added
        found = self.mentions.index[self.mentions["mention_id"] == mention_id]
        return self.mentions.loc[found[0]].to_dict() if len(found) else None


def _with_review(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of `row` with the review columns, whose lists and dicts it may change."""
    return {"review": "", "reviewed_by": None, **row, "corrected": list(row.get("corrected") or []),
            "original": dict(row.get("original") or {})}


def apply_corrections(tables: Mapping[str, pd.DataFrame], corrections: Iterable[Correction]) -> CorrectedView:
    """The corrected view of `tables` (which need the event and mention tables of both kinds)."""
    corrections = list(corrections)
    wanted = anchor_articles(a for c in corrections for ref in (c.target, *c.others) for a in ref.anchors)
    working = {kind: _Events.of(kind, tables[EVENT_TABLE[kind]], tables[MENTION_TABLE[kind]], wanted)
               for kind in KINDS}
    articles = set(tables["articles"]["article_id"]) if "articles" in tables else None
    outcomes = tuple(
        _apply(working[c.kind], c, articles) for c in sorted(corrections, key=lambda c: (c.at, c.correction_id))
    )
    view = dict(tables)
    rejected = {}
    for kind, events in working.items():
        view[EVENT_TABLE[kind]] = _event_frame(events)
        view[MENTION_TABLE[kind]] = _mention_frame(events)
        rejected[EVENT_TABLE[kind]] = _frame_like(events.frame, list(events.rejected.values()), ("reject_reason",))
    return CorrectedView(view, rejected, outcomes)


def _apply(events: _Events, correction: Correction, articles: set[str] | None) -> Outcome:
    if correction.action == "add":
        return _add(events, correction, articles)
    event_id = events.index.resolve(correction.target)
    if event_id is None:
        why = events.gone.get(correction.target.event_id)
        detail = f"the event was {why} by an earlier correction" if why else "the event is no longer in the store"
        return Outcome(correction, "orphaned", detail=detail)
    return _ACTIONS[correction.action](events, correction, event_id)


def _confirm(events: _Events, correction: Correction, event_id: str) -> Outcome:
    row = events.row(event_id)
    row["review"] = row["review"] or "confirmed"
    row["reviewed_by"] = correction.by
    return Outcome(correction, "applied", event_id)


def _reject(events: _Events, correction: Correction, event_id: str) -> Outcome:
    row = events.leave(event_id, "rejected")
    events.rejected[event_id] = {**row, "reviewed_by": correction.by, "reject_reason": correction.reason}
    return Outcome(correction, "applied", event_id)


def _set(events: _Events, correction: Correction, event_id: str) -> Outcome:
    row = events.row(event_id)
    unknown = [c.field for c in correction.changes if c.field not in FIELDS[events.kind]]
    if unknown:
        return Outcome(correction, "orphaned", event_id, f"unknown field(s): {', '.join(unknown)}")
    for change in correction.changes:
        _set_field(row, events.kind, change.field, change.new)
    row["review"] = "added" if row["review"] == "added" else "corrected"
    row["reviewed_by"] = correction.by
    return Outcome(correction, "applied", event_id)


def _set_field(row: dict[str, Any], kind: str, name: str, value: Any) -> None:
    original = row["original"]
    if name not in original and row["review"] != "added":
        original[name] = plain_value(row.get(name))
    row[name] = value
    if kind == "dialogue":
        parties = sorted(row.get("parties") or [])
        row.update(parties=parties, pair="-".join(parties), date_precision=PRECISION_BY_LENGTH.get(len(row.get("date") or "")),
                   date_start=pd.Timestamp(date_start(row.get("date"))) if row.get("date") else pd.NaT)
    if name not in row["corrected"]:
        row["corrected"].append(name)


def _merge(events: _Events, correction: Correction, event_id: str) -> Outcome:
    others = {events.index.resolve(ref) for ref in correction.others} - {None, event_id}
    if not others:
        return Outcome(correction, "orphaned", event_id, "no other event to merge is left")
    row = events.row(event_id)
    for other in sorted(others):
        absorbed = events.leave(other, "merged")
        row["mention_ids"] = [*row["mention_ids"], *absorbed["mention_ids"]]
        row["article_ids"] = sorted({*row["article_ids"], *absorbed["article_ids"]})
        events.index.add(event_id, (a for m in absorbed["mention_ids"] for a in events.anchors_of(m)))
        events.mention_event.update(dict.fromkeys(absorbed["mention_ids"], event_id))
    row["n_sources"] = len(row["article_ids"])
    _mark(row, "merged", correction)
    return Outcome(correction, "applied", event_id)


def _split(events: _Events, correction: Correction, event_id: str) -> Outcome:
    whole = events.row(event_id)
    if len(whole["mention_ids"]) < 2:
        return Outcome(correction, "applied", event_id, "one mention: nothing to split")
    events.leave(event_id, "split")
    for mention_id in whole["mention_ids"]:
        mention = events.mention_row(mention_id)
        if mention is None:
            continue
        anchors = events.anchors_of(mention_id)
        piece_id = "split-" + stable_id(events.kind, *(sorted(anchors) or [mention_id]))
        columns = [c for c in events.frame.columns if c in mention and c not in ("event_id",)]
        piece = _with_review({**{c: None for c in events.frame.columns}, **{c: mention[c] for c in columns},
                              "event_id": piece_id, "mention_ids": [mention_id], "article_ids": [mention["article_id"]],
                              "n_sources": 1, "conflicts": "[]"})
        _mark(piece, "split", correction)
        events.rows[piece_id] = piece
        events.index.add(piece_id, anchors)
        events.mention_event[mention_id] = piece_id
    return Outcome(correction, "applied", event_id)


def _add(events: _Events, correction: Correction, articles: set[str] | None) -> Outcome:
    if articles is not None and correction.article_id not in articles:
        return Outcome(correction, "orphaned", detail=f"article {correction.article_id} is not in the store")
    event_id = correction.target.event_id
    mention_id = "added-" + stable_id(correction.correction_id, "mention")
    row = _with_review({c: None for c in events.frame.columns})
    row.update(event_id=event_id, mention_ids=[mention_id], article_ids=[correction.article_id], n_sources=1,
               conflicts="[]", review="added", corrected=["added"])
    for change in correction.changes:
        _set_field(row, events.kind, change.field, change.new)
    row["reviewed_by"] = correction.by
    events.rows[event_id] = row
    events.index.add(event_id, correction.target.anchors)
    events.new_mentions.append({
        **{c: row.get(c) for c in events.mentions.columns}, "mention_id": mention_id, "event_id": event_id,
        "article_id": correction.article_id, "evidence": [correction.sentence_index], "evidence_text": [],
    })
    return Outcome(correction, "applied", event_id)


def _mark(row: dict[str, Any], what: str, correction: Correction) -> None:
    if what not in row["corrected"]:
        row["corrected"].append(what)
    row["review"] = row["review"] if row["review"] == "added" else "corrected"
    row["reviewed_by"] = correction.by


_ACTIONS = {"confirm": _confirm, "reject": _reject, "set": _set, "merge": _merge, "split": _split}


def _event_frame(events: _Events) -> pd.DataFrame:
    frame = events.frame
    touched = set(events.rows) | set(events.gone)
    kept = frame[~frame["event_id"].isin(list(touched))] if touched else frame
    kept = kept.assign(review="", original="{}", reviewed_by=None, corrected=[[] for _ in range(len(kept))])
    if not touched:
        return kept[[*frame.columns, *REVIEW_COLUMNS]]
    live = [row for event_id, row in events.rows.items() if event_id not in events.gone]
    position = {event_id: i for i, event_id in enumerate(frame["event_id"])}
    changed = _frame_like(frame, live)
    order = pd.concat([kept["event_id"], changed["event_id"]]).map(position).fillna(len(frame)).to_numpy()
    result = pd.concat([kept, changed], ignore_index=True)
    return result.iloc[order.argsort(kind="stable")].reset_index(drop=True)[[*frame.columns, *REVIEW_COLUMNS]]


def _frame_like(frame: pd.DataFrame, rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """`rows` as a frame with `frame`'s columns and dtypes, the review columns and `extra`."""
    columns = [*frame.columns, *REVIEW_COLUMNS, *extra]
    shaped = [{**row, "original": json.dumps(row.get("original") or {}, ensure_ascii=False)} for row in rows]
    result = pd.DataFrame(shaped, columns=columns) if shaped else pd.DataFrame(columns=columns)
    for column in frame.columns:
        try:
            result[column] = result[column].astype(frame[column].dtype)
        except (TypeError, ValueError):
            pass
    return result


def _mention_frame(events: _Events) -> pd.DataFrame:
    mentions = events.mentions
    if events.mention_event:
        mentions = mentions.assign(event_id=mentions["mention_id"].map(events.mention_event).fillna(mentions["event_id"]))
    if not events.new_mentions:
        return mentions
    return pd.concat([mentions, pd.DataFrame(events.new_mentions, columns=mentions.columns)], ignore_index=True)
