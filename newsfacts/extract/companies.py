"""Defence makers named in a text, with the country each belongs to."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class CompanyHit:
    name: str
    country: str
    start: int
    end: int


@cache
def _vocab() -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads(files("newsfacts.vocab").joinpath("companies.json").read_text("utf-8"))
    return data["companies"], data["aliases"]


@cache
def _pattern() -> re.Pattern[str]:
    """Every name, longest first, grouped by first letter so that a position is tried against one group only."""
    companies, aliases = _vocab()
    by_first: dict[str, list[str]] = {}
    for name in sorted({*companies, *aliases}, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(re.escape(name[1:]))
    firsts = "".join(map(re.escape, by_first))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return re.compile(rf"(?=[{firsts}])(?<![\w-])(?:{groups})(?![\w-])")


@lru_cache(maxsize=4096)
def find_companies(text: str) -> tuple[CompanyHit, ...]:
    """Every maker named in `text`, aliases ("GE", "HAL") mapped to the full name; cached, as the pipeline and
    the deal extractor both ask for the same sentences."""
    companies, aliases = _vocab()
    hits = []
    for match in _pattern().finditer(text):
        name = aliases.get(match.group(), match.group())
        hits.append(CompanyHit(name, companies[name], match.start(), match.end()))
    return tuple(hits)


def company_country(name: str) -> str | None:
    companies, aliases = _vocab()
    return companies.get(aliases.get(name, name))
