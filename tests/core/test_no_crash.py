"""`parse_text` never raises, whatever text it is given."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.pipeline import parse_text

VIETNAMESE = "Đối thoại 2+2 Ấn Độ Mỹ Nga ngày 10/11 tháng 12/2021 hợp đồng mua 5 hệ thống tên lửa S-400 trị giá 5,4 tỷ USD"
WORDS = st.sampled_from(VIETNAMESE.split() + ["\n", "\n\n", ",", ".", "(", ")", "Ngoại trưởng", "của", "từ", "và"])


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_unicode_text(text):
    article = parse_text(text)
    assert all(0 <= i < len(article.sentences) + 1000 for d in article.dialogues for i in d.evidence)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x20, blacklist_categories=())))
def test_control_characters_and_whitespace(text):
    parse_text(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join), st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_shuffled_domain_words(text, published):
    article = parse_text(text, published=published)
    indexes = {s.index for s in article.sentences}
    for record in (*article.dialogues, *article.deals, *article.people):
        assert set(record.evidence) <= indexes


@pytest.mark.slow
def test_a_five_megabyte_article():
    paragraph = ("Ngày {day}/11, tại Đối thoại 2+2 lần thứ {n}, Ngoại trưởng Antony Blinken của Mỹ đã gặp người đồng cấp. "
                 "Ấn Độ đã ký hợp đồng mua {n} máy bay không người lái trị giá hơn 3 tỷ USD do General Atomics sản xuất.")
    paragraphs, size, n = [], 0, 0
    while size < 5_000_000:
        paragraphs.append(paragraph.format(day=n % 28 + 1, n=n))
        size += len(paragraphs[-1].encode()) + 2
        n += 1
    text = "Tiêu đề\n\n" + "\n\n".join(paragraphs)
    started = time.perf_counter()
    article = parse_text(text, published="2023-11-10")
    print(f"5 MB article: {time.perf_counter() - started:.1f} s, {len(article.sentences)} sentences")
    assert article.sentences
