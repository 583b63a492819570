"""Country mentions: names, press forms, metonyms, compounds, and the traps that look like countries."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import babel
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract import countries
from newsfacts.extract.countries import all_country_codes, country_name, find_countries

VOCAB = Path(countries.__file__).resolve().parent.parent / "vocab"


def codes(text: str) -> list[str]:
    return [hit.code for hit in find_countries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ấn Độ và Mỹ công bố thỏa thuận", ["IND", "USA"]),
        ("Hoa Kỳ, Vương quốc Anh và Úc", ["USA", "GBR", "AUS"]),
        ("Australia, Ý, Ukraine, Triều Tiên", ["AUS", "ITA", "UKR", "PRK"]),
        ("CHDCND Triều Tiên phóng tên lửa; Bắc Triều Tiên và Nam Triều Tiên", ["PRK", "PRK", "KOR"]),
        ("Hàn Quốc, Đài Loan, Philippines, Philippin", ["KOR", "TWN", "PHL", "PHL"]),
        ("Ả Rập Xê-út, Ả-rập Xê-út, Saudi Arabia, UAE", ["SAU", "SAU", "SAU", "ARE"]),
        ("Các Tiểu vương quốc Ả Rập Thống nhất", ["ARE"]),
        ("Ảrập Xêút, Qatar và Các Tiểu vương quốc Ảrập thống nhất", ["SAU", "QAT", "ARE"]),
        ("Xin-ga-po, In-đô-nê-xi-a, Ma-lai-xi-a, Phi-líp-pin", ["SGP", "IDN", "MYS", "PHL"]),
        ("Ô-xtrây-li-a, Ca-na-đa, Ác-hen-ti-na, Bra-xin", ["AUS", "CAN", "ARG", "BRA"]),
        ("I-ran, I-xra-en, U-crai-na", ["IRN", "ISR", "UKR"]),
        ("Liên bang Nga, Thổ Nhĩ Kỳ, Đông Timor, Nam Phi", ["RUS", "TUR", "TLS", "ZAF"]),
        ("quân đội Mỹ và phía Nga", ["USA", "RUS"]),
        ("Bộ trưởng Quốc phòng Anh và Thủ tướng Pháp", ["GBR", "FRA"]),
        ("TRUNG QUỐC VÀ NHẬT BẢN", ["CHN", "JPN"]),
    ],
)
def test_names_and_press_forms(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "surface"),
    [
        ("Washington đã đề xuất", "USA", "Washington"),
        ("tại thủ đô Washington D.C. vào", "USA", "Washington D.C."),
        ("Nhà Trắng cho biết", "USA", "Nhà Trắng"),
        ("Lầu Năm Góc xác nhận", "USA", "Lầu Năm Góc"),
        ("New Delhi thể hiện sự quan tâm", "IND", "New Delhi"),
        ("từ chối lên án Moscow", "RUS", "Moscow"),
        ("Mát-xcơ-va phản đối", "RUS", "Mát-xcơ-va"),
        ("Điện Kremlin bác bỏ", "RUS", "Điện Kremlin"),
        ("Bắc Kinh phản ứng", "CHN", "Bắc Kinh"),
        ("Bình Nhưỡng tuyên bố", "PRK", "Bình Nhưỡng"),
        ("Kyiv kêu gọi", "UKR", "Kyiv"),
        ("Vác-sa-va ký hợp đồng", "POL", "Vác-sa-va"),
        ("Viêng Chăn và", "LAO", "Viêng Chăn"),
    ],
)
def test_metonyms_stand_for_their_country(text: str, code: str, surface: str) -> None:
    [hit] = find_countries(text)
    assert (hit.code, hit.surface, hit.kind) == (code, surface, "metonym")
    assert text[hit.start : hit.end] == surface


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xung đột Nga-Ukraine", ["RUS", "UKR"]),
        ("quan hệ Mỹ-Ấn", ["USA", "IND"]),
        ("Đối thoại 2+2 Mỹ-Ấn Độ", ["USA", "IND"]),
        ("quan hệ Việt - Mỹ", ["VNM", "USA"]),
        ("hợp tác Việt-Nhật", ["VNM", "JPN"]),
        ("Ấn-Mỹ, Nhật-Mỹ, Trung-Nga, Hàn-Mỹ, Úc-Mỹ", ["IND", "USA", "JPN", "USA", "CHN", "RUS", "KOR", "USA", "AUS", "USA"]),
    ],
)
def test_compounds(text: str, expected: list[str]) -> None:
    hits = find_countries(text)
    assert [hit.code for hit in hits] == expected
    assert {hit.kind for hit in hits} == {"compound"}


@pytest.mark.parametrize(
    "text",
    [
        "ông Trung phát biểu",
        "người Việt ở nước ngoài",
        "lực lượng Hàn",
        "triều đại nhà Triều",
        "dấu Ấn",
    ],
)
def test_compound_stems_alone_are_nothing(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel và Nhật cũng đặt hàng loại máy bay này.", ["ISR", "JPN"]),
    ("Bộ trưởng Quốc phòng Nhật Nobuo Kishi tới Hà Nội.", ["JPN", "VNM"]),
    ("Nhật Nam", []),
    ("Tác giả: Nguyễn Nhật Minh", []),
])
def test_nhat_alone_is_japan_but_not_in_a_persons_name(text: str, expected: list[str]) -> None:
    """The press writes Japan as "Nhật" alone far more than it writes a person's name with it."""
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "khu vực Ấn Độ Dương",
        "khu vực Ấn Độ Dương - Thái Bình Dương",
        "Thái Bình Dương rộng lớn",
        "người Thái",
        "Theo Times of India",
        "quốc gia Nam Á",
        "Đông Á, Đông Nam Á, Trung Á, Tây Á và Trung Đông",
        "Bắc Mỹ, Nam Mỹ, Mỹ Latinh, châu Mỹ, châu Úc",
        "Châu Mỹ và châu Âu",
        "Minh Anh, Tuấn Anh, Vân Anh và Quỳnh Anh",
        "anh ấy nói tiếng Anh rất tốt",
        "người Hoa",
        "hòa bình trên bán đảo Triều Tiên",
        "Biển Đông",
        "báo Washington Post và New York Times",
        "Nikkei Asia, Korea Herald, Thanh Niên",
        "miền Nam",
        "Nguyễn Minh Đức và ông Đức",
        "ca sĩ Thúy Nga và bà Nguyễn Thị Nga",
        "các vấn đề pháp lý và pháp luật",
        "Pháp lý của hợp đồng",
        "triển lãm mỹ thuật",
        "Liên minh châu Âu, NATO, ASEAN, Quad và AUKUS",
        "Ý kiến của chuyên gia",
        "Chủ Nhật tuần này",
        "tỉnh Lào Cai",
        "vịnh Oman và Vịnh Thái Lan",
        "Tiếng Nga và tiếng Việt",
        "TP Thủ Đức, huyện Đức Thọ, huyện Nga Sơn, huyện Anh Sơn",
    ],
)
def test_traps_are_not_countries(text: str) -> None:
    assert codes(text) == []


