"""The correction model on real stores: apply, re-apply after re-ingest, orphaned, merge, split, add."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsfacts.review import actions, append, read_corrections
from newsfacts.review.log import CorrectionsFileError, corrections_dir, export_corrections, import_corrections
from newsfacts.review.records import CorrectionError, parse_field
from newsfacts.store import ingest, load_tables
from newsfacts.store.layout import current_snapshot
from tests.review.conftest import DAY, DEAL, MONTH, view_tables, write_articles


def _only(frame, **equal):
    for column, value in equal.items():
        frame = frame[frame[column] == value]
    assert len(frame) == 1, frame
    return frame.iloc[0]


def _dialogue(tables):
    return _only(tables["dialogue_events"], mechanism="2+2")


def _deal(tables, buyer="IND"):
    return _only(tables["deal_events"], buyer=buyer)


def test_set_confirm_reject_give_the_corrected_view_and_leave_the_snapshot_alone(store_dir: Path):
    snapshot = current_snapshot(store_dir)
    files_before = {p.name: p.stat().st_mtime_ns for p in snapshot.iterdir()}
    tables = view_tables(store_dir)
    dialogue, deal = _dialogue(tables), _deal(tables)
    append(store_dir, [actions.set_fields(tables, dialogue.event_id, {"date": "2020-10-26", "status": "planned"},
                                          by="Lan", note="the ministry's release")])
    append(store_dir, [actions.reject(tables, deal.event_id, "not-a-deal", by="Minh")])

    view = view_tables(store_dir)
    corrected = _dialogue(view)
    assert (corrected.date, corrected.date_precision, corrected.status) == ("2020-10-26", "day", "planned")
    assert str(corrected.date_start.date()) == "2020-10-26"
    assert set(corrected.corrected) == {"date", "status"}
    assert json.loads(corrected.original) == {"date": "2020-10", "status": "held"}
    assert (corrected.review, corrected.reviewed_by, corrected.confidence) == ("corrected", "Lan", 1.0)
    assert deal.event_id not in set(view["deal_events"]["event_id"])
    assert current_snapshot(store_dir) == snapshot
    assert {p.name: p.stat().st_mtime_ns for p in snapshot.iterdir()} == files_before
    raw = load_tables(store_dir)
    assert _dialogue(raw).date == "2020-10" and deal.event_id in set(raw["deal_events"]["event_id"])


def test_corrections_follow_their_event_when_a_reingest_changes_its_id(tmp_path: Path, store_dir: Path, corpus: Path):
    tables = view_tables(store_dir)
    before = _dialogue(tables)
    append(store_dir, [actions.set_fields(tables, before.event_id, {"status": "postponed"}, by="Lan")])
    write_articles(corpus, {"month.txt": MONTH, "deal.txt": DEAL, "day.txt": DAY})
    assert ingest([corpus], store_dir=store_dir).ok

    after = _dialogue(view_tables(store_dir))
    assert after.event_id != before.event_id, "the more precise date re-anchors the event"
    assert after.date == "2020-10-27" and after.n_sources == 2
    assert after.status == "postponed" and list(after.corrected) == ["status"]


def test_a_correction_whose_event_is_gone_is_kept_and_reported_orphaned(store_dir: Path, corpus: Path):
    from newsfacts.review import load_view

    tables = view_tables(store_dir)
    deal = _deal(tables)
    append(store_dir, [actions.confirm(tables, deal.event_id, by="Lan")])
    (corpus / "deal.txt").unlink()
    assert ingest([corpus], store_dir=store_dir, prune=True).ok

    view = load_view(store_dir)
    assert [o.correction.target.event_id for o in view.orphaned] == [deal.event_id]
    assert len(read_corrections(store_dir)) == 1


def test_merge_joins_two_events_and_split_parts_them_again(tmp_path: Path, store_dir: Path, corpus: Path):
    write_articles(corpus, {"month.txt": MONTH, "deal.txt": DEAL, "day.txt": DAY})
    assert ingest([corpus], store_dir=store_dir).ok
    tables = view_tables(store_dir)
    dialogue = _dialogue(tables)
    assert len(dialogue.mention_ids) == 2
    append(store_dir, [actions.split(tables, dialogue.event_id, by="Lan")])

    parts = view_tables(store_dir)["dialogue_events"]
    assert sorted(parts["date"]) == ["2020-10", "2020-10-27"]
    assert all(list(c) == ["split"] for c in parts["corrected"]) and set(parts["n_sources"]) == {1}
    mentions = view_tables(store_dir)["dialogue_mentions"]
    assert set(mentions["event_id"]) == set(parts["event_id"])

    split_view = view_tables(store_dir)
    first, second = split_view["dialogue_events"]["event_id"]
    append(store_dir, [actions.merge(split_view, first, [second], by="Minh", note="same meeting")])
    merged = _dialogue(view_tables(store_dir))
    assert merged.event_id == first and merged.n_sources == 2 and "merged" in list(merged.corrected)


def test_a_missed_event_is_added_with_its_article_and_sentence(store_dir: Path, corpus: Path):
    tables = view_tables(store_dir)
    sentence = "Hai bên cũng bàn về hợp tác hải quân."
    deal_article = _only(tables["articles"], title="Ấn Độ mua tên lửa của Pháp")
    values = {"buyer": "IND", "seller": "FRA", "system": "tàu ngầm Scorpene", "category": "naval", "quantity": 3,
              "status": "negotiating", "kind": "purchase"}
    append(store_dir, [actions.add("deal", deal_article.article_id, 2, sentence, values, by="Lan")])

    added = _only(view_tables(store_dir)["deal_events"], system="tàu ngầm Scorpene")
    assert (added.review, added.buyer, added.quantity, added.n_sources) == ("added", "IND", 3, 1)
    assert list(added.article_ids) == [deal_article.article_id] and added.confidence == 1.0
    mention = _only(view_tables(store_dir)["deal_mentions"], event_id=added.event_id)
    assert list(mention.evidence) == [2]

    assert ingest([corpus], store_dir=store_dir, prune=True).ok  # nothing changed: same view
    assert len(view_tables(store_dir)["deal_events"]) == 2


def test_export_and_import_share_corrections_once(tmp_path: Path, store_dir: Path, corpus: Path):
    tables = view_tables(store_dir)
    append(store_dir, [actions.confirm(tables, _dialogue(tables).event_id, by="Lan"),
                       actions.reject(tables, _deal(tables).event_id, "duplicate", by="Lan")])
    shared = tmp_path / "lan.json"
    assert export_corrections(read_corrections(store_dir), shared) == 2

    other = tmp_path / "other"
    assert ingest([corpus], store_dir=other).ok
    assert import_corrections(other, shared) == 2
    assert import_corrections(other, shared) == 0
    assert read_corrections(other) == read_corrections(store_dir)
    assert len(view_tables(other)["deal_events"]) == 0


def test_bad_files_and_values_are_refused_with_the_reason(tmp_path: Path, store_dir: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(CorrectionError, match="bad.json"):
        import_corrections(store_dir, bad)
    corrections_dir(store_dir).write_text("", encoding="utf-8")
    with pytest.raises(CorrectionsFileError, match="not a folder"):
        read_corrections(store_dir)
    corrections_dir(store_dir).unlink()
    corrections_dir(store_dir).mkdir()
    (corrections_dir(store_dir) / "broken.parquet").write_bytes(b"not parquet")
    with pytest.raises(CorrectionsFileError, match="broken.parquet"):
        read_corrections(store_dir)
    with pytest.raises(CorrectionError, match="not one of"):
        parse_field("deal", "category", "spaceship")
    with pytest.raises(CorrectionError, match="ISO date"):
        parse_field("dialogue", "date", "27/10/2020")
    with pytest.raises(CorrectionError, match="no dialogue or deal event"):
        actions.confirm(view_tables(tmp_path / "empty"), "nope", by="Lan")


def test_a_correction_of_an_event_rejected_before_it_says_so(store_dir: Path):
    from newsfacts.review import load_view

    tables = view_tables(store_dir)
    deal = _deal(tables)
    confirm = actions.confirm(tables, deal.event_id, by="Minh")
    append(store_dir, [actions.reject(tables, deal.event_id, "duplicate", by="Lan")])
    append(store_dir, [replace(confirm, at="9999-01-01T00:00:00+00:00")])  # made before, applies after
    [orphan] = load_view(store_dir).orphaned
    assert orphan.correction.by == "Minh" and orphan.detail == "the event was rejected by an earlier correction"
