"""HTML pages: main text and metadata through trafilatura, with lxml text as the fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas")
_BLOCKS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "section", "article"
)
_TABLE_CELLS = re.compile(r"^\|[ \t]*|[ \t]*\|[ \t]*$", re.MULTILINE)
_CELL_SEPARATOR = re.compile(r"[ \t]+\|[ \t]+")
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


def read_html(html: str) -> HtmlPage:
    """The main text of `html` (paragraphs as lines, captions kept) and its title, date, URL and site name."""
    import trafilatura  # imported here: it takes about a second, which runs without HTML need not pay

    tree = _parse(html)
    if tree is None:
        return HtmlPage(text="")
    _drop_active_content(tree)
    _captions_as_paragraphs(tree)
    metadata = _metadata(tree)
    document = trafilatura.bare_extraction(tree, options=_extractor())
    text = _tidy_tables(document.text) if document is not None and document.text else ""
    if not text.strip():
        return _plain_page(html)
    return HtmlPage(
        text=text,
        title=metadata.title or None,
        published=metadata.date or None,
        url=metadata.url or None,
        source=metadata.sitename or None,
    )


@lru_cache(maxsize=1)
def _extractor():
    """trafilatura's options, built once: main text with tables, no comments, images or links.

    `fast` skips the readability and jusText comparison, which changed no text on the repository's pages
    or on a generated corpus and cost about a third of the time; the baseline rescue for pages where the
    main extractor finds too little still runs.
    """
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=True, comments=False, tables=True, images=False, links=False)


def _metadata(tree: lxml.html.HtmlElement):
    """Title, URL, date and site name as trafilatura's `extract_metadata` finds them, without the fields we do not use.

    Its author, category, tag and license searches cost more than the rest (the author search copies the
    whole tree), so this runs its steps for our four fields only, in its order.
    """
    from htmldate import find_date
    from trafilatura.metadata import META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # trafilatura's own guard: its JSON-LD reader has bugs
        pass
    metadata.title = metadata.title or extract_title(tree)
    metadata.url = metadata.url or extract_url(tree)
    metadata.date = find_date(tree, **_DATE_SEARCH, url=metadata.url)
    metadata.sitename = metadata.sitename or extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (match := META_URL.match(metadata.url)):
        metadata.sitename = match[1]
    metadata.clean_and_trim()
    return metadata


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """The document tree, or None when there is none; lxml wants bytes when an XML declaration names an encoding."""
    try:
        return lxml.html.document_fromstring(html)
    except ValueError:
        return _parse_bytes(html.encode("utf-8"))
    except etree.ParserError:
        return None


def _parse_bytes(html: bytes) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


def _drop_active_content(tree: lxml.html.HtmlElement) -> None:
    for element in list(tree.iter(*_NEVER_TEXT)):
        element.drop_tree()
    for element in tree.iter(etree.Element):
        for attribute in [name for name in element.attrib if name.lower().startswith("on")]:
            del element.attrib[attribute]


def _captions_as_paragraphs(tree: lxml.html.HtmlElement) -> None:
    for figure in tree.iter("figure"):
        figure.tag = "div"
    for caption in tree.iter("figcaption"):
        caption.tag = "p"


def _tidy_tables(text: str) -> str:
    return _CELL_SEPARATOR.sub(" ", _TABLE_CELLS.sub("", text))


def _plain_page(html: str) -> HtmlPage:
    """The page's visible text, block by block, for when trafilatura finds no main text (it edits the tree it gets)."""
    tree = _parse(html)
    if tree is None:
        return HtmlPage(text="")
    _drop_active_content(tree)
    return HtmlPage(text=_plain_text(tree), title=_html_title(tree))


def _plain_text(tree: lxml.html.HtmlElement) -> str:
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _html_title(tree: lxml.html.HtmlElement) -> str | None:
    title = tree.findtext(".//title")
    return title.strip() if title and title.strip() else None
