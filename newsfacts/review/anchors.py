"""Anchors: what keeps a correction on its event across re-ingests.

An anchor is `article_id/hash of one evidence sentence`. The article id hashes the article's
normalised text, so it is the same whichever file or ingest brings the article; the sentence
hash does not depend on the sentence's index. Event ids, which hash the merge key, can change
when a new source arrives (a more precise date anchors a dialogue; an earlier article seeds a
deal), so a correction finds its event by the anchors it shares with it, and by its old
`event_id` only when no anchor matches.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from newsfacts.review.records import EventRef


def anchor(article_id: str, sentence_text: str) -> str:
    digest = hashlib.sha256(" ".join(sentence_text.split()).encode("utf-8")).hexdigest()[:12]
    return f"{article_id}/{digest}"


def mention_anchors(mentions: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Each mention id -> the anchors of its evidence sentences."""
    return {
        mention_id: tuple(anchor(article_id, text) for text in (texts if texts is not None else ()))
        for mention_id, article_id, texts in zip(mentions["mention_id"], mentions["article_id"], mentions["evidence_text"])
    }


class AnchorIndex:
    """Events by anchor and anchors by event, kept up to date while corrections merge, split and add events."""

    def __init__(self) -> None:
        self.of_event: dict[str, set[str]] = {}
        self.events: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def of(cls, events: pd.DataFrame, anchors_of_mention: dict[str, tuple[str, ...]]) -> AnchorIndex:
        index = cls()
        for event_id, mention_ids in zip(events["event_id"], events["mention_ids"]):
            index.add(event_id, (a for m in mention_ids for a in anchors_of_mention.get(m, ())))
        return index

    def add(self, event_id: str, anchors: Iterable[str]) -> None:
        found = self.of_event.setdefault(event_id, set())
        for item in anchors:
            found.add(item)
            self.events[item].add(event_id)

    def remove(self, event_id: str) -> set[str]:
        anchors = self.of_event.pop(event_id, set())
        for item in anchors:
            self.events[item].discard(event_id)
        return anchors

    def resolve(self, ref: EventRef) -> str | None:
        """The live event sharing most anchors with `ref` (its old id breaks ties), else its old id if live."""
        shared: dict[str, int] = defaultdict(int)
        for item in ref.anchors:
            for event_id in self.events.get(item, ()):
                shared[event_id] += 1
        if shared:
            return max(sorted(shared), key=lambda e: (shared[e], e == ref.event_id))
        return ref.event_id if ref.event_id in self.of_event else None

    def anchors(self, event_id: str) -> tuple[str, ...]:
        return tuple(sorted(self.of_event.get(event_id, ())))
