"""Typed records that flow between the pipeline stages, the store and the dashboard.

Every fact carries `evidence`: indexes into `ParsedArticle.sentences`, so the
dashboard can link each fact back to the sentence it was read from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SegmentKind = Literal["title", "lead", "body", "caption", "byline", "chaff"]
MAIN_SEGMENTS: tuple[str, ...] = ("title", "lead", "body", "caption")

Mechanism = Literal[
    "2+2",
    "2+2 intersessional",
    "strategic dialogue",
    "defence policy dialogue",
    "security dialogue",
    "other dialogue",
]
DialogueStatus = Literal["held", "planned", "postponed", "agreed", "cancelled"]
DealKind = Literal["purchase", "co-production", "agreement"]
DealCategory = Literal[
    "aircraft", "uav", "engine", "missile", "air-defence", "armoured-vehicle", "naval", "artillery", "other"
]
DealStatus = Literal["proposed", "negotiating", "signed", "delivered", "cancelled"]
ValueQualifier = Literal["exact", "approx", "over", "under"]
DatePrecision = Literal["day", "month", "year"]
RateSource = Literal["ECB", "yearly table", "text"]


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    path: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    title: str | None = None


@dataclass(frozen=True)
class RawArticle:
    """An article as a reader delivers it: decoded text plus metadata, before normalisation."""

    text: str
    meta: ArticleMeta
    html: str | None = None


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the main text (title, lead, body or caption); `index` is its position in the article."""

    index: int
    segment: SegmentKind
    text: str


@dataclass(frozen=True)
class Location:
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Participant:
    name: str
    role: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class CountryMention:
    code: str
    surface_forms: tuple[str, ...] = ()
    evidence: tuple[int, ...] = ()


@dataclass(frozen=True)
class Dialogue:
    mechanism: str
    parties: tuple[str, ...]
    date: str | None
    location: Location = field(default_factory=Location)
    status: str = "held"
    participants: tuple[Participant, ...] = ()
    date_text: str | None = None
    evidence: tuple[int, ...] = ()


@dataclass(frozen=True)
class UsdRate:
    """The rate an amount was converted with: units of its currency per US dollar; the day ("2023-07-14") or period
    ("2023-07", "2023") whose rate or average it is, None for a rate the text implies; and where it comes from."""

    per_usd: float
    period: str | None
    source: RateSource


@dataclass(frozen=True)
class Money:
    """An amount as written and its conversion to US dollars (`rate` None for dollars and unknown currencies)."""

    amount: float
    currency: str
    value_usd: float | None
    qualifier: str = "exact"
    rate: UsdRate | None = None
    text: str = ""


@dataclass(frozen=True)
class Deal:
    kind: str
    buyer: str | None
    seller: str | None
    system: str
    category: str
    status: str
    suppliers: tuple[str, ...] = ()
    quantity: int | None = None
    value_usd: float | None = None
    value_qualifier: str | None = None
    value_amount: float | None = None
    value_currency: str | None = None
    year: int | None = None
    evidence: tuple[int, ...] = ()
    usd_rate: float | None = None
    usd_rate_date: str | None = None
    usd_rate_source: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    country: str | None = None
    evidence: tuple[int, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    """One article after the whole pipeline: segments, main-text sentences and extracted records."""

    article_id: str
    meta: ArticleMeta
    title: str
    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]
    countries: tuple[CountryMention, ...] = ()
    dialogues: tuple[Dialogue, ...] = ()
    deals: tuple[Deal, ...] = ()
    people: tuple[Person, ...] = ()
    companies: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def evidence_text(self, indexes: tuple[int, ...]) -> list[str]:
        by_index = {sentence.index: sentence.text for sentence in self.sentences}
        return [by_index[i] for i in indexes if i in by_index]
