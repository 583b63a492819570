"""Who attended each meeting, and the `Dialogue` records."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from newsfacts.extract.lowered import LoweredArticle
from newsfacts.extract.people import PersonMention, dialogue_role_keys
from newsfacts.records import Dialogue, Participant, Sentence
from newsfacts.extract.dialogues.merge import _Event, _final_location, _final_status
from newsfacts.extract.dialogues.places import dateline_city, with_dateline_city
from newsfacts.extract.dialogues.vocabulary import _patterns


def _records(events: Sequence[_Event], sentences: Sequence[Sentence], article: LoweredArticle,
             people: Sequence[PersonMention], published: date | None) -> tuple[Dialogue, ...]:
    """One `Dialogue` per event; the first event of each mechanism and pair is the news and gets its participants."""
    if not events:
        return ()
    people_by_sentence: dict[int, list[PersonMention]] = {}
    for person in people:
        people_by_sentence.setdefault(person.sentence, []).append(person)
    lower_of = {s.index: article.sentence(position) for position, s in enumerate(sentences)
                if s.index in people_by_sentence}
    meeting = _patterns()["meeting"]
    meeting_sentences = frozenset(i for i in people_by_sentence if i in lower_of and meeting.search(lower_of[i]))
    main_keys: set[tuple] = set()
    lead = next((s.text for s in sentences if s.segment == "lead"), "")
    filed_from = dateline_city(lead)
    records = []
    for event in events:
        is_main = event.key not in main_keys
        main_keys.add(event.key)
        scope = _participant_scope(event, events, meeting_sentences if is_main else frozenset())
        records.append(Dialogue(
            mechanism=event.key[0], parties=event.key[1], date=event.anchor.date,
            location=with_dateline_city(_final_location(event), filed_from if is_main else None),
            status=_final_status(event, published),
            participants=_participants(event, scope, people_by_sentence, lower_of), date_text=None,
            evidence=tuple(sorted({m.sentence for m in event.mentions}))))
    return tuple(records)


def _participant_scope(event: _Event, events: Sequence[_Event], meeting_sentences: frozenset[int]) -> set[int]:
    """The event's own sentences, and the meeting sentences (those with people that tell who met) no other event
    claims."""
    own = {m.sentence for m in event.mentions}
    others = {m.sentence for e in events if e is not event for m in e.mentions} - own
    return own | (meeting_sentences - others)


def _participants(event: _Event, scope: set[int], people_by_sentence: Mapping[int, list[PersonMention]],
                  lower_of: Mapping[int, str]) -> tuple[Participant, ...]:
    roles = dialogue_role_keys(event.key[0])
    parties = set(event.key[1])
    chosen: dict[str, Participant] = {}
    for sentence_index in sorted(scope):
        in_sentence = people_by_sentence.get(sentence_index)
        if not in_sentence:
            continue
        for person in _side_countries(in_sentence, lower_of[sentence_index], parties):
            if person.role_key in roles and person.country in parties and person.name not in chosen:
                chosen[person.name] = Participant(person.name, person.role, person.country)
    return tuple(chosen.values())


def _side_countries(people: list[PersonMention], lower: str, parties: set[str]) -> list[PersonMention]:
    """In "A và B sẽ gặp C và D", a side with no country named takes the party the other side does not have."""
    if len(parties) != 2 or all(p.country for p in people):
        return people
    verb = re.search(r"\b(?:gặp|hội đàm với|điện đàm với|tiếp)\b", lower)
    if not verb:
        return people
    sides = ([p for p in people if p.end <= verb.start()], [p for p in people if p.start >= verb.end()])
    resolved = list(people)
    for side, other in (sides, sides[::-1]):
        known = {p.country for p in other if p.country}
        if any(p.country for p in side) or len(known) != 1 or not known <= parties:
            continue
        (missing,) = parties - known
        resolved = [replace(p, country=missing) if p in side else p for p in resolved]
    return resolved
