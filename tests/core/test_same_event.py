"""The rules of newsfacts.same_event: what makes two reports one meeting or one deal, in one article and across articles."""

from dataclasses import dataclass

import pytest

from newsfacts.records import Deal, Dialogue, Location, Money, Participant
from newsfacts.same_event import (
    ACROSS_ARTICLES_VALUE_TOLERANCE, IN_ARTICLE_VALUE_TOLERANCE, dates_agree, deal_value, meeting_key,
    same_deal_across_articles, same_deal_in_article, same_dialogue_across_articles, same_dialogue_in_article,
    values_agree,
)

COMPATIBLE = frozenset({frozenset({"missile", "air-defence"}), frozenset({"aircraft", "uav"})})


@dataclass(frozen=True)
class Meeting:
    date: str | None
    mechanism: str = "2+2"
    parties: tuple[str, ...] = ("IND", "USA")
    until: str | None = None
    ordinal: int | None = None
    status: str | None = None
    next_round: bool = False


@dataclass(frozen=True)
class DealFacts:
    buyer: str | None = "IND"
    seller: str | None = "RUS"
    category: str | None = "air-defence"
    model: str | None = None
    quantity: int | None = None
    year: int | None = None
    money: Money | None = None
    status: str | None = "signed"
    recalled: bool = False
    headline: bool = False
    additional: bool = False
    head_kind: str | None = None


def record(date, city=None, status="held", parties=("IND", "USA"), mechanism="2+2", people=()):
    return Dialogue(mechanism=mechanism, parties=parties, date=date, location=Location(city, "IND" if city else None),
                    status=status, participants=tuple(Participant(name) for name in people))


def deal(buyer="IND", category="air-defence", system="S-400", quantity=None, year=None, money=None):
    return Deal(kind="purchase", buyer=buyer, seller="RUS", system=system, category=category, status="signed",
                quantity=quantity, year=year, value_usd=money.value_usd if money else None,
                value_amount=money.amount if money else None, value_currency=money.currency if money else None)


def usd(amount):
    return Money(amount, "USD", amount)


# Meetings: both scopes


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("2020-10", "2020-10-27", True), ("2020", "2020-10-27", True), ("2020-10-27", "2020-10-27", True),
    ("2020-10-27", "2020-10-28", False), ("2020-10", "2020-11", False), ("2021", "2020-10", False),
])
def test_dates_agree_at_their_common_precision(a, b, agree):
    assert dates_agree(a, b) is agree
    assert same_dialogue_in_article(Meeting(a), Meeting(b)) is agree
    assert same_dialogue_across_articles(record(a), record(b)) is agree


def test_the_order_of_the_parties_does_not_matter():
    assert meeting_key("2+2", ["USA", "IND"]) == meeting_key("2+2", ("IND", "USA"))
    assert same_dialogue_in_article(Meeting("2020", parties=("USA", "IND")), Meeting("2020"))
    assert same_dialogue_across_articles(record("2020", parties=("USA", "IND")), record("2020"))


@pytest.mark.parametrize("other", [{"mechanism": "strategic dialogue"}, {"parties": ("JPN", "USA")}])
def test_another_mechanism_or_other_parties_is_another_meeting_in_either_scope(other):
    assert not same_dialogue_in_article(Meeting("2020-10"), Meeting("2020-10", **other))
    assert not same_dialogue_across_articles(record("2020-10"), record("2020-10", **other))


# Meetings: in one article


def test_in_an_article_a_held_meeting_and_a_called_off_one_are_two():
    assert not same_dialogue_in_article(Meeting(None, status="cancelled"), Meeting("2024-01-09", status="held"))
    assert same_dialogue_in_article(Meeting(None, status="planned"), Meeting("2024-01-09", status="held"))


def test_in_an_article_an_undated_mention_is_the_articles_meeting():
    assert same_dialogue_in_article(Meeting(None), Meeting("2020-10-27"))


def test_in_an_article_a_day_inside_a_range_of_days_is_that_meeting():
    ranged = Meeting("2024-06-18", until="2024-06-22")
    assert same_dialogue_in_article(ranged, Meeting("2024-06-20"))
    assert same_dialogue_in_article(Meeting("2024-06-20"), ranged)
    assert not same_dialogue_in_article(ranged, Meeting("2024-06-23"))


