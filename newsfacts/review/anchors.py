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


def anchor_articles(anchors: Iterable[str]) -> set[str]:
    """The article ids the anchors point into."""
    return {item.partition("/")[0] for item in anchors}


class AnchorIndex:
    """Events by anchor and anchors by event, kept up to date while corrections merge, split and add events.

    Only the events of the articles the corrections point into are indexed by anchor (hashing every
    evidence sentence of a large store on each read would cost more than all the rest); `live` holds
    every event id, for corrections that no anchor finds.
    """

    def __init__(self, live: Iterable[str] = ()) -> None:
        self.live: set[str] = set(live)
        self.of_event: dict[str, set[str]] = {}
        self.events: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def of(cls, events: pd.DataFrame, mentions: pd.DataFrame, articles: set[str]) -> AnchorIndex:
        """The index of `events`, by the anchors of their mentions in `articles`."""
        index = cls(events["event_id"])
        if not articles:
            return index
        chosen = mentions[mentions["article_id"].isin(list(articles))]
        anchors = mention_anchors(chosen)
        for mention_id, event_id in zip(chosen["mention_id"], chosen["event_id"]):
            if event_id in index.live:
                index.add(event_id, anchors[mention_id])
        return index

    def add(self, event_id: str, anchors: Iterable[str]) -> None:
        self.live.add(event_id)
        found = self.of_event.setdefault(event_id, set())
        for item in anchors:
            found.add(item)
            self.events[item].add(event_id)

    def remove(self, event_id: str) -> None:
        self.live.discard(event_id)
        for item in self.of_event.pop(event_id, set()):
            self.events[item].discard(event_id)

    def resolve(self, ref: EventRef) -> str | None:
        """The live event sharing most anchors with `ref` (its old id breaks ties), else its old id if live."""
        shared: dict[str, int] = defaultdict(int)
        for item in ref.anchors:
            for event_id in self.events.get(item, ()):
                shared[event_id] += 1
        if shared:
            return max(sorted(shared), key=lambda e: (shared[e], e == ref.event_id))
        return ref.event_id if ref.event_id in self.live else None
