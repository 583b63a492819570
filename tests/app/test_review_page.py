"""The review page (Rà soát), driven by AppTest on a private copy of the real store: each correction action,
and every other page showing the corrected view."""

import json

import pandas as pd
import pytest

from components.i18n import t
from components.review import edit_key
from newsfacts.review import load_view, read_corrections

REVIEW = "pages/ra-soat.py"


@pytest.fixture
def reviewer(app, private_store):
    """The review page with the analyst's name typed, on the private store."""

    def start(kind: str = "dialogue"):
        at = app(REVIEW)
        at.text_input(key="analyst").set_value("Lan").run()
        if kind != "dialogue":
            at.segmented_control(key="review_kind").set_value(kind).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return start


def _pick(at, event_id: str):
    at.selectbox(key="review_pick").set_value(event_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _saved(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.success[0].value == t("correction_saved", "vi", n=1)


def _events(store, kind: str) -> pd.DataFrame:
    return load_view(store).tables[f"{kind}_events"].set_index("event_id")


def test_the_queue_lists_unreviewed_events_least_confident_first(reviewer):
    at = reviewer()
    queue = at.dataframe[0].value
    confidence = queue[t("confidence", "vi")].tolist()
    assert len(queue) > 5 and confidence == sorted(confidence)
    assert queue[t("reasons", "vi")].str.len().gt(0).all()


def test_actions_wait_for_the_analysts_name_which_stays_for_the_session(app, private_store):
    at = app(REVIEW)
    event_id = at.dataframe[0].value["event_id"].iloc[0]
    _pick(at, event_id)
    assert at.button(key="review_confirm").disabled
    at.text_input(key="analyst").set_value("Lan").run()
    assert not at.button(key="review_confirm").disabled
    at.switch_page("pages/doi-thoai.py").run()
    at.switch_page(REVIEW).run()
    assert at.text_input(key="analyst").value == "Lan"


def test_confirm(reviewer, private_store):
    at = reviewer()
    event_id = at.dataframe[0].value["event_id"].iloc[0]
    _pick(at, event_id).button(key="review_confirm").click().run()
    _saved(at)
    row = _events(private_store, "dialogue").loc[event_id]
    assert (row.review, row.reviewed_by, row.confidence) == ("confirmed", "Lan", 1.0)
    assert event_id not in at.dataframe[0].value["event_id"].head(3).tolist(), "reviewed events go to the end"


def test_reject_with_a_reason(reviewer, private_store):
    at = reviewer("deal")
    event_id = at.dataframe[0].value["event_id"].iloc[0]
    _pick(at, event_id)
    at.selectbox(key="review_reason").set_value("not-a-deal")
    at.text_input(key="review_note").set_value("military aid, not a sale")
    at.button(key="review_reject").click().run()
    _saved(at)
    assert event_id not in _events(private_store, "deal").index
    [correction] = read_corrections(private_store)
    assert (correction.reason, correction.note, correction.by) == ("not-a-deal", "military aid, not a sale", "Lan")


def test_edit_a_dialogues_date_and_see_the_original_on_request(reviewer, private_store):
    at = reviewer()
    row = at.dataframe[0].value.iloc[0]
    _pick(at, row.event_id)
    at.text_input(key=edit_key(row.event_id, "date")).set_value("2019-12-18")
    at.text_input(key=edit_key(row.event_id, "status")).set_value("planned")
    at.button[[b.key for b in at.button].index("FormSubmitter:review_edit_" + row.event_id + "-" + t("save", "vi"))].click().run()
    _saved(at)
    edited = _events(private_store, "dialogue").loc[row.event_id]
    assert (edited.date, edited.date_precision, edited.status) == ("2019-12-18", "day", "planned")
    original = json.loads(edited.original)

    at.switch_page("pages/doi-thoai.py").run()
    shown = at.dataframe[0].value
    marked = shown[shown[t("corrected", "vi")].str.startswith("✎")]
    assert marked[t("date", "vi")].tolist() == ["2019-12-18"]
    assert "(gốc" not in marked[t("corrected", "vi")].iloc[0]
    at.toggle(key="show_original").set_value(True).run()
    note = at.dataframe[0].value.loc[marked.index[0], t("corrected", "vi")]
    assert f"date (gốc: {original['date'] or '—'})" in note


def test_a_bad_value_is_refused_with_the_reason(reviewer, private_store):
    at = reviewer("deal")
    event_id = at.dataframe[0].value["event_id"].iloc[0]
    _pick(at, event_id)
    at.text_input(key=edit_key(event_id, "category")).set_value("spaceship")
    at.button[[b.key for b in at.button].index(f"FormSubmitter:review_edit_{event_id}-{t('save', 'vi')}")].click().run()
    assert "spaceship" in at.error[0].value and not read_corrections(private_store)


def test_merge_and_split(reviewer, private_store):
    at = reviewer()
    events = _events(private_store, "dialogue")
    several = events[events["mention_ids"].map(len) >= 2].index[0]
    _pick(at, several).button(key="review_split").click().run()
    _saved(at)
    parts = _events(private_store, "dialogue")
    pieces = parts[parts["corrected"].map(lambda c: "split" in c)].index.tolist()
    assert several not in parts.index and len(pieces) == len(events.loc[several, "mention_ids"])

    at = _pick(at, pieces[0])
    at.multiselect(key="review_merge").set_value(pieces[1:]).run()
    at.button(key="review_merge_go").click().run()
    assert not at.exception and not at.error
    merged = _events(private_store, "dialogue")
    assert pieces[0] in merged.index and not set(pieces[1:]) & set(merged.index)
    assert merged.loc[pieces[0], "n_sources"] == events.loc[several, "n_sources"]


def test_add_a_missed_deal(reviewer, private_store, tables):
    at = reviewer()
    article = tables["articles"].iloc[0]
    at.selectbox(key="add_kind").set_value("deal")
    at.selectbox(key="add_article").set_value(article.article_id).run()
    at.selectbox(key="add_sentence").set_value(1)
    at.text_area(key="add_fields").set_value("buyer=VNM\nseller=ISR\nsystem=hệ thống SPYDER\ncategory=air-defence\nquantity=5")
    at.button(key="add_go").click().run()
    _saved(at)
    added = _events(private_store, "deal")
    row = added[added["review"] == "added"].iloc[0]
    assert (row.buyer, row.seller, row.quantity, list(row.article_ids)) == ("VNM", "ISR", 5, [article.article_id])

    at.switch_page("pages/thuong-vu.py").run()
    shown = at.dataframe[0].value
    assert "hệ thống SPYDER" in shown[t("system", "vi")].tolist()


def test_export_then_import_corrections(reviewer, private_store, tmp_path):
    at = reviewer()
    event_id = at.dataframe[0].value["event_id"].iloc[0]
    _pick(at, event_id).button(key="review_confirm").click().run()
    from components.data import export_corrections

    document = json.loads(export_corrections())
    assert [c["event_id"] for c in document["corrections"]] == [event_id]
    assert at.get("download_button")[-1].proto.label == t("export_corrections", "vi")


def test_minimum_confidence_filters_the_tables_and_goes_into_the_url(app):
    at = app("pages/doi-thoai.py")
    everything = at.dataframe[0].value
    at.slider(key="f_confidence").set_value(0.7).run()
    kept = at.dataframe[0].value
    assert 0 < len(kept) < len(everything)
    assert kept[t("confidence", "vi")].ge(0.7).all()
    assert at.query_params["confidence"] in ("0.7", ["0.7"])
    assert app("pages/thuong-vu.py", confidence="0.7").dataframe[0].value[t("confidence", "vi")].ge(0.7).all()


def test_an_articles_people_carry_their_confidence(app, tables):
    article_id = tables["people"]["article_id"].value_counts().index[0]
    at = app("pages/bai-bao.py", article=article_id)
    people = next(frame.value for frame in at.dataframe if t("role", "vi") in frame.value.columns)
    assert len(people) > 0 and people[t("confidence", "vi")].between(0.05, 0.99).all()


def test_a_damaged_corrections_file_stops_the_page_and_names_it(app, private_store):
    folder = private_store / "corrections"
    folder.mkdir()
    (folder / "bad.parquet").write_bytes(b"not parquet")
    at = app(REVIEW)
    assert at.error[0].value == t("corrections_damaged", "vi")
    assert "bad.parquet" in at.code[0].value and not at.dataframe
    assert (folder / "bad.parquet").read_bytes() == b"not parquet"


def test_a_store_that_cannot_be_written_says_the_correction_was_not_saved(reviewer, private_store):
    at = reviewer()
    event_id = at.dataframe[0].value["event_id"].iloc[0]
    _pick(at, event_id)
    (private_store / "corrections").symlink_to("/proc/sys")  # a folder no one may create files in, even root
    at.button(key="review_confirm").click().run()
    assert not at.exception and at.error[0].value.startswith(t("not_saved", "vi", problem=""))


@pytest.mark.parametrize("confidence", ["2", "-0.1", "high"])
def test_a_bad_minimum_confidence_is_ignored_and_named(app, confidence):
    at = app("pages/thuong-vu.py", confidence=confidence)
    assert t("ignored_params", "vi") in [w.value for w in at.warning]
    assert f"confidence={confidence}" in at.code[0].value.splitlines()
    assert at.session_state["filters"].min_confidence == 0.0 and "confidence" not in at.query_params
