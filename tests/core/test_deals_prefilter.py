"""The literal prefilters that let the deal and dialogue extractors skip sentences their vocabulary cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract.deals import vocabulary as deals
from newsfacts.extract.dialogues import vocabulary as dialogues
from newsfacts.extract.prefilter import Prefiltered, prefiltered, required_literals


def literals(pattern: str) -> set[str] | None:
    found = required_literals(re.compile(pattern))
    return None if found is None else set(found)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bmua\b|bán", {"mua", "bán"}),
        (r"(?:đã )?(?:bàn giao|chuyển giao)", {"bàn giao", "chuyển giao"}),
        (r"hủy(?: bỏ)? (?:\S+ ){0,2}?(?:hợp đồng|thương vụ)", {"hợp đồng", "thương vụ"}),
        (r"(?:lô )+đầu tiên|x{2,}", {"đầu tiên", "x"}),
        (r"(?:lô )+|\d+ xe", {"lô ", " xe"}),
        (r"đặt hàng|đặt", {"đặt"}),
        (r"\w+", None),
        (r"mua|\d+", None),
        (r"(?i:hơn)", None),
        (r"(?:đã )?", None),
    ],
)
def test_required_literals_are_what_every_match_must_contain(pattern: str, expected: set[str] | None) -> None:
    assert literals(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:đã|vừa) về (?:nước|tới)\b", {"đã về nước", "đã về tới", "vừa về nước", "vừa về tới"}),
        (r"chờ (?:đón|nhận) (?:thêm )?|nhận ", {"chờ đón ", "nhận "}),
        (r"\bmua\b|bán", {"mua", "bán"}),
        (r"(?:đã )?(?:bàn giao|chuyển giao)", {"bàn giao", "chuyển giao"}),
        # A run of more than 16 strings is cut: here after its first two groups.
        (r"(?:aa|bb|cc|dd)(?:ee|ff|gg|hh)(?:ii|jj|kk|ll)x", {a + b for a in ("aa", "bb", "cc", "dd")
                                                             for b in ("ee", "ff", "gg", "hh")}),
        (r"(?:a|)b", {"b"}),
        (r"(?:đã )?", None),
    ],
)
def test_combined_literals_are_the_strings_a_run_of_fixed_items_matches(pattern: str, expected: set[str] | None
                                                                        ) -> None:
    found = required_literals(re.compile(pattern), combined=True)
    assert (None if found is None else set(found)) == expected


def test_a_case_insensitive_pattern_has_no_prefilter() -> None:
    assert required_literals(re.compile("mua", re.IGNORECASE)) is None
    assert prefiltered(re.compile("mua", re.IGNORECASE)).may_match("MUA")


def _vocabulary_prefilters() -> list[Prefiltered]:
    found: list[Prefiltered] = []
    for values in (deals._patterns().values(), dialogues._patterns().values()):
        for value in values:
            items = [pattern for _, pattern in value] if isinstance(value, list) else [value]
            found.extend(item for item in items if isinstance(item, Prefiltered))
    found.extend(entry for _, entry in dialogues._mechanism_patterns())
    return found


def test_the_busiest_vocabulary_patterns_have_a_prefilter() -> None:
    trigger = deals._patterns()["trigger"]
    assert trigger.gate is not None and trigger.words is not None and trigger.rest is not None
    assert all(entry.literals for _, entry in dialogues._mechanism_patterns())
    assert dialogues._patterns()["meeting"].literals
    assert len(_vocabulary_prefilters()) >= 40


VOCABULARY_WORDS = st.sampled_from([
    "mua", "bán", "hợp đồng", "thỏa thuận", "ký", "đã ký", "hủy bỏ", "hủy", "gói thầu", "đàm phán", "bàn giao",
    "viện trợ", "tên lửa", "S-400", "cùng sản xuất", "trang bị cho", "lô đầu tiên", "đối thoại", "2+2", "2 + 2",
    "đối thoại chiến lược", "quốc phòng", "ngoại giao", "an ninh", "chính trị", "quân sự", "giữa kỳ", "tham vấn",
    "cấp bộ trưởng", "cuộc họp", "gặp", "hội đàm", "hoãn", "sẽ", "dự kiến", "đã", "tại", "nhất trí", "tổ chức",
    "ausmin", "ủy ban tham vấn an ninh", "mỹ", "-", "–", ",", ".", "(", ")", "\"", "x", "", "  ", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(VOCABULARY_WORDS, max_size=16), st.sampled_from([" ", "", "-"]))
def test_a_prefiltered_search_finds_exactly_what_the_regex_finds(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for prefilter in _vocabulary_prefilters():
        plain = prefilter.pattern.search(text)
        fast = prefilter.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), prefilter.pattern.pattern
        if plain:
            assert prefilter.may_match(text)
