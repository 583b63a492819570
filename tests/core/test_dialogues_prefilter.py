"""The shortcuts of dialogue extraction: only sentences holding a cue are read, each lowercased once for the article,
and a sentence is tested for a mechanism with one set of fixed strings before any pattern. Reading every sentence
in full must find exactly the same mentions."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract.countries import find_countries
from newsfacts.extract.dates import find_dates
from newsfacts.extract.dialogues import find_dialogues
from newsfacts.extract.dialogues.dating import _borrowed_date
from newsfacts.extract.dialogues.mentions import _bare_mentions, _collect, _mentions_in
from newsfacts.extract.dialogues.vocabulary import _mechanism_gate, _mechanism_patterns
from newsfacts.extract.lowered import lowered_article
from newsfacts.records import Sentence

PUBLISHED = date(2024, 3, 1)
MEETINGS = ["Đối thoại 2+2", "ĐỐI THOẠI 2+2", "AUSMIN", "Ủy ban Tham vấn An ninh", "tham vấn chính sách quốc phòng",
            "Đối thoại Chiến lược", "đối thoại an ninh", "Đối thoại chính trị - quân sự", "tham vấn chính trị - quân sự",
            "họp giữa kỳ", "intersessional", "cuộc gặp", "cuộc họp", "cuộc hội đàm", "vòng đối thoại", "các cuộc gặp",
            "cơ chế đối thoại 2+2", "Nhóm tư vấn hạt nhân", "Ủy ban Đối tác Chiến lược", "hai cộng hai",
            "đại diện đặc biệt về vấn đề biên giới", "Cơ chế chiến lược song phương"]
COUNTRIES = ["Mỹ", "Nhật Bản", "Việt Nam và Ấn Độ", "Australia - Mỹ", ""]
STATUSES = ["sẽ", "đã", "diễn ra", "hoãn sang", "nhất trí tổ chức", "kể từ", ""]
DATES = ["ngày 5/3", "ngày 20/4/2024", "tháng 1/2023", "năm 2019", ""]
VENUES = ["tại Hà Nội", "ở Tokyo", ","]
# A sentence laid out as news writes one (who, what happens, which meeting, when, where), or phrases in any order.
SENTENCES = st.one_of(
    st.tuples(*map(st.sampled_from, (COUNTRIES, STATUSES, MEETINGS, DATES, VENUES, STATUSES, DATES))).map(" ".join),
    st.lists(st.sampled_from(MEETINGS + COUNTRIES + STATUSES + DATES + VENUES), max_size=8).map(" ".join))


def article(texts: list[str]):
    sentences = tuple(Sentence(index, "body", text) for index, text in enumerate(texts))
    country_hits = {s.index: find_countries(s.text) for s in sentences}
    date_hits = {s.index: find_dates(s.text, PUBLISHED, None) for s in sentences}
    return sentences, country_hits, date_hits


def every_sentence_read(sentences, country_hits, date_hits):
    """`_collect` without its shortcuts: every sentence of the one paragraph lowercased on its own and read."""
    named, bare = [], []
    for sentence in sentences:
        hits, dates = country_hits[sentence.index], date_hits[sentence.index]
        lower = sentence.text.lower()
        found = _mentions_in(sentence, lower, hits, dates,
                             lambda: _borrowed_date(sentence, sentences, sentences, date_hits))
        named.extend(found)
        if all(m.status == "mechanism" for m in found):
            bare.extend(_bare_mentions(sentence, lower, hits, dates))
    return named, bare


@settings(max_examples=500, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=4))
def test_reading_only_sentences_with_a_cue_misses_no_mention(texts):
    sentences, country_hits, date_hits = article(texts)
    paragraphs = {s.index: 0 for s in sentences}
    found = _collect(sentences, lowered_article(sentences), paragraphs, country_hits, date_hits)
    assert found == every_sentence_read(sentences, country_hits, date_hits)


def test_the_mechanism_gate_is_held_by_every_patterns_fixed_strings():
    gate = _mechanism_gate()
    for _, entry in _mechanism_patterns():
        assert all(any(literal in required for literal in gate) for required in entry.literals), entry.pattern


def test_a_list_of_sentences_gives_the_dialogues_a_tuple_gives():
    sentences, country_hits, date_hits = article([
        "Nhật Bản và Mỹ sẽ họp 2+2", "Nhật Bản và Mỹ dự kiến tổ chức Đối thoại 2+2 vào ngày 20/3 tại thủ đô Tokyo."])
    paragraphs = {s.index: 0 for s in sentences}
    as_tuple = find_dialogues(sentences, paragraphs, country_hits, date_hits, [], PUBLISHED)
    assert as_tuple and find_dialogues(list(sentences), paragraphs, country_hits, date_hits, [], PUBLISHED) == as_tuple
