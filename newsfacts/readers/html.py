"""HTML pages: main text and metadata through trafilatura, with lxml text as the fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas")
_BLOCKS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "section", "article"
)
_TABLE_CELLS = re.compile(r"^\|[ \t]*|[ \t]*\|[ \t]*$", re.MULTILINE)
_CELL_SEPARATOR = re.compile(r"[ \t]+\|[ \t]+")


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
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _tidy_tables(document.text) if document is not None and document.text else ""
    if not text.strip():
        return _plain_page(html)
    return HtmlPage(
        text=text,
        title=document.title or None,
        published=document.date or None,
        url=document.url or None,
        source=document.sitename or None,
    )


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
