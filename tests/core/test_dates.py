"""Dates: forms, year resolution from the publication date or the context year, and non-dates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract.dates import (
    _FORMS, _forms_to_scan, _matches, _may_hold_dateline, find_dates, infer_publication_date,
)

PUBLISHED = date(2023, 11, 10)  # a Friday


def one(text: str, published: date | None = PUBLISHED, context_year: int | None = None):
    hits = find_dates(text, published, context_year)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "precision"),
    [
        ("Ngày 10/11, tại New Delhi", "Ngày 10/11", "2023-11-10", "day"),
        ("ngày 10/11/2023", "ngày 10/11/2023", "2023-11-10", "day"),
        ("ký ngày 10-11-2022 tại", "ngày 10-11-2022", "2022-11-10", "day"),
        ("10-11-2021", "10-11-2021", "2021-11-10", "day"),
        ("hôm 6/9 ông nói", "hôm 6/9", "2023-09-06", "day"),
        ("sáng 10.11", "sáng 10.11", "2023-11-10", "day"),
        ("diễn ra vào 10.11", "vào 10.11", "2023-11-10", "day"),
        ("ngày 10 tháng 11 năm 2022", "ngày 10 tháng 11 năm 2022", "2022-11-10", "day"),
        ("ngày 10 tháng Mười Một", "ngày 10 tháng Mười Một", "2023-11-10", "day"),
        ("từ ngày 8-9/4", "ngày 8-9/4", "2023-04-08", "day"),
        ("Thứ Sáu (10/11)", "10/11", "2023-11-10", "day"),
        ("vào tháng 10/2020 tại", "tháng 10/2020", "2020-10", "month"),
        ("tháng 10 năm 2020", "tháng 10 năm 2020", "2020-10", "month"),
        ("tháng 10-2020", "tháng 10-2020", "2020-10", "month"),
        ("vào tháng 10, hai bên", "tháng 10", "2023-10", "month"),
        ("Trong cuộc gặp đầu tháng 12/2021", "đầu tháng 12/2021", "2021-12", "month"),
        ("cuối tháng 3", "cuối tháng 3", "2023-03", "month"),
        ("giữa tháng 5", "giữa tháng 5", "2023-05", "month"),
        ("tháng Mười Hai", "tháng Mười Hai", "2023-12", "month"),
        ("tháng Giêng", "tháng Giêng", "2023-01", "month"),
        ("tháng một năm 2021", "tháng một năm 2021", "2021-01", "month"),
        ("Năm 2018, Ấn Độ ký", "Năm 2018", "2018", "year"),
        ("giai đoạn 2018-2019", "2018-2019", "2018", "year"),
        ("năm 2018-2019", "năm 2018-2019", "2018", "year"),
        ("đến 2030, Ấn Độ", "2030", "2030", "year"),
        ("trong quý I/2024", "quý I/2024", "2024", "year"),
        ("quý IV năm 2022", "quý IV năm 2022", "2022", "year"),
    ],
)
def test_forms(text: str, written: str, value: str, precision: str) -> None:
    hit = one(text)
    assert (hit.text, hit.value, hit.precision, hit.relative) == (written, value, precision, False)
    assert text[hit.start : hit.end] == written


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("hôm qua", "2023-11-09", "day"),
        ("hôm nay", "2023-11-10", "day"),
        ("ngày mai", "2023-11-11", "day"),
        ("tối qua", "2023-11-09", "day"),
        ("hôm kia", "2023-11-08", "day"),
        ("sáng nay", "2023-11-10", "day"),
        ("năm ngoái", "2022", "year"),
        ("năm nay", "2023", "year"),
        ("năm tới", "2024", "year"),
        ("năm sau", "2024", "year"),
        ("tháng trước", "2023-10", "month"),
        ("tháng Chín năm ngoái", "2022-09", "month"),
        ("tháng tới", "2023-12", "month"),
        ("tuần tới", "2023-11", "month"),  # 13-19 November
        ("tuần trước", None, "month"),  # 30 October - 5 November spans two months
    ],
)
def test_relative_expressions_resolve_from_publication(text: str, value: str | None, precision: str) -> None:
    hit = one(text)
    assert (hit.value, hit.precision, hit.relative) == (value, precision, True)


def test_relative_days_weeks_and_months_without_publication_stay_unresolved() -> None:
    for text in ("hôm qua", "tuần tới", "tháng trước"):
        hit = one(text, published=None, context_year=2022)
        assert hit.value is None and hit.relative


@pytest.mark.parametrize(
    ("text", "value"),
    [("năm ngoái", "2021"), ("năm nay", "2022"), ("năm tới", "2023"), ("tháng Chín năm ngoái", "2021-09")],
)
def test_relative_years_without_publication_resolve_from_context_year(text: str, value: str) -> None:
    hit = one(text, published=None, context_year=2022)
    assert (hit.value, hit.relative) == (value, True)
    assert one(text, published=None).value is None


def test_forms_are_found_whatever_else_the_sentence_holds() -> None:
    text = "Quý II/2021 họ gặp nhau; ngày 3/4, rồi năm nay, và tuần trước hôm qua"
    assert [h.text for h in find_dates(text, PUBLISHED)] == ["Quý II/2021", "ngày 3/4", "năm nay", "tuần trước", "hôm qua"]


def test_year_of_a_day_and_month_comes_from_publication() -> None:
    assert one("ngày 20/12", published=date(2024, 1, 5)).value == "2023-12-20"
    assert one("ngày 5/1", published=date(2023, 12, 28)).value == "2024-01-05"
    assert one("ngày 5/1", published=date(2023, 6, 1)).value == "2023-01-05"
    assert one("tháng 12", published=date(2024, 1, 5)).value == "2023-12"


def test_context_year_is_used_only_without_publication() -> None:
    assert one("vào ngày 11/4 tại", published=None, context_year=2022).value == "2022-04-11"
    assert one("vào ngày 11/4 tại", published=date(2023, 11, 10), context_year=2022).value == "2023-04-11"


def test_unknown_year_keeps_day_and_month() -> None:
    hit = one("vào ngày 11/4 tại", published=None)
    assert (hit.value, hit.precision, hit.month, hit.day) == (None, "day", 4, 11)
    month = one("vào tháng 10,", published=None)
    assert (month.value, month.precision, month.month) == (None, "month", 10)


@pytest.mark.parametrize(
    "text",
    [
        "31/2/2023",
        "ngày 31/2",
        "ngày 30/2/2024",
        "ngày 12/13",
        "tháng 13",
        "33/121",
        "tỷ số 2-1",
        "phục vụ 24/7",
        "1/3 số quân",
        "iPhone 16 Pro",
        "nhóm G20",
        "tăng 10/11 km",
        "từ 10.000 người",
        "đến 2000 binh sĩ",
        "mỗi tháng một lần",
        "2 năm trước",
        "hai năm trước",
        "trong 5 năm tới",
        "những năm tới",
        "năm sau đó",
        "14:05",
        "tên lửa S-400",
        "ngày nay",
        "những ngày qua",
    ],
)
def test_non_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_leap_day_depends_on_the_year() -> None:
    assert one("ngày 29/2", published=date(2024, 3, 10)).value == "2024-02-29"
    assert find_dates("ngày 29/2", date(2023, 3, 10)) == []


def test_hits_are_sorted_and_do_not_overlap() -> None:
    text = "Ngày 10/11, sau cuộc họp tháng 10/2020 và đầu tháng 12/2021, năm 2018 và hôm qua"
    hits = find_dates(text, PUBLISHED)
    assert [hit.value for hit in hits] == ["2023-11-10", "2020-10", "2021-12", "2018", "2023-11-09"]
    assert all(left.end <= right.start for left, right in zip(hits, hits[1:]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiêu đề\nThứ Sáu, 10/11/2023 14:05\nNội dung", date(2023, 11, 10)),
        ("Chủ nhật, ngày 12/11/2023 - 09:30", date(2023, 11, 12)),
        ("10/11/2023 | 14:05", date(2023, 11, 10)),
        ("14:05 10/11/2023", date(2023, 11, 10)),
        ("Cập nhật: 09/11/2023", date(2023, 11, 9)),
        ("2023-11-10T14:05:00+07:00", date(2023, 11, 10)),
        ("Ngày 10/11/2023, ông nói", None),
        ("Không có ngày tháng", None),
        ("Thứ Sáu, 31/02/2023 14:05", None),
        ("CẬP NHẬT LÚC 08:15, 09/11/2023", date(2023, 11, 9)),
        ("THỨ BẢY, 11/11/2023", date(2023, 11, 11)),
        ("2023-11-10t14:05", date(2023, 11, 10)),
        ("Thứ Sáu, 31/02/2023 14:05\nPublished 09/11/2023", date(2023, 11, 9)),
    ],
)
def test_infer_publication_date(text: str, expected: date | None) -> None:
    assert infer_publication_date(text) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["ngày", "10/11", "31/2", "tháng", "Mười", "một", "năm", "2023", "-", "2019", "hôm",
                                 "qua", "tới", "2", "đầu", "quý", "I", "/", "8-9/4", "(", ")", ",", "Thứ", "Sáu"]), max_size=25),
       st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))))
def test_any_text_gives_valid_hits(words: list[str], published: date | None) -> None:
    text = " ".join(words)
    hits = find_dates(text, published)
    assert all(text[hit.start : hit.end] == hit.text for hit in hits)
    assert all(left.end <= right.start for left, right in zip(hits, hits[1:]))
    for hit in hits:
        assert hit.precision in {"day", "month", "year"}
        if hit.value is not None:
            assert len(hit.value) == {"day": 10, "month": 7, "year": 4}[hit.precision]
            date.fromisoformat(hit.value + {"day": "", "month": "-01", "year": "-01-01"}[hit.precision])


_SCAN_WORDS = ["ngày", "10/11", "Tháng", "tháng", "Chín", "năm", "Năm", "nay", "ngoái", "trước", "tới", "sau", "này",
               "2023", "2019", "1.000", "8-9/4", "quý", "Quý", "III", "tuần", "Tuần", "qua", "quan", "Hôm", "hôm",
               "mai", "kia", "sáng", "Tối", "chiều", "trưa", "đêm", "những", "\n", ",", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_WORDS), max_size=12))
def test_the_cheap_form_tests_never_skip_a_form_that_matches(words: list[str]) -> None:
    text = " ".join(words)
    scanned = _forms_to_scan(text)
    assert [form for form in _FORMS if form.pattern.search(text)] == [f for f in scanned if f.pattern.search(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_WORDS), max_size=12), st.sampled_from(["", " ", "x"]))
def test_anchored_forms_find_what_a_full_scan_finds(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    for form in _FORMS:
        assert [m.span() for m in _matches(text, form)] == [m.span() for m in form.pattern.finditer(text)]


def test_every_relative_word_pair_is_scanned() -> None:
    firsts = ["năm", "tháng", "tuần", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "ngày"]
    seconds = ["nay", "ngoái", "trước", "tới", "sau", "này", "qua", "kia", "mai"]
    for first in firsts + [word.capitalize() for word in firsts]:
        for second in seconds:
            text = f"Từ {first} {second}."
            matching = {form for form in _FORMS if form.pattern.search(text)}
            assert matching <= set(_forms_to_scan(text)), text


def test_a_sentence_without_a_date_word_or_number_scans_no_form() -> None:
    assert _forms_to_scan("Hai bên nhấn mạnh tầm quan trọng của hợp tác quốc phòng.") == []


def test_a_month_of_that_year_takes_the_year_written_before_it():
    hits = find_dates("Cơ chế được khởi động năm 2015, với phiên họp đầu tiên vào tháng 1 năm đó.", date(2023, 11, 8))
    assert [h.value for h in hits] == ["2015", "2015-01"]


@pytest.mark.parametrize("text", [
    "nhân dịp kỷ niệm 50 năm Ngày Giải phóng (30/4/1975 - 30/4/2025) tại TP Hồ Chí Minh",
    "nhân kỷ niệm 50 năm thiết lập quan hệ ngoại giao (1975 - 2025)",
    "dự kỷ niệm 80 năm Cách mạng tháng Tám thành công",
])
def test_anniversary_spans_and_revolutions_named_after_a_month_are_no_dates(text):
    assert find_dates(text, date(2025, 9, 3)) == []


def test_a_short_span_in_brackets_is_still_dated():
    assert [h.value for h in find_dates("giai đoạn (2021 - 2025)", date(2025, 9, 3))] == ["2021"]


def test_a_day_of_the_month_a_sentence_dates_with_its_year_takes_that_year():
    text = "Tháng 3/2023, hai bên họp vòng thứ 12 tại Canberra (ngày 14 và 15/3)."
    assert [h.value for h in find_dates(text, date(2024, 6, 1))] == ["2023-03", "2023-03-14"]


@pytest.mark.parametrize("text, value", [
    ("Hai bên gặp lại lần đầu từ sau phiên họp trước đó vào ngày 8/1.", "2025-01-08"),
    ("Hai bên đã gặp nhau hồi đầu tháng 1 tại Seoul.", "2025-01"),
    ("Phiên họp tiếp theo dự kiến diễn ra vào ngày 8/1.", "2026-01-08"),
])
def test_a_day_told_as_past_stays_in_the_publication_year_however_far_behind(text, value):
    assert [h.value for h in find_dates(text, date(2025, 12, 14))] == [value]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0129/-Tt x", max_size=24))
def test_dateline_prefilter_answers_as_the_dateline_core_pattern(text: str) -> None:
    """The fast test for a dateline's date finds what one search for either form finds."""
    core = re.compile(r"\d/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d[Tt]")
    assert _may_hold_dateline(text) == (core.search(text) is not None)