def test_in_an_article_two_rounds_are_two_meetings_whatever_their_dates():
    assert not same_dialogue_in_article(Meeting("2023", ordinal=7), Meeting("2023-05", ordinal=8))
    assert not same_dialogue_in_article(Meeting(None, ordinal=7), Meeting("2023-05", ordinal=8))
    assert same_dialogue_in_article(Meeting("2023", ordinal=8), Meeting("2023-05", ordinal=8))


# Meetings: across articles


def test_across_articles_an_undated_report_never_joins_a_dated_one():
    assert not same_dialogue_across_articles(record(None), record("2020-10-27"))


def test_across_articles_undated_reports_are_one_meeting_only_when_they_say_the_same():
    assert same_dialogue_across_articles(record(None, city="New Delhi", people=["Lloyd Austin"]),
                                         record(None, city="New Delhi", people=["lloyd austin"]))
    assert not same_dialogue_across_articles(record(None, city="New Delhi"), record(None, city="Washington"))
    assert not same_dialogue_across_articles(record(None), record(None, status="planned"))


# Values


def test_one_currency_compares_the_amounts_as_written_not_their_conversions():
    # 9.000 tỷ won converted at the rates of two dates
    assert values_agree(Money(9e12, "KRW", 6.9e9), Money(9e12, "KRW", 6.5e9), ACROSS_ARTICLES_VALUE_TOLERANCE)


def test_two_currencies_compare_their_dollars_and_an_unconverted_amount_agrees_with_none():
    assert values_agree(Money(9e12, "KRW", 6.2e9), usd(6.2e9), ACROSS_ARTICLES_VALUE_TOLERANCE)
    assert not values_agree(Money(9e12, "XYZ", None), usd(9e12), IN_ARTICLE_VALUE_TOLERANCE)


def test_rounding_within_an_article_is_tolerated_but_a_corroborating_figure_must_be_the_same():
    lead, body = usd(5.4e9), usd(5.6e9)  # 3.6 % apart
    assert values_agree(lead, body, IN_ARTICLE_VALUE_TOLERANCE)
    assert not values_agree(lead, body, ACROSS_ARTICLES_VALUE_TOLERANCE)
    assert values_agree(usd(5.4e9), usd(5.43e9), ACROSS_ARTICLES_VALUE_TOLERANCE)


def test_a_stored_value_reads_back_its_written_amount_and_a_nan_as_no_value():
    assert deal_value(deal(money=Money(9e12, "KRW", 6.2e9))) == Money(9e12, "KRW", 6.2e9)
    assert deal_value(Deal("purchase", "IND", "RUS", "S-400", "air-defence", "signed", value_usd=5e9)) == usd(5e9)
    assert deal_value(Deal("purchase", "IND", "RUS", "S-400", "air-defence", "signed", value_usd=float("nan"))) is None


# Deals: in one article


def test_in_an_article_mentions_with_nothing_against_them_are_one_deal():
    assert same_deal_in_article(DealFacts(quantity=5), DealFacts(year=2018), COMPATIBLE)


def test_in_an_article_a_missing_side_agrees_with_the_side_another_mention_names():
    assert same_deal_in_article(DealFacts(buyer=None), DealFacts(), COMPATIBLE)
    assert not same_deal_in_article(DealFacts(buyer="CHN"), DealFacts(), COMPATIBLE)


@pytest.mark.parametrize(("field", "a", "b"), [("quantity", 12, 24), ("year", 2018, 2020), ("model", "S-400", "S-300")])
def test_in_an_article_a_differing_figure_or_model_is_another_deal(field, a, b):
    assert not same_deal_in_article(DealFacts(**{field: a}), DealFacts(**{field: b}), COMPATIBLE)


def test_in_an_article_values_apart_by_more_than_rounding_are_two_deals():
    assert same_deal_in_article(DealFacts(money=usd(5.4e9)), DealFacts(money=usd(5.6e9)), COMPATIBLE)
    assert not same_deal_in_article(DealFacts(money=usd(5.4e9)), DealFacts(money=usd(6.0e9)), COMPATIBLE)


def test_in_an_article_a_part_named_for_the_system_is_the_same_equipment():
    assert same_deal_in_article(DealFacts(category="missile"), DealFacts(category="air-defence"), COMPATIBLE)
    assert not same_deal_in_article(DealFacts(category="naval"), DealFacts(category="air-defence"), COMPATIBLE)


