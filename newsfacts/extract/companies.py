"""Defence makers named in a text, with the country each belongs to."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from newsfacts.extract.prefilter import alternation, literal_scanner


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
    """Every name, the longest first, as a trie behind a lookahead on the first letters."""
    companies, aliases = _vocab()
    firsts = "".join(sorted({re.escape(name[0]) for name in (*companies, *aliases)}))
    return re.compile(rf"(?=[{firsts}])(?<![\w-])(?:{alternation({*companies, *aliases})})(?![\w-])")


@cache
def _any_name() -> re.Pattern[str]:
    """Finds any name, word boundaries aside, in one cheap pass: most sentences name no maker and end there."""
    companies, aliases = _vocab()
    return literal_scanner({*companies, *aliases})


@lru_cache(maxsize=4096)
def find_companies(text: str) -> tuple[CompanyHit, ...]:
    """Every maker named in `text`, aliases ("GE", "HAL") mapped to the full name; cached, as the pipeline and
    the deal extractor both ask for the same sentences."""
    if _any_name().search(text) is None:
        return ()
    companies, aliases = _vocab()
    hits = []
    for match in _pattern().finditer(text):
        name = aliases.get(match.group(), match.group())
        hits.append(CompanyHit(name, companies[name], match.start(), match.end()))
    return tuple(hits)


def company_country(name: str) -> str | None:
    companies, aliases = _vocab()
    return companies.get(aliases.get(name, name))
