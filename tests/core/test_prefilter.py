"""The one-pass literal scanner, the trie alternation and the company-name gate behind the deal extractor."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract.deals import mentions as deal_mentions
from newsfacts.extract.deals import vocabulary as deals
from newsfacts.extract.companies import _pattern as company_pattern
from newsfacts.extract.companies import _vocab as company_vocab
from newsfacts.extract.companies import find_companies
from newsfacts.extract.prefilter import (
    alternation, any_alternative, literal_finder, literal_scanner, prefiltered, split_alternatives,
)

PIECES = st.sampled_from(["a", "b", "ab", "abc", "b c", "bán", "bàn giao", "ký", "ký kết", "-", " ", ".", "(", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=6), st.lists(PIECES, max_size=12))
def test_the_scanner_finds_a_literal_exactly_when_the_text_holds_one(literals: list[str], pieces: list[str]) -> None:
    text = "".join(pieces)
    assert (literal_scanner(literals).search(text) is not None) == any(literal in text for literal in literals)
    assert (literal_finder(literals).search(text) is not None) == any(literal in text for literal in literals)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=6), st.lists(st.lists(PIECES, max_size=6).map("".join), max_size=6))
def test_the_finder_finds_the_sentences_holding_a_literal(literals: list[str], texts: list[str]) -> None:
    from newsfacts.extract.lowered import lowered_article
    from newsfacts.records import Sentence

    article = lowered_article(tuple(Sentence(i, "body", text) for i, text in enumerate(texts)))
    assert article.matching(literal_finder(literals)) == [
        i for i, text in enumerate(texts) if any(literal in text.lower() for literal in literals)]


def test_the_finder_starts_each_literal_at_its_rarest_character() -> None:
    assert literal_finder(["trưởng", "bán", "bán lại", "mua"]).pattern == r"á(?:(?<=bá)n)|m(?:ua)|ở(?:(?<=trưở)ng)"


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=6), st.lists(PIECES, max_size=12), st.sampled_from(["", r"(?!\w)", "c"]))
def test_the_trie_matches_what_the_longest_first_alternation_matches(words: list[str], pieces: list[str],
                                                                      after: str) -> None:
    text = "".join(pieces)
    flat = re.compile("(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")" + after)
    trie = re.compile("(" + alternation(words) + ")" + after)
    assert [(m.span(), m.group(1)) for m in trie.finditer(text)] == [
        (m.span(), m.group(1)) for m in flat.finditer(text)]


def test_a_trie_shares_the_prefixes_of_its_words() -> None:
    assert alternation(["bán", "bàn giao", "bán lại"]) == r"b(?:àn\ giao|án(?:\ lại)?)"
    assert literal_scanner(["bán", "bán lại", "ký"]).pattern == r"(?:bán|ký)"


def test_a_prefiltered_finditer_answers_as_the_pattern_does() -> None:
    pattern = prefiltered(r"\bmua\b|hợp đồng|thỏa thuận")
    for text in ["ký hợp đồng mua", "muaban", "không có gì", "mua, bán"]:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.pattern.finditer(text)]


def test_alternatives_split_at_the_top_level_only() -> None:
    assert split_alternatives(r"a|(b|c)|[|]|\|x|[]|]|(?:d|e)f") == ["a", "(b|c)", "[|]", r"\|x", "[]|]", "(?:d|e)f"]
    trigger = any_alternative(r"\bmua\b|hợp đồng|(?:hủy|rút) hợp đồng|bán")
    assert trigger.words.pattern == r"(?:bán|hợp\ đồng)"
    assert trigger.rest.pattern == r"\bmua\b|(?:hủy|rút) hợp đồng"
    assert trigger.gate.pattern == r"á(?:(?<=bá)n)|ợ(?:(?<=hợ)p\ đồng)|m(?:ua)"
    assert trigger.found("đã mua") and not trigger.found("hủy bỏ") and not trigger.found("muaban")


TRIGGER_WORDS = st.sampled_from(["mua", "bán", "hợp đồng", "thỏa thuận", "ký", "hủy", "hủy bỏ", "chương trình",
                                 "để đóng", "đóng", "sản xuất", "viện trợ", "muaban", ",", " ", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(TRIGGER_WORDS, max_size=12), st.data())
def test_the_trade_trigger_finds_what_its_whole_pattern_finds(words: list[str], data) -> None:
    text = " ".join(words)
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    whole = re.compile(deals._verbs()["trigger"])
    assert deals._patterns()["trigger"].found(text, pos, endpos) == (whole.search(text, pos, endpos) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(TRIGGER_WORDS, max_size=8).map(" ".join), max_size=6))
def test_the_trigger_finds_in_an_article_the_sentences_it_finds_one_by_one(texts: list[str]) -> None:
    from newsfacts.extract.lowered import lowered_article
    from newsfacts.records import Sentence

    article = lowered_article(tuple(Sentence(i, "body", text) for i, text in enumerate(texts)))
    trigger = deals._patterns()["trigger"]
    assert list(trigger.found_in(article)) == [i for i, text in enumerate(texts) if trigger.found(text.lower())]


def test_the_trade_gate_passes_over_words_that_count_only_after_a_cancelling_verb() -> None:
    gate = deals._patterns()["trigger"].gate
    assert gate.search("chương trình nghị sự và các dự án") is None
    assert gate.search("hủy hợp đồng") and gate.search("chấm dứt chương trình")


def test_only_sentences_naming_a_trade_and_no_aid_reach_the_deal_rules() -> None:
    from newsfacts.records import Sentence

    texts = ["Ấn Độ mua 36 tiêm kích Rafale.", "Trời mưa to.", "Mỹ công bố gói viện trợ để mua đạn."]
    sentences = [Sentence(index=i, text=text, segment="body") for i, text in enumerate(texts)]
    assert [(s.index, lower) for s, lower in deal_mentions._trade_sentences(sentences)] == [(0, texts[0].lower())]


COMPANY_PIECES = st.sampled_from(
    ["Boeing", "GE", "GE Aerospace", "HAL", "Hanwha", "Hanwha Ocean", "Dassault Aviation", "Saab", "Rafael",
     "Rosoboronexport (Nga)", "x", "-", " ", "của", "và", "Bo", "eing"])


@settings(max_examples=300, deadline=None)
@given(st.lists(COMPANY_PIECES, max_size=10), st.sampled_from([" ", "", "-"]))
def test_the_name_gate_keeps_every_company_the_full_pattern_finds(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    companies, aliases = company_vocab()
    expected = [(aliases.get(m.group(), m.group()), m.start(), m.end()) for m in company_pattern().finditer(text)]
    assert [(hit.name, hit.start, hit.end) for hit in find_companies.__wrapped__(text)] == expected
    flat = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted({*companies, *aliases}, key=len, reverse=True)))
                      + r")(?![\w-])")
    assert [m.span() for m in company_pattern().finditer(text)] == [m.span() for m in flat.finditer(text)]
