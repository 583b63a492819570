"""Segmentation of pages into title/lead/body/caption/byline/chaff, and sentence splitting."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.normalise import normalise
from newsfacts.pipeline import parse_text
from newsfacts.records import Segment
from newsfacts.segment import (
    _BOUNDARY,
    _PERIOD_BOUNDARY,
    _common_subsequence_ratio,
    _distinct_word_bound,
    _near_duplicate,
    segment,
    sentences_and_paragraphs,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "segment"


def kinds_by_line_number(path: Path) -> dict[int, str]:
    """The kind given to each non-empty line of `path`, keyed by its 1-based line number in the file."""
    text = path.read_text(encoding="utf-8")
    numbers = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    segments = segment(normalise(text))
    assert len(segments) == len(numbers)
    return {n: seg.kind for n, seg in zip(numbers, segments, strict=True)}


def lines_of(kinds: dict[int, str], kind: str) -> list[int]:
    return [n for n, k in kinds.items() if k == kind]


def test_seed_000_teaser_after_byline_is_chaff():
    kinds = kinds_by_line_number(SEEDS / "000_50faedf6c48001df.txt")
    assert lines_of(kinds, "title") == [1]
    assert lines_of(kinds, "lead") == [3]
    assert lines_of(kinds, "body") == [5, 7, 9, 11, 13, 15, 17]
    assert lines_of(kinds, "byline") == [19]
    assert lines_of(kinds, "caption") == []
    assert lines_of(kinds, "chaff") == [20, 21, 23, 25, 27, 29]


def test_seed_003_caption_byline_and_everything_after_first_teaser_pair():
    kinds = kinds_by_line_number(SEEDS / "003_0e8c23ca04e289ec.txt")
    assert lines_of(kinds, "title") == [1]
    assert lines_of(kinds, "byline") == [3]
    assert lines_of(kinds, "lead") == [4]
    assert lines_of(kinds, "caption") == [7]
    assert lines_of(kinds, "body") == [9, 11, 13, 15, 17, 19, 21, 23, 25]
    chaff = lines_of(kinds, "chaff")
    assert chaff[:2] == [5, 6]
    assert chaff[2:] == [n for n in kinds if n >= 27]


def test_seed_003_sentences_keep_caption_fact_and_drop_teasers():
    text = normalise((SEEDS / "003_0e8c23ca04e289ec.txt").read_text(encoding="utf-8"))
    sentences = split_sentences(segment(text))
    caption = [s.text for s in sentences if s.segment == "caption"]
    assert caption == [
        "Đối thoại 2+2 gần nhất giữa các bộ trưởng ngoại giao và quốc phòng Mỹ-Ấn Độ "
        "diễn ra vào tháng 10/2020 tại thủ đô New Delhi. (Nguồn: PTI)"
    ]
    assert not any("Định vị Ấn Độ" in s.text or "Apple" in s.text for s in sentences)
    assert any(s.text.endswith("tại thủ đô Washington D.C.") for s in sentences)


@pytest.mark.parametrize("page", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_outlet_style_pages(page: Path):
    expected = page.with_suffix(".kinds").read_text(encoding="utf-8").split()
    segments = segment(normalise(page.read_text(encoding="utf-8")))
    assert [(s.kind, s.text[:40]) for s in segments] == [
        (kind, s.text[:40]) for kind, s in zip(expected, segments, strict=False)
    ]
    assert len(segments) == len(expected)


def test_title_hint_missing_from_text_becomes_the_title():
    text = "Ngày 10/11, Ấn Độ và Mỹ tổ chức đối thoại 2+2 tại New Delhi.\nHai bên bàn về hợp tác quốc phòng."
    segments = segment(text, title_hint="Ấn Độ và Mỹ đối thoại 2+2")
    assert segments[0] == Segment("title", "Ấn Độ và Mỹ đối thoại 2+2")
    assert [s.kind for s in segments[1:]] == ["lead", "body"]


def test_title_hint_found_in_text_is_not_repeated():
    text = "Ấn Độ và Mỹ đối thoại 2+2\nNgày 10/11, hai nước họp tại New Delhi."
    segments = segment(text, title_hint="Ấn Độ và Mỹ đối thoại 2+2")
    assert [s.kind for s in segments] == ["title", "lead"]


def test_navigation_before_the_title_is_skipped():
    text = "Quốc tế\nBáo Mẫu > Thế giới > Châu Á\nMỹ và Nhật Bản họp 2+2 tại Tokyo\nNgày 28/7, hai nước họp tại Tokyo."
    assert [s.kind for s in segment(text)] == ["chaff", "chaff", "title", "lead"]


def test_title_may_end_with_a_question_mark():
    text = "Thủ tướng Đức thăm Trung Quốc: Rủi ro hay bảo đảm?\nNgày 10/11, hai nước họp."
    assert [s.kind for s in segment(text)] == ["title", "lead"]


def test_repeated_title_is_chaff_but_does_not_end_the_body():
    title = "Mỹ và Philippines nối lại đối thoại 2+2 sau bảy năm"
    lead = "Ngày 20/1, Mỹ và Philippines nhất trí nối lại cơ chế đối thoại giữa các bộ trưởng ngoại giao và quốc phòng."
    body = "Lần gần nhất hai nước tổ chức đối thoại theo hình thức này là vào năm 2016 tại Washington."
    segments = segment("\n".join([title, title, lead, body]))
    assert [s.kind for s in segments] == ["title", "chaff", "lead", "body"]


def test_teaser_headline_pair_ends_the_page_even_without_a_marker():
    text = "\n".join([
        "Ấn Độ ký hợp đồng mua tên lửa",
        "Ấn Độ ngày 5/10 đã ký hợp đồng mua tên lửa phòng không với Nga.",
        "Nga và Pakistan tập trận chung",
        "Nga và Pakistan tập trận chung",
        "Cuộc tập trận diễn ra trong bối cảnh Moscow mở rộng quan hệ quốc phòng ở Nam Á...",
        "Trung Quốc tăng ngân sách quốc phòng",
    ])
    assert [s.kind for s in segment(text)] == ["title", "lead", "chaff", "chaff", "chaff", "chaff"]


def test_nearly_identical_headline_pair_is_a_teaser():
    text = "\n".join([
        "Ấn Độ ký hợp đồng mua tên lửa",
        "Ấn Độ ngày 5/10 đã ký hợp đồng mua tên lửa phòng không với Nga.",
        "Nga và Pakistan lần đầu tập trận chung ở Nam Á",
        "Nga và Pakistan lần đầu tập trận chung ở Nam Á (video)",
        "Cuộc tập trận diễn ra trong bối cảnh Moscow mở rộng quan hệ...",
    ])
    assert [s.kind for s in segment(text)] == ["title", "lead", "chaff", "chaff", "chaff"]


def test_photo_credit_on_its_own_line_does_not_end_the_article():
    text = "\n".join([
        "Ấn Độ và Mỹ họp đối thoại 2+2 tại New Delhi",
        "Ngày 10/11, ngoại trưởng và bộ trưởng quốc phòng hai nước đã họp tại New Delhi.",
        "Các bộ trưởng chụp ảnh chung.",
        "(Ảnh: PTI)",
        "Hai bên nhất trí cùng sản xuất xe chiến đấu bộ binh.",
        "Thanh Hương (TTXVN)",
    ])
    assert [s.kind for s in segment(text)] == ["title", "lead", "body", "byline", "body", "byline"]


def test_empty_text():
    assert segment("") == ()
    assert segment("", title_hint="Tiêu đề") == (Segment("title", "Tiêu đề"),)


PAGE_LINES = st.sampled_from([
    "Ấn Độ và Mỹ họp đối thoại 2+2", "Ngày 10/11, hai nước họp tại New Delhi.", "Chia sẻ:", "Đọc thêm",
    "Ngọc Thúy (TTXVN)", "Hồng Phúc", "Các bộ trưởng tại New Delhi. (Ảnh: PTI)", "Phiên bản di động", "",
    "Theo Reuters", "Thứ Sáu, 10/11/2023 - 15:20", "Báo Mẫu > Thế giới", "Mỹ - Philippines nhất trí",
    'Ông nói: "Hai bên sẽ hợp tác." Sau đó ông rời đi.', "...", "2 + 2",
]) | st.text(max_size=80)


@given(st.lists(PAGE_LINES, max_size=25), st.none() | st.text(max_size=30))
def test_any_page_gets_consistent_segments_and_sentences(lines: list[str], hint: str | None):
    text = normalise("\n".join(lines))
    segments = segment(text, title_hint=hint)
    page_lines = {line.strip() for line in text.split("\n")}
    assert all(s.text in page_lines or s.text == (hint or "").strip() for s in segments)
    assert [s.kind for s in segments].count("title") <= 1
    assert [s.kind for s in segments].count("lead") <= 1
    sentences, paragraphs = sentences_and_paragraphs(segments)
    assert sentences == split_sentences(segments)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(s.segment in ("title", "lead", "body", "caption") and s.text for s in sentences)
    main = [s for s in segments if s.kind in ("title", "lead", "body", "caption")]
    assert all(s.text in main[paragraphs[s.index]].text for s in sentences)
    assert [paragraphs[s.index] for s in sentences] == sorted(paragraphs.values())


def sentences_of(paragraph: str) -> list[str]:
    return [s.text for s in split_sentences([Segment("body", paragraph)])]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Hợp đồng trị giá 5,4 tỷ USD. Ấn Độ nhận 63.000 khẩu súng. Hai bên họp ngày 10/11.",
            ["Hợp đồng trị giá 5,4 tỷ USD.", "Ấn Độ nhận 63.000 khẩu súng.", "Hai bên họp ngày 10/11."],
        ),
        ("Cuộc họp lùi sang ngày 10.11. Lý do chưa rõ.", ["Cuộc họp lùi sang ngày 10.11.", "Lý do chưa rõ."]),
        ("Hai bên họp tại Washington D.C. vào tháng 4.", ["Hai bên họp tại Washington D.C. vào tháng 4."]),
        ("Đoàn tới TP. Hồ Chí Minh. GS. Trần Văn B phát biểu.", ["Đoàn tới TP. Hồ Chí Minh.", "GS. Trần Văn B phát biểu."]),
        ("TS. Lê C và Mr. Smith của U.S. Navy dự họp.", ["TS. Lê C và Mr. Smith của U.S. Navy dự họp."]),
        ("Ngoại trưởng A. Blinken tới New Delhi. Ông gặp người đồng cấp.", ["Ngoại trưởng A. Blinken tới New Delhi.", "Ông gặp người đồng cấp."]),
        ("Mọi chuyện vẫn còn ... Chưa rõ kết quả.", ["Mọi chuyện vẫn còn ... Chưa rõ kết quả."]),
        (
            'Ông nói: "Chúng tôi sẵn sàng. Hai bên sẽ hợp tác." Sau đó ông rời đi.',
            ['Ông nói: "Chúng tôi sẵn sàng. Hai bên sẽ hợp tác."', "Sau đó ông rời đi."],
        ),
        (
            'Ông nêu rõ: "Chúng tôi đang hoàn thiện". Ông cho hay thêm.',
            ['Ông nêu rõ: "Chúng tôi đang hoàn thiện".', "Ông cho hay thêm."],
        ),
        ("Liệu có thay đổi? Chắc chắn rồi! Hết.", ["Liệu có thay đổi?", "Chắc chắn rồi!", "Hết."]),
        (
            'Ông nói: "Chúng tôi sẵn sàng. Hai bên sẽ hợp tác. Sau đó ông rời đi.',
            ['Ông nói: "Chúng tôi sẵn sàng.', "Hai bên sẽ hợp tác.", "Sau đó ông rời đi."],
        ),
        (
            'Ông nói: "Tốt." Bà nói: "Chưa. Cần thêm." Hết.',
            ['Ông nói: "Tốt."', 'Bà nói: "Chưa. Cần thêm."', "Hết."],
        ),
        ("Đoàn tới Tp. Hà Nội. Dr. Smith phát biểu.", ["Đoàn tới Tp. Hà Nội.", "Dr. Smith phát biểu."]),
        ("Đối thoại diễn ra tại New Delhi. (Nguồn: PTI)", ["Đối thoại diễn ra tại New Delhi. (Nguồn: PTI)"]),
        ("Năm 2018, Ấn Độ ký hợp đồng. 5 hệ thống sẽ được giao.", ["Năm 2018, Ấn Độ ký hợp đồng.", "5 hệ thống sẽ được giao."]),
    ],
)
def test_sentence_splitting(paragraph: str, expected: list[str]):
    assert sentences_of(paragraph) == expected


def test_sentences_cover_main_segments_only_and_are_numbered_in_order():
    segments = (
        Segment("title", "Mỹ và Ấn Độ họp. Bàn về quốc phòng"),
        Segment("byline", "Ngọc Thúy (TTXVN)"),
        Segment("lead", "Hai nước họp. Họ ký thỏa thuận."),
        Segment("chaff", "Nga và Pakistan tập trận. Đọc thêm."),
        Segment("caption", "Các bộ trưởng tại New Delhi. (Ảnh: PTI)"),
        Segment("body", "Hai bên nhất trí."),
    )
    sentences = split_sentences(segments)
    assert [(s.index, s.segment, s.text) for s in sentences] == [
        (0, "title", "Mỹ và Ấn Độ họp. Bàn về quốc phòng"),
        (1, "lead", "Hai nước họp."),
        (2, "lead", "Họ ký thỏa thuận."),
        (3, "caption", "Các bộ trưởng tại New Delhi. (Ảnh: PTI)"),
        (4, "body", "Hai bên nhất trí."),
    ]


def test_each_sentence_gets_the_position_of_its_segment_among_the_main_ones():
    segments = (
        Segment("title", "Mỹ và Ấn Độ họp"),
        Segment("byline", "Ngọc Thúy (TTXVN)"),
        Segment("lead", "Hai nước họp. Họ ký thỏa thuận."),
        Segment("body", "Hai nước họp."),
        Segment("chaff", "Đọc thêm"),
        Segment("body", "Họ ký thỏa thuận. Hai nước họp."),
    )
    assert sentences_and_paragraphs(segments)[1] == {0: 0, 1: 1, 2: 1, 3: 2, 4: 3, 5: 3}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='."\')]([ aA\n', max_size=40))
def test_the_period_pattern_finds_the_boundaries_of_the_general_one_where_there_is_no_other_mark(text: str):
    assert [m.span(2) for m in _PERIOD_BOUNDARY.finditer(text)] == [m.span(2) for m in _BOUNDARY.finditer(text)]
    assert [m[1] for m in _PERIOD_BOUNDARY.finditer(text)] == [m[1] for m in _BOUNDARY.finditer(text)]


def test_huge_single_line_does_not_hang():
    paragraph = 'Câu số một có "trích dẫn" và TP. Hà Nội. ' * 20_000
    sentences = split_sentences(segment(normalise(paragraph)))
    assert len(sentences) == 20_000
    assert {s.segment for s in sentences} == {"lead"}


def test_text_without_sentence_ends_is_cut_into_pieces_of_bounded_length():
    words = "từ " * 5_000
    sentences = sentences_of(words)
    assert len(sentences) > 1
    assert all(len(s) <= 2000 for s in sentences)
    assert " ".join(sentences).split() == words.split()


def test_page_that_opens_with_a_paragraph_has_no_title_line():
    paragraph = "Ngày 10/11, Ấn Độ và Mỹ tổ chức đối thoại 2+2 tại New Delhi. " * 6
    segments = segment(f"{paragraph}\nHai bên bàn về hợp tác quốc phòng.")
    assert [s.kind for s in segments] == ["lead", "body"]


LEAD = "Ấn Độ ký hợp đồng mua 36 tiêm kích Rafale của Pháp năm 2016. Hai nước cũng thảo luận về bảo dưỡng."
LEAD_SENTENCES = [
    ("lead", "Ấn Độ ký hợp đồng mua 36 tiêm kích Rafale của Pháp năm 2016."),
    ("lead", "Hai nước cũng thảo luận về bảo dưỡng."),
]


def sentence_pairs(text: str) -> list[tuple[str, str]]:
    return [(s.segment, s.text) for s in split_sentences(segment(normalise(text)))]


@pytest.mark.parametrize("title", ["Rafale", "AUKUS", "Ngọc Thúy", "BrahMos: Philippines nhận lô đầu"])
def test_a_short_first_line_is_the_title_and_the_lead_keeps_its_sentences(title: str):
    assert sentence_pairs(f"{title}\n\n{LEAD}") == [("title", title), *LEAD_SENTENCES]


@pytest.mark.parametrize("furniture", ["Thế giới", "Quốc phòng - An ninh", "Trang chủ > Quốc tế", "Chia sẻ:",
                                       "Thứ Sáu, 10/11/2023 - 15:20", "10/11/2023 15:20"])
def test_page_furniture_above_a_lead_is_not_a_title(furniture: str):
    segments = segment(normalise(f"{furniture}\n\n{LEAD}"))
    assert "title" not in [s.kind for s in segments]
    assert segments[0].kind in ("chaff", "byline")
    assert sentence_pairs(f"{furniture}\n\n{LEAD}") == LEAD_SENTENCES


@pytest.mark.parametrize("above", ["Thế giới", "Rafale", "TTXVN", "Trang chủ > Quốc tế"])
def test_a_short_line_above_a_full_title_is_not_the_title(above: str):
    title = "Ấn Độ mua thêm tiêm kích Rafale của Pháp"
    kinds = [(s.kind, s.text) for s in segment(normalise(f"{above}\n{title}\n\n{LEAD}"))]
    assert kinds[1:] == [("title", title), ("lead", LEAD)]
    assert kinds[0][0] in ("chaff", "byline")


def test_short_kicker_lines_give_the_title_to_the_last_one_before_the_lead():
    assert sentence_pairs(f"Quân sự\nRafale\n\n{LEAD}") == [("title", "Rafale"), *LEAD_SENTENCES]


def test_a_first_line_with_several_sentences_is_the_lead_not_a_title():
    first = "Ấn Độ ký hợp đồng mua 36 tiêm kích Rafale. Pháp bắt đầu giao hàng năm 2020"
    pairs = sentence_pairs(f"{first}\n\nHai nước cũng thảo luận về bảo dưỡng và đào tạo phi công.")
    assert pairs == [
        ("lead", "Ấn Độ ký hợp đồng mua 36 tiêm kích Rafale."),
        ("lead", "Pháp bắt đầu giao hàng năm 2020"),
        ("body", "Hai nước cũng thảo luận về bảo dưỡng và đào tạo phi công."),
    ]


def test_a_title_with_an_abbreviation_stays_one_title():
    title = "Mỹ và Ấn Độ họp 2+2 tại Washington D.C. tuần tới"
    assert sentence_pairs(f"{title}\n\n{LEAD}") == [("title", title), *LEAD_SENTENCES]


WORD_LISTS = st.lists(st.sampled_from(["hai", "bên", "họp", "Mỹ", "Nhật", "2+2", "tại", "Tokyo"]), max_size=20)


def longest_common_subsequence(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for word in a:
        diagonal = 0
        for j, other in enumerate(b, 1):
            diagonal, row[j] = row[j], diagonal + 1 if word == other else max(row[j], row[j - 1])
    return row[-1]


@settings(max_examples=300, deadline=None)
@given(WORD_LISTS, WORD_LISTS)
def test_cheap_word_overlap_tests_are_upper_bounds_of_difflib_ratio(a: list[str], b: list[str]):
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    bound = _distinct_word_bound(a, frozenset(a), b, frozenset(b))
    assert bound >= matcher.quick_ratio() >= _common_subsequence_ratio(a, b) >= matcher.ratio()


@settings(max_examples=300, deadline=None)
@given(WORD_LISTS, WORD_LISTS)
def test_the_bit_parallel_ratio_counts_the_longest_common_subsequence(a: list[str], b: list[str]):
    expected = 2.0 * longest_common_subsequence(a, b) / (len(a) + len(b)) if a or b else 1.0
    assert _common_subsequence_ratio(a, b) == expected


def test_lines_with_the_same_words_in_another_order_are_not_near_duplicates():
    first = "Mỹ và Nhật Bản họp 2+2 tại Tokyo. Hai bên bàn về an ninh khu vực và hợp tác quốc phòng."
    second = "Mỹ và Nhật Bản bàn về an ninh khu vực và hợp tác quốc phòng. Hai bên họp 2+2 tại Tokyo."
    assert SequenceMatcher(None, first.split(), second.split()).quick_ratio() == 1.0
    assert not _near_duplicate(first, second)
    assert _near_duplicate(first, first.replace("Tokyo", "Tô-ky-ô"))


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Trị giá khoảng 2 tỷ USD.Theo tuyên bố, UAE đã mua.", ["Trị giá khoảng 2 tỷ USD.", "Theo tuyên bố, UAE đã mua."]),
    ("Ông ở TP.Hồ Chí Minh.", ["Ông ở TP.Hồ Chí Minh."]),
    ("Họp tại TP.HCM hôm nay.", ["Họp tại TP.HCM hôm nay."]),
    ("Chuỗi hoạt động tại châu Á. Trước đó, họ ở Manila.", ["Chuỗi hoạt động tại châu Á.", "Trước đó, họ ở Manila."]),
    ("Ông Donald J. Trump phát biểu.", ["Ông Donald J. Trump phát biểu."]),
])
def test_a_sentence_glued_after_an_acronym_is_split_but_a_dotted_abbreviation_is_not(paragraph, expected):
    from newsfacts.segment import _sentences_of

    assert _sentences_of(paragraph) == expected


@pytest.mark.parametrize("header", ["Multimedia", "Các tin bài khác", "Tin bài liên quan"])
def test_a_box_of_other_stories_under_its_header_is_chaff(header):
    from newsfacts.pipeline import parse_text

    text = ("Nga bàn giao tàu ngầm cuối cùng cho Việt Nam\n\nViệt Nam vừa nhận chiếc tàu ngầm thứ sáu từ Nga.\n\n"
            f"{header}\n\n22 Tháng 11, 2024\n\nSri Lanka bắt nhóm đối tượng\n\n21 Tháng 11, 2024\n\n"
            "Việt-Mỹ tổ chức đối thoại an ninh năng lượng")
    parsed = parse_text(text, published="2017-01-27")
    assert [c.code for c in parsed.countries] == ["RUS", "VNM"]
    assert parsed.dialogues == ()


def test_a_related_stories_heading_with_a_link_arrow_ends_the_body():
    text = ("Ấn Độ mua hệ thống phòng không của Israel\n\n"
            "Hôm nay, Ấn Độ đã ký hợp đồng trị giá 1,4 tỷ USD mua hệ thống phòng không của Israel.\n\n"
            "CÁC TIN KHÁC >>\nArgentina thông qua kế hoạch bầu cử trước thời hạn (27/03/2009)\n"
            "Mexico: Bắt giữ kẻ tình nghi là trùm ma túy (26/03/2009)")
    kinds = [s.kind for s in segment(normalise(text))]
    assert kinds[:2] == ["title", "lead"] and "body" not in kinds[2:]


def test_a_list_of_headlines_joined_by_dashes_is_chaff():
    text = ("Đọc nhiều\n"
            "Giá vàng hôm nay tăng mạnh sau phiên điều chỉnh của thị trường thế giới -\n"
            "Tòa án Đức xét xử vụ tranh chấp thương mại kéo dài nhiều năm -\n"
            "Khai mạc hội nghị xúc tiến đầu tư tại Hà Nội -\n"
            "Indonesia đề nghị Campuchia tuần tra chung\n"
            "Bộ trưởng Quốc phòng Indonesia hôm qua có cuộc gặp với người đồng cấp Campuchia tại Phnom Penh để bàn về "
            "một thỏa thuận hợp tác quốc phòng mới giữa hai nước.\n"
            "Hai bên cũng trao đổi về huấn luyện quân sự và tuần tra chung - một nội dung mới trong quan hệ hai nước.\n")
    segments = segment(normalise(text))
    kept = [s.text for s in segments if s.kind != "chaff"]
    assert not any(t.startswith(("Giá vàng", "Tòa án Đức", "Khai mạc")) for t in kept)
    assert any(t.startswith("Bộ trưởng Quốc phòng Indonesia") for t in kept)
    assert any(t.startswith("Hai bên cũng") for t in kept)


def test_a_sentence_glued_after_a_model_designation_is_split():
    text = "Su-35\n\nIndonesia đã đặt mua 11 tiêm kích Su-35.Mặc dù vậy Nga chưa giao chiếc nào. Hợp đồng trị giá 1.140 triệu USD."
    sentences = [s.text for s in parse_text(text).sentences]
    assert "Indonesia đã đặt mua 11 tiêm kích Su-35." in sentences
    assert "Hợp đồng trị giá 1.140 triệu USD." in sentences


def test_a_caption_printed_twice_ending_with_a_full_stop_keeps_the_paragraph_after_it():
    text = ("Hai nước sắp họp 2+2\n\nCuộc họp sẽ diễn ra tại Washington giữa các bộ trưởng ngoại giao và quốc phòng "
            "của hai nước vào cuối tuần này, theo thông báo của Bộ Ngoại giao.\n\n"
            "Ngoại trưởng hai nước trong một cuộc gặp trước đây (ảnh trái).\n\n"
            "Ngoại trưởng hai nước trong một cuộc gặp trước đây (ảnh trái).\n\n"
            "Theo hãng tin Yonhap, hai bên sẽ bàn về hợp tác an ninh khu vực, chuỗi cung ứng quốc phòng và việc "
            "tăng cường răn đe mở rộng trước các vụ phóng tên lửa gần đây.\n\n"
            "Đây là lần đầu tiên hai nước tổ chức đối thoại ở cấp này kể từ năm 2021.")
    kinds = [(s.kind, s.text[:8]) for s in segment(text)]
    assert ("body", "Theo hãn") in kinds


def test_a_comments_toolbar_above_the_text_does_not_end_the_page():
    text = ("Thế giới > Quân sự\n\nMalaysia nhận lô tiêm kích đầu tiên\n\n30/08/2019 07:12 GMT+7\n\n"
            "Bình luận (0) | Chia sẻ\n\n"
            "Malaysia hôm qua đã tiếp nhận 4 tiêm kích hạng nhẹ đầu tiên do Hàn Quốc cung cấp, theo hợp đồng ký năm "
            "2023.\n\nLô tiếp theo dự kiến được bàn giao vào cuối năm nay tại căn cứ không quân Kuantan.\n\n"
            "Bình luận (0)\n\nTin liên quan")
    kinds = [s.kind for s in segment(text)]
    assert kinds.count("body") + kinds.count("lead") == 2 and kinds[-1] == "chaff"


def test_address_slugs_mark_picture_alt_texts_and_links_to_other_stories():
    text = ("Thái Lan đóng thêm 4 tàu tuần tra ven biển\n\n"
            "Theo hãng tin Thai PBS, Hải quân Thái Lan đang đóng 4 tàu tuần tra ven biển tại nhà máy trong nước để "
            "tăng cường giám sát vùng biển phía nam.\n\n"
            "TIN LIÊN QUAN\n\n"
            "thai lan dong them 4 tau tuan tra ven bien Hội nghị quốc phòng khu vực khai mạc tại Bangkok\n\n"
            "thai lan dong them 4 tau tuan tra ven bien Lào và Campuchia ký thỏa thuận biên giới\n\n"
            "Ngày 3/5, Tư lệnh Hải quân cho biết 2 trong số 4 tàu sẽ được triển khai gần vùng biển giáp Malaysia và "
            "Myanmar.\n\n"
            "thai lan dong them 4 tau tuan tra ven bien\n\n"
            "Tàu tuần tra ven biển của Hải quân Thái Lan. (Ảnh: Hải quân Thái Lan)\n\n"
            "Theo ông, các tàu mới được lắp radar và có sàn cho máy bay không người lái.\n\n"
            "thai lan dong them 4 tau tuan tra ven bien Singapore tăng cường tuần tra eo biển\n\n"
            "Động thái nhằm ứng phó với các vụ cướp biển gia tăng trong khu vực.")
    kinds = {s.text[:12]: s.kind for s in segment(text)}
    assert kinds["Ngày 3/5, Tư"] == "body" and kinds["Theo ông, cá"] == "body"
    assert kinds["Động thái nh"] == "chaff"
    assert {c.code for c in parse_text(text, published="2024-05-04").countries} == {"MMR", "MYS", "THA"}


def test_a_font_size_chooser_above_the_headline_is_not_the_title():
    text = ("Nhỏ Bình thường Lớn\n\nNhật - Hàn nhất trí tiếp tục nỗ lực tránh va chạm bất ngờ trên không và trên "
            "biển\n\n"
            "Ngày 3/5, Nhật Bản và Hàn Quốc nhất trí sớm đưa vào hoạt động đường dây nóng giữa hai bộ quốc phòng.")
    kinds = [(s.kind, s.text[:8]) for s in segment(text)]
    assert kinds[:2] == [("chaff", "Nhỏ Bình"), ("title", "Nhật - H")]


def test_a_quote_glued_to_a_period_and_a_capital_opens_the_next_sentence():
    text = ("Tin quốc phòng\n\nHai nước sẽ họp nhóm tư vấn trong tháng 9.\"Đối thoại quốc phòng tích hợp\" thường được "
            "tổ chức hai lần mỗi năm.")
    assert [s.text for s in parse_text(text).sentences][1:] == [
        "Hai nước sẽ họp nhóm tư vấn trong tháng 9.", "\"Đối thoại quốc phòng tích hợp\" thường được tổ chức hai lần "
        "mỗi năm."]


def test_a_section_name_printed_before_the_weekday_is_part_of_the_dateline():
    text = ("Quốc phòng Thứ Tư 12/3/2025, 09:30\n\nViệt Nam - Indonesia đối thoại chính sách quốc phòng\n\n"
            "(TTXVN) - Tại Jakarta vừa diễn ra Đối thoại Chính sách quốc phòng Việt Nam - Indonesia lần thứ 5.")
    titles = [s.text for s in segment(text) if s.kind == "title"]
    assert titles == ["Việt Nam - Indonesia đối thoại chính sách quốc phòng"]


def test_a_most_read_box_between_the_summary_and_the_article_printed_again_is_not_the_page_end():
    summary = ("(Báo Mẫu) - Sáng 4/3, Bộ trưởng Quốc phòng Canada đã tới Santiago, mở đầu chuyến thăm ba nước Nam Mỹ để "
               "bàn về hợp tác quốc phòng và an ninh khu vực. Đây là chuyến công du đầu tiên của ông tới khu vực này "
               "kể từ khi nhậm chức vào năm ngoái.")
    text = (summary + "\n\nTin liên quan\n\nĐọc nhiều\n\nBộ trưởng Quốc phòng Canada thăm Nam Mỹ\n\n"
            + summary.removeprefix("(Báo Mẫu) - ") + "\n\n"
            "Tại Santiago, hai bên đã bàn về huấn luyện chung. Sau Chile, ông sẽ tới Peru và Uruguay.\n\n"
            "TM (Theo AFP)\n\nBình luận")
    article = parse_text(text, published=None)
    assert {c.code for c in article.countries} == {"CAN", "CHL", "PER", "URY"}
    assert "Sau Chile, ông sẽ tới Peru và Uruguay." in [s.text for s in article.sentences if s.segment == "body"]


def test_a_year_glued_to_the_next_sentence_ends_its_sentence():
    text = "Hai nước\n\nCơ chế này ra đời sau hội nghị thượng đỉnh tháng 4/2023.Đây là cuộc họp thứ năm của nhóm."
    bodies = [s.text for s in parse_text(text, published=None).sentences if s.segment != "title"]
    assert bodies == ["Cơ chế này ra đời sau hội nghị thượng đỉnh tháng 4/2023.", "Đây là cuộc họp thứ năm của nhóm."]


def test_a_site_menu_printed_as_one_line_is_no_lead_and_a_section_name_under_it_ends_no_article():
    text = ("Báo Mẫu Điện tử\n\n"
            "Mới nhất Thời sự Kinh doanh Quốc tế Thể thao Giải trí Pháp luật Sức khỏe Công nghệ Đời sống Video Ảnh\n\n"
            "Chuyên đề\n\nKhám Phá\n\nSự kiện nóng trong tuần\n\n"
            "Chile cân nhắc mua thêm tàu hộ vệ của Anh\n\nMinh Châu |\n\n"
            "Hải quân Chile đang xem xét mua thêm hai tàu hộ vệ Type 23 đã qua sử dụng của Anh, theo tờ báo địa phương.\n\n"
            "Chile cân nhắc mua thêm tàu hộ vệ của Anh - Ảnh 1.\n\n"
            "Nếu thương vụ được ký, hai con tàu sẽ thay thế các khinh hạm đã phục vụ hơn 30 năm của nước này.")
    kinds = {s.text[:12]: s.kind for s in segment(text)}
    assert kinds["Mới nhất Thờ"] == "chaff"
    assert kinds["Hải quân Chi"] == "lead" and kinds["Nếu thương v"] == "body"


def test_a_site_header_with_its_hotline_and_an_image_file_name_are_chaff():
    text = ("Hotline: 0912345678 Báo Mẫu Nhật báo Thanh niên Việt Nam Tòa soạn Quảng cáo\n\n"
            "Thế giới\n\n"
            "Bộ trưởng Quốc phòng Lào thăm Campuchia\n\n"
            "Bộ trưởng Quốc phòng Lào ngày 3/4 bắt đầu chuyến thăm chính thức Campuchia.\n\n"
            "anh-bo-truong.jpg\n"
            "Bộ trưởng Quốc phòng Lào.\n")
    parsed = parse_text(text, published="2025-04-04")
    assert parsed.title == "Bộ trưởng Quốc phòng Lào thăm Campuchia"
    assert "anh-bo-truong.jpg" not in [s.text for s in parsed.sentences]
    assert {c.code for c in parsed.countries} == {"KHM", "LAO"}


BULLETED_PAGE = (
    "Ấn Độ tăng ngân sách mua sắm vũ khí\n"
    "Bộ Quốc phòng Ấn Độ thông báo sẽ dành thêm 3 tỷ USD cho các hợp đồng mua sắm mới trong năm tài khóa tới.\n"
    "- Pakistan nhận thêm tiêm kích J-10C từ Trung Quốc\n"
    "- Nhật Bản tăng chi tiêu quốc phòng lên mức kỷ lục\n"
    "- Mỹ phê duyệt gói vũ khí cho Đài Loan\n"
    "Theo kế hoạch, phần lớn ngân sách mới sẽ dành cho hải quân, trong đó có chương trình đóng tàu ngầm.\n"
    "Gói mua sắm gồm:\n"
    "- 26 tiêm kích Rafale M\n"
    "- 3 tàu ngầm Scorpene\n"
)


def test_bulleted_headlines_of_other_stories_are_chaff_but_an_introduced_list_is_the_articles():
    kinds = [(s.kind, s.text[:12]) for s in segment(normalise(BULLETED_PAGE))]
    assert [k for k, text in kinds if text.startswith("- ")] == ["chaff", "chaff", "chaff", "body", "body"]


def test_a_teaser_whose_summary_is_cut_off_is_chaff_but_a_list_ending_in_etc_is_body():
    page = (
        "Nga và Ấn Độ sắp ký hợp đồng S-400\n"
        "Nga và Ấn Độ dự kiến ký hợp đồng bàn giao hệ thống phòng không S-400 trước cuối năm nay, theo báo chí Ấn Độ.\n"
        "Hai bên hợp tác trong nhiều lĩnh vực như đào tạo, huấn luyện, công nghiệp quốc phòng...\n"
        "Mỹ cảnh báo Ấn Độ về S-400 Theo Reuters, ngày 22/4, Mỹ đã cảnh báo các đối tác mua vũ khí Nga và ... |\n"
    )
    kinds = [s.kind for s in segment(normalise(page))]
    assert kinds[2:] == ["body", "chaff"]


def test_a_line_in_english_is_chaff_but_english_names_in_a_vietnamese_sentence_are_body():
    page = (
        "Mỹ và Ấn Độ mở vòng đối thoại chiến lược mới\n"
        "Ngoại trưởng hai nước gặp nhau tại Washington để bàn về hợp tác an ninh và thương mại trong năm tới.\n"
        "Kenya's captain lifts the trophy after the final of the regional cup in Nairobi on March 3, 2012.\n"
        "Hai bên nhắc tới sáng kiến Quad, tức Quadrilateral Security Dialogue of the Indo-Pacific, trong tuyên bố.\n"
    )
    kinds = [s.kind for s in segment(normalise(page))]
    assert kinds[2:] == ["chaff", "body"]
    assert [c.code for c in parse_text(page, published="2012-03-05").countries] == ["IND", "USA"]


def test_a_line_in_square_brackets_is_a_link_to_another_story():
    page = (
        "Séc ký hợp đồng mua xe tăng Leopard\n"
        "Bộ Quốc phòng Séc đã ký hợp đồng mua 14 xe tăng Leopard 2A8 của Đức để thay thế xe tăng T-72 cũ.\n"
        "[Ba Lan đề nghị Hungary mua K2 để tránh phụ thuộc vào Nga]\n"
        "Hợp đồng dự kiến được thực hiện trong 5 năm tới.\n"
    )
    kinds = [s.kind for s in segment(normalise(page))]
    assert kinds[2:] == ["chaff", "body"]
    assert [c.code for c in parse_text(page, published="2023-11-05").countries] == ["CZE", "DEU"]


def test_an_authors_name_printed_twice_starts_no_block_of_links():
    page = (
        "Ba Lan ký hợp đồng mua tàu ngầm Thụy Điển\n"
        "Minh Châu\n"
        "Minh Châu\n"
        "05/12/2025 09:15 GMT+7\n"
        "Sau nhiều năm trì hoãn, Ba Lan đã ký hợp đồng mua ba tàu ngầm A26 của Thụy Điển để thay thế tàu cũ.\n"
        "Ba Lan ký hợp đồng mua tàu ngầm Thụy Điển - Ảnh 1.\n"
        "Một tàu ngầm A26\n"
        "Hợp đồng được ký tại Warsaw với sự có mặt của bộ trưởng quốc phòng hai nước.\n"
    )
    kinds = [s.kind for s in segment(normalise(page))]
    assert kinds[4] == "lead"


def test_a_page_in_one_cut_off_line_naming_a_two_capital_model_twice_is_body():
    page = ("Indonesia đã ký hợp đồng mua tên lửa BrahMos của Ấn Độ với giá khoảng 450 triệu USD. Đây là khách hàng thứ "
            "hai của loại tên lửa này ở Đông Nam Á.Trước đó, Philippines đã mua ba khẩu đội BrahMos và nhận lô đầu "
            "tiên vào năm 2024, theo thông tin từ Bộ Quốc phòng nước này và các phiên bản khác đang được")
    assert [s.kind for s in segment(normalise(page))] != ["chaff"]
    assert {c.code for c in parse_text(page, published="2025-01-10").countries} == {"IDN", "IND", "PHL"}


def test_the_headline_as_a_numbered_picture_label_glued_to_its_dash_is_chaff():
    page = ("Na Uy đặt mua thêm 24 pháo tự hành K9\n"
            "Na Uy đã ký hợp đồng mua thêm 24 pháo tự hành K9 của Hàn Quốc, nâng tổng số lên 52 khẩu.\n"
            "Na Uy đặt mua thêm 24 pháo tự hành K9- Ảnh 1.\n"
            "Các khẩu pháo sẽ được giao từ năm 2026.\n")
    assert [s.kind for s in segment(normalise(page))] == ["title", "lead", "chaff", "body"]


def test_a_site_menu_on_one_line_under_the_site_name_does_not_make_the_site_name_the_title():
    page = ("BAO MAU ONLINE\n"
            "Thời sự  Thế giới  Pháp luật  Kinh doanh  Công nghệ  Xe  Du lịch  Văn hóa  Giải trí  Thể thao  Giáo dục\n"
            "Thế giới > Quân sự\n"
            "04/04/2025 09:30 GMT+7\n"
            "Na Uy mua thêm 24 pháo tự hành K9 của Hàn Quốc\n"
            "Bộ Quốc phòng Na Uy ngày 3-4 đã ký hợp đồng mua thêm 24 pháo tự hành K9 của Hàn Quốc, nâng tổng số lên 52.\n")
    assert parse_text(page, published="2025-04-04").title == "Na Uy mua thêm 24 pháo tự hành K9 của Hàn Quốc"


def test_a_related_stories_heading_with_a_leading_bullet_opens_a_box_in_the_body():
    page = ("Ba Lan mua thêm tên lửa Patriot\n"
            "Ba Lan đã ký hợp đồng mua thêm 48 bệ phóng Patriot của Mỹ, theo Bộ Quốc phòng nước này ngày 2-9.\n"
            "* Đọc thêm:\n"
            "- Romania nhận hệ thống HIMARS đầu tiên\n"
            "- Đức đặt mua thêm tiêm kích F-35\n"
            "Hợp đồng trị giá khoảng 4 tỉ USD, theo thông báo của chính phủ Ba Lan, sẽ được thực hiện trong 5 năm tới.\n")
    assert {c.code for c in parse_text(page, published="2025-09-03").countries} == {"POL", "USA"}


def test_a_site_name_in_capitals_is_no_title():
    page = ("TRANG TIN MAU ONLINE\n"
            "Thời sự  Thế giới  Kinh doanh  Pháp luật  Công nghệ  Xe  Du lịch  Văn hóa  Giải trí  Thể thao\n"
            "Thế giới > Quân sự\n"
            "04/04/2025 08:15 GMT+7\n"
            "Na Uy mua thêm 24 pháo tự hành K9 của Hàn Quốc\n"
            "Bộ Quốc phòng Na Uy ngày 3-4 đã ký hợp đồng mua thêm 24 pháo tự hành K9 của Hàn Quốc, nâng tổng số lên 52.\n")
    assert parse_text(page, published="2025-04-04").title == "Na Uy mua thêm 24 pháo tự hành K9 của Hàn Quốc"
