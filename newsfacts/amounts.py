"""What a converted amount may claim: US dollars rounded to the precision of the amount as written, and the rate used."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsfacts.extract.rates import table_rate
from newsfacts.records import UsdRate

RATE_YEARS = range(1990, 2041)


def significant_digits(amount: float) -> int:
    """How many significant digits the written amount has: 630 000 000 000 -> 2, 37 400 000 -> 3, 2,5 -> 2."""
    digits = f"{abs(amount):.12g}".split("e")[0].replace(".", "").strip("0")
    return max(len(digits), 1)


def approximate_usd(value_usd: float, amount: float | None, currency: str | None) -> float:
    """`value_usd` rounded to the significant digits of the amount it was converted from (as is when in dollars)."""
    if currency in (None, "USD") or amount is None or math.isnan(amount) or value_usd == 0:
        return value_usd
    return float(f"{value_usd:.{significant_digits(amount)}g}")


def approximate_values(values_usd: Iterable[float | None], amounts: Iterable[float | None],
                       currencies: Iterable[str | None]) -> list[float | None]:
    """`approximate_usd` of each deal (None where no dollar value is known); NaN counts as missing."""
    def known(x: float | None) -> bool:
        return x is not None and not math.isnan(x)

    return [approximate_usd(float(v), float(a) if known(a) else None, c) if known(v) else None
            for v, a, c in zip(values_usd, amounts, currencies)]


@dataclass(frozen=True)
class UsedRate:
    """The rate a deal's dollars were converted with, as the exports show it (`usd_rate*` columns)."""

    per_usd: float | None = None
    period: str | None = None
    source: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.period[:4]) if self.period else None


def used_rate(amount: float, currency: str, value_usd: float, stored: UsdRate | None) -> UsedRate:
    """The rate behind `value_usd`: the one the store recorded when it still gives these figures (an analyst's
    correction may have changed them), else `recovered_rate`."""
    if currency == "USD":
        return UsedRate(1.0)
    if stored is not None and math.isclose(amount / value_usd, stored.per_usd, rel_tol=1e-9):
        return UsedRate(stored.per_usd, stored.period, stored.source)
    return recovered_rate(amount, currency, value_usd)


@lru_cache(maxsize=4096)
def recovered_rate(amount: float, currency: str, value_usd: float) -> UsedRate:
    """The rate of a store written before rates were recorded, where all came from the yearly table: the year
    whose average gives `value_usd`; no rate when none does."""
    for year in reversed(RATE_YEARS):
        rate = table_rate(currency, date(year, 7, 1))
        if rate and rate.period == str(year) and math.isclose(amount / rate.per_usd, value_usd, rel_tol=1e-9):
            return UsedRate(rate.per_usd, rate.period, rate.source)
    return UsedRate()