def test_name_guards_keep_real_mentions() -> None:
    assert codes("Tuấn Anh nói Anh và Nga đã ký") == ["GBR", "RUS"]
    assert codes("Thủ tướng Anh gặp ông Đức tại Đức") == ["GBR", "DEU"]
    assert codes("Ấn Độ nằm bên Ấn Độ Dương") == ["IND"]
    assert codes("Đông Timor") == ["TLS"]
    assert codes("Đại sứ Việt Nam tại Mỹ Nguyễn Quốc Dũng") == ["VNM", "USA"]
    assert codes("Lê Anh Tuấn và Đức Anh gặp đại diện Nga") == ["RUS"]
    assert codes("Cộng hòa Ý và Cộng Hòa Pháp") == ["ITA", "FRA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hợp tác Triều Tiên Nga tăng.", ["PRK", "RUS"]),  # "Tiên" could be a name, but it ends a country name
        ("Quan hệ Triều Tiên Mỹ căng thẳng.", ["PRK", "USA"]),
        ("Hợp tác Nga Việt Nam phát triển.", ["RUS", "VNM"]),  # "Việt" could be a name, but it starts one
    ],
)
def test_a_short_name_beside_a_longer_country_name_is_a_country(text: str, expected: list[str]) -> None:
    assert [hit.code for hit in find_countries(text)] == expected


