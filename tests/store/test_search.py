"""Accent- and case-insensitive matching: Python's `fold` and Arrow's `folded` agree, and spans map back."""

import unicodedata

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.search import fold, folded, spans

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ĐÀ-+2"


def test_every_spelling_of_a_phrase_folds_the_same():
    spellings = ["hoà bình", "hòa bình", "HOÀ BÌNH", unicodedata.normalize("NFD", "hòa bình"), "hoa binh"]
    assert {fold(text) for text in spellings} == {"hoa binh"}
    assert fold("Đà Nẵng") == "da nang"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=VIETNAMESE, max_size=20), max_size=8))
def test_arrow_folds_as_python_does(texts):
    for form in ("NFC", "NFD"):
        given_texts = [unicodedata.normalize(form, text) for text in texts]
        assert folded(pa.array(given_texts, pa.large_string())).to_pylist() == [fold(text) for text in given_texts]


def test_spans_point_at_the_original_characters():
    text = "Vì hoà bình, Hòa Bình và " + unicodedata.normalize("NFD", "hòa bình")
    found = [text[start:end] for start, end in spans(text, "hoa binh")]
    assert found == ["hoà bình", "Hòa Bình", unicodedata.normalize("NFD", "hòa bình")]
    assert spans(text, "  ") == [] and spans(text, "xyz") == []
