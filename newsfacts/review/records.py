"""Typed correction records: what an analyst said about one event, and the fields an analyst may set.

A correction names its event twice: by the `event_id` it had when the analyst saw it, and by its
anchors, one per evidence sentence of its mentions (`article_id/sentence hash`). Event ids hash
the merge key and may change when new sources arrive; article ids hash the article's text, so the
anchors still find the event after a re-ingest, a parser upgrade or the same article read again
from another file (`newsfacts.review.anchors`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

import pandas as pd

from newsfacts.records import DealCategory, DealKind, DealStatus, DialogueStatus, Mechanism, ValueQualifier

Action = Literal["confirm", "reject", "set", "merge", "split", "add"]
Kind = Literal["dialogue", "deal"]
ACTIONS: tuple[str, ...] = get_args(Action)
KINDS: tuple[str, ...] = get_args(Kind)
EVENT_TABLE = {"dialogue": "dialogue_events", "deal": "deal_events"}
MENTION_TABLE = {"dialogue": "dialogue_mentions", "deal": "deal_mentions"}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
REJECT_REASONS = ("not-a-dialogue", "not-a-deal", "wrong-article", "duplicate", "other")


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown field, a value outside its vocabulary, no such event."""


@dataclass(frozen=True)
class EventRef:
    """An event as the analyst saw it: its id then, and the anchors of its evidence sentences."""

    event_id: str
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Correction:
    """One analyst action on one event (merge: on the target and `others`; add: on a new event)."""

    correction_id: str
    action: Action
    kind: Kind
    target: EventRef
    by: str
    at: str
    changes: tuple[FieldChange, ...] = ()
    reason: str | None = None
    note: str | None = None
    others: tuple[EventRef, ...] = ()
    article_id: str | None = None
    sentence_index: int | None = None

    def as_row(self) -> dict[str, Any]:
        """The correction as one row of the corrections table (JSON strings for the nested parts)."""
        return {
            "correction_id": self.correction_id, "action": self.action, "kind": self.kind,
            "event_id": self.target.event_id, "anchors": list(self.target.anchors), "by": self.by, "at": self.at,
            "changes": json.dumps([c.__dict__ for c in self.changes], ensure_ascii=False),
            "reason": self.reason, "note": self.note,
            "others": json.dumps([{"event_id": o.event_id, "anchors": list(o.anchors)} for o in self.others]),
            "article_id": self.article_id, "sentence_index": self.sentence_index,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Correction:
        """The correction of a table row or an exported object; CorrectionError when it is not one."""
        try:
            if row["action"] not in ACTIONS or row["kind"] not in KINDS:
                raise CorrectionError(f"unknown action or kind: {row['action']!r}, {row['kind']!r}")
            return cls(
                correction_id=str(row["correction_id"]), action=row["action"], kind=row["kind"],
                target=EventRef(str(row["event_id"]), tuple(row.get("anchors") or ())), by=str(row["by"]),
                at=str(row["at"]), changes=tuple(FieldChange(**c) for c in json.loads(row.get("changes") or "[]")),
                reason=row.get("reason"), note=row.get("note"),
                others=tuple(EventRef(o["event_id"], tuple(o["anchors"])) for o in json.loads(row.get("others") or "[]")),
                article_id=row.get("article_id"),
                sentence_index=None if row.get("sentence_index") is None else int(row["sentence_index"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            if isinstance(error, CorrectionError):
                raise
            raise CorrectionError(f"not a correction record: {error}") from error


def _choice(options: tuple[str, ...]):
    def parse(text: str) -> str | None:
        if text == "":
            return None
        if text not in options:
            raise CorrectionError(f"{text!r} is not one of {', '.join(options)}")
        return text
    return parse


def _text(text: str) -> str | None:
    return text.strip() or None


def _country(text: str) -> str | None:
    code = text.strip().upper()
    if code and (len(code) != 3 or not code.isalpha()):
        raise CorrectionError(f"{text!r} is not an ISO-3 country code")
    return code or None


def _countries(text: str) -> list[str]:
    return sorted({c for c in (_country(part) for part in text.split(",")) if c})


def _texts(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _date(text: str) -> str | None:
    from newsfacts.store.tables import date_start

    text = text.strip()
    if text and (not ISO_DATE.fullmatch(text) or date_start(text) is None):
        raise CorrectionError(f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return text or None


def _integer(text: str) -> int | None:
    try:
        return int(text.replace(".", "").replace(",", "")) if text.strip() else None
    except ValueError as error:
        raise CorrectionError(f"{text!r} is not a whole number") from error


def _number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError as error:
        raise CorrectionError(f"{text!r} is not a number") from error


def _participants(text: str) -> str:
    try:
        people = json.loads(text or "[]")
    except ValueError as error:
        raise CorrectionError("participants must be a JSON list of {name, role, country}") from error
    if not isinstance(people, list) or not all(isinstance(p, dict) and p.get("name") for p in people):
        raise CorrectionError("participants must be a JSON list of {name, role, country}")
    return json.dumps([{k: p.get(k) for k in ("name", "role", "country")} for p in people], ensure_ascii=False)


# The fields an analyst may set, with the parser of the text typed for each; derived columns
# (pair, date_precision, date_start) follow from these.
FIELDS: dict[str, dict[str, Any]] = {
    "dialogue": {
        "mechanism": _choice(get_args(Mechanism)), "parties": _countries, "date": _date,
        "location_city": _text, "location_country": _country, "status": _choice(get_args(DialogueStatus)),
        "participants": _participants,
    },
    "deal": {
        "kind": _choice(get_args(DealKind)), "buyer": _country, "seller": _country, "suppliers": _texts,
        "system": _text, "category": _choice(get_args(DealCategory)), "quantity": _integer, "value_usd": _number,
        "value_qualifier": _choice(get_args(ValueQualifier)), "value_amount": _number, "value_currency": _text,
        "year": _integer, "status": _choice(get_args(DealStatus)),
    },
}


def parse_field(kind: str, name: str, text: str) -> Any:
    """The value of field `name` of a `kind` event typed as `text` (lists: comma- or ';'-separated)."""
    parsers = FIELDS[kind]
    if name not in parsers:
        raise CorrectionError(f"{kind} has no field {name!r}; fields: {', '.join(parsers)}")
    return parsers[name](text)


def parse_assignment(kind: str, assignment: str) -> tuple[str, Any]:
    """`FIELD=VALUE` as typed on the command line -> (field, value)."""
    name, sep, text = assignment.partition("=")
    if not sep:
        raise CorrectionError(f"{assignment!r} is not FIELD=VALUE")
    return name.strip(), parse_field(kind, name.strip(), text)


def plain_value(value: Any) -> Any:
    """A table cell as JSON can hold it (lists, numbers, text, ISO dates, null)."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value
