"""Bài báo: search and browse articles; one article with its records and its text, evidence highlighted.

`?article=<id>&sentence=<n>` opens an article with sentence n marked, so every fact links to its sentence.
"""

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from components import data, ui
from newsfacts.filters import filter_articles
from components.i18n import country_label, t
from components.views import article_table, deal_table, dialogue_table, number
from newsfacts.export.tables import absolute_url
from newsfacts.search import Search, spans

MAX_SENTENCE_DIGITS = 6

ctx = ui.context(page_params=("article", "sentence", "q"))
store, lang = ctx.store, ctx.lang
st.title(t("page_articles", lang))


def matching(articles: pd.DataFrame, query: str) -> pd.DataFrame:
    if not query:
        return articles
    return articles[data.article_matches(query)[articles.index]]


def _article_rows(article_id: str) -> pd.DataFrame:
    return store.articles[store.articles["article_id"] == article_id]


def _remember_pick() -> None:
    st.session_state["article"] = st.session_state["article_pick"]


def chosen_article(choices: pd.DataFrame) -> str | None:
    """The article to show: the URL's when it just changed, else the reader's last pick."""
    wanted = st.query_params.get("article")
    if wanted and wanted != st.session_state.get("article_from_url"):
        st.session_state["article_from_url"] = wanted
        st.session_state["article"] = wanted
    current = st.session_state.get("article")
    listed = choices.head(ui.MAX_ROWS)
    options = list(dict.fromkeys([*listed["article_id"], *filter(None, [current])]))
    titles = dict(zip(listed["article_id"], listed["title"]))
    if current and current not in titles:
        extra = _article_rows(current)
        titles.update(zip(extra["article_id"], extra["title"]))
    st.session_state["article_pick"] = current if current in options else None
    picked = st.selectbox(t("choose_article", lang), options, key="article_pick", on_change=_remember_pick, placeholder=t("choose", lang),
                          format_func=lambda a: str(titles.get(a, a)))
    if len(choices) > ui.MAX_ROWS:
        st.caption(t("articles_capped", lang, shown=number(ui.MAX_ROWS, lang), n=number(len(choices), lang)))
    if picked and picked != wanted:
        st.query_params["article"] = picked
        st.query_params.pop("sentence", None)
    return picked


def sentence_param() -> int | None:
    """`?sentence=N` as a sentence index; anything but a plain number of up to MAX_SENTENCE_DIGITS digits is
    ignored, and the page says so."""
    text = st.query_params.get("sentence")
    if text is None:
        return None
    if text.isascii() and text.isdigit() and len(text) <= MAX_SENTENCE_DIGITS:
        return int(text)
    ui.ignored_note((f"sentence={text}",), lang)
    return None


def highlighted(text: str, phrase: str) -> str:
    """`text` escaped, with every occurrence of the search phrase (accents and case aside) marked."""
    parts, done = [], 0
    for start, end in spans(text, phrase) if phrase else []:
        parts += [html.escape(text[done:start]), f'<mark class="hit" style="background:#b3e5fc">{html.escape(text[start:end])}</mark>']
        done = end
    return "".join(parts) + html.escape(text[done:])


def sentence_html(sentences: pd.DataFrame, evidence: set[int], anchor: int | None, phrase: str = "") -> str:
    """The article text, escaped; evidence sentences marked, the linked one marked strongly, the search phrase
    highlighted."""
    parts = []
    for index, segment, text in zip(sentences["sentence_index"], sentences["segment"], sentences["text"]):
        body = highlighted(str(text), phrase)
        if index == anchor:
            body = f'<mark id="s-{index}" class="anchor" style="background:#ffd54f;font-weight:600">{body}</mark>'
        elif index in evidence:
            body = f'<mark id="s-{index}" style="background:#fff3c4">{body}</mark>'
        tag = "h4" if segment == "title" else "p"
        parts.append(f'<{tag} style="margin:0.3em 0"><small style="color:#888">[{index}]</small> {body}</{tag}>')
    return "\n".join(parts)


