"""Display columns built once per distinct value: country pairs, suppliers, participants, deal values, links."""

import json

import numpy as np
import pandas as pd

from components.i18n import country_label, t
from components.views import (country_involvement, deal_value_per_year, dialogue_table, dialogues_per_year,
                              joined_country_names, joined_text, pair_names, participant_names, partner_pairs,
                              party_involvement, value_text)


def test_joined_country_names_keep_order_and_cope_with_missing_lists():
    lists = pd.Series([["IND", "USA"], np.array(["JPN", "PHL"]), [], None, ["IND", "USA"]], index=[5, 3, 9, 1, 7])
    joined = joined_country_names(lists, "vi")
    pair = f"{country_label('IND', 'vi')} – {country_label('USA', 'vi')}"
    assert joined.to_dict() == {5: pair, 3: f"{country_label('JPN', 'vi')} – {country_label('PHL', 'vi')}", 9: "",
                                1: "", 7: pair}


def test_joined_text_skips_missing_items():
    lists = pd.Series([["General Atomics", None], [], np.array(["Rosoboronexport"])])
    assert joined_text(lists).tolist() == ["General Atomics", "", "Rosoboronexport"]


def test_participant_names_read_each_json_list():
    people = [{"name": "Antony Blinken", "role": "Ngoại trưởng"},
              {"name": "Lloyd Austin", "role": "Bộ trưởng"}]
    texts = pd.Series([json.dumps(people), "[]", None, json.dumps(people[:1])])
    assert participant_names(texts).tolist() == ["Antony Blinken, Lloyd Austin", "", "", "Antony Blinken"]


def test_value_text_keeps_the_amount_as_written_and_rounds_the_dollars_to_its_digits():
    deals = pd.DataFrame({
        "value_usd": [3e9, 7_241_379_310.34, np.nan, 24_670_184.7, 8.95e8],
        "value_qualifier": ["over", "approx", "approx", "exact", None],
        "value_amount": [np.nan, 630e9, 7.0, 37.4e6, 8.95e8],
        "value_currency": ["USD", "INR", "EUR", "AUD", "USD"],
    })
    assert value_text(deals, "vi").tolist() == [
        "hơn 3 tỷ USD", "khoảng 630 tỷ INR (≈ 7,2 tỷ USD)", "khoảng 7 EUR (chưa quy đổi: không có tỷ giá)",
        "37,4 triệu AUD (≈ 24,7 triệu USD)", "895 triệu USD"]
    assert value_text(deals, "en").tolist()[:2] == ["over 3 bn USD", "about 630 bn INR (≈ 7.2 bn USD)"]
    assert value_text(deals.iloc[:0], "vi").empty


def test_an_amount_no_rate_converted_is_shown_as_written_and_marked_unconverted():
    deals = pd.DataFrame({"value_usd": [np.nan, np.nan], "value_qualifier": [None, None],
                          "value_amount": [16.5e12, np.nan], "value_currency": ["COP", None]})
    assert value_text(deals, "en").tolist() == ["16,500 bn COP (not converted: no rate)", ""]


def test_value_text_says_which_rate_converted_the_amount():
    deals = pd.DataFrame({
        "value_usd": [6_171_550_000.0, 6_081_209_597.5, 84_079_539.2, 6.2e9, 3e9],
        "value_qualifier": ["exact", "exact", "exact", "exact", "exact"],
        "value_amount": [5.5e9, 5.5e9, 2e12, 9e12, 3e9],
        "value_currency": ["EUR", "EUR", "VND", "KRW", "USD"],
        "usd_rate_date": ["2023-07-14", "2023-07", "2023", None, None],
        "usd_rate_source": ["ECB", "ECB", "yearly table", "text", None],
    })
    assert value_text(deals, "vi").tolist() == [
        "5,5 tỷ EUR (≈ 6,2 tỷ USD, tỷ giá ECB ngày 2023-07-14)",
        "5,5 tỷ EUR (≈ 6,1 tỷ USD, tỷ giá ECB trung bình tháng 2023-07)",
        "2.000 tỷ VND (≈ 80 triệu USD, tỷ giá trung bình năm 2023)",
        "9.000 tỷ KRW (≈ 6 tỷ USD, theo bài báo)",
        "3 tỷ USD",
    ]
    assert value_text(deals, "en").tolist()[0] == "5.5 bn EUR (≈ 6.2 bn USD, ECB rate of 2023-07-14)"


