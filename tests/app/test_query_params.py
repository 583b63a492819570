"""Every query parameter is validated: a bad one is ignored, and the page says which (AppTest)."""

import pytest

from components.i18n import t


@pytest.mark.parametrize("sentence", ["1e400", "inf", "-1", "nan", "9" * 40])
def test_a_bad_sentence_number_is_ignored_visibly(app, tables, sentence):
    article_id = tables["articles"]["article_id"].iloc[0]
    at = app("pages/bai-bao.py", article=article_id, sentence=sentence)
    assert t("ignored_params", "vi") in [w.value for w in at.warning]
    assert f"sentence={sentence}" in [c.value for c in at.code]
    assert not any(w.value.startswith(t("sentence_n", "vi", n="")) for w in at.info)


def test_a_good_sentence_number_marks_its_sentence(app, tables):
    article_id = tables["articles"]["article_id"].iloc[0]
    at = app("pages/bai-bao.py", article=article_id, sentence="1")
    assert [i.value for i in at.info] == [t("sentence_n", "vi", n=1)]
    assert not at.warning


def test_unknown_filter_values_are_dropped_and_named(app, tables):
    at = app(country=["XXX", "USA"], status="nonsense", **{"from": "2020-13-40"})
    assert t("ignored_params", "vi") in [w.value for w in at.warning]
    assert at.code[0].value.splitlines() == ["country=XXX", "status=nonsense", "from=2020-13-40"]
    assert at.session_state["filters"].countries == ("USA",)
    assert at.query_params["country"] in ("USA", ["USA"]) and "status" not in at.query_params
