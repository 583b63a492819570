"""Exchange rates: a deal's foreign amount converts at the ECB rate of its date, as precisely as the text dates it
(day, month, year), else at the yearly table; the record keeps the rate, its day or period and its source."""

from __future__ import annotations

import csv
import io
import statistics
import zipfile
from datetime import date
from importlib.resources import files

import pytest

from newsfacts.extract.rates import ecb_rate, usd_rate
from newsfacts.pipeline import parse_text

SENTENCE = "{when}, Ấn Độ đã ký hợp đồng mua 26 tiêm kích Rafale của Pháp trị giá 5,5 tỷ euro."


def _ecb_per_usd(currency: str) -> dict[str, float]:
    """Units of `currency` per US dollar on each ECB business day, read straight from the package's file."""
    archive = files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        rows = list(csv.DictReader(io.StringIO(opened.read(opened.namelist()[0]).decode("ascii"))))
    return {row["Date"]: (1.0 if currency == "EUR" else float(row[currency])) / float(row["USD"])
            for row in rows if row["USD"] != "N/A" and (currency == "EUR" or row[currency] != "N/A")}


def _deal(when: str, published: str):
    (deal,) = parse_text("Ấn Độ mua Rafale\n\n" + SENTENCE.format(when=when), published=published).deals
    return deal


def test_a_deal_dated_to_a_day_converts_at_that_days_ecb_rate() -> None:
    deal = _deal("Ngày 14/7/2023", published="2023-09-20")
    expected = _ecb_per_usd("EUR")["2023-07-14"]
    assert (deal.usd_rate_date, deal.usd_rate_source) == ("2023-07-14", "ECB")
    assert deal.usd_rate == pytest.approx(expected)
    assert deal.value_usd == pytest.approx(5.5e9 / expected)


def test_a_day_without_an_ecb_rate_takes_the_business_day_before() -> None:
    deal = _deal("Ngày 16/7/2023", published="2023-09-20")  # a Sunday
    assert (deal.usd_rate_date, deal.usd_rate) == ("2023-07-14", pytest.approx(_ecb_per_usd("EUR")["2023-07-14"]))


def test_a_deal_dated_to_a_month_converts_at_the_months_average() -> None:
    deal = _deal("Tháng 7/2023", published="2023-09-20")
    july = [rate for day, rate in _ecb_per_usd("EUR").items() if day.startswith("2023-07")]
    assert (deal.usd_rate_date, deal.usd_rate_source) == ("2023-07", "ECB")
    assert deal.usd_rate == pytest.approx(statistics.fmean(july))


def test_a_deal_dated_to_a_year_converts_at_the_years_average() -> None:
    deal = _deal("Năm 2016", published="2023-09-20")
    year = [rate for day, rate in _ecb_per_usd("EUR").items() if day.startswith("2016")]
    assert (deal.usd_rate_date, deal.usd_rate_source, deal.year) == ("2016", "ECB", 2016)
    assert deal.usd_rate == pytest.approx(statistics.fmean(year))


def test_an_undated_deal_converts_at_the_rate_of_its_publication_day() -> None:
    (deal,) = parse_text("Thái Lan cân nhắc\n\nThái Lan đang đàm phán mua 4 tiêm kích Gripen của Thụy Điển, trị giá "
                         "550 triệu euro.", published="2025-03-14").deals
    assert (deal.usd_rate_date, deal.usd_rate) == ("2025-03-14", pytest.approx(_ecb_per_usd("EUR")["2025-03-14"]))


def test_a_currency_the_ecb_does_not_publish_converts_at_the_yearly_table() -> None:
    (deal,) = parse_text("Việt Nam mua radar\n\nNăm 2023, Việt Nam đã ký hợp đồng mua 4 radar của Israel trị giá "
                         "2.000 tỷ đồng.", published="2024-09-20").deals
    assert (deal.value_currency, deal.usd_rate_date, deal.usd_rate_source) == ("VND", "2023", "yearly table")
    assert deal.value_usd == pytest.approx(2e12 / deal.usd_rate)


def test_the_rouble_after_the_ecb_stopped_publishing_it_converts_at_the_yearly_table() -> None:
    assert usd_rate("RUB", date(2021, 5, 4)).source == "ECB"
    assert ecb_rate("RUB", date(2023, 1, 1), "year") is None
    assert (usd_rate("RUB", date(2023, 5, 4)).source, usd_rate("RUB", date(2023, 5, 4)).period) == ("yearly table", "2023")
    assert usd_rate("RUB", date(2022, 1, 1), "year").source == "yearly table"  # two months are no year's average


def test_a_dollar_figure_the_text_gives_keeps_source_text() -> None:
    (deal,) = parse_text("Ba Lan mua K2\n\nNăm 2022, Ba Lan đã ký hợp đồng mua 180 xe tăng K2 của Hàn Quốc trị giá "
                         "4.500 tỷ won (3,37 tỷ USD).", published="2024-09-20").deals
    assert (deal.value_usd, deal.value_currency, deal.usd_rate_source, deal.usd_rate_date) == (3.37e9, "KRW", "text", None)
    assert deal.usd_rate == pytest.approx(4.5e12 / 3.37e9)


def test_dollars_carry_no_rate() -> None:
    (deal,) = parse_text("Ba Lan mua K2\n\nNăm 2022, Ba Lan đã ký hợp đồng mua 180 xe tăng K2 của Hàn Quốc trị giá "
                         "3,37 tỷ USD.", published="2024-09-20").deals
    assert (deal.usd_rate, deal.usd_rate_date, deal.usd_rate_source) == (None, None, None)


@pytest.mark.parametrize("precision", ["year", "month", "day"])
def test_a_period_after_the_ecb_file_has_no_ecb_rate(precision) -> None:
    assert ecb_rate("EUR", date(2038, 5, 15), precision) is None


def test_a_deal_dated_years_ahead_still_parses_and_converts_at_the_yearly_table() -> None:
    deal = _deal("Năm 2038", published="2026-11-20")
    assert deal.value_usd is not None and deal.usd_rate_source == "yearly table"