def test_the_years_listed_after_a_year_are_years_too():
    hits = find_dates("Các phiên họp năm 2020, 2021 và 2022 đều diễn ra trực tuyến.", PUBLISHED)
    assert [(h.text, h.value) for h in hits] == [("năm 2020", "2020"), ("2021", "2021"), ("2022", "2022")]
    assert find_dates("Doanh số đạt 2020 và 2021 chiếc.", PUBLISHED) == []


@pytest.mark.parametrize("published, value", [
    (date(2025, 9, 7), None),  # the seven days before (31/8-6/9) span two months
    (date(2025, 9, 14), "2025-09"),
])
def test_tuần_qua_is_the_seven_days_before_publication(published, value):
    (hit,) = find_dates("các sự kiện nổi bật trong tuần qua", published)
    assert hit.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("Cuộc họp sẽ diễn ra tại Seoul vào thứ Hai tuần tới.", "2025-04-21"),
    ("Hai bên đã gặp nhau hôm thứ Sáu tuần trước.", "2025-04-11"),
    ("Lễ ký dự kiến vào Chủ nhật tuần này.", "2025-04-20"),
    ("Đoàn sẽ tới Hà Nội vào thứ Tư tới.", "2025-04-23"),
])
def test_a_weekday_of_a_week_told_from_the_publication_date(text, value):
    assert [h.value for h in find_dates(text, date(2025, 4, 19))] == [value]


