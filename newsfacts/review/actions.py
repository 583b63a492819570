"""Building corrections from the view an analyst sees: each records the event's anchors and old values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from newsfacts.review.anchors import anchor, mention_anchors
from newsfacts.review.log import new_correction_id, now
from newsfacts.review.records import (
    EVENT_TABLE, FIELDS, KINDS, MENTION_TABLE, REJECT_REASONS, Correction, CorrectionError, EventRef, FieldChange,
    plain_value,
)
from newsfacts.store.events import stable_id

Tables = Mapping[str, pd.DataFrame]


def find_event(tables: Tables, event_id: str) -> tuple[str, dict[str, Any]]:
    """(kind, row) of the event `event_id` in the view; CorrectionError when there is none."""
    for kind in KINDS:
        events = tables[EVENT_TABLE[kind]]
        found = events.index[events["event_id"] == event_id]
        if len(found):
            return kind, events.loc[found[0]].to_dict()
    raise CorrectionError(f"no dialogue or deal event with id {event_id!r} in the store")


def event_ref(tables: Tables, kind: str, row: Mapping[str, Any]) -> EventRef:
    mentions = tables[MENTION_TABLE[kind]]
    mine = mentions[mentions["mention_id"].isin(list(row["mention_ids"]))]
    anchors = sorted({a for found in mention_anchors(mine).values() for a in found})
    return EventRef(row["event_id"], tuple(anchors))


def _correction(tables: Tables, event_id: str, action: str, by: str, note: str | None, **parts: Any) -> Correction:
    kind, row = find_event(tables, event_id)
    changes = tuple(FieldChange(name, plain_value(row.get(name)), value) for name, value in parts.pop("values", {}).items())
    return Correction(correction_id=new_correction_id(), action=action, kind=kind, target=event_ref(tables, kind, row),
                      by=by, at=now(), changes=changes, note=note or None, **parts)


def confirm(tables: Tables, event_id: str, by: str, note: str | None = None) -> Correction:
    return _correction(tables, event_id, "confirm", by, note)


def reject(tables: Tables, event_id: str, reason: str, by: str, note: str | None = None) -> Correction:
    if not reason.strip():
        raise CorrectionError(f"a rejection needs a reason, e.g. {', '.join(REJECT_REASONS)}")
    return _correction(tables, event_id, "reject", by, note, reason=reason.strip())


def set_fields(tables: Tables, event_id: str, values: Mapping[str, Any], by: str, note: str | None = None) -> Correction:
    kind, _ = find_event(tables, event_id)
    unknown = [name for name in values if name not in FIELDS[kind]]
    if unknown or not values:
        raise CorrectionError(f"{kind} fields that can be set: {', '.join(FIELDS[kind])}")
    return _correction(tables, event_id, "set", by, note, values=dict(values))


def merge(tables: Tables, event_id: str, others: Sequence[str], by: str, note: str | None = None) -> Correction:
    kind, _ = find_event(tables, event_id)
    refs = []
    for other in others:
        other_kind, row = find_event(tables, other)
        if other_kind != kind or other == event_id:
            raise CorrectionError(f"{other} is not another {kind} event")
        refs.append(event_ref(tables, kind, row))
    if not refs:
        raise CorrectionError("a merge needs at least one other event")
    return _correction(tables, event_id, "merge", by, note, others=tuple(refs))


def split(tables: Tables, event_id: str, by: str, note: str | None = None) -> Correction:
    _, row = find_event(tables, event_id)
    if len(row["mention_ids"]) < 2:
        raise CorrectionError(f"{event_id} has one mention: nothing to split")
    return _correction(tables, event_id, "split", by, note)


def add(kind: str, article_id: str, sentence_index: int, sentence_text: str, values: Mapping[str, Any], by: str,
        note: str | None = None) -> Correction:
    """A new event the parser missed, read from sentence `sentence_index` of article `article_id`."""
    if kind not in KINDS:
        raise CorrectionError(f"kind must be one of {', '.join(KINDS)}")
    unknown = [name for name in values if name not in FIELDS[kind]]
    if unknown:
        raise CorrectionError(f"{kind} fields that can be set: {', '.join(FIELDS[kind])}")
    correction_id = new_correction_id()
    target = EventRef(f"added-{stable_id(kind, correction_id)}", (anchor(article_id, sentence_text),))
    return Correction(
        correction_id=correction_id, action="add", kind=kind, target=target, by=by, at=now(),
        changes=tuple(FieldChange(name, None, value) for name, value in values.items()), note=note or None,
        article_id=article_id, sentence_index=int(sentence_index),
    )
