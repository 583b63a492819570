"""Deal extraction on short articles written for these tests."""

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