def test_a_second_of_something_next_week_is_no_weekday():
    assert [h.value for h in find_dates("Vòng thứ hai tuần tới sẽ bàn về thuế quan.", date(2025, 4, 19))] != ["2025-04-21"]


def test_an_early_day_of_the_year_told_in_the_past_in_a_late_december_article_is_this_years():
    from newsfacts.extract.dates import find_dates
    text = "Mở đầu năm, ngày 11/1, Ngoại trưởng Nhật Bản và Bộ trưởng Quốc phòng Nhật Bản đã tới Washington dự họp."
    assert [d.value for d in find_dates(text, date(2023, 12, 27)) if d.value] == ["2023-01-11"]


def test_a_year_opening_the_sentence_frames_its_days_and_months_told_without_one():
    text = "Năm 2023 có hai vòng đối thoại: vòng đầu ở Hà Nội ngày 14.4, vòng sau tại Seoul vào tháng 11."
    assert [h.value for h in find_dates(text, date(2024, 6, 2))] == ["2023", "2023-04-14", "2023-11"]


def test_a_year_told_later_in_the_sentence_frames_nothing_before_it():
    text = "Ngày 14.4, hai bên nhắc lại thỏa thuận năm 2019."
    assert [h.value for h in find_dates(text, date(2024, 6, 2))] == ["2024-04-14", "2019"]