def test_dialogue_links_point_at_the_first_sentence_of_the_first_mention():
    events = pd.DataFrame({
        "date": ["2023-11-10"], "mechanism": ["2+2"], "parties": [["IND", "USA"]], "location_city": ["New Delhi"],
        "location_country": ["IND"], "status": ["held"], "participants": ["[]"], "n_sources": [2],
        "conflicts": ["[]"], "mention_ids": [["m2", "m1"]],
    })
    mentions = pd.DataFrame({"mention_id": ["m1", "m2", "m3"], "article_id": ["a1", "a2", "a3"],
                             "evidence": [[4], [7, 2], [1]]})
    table = dialogue_table(events, mentions, "vi", "bai-bao?")
    assert table[t("link", "vi")].tolist() == ["bai-bao?article=a2&sentence=7"]
    assert table[t("pair", "vi")].tolist() == [f"{country_label('IND', 'vi')} – {country_label('USA', 'vi')}"]


def test_pair_names_match_the_joined_party_names(tables):
    events = tables["dialogue_events"]
    for lang in ("vi", "en"):
        assert pair_names(events["pair"], lang).tolist() == joined_country_names(events["parties"], lang).tolist()


def test_partners_and_involvement_count_each_dialogue_once_per_party():
    dialogues = pd.DataFrame({"event_id": ["e1", "e2", "e3", "e4"], "parties": [["IND", "USA"], ["IND", "JPN", "USA"],
                                                                             ["IND", "USA"], []],
                              "pair": ["IND-USA", "IND-JPN-USA", "IND-USA", ""]})
    pairs = partner_pairs(dialogues)
    assert list(pairs.itertuples(index=False, name=None)) == [("IND", "JPN", 1), ("IND", "USA", 3), ("JPN", "USA", 1)]
    involvement = party_involvement(dialogues)
    assert dict(zip(involvement["country"], involvement["value"])) == {"IND": 3, "USA": 3, "JPN": 1}
    assert involvement["value"].is_monotonic_decreasing


def test_involvement_from_pairs_matches_the_exploded_parties(tables):
    dialogues = tables["dialogue_events"]
    expected = country_involvement(dialogues["parties"].explode())
    got = party_involvement(dialogues)
    assert dict(zip(got["country"], got["value"])) == dict(zip(expected["country"], expected["value"]))


def test_dialogues_per_year_count_each_mechanism_and_leave_undated_ones_out():
    dialogues = pd.DataFrame({"date_start": pd.to_datetime(["2020-10-27", "2020-01-01", "2021-05-01", None]),
                              "mechanism": ["2+2", "2+2", "strategic dialogue", "2+2"]})
    assert dialogues_per_year(dialogues).values.tolist() == [[2020, "2+2", 2], [2021, "strategic dialogue", 1]]


def test_deal_value_per_year_keeps_the_leading_countries_and_groups_the_rest():
    deals = pd.DataFrame({"year": [2020, 2020, 2021, 2021, None], "buyer": ["IND", "POL", "IND", None, "IND"],
                          "value_usd": [5e9, 1e9, np.nan, 2e9, 9e9]})
    got = deal_value_per_year(deals, "buyer", top=1)
    assert got.values.tolist() == [[2020, "", 1e9, 1], [2020, "IND", 5e9, 1], [2021, "", 2e9, 1], [2021, "IND", 0.0, 1]]
