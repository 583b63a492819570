"""The whole parse of one article: metadata, main text only, evidence that points at real sentences."""

import hashlib
import json
from importlib.resources import files
from pathlib import Path

from newsfacts.normalise import normalise
from newsfacts.pipeline import parse_file, parse_text

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def test_article_id_is_the_hash_of_the_normalised_text():
    text = "Đối thoại 2 + 2 Ấn Độ - Mỹ\n\nNgày 10/11, tại Đối thoại 2+2, Ấn Độ và Mỹ đã họp."
    article = parse_text(text)
    assert article.article_id == hashlib.sha256(normalise(text).encode()).hexdigest()[:16]


def test_given_publication_date_is_kept_and_not_marked_inferred():
    article = parse_text("Tin\n\nNgày 10/11, Ấn Độ và Mỹ họp.", published="2023-11-10", source="TTXVN")
    assert (article.meta.published, article.meta.published_inferred, article.meta.source) == ("2023-11-10", False, "TTXVN")


def test_missing_publication_date_is_inferred_and_marked_or_left_unknown():
    inferred = parse_text("Tiêu đề\n\nThứ Sáu, 10/11/2023 - 14:30\n\nẤn Độ và Mỹ đã họp tại New Delhi.")
    assert (inferred.meta.published, inferred.meta.published_inferred) == ("2023-11-10", True)
    unknown = parse_text("Tiêu đề\n\nẤn Độ và Mỹ đã họp tại New Delhi.")
    assert (unknown.meta.published, unknown.meta.published_inferred) == (None, False)


def test_a_publication_month_dates_the_days_the_text_writes_without_a_year_and_is_kept_as_given():
    text = ("Ấn Độ sắp mua trực thăng MH-60R\n\nTrực thăng cũ mà Ấn Độ có được từ 1978 sẽ được thay thế. Hai nước sẽ "
            "thảo luận trong cuộc đối thoại Ấn Độ - Mỹ 2+2 vào ngày 18/12 tại Washington.")
    article = parse_text(text, published="2019-12")
    assert article.meta.published == "2019-12"
    assert [d.date for d in article.dialogues] == ["2019-12-18"]


def test_every_evidence_index_points_at_a_main_text_sentence():
    (article,) = parse_file(SEEDS / "000_50faedf6c48001df.txt")
    indexes = {s.index for s in article.sentences}
    records = [*article.countries, *article.dialogues, *article.deals, *article.people]
    assert records
    assert all(set(record.evidence) <= indexes for record in records)
    assert {s.segment for s in article.sentences} <= {"title", "lead", "body", "caption"}


def test_a_teaser_below_the_article_gives_no_facts():
    (article,) = parse_file(SEEDS / "000_50faedf6c48001df.txt")
    assert "PHL" not in {c.code for c in article.countries}
    assert all("PHL" not in d.parties for d in article.dialogues)


def test_empty_text_gives_an_empty_article():
    article = parse_text("")
    assert (article.sentences, article.dialogues, article.deals, article.people) == ((), (), (), ())


def test_manifest_metadata_reaches_the_article():
    (article,) = parse_file(SEEDS / "000_50faedf6c48001df.txt")
    assert (article.meta.published, article.meta.source) == ("2023-11-10", "TTXVN")


def test_without_publication_date_last_year_is_counted_from_the_latest_full_date():
    article = parse_text(
        "Úc và Mỹ họp AUSMIN\n\nNgày 6/8/2024, Ngoại trưởng Mỹ và Bộ trưởng Quốc phòng Australia gặp nhau tại "
        "Annapolis trong khuôn khổ AUSMIN.\n\nAUSMIN năm ngoái được tổ chức tại Brisbane, Australia."
    )
    assert article.meta.published is None
    assert {(d.date, d.location.city) for d in article.dialogues} == {("2024-08-06", "Annapolis"), ("2023", "Brisbane")}


def test_every_company_name_and_alias_is_found_whole_and_mapped_to_its_full_name():
    vocab = json.loads(files("newsfacts.vocab").joinpath("companies.json").read_text("utf-8"))
    for written, name in [*((name, name) for name in vocab["companies"]), *vocab["aliases"].items()]:
        article = parse_text(f"Tin\n\nHãng {written} cho biết đã nhận đơn hàng.")
        assert article.companies == (name,), written


def test_a_meeting_told_as_done_in_the_publication_month_is_held():
    text = ("Đối thoại quốc phòng Việt Nam - Thái Lan\n\nBộ Quốc phòng Việt Nam và Bộ Quốc phòng Thái Lan vừa tổ chức "
            "Đối thoại Chính sách Quốc phòng lần thứ 3 từ ngày 19/09 đến 20/09 tại Thành phố Hồ Chí Minh.")
    (dialogue,) = parse_text(text, published="2019-09").dialogues
    assert (dialogue.date, dialogue.status) == ("2019-09-19", "held")


def test_a_crawler_date_field_glued_to_the_first_line_dates_the_page_and_is_no_title():
    text = (" date 2025-12-04 Theo phóng viên TTXVN tại New Delhi, chiều 3/12, Ấn Độ và Nga đã ký thỏa thuận hợp tác "
            "quốc phòng mới.\n\nHai bên nhất trí tăng cường hợp tác.")
    article = parse_text(text)
    assert article.meta.published == "2025-12-04" and article.meta.published_inferred
    assert "date" not in article.title and not article.title.startswith("2025")
    assert [s.text[:5] for s in article.sentences][0] == "Theo "


def test_dates_are_found_only_for_the_sentences_asked_for_and_count_days_as_before(monkeypatch):
    import newsfacts.pipeline as pipeline
    from datetime import date
    from newsfacts.extract.dates import days_apart, find_dates
    from newsfacts.records import Sentence

    texts = ["Đối thoại 2+2", "Ngày 24/10/2024, hai bộ trưởng gặp nhau tại Tokyo.", "Hai nước hợp tác chặt chẽ.",
             "Một ngày trước đó, các thứ trưởng đã họp trù bị.", "Năm 2025, vòng tiếp theo sẽ diễn ra."]
    sentences = tuple(Sentence(i, "body", t) for i, t in enumerate(texts))
    published = date(2024, 10, 25)
    # Every sentence's own dates, the counted one's day counted from 24/10 (the last day told before it).
    eager = {s.index: find_dates(s.text, published) for s in sentences}
    eager[3] = sorted([*eager[3], *days_apart(texts[3], date(2024, 10, 24))], key=lambda h: h.start)
    scanned = []
    monkeypatch.setattr(pipeline, "find_dates", lambda text, *a: scanned.append(text) or find_dates(text, *a))
    lazy, _ = pipeline._dates(sentences, published)
    assert lazy.get(3) == eager[3] and lazy[3][-1].value == "2024-10-23"
    assert scanned == [texts[3], texts[2], texts[1]]  # back to the day told before, no further, nothing after
    assert {i: lazy[i] for i in lazy} == eager and lazy.get(99, ()) == ()
