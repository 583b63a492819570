"""Meetings of named dialogue mechanisms ("Đối thoại 2+2", "Đối thoại Chiến lược", AUSMIN, ...) as `Dialogue` records.

The stages, one module each: `vocabulary` (mechanism names and cues), `mentions` (what each sentence says of a
meeting), `dating` and `places` (when, who and where), `merge` (which mentions are one meeting) and
`participants` (who attended).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from newsfacts.extract.countries import CountryHit
from newsfacts.extract.dates import DateHit
from newsfacts.extract.lowered import lowered_article
from newsfacts.extract.people import PersonMention
from newsfacts.records import Dialogue, Sentence
from newsfacts.extract.dialogues.mentions import _Mention, _collect
from newsfacts.extract.dialogues.merge import (
    _bump_past_reference, _complete_parties, _fold_headline_names, _group, _main_pair, _resolve_bare,
    _without_calls_beside,
)
from newsfacts.extract.dialogues.participants import _records
from newsfacts.extract.dialogues.places import _venue_options
from newsfacts.extract.dialogues.vocabulary import CONSULTATION, bilateral_formats


def find_dialogues(sentences: Sequence[Sentence], paragraphs: Mapping[int, int],
                   country_hits: Mapping[int, Sequence[CountryHit]], date_hits: Mapping[int, Sequence[DateHit]],
                   people: Sequence[PersonMention], published: date | None,
                   explicit_reference: str | None = None) -> tuple[Dialogue, ...]:
    """Every distinct dialogue meeting the article's main text reports.

    Only the first `mentions.MAX_MENTIONS` mentions are grouped: a news article has far fewer, and the cap keeps the
    pairwise grouping of a pathological multi-megabyte input short.
    """
    article = lowered_article(sentences)
    named, bare = _collect(sentences, article, paragraphs, country_hits, date_hits)
    named = _consultations_named(named)
    named = [m for m in named if not (m.mechanism in bilateral_formats() and len(m.parties) > 2)]
    if not named:
        return ()
    main_pair = _main_pair(named, country_hits)
    mentions = _complete_parties(named, main_pair, people) + _resolve_bare(bare, named, main_pair, sentences)
    if published is None:
        mentions = _bump_past_reference(mentions, explicit_reference)
    order = {s.index: rank for rank, s in enumerate(s for s in sentences if s.segment != "caption")}
    headline = frozenset(s.index for s in sentences if s.segment in ("title", "lead"))
    events = _without_calls_beside(_fold_headline_names(_group(mentions, order, published), headline))
    events.sort(key=lambda e: min(order.get(m.sentence, 10**6) for m in e.mentions if m.date) if e.anchor.date else 10**6)
    dialogues = _without_carried_out_agreements(_records(events, sentences, article, people, published))
    return _dated_by_a_caption(dialogues, sentences, country_hits, date_hits)


def _dated_by_a_caption(dialogues: tuple[Dialogue, ...], sentences: Sequence[Sentence],
                        country_hits: Mapping[int, Sequence[CountryHit]], date_hits: Mapping[int, Sequence[DateHit]]
                        ) -> tuple[Dialogue, ...]:
    """"Hai ông đã đến Nhật Bản để tổ chức cuộc gặp 2+2 ..." with no date in the text, and a photo captioned "... tại
    Tokyo ngày 16/3": the only meeting held with no date takes the day of the one caption that places it in a
    party's country."""
    undated = [d for d in dialogues if d.date is None and d.status == "held"]
    if len(undated) != 1:
        return dialogues
    (meeting,) = undated
    placed = {}  # each day a caption gives, with that caption and the place it names
    for s in sentences:
        if s.segment != "caption":
            continue
        places = [place for _, place in _venue_options(s.text, country_hits.get(s.index, ()))
                  if place.country in meeting.parties]
        for hit in date_hits.get(s.index, ()):
            if places and hit.value and hit.precision == "day":
                placed.setdefault(hit.value, (s.index, places[0]))
    if len(placed) != 1:
        return dialogues
    ((day, (caption, place)),) = placed.items()
    location = place if meeting.location.city is None and meeting.location.country in (None, place.country) \
        else meeting.location
    dated = replace(meeting, date=day, location=location, evidence=tuple(sorted({*meeting.evidence, caption})))
    return tuple(dated if d is meeting else d for d in dialogues)


def _consultations_named(named: list[_Mention]) -> list[_Mention]:
    """The defence ministries' consultation ("Tham vấn quốc phòng Việt Nam - Canada") is their regular dialogue,
    unless the article also names a defence policy dialogue, which the consultation then prepares or accompanies: a
    mechanism of its own ("Để chuẩn bị cho đối thoại lần này, ... Tham vấn quốc phòng ... đã diễn ra trực tuyến")."""
    if not any(m.mechanism == CONSULTATION for m in named):
        return named
    dialogue = any(m.mechanism == "defence policy dialogue" for m in named)
    label = "other dialogue" if dialogue else "defence policy dialogue"
    return [replace(m, mechanism=label) if m.mechanism == CONSULTATION else m for m in named]


def _without_carried_out_agreements(dialogues: tuple[Dialogue, ...]) -> tuple[Dialogue, ...]:
    """"Cơ chế 2+2 được quyết định thiết lập năm 2018" in an article that reports the 2019 meeting as held: the
    agreement was carried out, it is no meeting of its own."""
    def carried_out(agreed: Dialogue) -> bool:
        return agreed.status == "agreed" and agreed.date is not None and any(
            other.status == "held" and other.mechanism == agreed.mechanism and other.parties == agreed.parties
            and other.date is not None and other.date > agreed.date for other in dialogues)
    return tuple(d for d in dialogues if not carried_out(d))
