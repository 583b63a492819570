"""What a converted amount may claim: US dollars rounded to the precision of the amount as written, and the rate used."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from newsfacts.extract.money import to_usd

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


@lru_cache(maxsize=4096)
def usd_rate(amount: float, currency: str, value_usd: float) -> tuple[float | None, int | None]:
    """Units of `currency` per US dollar used for a conversion, and the year of that yearly average rate
    (`newsfacts/vocab/exchange_rates.csv`); (1.0, None) for dollars, (None, None) when no year's rate gives it."""
    if currency == "USD":
        return 1.0, None
    for year in reversed(RATE_YEARS):
        converted, rate_year = to_usd(amount, currency, date(year, 7, 1))
        if rate_year == str(year) and converted is not None and math.isclose(converted, value_usd, rel_tol=1e-9):
            return amount / value_usd, year
    return None, None
