"""Deal extraction on short articles written for these tests."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract.money import to_usd
from newsfacts.pipeline import parse_text


def deals(text: str, published: str | None = "2024-03-01"):
    return parse_text(text, published=published).deals


def test_a_deal_named_twice_is_one_record():
    text = (
        "Ấn Độ mua tên lửa của Nga\n\n"
        "Năm 2018, Ấn Độ đã ký hợp đồng trị giá 5,4 tỷ USD để mua 5 hệ thống tên lửa đất đối không S-400 từ Nga.\n\n"
        "Mỹ từng cân nhắc trừng phạt New Delhi vì việc mua hệ thống tên lửa do Nga sản xuất."
    )
    (deal,) = deals(text)
    assert (deal.kind, deal.buyer, deal.seller, deal.category) == ("purchase", "IND", "RUS", "air-defence")
    assert (deal.quantity, deal.value_usd, deal.value_qualifier, deal.year, deal.status) == (
        5, 5_400_000_000, "exact", 2018, "signed")
    assert deal.system == "hệ thống tên lửa đất đối không S-400"
    assert len(deal.evidence) == 3


def test_military_aid_is_not_a_deal():
    text = "Viện trợ cho Ukraine\n\nMỹ công bố gói viện trợ quân sự trị giá 300 triệu USD cho Ukraine, gồm 20 xe bọc thép."
    assert deals(text) == ()


def test_a_price_in_another_currency_is_converted_and_kept_as_written():
    text = "Ấn Độ mua Rafale\n\nNgày 23/9, Ấn Độ đã ký hợp đồng trị giá 7,87 tỷ euro để mua 36 tiêm kích Rafale của Pháp."
    (deal,) = deals(text, published="2016-09-24")
    assert (deal.buyer, deal.seller, deal.quantity, deal.year) == ("IND", "FRA", 36, 2016)
    assert (deal.value_amount, deal.value_currency) == (7_870_000_000, "EUR")
    assert deal.value_usd is not None and deal.value_usd > deal.value_amount


def test_maker_gives_the_seller_and_stage_words_give_the_status():
    text = (
        "Thương vụ UAV\n\n"
        "Một thỏa thuận trị giá hơn 3 tỷ USD để Ấn Độ mua 31 máy bay không người lái có vũ trang do General Atomics "
        "sản xuất đang được xử lý."
    )
    (deal,) = deals(text)
    assert (deal.buyer, deal.seller, deal.suppliers, deal.category) == ("IND", "USA", ("General Atomics",), "uav")
    assert (deal.quantity, deal.value_usd, deal.value_qualifier, deal.status) == (31, 3e9, "over", "negotiating")


def test_co_production_and_proposal():
    text = (
        "Hợp tác công nghiệp quốc phòng\n\n"
        "Washington đã đề xuất một số hệ thống xe chiến đấu bộ binh và New Delhi đã thể hiện sự quan tâm.\n\n"
        "Hai nước sẽ hợp tác sản xuất xe chiến đấu bộ binh."
    )
    (deal,) = deals(text)
    assert (deal.kind, deal.buyer, deal.seller, deal.system) == ("co-production", "IND", "USA", "xe chiến đấu bộ binh")
    assert (deal.category, deal.status) == ("armoured-vehicle", "proposed")


def test_a_cooperation_agreement_is_oriented_by_the_larger_exporter():
    text = (
        "Nga và Ấn Độ\n\n"
        "Trong cuộc gặp tháng 12/2021, Tổng thống Nga Vladimir Putin và Thủ tướng Ấn Độ Narendra Modi đã công bố "
        "thỏa thuận hợp tác quốc phòng kéo dài 10 năm."
    )
    (deal,) = deals(text, published=None)
    assert (deal.kind, deal.buyer, deal.seller, deal.year, deal.status) == ("agreement", "IND", "RUS", 2021, "signed")


@pytest.mark.parametrize("text, sides", [
    ("Nhật Bản và Pháp họp 2+2\n\nTại cuộc họp ở Paris, Nhật Bản và Pháp đã ký hiệp định về chuyển giao trang thiết bị "
     "và công nghệ quốc phòng.", ("FRA", "JPN")),
    ("Anh và Nhật Bản\n\nBộ trưởng Quốc phòng Anh và Nhật Bản đã ký thỏa thuận hợp tác quốc phòng mới tại London.",
     ("GBR", "JPN")),
    ("Việt Nam và Singapore\n\nBộ trưởng Quốc phòng Việt Nam và Singapore đã ký bản ghi nhớ về hợp tác quốc phòng "
     "tại Hà Nội.", ("VNM", "SGP")),
    ("Singapore và Việt Nam\n\nHai bộ trưởng quốc phòng Singapore và Việt Nam đã ký bản ghi nhớ về hợp tác quốc phòng.",
     ("VNM", "SGP")),
])
def test_an_agreement_is_supplied_by_japan_and_received_by_vietnam(text, sides):
    """exporters.json `agreement_suppliers` and `agreement_receivers`: the convention every annotator followed."""
    (deal,) = deals(text)
    assert (deal.kind, deal.buyer, deal.seller) == ("agreement", *sides)


@pytest.mark.parametrize("text, sides", [
    ("Việt Nam và Ba Lan\n\nHai thứ trưởng đã ký biên bản ghi nhớ giữa hai Bộ Quốc phòng Việt Nam và Ba Lan về mở "
     "rộng hợp tác quốc phòng.", ("VNM", "POL")),
    ("Hàn Quốc và Peru\n\nSeoul và Lima đã ký văn bản thỏa thuận để Hàn Quốc chuyển giao công nghệ quốc phòng cho "
     "Peru.", ("PER", "KOR")),
    ("Thổ Nhĩ Kỳ và Malaysia\n\nTrước đó, hai nước đã ký bản ghi nhớ riêng về mua sắm quốc phòng giữa hai chính phủ.",
     ("MYS", "TUR")),
])
def test_an_agreement_whose_subject_ends_in_defence_words_is_an_agreement(text, sides):
    (deal,) = deals(text)
    assert (deal.kind, deal.buyer, deal.seller, deal.status) == ("agreement", *sides, "signed")


@pytest.mark.parametrize("sentence", [
    "Hai nước đã ký thỏa thuận về việc triển khai lực lượng quân sự luân phiên.",
    "Hai nước đã ký một thỏa thuận nhằm tăng cường quan hệ quốc phòng.",
    "Hai nước đã ký thỏa thuận về tập trận quân sự chung hằng năm.",
])
def test_an_agreement_on_forces_exercises_or_only_an_aim_is_no_deal(sentence):
    assert deals("Nhật Bản và Philippines\n\n" + sentence) == ()


def test_a_named_agreement_and_its_acronym_are_one_record():
    text = (
        "Ấn Độ - Mỹ ký BECA\n\n"
        "Ngày 27/10, Ấn Độ và Mỹ đã ký Thỏa thuận Hợp tác và Trao đổi Cơ bản (BECA).\n\n"
        "Theo BECA, Ấn Độ được tiếp cận dữ liệu bản đồ của Mỹ."
    )
    (deal,) = deals(text, published="2020-10-27")
    assert (deal.kind, deal.buyer, deal.seller, deal.year) == ("agreement", "IND", "USA", 2020)
    assert deal.system == "Thỏa thuận Hợp tác và Trao đổi Cơ bản (BECA)"


def test_access_agreements_are_not_deals():
    text = (
        "Nhật Bản - Philippines\n\n"
        "Ngày 8/7, Nhật Bản và Philippines đã ký Hiệp định tiếp cận qua lại (RAA) cho phép quân đội hai nước "
        "hoạt động trên lãnh thổ của nhau."
    )
    assert deals(text) == ()


def test_two_contracts_for_the_same_equipment_with_different_values_stay_apart():
    text = (
        "Ba Lan mua xe tăng\n\n"
        "Ngày 1/8, Ba Lan đã ký hợp đồng với Hyundai Rotem để mua 180 xe tăng K2 trị giá 6,5 tỷ USD.\n\n"
        "Năm 2022, Ba Lan đã ký hợp đồng mua 180 xe tăng K2 với giá 3,37 tỷ USD."
    )
    found = sorted((d.value_usd, d.year) for d in deals(text, published="2025-08-02"))
    assert found == [(3.37e9, 2022), (6.5e9, 2025)]


def test_foreign_money_converts_at_the_deals_year_not_the_publication_year():
    text = ("Australia đóng tàu\n\nNăm 2016, Australia đã ký hợp đồng trị giá 50 tỷ AUD với Naval Group để mua "
            "12 tàu ngầm lớp Attack.")
    (deal,) = deals(text, published="2021-09-20")
    assert deal.year == 2016
    assert deal.value_usd == to_usd(50e9, "AUD", date(2016, 1, 1), "year")[0]
    assert deal.value_usd != to_usd(50e9, "AUD", date(2021, 1, 1), "year")[0]


def test_without_a_deal_year_foreign_money_converts_at_publication():
    text = "Thái Lan cân nhắc\n\nThái Lan đang đàm phán mua 4 tiêm kích Gripen của Thụy Điển, trị giá 550 triệu euro."
    (deal,) = deals(text, published="2025-03-14")
    assert deal.year is None and deal.value_usd == to_usd(550e6, "EUR", date(2025, 3, 14))[0]
    assert (deal.usd_rate_date, deal.usd_rate_source) == ("2025-03-14", "ECB")


@pytest.mark.parametrize("wording", [
    "Canberra hủy hợp đồng mua 12 tàu ngầm với Pháp",
    "Canberra đã hủy bỏ thương vụ mua 12 tàu ngầm của Pháp",
    "Canberra rút khỏi thỏa thuận mua 12 tàu ngầm của Pháp",
])
def test_cancellation_wordings(wording):
    text = f"Hủy thương vụ\n\nNăm 2021, {wording}, theo Reuters."
    (deal,) = deals(text, published="2021-09-20")
    assert (deal.buyer, deal.seller, deal.quantity, deal.status) == ("AUS", "FRA", 12, "cancelled")


def test_a_cancelled_tender_does_not_cancel_the_purchase_beside_it():
    text = ("Ấn Độ mua Rafale\n\nNăm 2015, Ấn Độ hủy gói thầu 126 chiếc, sau khi quyết định mua trực tiếp "
            "36 tiêm kích Rafale của Pháp. Hợp đồng được ký năm 2016.")
    rafale = next(d for d in deals(text, published="2016-09-24") if d.quantity == 36)
    assert rafale.status != "cancelled"


def test_a_destroyed_system_is_not_a_cancellation():
    text = "Tin chiến sự\n\nNga cho biết đã phá hủy một hệ thống HIMARS do Mỹ cung cấp cho Ukraine."
    assert all(d.status != "cancelled" for d in deals(text))


def test_ammunition_stocks_and_replaced_fleets_are_not_deals():
    text = ("Nhật mua Tomahawk\n\nNhật Bản đã ký thỏa thuận mua 400 tên lửa Tomahawk của Mỹ, trong bối cảnh "
            "lượng đạn dược dự trữ còn hạn chế và Tokyo muốn bổ sung kho dự trữ đạn dược. "
            "Kế hoạch mua sắm nhằm thay thế phi đội F-15 đã cũ.")
    (deal,) = deals(text, published="2024-01-19")
    assert (deal.buyer, deal.seller, deal.quantity, deal.category) == ("JPN", "USA", 400, "missile")


def test_a_contract_sentence_without_equipment_gives_its_value_year_and_stage():
    text = ("Radar cho Philippines\n\nNhật Bản cung cấp 4 hệ thống radar phòng không do Mitsubishi Electric sản xuất "
            "cho Không quân Philippines. Hợp đồng được ký năm 2020 với giá trị khoảng 100 triệu USD, "
            "và hệ thống đầu tiên đã được bàn giao vào cuối năm 2023.")
    (deal,) = deals(text, published="2025-08-19")
    assert (deal.buyer, deal.seller, deal.quantity) == ("PHL", "JPN", 4)
    assert (deal.value_usd, deal.value_qualifier, deal.year, deal.status) == (100e6, "approx", 2020, "delivered")


def test_a_range_keeps_its_lower_bound_as_over():
    text = "Trực thăng\n\nMỹ đề xuất bán 8 trực thăng Black Hawk cho Thái Lan, trị giá 3-4 tỷ USD."
    (deal,) = deals(text)
    assert (deal.value_usd, deal.value_qualifier) == (3e9, "over")


def test_quantity_in_batteries():
    text = "BrahMos\n\nPhilippines đã ký hợp đồng mua ba khẩu đội tên lửa BrahMos của Ấn Độ."
    (deal,) = deals(text, published="2022-01-28")
    assert deal.quantity == 3


def test_a_country_working_with_its_own_maker_buys_from_the_foreign_one():
    text = ("Tàu ngầm\n\nNew Delhi đã bắt đầu đàm phán với tập đoàn Mazagon Dock và đối tác ThyssenKrupp Marine Systems "
            "của Đức cho dự án đóng 6 tàu ngầm thông thường.")
    (deal,) = deals(text, published="2025-06-06")
    assert (deal.buyer, deal.seller, deal.quantity, deal.status) == ("IND", "DEU", 6, "negotiating")


def test_a_purchase_built_in_the_buyers_country_is_still_a_purchase():
    text = ("Tàu ngầm Scorpène\n\nIndonesia đã ký hợp đồng mua 2 tàu ngầm Scorpène từ Naval Group. "
            "Theo hợp đồng, hai tàu sẽ được đóng tại nhà máy của PT PAL ở Surabaya với sự chuyển giao công nghệ.")
    (deal,) = deals(text, published="2024-04-03")
    assert (deal.kind, deal.buyer, deal.seller) == ("purchase", "IDN", "FRA")


def test_a_contract_assembled_locally_in_the_same_sentence_is_a_purchase():
    text = ("Pháo tự hành\n\nNa Uy ký hợp đồng với Hanwha mua 24 pháo tự hành K9, "
            "phần lớn sẽ được lắp ráp tại nhà máy của Na Uy.")
    (deal,) = deals(text, published="2017-12-20")
    assert (deal.kind, deal.buyer, deal.seller, deal.quantity) == ("purchase", "NOR", "KOR", 24)


def test_jointly_producing_a_system_is_co_production():
    text = ("Động cơ\n\nMỹ và Ấn Độ ký thỏa thuận cùng sản xuất động cơ phản lực F414 cho máy bay chiến đấu Tejas.")
    (deal,) = deals(text, published="2023-06-22")
    assert (deal.kind, deal.buyer, deal.seller) == ("co-production", "IND", "USA")


def test_local_building_of_another_kind_of_equipment_does_not_change_the_kind():
    text = ("Ấn Độ nhận đủ tiêm kích Rafale\n\nẤn Độ đã nhận đủ 36 chiếc Rafale mua của Pháp theo hợp đồng ký năm 2016.\n\n"
            "Hai nước đang đàm phán đóng thêm 3 tàu ngầm Scorpène tại nhà máy Mazagon Dock ở Ấn Độ.")
    rafale = next(d for d in deals(text, published="2024-03-01") if d.category == "aircraft")
    assert rafale.kind == "purchase"


def test_a_support_package_sold_with_a_contract_is_not_aid():
    text = ("BrahMos cho Philippines\n\nPhilippines đã ký hợp đồng mua hệ thống tên lửa BrahMos của Ấn Độ.\n\n"
            "Theo phía Philippines, hợp đồng bao gồm ba khẩu đội tên lửa, cùng với gói hỗ trợ hậu cần.")
    (deal,) = deals(text, published="2022-01-28")
    assert (deal.buyer, deal.seller, deal.quantity) == ("PHL", "IND", 3)


def test_choosing_a_maker_to_build_is_a_signing_and_dates_the_conversion():
    text = ("Australia hủy hợp đồng tàu ngầm\n\nAustralia hủy hợp đồng tàu ngầm với Pháp.\n\n"
            "Năm 2016, Australia chọn Naval Group để đóng 12 tàu ngầm lớp Attack, chương trình có chi phí khoảng 90 tỷ AUD.")
    (deal,) = deals(text, published=None)
    assert (deal.buyer, deal.seller, deal.quantity, deal.status, deal.year) == ("AUS", "FRA", 12, "cancelled", 2016)
    assert deal.value_usd == to_usd(90e9, "AUD", date(2016, 1, 1), "year")[0]


def test_an_exact_count_replaces_a_hedged_one_of_the_same_size():
    text = ("Súng trường\n\nHai bên ký hợp đồng sản xuất hơn 600.000 khẩu súng trường AK-203 tại Ấn Độ với Nga, "
            "tổng số súng là 601.427 khẩu.")
    (deal,) = deals(text, published="2021-12-06")
    assert deal.quantity == 601_427


def test_withdrawing_from_a_place_is_not_a_deal():
    text = "Rút quân\n\nMỹ đã rút khỏi căn cứ ở Afghanistan, mang theo 20 máy bay trực thăng Black Hawk."
    assert deals(text) == ()


def test_first_chars_of_a_pattern_are_known_only_when_every_branch_starts_with_a_literal():
    from re import _parser as sre_parse

    from newsfacts.extract.prefilter import first_chars

    def first(pattern):
        start = first_chars(sre_parse.parse(pattern))
        return start and (start.chars, start.any_case)

    assert first(r"\bmua\b|bán|(?<!phá )hủy") == (frozenset("mbh"), False)
    assert first(r"(?:đã )?(?:giao|nhận)+") == (frozenset("đgn"), False)
    assert first(r"\w+") is None
    assert first(r"(?i:hơn)") == (frozenset("h"), True)
    assert first(r"(?i:(?-i:T)hơn)|v") == (frozenset("Tv"), False)
    assert first(r"(?i:theo)|về") == (frozenset("tv"), True)
    assert first(r"(?:đã )?") is None
    assert first(r"(?:(?<=và )|(?<=còn ))lần|\bvòng") == (frozenset("lv"), False)  # lookbehinds match no character


def test_a_guard_on_case_insensitive_words_lets_every_case_through():
    from newsfacts.extract.prefilter import guarded

    pattern = guarded(r"(?i:\btheo|về) ([A-Z]{3})")
    assert pattern.pattern.startswith("(?=(?i:[tv]))")
    assert [m.group(1) for m in pattern.finditer("Theo ABC, VỀ DEF và theo GHI, về jkl")] == ["ABC", "DEF", "GHI"]


GUARD_WORDS = st.sampled_from([
    "mua", "bán", "hợp đồng", "thỏa thuận", "đã ký", "ký kết", "hủy", "phá hủy", "đàm phán", "bàn giao", "đã nhận",
    "viện trợ", "gói hỗ trợ kỹ thuật", "tên lửa", "tiêm kích", "S-400", "Su-30MKI", "F-16V", "Rafale", "tàu ngầm",
    "cùng sản xuất", "kho dự trữ", "trang bị cho", "lô đầu tiên", "Ấn Độ", "Pháp", "36", "và", ",", ".", "(", ")",
    "Thỏa thuận", "Khung", "EDCA", "x", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(GUARD_WORDS, max_size=14), st.booleans())
def test_guarded_vocabulary_patterns_match_what_the_plain_patterns_match(words, lower):
    import re

    from newsfacts.extract.deals.vocabulary import _patterns
    from newsfacts.extract.prefilter import AnyAlternative, Prefiltered

    text = " ".join(words)
    text = text.lower() if lower else text
    compiled = _patterns()
    patterns = [p for value in compiled.values() for p in (value if isinstance(value, list) else [("", value)])]
    patterns = [("", p.rest) if isinstance(p, AnyAlternative) else (name, p) for name, p in patterns]
    compiled_patterns = [p.pattern if isinstance(p, Prefiltered) else p for _, p in patterns]
    guard = re.compile(r"\(\?=(?:\[[^\]]*\]|\(\?i:\[[^\]]*\]\))\)\(\?:")
    guarded = [pattern for pattern in compiled_patterns if guard.match(pattern.pattern)]
    assert len(guarded) >= 15
    assert any(pattern.pattern.startswith("(?=(?i:[") for pattern in guarded)
    for pattern in guarded:
        plain = re.compile(pattern.pattern[guard.match(pattern.pattern).end():-1])
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern.pattern


CLAUSE_WORDS = st.sampled_from([",", ";", " nhưng ", " sau khi ", " trong khi ", " còn ", " ", "a", "mua", "bán",
                                "nhưng", "khi", "còn", " sau", " trong"])


@settings(max_examples=400, deadline=None)
@given(st.lists(CLAUSE_WORDS, max_size=20), st.data())
def test_a_clause_read_from_the_sentence_breaks_is_the_clause_a_scan_up_to_it_finds(words, data):
    from newsfacts.extract.deals.stage import _CLAUSE_BREAK, _clause

    text = "".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    # A break word may look past `start` ("còn" before a verb is no break), so breaks are read on the whole text.
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() <= start), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    assert _clause(text, start, end) == (left, right)


def test_firms_of_a_country_signing_with_another_to_sell_are_the_sellers():
    text = ("UAE\n\nDưới thời Tổng thống Trump, các công ty của Mỹ đã ký hợp đồng với UAE bán 50 chiếc máy bay "
            "chiến đấu tàng hình F-35 và 18 chiếc máy bay không người lái Reaper.")
    assert {(d.buyer, d.seller, d.quantity) for d in deals(text)} == {("ARE", "USA", 50), ("ARE", "USA", 18)}


def test_receiving_a_notice_is_no_delivery_and_makes_no_buyer():
    text = ("UAE\n\nMỹ đã nhận được thông báo từ UAE rằng nước này dừng đàm phán mua máy bay chiến đấu F-35.")
    found = deals(text)
    assert [(d.buyer, d.seller) for d in found] == [("ARE", "USA")]
    assert found[0].status != "delivered"


def test_a_support_package_a_sale_verb_governs_is_sold_not_aid():
    text = ("Mỹ duyệt bán vũ khí\n\nBộ Ngoại giao Mỹ cũng phê duyệt bán các hệ thống radar cảm biến phòng không và "
            "phòng thủ tên lửa cho Kuwait với chi phí khoảng 8 tỷ USD, cùng gói hỗ trợ máy bay và đạn dược cho Jordan "
            "trị giá khoảng 70,5 triệu USD.")
    found = {(d.buyer, d.seller, d.value_usd) for d in deals(text)}
    assert ("KWT", "USA", 8e9) in found
    assert len([d for d in deals(text) if d.buyer == "KWT"]) == 1


def test_an_approved_possible_sale_is_proposed():
    for verb in ("phê chuẩn thương vụ bán", "chấp thuận đề xuất bán", "phê duyệt khả năng bán"):
        text = f"Mỹ duyệt bán\n\nBộ Ngoại giao Mỹ đã {verb} 10 tên lửa Patriot PAC-3 cho Saudi Arabia."
        assert [(d.buyer, d.seller, d.status) for d in deals(text)] == [("SAU", "USA", "proposed")], verb


def test_an_approval_naming_only_its_recipient_is_a_sale_by_the_roundups_seller():
    text = ("Mỹ duyệt bán vũ khí cho Hà Lan và Úc\n\nBộ Ngoại giao Mỹ phê duyệt bán 96 tên lửa Patriot cho Hà Lan. "
            "Úc cũng đã được chấp thuận mua 80 tên lửa hành trình tầm xa. Bộ Ngoại giao Mỹ cũng cho phép bán các loại "
            "bom trị giá 397 triệu USD cho Kuwait.")
    assert {(d.buyer, d.seller, d.status) for d in deals(text)} == {
        ("NLD", "USA", "proposed"), ("AUS", "USA", "proposed"), ("KWT", "USA", "proposed")}


def test_systems_listed_after_a_long_description_share_the_verb_and_the_rest_of_a_package_is_no_system():
    text = ("UAE\n\nUAE đã đề nghị phía Washington bán 100 tên lửa Patriot GEM-T được trang bị hệ thống dẫn đường hiện "
            "đại (do tập đoàn Raytheon chế tạo), 60 tên lửa Patriot PAC-3 và ống phóng cùng một số trang thiết bị quân "
            "sự khác.")
    assert sorted((d.system, d.quantity, d.status) for d in deals(text)) == [
        ("tên lửa Patriot GEM-T", 100, "proposed"), ("tên lửa Patriot PAC-3", 60, "proposed")]


def test_a_system_with_its_own_trade_verb_keeps_its_own_stage():
    text = ("Hàn Quốc\n\nNăm 2022, Seoul đã bàn giao hệ thống tên lửa Cheongung cho UAE, cũng như bán pháo tự hành K9 "
            "cho Ai Cập.")
    found = {d.buyer: d.status for d in deals(text)}
    assert found["ARE"] == "delivered" and found["EGY"] != "delivered"


def test_a_value_told_after_a_news_agencys_name_joins_the_deal():
    text = ("Ba Lan\n\nBa Lan đã ký hợp đồng mua 96 máy bay trực thăng AH-64E Apache của Mỹ. "
            "Theo AFP, Bộ trưởng nhấn mạnh thương vụ trị giá khoảng 10 tỷ USD mang tính bước ngoặt.")
    (deal,) = deals(text)
    assert (deal.quantity, deal.value_usd, deal.value_qualifier) == (96, 1e10, "approx")


def test_one_model_under_two_names_is_one_deal_and_a_value_sentence_with_guessed_roles_joins_it():
    text = ("Ba Lan\n\nBa Lan sẽ tiếp nhận 96 trực thăng tấn công AH-64E Apache từ Mỹ, Bộ Ngoại giao Mỹ cho biết. "
            "Thương vụ trị giá 12 tỷ USD này sẽ cải thiện năng lực của Ba Lan, theo Bộ Ngoại giao Mỹ. "
            "Ba Lan năm ngoái quyết định mua trực thăng vũ trang Apache do Mỹ chế tạo.")
    (deal,) = deals(text, "2023-08-22")
    assert (deal.buyer, deal.seller, deal.quantity, deal.value_usd) == ("POL", "USA", 96, 12e9)


def test_every_system_of_a_list_sold_to_one_buyer_goes_to_that_buyer_even_with_makers_named_between():
    text = ("Hàn Quốc\n\nTrước khi bán cho Ba Lan 48 máy bay chiến đấu FA-50 do KAI sản xuất, 180 xe tăng chiến đấu K2 "
            "do Hyundai Rotem sản xuất, năm 2022, Seoul đã bàn giao hệ thống tên lửa Cheongung cho UAE trị giá 3,6 tỷ USD.")
    found = {d.system: (d.buyer, d.value_usd) for d in deals(text, "2023-01-01")}
    assert found["máy bay chiến đấu FA-50"] == ("POL", None)
    assert found["xe tăng chiến đấu K2"] == ("POL", None)
    assert found["hệ thống tên lửa Cheongung"] == ("ARE", 3.6e9)


def test_service_still_in_doubt_delivers_nothing_but_the_air_force_completing_deployment_does():
    text = ("Australia\n\nAustralia sẽ mua 11 khinh hạm Mogami của Nhật Bản. "
            "Hiện vẫn chưa rõ ngày đóng và đưa vào hoạt động tàu Mogami do Australia đóng.")
    assert [d.status for d in deals(text)] == ["proposed"]
    text = ("S-400\n\nẤn Độ đã ký hợp đồng mua 5 hệ thống S-400 của Nga. "
            "Lực lượng Không quân Ấn Độ sẽ hoàn thành việc triển khai S-400 trong 6 tuần.")
    assert [d.status for d in deals(text)] == ["delivered"]


def test_dropping_a_deal_cancels_it():
    text = ("Indonesia\n\nHồi tháng 12/2021, Indonesia thông báo bỏ thương vụ tiêm kích Su-35S trị giá hơn 1,1 tỷ USD "
            "với Nga.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2022-02-11")] == [("IDN", "RUS", "cancelled")]


def test_a_further_order_of_the_same_system_is_its_own_deal_with_its_own_stage():
    text = ("F-35\n\nMỹ đã ký với Thổ Nhĩ Kỳ hợp đồng mua 30 máy bay F-35A và dự kiến đặt thêm 70 chiếc sau khi hoàn tất "
            "hợp đồng đầu tiên.")
    assert sorted((d.quantity, d.status) for d in deals(text, "2018-06-20")) == [(30, "signed"), (70, "proposed")]


def test_a_maker_named_after_one_system_is_not_the_seller_of_another():
    text = ("Thổ Nhĩ Kỳ\n\nWashington muốn Ankara mua hệ thống tên lửa Patriot do Mỹ sản xuất, thay vì mua tổ hợp S-400 "
            "của Nga.")
    found = {d.system: (d.buyer, d.seller) for d in deals(text, "2018-06-20")}
    assert found["S-400"] == ("TUR", "RUS") and found["hệ thống tên lửa Patriot"] == ("TUR", "USA")


def test_handing_over_equipment_is_a_trade_and_a_delivery():
    text = ("UAV\n\nCông ty Baykar của Thổ Nhĩ Kỳ đã giao 20 máy bay không người lái có vũ trang cho Các Tiểu vương quốc "
            "Ả Rập Thống nhất trong tháng này.")
    assert [(d.buyer, d.seller, d.quantity, d.status) for d in deals(text, "2022-09-27")] == [
        ("ARE", "TUR", 20, "delivered")]
    assert deals("Ngoại giao\n\nHai nước đã giao lưu quốc phòng và ngoại giao tại Hà Nội.") == ()


def test_a_gift_makes_no_aid_of_other_equipment_of_its_kind_the_same_countries_trade():
    text = ("Philippines\n\nBộ Quốc phòng Philippines đã ký hợp đồng với Tập đoàn HHI của Hàn Quốc để đóng 6 tàu tuần tra "
            "xa bờ. Hàn Quốc sẽ chuyển giao thêm cho Philippines một tàu hộ vệ lớp Pohang, dưới hình thức tặng.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2022-06-28")] == [("PHL", "KOR", 6)]


def test_counted_equipment_in_a_sentence_naming_no_country_is_traded_by_the_articles_one_pair():
    text = ("Philippines\n\nBộ Quốc phòng Philippines đã ký hợp đồng với Tập đoàn HHI của Hàn Quốc để đóng 6 tàu tuần tra "
            "xa bờ. Theo hợp đồng trị giá 16 tỷ peso ký năm 2016, hãng này đã đóng và bàn giao hai khinh hạm tên lửa "
            "lớp Jose Rizal.")
    found = {d.quantity: (d.buyer, d.seller) for d in deals(text, "2022-06-28")}
    assert found == {6: ("PHL", "KOR"), 2: ("PHL", "KOR")}


def test_talks_that_fell_apart_cancel_the_deal_but_a_near_collapse_does_not():
    text = ("Rafale\n\nNăm 2012, Rafale được chọn trong gói thầu mua 126 máy bay chiến đấu của Pháp cho Ấn Độ, nhưng các cuộc "
            "đàm phán giá và chuyển giao công nghệ rơi vào bế tắc.")
    assert [d.status for d in deals(text, "2016-09-23")] == ["cancelled"]
    text = ("F-35\n\nMỹ đã ký hợp đồng bán 30 F-35 cho Thổ Nhĩ Kỳ. Tuy nhiên, thương vụ trên đã suýt \"đổ vỡ\" khi Mỹ "
            "có ý định dừng bán.")
    assert [d.status for d in deals(text, "2018-06-20")] == ["signed"]


def test_a_contract_announced_with_a_foreign_firm_to_buy_names_the_firms_country_as_seller():
    text = ("Indonesia\n\nNgày 28/3, Bộ Quốc phòng Indonesia công bố hợp đồng trị giá 1,18 tỷ euro (khoảng 1,27 tỷ USD) "
            "với tập đoàn Fincantieri của Italy để mua hai tàu tuần tra xa bờ.")
    assert [(d.buyer, d.seller, d.quantity, d.value_usd) for d in deals(text, "2024-03-29")] == [
        ("IDN", "ITA", 2, 1.27e9)]


def test_the_total_of_several_contracts_stays_off_each_and_a_type_named_back_is_no_system():
    text = ("UAE\n\nNgày 3/12, UAE đã ký hợp đồng mua 80 máy bay chiến đấu Rafale của Pháp, đơn hàng lớn nhất kể từ khi loại "
            "máy bay này đi vào hoạt động. Riêng hợp đồng Rafale có giá trị khoảng 16 tỷ euro. Cũng trong dịp này, UAE "
            "đặt mua 12 trực thăng H225M Caracal của Pháp. Tổng giá trị hai hợp đồng vào khoảng 17 tỷ euro.")
    found = {d.quantity: d.value_amount for d in deals(text, "2021-12-04")}
    assert found == {80: 16e9, 12: None}


def test_equipment_bought_for_a_price_is_no_aid_though_the_article_tells_a_grant_of_its_kind():
    text = ("Nhật Bản viện trợ radar cho Philippines\n\nNhật Bản viện trợ không hoàn lại cho Philippines các radar giám sát "
            "bờ biển theo khuôn khổ OSA. Hồi tháng 10, tập đoàn Mitsubishi Electric của Nhật Bản đã bàn giao cho "
            "Philippines hệ thống radar giám sát phòng không đầu tiên trong số bốn radar mà Philippines đặt mua theo hợp "
            "đồng ký năm 2020, trị giá 103,5 triệu USD.")
    assert [(d.buyer, d.seller, d.value_usd) for d in deals(text, "2023-11-04")] == [("PHL", "JPN", 103.5e6)]


@pytest.mark.parametrize(("sentence", "status"), [
    ("Theo hợp đồng ký năm 2016, hãng HHI của Hàn Quốc đã đóng và bàn giao hai khinh hạm cho Philippines.", "delivered"),
    ("Năm 2021, Indonesia từng thông báo ý định mua sáu khinh hạm FREMM của Italy.", "proposed"),
])
def test_built_and_handed_over_is_delivered_and_an_intention_to_buy_is_proposed(sentence, status):
    assert [d.status for d in deals("Tin\n\n" + sentence, "2024-03-29")] == [status]


def test_a_purchase_under_consideration_is_being_negotiated():
    text = "Ấn Độ\n\nBộ Quốc phòng Ấn Độ đang xem xét khả năng mua thêm 5 hệ thống S-400 của Nga."
    assert [d.status for d in deals(text, "2025-07-01")] == ["negotiating"]


def test_a_signing_told_without_the_equipment_makes_the_deal_signed():
    text = ("Đức mua Arrow 3\n\nBộ trưởng Quốc phòng Đức nhấn mạnh lễ ký kết thỏa thuận là ngày lịch sử đối với hai nước. "
            "Đức hy vọng hệ thống tên lửa Arrow 3 của Israel có thể được bàn giao vào quý IV/2025.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2023-09-29")] == [("DEU", "ISR", "signed")]


def test_an_order_on_top_of_an_earlier_one_of_the_same_size_is_a_new_deal():
    text = ("Philippines đặt mua thêm 12 máy bay chiến đấu FA-50\n\nBộ Quốc phòng Philippines và tập đoàn KAI của Hàn Quốc "
            "đã ký hợp đồng cung cấp thêm 12 máy bay chiến đấu hạng nhẹ FA-50, trị giá khoảng 700 triệu USD. "
            "Philippines lần đầu đặt mua 12 chiếc FA-50PH vào năm 2014 với giá 18,9 tỷ peso.")
    found = sorted((d.year, d.value_currency) for d in deals(text, "2025-06-03"))
    assert found == [(2014, "PHP"), (2025, "USD")]


def test_a_signing_still_expected_makes_the_deal_negotiated_and_an_earlier_order_from_the_same_firm_is_the_pairs():
    text = ("Australia chọn Redback\n\nChính phủ Australia công bố chọn tập đoàn Hanwha của Hàn Quốc cung cấp 129 xe chiến "
            "đấu bộ binh Redback. Hợp đồng chính thức dự kiến được ký trong những tháng tới. Tháng 12/2021, Canberra đã "
            "ký hợp đồng với công ty này để mua 30 pháo tự hành AS9 Huntsman.")
    found = {d.quantity: (d.buyer, d.seller, d.status) for d in deals(text, "2023-07-28")}
    assert found == {129: ("AUS", "KOR", "negotiating"), 30: ("AUS", "KOR", "signed")}


def test_a_kind_of_equipment_bought_with_no_detail_is_no_record_but_a_counted_one_is():
    text = "Philippines\n\nPhilippines cũng đang cân nhắc mua tàu ngầm của Pháp."
    assert deals(text, "2024-03-01") == ()
    text = "Philippines\n\nPhilippines đang cân nhắc mua hai tàu ngầm của Pháp."
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-03-01")] == [("PHL", "FRA", 2)]


def test_what_a_buyer_might_one_day_consider_is_no_deal():
    text = ("UAE\n\nMỹ cho rằng Abu Dhabi có thể xem xét khả năng mua máy bay chiến đấu Su-57 của Nga.")
    assert deals(text, "2021-12-15") == ()


def test_a_logistics_memorandum_named_before_a_relative_clause_is_an_agreement():
    text = ("Việt Nam - Ấn Độ\n\nHai bên điểm lại Bản ghi nhớ về hỗ trợ hậu cần lẫn nhau mà Bộ trưởng Quốc phòng Việt Nam "
            "và Ấn Độ ký tại Hà Nội vào tháng 6/2022.")
    assert [(d.kind, d.status, d.year) for d in deals(text, "2025-11-11")] == [("agreement", "signed", 2022)]


def test_a_system_listed_with_a_known_model_comes_from_the_same_seller():
    text = ("Pháo tự hành\n\nHợp đồng với Bộ Quốc phòng Na Uy được ký hôm qua, bao gồm 24 pháo tự hành K9 "
            "và 6 xe tiếp đạn bọc thép K10.")
    found = {d.system: (d.buyer, d.seller, d.quantity) for d in deals(text, published="2017-12-21")}
    assert found["xe tiếp đạn bọc thép K10"] == ("NOR", "KOR", 6)


def test_uncounted_equipment_listed_after_the_systems_is_what_comes_with_them():
    text = ("Pháo tự hành\n\nNa Uy ký hợp đồng mua 24 pháo tự hành K9 và 6 xe tiếp đạn K10 của Hàn Quốc, "
            "cùng đạn dược và phụ tùng đi kèm.")
    systems = sorted(d.system for d in deals(text, published="2017-12-21"))
    assert systems == ["pháo tự hành K9", "xe tiếp đạn K10"]


def test_a_package_total_told_in_the_next_sentence_stays_off_its_systems():
    text = ("Pháo tự hành\n\nHợp đồng giữa Hanwha Aerospace và Bộ Quốc phòng Na Uy được ký hôm qua, bao gồm 24 pháo tự hành K9 và "
            "6 xe tiếp đạn K10. Tổng giá trị gói mua sắm khoảng 2.000 tỷ won, tương đương gần 230 triệu USD, "
            "là hợp đồng lớn nhất của Na Uy.")
    found = {d.system: d.value_usd for d in deals(text, published="2017-12-21")}
    assert found == {"pháo tự hành K9": None, "xe tiếp đạn K10": None}


def test_a_price_told_after_a_single_system_is_its_value():
    text = ("Pháo tự hành\n\nNa Uy ký hợp đồng mua 24 pháo tự hành K9 của Hàn Quốc. "
            "Tổng giá trị hợp đồng khoảng 230 triệu USD.")
    (deal,) = deals(text, published="2017-12-21")
    assert deal.value_usd == 230e6


def test_a_generation_does_not_end_the_system_name():
    text = ("KAAN\n\nIndonesia sẽ mua 48 máy bay chiến đấu thế hệ thứ năm KAAN của Thổ Nhĩ Kỳ.")
    (deal,) = deals(text, published="2025-06-12")
    assert deal.system == "máy bay chiến đấu thế hệ thứ năm KAAN"


def test_a_green_light_for_a_sale_is_a_proposal():
    text = ("F-35 cho Hy Lạp\n\nWashington bật đèn xanh cho việc bán 40 tiêm kích F-35 cho Hy Lạp, "
            "với giá trị ước tính 8,6 tỷ USD.")
    (deal,) = deals(text, published="2024-01-27")
    assert (deal.buyer, deal.seller, deal.status) == ("GRC", "USA", "proposed")


def test_equipment_moved_to_the_buyer_is_delivered():
    text = ("S-400\n\nThỏa thuận mua hệ thống S-400 của Nga được Ankara ký năm 2017, và những khẩu đội đầu tiên "
            "đã được chuyển tới Thổ Nhĩ Kỳ từ tháng 7/2019.")
    (deal,) = deals(text, published="2024-01-27")
    assert (deal.buyer, deal.seller, deal.status) == ("TUR", "RUS", "delivered")


def test_more_of_the_type_named_before_is_the_same_deal():
    text = ("ERAM cho Ukraine\n\nMỹ phê duyệt bán cho Ukraine hơn 3.000 tên lửa ERAM với giá 825 triệu USD. "
            "Trước đó Ukraine đã yêu cầu Mỹ cung cấp tới 3.350 tên lửa loại này, cùng với các hệ thống dẫn đường.")
    (deal,) = deals(text, published="2025-08-29")
    assert (deal.system, deal.quantity, deal.value_usd) == ("tên lửa ERAM", 3000, 825e6)


def test_putting_a_system_in_service_against_a_third_country_delivers_it():
    text = ("S-400\n\nẤn Độ đã đặt mua 5 hệ thống S-400 từ Nga, nhưng việc tiếp nhận bị trì hoãn.\n\n"
            "Năm 2021, Ấn Độ đã bắt đầu triển khai hệ thống S-400 đầu tiên ở Punjab để đối phó không quân Pakistan.")
    (deal,) = deals(text, published="2025-06-01")
    assert (deal.buyer, deal.seller, deal.status) == ("IND", "RUS", "delivered")


def test_the_dollar_figure_the_body_gives_wins_over_a_rounded_title_price():
    text = ("Ai Cập chi gần 4 tỷ euro mua thêm 30 tiêm kích Rafale\n\n"
            "Ai Cập đã ký hợp đồng mua thêm 30 máy bay chiến đấu Rafale của Pháp. "
            "Theo báo chí Pháp, riêng hợp đồng 30 chiếc Rafale có giá trị khoảng 3,75 tỷ euro (khoảng 4,5 tỷ USD).")
    (deal,) = deals(text, published="2021-05-04")
    assert (deal.buyer, deal.seller, deal.quantity, deal.value_usd) == ("EGY", "FRA", 30, 4.5e9)


def test_an_earlier_order_of_the_same_size_dated_apart_stays_its_own_deal():
    text = ("Philippines mua thêm 12 máy bay FA-50\n\n"
            "Philippines đã ký hợp đồng trị giá hơn 700 triệu USD với KAI của Hàn Quốc để mua 12 máy bay FA-50 Block 70. "
            "Năm 2014, Manila đã ký hợp đồng mua 12 chiếc FA-50PH với giá 18,9 tỷ peso.")
    found = sorted((d.year, d.quantity) for d in deals(text, published="2025-06-04"))
    assert found == [(2014, 12), (2025, 12)]


def test_a_counted_order_naming_only_its_buyer_is_from_the_articles_one_seller():
    text = ("Rafale\n\nAi Cập đã ký hợp đồng mua thêm 30 máy bay Rafale của Pháp. "
            "Hy Lạp cũng ký hợp đồng mua 18 chiếc Rafale của Pháp. "
            "Tháng 2/2015, Cairo ký hợp đồng mua 24 chiếc với giá trị khoảng 5,2 tỷ euro, và số máy bay này đã phục vụ.")
    found = {(d.buyer, d.seller, d.quantity, d.year) for d in deals(text, published="2021-05-04")}
    assert ("EGY", "FRA", 2015) in {(buyer, seller, year) for buyer, seller, _, year in found}


def test_second_hand_equipment_is_sold_by_the_owner_the_text_names():
    text = ("Mirage\n\nTháng 1/2023, Indonesia đã ký hợp đồng mua 12 tiêm kích Mirage 2000-5 đã qua sử dụng của Qatar.")
    (deal,) = deals(text, published="2023-02-01")
    assert (deal.buyer, deal.seller, deal.quantity) == ("IDN", "QAT", 12)


def test_a_system_awaited_in_a_later_clause_is_not_traded_with_the_one_bought():
    text = ("Mirage\n\nIndonesia đã ký hợp đồng trị giá 733 triệu euro mua 12 tiêm kích Mirage 2000-5 "
            "đã qua sử dụng của Qatar, nhằm lấp khoảng trống trong thời gian chờ Rafale.")
    assert [d.seller for d in deals(text, published="2023-02-01")] == ["QAT"]


def test_a_system_given_up_in_a_later_clause_is_a_cancelled_deal_of_its_own():
    text = ("Indonesia đặt mua 42 tiêm kích Rafale, từ bỏ Su-35 của Nga\n\n"
            "Indonesia ngày 10/2 đã ký hợp đồng mua 42 tiêm kích Rafale của Pháp.")
    found = {d.seller: d.status for d in deals(text, published="2022-02-11")}
    assert found == {"FRA": "signed", "RUS": "cancelled"}


def test_buyers_counted_beside_the_system_under_discussion_are_deals_of_their_own():
    text = ("Croatia mua Rafale\n\nCroatia đã ký hợp đồng mua 12 tiêm kích Rafale của Pháp. Croatia là nước thứ ba trong "
            "năm nay ký hợp đồng mua Rafale, sau Hy Lạp với 18 chiếc hồi tháng 1 và Ai Cập với 30 chiếc hồi tháng 5. "
            "Trước đó, Qatar và Ấn Độ mỗi nước cũng đặt mua 36 chiếc.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2021-11-26")}
    assert found == {("HRV", "FRA", 12), ("GRC", "FRA", 18), ("EGY", "FRA", 30), ("QAT", "FRA", 36),
                     ("IND", "FRA", 36)}


def test_a_count_followed_by_a_model_is_that_models_not_the_system_under_discussion():
    text = ("Rafale\n\nẤn Độ đã ký hợp đồng mua 26 tiêm kích Rafale-M của Pháp, sau khi Ấn Độ đặt mua 36 chiếc Su-30 "
            "của Nga.")
    assert ("IND", "FRA", 36) not in {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2025-04-29")}


def test_a_combat_ship_named_by_its_role_is_naval_equipment():
    text = ("LMS\n\nBộ Quốc phòng Malaysia đã trao thư chấp thuận mua sắm cho tập đoàn STM của Thổ Nhĩ Kỳ "
            "để đóng 3 tàu tác chiến ven biển.")
    (deal,) = deals(text, published="2024-06-11")
    assert (deal.buyer, deal.seller, deal.category, deal.quantity) == ("MYS", "TUR", "naval", 3)


def test_a_memorandum_on_promoting_defence_cooperation_is_an_agreement():
    text = ("Việt Nam - Mỹ\n\nNăm 2011, hai nước đã ký Bản ghi nhớ về thúc đẩy hợp tác quốc phòng song phương giữa "
            "Việt Nam và Mỹ.")
    (deal,) = deals(text, published="2019-03-26")
    assert (deal.kind, {deal.buyer, deal.seller}, deal.year) == ("agreement", {"VNM", "USA"}, 2011)


def test_a_defence_cooperation_protocol_is_an_agreement():
    text = ("Việt Nam - Campuchia\n\nHai bên đang đàm phán Nghị định thư hợp tác quốc phòng giữa Việt Nam và Campuchia "
            "giai đoạn 2025 - 2029.")
    (deal,) = deals(text, published="2025-03-01")
    assert (deal.kind, {deal.buyer, deal.seller}, deal.status) == ("agreement", {"VNM", "KHM"}, "negotiating")


def test_a_buyer_of_this_system_buys_the_system_under_discussion():
    text = ("Cheongung-II cho Iraq\n\nIraq đã ký hợp đồng mua 8 hệ thống tên lửa phòng không Cheongung-II của Hàn Quốc. "
            "Tháng 1/2022, UAE ký hợp đồng trị giá 3,5 tỷ USD mua hệ thống này.")
    found = {(d.buyer, d.seller, d.value_usd, d.year) for d in deals(text, published="2024-09-21")}
    assert ("ARE", "KOR", 3.5e9, 2022) in found


def test_a_system_name_ends_before_a_hedged_figure_or_a_day():
    text = ("Tomahawk\n\nNhật Bản đã ký hợp đồng mua 400 tên lửa Tomahawk có tầm bắn khoảng 1.600 km. "
            "UAE ký hợp đồng mua 80 tiêm kích Rafale hơn 10 năm sau khi đàm phán.")
    assert sorted(d.system for d in deals(text, published="2024-01-18")) == ["tiêm kích Rafale", "tên lửa Tomahawk"]


def test_a_country_in_an_aside_about_the_buyer_is_not_the_buyer():
    text = ("Algeria\n\nAlgeria - khách hàng lâu năm của công nghiệp quốc phòng Nga - được cho là đã đặt mua 14 máy bay "
            "chiến đấu Su-57.")
    (deal,) = deals(text, published="2025-02-12")
    assert (deal.buyer, deal.seller) == ("DZA", "RUS")


def test_what_a_bought_ship_is_armed_with_is_not_traded():
    text = ("LMS\n\nHiện Malaysia đang vận hành 4 tàu tuần tra mua từ Trung Quốc, chỉ được trang bị pháo cỡ nhỏ.")
    assert {d.category for d in deals(text, published="2024-06-11")} == {"naval"}


def test_a_first_batch_of_a_model_named_back_belongs_to_its_contract():
    text = ("Indonesia nhận lô tiêm kích Rafale đầu tiên\n\nIndonesia đã ký hợp đồng mua 42 tiêm kích Rafale của Pháp "
            "vào tháng 2/2022. Ba chiếc Rafale này thuộc hợp đồng mua 42 máy bay trị giá khoảng 8,1 tỷ USD mà Jakarta ký "
            "với Paris.")
    assert [(d.quantity, d.value_usd) for d in deals(text, published="2026-01-24")] == [(42, 8.1e9)]


def test_a_rejected_offer_to_sell_is_a_cancelled_purchase_by_the_country_that_rejected_it():
    text = ("UAE\n\nAbu Dhabi hồi năm 2011 công khai từ chối đề xuất bán 60 chiến đấu cơ của Paris, cho rằng thỏa thuận "
            "thiếu tính cạnh tranh.")
    (deal,) = deals(text, published="2021-12-04")
    assert (deal.buyer, deal.seller, deal.quantity, deal.status) == ("ARE", "FRA", 60, "cancelled")


def test_countries_with_respective_counts_are_buyers_of_the_system_under_discussion():
    text = ("UAE\n\nHợp đồng bán 80 tiêm kích Rafale cho UAE là hợp đồng xuất khẩu lớn nhất của dòng chiến đấu cơ này. "
            "Kỷ lục trước đó thuộc về Qatar và Ai Cập với lần lượt 36 và 54 chiếc.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2021-12-04")}
    assert found == {("ARE", "FRA", 80), ("QAT", "FRA", 36), ("EGY", "FRA", 54)}


def test_the_line_of_a_system_named_back_is_no_deal():
    text = ("UAE\n\nUAE ký hợp đồng mua 80 tiêm kích đa năng Rafale trị giá không dưới 15 tỷ USD. Tổng trị giá của gói "
            "hợp đồng này rơi vào khoảng 19,2 tỷ USD.\n\nHợp đồng bán 80 tiêm kích Rafale cho UAE là hợp đồng xuất khẩu "
            "lớn nhất của dòng chiến đấu cơ này kể từ khi được Pháp đưa vào biên chế năm 2004.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, published="2021-12-04")] == [("ARE", "FRA", 80)]


def test_this_country_buys_what_the_article_was_telling_of_and_each_makers_system_is_its_to_sell():
    text = ("Indonesia\n\nIndonesia đã ký hợp đồng mua 48 tiêm kích KAAN của Thổ Nhĩ Kỳ. Nước này cũng đang cân nhắc mua "
            "tiêm kích J-10 của Trung Quốc và tiếp tục đàm phán mua F-15EX do Mỹ sản xuất.")
    found = {(d.buyer, d.seller) for d in deals(text, published="2025-06-12")}
    assert found == {("IDN", "TUR"), ("IDN", "CHN"), ("IDN", "USA")}


def test_systems_a_buyer_is_still_weighing_are_deals_under_negotiation():
    text = ("Indonesia\n\nNăm 2025, Indonesia ký hợp đồng mua 48 tiêm kích KAAN của Thổ Nhĩ Kỳ, trong khi vẫn đang cân "
            "nhắc tiêm kích J-10 của Trung Quốc và F-15EX của Mỹ.")
    found = {(d.buyer, d.seller, d.status) for d in deals(text, published="2026-01-24")}
    assert found == {("IDN", "TUR", "signed"), ("IDN", "CHN", "negotiating"), ("IDN", "USA", "negotiating")}


def test_the_owner_of_a_system_named_with_cua_is_never_the_subject_of_the_next_verb():
    text = ("Rafale\n\nẤn Độ đã ký thỏa thuận liên chính phủ mua 36 tiêm kích Rafale của Pháp năm 2016 và bắt đầu nhận "
            "máy bay từ năm 2020.")
    assert {(d.buyer, d.seller) for d in deals(text, published="2022-03-12")} == {("IND", "FRA")}


def test_a_country_in_brackets_after_another_only_qualifies_it():
    text = ("Abrams\n\nĐài Loan (Trung Quốc) đã nhận lô 38 xe tăng M1A2T Abrams đầu tiên mua của Mỹ.")
    assert {(d.buyer, d.seller) for d in deals(text, published="2024-12-16")} == {("TWN", "USA")}


def test_a_makers_worldwide_tally_is_no_ones_deal():
    text = ("F414\n\nGE và HAL đã ký bản ghi nhớ cùng sản xuất động cơ F414 tại Ấn Độ cho tiêm kích Tejas Mk2. "
            "Hơn 1.600 động cơ F414 đã được chuyển giao trên toàn thế giới.")
    (deal,) = deals(text, published="2023-06-23")
    assert (deal.kind, deal.quantity, deal.status) == ("co-production", None, "signed")


def test_a_sale_withheld_is_no_deal():
    text = ("Ai Cập\n\nGiới phân tích cho rằng việc Washington hạn chế bán tên lửa tầm xa cho Cairo là lý do khiến Ai Cập "
            "tìm nhà cung cấp khác.")
    assert deals(text, published="2025-05-13") == ()


def test_troops_named_by_their_arm_are_no_equipment():
    text = ("Archer\n\nThụy Điển và Anh đã ký thư ý định về việc mua thêm Archer nhằm thành lập một tiểu đoàn pháo binh "
            "mới.")
    assert {d.system for d in deals(text, published="2023-09-14")} <= {"Archer"}


def test_a_sale_to_several_recipients_is_one_record_per_buyer_without_the_shared_count():
    text = ("Rafale\n\nTrong năm 2021, Pháp cũng đã bán 30 chiếc Rafale cho Hy Lạp và Croatia. "
            "Mỹ bán vũ khí cho Đài Loan và Trung Quốc phản đối.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2022-01-10")}
    assert found == {("GRC", "FRA", None), ("HRV", "FRA", None)}


def test_a_count_for_each_of_several_recipients_is_kept():
    text = "Trực thăng\n\nMỹ phê duyệt bán cho Na Uy và Đan Mạch mỗi nước 12 trực thăng vào tháng 3/2023."
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2023-04-10")}
    assert found == {("NOR", "USA", 12), ("DNK", "USA", 12)}


def test_ships_in_service_built_by_another_country_are_delivered_purchases_from_it():
    text = ("Rafale\n\nAi Cập ký hợp đồng mua 30 tiêm kích Rafale của Pháp. Hải quân Ai Cập đã đưa vào biên chế một tàu "
            "khu trục nhỏ FREMM, 4 tàu hộ tống lớp Gowind và 2 tàu đổ bộ chở trực thăng lớp Mistral do Pháp đóng. "
            "Các tiêm kích mới sẽ thay thế 14 tiêm kích Mirage 2000 do Pháp sản xuất mà không quân Ai Cập đang sử dụng.")
    found = {(d.system, d.buyer, d.seller, d.quantity, d.category, d.status)
             for d in deals(text, published="2021-05-05") if d.status == "delivered"}
    assert found == {
        ("tàu khu trục nhỏ FREMM", "EGY", "FRA", 1, "naval", "delivered"),
        ("tàu hộ tống lớp Gowind", "EGY", "FRA", 4, "naval", "delivered"),
        ("tàu đổ bộ chở trực thăng lớp Mistral", "EGY", "FRA", 2, "naval", "delivered"),
    }


def test_equipment_its_buyer_already_operates_is_delivered_whatever_the_contract_stage():
    text = ("Kilo\n\nHải quân Việt Nam hiện cũng vận hành 6 tàu ngầm Kilo do Nga đóng theo hợp đồng ký năm 2009. "
            "Ấn Độ đang vận hành Su-30MKI và đã ký mua thêm 12 chiếc Su-30MKI của Nga.")
    found = {(d.buyer, d.quantity, d.status) for d in deals(text, published="2025-06-01")}
    assert found == {("VNM", 6, "delivered"), ("IND", 12, "signed")}


def test_a_system_of_its_named_owner_keeps_that_seller_in_a_list():
    text = "Tàu ngầm\n\nẤn Độ đã mua 8 tàu ngầm Kilo và 4 tàu ngầm lớp Shishumar của Đức trong thập niên 1980."
    found = {(d.system, d.seller) for d in deals(text, published="2025-06-01")}
    assert found == {("tàu ngầm Kilo", "RUS"), ("tàu ngầm lớp Shishumar", "DEU")}


def test_a_landing_ship_and_a_submarine_from_one_seller_are_two_deals():
    text = ("Thái Lan mua tàu đổ bộ\n\nThái Lan đã ký hợp đồng mua một tàu đổ bộ Type 071E của Trung Quốc. "
            "Trước đó, năm 2017 Bangkok đã ký mua tàu ngầm S26T của Trung Quốc.")
    found = {(d.system, d.year) for d in deals(text, published="2019-09-12")}
    assert found == {("tàu đổ bộ Type 071E", 2019), ("tàu ngầm S26T", 2017)}


def test_a_price_stays_with_the_equipment_its_own_trading_clause_names():
    text = ("Kuwait\n\nNăm 2018, Kuwait ký hợp đồng trị giá 1,5 tỷ USD với Boeing để mua 28 tiêm kích F/A-18E/F Super "
            "Hornet; nước này cũng đặt mua 28 tiêm kích Eurofighter Typhoon từ tập đoàn Leonardo của Italy năm 2016.")
    found = {(d.system, d.seller, d.value_usd) for d in deals(text, published="2025-06-18")}
    assert found == {("tiêm kích F/A-18E/F Super Hornet", "USA", 1_500_000_000),
                     ("tiêm kích Eurofighter Typhoon", "ITA", None)}


def test_the_total_of_a_package_of_contracts_stays_off_its_systems():
    text = ("UAE\n\nNgoài hợp đồng mua 80 tiêm kích Rafale trị giá 15 tỷ USD, UAE cũng đồng ý mua 12 trực thăng vận "
            "tải Caracal do Pháp sản xuất. Tổng trị giá của gói hợp đồng này rơi vào khoảng 19,2 tỷ USD.")
    found = {(d.quantity, d.value_usd) for d in deals(text, published="2021-12-04")}
    assert found == {(80, 15_000_000_000), (12, None)}


def test_the_island_named_as_recipient_is_the_buyer_told_before_and_an_objector_takes_no_part():
    text = ("F-16V\n\nMỹ phê duyệt bán 66 tiêm kích F-16V cho Đài Loan. Trước đó Washington thông qua hai gói bán vũ khí "
            "cho hòn đảo vào tháng 7, gồm 108 xe tăng M1A2T Abrams trị giá khoảng 2 tỉ USD và 250 tên lửa phòng không "
            "vác vai Stinger trị giá 223,56 triệu USD. Bắc Kinh đã nhiều lần lên tiếng phản đối thương vụ F-16.")
    found = {(d.buyer, d.quantity, d.value_usd) for d in deals(text, published="2019-08-21")}
    assert found == {("TWN", 66, None), ("TWN", 108, 2_000_000_000), ("TWN", 250, 223_560_000)}


def test_the_last_item_of_a_list_takes_the_price_told_right_after_it_when_the_items_are_priced_one_by_one():
    text = ("Gói vũ khí\n\nMỹ phê duyệt bán cho Ba Lan 48 tiêm kích F-16 trị giá 3 tỷ USD, 180 xe tăng Abrams trị giá "
            "6 tỷ USD và 96 trực thăng Apache trị giá 12 tỷ USD. Hàn Quốc bán cho Ba Lan 180 xe tăng K2 và 212 pháo tự "
            "hành K9 trị giá 8 tỷ USD.")
    found = {(d.quantity, d.value_usd) for d in deals(text, published="2023-08-21")}
    assert found == {(48, 3e9), (180, 6e9), (96, 12e9), (180, None), (212, None)}


def test_receiving_a_first_lot_is_a_trade_and_a_country_named_as_a_place_takes_no_part():
    text = ("KHAN\n\nIndonesia xác nhận nhận lô tên lửa đạn đạo KHAN đầu tiên từ Thổ Nhĩ Kỳ.\n\n"
            "Chuyên gia của hãng Janes tại Singapore nhận định việc Indonesia sở hữu tên lửa đạn đạo chiến thuật có thể "
            "khiến các nước khác mua vũ khí tương tự.")
    found = {(d.buyer, d.seller) for d in deals(text, published="2025-09-21")}
    assert found == {("IDN", "TUR")}


def test_customers_given_as_examples_and_the_country_of_an_arms_fair_take_no_part():
    text = ("T-90\n\nNga đã hoàn tất giao 64 xe tăng T-90S/SK cho Việt Nam. Ngoài Việt Nam, những năm gần đây Nga đã giao "
            "hơn 130 tiêm kích họ Su-30 cho các khách hàng như Trung Quốc, Indonesia và Venezuela. Tháng 11/2017, tại một "
            "triển lãm quốc phòng ở Thái Lan, ông Petukhov xác nhận Nga và Việt Nam đã ký hợp đồng T-90S/SK.")
    found = {(d.buyer, d.seller) for d in deals(text, published="2019-03-27")}
    assert found == {("VNM", "RUS")}


def test_the_country_that_presses_or_sanctions_a_buyer_takes_no_part_in_its_deal():
    text = ("S-400\n\nẤn Độ đã chính thức ký thỏa thuận trị giá 5,43 tỷ USD để mua 5 hệ thống tên lửa phòng không S-400 "
            "của Nga, bất chấp các mối đe dọa từ Mỹ. Ấn Độ đã thúc đẩy hợp đồng S-400 bất chấp áp lực rất lớn từ "
            "Washington. Nhiều quốc gia gặp khó khi tìm cách mua máy bay chiến đấu Su-35 của Nga do đạo luật CAATSA của Mỹ.")
    assert {(d.buyer, d.seller) for d in deals(text, published="2018-10-06")} == {("IND", "RUS")}


def test_a_government_and_a_maker_signing_together_buy_and_sell_and_the_eurofighter_has_no_one_seller():
    text = ("Typhoon\n\nBộ Quốc phòng Kuwait và tập đoàn Finmeccanica của Italy ngày 5/4 ký hợp đồng cung cấp 28 tiêm kích "
            "Eurofighter Typhoon. Qatar ký hợp đồng mua 24 tiêm kích Eurofighter Typhoon của Anh.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2016-04-06")}
    assert found == {("KWT", "ITA", 28), ("QAT", "GBR", 24)}


def test_a_country_named_as_a_systems_customer_bought_it():
    text = ("Patriot\n\nRomania cũng là một trong những khách hàng châu Âu của hệ thống Patriot, với tổ hợp đầu tiên được "
            "bàn giao năm 2020. Philippines là khách hàng nước ngoài đầu tiên của BrahMos.")
    found = {(d.buyer, d.seller, d.status) for d in deals(text, published="2024-06-22")}
    assert found == {("ROU", "USA", "delivered"), ("PHL", "IND", "signed")}


def test_aegis_ashore_is_air_defence():
    text = "Aegis\n\nNhật Bản hủy kế hoạch mua 2 hệ thống phòng thủ tên lửa Aegis Ashore của Mỹ."
    assert [d.category for d in deals(text, published="2020-06-16")] == ["air-defence"]


def test_the_counted_items_of_a_package_told_after_it_are_traded_between_its_sides():
    text = ("Đài Loan\n\nNgày 16/12, Bộ Ngoại giao Mỹ thông báo với Quốc hội kế hoạch bán cho Đài Loan gói vũ khí trị giá "
            "1,83 tỷ USD. Gói này gồm hai khinh hạm lớp Oliver Hazard Perry đã loại biên của Hải quân Mỹ, 769 tên lửa chống "
            "tăng TOW 2B và 201 tên lửa chống tăng Javelin. Ấn Độ đã ký mua 36 Rafale của Pháp. Theo các quan chức Ấn Độ, 36 "
            "máy bay sẽ được chuyển giao, kèm theo gói vũ khí gồm tên lửa không đối không tầm xa.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2015-12-17")}
    assert {("TWN", "USA", 2), ("TWN", "USA", 769), ("TWN", "USA", 201)} <= found
    assert all(d.buyer != "IND" or d.quantity == 36 for d in deals(text, published="2015-12-17"))


def test_a_list_of_counted_items_over_several_clauses_goes_back_to_its_verb():
    text = ("Đài Loan\n\nMỹ bán cho Đài Loan hai khinh hạm lớp Oliver Hazard Perry, 36 xe tấn công đổ bộ AAV7 của BAE "
            "Systems, 769 tên lửa chống tăng TOW 2B và 201 tên lửa chống tăng Javelin.")
    assert {d.quantity for d in deals(text, published="2015-12-17")} == {2, 36, 769, 201}


def test_countries_listed_as_the_subject_of_buying_the_system_named_back_each_buy_it():
    text = ("HIMARS\n\nEstonia ký hợp đồng mua 6 hệ thống HIMARS của Mỹ. Các nước láng giềng vùng Baltic là Latvia và "
            "Litva cũng đang trong quá trình mua sắm loại vũ khí này từ Mỹ.")
    found = {(d.buyer, d.seller, d.status) for d in deals(text, published="2022-12-04")}
    assert found == {("EST", "USA", "signed"), ("LVA", "USA", "negotiating"), ("LTU", "USA", "negotiating")}


def test_surplus_equipment_transferred_under_eda_is_aid():
    text = ("Hamilton\n\nTháng 5/2017, Tuần duyên Mỹ đã bàn giao tàu tuần tra lớp Hamilton cho Cảnh sát biển Việt Nam theo "
            "chương trình chuyển giao trang bị quốc phòng dư thừa (EDA).")
    assert deals(text, published="2018-03-05") == ()


def test_a_package_told_as_the_next_one_is_traded_between_the_sides_told_before():
    text = ("F-16\n\nBộ Ngoại giao Mỹ đã phê duyệt kế hoạch bán máy bay chiến đấu F-16 cho Philippines. Gói tiếp theo là "
            "12 tên lửa phóng từ trên không Harpoon Block II do Boeing sản xuất có giá trị 120 triệu USD.")
    found = {(d.buyer, d.seller, d.quantity, d.value_usd) for d in deals(text, published="2021-06-25")}
    assert ("PHL", "USA", 12, 120_000_000) in found


def test_a_shipbuilding_project_for_a_buyer_is_a_trade():
    text = ("L&T\n\nTập đoàn Larsen & Toubro của Ấn Độ vừa khởi công dự án đóng 5 trong số 12 tàu tuần tra cho lực lượng "
            "Biên phòng Việt Nam.")
    assert {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2019-08-20")} == {("VNM", "IND", 12)}


def test_equipment_added_along_with_the_traded_system_is_traded_too():
    text = ("Saudi\n\nHai nước đã đạt thỏa thuận về việc cung cấp S-400 của Nga cho Ả Rập Xê-út, cùng với tổ hợp tên lửa "
            "chống tăng Kornet-EM và hệ thống pháo phản lực hạng nặng TOS-1A.")
    assert {d.category for d in deals(text, published="2017-10-06")} == {"air-defence", "missile", "artillery"}


def test_a_memorandum_named_with_its_abbreviation_in_brackets_is_an_agreement():
    text = "JWG\n\nTrong khuôn khổ cuộc họp, Ấn Độ và Israel đã ký Bản ghi nhớ (MoU) về hợp tác quốc phòng."
    assert [(d.kind, d.status) for d in deals(text, published="2025-11-05")] == [("agreement", "signed")]


def test_a_signed_defence_cooperation_roadmap_is_an_agreement():
    text = ("Maroc\n\nNgày 2/10/2020, trong chuyến thăm Rabat của Bộ trưởng Quốc phòng Mỹ, hai nước đã ký lộ trình hợp tác "
            "quốc phòng kéo dài 10 năm giữa Mỹ và Maroc.")
    assert [(d.kind, d.status, d.year) for d in deals(text, published="2020-10-03")] == [("agreement", "signed", 2020)]


def test_the_wildcat_is_sold_from_the_united_kingdom():
    text = "AW159\n\nPhilippines ký hợp đồng mua 2 trực thăng chống ngầm AW159 Wildcat trị giá 114 triệu USD."
    assert [(d.buyer, d.seller) for d in deals(text, published="2016-03-31")] == [("PHL", "GBR")]


@pytest.mark.parametrize("sentence, system", [
    ("Hai nước đã ký thỏa thuận khung về mua bán vũ khí vào năm 2022.", "thỏa thuận khung về mua bán vũ khí"),
    ("Hai bên đã ký thỏa thuận về các nguyên tắc và thủ tục chuyển giao khí tài quân sự.",
     "thỏa thuận về các nguyên tắc và thủ tục chuyển giao khí tài quân sự"),
])
def test_agreements_on_arms_trade_and_its_procedures(sentence, system):
    text = f"Ba Lan - Hàn Quốc\n\nTổng thống Ba Lan thăm Hàn Quốc. {sentence}"
    found = [(d.kind, {d.buyer, d.seller}, d.system, d.status) for d in deals(text)]
    assert found == [("agreement", {"KOR", "POL"}, system, "signed")]


def test_civil_airliners_bought_beside_fighters_are_no_deal():
    text = "Qatar mua máy bay\n\nQatar đặt mua 50 máy bay chở khách Airbus A321neo và 12 tiêm kích Rafale của Pháp."
    assert [(d.buyer, d.seller, d.quantity, d.category) for d in deals(text)] == [("QAT", "FRA", 12, "aircraft")]


@pytest.mark.parametrize("sentence, seller", [
    ("Canada ký thỏa thuận trị giá khoảng 800 triệu USD để mua 12 tiêm kích Mirage 2000-5 đã qua sử dụng của không "
     "quân Qatar.", "QAT"),
    ("Bộ Quốc phòng Canada đã ký hợp đồng với Chính phủ Na Uy để mua 32 tiêm kích F-16 từng phục vụ trong Không quân "
     "nước này.", "NOR"),
])
def test_second_hand_equipment_is_sold_by_its_owner_not_its_maker(sentence, seller):
    text = f"Canada mua máy bay cũ\n\n{sentence}"
    assert [(d.buyer, d.seller) for d in deals(text)] == [("CAN", seller)]


@pytest.mark.parametrize("sentence, buyer, seller", [
    ("Bộ Quốc phòng Thổ Nhĩ Kỳ xác nhận đã hủy dự án hệ thống phòng thủ tên lửa tầm xa trị giá 3,4 tỷ USD, vốn được "
     "trao tạm thời cho một công ty Trung Quốc.", "TUR", "CHN"),
    ("Hải quân Pakistan ngày 23-9 đã tiếp nhận tàu hộ vệ PNS Babur, chiếc đầu tiên trong số 4 tàu hộ vệ đa năng lớp "
     "MILGEM đặt đóng tại Thổ Nhĩ Kỳ.", "PAK", "TUR"),
])
def test_who_is_awarded_the_contract_or_builds_the_order_sells(sentence, buyer, seller):
    assert [(d.buyer, d.seller) for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [(buyer, seller)]


def test_switching_to_talks_with_a_country_makes_it_no_recipient():
    text = "Pakistan\n\nIslamabad sau đó chuyển sang đàm phán với Trung Quốc về mẫu trực thăng tấn công Z-10ME."
    assert all(d.buyer != "CHN" for d in deals(text))


def test_another_buyer_of_the_type_named_back_buys_from_the_same_seller():
    text = ("JF-17\n\nAzerbaijan đã ký hợp đồng mua tiêm kích JF-17 Block III của Pakistan. Ngoài ra, Iraq đang cân "
            "nhắc khả năng mua dòng máy bay này.")
    found = sorted((d.buyer, d.seller, d.status) for d in deals(text))
    assert found == [("AZE", "PAK", "signed"), ("IRQ", "PAK", "negotiating")]


def test_a_type_named_back_that_no_one_buys_is_no_deal():
    text = ("JF-17\n\nAzerbaijan đã ký hợp đồng mua tiêm kích JF-17 Block III của Pakistan. Kể từ khi dòng máy bay này "
            "đi vào hoạt động, Iraq đã theo dõi sát.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("AZE", "PAK")]


def test_equipment_a_seller_refuses_to_sell_is_no_deal():
    text = ("Ai Cập mua Su-35\n\nAi Cập quyết định đặt mua Su-35 của Nga là do Mỹ từ chối bán tiêm kích tàng hình F-35 "
            "cho Cairo.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("EGY", "RUS")]


def test_a_count_told_after_the_equipment_is_its_quantity():
    text = ("Ai Cập mua Su-35\n\nAi Cập đã ký hợp đồng với Nga để mua lô tiêm kích Su-35 lớn nhất từng được xuất khẩu, "
            "với số lượng lên đến 26 chiếc.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text)] == [("EGY", "RUS", 26)]


def test_counted_and_priced_equipment_of_a_named_seller_is_bought_by_the_articles_one_buyer():
    text = ("Ba Lan mua pháo K9\n\nBa Lan đã ký hợp đồng mua 152 pháo tự hành K9 của Hàn Quốc. Hợp đồng thực hiện "
            "đầu tiên được ký vào tháng 8/2022, với 212 pháo K9A1 sản xuất tại Hàn Quốc, trị giá khoảng 2,4 tỷ USD.")
    found = sorted((d.buyer, d.seller, d.quantity) for d in deals(text))
    assert found == [("POL", "KOR", 152), ("POL", "KOR", 212)]


@pytest.mark.parametrize("sentence", [
    "Mỹ và Nhật Bản đang đàm phán Hiệp định Đối tác xuyên Thái Bình Dương (TPP).",
    "Thương vụ rơi vào bế tắc do Mỹ không cấp phép xuất khẩu động cơ LHTEC T800 lắp trên trực thăng của Nhật Bản.",
])
def test_trade_pacts_and_refused_export_licences_are_no_deal(sentence):
    assert deals(f"Tin quốc tế\n\n{sentence}") == ()


def test_countries_listed_as_supplied_by_the_seller_each_buy():
    text = "S-400\n\nTrung Quốc và Ấn Độ đều đã được Nga cung cấp hệ thống S-400."
    assert sorted((d.buyer, d.seller) for d in deals(text)) == [("CHN", "RUS"), ("IND", "RUS")]


def test_ships_ordered_to_be_built_abroad_are_sold_by_the_builders_country():
    text = ("Pakistan nhận tàu\n\nHải quân Pakistan đã tiếp nhận tàu hộ vệ PNS Babur, chiếc đầu tiên trong số các tàu "
            "hộ vệ lớp MILGEM đặt đóng tại Thổ Nhĩ Kỳ.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text)] == [("PAK", "TUR", "delivered")]


def test_the_country_that_cancels_a_purchase_is_its_buyer():
    text = "Điểm tin\n\nIndonesia hủy mua Rafale của Pháp, Pakistan nhận tàu hộ vệ."
    assert [(d.buyer, d.seller, d.status) for d in deals(text)] == [("IDN", "FRA", "cancelled")]


def test_a_country_trading_in_a_clause_of_its_own_is_no_side_of_anothers_deal():
    text = ("Điểm tin\n\nĐiểm tin: Indonesia hủy mua tiêm kích cũ, Pakistan nhận tàu hộ vệ\n\n"
            "Indonesia đã hủy thương vụ mua 12 tiêm kích Mirage 2000-5 đã qua sử dụng của không quân Qatar.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("IDN", "QAT")]


def test_the_maker_of_a_civil_airliner_supplies_no_defence_deal():
    text = ("Qatar mua máy bay\n\nQatar đặt mua 12 tiêm kích Rafale của Pháp, cùng lúc hãng hàng không quốc gia nước "
            "này đặt mua 50 máy bay chở khách Airbus A321neo.")
    assert [(d.buyer, d.seller, d.suppliers) for d in deals(text)] == [("QAT", "FRA", ())]


def test_each_item_is_bought_by_the_subject_of_the_buying_verb_nearest_before_it():
    text = "F-35\n\nBa Lan mua 32 chiếc F-35A và Nhật Bản mua 42 chiếc F-35B."
    assert sorted((d.buyer, d.quantity) for d in deals(text)) == [("JPN", 42), ("POL", 32)]


@pytest.mark.parametrize("sentence, seller", [
    ("Philippines đã ký hợp đồng mua thêm 32 trực thăng S-70i Black Hawk do công ty PZL Mielec của Ba Lan sản xuất.",
     "POL"),
    ("Ấn Độ mua 6 máy bay vận tải C-295 do Tập đoàn Airbus của Tây Ban Nha sản xuất.", "ESP"),
])
def test_the_country_of_the_firm_that_makes_the_equipment_sells_it(sentence, seller):
    assert [d.seller for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [seller]


@pytest.mark.parametrize("sentence, expected", [
    ("Ngày 10/5, Nhật Bản quyết định mua thêm 105 tiêm kích của Mỹ, gồm 63 chiếc F-35A và 42 chiếc F-35B.",
     [("F-35A", 63), ("F-35B", 42)]),
    ("Ngày 10/5, Ai Cập đặt mua của Pháp 30 máy bay chiến đấu, trong đó có 20 chiếc Rafale và 10 chiếc Mirage 2000.",
     [("Mirage 2000", 10), ("Rafale", 20)]),
])
def test_a_counted_kind_broken_down_into_models_is_a_deal_per_model(sentence, expected):
    assert sorted((d.system, d.quantity) for d in deals(f"Tin quốc phòng\n\n{sentence}")) == expected


@pytest.mark.parametrize("sentence", [
    "Song song với xe tăng Mỹ, Ba Lan còn đặt mua 180 xe tăng K2 của Hàn Quốc.",
    "Bên cạnh tiêm kích của Mỹ, Ba Lan vẫn mua 180 xe tăng K2 của Hàn Quốc.",
])
def test_the_buyer_is_the_subject_of_its_verb_across_an_adverb(sentence):
    assert [(d.buyer, d.seller, d.quantity) for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [("POL", "KOR", 180)]


def test_more_systems_under_talks_are_another_deal_than_the_order_of_an_earlier_year():
    text = ("Tin quốc phòng\n\nNăm 2015, Việt Nam đã ký hợp đồng mua hệ thống phòng không SPYDER của Israel. "
            "Hiện hãng Rafael đang đàm phán để Việt Nam mua thêm ba hệ thống SPYDER.")
    assert sorted((d.quantity or 0, d.status) for d in deals(text)) == [(0, "signed"), (3, "negotiating")]


@pytest.mark.parametrize("sentence", [
    "Năm 2020, Argentina buộc phải gác lại dự án mua máy bay chiến đấu hạng nhẹ FA-50 của Hàn Quốc.",
    "Năm 2020, Argentina đình chỉ đàm phán mua máy bay chiến đấu hạng nhẹ FA-50 của Hàn Quốc.",
])
def test_a_purchase_shelved_or_whose_talks_are_suspended_is_cancelled(sentence):
    assert [(d.buyer, d.seller, d.status) for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [("ARG", "KOR", "cancelled")]


def test_an_option_for_more_is_a_term_of_the_contract_not_another_order():
    text = ("Tin quốc phòng\n\nNăm 2024, Hy Lạp ký hợp đồng mua 20 tiêm kích F-35 của Mỹ. "
            "Hy Lạp còn có quyền chọn mua thêm 20 chiếc F-35 nữa và dự kiến sẽ dùng quyền này sau năm 2030.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text)] == [("GRC", "USA", 20)]


def test_a_defence_cooperation_framework_signed_by_two_ministers_is_an_agreement():
    text = ("Mỹ - Kenya\n\nNgày 25/9, Bộ trưởng Quốc phòng Mỹ và Bộ trưởng Quốc phòng Kenya đã ký khuôn khổ hợp tác "
            "quốc phòng 5 năm tại Nairobi.")
    assert [(d.kind, d.status) for d in deals(text)] == [("agreement", "signed")]


def test_the_country_visited_to_sign_is_the_other_side():
    text = ("Argentina mua F-16\n\nTháng 4/2024, Bộ trưởng Quốc phòng Argentina đã tới Đan Mạch ký hợp đồng mua 24 "
            "tiêm kích F-16 đã qua sử dụng.")
    assert ("ARG", "DNK", 24) in [(d.buyer, d.seller, d.quantity) for d in deals(text)]


def test_a_country_consenting_to_a_deal_of_others_is_no_side_of_it():
    text = ("Không quân Argentina hồi sinh\n\nTháng 4/2024, ông Petri đã tới Đan Mạch ký hợp đồng mua 24 tiêm kích "
            "F-16 đã qua sử dụng, với sự chấp thuận của Washington.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("ARG", "DNK")]


def test_a_shipbuilder_named_with_its_country_is_the_seller_the_buyer_signs_with():
    text = "Tin quốc phòng\n\nNăm 2019, Philippines ký hợp đồng với công ty đóng tàu Hàn Quốc HHI để mua 2 khinh hạm."
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text)] == [("PHL", "KOR", 2)]


def test_the_type_a_system_is_a_variant_of_is_not_traded():
    text = ("Tin quốc phòng\n\nNăm 2011, Indonesia đặt mua 3 tàu ngầm lớp Nagapasa của Hàn Quốc (phiên bản của lớp "
            "Type 209 do Đức thiết kế).")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("IDN", "KOR")]


def test_a_country_named_only_as_where_arms_come_from_receives_none():
    text = ("Tin quốc phòng\n\nCuộc cạnh tranh giữa SAMP/T của Pháp và Patriot là thử thách đầu tiên cho nỗ lực của "
            "châu Âu nhằm giảm mua sắm vũ khí từ Mỹ.")
    assert "USA" not in {d.buyer for d in deals(text)}


def test_the_owner_of_the_equipment_being_replaced_receives_none():
    text = ("Thái Lan nhận Gripen\n\nNhững chiếc Gripen sản xuất năm 2008 được biên chế nhằm thay thế phi đội F-5 Tiger "
            "cũ của Mỹ.")
    assert "USA" not in {d.buyer for d in deals(text)}


def test_receiving_a_system_is_a_trade():
    text = ("Tin quốc phòng\n\nẤn Độ bị Mỹ cảnh báo trừng phạt sau khi New Delhi nhận tổ hợp phòng không S-400 do Nga "
            "sản xuất.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("IND", "RUS")]


@pytest.mark.parametrize("sentence, expected", [
    ("Singapore đặt đóng thêm 2 tàu ngầm Type 218SG của Đức.", ("SGP", "DEU", 2)),
    ("Hải quân Việt Nam đang chờ nhận thêm hai tàu hộ vệ lớp Gepard 3.9 do Nga đóng.", ("VNM", "RUS", 2)),
])
def test_ordering_ships_built_or_awaiting_them_is_a_trade(sentence, expected):
    assert [(d.buyer, d.seller, d.quantity) for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Thụy Sĩ chọn tiêm kích F-35A của Mỹ để thay thế phi đội F/A-18.", ("CHE", "USA", "negotiating")),
    ("Ba Lan lựa chọn 96 trực thăng tấn công AH-64E Apache của Mỹ.", ("POL", "USA", "negotiating")),
    ("Lô 4 tiêm kích Rafale đầu tiên mà Ấn Độ mua của Pháp đã về nước.", ("IND", "FRA", "delivered")),
])
def test_a_system_selected_or_arrived_home_is_a_trade(sentence, expected):
    assert [(d.buyer, d.seller, d.status) for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [expected]


def test_a_package_named_with_its_value_before_its_items_is_read():
    text = "Tin quốc phòng\n\nMỹ phê duyệt gói vũ khí trị giá 2 tỷ USD gồm 3 tổ hợp NASAMS cho Đài Loan."
    assert [(d.buyer, d.quantity) for d in deals(text)] == [("TWN", 3)]


def test_a_country_that_asks_to_buy_is_the_buyer():
    text = ("Tin quốc phòng\n\nTheo DSCA, Nigeria đề nghị mua tối đa 12 máy bay Air Tractor AT-802L và hai máy bay "
            "huấn luyện AT-504 của Mỹ.")
    assert ("NGA", "USA", 12) in [(d.buyer, d.seller, d.quantity) for d in deals(text)]


def test_the_country_of_a_relative_clause_that_orders_the_equipment_is_the_buyer():
    text = ("Tin quốc phòng\n\nKhác với Brazil, bất đồng giữa Colombia và Israel không làm chậm hợp đồng 18 khẩu pháo "
            "ATMOS mà Bogota đã ký năm 2022.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text)] == [("COL", "ISR", 18)]


@pytest.mark.parametrize("sentence", [
    "Ngày 13/3/2015, Nhật Bản và Pháp đã ký kết thỏa thuận chuyển nhượng công nghệ và trang bị quốc phòng.",
    "Năm 2015, Nhật Bản và Anh ký Hiệp định trang bị quốc phòng song phương.",
])
def test_an_agreement_on_transferring_defence_equipment_is_an_agreement(sentence):
    assert [d.kind for d in deals(f"Tin quốc phòng\n\n{sentence}", published="2016-01-01")] == ["agreement"]


@pytest.mark.parametrize("sentence, expected", [
    ("Phe đối lập ở Armenia cho rằng Moskva đang kéo Yerevan vào cuộc chạy đua vũ trang với Gruzia, nước đã mua của "
     "Israel máy bay không người lái Hermes hồi năm 2008.", ("GEO", "ISR")),
    ("Cũng như Bulgaria, Romania đã nhận 12 tiêm kích F-16 mua lại của Bồ Đào Nha.", ("ROU", "PRT")),
])
def test_the_country_bought_from_is_the_seller(sentence, expected):
    assert [(d.buyer, d.seller) for d in deals(f"Tin quốc phòng\n\n{sentence}")] == [expected]


def test_countries_at_war_are_not_sellers():
    text = ("Tin quốc phòng\n\nTrong lúc Nga và Ukraine giao tranh ác liệt, Ai Cập ký hợp đồng mua 12 tiêm kích Rafale "
            "của Pháp.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("EGY", "FRA")]


def test_the_sellers_own_production_line_does_not_make_a_sale_co_production():
    text = ("Mỹ duyệt bán trực thăng cho Maroc\n\n"
            "Bộ Ngoại giao Mỹ phê duyệt bán 24 trực thăng AH-64E Apache cho Maroc với giá 4,25 tỷ USD.\n\n"
            "Nhà thầu chính là hãng Boeing, với dây chuyền sản xuất AH-64 đặt tại Mesa, bang Arizona.")
    assert [(d.kind, d.buyer, d.quantity) for d in deals(text)] == [("purchase", "MAR", 24)]


def test_the_fleet_a_buyer_already_flies_does_not_deliver_a_sale_only_approved():
    text = ("Mỹ duyệt bán F-16 cho Bahrain\n\n"
            "Bộ Ngoại giao Mỹ phê duyệt bán 16 tiêm kích F-16 Block 70 cho Bahrain với giá 2,8 tỷ USD.\n\n"
            "Hiện không quân Bahrain đang vận hành khoảng 20 chiếc F-16 thế hệ cũ.")
    assert [(d.buyer, d.quantity, d.status) for d in deals(text)] == [("BHR", 16, "proposed")]


def test_spare_parts_for_a_system_are_a_deal_for_that_system():
    text = ("Tin quốc phòng\n\nCác Tiểu vương quốc Arab Thống nhất (UAE) được chấp thuận mua phụ tùng thay thế cho hệ "
            "thống tên lửa phòng không HAWK của Mỹ, trị giá khoảng 30 triệu USD.")
    assert [(d.buyer, d.seller, d.category, d.value_usd) for d in deals(text)] == [
        ("ARE", "USA", "air-defence", 30_000_000)]


def test_systems_listed_after_a_platform_cue_are_all_platforms():
    text = ("Tin quốc phòng\n\nMỹ duyệt bán 12 trực thăng MH-60R cho Hy Lạp, cùng thiết bị liên lạc cho các hệ thống "
            "phòng không NASAMS và Patriot.")
    assert [(d.buyer, d.system) for d in deals(text)] == [("GRC", "trực thăng MH-60R")]


def test_a_country_allowed_to_buy_has_an_offer_not_a_contract():
    text = "Tin quốc phòng\n\nBa Lan được phép mua 96 trực thăng tấn công AH-64E Apache của Mỹ."
    assert [(d.buyer, d.seller, d.status) for d in deals(text)] == [("POL", "USA", "proposed")]


def test_a_government_that_signs_alone_buys():
    text = ("Tin quân sự tuần qua\n\nBrazil ký hợp đồng 36 tiêm kích Gripen và được Mỹ bật đèn xanh mua tên lửa "
            "Javelin; Chile tăng ngân sách quốc phòng.")
    assert ("BRA", "SWE", 36) in [(d.buyer, d.seller, d.quantity) for d in deals(text)]


def test_an_export_version_is_a_description_not_an_export():
    text = ("Tin quốc phòng\n\nMalaysia đã nhận 12 trực thăng AW149 từ Italy. Trong khi đó, Hy Lạp dùng trực thăng "
            "AW169 là phiên bản xuất khẩu của dòng AW109.")
    assert [(d.buyer, d.seller) for d in deals(text)] == [("MYS", "ITA")]


def test_a_counted_kind_summing_the_models_counted_later_is_their_total():
    text = ("Tin quốc phòng\n\nNgày 11/5, Bộ Ngoại giao Mỹ đã chấp thuận đề xuất bán 160 tên lửa cho Qatar, trị giá "
            "khoảng 2 tỷ USD.\n\nTheo Lầu Năm Góc, Qatar đề nghị mua 100 tên lửa Patriot GEM-T và 60 tên lửa Patriot "
            "PAC-3.")
    assert sorted(d.quantity for d in deals(text, "2017-05-12")) == [60, 100]


def test_equipment_a_price_is_paid_for_is_bought():
    text = "Tin quốc phòng\n\nĐến năm 2031, Romania sẽ phải trả thêm 1,2 tỷ USD cho 6 máy bay chiến đấu F-16 Block 70."
    assert [(d.buyer, d.seller, d.quantity, d.value_usd) for d in deals(text)] == [("ROU", "USA", 6, 1_200_000_000)]


def test_a_capital_as_the_buyer():
    text = "Tin quốc phòng\n\nThay vào đó, Sofia đang đàm phán để mua 2 động cơ MiG-29 từ Ba Lan."
    assert [(d.buyer, d.seller, d.status) for d in deals(text)] == [("BGR", "POL", "negotiating")]


def test_two_systems_of_one_clause_each_take_the_stage_told_before_them():
    text = ("Tin quốc phòng\n\nTheo giới phân tích, việc Qatar hủy bỏ hợp đồng mua F-35 của Mỹ là do nước này vừa đặt "
            "mua 24 máy bay chiến đấu Rafale của Pháp.")
    assert sorted((d.seller, d.status) for d in deals(text)) == [("FRA", "signed"), ("USA", "cancelled")]


def test_an_agreement_signed_with_a_list_of_countries_is_one_per_partner():
    text = ("Tin quốc phòng\n\nChính phủ Nga đã hủy bỏ các thỏa thuận hợp tác quân sự ký với Na Uy, Đan Mạch và Hà Lan "
            "trong những năm 1990.")
    found = sorted(frozenset((d.buyer, d.seller)) - {"RUS"} for d in deals(text))
    assert sorted(next(iter(pair)) for pair in found) == ["DNK", "NLD", "NOR"]
    assert all(d.kind == "agreement" and d.status == "cancelled" for d in deals(text))


def test_a_cancelled_contract_for_a_kind_of_equipment_is_a_deal_while_talk_of_buying_the_kind_is_not():
    cancelled = ("Pháp và Úc\n\nPháp triệu hồi đại sứ sau khi Canberra hủy bỏ hợp đồng mua tàu ngầm của Pháp, để chọn "
                 "một thỏa thuận khác.")
    (deal,) = deals(cancelled, published="2021-09-20")
    assert (deal.buyer, deal.seller, deal.system, deal.status) == ("AUS", "FRA", "tàu ngầm", "cancelled")
    assert deals("Pháp và Úc\n\nÚc đang cân nhắc mua tàu ngầm của Pháp.", published="2021-09-20") == ()


@pytest.mark.parametrize("sentence, expected", [
    ("Ankara đang tiến hành thủ tục mua 12 chiếc Typhoon đã qua sử dụng của Qatar và 12 chiếc của Oman.",
     {("TUR", "QAT", 12), ("TUR", "OMN", 12)}),
    ("Năm ngoái, Mỹ đã bán 12 chiếc F-16 cho Jordan và 8 chiếc cho Bahrain.",
     {("JOR", "USA", 12), ("BHR", "USA", 8)}),
])
def test_the_same_system_counted_again_for_another_seller_or_buyer_is_a_deal_of_its_own(sentence, expected):
    found = {(d.buyer, d.seller, d.quantity) for d in deals("Tin quân sự\n\n" + sentence, published="2025-10-28")}
    assert found == expected


def test_a_buyer_counted_by_ordering_and_ordering_more_later_has_two_orders():
    text = ("Ấn Độ mua thêm Rafale\n\nPháp đã bán 36 tiêm kích Rafale cho Ấn Độ. Croatia đã mua 12 chiếc, còn Hy Lạp "
            "đặt 18 chiếc năm 2021 và thêm 6 chiếc hồi tháng 3/2022.")
    found = {(d.buyer, d.seller, d.quantity, d.year) for d in deals(text, published="2022-05-01")}
    assert found == {("IND", "FRA", 36, None), ("HRV", "FRA", 12, None), ("GRC", "FRA", 18, 2021),
                     ("GRC", "FRA", 6, 2022)}


def test_the_first_contract_recalled_with_model_count_and_year_is_an_earlier_deal_even_without_its_buyer():
    text = ("Iraq mua thêm 12 máy bay T-50 của Hàn Quốc\n\n"
            "Hãng KAI đã ký hợp đồng cung cấp thêm 12 máy bay T-50 cho Iraq. Hợp đồng đầu tiên, ký ngày 12/12/2013, "
            "gồm 24 chiếc T-50IQ; chiếc đầu tiên được bàn giao năm 2017.")
    found = {(d.buyer, d.seller, d.quantity, d.year) for d in deals(text, published="2025-06-04")}
    assert found == {("IRQ", "KOR", 12, 2025), ("IRQ", "KOR", 24, 2013)}


def test_the_airframe_a_system_is_built_on_is_no_deal_of_its_own():
    text = ("Hàn Quốc chọn L3Harris cung cấp máy bay cảnh báo sớm\n\n"
            "Hàn Quốc sẽ mua 4 máy bay cảnh báo sớm của hãng L3Harris (Mỹ) phát triển trên nền tảng máy bay phản lực "
            "thương mại Global 6500, tích hợp radar do Israel chế tạo.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, published="2025-08-05")}
    assert found == {("KOR", "USA", 4)}


@pytest.mark.parametrize("sentence", [
    "Năm 2019, Hy Lạp ký hợp đồng mua 4 trực thăng MH-60R của Mỹ và những chiếc đầu tiên đã bắt đầu được Mỹ chuyển "
    "giao trong năm nay.",
    "Năm 2018, Qatar ký hợp đồng mua 12 tiêm kích Rafale của Pháp và các máy bay đầu tiên được chuyển tới Doha vào năm "
    "2019.",
    "Năm 2016, Ai Cập mua 2 tàu đổ bộ Mistral của Pháp, hai con tàu hiện đã phục vụ trong hải quân nước này.",
    "Sáu tiêm kích J-10C mà Pakistan đặt mua của Trung Quốc đã về tới căn cứ Kamra và chính thức được biên chế.",
    "Bộ trưởng Quốc phòng Philippines đã dự lễ tiếp nhận hai trực thăng T129 mua của Thổ Nhĩ Kỳ.",
    "Nga cam kết sẽ giao nốt hai hệ thống S-400 còn lại mà Ấn Độ đặt mua theo hợp đồng ký năm 2018.",
    "Thổ Nhĩ Kỳ tiếp nhận hệ thống S-400 mua của Nga từ năm 2019.",
    "Năm 2016, UAE đặt mua hệ thống THAAD của Mỹ, các khẩu đội đầu tiên đã được đưa vào hoạt động từ năm 2019.",
])
def test_equipment_told_as_received_or_in_service_is_delivered(sentence):
    assert [d.status for d in deals("Tin quốc phòng\n\n" + sentence, "2025-05-02")] == ["delivered"]


@pytest.mark.parametrize("sentence", [
    "Tại buổi lễ ở Doha, Qatar đã ký ý định thư mua 8 máy bay không người lái MQ-9B của Mỹ trị giá 2 tỷ USD.",
    "Ngày 21/8/2023, Indonesia đã ký bản ghi nhớ với Boeing (Mỹ) về việc mua 24 tiêm kích F-15EX.",
    "Peru vừa ký thỏa thuận chiến lược với Hyundai Rotem của Hàn Quốc về việc mua 54 xe tăng K2.",
])
def test_a_letter_of_intent_or_memorandum_to_buy_is_a_purchase_still_negotiated(sentence):
    assert [d.status for d in deals("Tin quốc phòng\n\n" + sentence, "2025-05-02")] == ["negotiating"]


def test_a_memorandum_on_defence_procurement_is_a_signed_agreement_and_a_future_handover_ceremony_no_delivery():
    agreement = deals("Tin\n\nHai bên đã ký bản ghi nhớ về mua sắm quốc phòng giữa chính phủ Malaysia và Thổ Nhĩ Kỳ.",
                      "2025-05-02")
    assert [(d.kind, d.status) for d in agreement] == [("agreement", "signed")]
    planned = deals("Tin\n\nPhilippines sẽ dự lễ tiếp nhận hai trực thăng T129 mua của Thổ Nhĩ Kỳ vào tháng tới.",
                    "2025-05-02")
    assert [d.status for d in planned] != ["delivered"]


@pytest.mark.parametrize("sentence", [
    "Thiết kế của Hàn Quốc đã vượt qua đối thủ cuối cùng là mẫu khinh hạm FREMM do tập đoàn Fincantieri của Italy "
    "chào bán.",
    "Trong gói thầu pháo của Colombia, các đối thủ cạnh tranh gồm pháo Caesar của Pháp và pháo Zuzana 2 do Slovakia "
    "chào bán.",
])
def test_a_rivals_offer_that_lost_the_tender_is_no_deal(sentence):
    assert deals("Tin quốc phòng\n\n" + sentence, "2025-05-02") == ()


def test_the_systems_a_winner_got_past_are_no_deals():
    text = ("Tin quốc phòng\n\nBộ Quốc phòng Bulgaria ký hợp đồng mua 36 pháo tự hành K9 của Hàn Quốc. Để giành hợp đồng, "
            "K9 đã vượt qua pháo tự hành Archer của Thụy Điển và T-155 Fırtına của Thổ Nhĩ Kỳ.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-05-02")] == [("BGR", "KOR")]


def test_a_system_that_got_through_its_trials_is_still_traded():
    text = "Tin quốc phòng\n\nSau khi vượt qua các bài thử nghiệm, 24 pháo K9 được bàn giao cho Bulgaria."
    assert [d.buyer for d in deals(text, "2025-05-02")] == ["BGR"]


def test_a_country_closing_the_equipment_phrase_is_where_it_comes_from():
    text = "Tin quốc phòng\n\nBa Lan chọn xe tăng Hàn Quốc, mua thêm pháo tự hành Mỹ."
    assert [(d.buyer, d.seller) for d in deals(text, "2025-05-02")] == [("POL", "KOR"), ("POL", "USA")]


def test_a_country_closing_the_equipment_phrase_that_goes_on_to_buy_is_the_buyer():
    text = "Tin quốc phòng\n\nTrong 180 xe tăng K2 Ba Lan đặt mua năm 2022, 40 chiếc đã được giao."
    assert [(d.buyer, d.seller) for d in deals(text, "2025-05-02")] == [("POL", "KOR")]


def test_the_parties_between_which_a_deal_is_made_are_not_part_of_its_system():
    text = ("Tin quốc phòng\n\nThỏa thuận mua tàu ngầm Scorpene giữa Indonesia và Pháp được ký ngày 28/3/2024.")
    assert [d.system for d in deals(text, "2025-05-02")] == ["tàu ngầm Scorpene"]


@pytest.mark.parametrize(("sentence", "sides"), [
    ("Thụy Sĩ chốt mua 36 tiêm kích F-35A, còn Ba Lan chọn pháo tự hành Hàn Quốc.", [("CHE", "USA"), ("POL", "KOR")]),
    ("Qatar chốt mua 24 tiêm kích Rafale, Ai Cập chọn tàu hộ vệ Đức.", [("QAT", "FRA"), ("EGY", "DEU")]),
])
def test_a_country_choosing_equipment_buys_it(sentence, sides):
    assert [(d.buyer, d.seller) for d in deals("Tin quốc phòng\n\n" + sentence, "2021-07-01")] == sides


def test_a_state_trading_corporation_signed_with_sells_as_its_country():
    text = ("Tin quốc phòng\n\nBộ Quốc phòng Peru cho biết hợp đồng được ký với Tập đoàn Thương mại Canada để mua 4 "
            "trực thăng Bell 412.")
    assert [(d.buyer, d.seller) for d in deals(text, "2022-03-02")] == [("PER", "CAN")]


def test_a_package_another_country_signs_is_its_own_not_the_previous_buyers():
    text = ("Tin quốc phòng\n\nViệt Nam ký hợp đồng mua 20 pháo tự hành K9. Tháng 7/2024, Bộ Quốc phòng Romania ký với "
            "Hanwha Aerospace gói hợp đồng gồm 54 pháo K9 và 36 xe tiếp đạn K10.")
    sides = {(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-08-14")}
    assert {("ROU", "KOR", 54), ("ROU", "KOR", 36)} <= sides and ("VNM", "KOR", 54) not in sides


def test_an_organisation_named_after_a_treaty_makes_no_aid_sentence():
    text = ("Tin quốc phòng\n\nNgày 18/6/2024, Armenia ký hợp đồng mua 36 pháo tự hành Caesar của Pháp. Pháp đã chuyển "
            "hàng chục khẩu Caesar cho Ukraine dưới dạng viện trợ. Armenia vẫn là thành viên Tổ chức Hiệp ước An ninh Tập "
            "thể (CSTO) do Nga dẫn dắt.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-06-19")] == [("ARM", "FRA", 36)]


def test_launchers_count_a_system_and_a_year_after_it_is_no_part_of_its_name():
    text = "Tin quốc phòng\n\nLitva đã ký mua 8 bệ phóng HIMARS năm 2022 với giá 495 triệu USD."
    assert [(d.system, d.quantity, d.year) for d in deals(text, "2023-06-01")] == [("HIMARS", 8, 2022)]


@pytest.mark.parametrize("unit", ["trung đoàn", "sư đoàn"])
def test_regiments_and_divisions_count_an_air_defence_system(unit):
    text = f"Tin quốc phòng\n\nẤn Độ ký hợp đồng mua 5 {unit} S-400 với Nga vào tháng 10/2018, trị giá 5,43 tỷ USD."
    assert [d.quantity for d in deals(text, "2023-06-01")] == [5]


def test_a_squadron_counts_no_aircraft():
    text = "Tin quốc phòng\n\nVenezuela đang xem xét mua thêm một phi đội tiêm kích Su-35 của Nga."
    assert [d.quantity for d in deals(text, "2012-08-08")] == [None]


@pytest.mark.parametrize("sentence", [
    "Nhà máy này cũng là nơi chế tạo 73 chiếc T-90S khác cho Quân đội Iraq.",
    "Nga đã chế tạo 73 chiếc xe tăng khác cho Lục quân Iraq.",
])
def test_equipment_built_for_a_countrys_forces_is_its_purchase_even_when_told_as_other(sentence):
    assert [(d.buyer, d.seller, d.quantity) for d in deals("Tin quốc phòng\n\n" + sentence, "2019-06-01")] == [
        ("IRQ", "RUS", 73)]


def test_a_count_of_two_kinds_broken_down_by_model_is_no_deal_of_its_own():
    text = ("Ba Lan mở rộng kho vũ khí\n\nBộ Quốc phòng Ba Lan cho biết vừa ký một thỏa thuận khung với Hàn Quốc về "
            "việc mua xe tăng và pháo tự hành.\n\nTheo đó, Ba Lan sẽ mua 300 xe tăng và pháo tự hành của Hàn Quốc, "
            "trong đó có 120 xe tăng K2 và 180 pháo tự hành K9.\n\nĐây là lần đầu Ba Lan mua xe tăng K2.")
    assert sorted(d.quantity for d in deals(text, "2025-12-10") if d.kind == "purchase") == [120, 180]


def test_the_fleet_a_purchase_replaces_is_not_what_it_buys():
    text = "Tin quốc phòng\n\nĐức sẽ đặt mua 45 máy bay chiến đấu từ Boeing để thay thế số phi cơ phản lực Tornado đã cũ."
    assert [d.system for d in deals(text, "2020-04-20")] == ["máy bay chiến đấu"]


def test_countries_listed_together_with_the_seller_are_no_buyer():
    text = "Qatar bắt tay cả Pháp và Mỹ: thỏa thuận mua Rafale, được duyệt mua Patriot\n\nDoha ngày 6/10/2017 cho biết."
    found = [(d.buyer, d.seller, d.system) for d in deals(text, "2017-10-07")]
    assert ("QAT", "FRA", "Rafale") in found and not any(buyer in ("FRA", "USA") for buyer, _, _ in found)


def test_the_items_of_an_approval_listed_in_the_next_sentence_are_its_deals():
    text = ("Tin quốc phòng\n\nMỹ duyệt bán 82 bệ phóng HIMARS cho Đài Loan. Các hạng mục khác gồm tên lửa chống tăng "
            "Javelin trị giá hơn 700 triệu USD.")
    found = [(d.buyer, d.seller, d.system) for d in deals(text, "2025-12-18")]
    assert ("TWN", "USA", "tên lửa chống tăng Javelin") in found


def test_an_amount_told_right_after_the_equipment_is_no_part_of_its_name():
    text = "Tin quốc phòng\n\nMỹ duyệt bán cho Đài Loan trực thăng Black Hawk 96 triệu USD."
    assert [(d.system, d.value_usd) for d in deals(text, "2025-12-18")] == [("trực thăng Black Hawk", 96_000_000)]


def test_a_country_after_của_is_no_subject_of_the_buying_verb_after_it():
    text = ("Tin quốc phòng\n\nAi Cập - một đối tác lâu năm của Pháp đang thể hiện sự quan tâm lớn đến khả năng mua 40 "
            "tiêm kích J-10C do Trung Quốc phát triển.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-06-01")] == [("EGY", "CHN")]


def test_f_50_is_the_fa_50_and_korean_whoever_helped_develop_it():
    text = ("Tin quốc phòng\n\nSeoul và Manila đang đàm phán về việc mua bán F-50, phiên bản tấn công hạng nhẹ do tập "
            "đoàn KAI của Hàn Quốc và hãng Lockheed Martin (Mỹ) hợp tác phát triển.")
    assert [(d.buyer, d.seller) for d in deals(text, "2013-10-01")] == [("PHL", "KOR")]


def test_a_trade_told_after_beating_the_rivals_is_a_deal():
    text = "Tin quốc phòng\n\nDassault vượt qua các đối thủ để giành hợp đồng bán 12 tiêm kích Rafale cho Croatia."
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-05-02")] == [("HRV", "FRA", 12)]


def test_a_purchase_read_as_a_major_exporter_buying_from_a_country_that_sells_no_arms_is_turned_round():
    text = ("Tin quốc phòng\n\nTheo một quan chức, Trung Quốc đã đồng ý với đề xuất của Campuchia về việc mua hai tàu "
            "tuần tra.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-05-02")] == [("KHM", "CHN")]


@pytest.mark.parametrize(("sentence", "sides"), [
    ("Hàn Quốc đã đưa vào sử dụng 8 máy bay vận tải CN-235 mua từ Indonesia.", ("KOR", "IDN")),
    ("Nga đã mua hàng nghìn UAV Shahed của Iran.", ("RUS", "IRN")),
])
def test_a_major_exporter_buying_from_a_source_the_text_names_or_a_known_supplier_keeps_its_sides(sentence, sides):
    assert [(d.buyer, d.seller) for d in deals("Tin quốc phòng\n\n" + sentence, "2025-05-02")] == [sides]


def test_countries_that_place_the_buyer_on_the_map_are_no_party_of_its_deal():
    text = ("Quốc gia Bắc Âu mua pháo của Mỹ\n\n"
            "Quốc gia Bắc Âu có đường biên giới dài giáp với Nga và Belarus ngày 3/5 quyết định mua 6 hệ thống pháo phản lực HIMARS "
            "của Mỹ. Chính phủ Phần Lan cho biết hợp đồng sẽ được ký trong năm nay.")
    assert {(d.buyer, d.seller) for d in deals(text, "2024-05-04")} == {("FIN", "USA")}


def test_the_neighbouring_country_named_after_its_description_is_the_buyer():
    text = "Tin quốc phòng\n\nNước láng giềng Estonia cũng đã ký hợp đồng mua 12 pháo tự hành K9 của Hàn Quốc."
    assert [(d.buyer, d.seller) for d in deals(text, "2024-05-04")] == [("EST", "KOR")]


def test_second_hand_equipment_is_sold_by_its_owner_not_by_its_maker():
    text = ("Tin quốc phòng\n\nChile đã ký hợp đồng mua 12 tiêm kích F-16 (do Mỹ sản xuất) đã qua sử dụng của Hà Lan "
            "với giá 200 triệu USD.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-05-04")] == [("CHL", "NLD", 12)]


def test_the_country_said_to_sell_a_model_sells_it_whoever_makes_it():
    text = "Tin quốc phòng\n\nNgày 5/6, Bộ Ngoại giao Mỹ đã phê duyệt thương vụ bán hệ thống NASAMS cho Đài Loan."
    assert [(d.buyer, d.seller) for d in deals(text, "2024-06-06")] == [("TWN", "USA")]


def test_a_country_named_as_the_topic_before_a_comma_does_not_sell():
    text = ("Tin quốc phòng\n\nVới Ai Cập, thương vụ bán vũ khí cho nước này gồm 12 trực thăng Apache của Mỹ.")
    assert [(d.buyer, d.seller) for d in deals(text, "2024-06-06")] == [("EGY", "USA")]


def test_an_earlier_order_told_after_the_contract_it_came_under_is_a_deal_of_its_own():
    text = ("Ai Cập mua thêm Rafale của Pháp\n\n"
            "Ai Cập đã ký hợp đồng mua thêm 30 tiêm kích Rafale của Pháp. "
            "Theo hợp đồng ký năm 2015, không quân đã nhận đủ 24 tiêm kích Rafale.")
    found = {(d.buyer, d.seller, d.quantity) for d in deals(text, "2021-05-05")}
    assert found == {("EGY", "FRA", 30), ("EGY", "FRA", 24)}


def test_a_country_that_sanctions_the_buyer_takes_no_part_in_the_deal():
    text = ("Tin quốc phòng\n\nẤn Độ, đối tác lâu năm của Moscow, có thể bị Washington áp lệnh trừng phạt sau khi nhận lô "
            "S-400 đầu tiên của Nga.")
    assert [(d.buyer, d.seller) for d in deals(text, "2021-12-01")] == [("IND", "RUS")]


def test_countries_that_a_system_named_back_was_bought_by_are_its_buyers():
    text = ("Croatia nhận tiêm kích Pháp\n\n"
            "Croatia ký hợp đồng mua 12 tiêm kích Rafale của Pháp. "
            "Loại tiêm kích này trước đó đã được Hy Lạp và Ai Cập đặt mua.")
    found = {(d.buyer, d.seller, d.system) for d in deals(text, "2021-11-26")}
    assert found == {("HRV", "FRA", "tiêm kích Rafale"), ("GRC", "FRA", "tiêm kích Rafale"),
                     ("EGY", "FRA", "tiêm kích Rafale")}


def test_a_customer_of_a_system_named_back_buys_it_with_its_own_count_and_year():
    text = ("Romania mua pháo Hàn Quốc\n\n"
            "Romania ký hợp đồng mua 54 pháo tự hành K9 của Hàn Quốc. "
            "Na Uy, khách hàng châu Âu thứ hai của dòng pháo này, đã ký hợp đồng mua 24 chiếc vào năm 2017.")
    found = {(d.buyer, d.seller, d.quantity, d.year) for d in deals(text, "2024-07-10")}
    assert ("NOR", "KOR", 24, 2017) in found
    assert ("ROU", "KOR", 54, 2024) in found



def test_of_two_governments_signing_a_purchase_together_the_larger_arms_exporter_sells():
    text = ("Tin quốc phòng\n\n"
            "Ba Lan và Mỹ ký hợp đồng trị giá 10 tỷ USD mua 96 trực thăng tấn công.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-08-14")] == [("POL", "USA", 96)]


def test_a_model_named_after_a_personal_title_is_a_person_not_equipment():
    text = ("Tin quốc phòng\n\n"
            "Trong một tuyên bố, ông Bayraktar nhấn mạnh rằng Ai Cập sẽ mua 12 UAV Akinci của Thổ Nhĩ Kỳ.")
    assert [(d.buyer, d.seller, d.system) for d in deals(text, "2024-02-02")] == [("EGY", "TUR", "UAV Akinci")]


def test_a_page_date_and_time_after_the_title_are_no_part_of_its_equipment():
    text = ("Romania ký thư ý định mua 24 tiêm kích Gripen E 12/11/2025 09:30\n\n"
            "Romania và Thụy Điển đã ký thư ý định về việc mua 24 tiêm kích Gripen E.")
    assert [d.system for d in deals(text, "2025-11-12")] == ["tiêm kích Gripen E"]


def test_a_contract_for_other_equipment_told_later_does_not_name_the_sides_of_a_purchase():
    text = ("Tin quốc phòng\n\n"
            "Thủ tướng Anh ngày 5-3 cho biết Ba Lan sẽ mua 2 tàu khu trục của Anh trong bối cảnh London tìm cách bù đắp "
            "sau khi mất hợp đồng tàu ngầm với Canada.")
    assert [(d.buyer, d.seller) for d in deals(text, "2024-03-06")] == [("POL", "GBR")]


def test_a_kind_named_beside_its_model_is_a_deal_for_that_model():
    text = ("Tin quốc phòng\n\n"
            "Chính phủ Brazil cho biết Bồ Đào Nha muốn mua C-390, loại máy bay vận tải lớn nhất do Embraer sản xuất.")
    assert [(d.buyer, d.seller, d.system) for d in deals(text, "2019-06-01")] == [("PRT", "BRA", "C-390")]


def test_the_countries_a_named_system_was_ordered_by_each_signed_for_it():
    text = ("Estonia mua pháo Hàn Quốc\n\n"
            "Estonia ký hợp đồng mua 12 pháo tự hành K9 của Hàn Quốc.\n\n"
            "Hanwha cho biết những khẩu đầu tiên sẽ được giao trong năm tới.\n\n"
            "Pháo tự hành K9 trước đó đã được Thổ Nhĩ Kỳ, Ấn Độ, Na Uy và Australia đặt mua.")
    found = {(d.buyer, d.seller, d.status) for d in deals(text, "2024-02-02")}
    assert found == {("EST", "KOR", "signed"), ("TUR", "KOR", "signed"), ("IND", "KOR", "signed"),
                     ("NOR", "KOR", "signed"), ("AUS", "KOR", "signed")}


def test_countries_that_sign_one_purchase_together_each_buy():
    text = ("Tin quốc phòng\n\n"
            "Litva và Ba Lan hôm 5/6 đã cùng ký hợp đồng mua hệ thống phòng không NASAMS của Na Uy.")
    found = {(d.buyer, d.seller) for d in deals(text, "2024-06-06")}
    assert found == {("LTU", "NOR"), ("POL", "NOR")}


def test_a_verb_after_a_model_ends_its_name():
    text = "Tin quốc phòng\n\nViệc Malaysia mua thêm 8 tiêm kích FA-50 diễn ra trong bối cảnh căng thẳng."
    assert [d.system for d in deals(text, "2024-06-06")] == ["tiêm kích FA-50"]


def test_a_counted_or_named_system_brought_along_is_a_deal_of_its_own():
    text = ("Pháo tự hành cho Na Uy\n\nNa Uy ngày 5/3 ký hợp đồng mua 20 pháo tự hành K9 cùng 8 xe tiếp đạn bọc thép K10 "
            "của Hàn Quốc.")
    found = sorted((d.system, d.quantity) for d in deals(text, published="2024-03-06"))
    assert found == [("pháo tự hành K9", 20), ("xe tiếp đạn bọc thép K10", 8)]


def test_equipment_brought_along_without_count_or_model_belongs_to_the_system_and_its_price_too():
    text = ("Mỹ duyệt bán trực thăng\n\nBộ Ngoại giao Mỹ phê duyệt khả năng bán cho Thái Lan 14 trực thăng UH-60M "
            "Black Hawk cùng động cơ dự phòng, radar và dịch vụ huấn luyện, trị giá ước tính 1,2 tỷ USD.")
    (deal,) = deals(text, published="2024-03-06")
    assert (deal.buyer, deal.seller, deal.system, deal.quantity, deal.value_usd) == (
        "THA", "USA", "trực thăng UH-60M Black Hawk", 14, 1.2e9)


def test_what_comes_along_with_an_owner_of_its_own_is_not_an_accessory():
    text = ("Không quân Chile mua sắm\n\nChile sẽ mua phi cơ chiến đấu của Thụy Điển cùng trực thăng của Pháp "
            "trong năm tới.")
    found = {(d.buyer, d.seller, d.system) for d in deals(text, published="2024-03-06")}
    assert ("CHL", "SWE", "phi cơ chiến đấu") in found
    assert not any(buyer == "FRA" for buyer, _, _ in found)


def test_an_economic_partnership_agreement_is_no_deal():
    text = ("Indonesia và Australia họp 2+2\n\nHai bộ trưởng quốc phòng đã ký thỏa thuận hợp tác quốc phòng mới. "
            "Hai nước cũng đã ký Hiệp định Đối tác kinh tế toàn diện song phương (IA-CEPA) vào năm 2019.")
    assert not any("kinh tế" in d.system for d in deals(text, published="2024-03-06"))


def test_the_seat_versions_of_an_order_are_its_breakdown_not_more_deals():
    text = ("Peru mua Gripen\n\nPeru đã ký hợp đồng mua 12 tiêm kích JAS 39 Gripen E/F của Thụy Điển. "
            "Theo Saab, hợp đồng với Chính phủ Peru có tổng giá trị 2,5 tỷ euro, gồm 10 chiếc Gripen E một chỗ ngồi và "
            "2 chiếc Gripen F hai chỗ ngồi, cùng vũ khí.")
    found = [(d.buyer, d.seller, d.quantity) for d in deals(text, published="2024-03-06")]
    assert found == [("PER", "SWE", 12)]


def test_airbus_military_transport_aircraft_are_sold_from_spain():
    for model in ("A400M", "C-295"):
        text = f"Vận tải cơ\n\nKazakhstan đã ký hợp đồng mua 2 máy bay vận tải {model} của Airbus."
        assert [(d.buyer, d.seller) for d in deals(text, published="2024-03-06")] == [("KAZ", "ESP")], model


def test_bae_systems_guns_and_vehicles_built_in_the_united_states_are_sold_from_there():
    for system in ("60 pháo tự hành M109A7", "100 pháo M777", "50 xe chiến đấu bộ binh Bradley"):
        text = f"Gói vũ khí mới\n\nĐài Loan sẽ mua {system} trong gói vũ khí mới được công bố hôm qua."
        assert [(d.buyer, d.seller) for d in deals(text, published="2024-03-06")] == [("TWN", "USA")], system


def test_missiles_of_mbda_uk_are_sold_from_britain():
    text = "Phòng không\n\nBa Lan sẽ mua 1.000 tên lửa CAMM-ER trong chương trình phòng không mới."
    assert [(d.buyer, d.seller) for d in deals(text, published="2024-03-06")] == [("POL", "GBR")]


def test_a_system_named_back_as_mentioned_above_keeps_its_own_name():
    text = ("Argentina mua F-16\n\nArgentina đã ký hợp đồng mua 24 tiêm kích F-16 của Đan Mạch năm 2024. "
            "Argentina cũng nhận 6 chiếc F-16 nói trên từ Đan Mạch hôm qua với giá 300 triệu USD.")
    assert all("nói" not in d.system for d in deals(text, published="2025-12-06"))


def test_systems_told_competing_for_a_contract_are_not_traded():
    text = ("Rafale cho Indonesia\n\nIndonesia đã ký hợp đồng mua 42 tiêm kích Rafale của Pháp. Rafale trước đây từng "
            "cạnh tranh với Su-30 của Nga để giành hợp đồng tại Algeria nhưng thất bại.")
    assert [(d.buyer, d.seller) for d in deals(text, published="2022-02-11")] == [("IDN", "FRA")]


def test_a_shipyard_named_after_its_ships_is_no_system():
    text = ("Malaysia\n\nCùng ngày 26/5, Chính phủ Malaysia và Nhà máy đóng tàu hải quân Boustead ký hợp đồng bổ sung "
            "lần thứ sáu cho chương trình tàu chiến ven bờ (LCS) lớp Maharaja Lela.\nTheo hợp đồng năm 2011, Boustead "
            "đóng 6 tàu LCS theo thiết kế tàu hộ vệ Gowind của tập đoàn Naval Group (Pháp).")
    assert not any("Boustead" in d.system for d in deals(text, published="2023-05-27"))


def test_a_government_approving_a_package_sells_its_systems_whoever_makes_them():
    text = ("Vũ khí cho Đài Loan\n\nBộ Ngoại giao Mỹ thông qua gói vũ khí cho Đài Loan gồm 3 hệ thống NASAMS trị giá 1,16 "
            "tỷ USD.")
    assert [(d.buyer, d.seller) for d in deals(text, published="2024-10-26")] == [("TWN", "USA")]
    purchase = "Mua sắm\n\nBa Lan thông qua gói mua sắm 3 hệ thống NASAMS."
    assert [(d.buyer, d.seller) for d in deals(purchase, published="2024-10-26")] == [("POL", "NOR")]


def test_a_clause_opening_on_its_selling_verb_goes_on_with_the_subject_before_it():
    text = ("Tin quốc phòng\n\nBỉ giải thể các đơn vị thiết giáp từ năm 2010 trong đợt cắt giảm chi tiêu, sau đó bán "
            "số xe tăng Leopard 1A5 còn lại cho Brazil.")
    assert [(d.buyer, d.seller) for d in deals(text, "2015-03-01")] == [("BRA", "BEL")]


def test_equipment_handed_over_free_of_charge_is_aid_not_a_deal():
    text = ("Tin quốc phòng\n\nHàn Quốc đã chuyển giao miễn phí một tàu hộ vệ lớp Pohang đã qua sử dụng cho Hải quân "
            "Philippines.")
    assert not deals(text, "2019-03-05")


def test_military_trucks_are_traded_equipment():
    text = "Tin quốc phòng\n\nLào đã tiếp nhận 150 xe tải quân sự mua của Nga."
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2021-06-01")] == [("LAO", "RUS", 150)]


def test_equipment_said_to_be_sold_not_given_is_a_deal():
    text = ("Tin quốc phòng\n\nTướng Phoumy cho biết 150 xe tải quân sự này do Nga bán chứ không phải viện trợ cho "
            "Lào.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2021-06-01")] == [("LAO", "RUS", 150)]


def test_items_counted_with_một_are_listed_items_each_a_deal():
    text = ("Tin quốc phòng\n\nChile đã ký hợp đồng với Naval Group của Pháp để đóng một tàu khu trục, một tàu tuần tra "
            "xa bờ và hai tàu đổ bộ.")
    assert sorted((d.system, d.quantity) for d in deals(text, "2024-05-01")) == [
        ("tàu khu trục", 1), ("tàu tuần tra xa bờ", 1), ("tàu đổ bộ", 2)]


def test_equipment_in_a_makers_name_is_not_traded():
    text = ("Tin quốc phòng\n\nTập đoàn Hanwha của Hàn Quốc và Nhà máy Vũ khí và Đạn dược Lục quân Chile đã ký hợp đồng "
            "mua 12 pháo tự hành K9.")
    assert [d.system for d in deals(text, "2025-01-10")] == ["pháo tự hành K9"]


def test_the_home_of_a_news_agency_in_brackets_is_no_side_of_the_deal_it_reports():
    text = ("Tin quốc phòng\n\nHãng tin Reuters (Anh) dẫn một tuyên bố cho biết Mỹ và Qatar đã ký thỏa thuận về việc "
            "lắp ráp 40 máy bay trực thăng Blackhawk của hãng Lockheed Martin (Mỹ).")
    assert [(d.buyer, d.seller) for d in deals(text, "2017-05-21")] == [("QAT", "USA")]


def test_a_model_bought_from_a_named_owner_is_that_owners_sale_wherever_the_article_names_it_again():
    text = ("Tin quốc phòng\n\nRomania đã hoàn tất thương vụ mua 32 tiêm kích F-16 đã qua sử dụng từ Na Uy.\n\n"
            "Năm 2023, Romania ký hợp đồng mua 32 chiếc F-16 trị giá khoảng 450 triệu USD.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2023-11-20")] == [("ROU", "NOR", 32)]


@pytest.mark.parametrize("sentence", [
    "Hy Lạp và Croatia cũng ký hợp đồng mua Rafale của Pháp trong năm 2021.",
    "Hy Lạp và Croatia đều đã đặt mua Rafale của Pháp trong năm 2021.",
])
def test_countries_listed_as_buying_alike_each_buy(sentence):
    assert sorted((d.buyer, d.seller) for d in deals("Tin quốc phòng\n\n" + sentence, "2021-12-15")) == [
        ("GRC", "FRA"), ("HRV", "FRA")]


def test_an_agreement_named_shorter_in_the_title_is_the_one_the_lead_names():
    text = ("Nhật Bản - Thái Lan ký hiệp định chuyển giao thiết bị quốc phòng\n\nNhật Bản và Thái Lan ngày 2/5 đã ký "
            "hiệp định về chuyển giao trang thiết bị và công nghệ quốc phòng.")
    assert len([d for d in deals(text, "2022-05-03") if d.kind == "agreement"]) == 1


def test_countries_buying_jointly_each_buy():
    text = "Tin quốc phòng\n\nBỉ và Luxembourg ký hợp đồng mua chung 8 máy bay vận tải A400M của châu Âu từ Tây Ban Nha."
    assert sorted(d.buyer for d in deals(text, "2024-07-23")) == ["BEL", "LUX"]


def test_a_fleet_the_country_already_has_is_not_traded():
    text = ("Tin quốc phòng\n\nMalaysia hoãn mua tiêm kích mới và sẽ dùng khoản tiền này để nâng cấp các tiêm kích "
            "Su-30 và F/A-18 hiện có.")
    assert not deals(text, "2024-02-11")


def test_anti_tank_rockets_are_traded_equipment():
    text = "Tin quốc phòng\n\nNăm 2022, Armenia ký hợp đồng mua 200 rocket chống tăng của Ấn Độ."
    assert [(d.buyer, d.seller, d.category) for d in deals(text, "2024-06-19")] == [("ARM", "IND", "missile")]


def test_a_framework_agreement_to_buy_counted_equipment_is_its_purchase():
    text = ("Tin quốc phòng\n\nHàn Quốc và Chile vừa ký thỏa thuận khung về việc xuất khẩu 40 xe tăng chủ lực K2 và 100 xe "
            "bọc thép K808.")
    assert sorted((d.kind, d.system, d.quantity) for d in deals(text, "2025-12-10")) == [
        ("purchase", "xe bọc thép K808", 100), ("purchase", "xe tăng chủ lực K2", 40)]


def test_the_price_of_a_package_a_system_is_part_of_stays_off_the_system():
    text = "Tin quốc phòng\n\nQatar mua 24 tiêm kích F-15 của Mỹ, một phần của gói vũ khí trị giá 12 tỷ USD."
    assert [(d.quantity, d.value_usd) for d in deals(text, "2017-06-15")] == [(24, None)]


def test_a_selling_verb_with_no_country_before_it_leaves_the_seller_to_the_next_verb():
    text = "Tin quốc phòng\n\nĐể bán hệ thống NASAMS cho Ukraine, Mỹ đã phê duyệt gói trị giá 1,2 tỷ USD."
    assert [(d.buyer, d.seller) for d in deals(text, "2024-01-01")] == [("UKR", "USA")]


def test_the_system_a_missile_is_bought_for_is_not_traded_with_it():
    text = "Tin quốc phòng\n\nĐan Mạch đã đặt mua tên lửa PAC-3 cho hệ thống Patriot của Mỹ, trị giá 250 triệu USD."
    assert [d.system for d in deals(text, "2025-05-01")] == ["tên lửa PAC-3"]


def test_the_recipient_of_a_sale_whose_contents_are_listed_after_it_buys_them():
    text = ("Tin quốc tế\n\nBắc Kinh phản ứng sau khi Washington thông báo gói vũ khí trị giá 2 tỷ USD cho Philippines, "
            "trong đó có tên lửa chống hạm Harpoon.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-06-01")] == [("PHL", "USA")]


def test_the_first_of_an_order_delivered_counts_the_whole_order():
    text = ("Tin quốc phòng\n\nPhilippines đã nhận hai chiếc tàu tuần tra đầu tiên trong tổng số 6 chiếc đặt mua của "
            "Hàn Quốc. Năm 2022, Philippines ký hợp đồng mua 6 tàu tuần tra xa bờ của Hàn Quốc.")
    assert [(d.quantity, d.status) for d in deals(text, "2025-03-01")] == [(6, "delivered")]


def test_the_agent_of_a_passive_is_not_the_buyer():
    text = ("Tin quốc phòng\n\nẤn Độ bị Mỹ đưa vào diện xem xét trừng phạt năm 2022 sau khi tiếp nhận hệ thống phòng "
            "không S-400 mua của Nga.")
    assert [(d.buyer, d.seller) for d in deals(text, "2021-01-01")] == [("IND", "RUS")]


def test_items_of_a_package_each_priced_and_apart_by_semicolons_are_traded():
    text = ("Tin quốc phòng\n\nMỹ phê duyệt bán cho Ba Lan các hạng mục gồm 48 bệ phóng HIMARS, trị giá 3 tỷ USD; "
            "tên lửa chống tăng Javelin hơn 200 triệu USD; tên lửa Hellfire khoảng 150 triệu USD.")
    assert {(d.buyer, d.system) for d in deals(text, "2025-01-01")} >= {
        ("POL", "tên lửa chống tăng Javelin"), ("POL", "tên lửa Hellfire")}


def test_a_seller_exporting_for_the_first_time_is_the_seller():
    text = "Tin quốc phòng\n\nHàn Quốc lần đầu tiên xuất khẩu tên lửa Patriot sản xuất theo giấy phép sang Ba Lan."
    assert [(d.buyer, d.seller) for d in deals(text, "2025-01-01")] == [("POL", "KOR")]


def test_cho_viec_before_a_country_names_no_recipient():
    text = ("Tin quốc phòng\n\nThỏa thuận mới có thể mở đường cho việc Seoul xuất khẩu tàu hộ vệ thế hệ mới cho Hải quân Ba Lan.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-01-01")] == [("POL", "KOR")]


def test_the_trader_of_the_next_clause_is_no_side_of_this_clauses_deal():
    text = "Ấn Độ nhận pháo tự hành K9, Pháp xuất khẩu thêm tiêm kích\n\nNội dung đang cập nhật."
    assert ("IND", "KOR") in [(d.buyer, d.seller) for d in deals(text, "2025-01-01")]


def test_an_aside_naming_what_an_item_is_a_version_of_stays_inside_the_list():
    text = ("Tin quốc phòng\n\nNa Uy đã ký hợp đồng với Hanwha để mua 24 pháo tự hành K9 Vidar, phiên bản của pháo K9, "
            "cùng 6 xe tiếp đạn K10.")
    assert sorted((d.system, d.quantity) for d in deals(text, "2017-12-21")) == [
        ("pháo tự hành K9 Vidar", 24), ("xe tiếp đạn K10", 6)]


def test_the_buyer_of_a_deal_told_after_sau_khi_buys_nothing_in_the_main_clause():
    text = ("Tin quốc phòng\n\nHợp đồng mua trực thăng Black Hawk được ký chưa đầy một tháng sau khi Manila ký thỏa thuận "
            "với Ấn Độ để mua hệ thống tên lửa BrahMos.")
    assert all(d.buyer != "IND" for d in deals(text, "2022-02-25"))


def test_a_priced_sale_of_arms_named_only_as_arms_is_a_deal_when_no_system_is_named():
    text = ("Washington duyệt bán vũ khí cho Đài Loan\n\n"
            "Bộ Ngoại giao Mỹ ngày 10/5 đã phê chuẩn việc bán số vũ khí trị giá 2,3 tỷ USD cho Đài Loan.\n\n"
            "Bắc Kinh lập tức phản đối quyết định này.")
    (deal,) = deals(text, "2024-05-11")
    assert (deal.buyer, deal.seller, deal.system, deal.category, deal.value_usd) == (
        "TWN", "USA", "vũ khí", "other", 2_300_000_000)
    told_as_a_sale = ("Tin quốc phòng\n\nChính phủ Mỹ hôm 3/2 đã phê duyệt thương vụ bán vũ khí trị giá 500 triệu USD "
                      "cho Đài Loan.")
    assert [(d.buyer, d.seller, d.value_usd) for d in deals(told_as_a_sale, "2024-02-05")] == [
        ("TWN", "USA", 500_000_000)]


def test_arms_priced_beside_a_named_system_add_no_deal_of_their_own():
    text = ("Mỹ duyệt bán vũ khí cho Trung Đông\n\n"
            "Mỹ đã đồng ý bán vũ khí trị giá 4 tỷ USD cho các đối tác Trung Đông.\n\n"
            "Trong đó, Qatar sẽ mua 12 trực thăng tấn công Apache từ Mỹ.")
    assert [(d.buyer, d.system, d.value_usd) for d in deals(text, "2024-05-11")] == [
        ("QAT", "trực thăng tấn công Apache", None)]


def test_con_before_a_verb_means_also_and_leaves_the_package_list_in_its_clause():
    text = ("Mỹ duyệt gói vũ khí cho Ba Lan\n\n"
            "Bộ Ngoại giao Mỹ đã chấp thuận bán cho Ba Lan 12 trực thăng AH-64E với tổng trị giá 2 tỷ USD.\n\n"
            "Ngoài 12 trực thăng, gói hàng còn gồm 200 tên lửa AGM-179 JAGM và 40 rocket dẫn đường APKWS.")
    assert {(d.system, d.quantity) for d in deals(text, "2024-05-11")} >= {("tên lửa AGM-179 JAGM", 200)}


def test_spares_sold_with_the_systems_are_no_deal_of_their_own():
    text = ("Hà Lan mua thêm tiêm kích\n\n"
            "Hà Lan đã ký hợp đồng mua thêm 6 tiêm kích F-35A của Mỹ.\n\n"
            "Ngoài 6 máy bay, gói này còn bao gồm ba động cơ dự phòng và dịch vụ huấn luyện.")
    assert [d.system for d in deals(text, "2024-05-11")] == ["tiêm kích F-35A"]
    listed = "Tin quốc phòng\n\nHà Lan đã ký hợp đồng mua 6 tiêm kích F-35A và ba động cơ dự phòng của Mỹ."
    assert [d.system for d in deals(listed, "2024-05-11")] == ["tiêm kích F-35A"]


def test_what_a_contract_told_before_holds_is_no_contract_of_its_own():
    text = ("Ấn Độ mua tiêm kích hải quân\n\n"
            "Ấn Độ và Pháp ngày 28/4 đã ký hợp đồng theo đó New Delhi mua 26 tiêm kích hải quân Rafale M.\n\n"
            "Theo hợp đồng, Ấn Độ sẽ nhận 22 chiếc Rafale M một chỗ ngồi và 4 chiếc hai chỗ ngồi.")
    assert [(d.quantity, d.evidence) for d in deals(text, "2025-04-29")] == [(26, (0, 1, 2))]


def test_a_sale_of_arms_priced_before_the_word_arms_is_read_with_its_decimal_amount():
    text = "Tin quốc phòng\n\nMỹ đã đồng ý bán 1,1 tỷ USD vũ khí cho Đài Loan, động thái khiến Bắc Kinh phản đối."
    assert [(d.buyer, d.seller, d.system, d.value_usd) for d in deals(text, "2022-09-03")] == [
        ("TWN", "USA", "vũ khí", 1_100_000_000)]


def test_the_kinds_a_range_spans_are_no_deals_of_their_own():
    text = ("Tin quốc phòng\n\nTrong mười năm qua, Thái Lan đã ký nhiều hợp đồng mua vũ khí Trung Quốc, từ xe tăng tới "
            "tàu ngầm và tàu đổ bộ.")
    assert deals(text, "2024-05-11") == ()


def test_the_rivals_a_tender_lists_after_several_words_are_no_deals():
    text = ("Croatia chọn Rafale\n\nCroatia đã ký hợp đồng mua 12 tiêm kích Rafale của Pháp. Các đối thủ khác trong cuộc "
            "đua gồm F-16 Block 70 do Mỹ chào bán và JAS-39 Gripen của Thụy Điển.")
    assert [(d.seller, d.quantity) for d in deals(text, "2021-11-26")] == [("FRA", 12)]


def test_a_buyer_described_between_commas_is_still_the_subject_of_its_verb():
    text = ("Tin quốc phòng\n\nTrước đó, Serbia đã cân nhắc mua Rafale trong hai năm, kể từ khi Croatia, nước láng giềng "
            "và cũng là đối thủ trong khu vực, mua 12 chiếc Rafale đã qua sử dụng của Pháp vào năm 2021.")
    assert ("HRV", "FRA", 12) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-08-30")]


def test_the_fleet_a_country_operates_is_no_order():
    text = ("Tin quốc phòng\n\nNăm 2008, Bangkok ký hợp đồng mua 6 chiếc Gripen C/D đầu tiên và hiện Không quân Thái Lan "
            "vận hành một phi đội gồm 11 chiếc Gripen C/D.")
    assert [(d.buyer, d.quantity) for d in deals(text, "2025-08-26")] == [("THA", 6)]


def test_uncounted_weapons_of_a_package_led_by_counted_aircraft_come_with_them():
    text = ("Phần Lan chọn F-35A\n\nPhần Lan quyết định mua 64 tiêm kích F-35A của Mỹ với giá 9,4 tỷ USD.\n\n"
            "Gói mua sắm gồm 64 máy bay F-35A phiên bản Block 4, tên lửa không đối không AMRAAM và Sidewinder, phụ tùng "
            "cùng dịch vụ bảo dưỡng.")
    assert [(d.system, d.quantity) for d in deals(text, "2021-12-11")] == [("máy bay F-35A phiên bản Block 4", 64)]


def test_a_country_that_signs_a_contract_to_buy_is_the_buyer_of_its_clause():
    text = ("Tin quốc phòng\n\nNăm 2024, Paraguay đặt mua A-29 Super Tucano của Brazil, còn Bồ Đào Nha ký hợp đồng mua "
            "12 chiếc A-29N theo tiêu chuẩn NATO.")
    assert ("PRT", "BRA") in [(d.buyer, d.seller) for d in deals(text, "2026-02-20")]


def test_a_contract_detailed_after_theo_thoa_thuan_keeps_its_count_when_none_was_told_before():
    text = "Tin quốc phòng\n\nTheo thỏa thuận, Slovakia sẽ mua 152 xe chiến đấu bộ binh CV90 của Thụy Điển."
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-05-01")] == [("SVK", "SWE", 152)]


def test_nuoc_nay_buying_from_two_countries_in_one_sentence_is_the_country_told_before():
    text = ("Philippines mua sắm vũ khí\n\nNăm 2023, Manila đã đặt mua 12 tiêm kích FA-50 của Hàn Quốc.\n\n"
            "Nước này cũng đang cân nhắc mua tiêm kích Gripen của Thụy Điển và đàm phán với Mỹ về việc mua tiêm kích F-16.")
    assert sorted((d.buyer, d.seller) for d in deals(text, "2025-02-01")) == [
        ("PHL", "KOR"), ("PHL", "SWE"), ("PHL", "USA")]


def test_a_new_system_replacing_the_fleet_in_service_is_not_delivered_by_it():
    text = ("Romania mua tiêm kích F-35\n\nRomania đã ký hợp đồng mua 32 tiêm kích F-35A của Mỹ.\n\n"
            "Những chiếc F-35A sẽ thay thế phi đội tiêm kích MiG-21 LanceR mà Romania đang vận hành.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2024-11-22")] == [("ROU", "USA", "signed")]


def test_counted_launchers_bought_are_a_system_but_launchers_listed_as_a_packages_parts_are_not():
    bought = ("Thụy Điển mua bệ phóng Patriot\n\n"
              "Ngày 5/3, Thụy Điển ký hợp đồng trị giá 400 triệu USD với Mỹ để mua 12 bệ phóng cho hệ thống phòng không "
              "Patriot.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(bought, "2025-03-06")] == [("SWE", "USA", 12)]
    parts = ("Mỹ duyệt bán NASAMS cho Qatar\n\n"
             "Mỹ phê duyệt khả năng bán cho Qatar hệ thống phòng không NASAMS, bao gồm 12 bệ phóng và 4 radar.")
    assert 12 not in [d.quantity for d in deals(parts, "2025-03-06")]


def test_a_recipient_in_a_clause_of_another_event_is_no_buyer_of_the_equipment_before_it():
    text = ("Bulgaria mua hệ thống phòng không\n\nChính phủ Bulgaria đã phê duyệt kế hoạch mua 4 hệ thống phòng không "
            "IRIS-T của Đức, nhằm lấp khoảng trống để lại sau khi nước này chuyển giao tên lửa cũ cho Ukraine.")
    assert [(d.buyer, d.seller) for d in deals(text, "2024-08-29") if d.quantity == 4] == [("BGR", "DEU")]


@pytest.mark.parametrize("kind", ["khinh hạm lớp Visby", "chiến đấu cơ Gripen", "xe chiến đấu bộ binh CV90"])
def test_a_country_choosing_any_kind_of_equipment_is_negotiating_to_buy_it(kind):
    text = f"Đan Mạch chọn {kind} của Thụy Điển\n\nQuyết định được công bố hôm 2/9."
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2025-09-03")] == [("DNK", "SWE", "negotiating")]


def test_the_country_chosen_as_partner_to_supply_equipment_is_its_seller():
    text = ("Đan Mạch chọn đối tác tàu ngầm\n\nĐan Mạch đã chọn Thụy Điển làm đối tác chiến lược để mua sắm thế hệ tàu ngầm "
            "mới trị giá 3 tỷ USD.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2025-09-03")] == [("DNK", "SWE", "negotiating")]


def test_the_aircraft_that_carries_a_delivery_is_not_traded():
    text = ("Việt Nam nhận lô tên lửa đầu tiên\n\nViệt Nam đã tiếp nhận lô tên lửa BrahMos đầu tiên từ Ấn Độ.\n\n"
            "Ngày 2/5, một máy bay vận tải An-124 của Không quân Ấn Độ đã chở các tên lửa tới Hà Nội để bàn giao.")
    assert [d.system for d in deals(text, "2025-05-03") if "An-124" in d.system] == []


def test_a_first_batch_expected_later_is_no_delivery():
    text = ("Ba Lan ký mua xe tăng\n\nBa Lan đã ký hợp đồng mua 180 xe tăng K2 của Hàn Quốc.\n\n"
            "Lô xe tăng K2 đầu tiên dự kiến được chuyển giao vào năm 2026.")
    assert [d.status for d in deals(text, "2025-05-03")] == ["signed"]


def test_equipment_bought_from_several_countries_listed_after_tu_is_one_deal_per_seller():
    text = ("Ai Cập mua tiêm kích cũ\n\nAi Cập đang đàm phán mua lại các tiêm kích Mirage 2000 đã qua sử dụng từ Qatar và "
            "Ấn Độ để bổ sung lực lượng.")
    assert sorted((d.buyer, d.seller) for d in deals(text, "2025-05-03")) == [("EGY", "IND"), ("EGY", "QAT")]


def test_a_rounded_count_in_the_title_and_the_exact_count_in_the_body_are_one_deal_with_the_exact_count():
    text = ("Ấn Độ ký hợp đồng mua hơn 400.000 khẩu súng trường Tavor\n\n"
            "Ngày 3/6, Ấn Độ đã ký hợp đồng mua 402.350 khẩu súng trường Tavor của Israel.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-06-04")] == [("IND", "ISR", 402350)]


def test_a_counted_fleet_a_purchase_replaces_is_not_traded():
    text = ("Ba Lan mua xe tăng\n\nBa Lan sẽ mua 96 xe tăng M1A2 mới của Mỹ để thay thế 120 chiếc xe tăng T-72 cũ.")
    assert [(d.system, d.quantity) for d in deals(text, "2025-06-04")] == [("xe tăng M1A2 mới", 96)]


def test_a_typhoon_is_sold_by_the_country_the_text_names_and_eurofighter_typhoon_is_the_same_model():
    italy = "Kuwait mua Typhoon\n\nKuwait đã ký hợp đồng mua 28 tiêm kích Typhoon từ Italy."
    assert [(d.buyer, d.seller) for d in deals(italy, "2016-04-06")] == [("KWT", "ITA")]
    one = ("Thổ Nhĩ Kỳ ký mua 20 tiêm kích Typhoon\n\n"
           "Anh và Thổ Nhĩ Kỳ đã ký thỏa thuận theo đó Ankara mua 20 tiêm kích Eurofighter Typhoon.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(one, "2025-10-28")] == [("TUR", "GBR", 20)]


@pytest.mark.parametrize("sentence", [
    "Ngày 2/6, Không quân Thái Lan đã ký hợp đồng mua lô tiêm kích Gripen E/F đầu tiên của Thụy Điển.",
    "Ngày 2/6, Thái Lan đã ký hợp đồng mua thêm 4 tiêm kích Gripen E/F của Thụy Điển, 5 năm sau lô máy bay đầu tiên.",
])
def test_buying_a_first_batch_or_an_order_after_it_is_no_delivery(sentence):
    assert [d.status for d in deals(f"Thái Lan mua Gripen\n\n{sentence}", "2025-06-03")] == ["signed"]


def test_equipment_named_as_an_example_of_what_a_country_is_equipped_with_is_not_traded():
    text = ("Ai Cập nhận trực thăng\n\nAi Cập đã nhận 10 trực thăng AH-64E của Mỹ.\n\n"
            "Quân đội Ai Cập hiện đã trang bị nhiều vũ khí do Mỹ sản xuất như tiêm kích F-16 và xe tăng M1 Abrams.")
    assert [d.system for d in deals(text, "2025-06-03")] == ["trực thăng AH-64E"]


def test_a_system_named_again_in_brackets_under_another_name_is_one_system():
    text = ("Iraq mua tên lửa Hàn Quốc\n\nIraq đã ký hợp đồng mua 8 khẩu đội Cheongung-II (còn gọi là KM-SAM) của Hàn Quốc.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-09-20")] == [("IRQ", "KOR", 8)]


def test_a_memorandum_with_a_firm_about_buying_counted_equipment_is_a_purchase_under_talks():
    text = ("Ai Cập mua tiêm kích\n\nHồi tháng 8, Bộ Quốc phòng Ai Cập ký bản ghi nhớ với tập đoàn Dassault của Pháp về việc "
            "mua 30 tiêm kích Rafale.")
    assert [(d.kind, d.buyer, d.seller, d.quantity, d.status) for d in deals(text, "2025-09-01")] == [
        ("purchase", "EGY", "FRA", 30, "negotiating")]


def test_two_governments_signing_an_agreement_to_sell_orients_it_by_arms_exports():
    text = "Tin quốc phòng\n\nAnh và Ba Lan ngày 3/2 ký thỏa thuận bán 3 khinh hạm trị giá 2 tỷ bảng Anh."
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-02-04")] == [("POL", "GBR", 3)]


def test_an_agreement_that_gives_forces_access_is_no_deal_but_a_logistics_one_is():
    access = ("Mỹ và Na Uy ký thỏa thuận\n\nNgày 5/12, Mỹ và Na Uy ký Thỏa thuận hợp tác quốc phòng, cho phép quân đội Mỹ "
              "tiếp cận một số căn cứ trên lãnh thổ Na Uy.")
    assert list(deals(access, "2023-12-06")) == []
    logistics = ("Ấn Độ và Pháp ký thỏa thuận\n\nNgày 5/12, Ấn Độ và Pháp ký Thỏa thuận hỗ trợ hậu cần lẫn nhau, cho phép "
                 "quân đội hai nước sử dụng căn cứ của nhau.")
    assert [d.kind for d in deals(logistics, "2023-12-06")] == ["agreement"]


def test_a_systems_designation_in_brackets_right_after_it_is_its_model():
    text = ("Úc và Mỹ hợp tác sản xuất tên lửa\n\nÚc và Mỹ nhất trí cùng sản xuất tên lửa của hệ thống pháo phản lực phóng "
            "loạt dẫn đường (GMLRS) tại Úc.")
    assert [(d.system, d.category) for d in deals(text, "2023-07-30")] == [
        ("hệ thống pháo phản lực phóng loạt dẫn đường (GMLRS)", "missile")]


def test_the_countries_of_a_joint_venture_that_makes_the_system_are_no_buyer():
    text = ("Indonesia nhận BrahMos\n\nIndonesia đã nhận lô tên lửa BrahMos đầu tiên từ Ấn Độ.\n\n"
            "Đây là đơn hàng xuất khẩu thứ hai của BrahMos, loại tên lửa do liên doanh giữa Ấn Độ và Nga phát triển.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-04-20")] == [("IDN", "IND")]


def test_a_country_in_a_clause_of_another_event_is_not_the_one_other_country_that_buys():
    text = ("Romania mua pháo Hàn Quốc\n\nRomania đã ký hợp đồng mua 54 pháo tự hành K9 của Hàn Quốc.\n\n"
            "Trước đó, hai nước ký thỏa thuận khung về pháo tự hành K9 và xe tiếp đạn K10, chỉ vài tháng sau khi Nga mở "
            "chiến dịch quân sự.")
    assert {(d.buyer, d.seller) for d in deals(text, "2024-04-26")} == {("ROU", "KOR")}


def test_equipment_chosen_against_after_thay_vi_is_not_traded():
    text = "UAE chọn Typhoon\n\nUAE đã ký hợp đồng mua 24 tiêm kích Typhoon của Anh thay vì tiêm kích Rafale của Pháp."
    assert [(d.buyer, d.seller) for d in deals(text, "2025-06-04")] == [("ARE", "GBR")]


def test_the_country_whose_plan_to_buy_it_is_buys_and_talks_on_it_make_it_negotiating():
    text = ("Ấn Độ và Nga\n\nNgoài vấn đề Iran, quan hệ Mỹ - Ấn chịu sức ép từ kế hoạch của Ấn Độ mua 5 hệ thống "
            "phòng không S-400 của Nga, thương vụ khoảng 5,4 tỷ USD mà hai nước được cho là đang đàm phán.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2018-06-28")] == [("IND", "RUS", "negotiating")]


def test_an_ally_of_a_country_is_no_plan_of_it():
    text = ("Tin quân sự\n\nCác đồng minh của Mỹ mua thêm tiêm kích F-35, trong đó Ba Lan đặt mua 32 chiếc F-35A "
            "từ Mỹ.")
    assert ("USA", "USA") not in [(d.buyer, d.seller) for d in deals(text, "2024-03-01")]


def test_an_agreement_sharing_the_cost_of_stationed_troops_is_no_deal():
    text = ("Hàn Quốc và Mỹ\n\nSau cuộc họp, hai nước đã ký tắt Thỏa thuận Chia sẻ chi phí quốc phòng (SMA) lần thứ 11, "
            "quy định phần đóng góp của Hàn Quốc cho khoảng 28.500 binh sĩ Mỹ đồn trú. Theo SMA, Seoul sẽ tăng đóng góp.")
    assert deals(text, "2021-03-18") == ()


def test_an_agreement_between_countries_that_also_give_aid_is_still_a_deal():
    text = ("Nhật Bản và Philippines\n\nNhật Bản và Philippines ký Hiệp định về chuyển giao trang thiết bị và công "
            "nghệ quốc phòng vào tháng 2/2016. Nhật Bản cũng đồng ý viện trợ cho Philippines hệ thống radar giám sát "
            "bờ biển trị giá khoảng 600 triệu yên.")
    assert [(d.kind, d.buyer, d.seller) for d in deals(text, "2024-05-01")] == [("agreement", "PHL", "JPN")]


def test_an_agreement_the_two_countries_signed_is_between_the_sides_of_the_trade_told_before():
    text = ("Nhật Bản nới lỏng xuất khẩu vũ khí\n\nNhật Bản đồng ý bán tên lửa Patriot PAC-3 cho Mỹ. Năm 2020, "
            "Philippines ký hợp đồng mua 4 hệ thống radar giám sát phòng không của Nhật Bản. Thương vụ được thực "
            "hiện trên cơ sở hiệp định về chuyển giao trang thiết bị và công nghệ quốc phòng mà hai nước ký năm 2016.")
    agreements = [(d.buyer, d.seller) for d in deals(text, "2024-05-01") if d.kind == "agreement"]
    assert agreements == [("PHL", "JPN")]


def test_a_gift_to_another_country_makes_no_aid_of_the_sale_told_beside_it():
    text = ("Argentina mua F-16 của Đan Mạch\n\nArgentina đã hoàn tất thương vụ mua 24 chiếc F-16 đã qua sử dụng từ "
            "Đan Mạch. Trước khi bán cho Argentina, Copenhagen đã cam kết tặng 19 chiếc F-16 cho Ukraine.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-04-17")] == [("ARG", "DNK", 24)]


def test_the_same_count_of_a_model_under_the_contract_is_the_sale_by_its_owner_not_by_its_maker():
    text = ("Argentina mua F-16 của Đan Mạch\n\nArgentina đã hoàn tất thương vụ mua 24 chiếc F-16 đã qua sử dụng từ "
            "Đan Mạch. Hợp đồng có trị giá khoảng 320 triệu USD, ngoài 24 máy bay F-16 Block 15 còn bao gồm động cơ "
            "dự phòng. Lockheed Martin đã sản xuất hơn 4.600 chiếc F-16.")
    assert [(d.buyer, d.seller, d.quantity, d.value_usd) for d in deals(text, "2024-04-17")] == [
        ("ARG", "DNK", 24, 320_000_000)]


def test_a_year_counted_from_is_no_year_of_the_order():
    text = ("Argentina mua F-16\n\nArgentina đã hoàn tất thương vụ mua 24 chiếc F-16 đã qua sử dụng từ Đan Mạch, "
            "được Bộ trưởng Quốc phòng gọi là vụ mua sắm quan trọng nhất của nước này kể từ năm 1983.")
    assert [d.year for d in deals(text, "2024-04-17")] == [2024]


def test_this_country_after_a_country_in_the_sentence_is_that_country():
    text = ("Mỹ trừng phạt Thổ Nhĩ Kỳ\n\nTháng 12/2020, Mỹ trừng phạt cơ quan mua sắm quốc phòng của Thổ Nhĩ Kỳ vì "
            "nước này mua hệ thống phòng không S-400 của Nga với giá 2,5 tỷ USD.")
    assert [(d.buyer, d.seller) for d in deals(text, "2024-03-14")] == [("TUR", "RUS")]


def test_a_batch_is_no_count_of_the_equipment():
    text = ("Iran mua Su-35\n\nTập đoàn UAC của Nga đang sản xuất một lô Su-35 cho Iran, nước đã hoàn tất thủ tục "
            "mua loại tiêm kích này.")
    assert [d.quantity for d in deals(text, "2024-03-14")] == [None]


def test_pzl_mielec_is_a_polish_maker():
    text = ("Philippines mua trực thăng\n\nPhilippines ký hợp đồng mua 32 trực thăng S-70i Black Hawk do PZL Mielec "
            "sản xuất.")
    assert [(d.buyer, d.seller, d.suppliers) for d in deals(text, "2022-02-23")] == [("PHL", "POL", ("PZL Mielec",))]


def test_an_export_order_won_is_signed_and_one_hoped_for_is_not():
    planned = " Trước đó, Bộ Quốc phòng Iraq dự kiến mua 8 tổ hợp Cheongung-II."
    won = ("Iraq mua Cheongung-II\n\nTập đoàn LIG Nex1 của Hàn Quốc cho biết đã giành được đơn hàng xuất khẩu hệ thống "
           "tên lửa phòng không Cheongung-II sang Iraq, trị giá khoảng 2,8 tỷ USD." + planned)
    hoped = ("Iraq mua Cheongung-II\n\nTập đoàn LIG Nex1 của Hàn Quốc hy vọng giành được đơn hàng xuất khẩu hệ thống "
             "tên lửa phòng không Cheongung-II sang Iraq, trị giá khoảng 2,8 tỷ USD." + planned)
    assert [d.status for d in deals(won, "2024-09-21")] == ["signed"]
    assert [d.status for d in deals(hoped, "2024-09-21")] != ["signed"]


def test_this_country_opening_a_clause_is_the_country_the_sentence_before_opens_with():
    text = ("Bulgaria mua IRIS-T SLM\n\nBulgaria ký hợp đồng mua tổ hợp tên lửa IRIS-T SLM của Đức. Sáng kiến ESSI do "
            "Đức khởi xướng nhằm mua sắm chung các hệ thống phòng không. Bulgaria là thành viên NATO từ năm 2004. "
            "Trong những năm gần đây, nước này cũng đã đặt mua 16 tiêm kích F-16 Block 70 của Mỹ.")
    assert ("BGR", "USA", 16) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2024-10-08")]


def test_an_approval_and_the_contract_under_its_ceiling_are_one_deal():
    text = ("Latvia mua HIMARS\n\nLatvia đã ký với chính phủ Mỹ hợp đồng mua 6 bệ phóng HIMARS, trị giá 179,8 triệu USD. "
            "Hồi tháng 10, Bộ Ngoại giao Mỹ đã phê chuẩn khả năng bán HIMARS cho Latvia với giá trị ước tính 220 "
            "triệu USD.")
    assert [(d.buyer, d.quantity, d.value_usd, d.status) for d in deals(text, "2023-12-21")] == [
        ("LVA", 6, 179_800_000, "signed")]


def test_the_buyer_and_the_signing_of_a_clause_after_another_countrys_are_its_own():
    text = ("HIMARS ở Baltic\n\nTháng 12/2022, Estonia ký hợp đồng mua 6 hệ thống HIMARS, còn Lithuania ký thỏa thuận "
            "với Mỹ để mua tối đa 8 bệ phóng.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2023-12-21")] == [
        ("EST", "USA", 6), ("LTU", "USA", 8)]


def test_equipment_counted_and_priced_with_no_buyer_goes_to_the_buyer_of_the_trade_told_just_before():
    text = ("Tin quân sự\n\nNgày 2/9, DSCA thông báo Bộ Ngoại giao Mỹ đã phê chuẩn các thương vụ tiềm năng bán vũ khí "
            "cho Đài Loan với tổng trị giá hơn 1,1 tỷ USD. Lớn nhất là gói hỗ trợ hậu cần cho chương trình radar. "
            "Ngoài ra còn có 60 tên lửa chống hạm Harpoon Block II trị giá 355 triệu USD. Ba Lan ký hợp đồng mua 48 "
            "máy bay FA-50 của Hàn Quốc.")
    assert ("TWN", "USA", 60) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2022-09-17")]


def test_aircraft_from_a_countrys_air_force_are_sold_by_that_country():
    text = ("Malaysia mua Hornet cũ\n\nMỹ đã chấp thuận cho Malaysia tiếp nhận tới 33 tiêm kích F/A-18C/D Hornet đã qua sử "
            "dụng từ không quân Kuwait, mở đường cho vòng đàm phán cuối cùng giữa hai nước.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-06-02")] == [("MYS", "KWT")]


def test_the_fleet_a_country_will_have_once_the_order_is_in_is_no_deal():
    text = ("Hàn Quốc mua thêm F-35A\n\nHàn Quốc đã ký thư chấp thuận với chính phủ Mỹ để mua thêm 20 tiêm kích F-35A. "
            "Sau khi nhận đủ lô mới, Hàn Quốc sẽ sở hữu 59 chiếc F-35A.")
    assert [d.quantity for d in deals(text, "2023-12-27")] == [20]


def test_a_sale_told_in_a_later_clause_names_no_seller_of_the_equipment_before_it():
    text = ("Indonesia mua 42 tiêm kích Rafale, Mỹ bật đèn xanh bán 36 chiếc F-15\n\nIndonesia ngày 10/2 ký hợp "
            "đồng mua máy bay chiến đấu. Mỹ phê duyệt khả năng bán tiêm kích F-15ID.")
    assert ("IDN", "FRA", 42) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2022-02-11")]



def test_seat_versions_adding_up_to_their_total_beside_another_order_of_the_model_are_its_breakdown():
    text = ("Philippines và F-16\n\nĐầu tháng 4, Bộ Ngoại giao Mỹ đã thông qua khả năng bán cho Philippines 20 chiếc "
            "F-16 Block 70/72, gồm 16 chiếc F-16C một chỗ ngồi và 4 chiếc F-16D hai chỗ ngồi. Năm 2021, Mỹ cũng từng "
            "phê duyệt bán cho Philippines 12 chiếc F-16 Block 70/72.")
    assert sorted(d.quantity for d in deals(text, "2025-09-10")) == [12, 20]


def test_the_fleet_a_purchase_would_replace_written_thay_is_not_traded():
    text = ("Bồ Đào Nha và F-35\n\nCùng tháng đó, Bồ Đào Nha cũng nói sẽ cân nhắc lại việc mua F-35 để thay F-16.")
    assert [d.system for d in deals(text, "2025-08-07")] == ["F-35"]


def test_an_agreement_of_the_two_countries_is_between_the_main_trade_told_before_not_one_recalled_in_it():
    text = ("Pháp bán tàu chiến cho Hy Lạp\n\nNgày 28/9, Tổng thống Pháp cho biết Hy Lạp sẽ mua 3 tàu hộ tống của Pháp, "
            "sau khi Paris mất hợp đồng tàu ngầm với Úc. Vụ giao dịch nằm trong khuôn khổ Thỏa thuận hợp tác quốc phòng "
            "và an ninh chiến lược do tổng thống hai nước ký kết.")
    agreements = [(d.buyer, d.seller) for d in deals(text, "2021-09-29") if d.kind == "agreement"]
    assert agreements == [("GRC", "FRA")]


def test_the_counterpart_of_a_signing_is_the_one_after_it_not_an_earlier_contracts():
    text = ("Indonesia mua Rafale\n\nHợp đồng với Indonesia là thắng lợi của công nghiệp quốc phòng Pháp, vài tháng sau "
            "khi Australia hủy hợp đồng đóng 12 tàu ngầm với Naval Group, trị giá khoảng 34 tỷ USD.")
    assert ("AUS", "FRA", 12) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2022-02-11")]


@pytest.mark.parametrize("sentence", [
    "Ấn Độ bị Mỹ dọa trừng phạt vào năm 2021, sau khi nhận hệ thống phòng không S-400 của Nga.",
    "Hải quân Bangladesh hiện đã vận hành hai tàu ngầm lớp Minh mua của Trung Quốc theo hợp đồng ký năm 2013.",
    "Năm 2014, Iraq ký hợp đồng mua 24 máy bay T-50 của Hàn Quốc, hiện nằm trong biên chế không quân nước này.",
])
def test_equipment_received_before_another_event_or_operated_now_is_delivered(sentence):
    assert [d.status for d in deals("Tin quốc phòng\n\n" + sentence, "2025-05-02")] == ["delivered"]


def test_a_new_order_after_receiving_the_first_system_is_not_delivered_itself():
    text = "Tin quốc phòng\n\nPhần Lan chi thêm 1,2 tỷ USD cho hệ thống David's Sling của Israel sau khi nhận khẩu đội đầu tiên."
    assert "delivered" not in [d.status for d in deals(text, "2025-05-02")]


@pytest.mark.parametrize("sentence, expected", [
    ("Năm 2018, Canada quyết định mua 18 chiếc Super Hornet đã qua sử dụng.", [("CAN", "USA", "aircraft")]),
    ("Indonesia có kế hoạch mua thủy phi cơ US-2.", [("IDN", "JPN", "aircraft")]),
    ("Ai Cập ký hợp đồng mua 46 trực thăng Caracal.", [("EGY", "FRA", "aircraft")]),
    ("Canberra đặt mua 30 khẩu AS9 và 15 xe AS10.", [("AUS", "KOR", "artillery"), ("AUS", "KOR", "armoured-vehicle")]),
])
def test_models_named_alone_bring_their_makers_country_and_category(sentence, expected):
    found = [(d.buyer, d.seller, d.category) for d in deals("Tin quốc phòng\n\n" + sentence, "2025-05-02")]
    assert found == expected


def test_counted_upgrade_kits_for_a_fleet_in_service_are_a_deal_beside_the_new_aircraft():
    text = ("Tin quốc phòng\n\nWashington phê duyệt gói bán cho Ai Cập 20 tiêm kích F-16 mới và 30 bộ nâng cấp cho các "
            "máy bay F-16 hiện có của nước này.")
    assert sorted((d.buyer, d.seller, d.quantity) for d in deals(text, "2025-05-02")) == [("EGY", "USA", 20),
                                                                                            ("EGY", "USA", 30)]


def test_equipment_handed_over_under_an_assistance_programme_is_aid():
    text = ("Tin quốc phòng\n\nNăm 2018, phía Hoa Kỳ đã bàn giao cho Cảnh sát biển Indonesia một tàu tuần tra lớp "
            "Island cùng 4 xuồng tuần tra cao tốc, trong khuôn khổ chương trình hỗ trợ nâng cao năng lực trên biển.")
    assert deals(text, "2025-05-02") == ()


@pytest.mark.parametrize("engines", ["cùng 40 động cơ F110", "kèm theo 40 động cơ"])
def test_engines_sold_along_with_the_aircraft_are_part_of_their_deal(engines):
    text = ("Mỹ duyệt bán F-15EX cho Malaysia\n\nCơ quan Hợp tác An ninh Quốc phòng Mỹ thông báo Bộ Ngoại giao đã phê duyệt "
            f"khả năng bán cho Malaysia 18 tiêm kích F-15EX {engines}, radar và thiết bị liên quan, trị giá 6 tỷ USD.")
    assert [(d.buyer, d.seller, d.category, d.quantity) for d in deals(text, "2025-04-02")] == [
        ("MYS", "USA", "aircraft", 18)]


def test_the_agent_of_a_phrase_named_with_do_is_no_buyer():
    text = ("Thổ Nhĩ Kỳ mua tiêm kích\n\nThổ Nhĩ Kỳ bị loại khỏi chương trình F-35 do Mỹ dẫn dắt vào năm 2019, sau khi "
            "nhận hệ thống phòng không S-400 của Nga.")
    assert [(d.buyer, d.seller, d.status) for d in deals(text, "2025-10-28") if d.category == "air-defence"] == [
        ("TUR", "RUS", "delivered")]


def test_the_bidders_listed_for_a_contract_are_no_deals():
    text = ("Canada cắt giảm chương trình xe chiến đấu\n\nChương trình xe chiến đấu bộ binh của Canada bị cắt giảm còn 90 "
            "chiếc. Ba ứng viên đang cạnh tranh cho hợp đồng này là mẫu CV90 của BAE Systems (Thụy Điển), mẫu Lynx của "
            "Rheinmetall (Đức) và mẫu Redback của Hanwha (Hàn Quốc).")
    assert deals(text, "2025-04-02") == ()


def test_equipment_named_for_comparison_is_not_traded():
    text = ("Ấn Độ đàm phán mua tàu ngầm\n\nBộ Quốc phòng Ấn Độ cho biết giá cả sẽ được đàm phán với phía Đức, có tính đến giá "
            "mua tàu ngầm tương tự của các nước khác.")
    assert deals(text, "2025-04-02") == ()


def test_the_counted_variants_of_a_counted_model_are_its_breakdown():
    text = ("Mỹ duyệt bán F-16 cho Jordan\n\nBộ Ngoại giao Mỹ đã phê duyệt khả năng bán cho Jordan 14 tiêm kích F-16 Block 70, "
            "gồm 10 chiếc F-16C và 4 chiếc F-16D, với giá ước tính 4 tỷ USD.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2022-02-04")] == [("JOR", "USA", 14)]


def test_every_item_of_a_list_of_systems_in_service_is_in_service():
    text = ("Lào mua trực thăng\n\nQuân đội nước này đang vận hành nhiều loại vũ khí do Nga sản xuất như trực thăng Mi-8, "
            "Mi-17, tiêm kích MiG-21 và hệ thống phòng không S-125.")
    assert deals(text, "2025-04-02") == ()


def test_a_sale_told_in_the_clause_before_does_not_sell_the_next_clauses_purchase():
    text = ("Mỹ duyệt bán F-16 cho Philippines, Manila ký mua Gripen\n\nPhilippines đang cân nhắc hai lựa chọn tiêm kích.")
    assert ("PHL", "USA", "Gripen") not in [(d.buyer, d.seller, d.system) for d in deals(text, "2025-04-02")]


def test_the_counted_variants_told_in_brackets_are_a_breakdown_too():
    text = ("Colombia mua Gripen\n\nColombia đã ký hợp đồng mua 17 tiêm kích Gripen E/F (15 chiếc Gripen E và 2 chiếc "
            "Gripen F) của Thụy Điển.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-11-15")] == [("COL", "SWE", 17)]


def test_a_task_group_deployed_is_no_deal():
    text = ("Anh và Nhật Bản ký hiệp định\n\nHiệp định sẽ tạo thuận lợi cho đợt triển khai nhóm tác chiến tàu sân bay Anh "
            "tới khu vực vào năm 2025.")
    assert deals(text, "2024-03-22") == ()


def test_other_agreements_left_unnamed_are_no_deal():
    text = ("Ấn Độ bàn giao tàu tuần tra cho Việt Nam\n\nNgày 8/6, Ấn Độ đã bàn giao 12 tàu tuần tra cao tốc cho Bộ đội "
            "Biên phòng Việt Nam.\n\nÔng coi đây là ví dụ tiêu biểu cho chủ trương sản xuất tại Ấn Độ và bày tỏ hy vọng dự án "
            "sẽ mở đường cho nhiều chương trình hợp tác công nghiệp quốc "
            "phòng khác giữa hai nước.")
    assert [d.kind for d in deals(text, "2022-06-09")] == ["purchase"]


def test_a_tally_of_the_countries_a_model_was_exported_to_is_no_sale_to_each():
    text = ("Colombia ký mua Gripen\n\nNgày 14/11, Colombia đã ký hợp đồng mua 17 tiêm kích Gripen của Thụy Điển. Trước đó, "
            "Gripen đã được xuất khẩu sang 4 nước là Hungary, Séc, Nam Phi và Thái Lan.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-11-15")] == [("COL", "SWE")]


def test_a_clause_with_no_subject_of_its_own_buys_for_the_country_of_the_clause_before():
    text = ("Bulgaria mua thêm F-16\n\nBulgaria đang hiện đại hóa không quân. Từ năm 2019, nước này đã nhận 8 chiếc MiG-29 "
            "nâng cấp từ Ba Lan, và mới đây đã ký hợp đồng mua thêm 16 chiếc F-16 cũ của Hà Lan.")
    assert ("BGR", "NLD") in [(d.buyer, d.seller) for d in deals(text, "2025-03-01")]
    assert ("POL", "NLD") not in [(d.buyer, d.seller) for d in deals(text, "2025-03-01")]


def test_the_seller_of_an_alternative_passed_over_does_not_sell_the_one_chosen():
    text = ("Peru chọn Gripen\n\nQuốc hội Peru phê chuẩn thương vụ ngày 2/9, ba tuần sau khi Bộ Quốc phòng nước này chọn "
            "Gripen E/F thay vì gói F-16 Block 70/72 mà hãng Lockheed Martin của Mỹ chào bán.")
    assert ("PER", "USA", "Gripen E/F") not in [(d.buyer, d.seller, d.system) for d in deals(text, "2025-09-03")]


def test_a_fleet_a_country_operates_is_in_service_and_only_a_delivery_told_with_it_is_a_deal():
    text = ("Uzbekistan mua máy bay vận tải\n\nUzbekistan vừa ký hợp đồng mua 2 máy bay C295 của Airbus. Không quân nước này "
            "vận hành nhiều tiêm kích MiG-29, Su-25, Su-27 và đã tiếp nhận 12 trực thăng Mi-35 do Nga sản xuất.")
    found = [(d.buyer, d.seller, d.system) for d in deals(text, "2024-05-02")]
    assert not [f for f in found if f[2].startswith(("MiG", "Su-2", "tiêm kích"))]
    assert any(system.endswith("Mi-35") for _, _, system in found)


def test_a_country_that_resolves_to_buy_buys_wherever_the_equipment_is_assembled():
    text = ("Hà Lan quyết mua thêm 6 tiêm kích F-35A, lắp ráp tại Italy\n\nChính phủ Hà Lan cho biết số máy bay sẽ được "
            "bàn giao từ năm 2028. Bộ trưởng Quốc phòng viết trên mạng xã hội rằng Hà Lan \"sẽ mua thêm 6 chiếc F-35\", và số "
            "máy bay này sẽ được lắp ráp tại Italy.")
    assert {(d.buyer, d.seller) for d in deals(text, "2024-06-02")} == {("NLD", "USA")}


def test_the_system_rivals_are_measured_against_is_not_traded_by_them():
    text = ("Colombia đàm phán mua Gripen\n\nColombia đang đàm phán mua 16 tiêm kích Gripen E/F của Thụy Điển. Đối thủ của "
            "Gripen là Rafale F4 do Pháp chào bán và F-16 Block 70 của Mỹ.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-04-02") if "Gripen" in d.system] == [("COL", "SWE")]


def test_the_maker_of_the_fleet_a_purchase_replaces_does_not_sell_it():
    text = ("Ecuador mua tiêm kích\n\nEcuador đã ký hợp đồng với tập đoàn Saab để mua 12 tiêm kích Gripen E/F, thay thế phi "
            "đội Kfir do Israel chế tạo.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-12-02")] == [("ECU", "SWE")]


def test_the_backer_of_a_rival_beaten_buys_nothing():
    text = ("Ecuador mua Gripen\n\nEcuador đã ký hợp đồng với Saab để mua 12 tiêm kích Gripen E/F.\n\nGripen đã đánh bại "
            "lời chào hàng tiêm kích F-16 được Mỹ hậu thuẫn.")
    assert [(d.buyer, d.seller) for d in deals(text, "2025-12-02")] == [("ECU", "SWE")]


def test_the_country_of_the_firm_that_builds_it_sells_past_a_word_on_the_firm():
    text = ("Philippines mua trực thăng\n\nNăm 2019, Manila ký hợp đồng mua 16 trực thăng S-70i Black Hawk do công ty PZL "
            "Mielec của Ba Lan, công ty con của tập đoàn Lockheed Martin (Mỹ), sản xuất.")
    assert [(d.buyer, d.seller) for d in deals(text, "2019-03-01")] == [("PHL", "POL")]


def test_past_efforts_to_buy_some_aircraft_are_no_deal():
    text = ("Peru mua C-27J\n\nPeru đã ký hợp đồng mua 2 chiếc C-27J của Italy. Trong nhiều năm, các nỗ lực mua máy bay "
            "chiến đấu mới của Lima gặp trở ngại do những hạn chế xuất khẩu liên quan tới Mỹ.")
    assert [(d.buyer, d.seller, "chiến đấu" in d.system) for d in deals(text, "2025-03-01")] == [("PER", "ITA", False)]


def test_part_of_the_fleet_a_purchase_replaces_is_not_traded():
    text = ("Thái Lan mua tiêm kích\n\nNội các Thái Lan phê duyệt ngân sách 13,8 tỷ baht để mua 4 tiêm kích đầu tiên thay thế "
            "một phần phi đội F-5 đã cũ.")
    assert not [d for d in deals(text, "2022-01-12") if "F-5" in d.system]


def test_an_equipment_phrase_ends_before_a_word_of_time_or_purpose():
    text = ("Ukraine nhận xe bọc thép\n\nĐức đã chuyển giao cho Ukraine 20 xe bọc thép Dingo hồi năm 2023. Tiêm kích F-16 cũ "
            "chưa được bàn giao cho Romania. Hà Lan đã ký hợp đồng mua 10 xe tăng Leopard 2A8 dành cho lữ đoàn mới.")
    systems = {d.system for d in deals(text, "2024-05-02")}
    assert not [s for s in systems if s.endswith((" hồi", " chưa", " dành"))]


def test_an_option_to_buy_more_is_no_order_of_its_own():
    text = ("Đan Mạch mua xe tăng\n\nĐan Mạch đã ký hợp đồng với tập đoàn KNDS của Đức để mua 44 xe tăng Leopard 2A8, kèm "
            "quyền chọn mua thêm 12 chiếc.")
    assert [d.quantity for d in deals(text, "2024-05-02")] == [44]


def test_a_purchase_from_a_firm_of_the_buyers_own_country_takes_no_other_countrys_seller():
    text = ("Phần Lan mua xe\n\nPhần Lan đã ký thỏa thuận mua thêm 29 xe bọc thép chở quân 6x6 của tập đoàn Patria.\n\n"
            "Estonia đã ký hợp đồng mua xe bọc thép 6x6 Arma của hãng Otokar, Thổ Nhĩ Kỳ.")
    assert ("FIN", "TUR") not in [(d.buyer, d.seller) for d in deals(text, "2024-09-24")]


def test_an_equipment_phrase_ends_before_a_verb_or_a_rate():
    text = ("Thổ Nhĩ Kỳ và Ukraine mua vũ khí\n\nThổ Nhĩ Kỳ đã ký hợp đồng mua 12 chiếc Eurofighter trở thành một phần của "
            "không quân. Ukraine ký hợp đồng mua 10.000 drone mỗi năm của Mỹ.")
    systems = {d.system for d in deals(text, "2024-05-02")}
    assert systems <= {"Eurofighter", "drone"}


def test_a_buyer_signing_a_contract_for_a_bare_count_buys_the_system_under_discussion():
    text = ("Ấn Độ mua thêm tiêm kích Rafale\n\nẤn Độ ký hợp đồng mua 26 tiêm kích Rafale của Pháp cho hải quân.\n\n"
            "Năm 2022, Indonesia ký hợp đồng mua 42 chiếc, trở thành khách hàng thứ sáu của dòng máy bay.")
    assert ("IDN", "FRA", 42) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-04-29")]


def test_a_count_signed_for_before_the_sentences_own_system_is_not_of_that_system():
    text = ("Ai Cập mua Rafale\n\nAi Cập đặt mua thêm 30 tiêm kích Rafale của Pháp.\n\nNăm 2015, Cairo ký hợp đồng mua "
            "24 chiếc, kèm theo một khinh hạm FREMM.")
    assert 24 not in [d.quantity for d in deals(text, "2021-05-04") if d.system and "FREMM" in d.system]


def test_a_makers_count_of_other_units_serving_a_list_of_navies_is_no_sale_to_each():
    text = ("Indonesia mua tàu ngầm\n\nIndonesia ký hợp đồng mua 2 tàu ngầm Scorpène của Pháp.\n\nTập đoàn Naval Group hiện "
            "có 12 tàu Scorpène khác đang phục vụ hoặc đang được đóng cho hải quân Chile, Malaysia và Ấn Độ.")
    assert [d.buyer for d in deals(text, "2024-04-03")] == ["IDN"]


def test_a_buyer_dated_by_its_year_signing_for_a_bare_count_buys_the_system_under_discussion():
    text = ("Philippines mua thêm FA-50\n\nPhilippines ký hợp đồng mua 12 tiêm kích FA-50 của Hàn Quốc.\n\nIndonesia năm "
            "2021 cũng ký hợp đồng mua 6 chiếc, trở thành khách hàng của dòng máy bay này.")
    assert ("IDN", "KOR", 6) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2025-06-04")]


def test_a_buyer_that_once_signed_for_a_bare_count_bought_the_system_under_discussion():
    text = ("Ai Cập mua Su-35\n\nAi Cập ký hợp đồng mua 24 tiêm kích Su-35 của Nga.\n\nAlgeria từng ký mua 14 chiếc vào "
            "năm 2019 nhưng sau đó từ bỏ.")
    assert ("DZA", "RUS", 14) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2021-03-01")]


def test_a_kind_set_after_a_named_model_to_describe_it_is_no_purchase_of_its_own():
    text = ("Ukraine muốn mua Rafale\n\nUkraine đặt mục tiêu mua 100 máy bay chiến đấu Rafale do Dassault sản xuất, một "
            "máy bay đa năng thế hệ mới được coi là tiên tiến nhất châu Âu.")
    assert [(d.system, d.quantity) for d in deals(text, "2025-11-18")] == [("máy bay chiến đấu Rafale", 100)]


def test_equipment_added_with_cung_nhu_is_traded_between_the_same_sides():
    text = ("Ukraine và Pháp ký ý định thư\n\nThỏa thuận gồm các hợp đồng trong tương lai về việc Ukraine mua tiêm kích "
            "Rafale của Pháp, cũng như các hệ thống phòng không SAMP/T.")
    found = {(d.buyer, d.seller, d.system) for d in deals(text, "2025-11-18")}
    assert ("UKR", "FRA", "hệ thống phòng không SAMP/T") in found


def test_an_item_added_after_the_recipient_goes_to_that_recipient():
    text = ("Séc bán máy bay cho Việt Nam\n\nSéc đã bàn giao máy bay huấn luyện L-39NG cho Không quân Việt Nam, cũng như "
            "radar lưỡng dụng cho sân bay.")
    assert ("CZE", "VNM") not in {(d.buyer, d.seller) for d in deals(text, "2024-07-01")}


def test_a_transfer_of_the_model_family_the_aid_names_is_that_aid():
    text = ("Australia gửi xe tăng Abrams cho Ukraine\n\nNgày 16/10, Canberra cho biết sẽ viện trợ cho Ukraine 49 xe tăng "
            "M1A1 Abrams do Mỹ chế tạo, trong gói hỗ trợ quân sự trị giá 245 triệu AUD.\n\nKiev đã đề nghị tiếp nhận phi "
            "đội Abrams đời cũ của Australia từ hơn một năm trước.")
    assert not deals(text, "2024-10-17")


def test_an_equipment_phrase_that_starts_inside_brackets_ends_at_their_closing():
    text = ("Ukraine bàn thỏa thuận drone với Mỹ\n\nUkraine ký thỏa thuận thiết bị không người lái (drone) với Mỹ trị giá "
            "50 tỷ USD.")
    assert not [d.system for d in deals(text, "2025-10-03") if ")" in d.system]


def test_a_local_name_in_brackets_is_no_item_and_the_package_price_stays_off_each_system():
    text = ("Australia mua pháo K9\n\nNgày 13/12/2021, Hanwha đã ký hợp đồng trị giá khoảng 930 tỷ won cung cấp cho "
            "Australia 30 pháo tự hành K9 (tên gọi tại Australia là AS9 Huntsman) và 15 xe tiếp đạn K10 (AS10).")
    found = [(d.system, d.quantity, d.value_usd) for d in deals(text, "2021-12-14")]
    assert found == [("pháo tự hành K9", 30, None), ("xe tiếp đạn K10", 15, None)]


def test_the_dollar_figure_the_next_sentence_gives_for_the_amount_is_the_value():
    text = ("Colombia mua Gripen\n\nHợp đồng trị giá 16.500 tỷ peso giữa Bộ Quốc phòng Colombia và công ty Saab của Thụy "
            "Điển được ký để mua 17 chiếc Gripen.\n\nTheo một hãng tin, số tiền này tương đương khoảng 4,39 tỷ USD.")
    (deal,) = deals(text, "2025-11-15")
    assert (deal.value_usd, deal.value_qualifier, deal.value_currency) == (4_390_000_000, "approx", "COP")


def test_a_quotation_after_the_equipment_ends_its_phrase_and_countries_whose_ties_are_told_are_no_sides():
    text = ("Đài Loan mua F-16\n\nMỹ phê duyệt bán 66 máy bay chiến đấu F-16 cho Đài Loan.\n\nNhững chiếc F-16 \"rất phù "
            "hợp với đơn hàng này cùng mối quan hệ lâu dài giữa Mỹ và Nhật Bản\", một quan chức nói.")
    assert [(d.buyer, d.seller, d.system) for d in deals(text, "2019-08-20")] == [
        ("TWN", "USA", "máy bay chiến đấu F-16")]


def test_a_sale_the_seller_refused_to_approve_is_no_deal():
    text = ("Saudi Arabia tính mua KAAN\n\nSaudi Arabia cân nhắc mua tiêm kích của Thổ Nhĩ Kỳ, sau khi Riyadh không được "
            "Mỹ chấp thuận bán cho những chiếc F-35 tối tân.")
    assert ("SAU", "USA") not in [(d.buyer, d.seller) for d in deals(text, "2023-08-01")]


def test_a_country_negotiating_to_buy_the_missile_named_back_buys_it():
    text = ("Philippines nhận BrahMos\n\nẤn Độ đã bàn giao lô tên lửa BrahMos đầu tiên cho Philippines.\n\nIndonesia hiện "
            "đang đàm phán với phía Ấn Độ về việc mua tên lửa này cho lực lượng phòng thủ bờ biển.")
    assert ("IDN", "IND") in [(d.buyer, d.seller) for d in deals(text, "2024-04-20")]


def test_the_kaplan_mt_tank_is_made_by_a_turkish_firm_and_indonesia_orders_it():
    text = ("Indonesia đặt hàng xe tăng Kaplan MT\n\nIndonesia đã ký hợp đồng mua 18 xe tăng hạng trung Kaplan MT, do hãng "
            "FNSS và PT Pindad cùng phát triển.")
    assert [(d.buyer, d.seller, d.quantity) for d in deals(text, "2019-05-01")] == [("IDN", "TUR", 18)]


def test_the_jose_rizal_frigates_are_built_in_korea():
    text = "Philippines mua khinh hạm\n\nPhilippines ký hợp đồng mua 2 khinh hạm lớp Jose Rizal."
    assert [(d.buyer, d.seller) for d in deals(text, "2021-03-20")] == [("PHL", "KOR")]


def test_the_fd_2000_is_chinas_air_defence_system():
    text = ("Thổ Nhĩ Kỳ chọn FD-2000\n\nThổ Nhĩ Kỳ quyết định mua hệ thống phòng thủ tên lửa FD-2000 của tập đoàn "
            "CPMIEC, thay vì Patriot của Mỹ.")
    assert [(d.buyer, d.seller, d.category) for d in deals(text, "2013-09-27")] == [("TUR", "CHN", "air-defence")]


def test_they_right_before_a_buying_verb_is_the_country_told_of():
    text = ("Úc chọn pháo K9\n\nÚc sẽ trở thành khách hàng tiếp theo của pháo tự hành K9 do Hàn Quốc chế tạo.\n\nTổng cộng "
            "họ sẽ mua 30 khẩu K9 cùng 15 xe tiếp đạn K10.")
    assert ("AUS", "KOR", 15) in [(d.buyer, d.seller, d.quantity) for d in deals(text, "2021-12-14")]