def test_in_an_article_equipment_of_different_kinds_is_another_deal_unless_the_model_is_the_same():
    landing_ship = DealFacts(category="naval", head_kind="amphibious")
    submarine = DealFacts(category="naval", head_kind="submarine", model="S26T")
    assert not same_deal_in_article(landing_ship, submarine, COMPATIBLE)
    assert same_deal_in_article(DealFacts(category="naval"), submarine, COMPATIBLE)
    trainer = DealFacts(category="aircraft", head_kind="fixed-wing", model="FA-50")
    assert same_deal_in_article(trainer, DealFacts(category="aircraft", head_kind="helicopter", model="FA-50"),
                                COMPATIBLE)


def test_in_an_article_an_earlier_order_recalled_beside_a_pending_contract_is_another_deal():
    recalled = DealFacts(recalled=True, status="signed", year=None)
    pending = DealFacts(headline=True, status="negotiating")
    assert not same_deal_in_article(DealFacts(recalled=True, status="signed", year=2022), pending, COMPATIBLE)
    assert not same_deal_in_article(pending, DealFacts(recalled=True, status="delivered", year=2022), COMPATIBLE)
    assert same_deal_in_article(recalled, pending, COMPATIBLE)


# Deals: across articles


def test_across_articles_a_shared_fact_must_corroborate():
    assert not same_deal_across_articles(deal(system=""), deal(system=""))
    for shared in ({"quantity": 5}, {"year": 2018}, {"money": usd(5.4e9)}):
        assert same_deal_across_articles(deal(system="", **shared), deal(system="", **shared))
    assert same_deal_across_articles(deal(system="S-400"), deal(system=" s-400 "))


def test_across_articles_a_differing_figure_is_a_conflict_within_one_deal():
    assert same_deal_across_articles(deal(quantity=5, year=2018), deal(quantity=6, year=2018))


def test_across_articles_sides_and_category_are_final():
    assert not same_deal_across_articles(deal(buyer=None), deal())
    assert not same_deal_across_articles(deal(category="missile"), deal())


def test_across_articles_one_amount_converted_at_two_rates_is_one_deal():
    """Unified with the in-article rule: it compared dollars only, so two reports of 9.000 tỷ won converted at
    the rates of their own dates stayed two deals."""
    assert same_deal_across_articles(deal(system="", money=Money(9e12, "KRW", 6.9e9)),
                                     deal(system="", money=Money(9e12, "KRW", 6.5e9)))


# The in-article merge follows the same rules


def test_a_headline_naming_another_round_loosely_is_not_folded_into_the_articles_meeting():
    """Unified: the headline fold compared dates only, so "Đối thoại chiến lược lần thứ 8" in a headline became the
    body's "đối thoại an ninh lần thứ 7"."""
    from newsfacts.extract.dialogues.merge import _Event, _fold_headline_names
    from newsfacts.extract.dialogues.mentions import _Mention

    def mention(mechanism, date, ordinal, sentence):
        return _Mention(mechanism=mechanism, parties=("JPN", "USA"), date=date, precision_rank=len(date),
                        location=Location(), status="held", sentence=sentence, ordinal=ordinal)

    body = _Event([mention("security dialogue", "2023-05", 7, 3)])
    headline = _Event([mention("strategic dialogue", "2023", 8, 0)])
    assert len(_fold_headline_names([headline, body], frozenset({0}))) == 2
    same_round = _Event([mention("strategic dialogue", "2023", 7, 0)])
    assert len(_fold_headline_names([same_round, body], frozenset({0}))) == 1


def test_in_an_article_the_next_round_is_not_the_round_held():
    assert not same_dialogue_in_article(Meeting(None, status="planned", next_round=True),
                                        Meeting("2024-01-09", status="held"))
    assert same_dialogue_in_article(Meeting(None, status="planned", next_round=True), Meeting(None, status="planned"))


def test_the_news_day_reaches_the_meetings_of_the_weeks_around_it_not_a_round_of_years_before():
    from newsfacts.same_event import near_the_news_day

    assert near_the_news_day("2024-07-08", "2024-07") and near_the_news_day("2025-12-09", "2025-12-08")
    assert not near_the_news_day("2024-07-08", "2022-04") and not near_the_news_day("2024-07-08", "2023")