def test_hits_are_sorted_non_overlapping_and_point_into_the_text() -> None:
    text = "Mỹ-Ấn Độ và Liên bang Nga, Washington D.C. và Nga-Ukraine; Ả Rập Xê-út"
    hits = find_countries(text)
    assert [hit.surface for hit in hits] == ["Mỹ", "Ấn Độ", "Liên bang Nga", "Washington D.C.", "Nga", "Ukraine", "Ả Rập Xê-út"]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.surface
    assert all(left.end <= right.start for left, right in zip(hits, hits[1:]))


def test_iso_table_has_every_iso_country_once() -> None:
    with (VOCAB / "iso3166.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 249
    assert len({row["alpha2"] for row in rows}) == len({row["alpha3"] for row in rows}) == 249
    assert all(len(row["alpha2"]) == 2 and len(row["alpha3"]) == 3 and row["name"] for row in rows)
    assert {"USA", "IND", "RUS", "PRK", "KOR", "TLS", "PSE", "TWN"} <= all_country_codes()


def test_iso_table_agrees_with_babel_english_names() -> None:
    english = babel.Locale("en").territories
    with (VOCAB / "iso3166.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(row["alpha2"] in english for row in rows)
    same = [row for row in rows if english[row["alpha2"]] == row["name"]]
    assert len(same) >= 220
    assert {row["alpha3"] for row in same} >= {"IND", "USA", "RUS", "JPN", "AUS", "PHL", "VNM", "KOR", "PRK", "GBR"}


def test_every_code_the_vocabulary_can_return_is_iso() -> None:
    extra = json.loads((VOCAB / "countries_extra.json").read_text(encoding="utf-8"))
    table_codes = {code for table in ("names", "metonyms", "compound_stems") for code in extra[table]}
    assert table_codes <= all_country_codes()
    assert {entry.code for entry in countries._vocabulary().entries.values() if entry.code} <= all_country_codes()


def test_every_surface_starts_with_a_capital() -> None:
    """The regex only tries capitalised words; a lowercase entry would never match."""
    assert all(key[0].isupper() or not key[0].isalpha() for key in countries._vocabulary().entries)


def test_every_code_has_display_names() -> None:
    for code in all_country_codes():
        assert country_name(code, "vi") != code
        assert country_name(code, "en") != code
    assert country_name("USA") == "Mỹ"
    assert country_name("IND", "en") == "India"
    assert country_name("DEU") == "Đức"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Mỹ", "Ấn", "Độ", "Dương", "-", " ", "ông", "Đức", "Anh", "tiếng", "Nga", "Ukraine",
                                 "Việt", "Nam", "Thái", "Bình", ",", "Washington", "D.C.", "Thúy", "châu", "1"]), max_size=30))
def test_any_text_gives_consistent_hits(words: list[str]) -> None:
    text = " ".join(words)
    hits = find_countries(text)
    assert all(text[hit.start : hit.end] == hit.surface for hit in hits)
    assert all(left.end <= right.start for left, right in zip(hits, hits[1:]))
    assert {hit.code for hit in hits} <= all_country_codes()
    assert {hit.kind for hit in hits} <= {"name", "metonym", "compound"}


@pytest.mark.parametrize("text", ["Anh cho biết sẽ trở lại.", "Ông ấy im lặng. Anh nói thêm về chuyến đi.",
                                  "“Anh kể lại chuyện cũ.”"])
