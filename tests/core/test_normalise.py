"""Normalisation: NFC, new-style tone marks, quotes, dashes, 2+2, whitespace."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfacts.normalise import _NEW_STYLE, normalise


def test_nfd_becomes_nfc():
    nfc = "Đối thoại quốc phòng Ấn Độ - Mỹ"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert normalise(nfd) == nfc


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("Hoà bình", "Hòa bình"),
        ("HOÀ", "HÒA"),
        ("thoả thuận", "thỏa thuận"),
        ("khoẻ", "khỏe"),
        ("uý", "úy"),
        ("Uỷ ban", "Ủy ban"),
        ("thuỷ quân", "thủy quân"),
        ("Thuỵ Sĩ", "Thụy Sĩ"),
        ("luỹ kế", "lũy kế"),
        ("hoá", "hóa"),
        ("hoạ sĩ", "họa sĩ"),
        ("xoè", "xòe"),
        ("oà khóc", "òa khóc"),
        ("(thoả)", "(thỏa)"),
        ("tuỳ.", "tùy."),
    ],
)
def test_old_tone_placement_moves_to_the_first_vowel(old: str, new: str):
    assert normalise(old) == new
    assert normalise(unicodedata.normalize("NFD", old)) == new


def test_every_old_style_nucleus_moves_its_tone_after_a_consonant_and_stays_after_qu():
    for old, new in _NEW_STYLE.items():
        assert normalise(f"h{old}") == f"h{new}", old
        assert normalise(f"th{old} ") == f"th{new}", old
        if old[0] in "uU":
            assert normalise(f"q{old}") == f"q{old}", old


@pytest.mark.parametrize(
    "word",
    [
        "hòa", "thỏa", "khỏe", "úy", "thủy",  # already new style
        "quý", "quỷ", "Quý", "quá", "quạ", "giá", "giả",  # qu/gi syllables
        "hoàng", "hoài", "toán", "khuyến", "thuyền", "khuya", "ngoài", "hoặc",  # not a bare oa/oe/uy nucleus
        "Hoa", "hoe", "tuy",  # no tone mark
        "ahoà", "2hoà",  # not a syllable start
    ],
)
def test_words_that_must_not_change(word: str):
    assert normalise(word) == word


def test_quotes_dashes_and_ellipsis():
    text = "\u201cHai bên\u201d \u2013 \u00abđồng ý\u00bb \u2014 \u2018ổn\u2019 \u2011 xong\u2026"
    assert normalise(text) == "\"Hai bên\" - \"đồng ý\" - 'ổn' - xong..."


@pytest.mark.parametrize("spaced", ["2 + 2", "2 +2", "2+ 2", "2  +  2", "2+2"])
def test_two_plus_two(spaced: str):
    assert normalise(f"Đối thoại {spaced} Mỹ - Ấn") == "Đối thoại 2+2 Mỹ - Ấn"


def test_plus_between_non_digits_is_left_alone():
    assert normalise("ASEAN + 3 và G7 + đối tác") == "ASEAN + 3 và G7 + đối tác"


def test_whitespace_bom_and_line_endings():
    text = "\ufeff  Tiêu\u00a0đề\u200b  bài \t viết  \r\nDòng hai\rDòng ba\r\n\r\n\r\n\r\nĐoạn mới  "
    assert normalise(text) == "Tiêu đề bài viết\nDòng hai\nDòng ba\n\nĐoạn mới"


def test_paragraph_breaks_are_kept():
    assert normalise("Một.\n\nHai.\nBa.") == "Một.\n\nHai.\nBa."


@given(st.text())
def test_output_is_nfc_and_normalising_twice_changes_nothing(text: str):
    once = normalise(text)
    assert unicodedata.is_normalized("NFC", once)
    assert normalise(once) == once


def test_the_icelandic_eth_some_pages_use_is_the_vietnamese_d_with_stroke():
    assert normalise("Ðà Lạt, ðối thoại") == "Đà Lạt, đối thoại"
