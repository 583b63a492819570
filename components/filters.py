"""The filters' URL form: `Filters` to and from the query string (filtering itself is `newsfacts.filters`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date

from components.i18n import DEAL_CATEGORIES, DEAL_STATUSES, DIALOGUE_STATUSES, LANGS, MECHANISMS
from newsfacts.extract.countries import all_country_codes
from newsfacts.filters import Filters

LIST_PARAMS = {
    "countries": "country",
    "sources": "source",
    "mechanisms": "mechanism",
    "dialogue_statuses": "status",
    "categories": "category",
    "deal_statuses": "deal_status",
}
KNOWN_VALUES = {
    "mechanisms": MECHANISMS,
    "dialogue_statuses": DIALOGUE_STATUSES,
    "categories": DEAL_CATEGORIES,
    "deal_statuses": DEAL_STATUSES,
}
FILTER_PARAM_NAMES = ("from", "to", "lang", "confidence", *LIST_PARAMS.values())


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _parse_confidence(text: str | None) -> float | None:
    """A minimum confidence between 0 and 1, or None when `text` is not one."""
    try:
        value = float(text) if text else 0.0
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


def from_params(get_all: Callable[[str], list[str]]) -> Filters:
    """Filters from a URL query string; unknown values and malformed dates are dropped."""
    return read_params(get_all)[0]


def read_params(get_all: Callable[[str], list[str]]) -> tuple[Filters, tuple[str, ...]]:
    """Filters from a URL query string, and every `param=value` dropped from it (unknown value, malformed date)."""
    lists, ignored = {}, []
    for name, param in LIST_PARAMS.items():
        values = tuple(dict.fromkeys(v for v in get_all(param) if v))
        known = all_country_codes() if name == "countries" else KNOWN_VALUES.get(name)
        lists[name] = tuple(v for v in values if v in known) if known else values
        ignored += [f"{param}={v}" for v in values if v not in lists[name]]
    dates = {}
    for param in ("from", "to"):
        text = next(iter(get_all(param)), None)
        dates[param] = _parse_date(text)
        ignored += [f"{param}={text}"] if text and dates[param] is None else []
    lang = next(iter(get_all("lang")), "vi")
    ignored += [] if lang in LANGS else [f"lang={lang}"]
    text = next(iter(get_all("confidence")), None)
    confidence = _parse_confidence(text)
    ignored += [f"confidence={text}"] if text and confidence is None else []
    filters = Filters(date_from=dates["from"], date_to=dates["to"], lang=lang if lang in LANGS else "vi",
                      min_confidence=confidence or 0.0, **lists)
    return filters, tuple(ignored)


def to_params(filters: Filters) -> dict[str, list[str]]:
    """The URL query string form of `filters`: only what differs from the defaults."""
    params: dict[str, list[str]] = {}
    if filters.date_from:
        params["from"] = [filters.date_from.isoformat()]
    if filters.date_to:
        params["to"] = [filters.date_to.isoformat()]
    for field in fields(Filters):
        param = LIST_PARAMS.get(field.name)
        values = getattr(filters, field.name)
        if param and values:
            params[param] = list(values)
    if filters.lang != "vi":
        params["lang"] = [filters.lang]
    if filters.min_confidence:
        params["confidence"] = [f"{filters.min_confidence:g}"]
    return params