def test_anh_opening_a_sentence_before_a_speech_verb_is_a_pronoun(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize("text", ["Anh và Pháp ký thỏa thuận.", "Bộ Quốc phòng Anh cho biết sẽ gửi tàu.",
                                  "Anh sẽ gửi tàu sân bay."])
def test_anh_as_a_country_stays(text: str) -> None:
    assert codes(text) == ["GBR"] or "GBR" in codes(text)


def test_the_french_spellings_the_vietnamese_press_uses_name_their_countries():
    assert [h.code for h in find_countries("Mỹ phê duyệt bán 600 tên lửa Stinger cho Maroc và Mianma")] == [
        "USA", "MAR", "MMR"]


@pytest.mark.parametrize(("text", "code"), [
    ("Sofia đang đàm phán mua động cơ từ Ba Lan.", "BGR"), ("Vilnius phản đối.", "LTU"), ("Riga lên tiếng.", "LVA"),
    ("Tallinn hoan nghênh.", "EST"), ("Bratislava từ chối.", "SVK"), ("Zagreb đồng ý.", "HRV"),
    ("Vienna đề xuất.", "AUT"), ("Bern giữ trung lập.", "CHE"), ("Manama ký kết.", "BHR"), ("Dublin cân nhắc.", "IRL"),
    ("Chisinau lo ngại.", "MDA"),
])
def test_more_capitals_stand_for_their_country(text: str, code: str) -> None:
    assert code in codes(text)


def test_a_trade_fair_acronym_is_no_capital():
    assert codes("Triển lãm hàng hải và hàng không quốc tế Langkawi (LIMA) khai mạc.") == []


def test_the_philippines_transliterated_without_its_tone_mark_is_found():
    from newsfacts.extract.countries import find_countries
    assert [h.code for h in find_countries("Đối thoại giữa Phi-li-pin và Mỹ")] == ["PHL", "USA"]


def test_territories_of_the_united_states_are_places_not_countries():
    assert codes("Lính thủy đánh bộ Mỹ sẽ chuyển từ Okinawa tới Guam và Puerto Rico.") == ["USA"]
    assert country_name("GUM", "vi")  # still displayed where a store holds the code


@pytest.mark.parametrize("outlet", ["Thế giới & Việt Nam", "Thông tấn xã Việt Nam", "Đài Truyền hình Việt Nam"])
def test_an_outlet_named_after_vietnam_is_no_mention_of_vietnam(outlet: str) -> None:
    assert codes(f"Theo {outlet}, Bộ trưởng Quốc phòng Mỹ sẽ thăm Nhật Bản.") == ["USA", "JPN"]



@pytest.mark.parametrize(("text", "expected"), [
    ("Hai bên quan ngại về tình hình nhân quyền ở Tân Cương và Hồng Kông, theo Nhật Bản.", ["JPN"]),
    ("Ba tàu tuần tra được gia cố để hoạt động gần Nam Cực, theo Nhật Bản.", ["JPN"]),
    ("Tổng thống Mỹ nhiều lần nói muốn mua Greenland, theo Nhật Bản.", ["USA", "JPN"]),
    ("Hợp đồng trị giá 624 triệu đô la Mỹ, theo Nhật Bản.", ["JPN"]),
])
def test_places_that_are_no_country_of_their_own_and_names_that_merely_hold_one(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_taiwan_written_in_english_is_taiwan():
    assert [h.code for h in find_countries("Hoa Kỳ cũng đồng ý bán một số phụ tùng vận tải cơ C-130 cho Taiwan.")] == [
        "USA", "TWN"]


def test_a_photographer_named_in_capitals_after_a_credit_is_no_country():
    assert find_countries("Tàu hộ vệ mới của hải quân tại lễ thượng cờ. Ảnh: MINH ANH") == []
    assert [h.code for h in find_countries("HẢI QUÂN ANH NHẬN TÀU MỚI")] == ["GBR"]


def test_the_philippine_sea_is_no_country_and_philippine_waters_are():
    assert find_countries("Cuộc tập trận năm ngoái diễn ra trên biển Philippines, phía đông Đài Loan.")[0].code == "TWN"
    assert [h.code for h in find_countries("Tàu Trung Quốc tiến vào vùng biển Philippines.")] == ["CHN", "PHL"]


@pytest.mark.parametrize("institute", ["Viện Nghiên cứu Hòa bình Quốc tế Stockholm",
                                       "Viện Nghiên cứu Hòa bình quốc tế Stockholm",
                                       "Viện nghiên cứu hòa bình quốc tế Stockholm"])
def test_the_stockholm_peace_institute_places_nothing_in_sweden(institute):
    text = f"Theo {institute} (SIPRI), Ấn Độ là nước nhập khẩu vũ khí lớn nhất thế giới."
    assert [hit.code for hit in find_countries(text)] == ["IND"]
