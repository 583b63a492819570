"""The Articles page at scale: its picker is capped with a note, its search reads the sentences on demand,
and the store the dashboard loads carries the sidebar's choices computed once."""

from datetime import date

import pytest

from components import data, ui
from components.i18n import t
from components.views import number
from newsfacts.search import fold

CAP = 3


def picker_note(rows: int, lang: str) -> str:
    return t("articles_capped", lang, shown=number(CAP, lang), n=number(rows, lang))


def article_ids(at) -> set[str]:
    links = at.dataframe[-1].value[t("link", "vi")]
    return {link.split("article=", 1)[1].split("&", 1)[0] for link in links}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_article_picker_offers_the_newest_articles_and_says_so(app, tables, monkeypatch, lang):
    monkeypatch.setattr(ui, "MAX_ROWS", CAP)
    at = app("pages/bai-bao.py", lang=lang) if lang == "en" else app("pages/bai-bao.py")
    every = len(tables["articles"])
    assert every > CAP
    assert picker_note(every, lang) in [caption.value for caption in at.caption]
    newest = tables["articles"].sort_values("published", ascending=False, na_position="last")["article_id"].head(CAP)
    assert at.selectbox(key="article_pick").options == [str(tables["articles"].set_index("article_id").loc[a, "title"])
                                                         for a in newest]


def test_no_picker_note_when_every_article_is_offered(app, tables):
    at = app("pages/bai-bao.py")
    assert len(tables["articles"]) <= ui.MAX_ROWS
    assert len(at.selectbox(key="article_pick").options) == len(tables["articles"])
    note_start = t("articles_capped", "vi").split("{")[0]
    assert not [caption.value for caption in at.caption if caption.value.startswith(note_start)]


@pytest.mark.parametrize("query", ["2+2", "ấn độ", "S-400"])
def test_search_keeps_exactly_the_articles_whose_heading_or_text_holds_the_words_accents_aside(app, tables, query):
    at = app("pages/bai-bao.py")
    at.text_input(key="article_search").input(query).run()
    articles, sentences = tables["articles"], tables["sentences"]

    def holds(texts):
        return texts.fillna("").map(fold).str.contains(fold(query), regex=False)

    in_text = set(sentences.loc[holds(sentences["text"]), "article_id"])
    in_heading = holds(articles["title"]) | holds(articles["lead"])
    expected = in_text | set(articles.loc[in_heading, "article_id"])
    assert expected
    assert article_ids(at) == expected


def test_search_within_a_country_filter(app, tables):
    at = app("pages/bai-bao.py", country="USA")
    at.text_input(key="article_search").input("2+2").run()
    articles, sentences = tables["articles"], tables["sentences"]
    with_usa = set(articles.loc[articles["countries"].map(lambda codes: "USA" in codes), "article_id"])
    in_text = set(sentences.loc[sentences["text"].str.contains("2+2", case=False, regex=False), "article_id"])
    in_title = set(articles.loc[articles["title"].str.contains("2+2", regex=False, na=False), "article_id"])
    assert article_ids(at) == with_usa & (in_text | in_title)


def test_the_loaded_store_offers_every_country_source_and_date_of_its_tables(use_store, tables):
    store = data.assemble({name: tables[name] for name in data.COLUMNS}, None)
    events, deals = tables["dialogue_events"], tables["deal_events"]
    codes = (set(tables["article_countries"]["country"]) | set(events["parties"].explode().dropna())
             | set(deals["buyer"].dropna()) | set(deals["seller"].dropna()))
    assert store.country_codes == tuple(sorted(codes))
    assert store.sources == tuple(sorted(set(tables["articles"]["source"].dropna())))
    published = [date.fromisoformat(day) for day in tables["articles"]["published"].dropna() if len(day) == 10]
    low, high = store.date_bounds
    assert low <= min(published) and high >= max(published)
