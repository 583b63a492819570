"""The whole parse of one article: normalise -> segment -> sentences -> publication date -> extractors."""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from newsfacts.extract.companies import find_companies
from newsfacts.extract.countries import CountryHit, find_countries
from newsfacts.extract.dates import DateHit, days_apart, find_dates, infer_publication_date, writes_its_year
from newsfacts.extract.deals import find_deals
from newsfacts.extract.dialogues import find_dialogues
from newsfacts.extract.people import find_person_mentions, people_records
from newsfacts.normalise import normalise
from newsfacts.read import ReadError, read_file
from newsfacts.segment import segment, sentences_and_paragraphs
from newsfacts.records import ArticleMeta, CountryMention, ParsedArticle, RawArticle, Sentence

# "date 2023-11", "2023-11-05T10:00": a page's machine-written date, which dates the page, never an event in it.
_PAGE_DATE = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)-(?:0[1-9]|1[0-2])(?:-\d\d)?(?=$|[Tt\s])")


def article_id(normalised_text: str) -> str:
    return hashlib.sha256(normalised_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_text(text: str, *, path: str = "<text>", published: str | None = None, source: str | None = None,
               url: str | None = None, title: str | None = None) -> ParsedArticle:
    """Parse one article given as a string, with whatever metadata is known."""
    meta = ArticleMeta(path=path, source=source, url=url, published=published, title=title)
    return parse_article(RawArticle(text=text, meta=meta))


# A sentence or two for every extractor, written for warm_up (not an article).
_WARM_UP_TEXT = (
    "Đối thoại 2+2 Ấn Độ - Mỹ\n\n"
    "Ngày 10/11/2023, Bộ trưởng Quốc phòng Mỹ Lloyd Austin và Bộ trưởng Ngoại giao Antony Blinken gặp hai bộ trưởng "
    "Ấn Độ tại New Delhi trong đối thoại 2+2 lần thứ năm.\n\n"
    "Năm ngoái, Ấn Độ đã ký hợp đồng mua 31 máy bay không người lái MQ-9B của General Atomics trị giá 3,5 tỷ USD.\n\n"
    "Tháng 7/2023, Ấn Độ đặt mua 26 tiêm kích Rafale của Pháp trị giá 5,5 tỷ euro."
)


def warm_up() -> None:
    """Compiles the vocabulary patterns (and reads the exchange rates) the parser builds on first use, e.g. before
    worker processes fork, so that they inherit them instead of each building its own."""
    parse_text(_WARM_UP_TEXT, path="<warm-up>")


def parse_file(path: Path, manifest=None) -> Iterator[ParsedArticle | ReadError]:
    """Parse every article in a file; unreadable units come back as `ReadError`."""
    for item in read_file(path, manifest):
        yield item if isinstance(item, ReadError) else parse_article(item)


def parse_article(raw: RawArticle) -> ParsedArticle:
    """Run every stage on one article and return its records, each with evidence sentence indexes."""
    normalised = normalise(raw.text)
    text, stamped = _without_date_field(normalised)
    segments = segment(text, title_hint=raw.meta.title)
    sentences, paragraphs = sentences_and_paragraphs(segments)
    published, inferred = _publication(raw.meta if raw.meta.published or not stamped
                                       else replace(raw.meta, published=stamped, published_inferred=True), text)
    country_hits = {s.index: find_countries(s.text) for s in sentences}
    date_hits, reference = _dates(sentences, published)
    people = find_person_mentions(sentences, country_hits)
    meta = _dated(raw.meta, published, inferred)
    return ParsedArticle(
        article_id=article_id(normalised),
        meta=meta,
        title=next((s.text for s in segments if s.kind == "title"), ""),
        segments=segments,
        sentences=sentences,
        countries=_country_mentions(country_hits),
        dialogues=find_dialogues(sentences, paragraphs, country_hits, date_hits, people, published, reference),
        deals=find_deals(sentences, country_hits, date_hits, published),
        people=people_records(people),
        companies=tuple(dict.fromkeys(c.name for s in sentences for c in find_companies(s.text))),
    )


# " date 2025-12-04 <first line of the page>": a crawler's date field glued to the page's first line.
_DATE_FIELD = re.compile(r"date\s+(\d{4}(?:-\d{2}){0,2})\s+")


def _without_date_field(text: str) -> tuple[str, str | None]:
    """The page without a leading crawler date field, its first line kept as a line of its own; and the field's
    date."""
    field = _DATE_FIELD.match(text)
    if field is None:
        return text, None
    return text[field.end():], field.group(1)


def _dated(meta: ArticleMeta, published: date | None, inferred: bool) -> ArticleMeta:
    """`meta` with the publication date worked out; the same record when it already says so, as most do, or when
    it gives a month or a year only (the record says no more than its source)."""
    iso = published.isoformat() if published else None
    if meta.published == iso and meta.published_inferred == inferred or _partial_date(meta.published) is not None:
        return meta
    return replace(meta, published=iso, published_inferred=inferred)


def _publication(meta: ArticleMeta, text: str) -> tuple[date | None, bool]:
    if meta.published:
        try:
            return date.fromisoformat(meta.published[:10]), meta.published_inferred
        except ValueError:
            partial = _partial_date(meta.published)
            if partial is not None:
                return partial, meta.published_inferred
    inferred = infer_publication_date(text)
    return inferred, inferred is not None


_PARTIAL_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _partial_date(published: str | None) -> date | None:
    """A publication month ("2019-12") or year ("2019") as the last day of that period: it resolves the dates the text
    writes without a year, and a meeting told of as done that month ("vừa tổ chức ... từ ngày 19/09") is not taken
    for one still to come."""
    found = _PARTIAL_ISO.fullmatch(published.strip()) if published else None
    if found is None or not 1 <= int(found.group(2) or 12) <= 12:
        return None
    year, month = int(found.group(1)), int(found.group(2) or 12)
    return date(year, month, calendar.monthrange(year, month)[1])


def _dates(sentences: Sequence[Sentence], published: date | None
           ) -> tuple[Mapping[int, list[DateHit]], str | None]:
    """Date hits per sentence, and the latest explicit date when there is no publication date.

    Without a publication date, dates written without a year ("ngày 11/4", "năm ngoái") take the context year: the
    year of the headline's explicit date, else of the latest explicit full date, else the latest explicit year.
    Only sentences holding an unresolved date are scanned again with it.
    """
    if published is not None:
        return _DatesBySentence(sentences, lambda position: find_dates(sentences[position].text, published, None)), None
    hits = {s.index: find_dates(s.text, published, None) for s in sentences}
    explicit = {index: [h.value for h in found if h.value and writes_its_year(h)]
                for index, found in hits.items()}
    every = [value for values in explicit.values() for value in values]
    if not every:
        return hits, None
    headline = [value for s in sentences if s.segment in ("title", "lead") for value in explicit[s.index]]
    full = [value for value in every if len(value) == 10]
    year = _page_year(sentences) or int((headline[0] if headline else max(full) if full else max(every))[:4])
    for s in sentences:
        if any(h.value is None for h in hits[s.index]):
            hits[s.index] = find_dates(s.text, None, year)
    return _DatesBySentence(sentences, lambda position: hits[sentences[position].index]), max(every)


class _DatesBySentence(Mapping[int, list[DateHit]]):
    """The date hits of each sentence (by index), worked out when first asked for from the sentence's own hits
    (`own_hits`, by position): the extractors read a few sentences' dates (a quarter of them on the generated corpus),
    and the scan was a tenth of a parse. "Ngày 24/10, ... . Một ngày trước đó, ...": a sentence with no day of its own
    that counts days from the last day told before it gets that day."""

    def __init__(self, sentences: Sequence[Sentence], own_hits: Callable[[int], list[DateHit]]) -> None:
        self._sentences = sentences
        self._find_own = own_hits
        self._position = {s.index: position for position, s in enumerate(sentences)}
        self._own: dict[int, list[DateHit]] = {}
        self._hits: dict[int, list[DateHit]] = {}

    def __getitem__(self, index: int) -> list[DateHit]:
        found = self._hits.get(index)
        if found is None:
            found = self._hits[index] = self._with_counted_days(self._position[index])
        return found

    def __iter__(self) -> Iterator[int]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)

    def _own_hits(self, position: int) -> list[DateHit]:
        found = self._own.get(position)
        if found is None:
            found = self._own[position] = self._find_own(position)
        return found

    def _with_counted_days(self, position: int) -> list[DateHit]:
        own, text = self._own_hits(position), self._sentences[position].text
        if any(h.precision == "day" for h in own) or "ngày" not in text.lower():
            return own
        told_before = self._day_told_before(position)
        counted = days_apart(text, told_before) if told_before is not None else []
        return sorted([*own, *counted], key=lambda h: h.start) if counted else own

    def _day_told_before(self, position: int) -> date | None:
        for earlier in range(position - 1, -1, -1):
            days = [h for h in self._own_hits(earlier) if h.precision == "day" and h.value and not h.relative]
            if days:
                return date.fromisoformat(days[-1].value)
        return None


def _page_year(sentences: Sequence[Sentence]) -> int | None:
    """The year of the page's own machine-written date in its headline, if it shows one."""
    for sentence in sentences:
        if sentence.segment in ("title", "lead") and (found := _PAGE_DATE.search(sentence.text)):
            return int(found.group(1))
    return None


def _country_mentions(country_hits: Mapping[int, Sequence[CountryHit]]) -> tuple[CountryMention, ...]:
    surfaces: dict[str, list[str]] = {}
    evidence: dict[str, list[int]] = {}
    for index, hits in country_hits.items():
        for hit in hits:
            forms = surfaces.setdefault(hit.code, [])
            if hit.surface not in forms:
                forms.append(hit.surface)
            sentences = evidence.setdefault(hit.code, [])
            if index not in sentences:
                sentences.append(index)
    return tuple(CountryMention(code, tuple(surfaces[code]), tuple(evidence[code])) for code in sorted(surfaces))
