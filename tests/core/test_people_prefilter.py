"""The shortcuts of people extraction: the article lowercased once, and only sentences with a title's start or an
honorific read. Each must answer exactly as lowering and reading every sentence does."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract.countries import find_countries
from newsfacts.extract.lowered import is_word_character, lowered_article
from newsfacts.extract.people import _coordinate, _mentions_in, _resolve, find_person_mentions
from newsfacts.records import Sentence

# Letters whose lowercase form is longer ("İ"), depends on the context (final sigma) or is a combining mark.
TRICKY = "aAbBİıIΣσςöÖôÔđĐ\u0307_1 ,.-\n"
LITERALS = ["a", "ab", "i", "i\u0307", "σ", "ς", "ô", "đa", " b", "_"]


def sentences_of(texts: list[str]) -> tuple[Sentence, ...]:
    return tuple(Sentence(index, "body", text) for index, text in enumerate(texts))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=TRICKY, max_size=12), max_size=6), st.lists(st.sampled_from(LITERALS), max_size=3))
def test_the_lowered_article_holds_each_sentences_own_lowercase_form(texts, literals):
    article = lowered_article(sentences_of(texts))
    lowered = [text.lower() for text in texts]
    assert [article.sentence(position) for position in range(len(texts))] == lowered
    assert article.holding(literals) == [i for i, text in enumerate(lowered) if any(lit in text for lit in literals)]
    at_word_start = [re.compile(rf"(?<!\w){re.escape(literal)}") for literal in literals]
    assert article.holding(literals, word_start=True) == [
        i for i, text in enumerate(lowered) if any(pattern.search(text) for pattern in at_word_start)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=TRICKY.replace("\n", ""), max_size=12), max_size=6),
       st.sampled_from([r"\bab\b", r"(?<!\w)i", r"b(?!\w)", "σ|ô ", " - "]))
def test_a_pattern_over_the_whole_article_finds_the_sentences_it_matches_one_by_one(texts, pattern):
    article = lowered_article(sentences_of(texts))
    compiled = re.compile(pattern)
    assert article.matching(compiled) == [
        position for position in range(len(texts)) if compiled.search(article.sentence(position))]


def test_a_list_of_sentences_is_lowered_like_a_tuple_and_the_last_tuple_is_kept():
    sentences = sentences_of(["Bộ trưởng İzmir", "Ông Ali"])
    assert lowered_article(list(sentences)) == lowered_article(sentences)
    assert lowered_article(sentences) is lowered_article(sentences)
    assert lowered_article(sentences_of(["Khác"])).text == "khác"


def test_word_characters_are_those_of_the_regex_engine_and_lowercasing_keeps_them_apart():
    """Every character that is no word character keeps a lowercase form that ends with none, so a word start
    found in the original text is one in the lowercased text too."""
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        assert is_word_character(character) == bool(word.match(character)), hex(code)
        if not is_word_character(character):
            assert not is_word_character(character.lower()[-1]), hex(code)


WORDS = ["Bộ trưởng", "BỘ TRƯỞNG", "Ngoại trưởng", "Tổng thống", "Thủ tướng", "Đại sứ", "Quốc vương", "Đại tá",
         "ông", "Ông", "ÔNG", "bà", "Bà", "ngài", "người đồng cấp", "không", "công", "Mỹ", "Nhật Bản", "của", "và",
         "Quốc phòng", "Ngoại giao", "Lloyd Austin", "Kishida", "Penny Wong", "phía", "kiêm", "tiếp", ",", "(", "."]


def every_sentence_read(sentences):
    """What `find_person_mentions` gave before its shortcuts: every sentence lowercased and read."""
    mentions = []
    for sentence in sentences:
        hits = find_countries(sentence.text)
        found = _mentions_in(sentence, sentence.text.lower(), hits, True)
        mentions.extend(_coordinate(sentence.text, found, hits) if found else ())
    return _resolve(mentions)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join), min_size=1, max_size=4))
def test_reading_only_sentences_with_a_title_or_honorific_misses_no_one(texts):
    sentences = sentences_of(texts)
    hits = {s.index: find_countries(s.text) for s in sentences}
    assert find_person_mentions(sentences, hits) == every_sentence_read(sentences)


def test_an_honorific_inside_a_word_is_none_but_one_after_a_bracket_is():
    sentences = sentences_of(["Họ không Kishida nói (ông Pompeo) và công Blinken."])
    assert [m.name for m in find_person_mentions(sentences, {0: ()})] == ["Pompeo"]