if "article_search" not in st.session_state:
    st.session_state["article_search"] = st.query_params.get("q", "")
query = st.text_input(t("search", lang), key="article_search")
if query:
    st.query_params["q"] = query
else:
    st.query_params.pop("q", None)
found = matching(filter_articles(store.filterable, ctx.filters), query).sort_values("published", ascending=False, na_position="last")

article_id = chosen_article(found)
if article_id:
    rows = _article_rows(article_id)
    if rows.empty:
        st.warning(t("not_found", lang))
    else:
        article = rows.iloc[0]
        st.html(f"<h2>{html.escape(str(article['title']))}</h2>")
        inferred = f" {t('inferred', lang)}" if article["published_inferred"] else ""
        st.text(f"{article['source'] or '—'} · {article['published'] or '—'}{inferred} · {Path(str(article['file'])).name}")
        url = absolute_url(article["url"])
        if url:
            st.html(f'{html.escape(t("url", lang))}: <a href="{html.escape(url, quote=True)}" target="_blank" '
                    f'rel="noopener noreferrer">{html.escape(url)}</a>')
        elif isinstance(article["url"], str) and article["url"]:
            st.text(f"{t('url', lang)}: {article['url']}")
        countries = ", ".join(f"{country_label(c, lang)} ({c})" for c in article["countries"])
        st.text(f"{t('countries', lang)}: {countries}")

        mentions = store.dialogue_mentions[store.dialogue_mentions["article_id"] == article_id]
        deals = store.deal_mentions[store.deal_mentions["article_id"] == article_id]
        people = store.people[store.people["article_id"] == article_id]
        # The events this article is a source of, as the analysts corrected them (rejected ones are gone).
        dialogue_events = store.dialogue_events[store.dialogue_events["event_id"].isin(mentions["event_id"])]
        deal_events = store.deal_events[store.deal_events["event_id"].isin(deals["event_id"])]
        mentions = mentions[mentions["event_id"].isin(dialogue_events["event_id"])]
        deals = deals[deals["event_id"].isin(deal_events["event_id"])]
        if len(dialogue_events):
            st.subheader(t("dialogues", lang))
            ui.table(dialogue_table(dialogue_events, mentions, lang, ctx.links, ctx.originals), "bai-bao-doi-thoai",
                     "article_dialogues", lang)
        if len(deal_events):
            st.subheader(t("deals", lang))
            ui.table(deal_table(deal_events, deals, lang, ctx.links, ctx.originals), "bai-bao-thuong-vu",
                     "article_deals", lang)
        if len(people):
            st.subheader(t("people", lang))
            ui.table(pd.DataFrame({t("name", lang): people["name"], t("role", lang): people["role"],
                                   t("country", lang): people["country"].map(lambda c: country_label(c, lang)),
                                   t("confidence", lang): people["confidence"]}),
                     "bai-bao-nhan-vat", "article_people", lang)

        evidence = {int(i) for frame in (mentions, deals, people) for lists in frame["evidence"] for i in lists}
        anchor = sentence_param() if article_id == st.query_params.get("article") else None
        sentences = store.sentences.of_article(article_id)
        if anchor is not None:
            linked = sentences[sentences["sentence_index"] == anchor]
            for text in linked["text"]:
                st.info(f"{t('sentence_n', lang, n=anchor)}")
                st.text(text)
        st.subheader(t("article_text", lang))
        st.html(f'<div class="article-text">{sentence_html(sentences, evidence, anchor, query)}</div>')
        if anchor is not None:
            # A fixed script (its only variable is an integer) that brings the linked sentence into view.
            st.html(f"<script>document.getElementById('s-{int(anchor)}')?.scrollIntoView({{block: 'center'}})</script>",
                    unsafe_allow_javascript=True)

st.subheader(t("article_list", lang))
ui.table(found, "bai-bao", "article_table", lang, build=lambda rows: article_table(rows, lang, ctx.links))
ui.exports(ctx, "articles", Search.of(store.articles, data.article_matches(query), query) if query else None)
