"""Dialogue extraction on short articles written for these tests."""

import pytest

from newsfacts.pipeline import parse_text


def dialogues(text: str, published: str | None = "2024-03-01"):
    return parse_text(text, published=published).dialogues


def test_two_meetings_of_one_mechanism_stay_apart():
    text = (
        "Nhật Bản và Mỹ sắp họp 2+2\n\n"
        "Nhật Bản và Mỹ dự kiến tổ chức Đối thoại 2+2 vào ngày 20/3 tại thủ đô Tokyo.\n\n"
        "Đối thoại 2+2 gần nhất giữa hai nước diễn ra vào tháng 1/2023 tại Washington."
    )
    found = {(d.date, d.status, d.location.city) for d in dialogues(text)}
    assert found == {("2024-03-20", "planned", "Tokyo"), ("2023-01", "held", "Washington")}
    assert all(d.parties == ("JPN", "USA") and d.mechanism == "2+2" for d in dialogues(text))


def test_postponed_meeting_and_its_new_date_are_two_records():
    text = (
        "Hoãn đối thoại\n\n"
        "Đối thoại 2+2 Úc - Nhật Bản dự kiến diễn ra ngày 5/3 đã bị hoãn sang ngày 10/4 vì lý do thời tiết."
    )
    found = sorted((d.date, d.status) for d in dialogues(text))
    assert found == [("2024-03-05", "postponed"), ("2024-04-10", "planned")]


def test_a_ministers_meeting_without_a_named_mechanism_is_not_a_dialogue():
    text = (
        "Bộ trưởng Quốc phòng Mỹ thăm Hà Nội\n\n"
        "Ngày 3/2, Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã hội đàm với Bộ trưởng Quốc phòng Việt Nam Phan Văn Giang "
        "tại Hà Nội."
    )
    assert dialogues(text) == ()


def test_talk_about_the_mechanism_itself_is_not_a_meeting():
    text = "Quan hệ Ấn Độ - Mỹ\n\nCơ chế đối thoại chiến lược được thiết lập để thay thế các kênh cũ."
    assert dialogues(text) == ()


def test_mentions_of_one_meeting_merge_and_the_dated_one_sets_date_and_status():
    text = (
        "Ấn Độ và Mỹ họp 2+2 tại New Delhi\n\n"
        "Ngày 28/2, tại Đối thoại 2+2, Ấn Độ và Mỹ đã ký nhiều văn kiện.\n\n"
        "Ngoại trưởng Antony Blinken và Bộ trưởng Quốc phòng Lloyd Austin của Mỹ đã gặp Ngoại trưởng "
        "Subrahmanyam Jaishankar và Bộ trưởng Quốc phòng Rajnath Singh của Ấn Độ tại New Delhi trong khuôn khổ "
        "Đối thoại 2+2 thường niên."
    )
    (dialogue,) = dialogues(text)
    assert (dialogue.date, dialogue.status, dialogue.location.city) == ("2024-02-28", "held", "New Delhi")
    assert [(p.name, p.role, p.country) for p in dialogue.participants] == [
        ("Antony Blinken", "Ngoại trưởng", "USA"),
        ("Lloyd Austin", "Bộ trưởng Quốc phòng", "USA"),
        ("Subrahmanyam Jaishankar", "Ngoại trưởng", "IND"),
        ("Rajnath Singh", "Bộ trưởng Quốc phòng", "IND"),
    ]
    assert len(dialogue.evidence) == 3


def test_a_named_consultation_has_its_founding_parties():
    text = "AUSMIN họp tại Canberra\n\nNgày 10/2, Tham vấn cấp bộ trưởng (AUSMIN) đã diễn ra tại Canberra."
    (dialogue,) = dialogues(text)
    assert dialogue.parties == ("AUS", "USA")
    assert dialogue.location.country == "AUS"


def test_mechanism_names_map_to_their_kinds():
    text = (
        "Hai cuộc đối thoại\n\n"
        "Ngày 12/1, Việt Nam và Ấn Độ đã tổ chức Đối thoại Chính sách Quốc phòng lần thứ 15 tại Hà Nội.\n\n"
        "Ngày 20/1, Việt Nam và Australia đã tiến hành Đối thoại Chiến lược tại Canberra."
    )
    kinds = {d.mechanism: d.parties for d in dialogues(text)}
    assert kinds == {"defence policy dialogue": ("IND", "VNM"), "strategic dialogue": ("AUS", "VNM")}


def test_the_agreement_to_resume_a_dialogue_has_status_agreed():
    text = "Nối lại đối thoại\n\nMỹ và Philippines ngày 20/1 đã cam kết nối lại đối thoại 2+2 sau 7 năm đình trệ."
    (dialogue,) = dialogues(text)
    assert dialogue.status == "agreed"
    assert dialogue.parties == ("PHL", "USA")


def test_a_cancelled_meeting_and_a_follow_up_between_the_same_two_countries():
    text = (
        "Nhật Bản hủy đối thoại\n\n"
        "Tokyo đã hủy Đối thoại 2+2 với Trung Quốc dự kiến tổ chức tại Bắc Kinh vào ngày 20/3.\n\n"
        "Đối thoại Chiến lược Ấn Độ - Pháp đã diễn ra tại Paris ngày 1/2. "
        "Hai nước cũng nhất trí tổ chức Đối thoại Quốc phòng thường niên vào tháng 10."
    )
    found = {(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text)}
    assert found == {
        ("2+2", ("CHN", "JPN"), "2024-03-20", "cancelled"),
        ("strategic dialogue", ("FRA", "IND"), "2024-02-01", "held"),
        ("defence policy dialogue", ("FRA", "IND"), "2024-10", "agreed"),
    }


def test_agreeing_to_set_up_a_mechanism_is_an_agreed_meeting_dated_by_its_first_meeting():
    text = (
        "Thiết lập đối thoại 2+2\n\n"
        "Việt Nam và Australia đã nhất trí thiết lập cơ chế đối thoại 2+2 cấp bộ trưởng, với cuộc họp đầu tiên "
        "dự kiến trong năm 2026.\n\n"
        "Thông tin được đưa ra sau cuộc hội đàm ngày 5/6 tại Hà Nội giữa ngoại trưởng hai nước."
    )
    found = [(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text, "2025-06-05")]
    assert found == [("2+2", ("AUS", "VNM"), "2026", "agreed")]


def test_a_mechanism_dated_only_by_its_start_year_or_listed_in_general_is_not_a_meeting():
    text = (
        "Quan hệ quốc phòng\n\n"
        "Australia đã duy trì các cơ chế 2+2 với Mỹ, Nhật Bản và Ấn Độ. "
        "Với Việt Nam, hai nước đã có Đối thoại Chiến lược cấp thứ trưởng từ năm 2013."
    )
    assert dialogues(text, "2025-06-05") == ()


def test_a_political_military_consultation_is_an_other_dialogue():
    text = ("Tham vấn\n\nNgày 14/5, Mỹ và Thái Lan đã tiến hành phiên Tham vấn chính trị - quân sự thường niên "
            "tại Bangkok.")
    (dialogue,) = dialogues(text, "2025-05-15")
    assert (dialogue.mechanism, dialogue.parties, dialogue.date, dialogue.status) == (
        "other dialogue", ("THA", "USA"), "2025-05-14", "held")
    assert dialogue.location.city == "Bangkok"


def test_a_forum_such_as_shangri_la_is_a_venue_not_a_dialogue():
    text = ("Bên lề Shangri-La\n\nTại Đối thoại Shangri-La ở Singapore ngày 1/6, bộ trưởng quốc phòng Mỹ và "
            "Nhật Bản đã có cuộc gặp riêng.")
    assert dialogues(text, "2024-06-02") == ()


def test_a_trilateral_dialogue_has_three_parties():
    text = ("Đối thoại ba bên\n\nChiều 27-7, ngoại trưởng Mỹ, Nhật Bản và Australia đã họp Đối thoại Chiến lược "
            "ba bên tại Viêng Chăn, Lào.")
    (dialogue,) = dialogues(text, "2024-07-28")
    assert (dialogue.mechanism, dialogue.parties, dialogue.date) == (
        "strategic dialogue", ("AUS", "JPN", "USA"), "2024-07-27")
    assert (dialogue.location.city, dialogue.location.country) == ("Viêng Chăn", "LAO")


def test_a_postponement_told_later_in_the_sentence_gives_two_records():
    text = ("Lùi lịch đối thoại\n\nĐối thoại Quốc phòng Hàn - Mỹ lần thứ 25, vốn dự kiến diễn ra tại Seoul ngày 15/9, "
            "đã được lùi sang ngày 3/10.")
    found = {(d.date, d.status) for d in dialogues(text, "2024-09-10")}
    assert found == {("2024-09-15", "postponed"), ("2024-10-03", "planned")}


def test_the_previous_round_told_as_lan_doi_thoai_truoc_is_its_own_meeting():
    text = ("Đối thoại Việt - Nhật\n\nNgày 5/6, Việt Nam và Nhật Bản đã tổ chức Đối thoại Chính sách Quốc phòng "
            "lần thứ 10 tại Hà Nội.\n\nLần đối thoại trước diễn ra tại Tokyo vào tháng 11/2022.")
    found = {(d.date, d.location.city, d.status) for d in dialogues(text, "2024-06-05")}
    assert found == {("2024-06-05", "Hà Nội", "held"), ("2022-11", "Tokyo", "held")}


def test_defence_ministries_strategic_dialogue_is_a_defence_policy_dialogue():
    text = (
        "Việt Nam và Trung Quốc đối thoại\n\n"
        "Ngày 12/3, Đối thoại Chiến lược Quốc phòng Việt Nam - Trung Quốc lần thứ năm đã diễn ra tại Hà Nội."
    )
    (dialogue,) = dialogues(text)
    assert (dialogue.mechanism, dialogue.parties, dialogue.date) == (
        "defence policy dialogue", ("CHN", "VNM"), "2024-03-12")


def test_strategic_dialogue_on_defence_cooperation_is_a_defence_policy_dialogue():
    for name in ("Đối thoại chiến lược về hợp tác quốc phòng", "Đối thoại Chiến lược và Hợp tác quốc phòng",
                 "Đối thoại chiến lược về quốc phòng"):
        text = f"Việt Nam - Pháp đối thoại\n\nNgày 18/2, tại Paris, {name} Việt Nam - Pháp lần thứ tư đã diễn ra."
        assert [(d.mechanism, d.parties) for d in dialogues(text)] == [("defence policy dialogue", ("FRA", "VNM"))], name


def test_foreign_and_defence_strategic_dialogue_stays_strategic():
    for name in ("Đối thoại Chiến lược ngoại giao - quốc phòng", "Đối thoại chiến lược quốc phòng - ngoại giao"):
        text = f"Việt Nam - Australia đối thoại\n\nNgày 10/2, tại Canberra, {name} Việt Nam - Australia lần thứ 7 đã diễn ra."
        assert [(d.mechanism, d.parties) for d in dialogues(text)] == [("strategic dialogue", ("AUS", "VNM"))], name


def test_foreign_ministries_strategic_dialogue_stays_strategic():
    text = "Mỹ và Philippines đối thoại\n\nNgày 20/1, Đối thoại Chiến lược Mỹ - Philippines lần thứ 10 đã kết thúc tại Manila."
    assert [(d.mechanism, d.parties) for d in dialogues(text)] == [("strategic dialogue", ("PHL", "USA"))]


MECHANISM_WORDS = [
    "đối thoại", "2+2", "chiến lược", "quốc phòng", "chính sách", "an ninh", "ngoại giao", "và", "-", "chính trị",
    "quân sự", "tham vấn", "cấp bộ trưởng", "cấp thứ trưởng", "giữa kỳ", "họp", "cuộc", "ausmin", "ủy ban tham vấn an ninh",
    "bốn bên", "đối tác", "mỹ", "nhật", "\"", "(intersessional)", "intersessional", "thứ", "hai", ","]


def _every_pattern_spans(lower: str) -> list[tuple[int, int, str]]:
    """`_mechanism_spans` as the vocabulary defines it: every pattern scanned over the whole sentence."""
    from newsfacts.extract.dialogues.vocabulary import _mechanism_patterns

    found = sorted((priority, -(m.end() - m.start()), m.start(), m.end(), mechanism)
                   for priority, (mechanism, entry) in enumerate(_mechanism_patterns())
                   for m in entry.pattern.finditer(lower) if m.end() > m.start())
    kept: list[tuple[int, int, str]] = []
    for _, _, start, end, mechanism in found:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, mechanism))
    return sorted(kept)


def test_mechanism_spans_skip_no_mechanism_the_vocabulary_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newsfacts.extract.dialogues.vocabulary import _mechanism_spans

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(MECHANISM_WORDS), max_size=12), st.sampled_from([" ", " - ", ""]))
    def check(words, glue):
        lower = glue.join(words)
        assert _mechanism_spans(lower) == _every_pattern_spans(lower)

    check()


HEADLINE = "Úc và Hàn Quốc họp 2+2\n\nNgày 1/5, Úc và Hàn Quốc đã tổ chức Đối thoại 2+2 tại Canberra.\n\n"


def test_an_earlier_meeting_recalled_in_passing_is_its_own_held_meeting_with_its_venue():
    recalls = [
        "Hai bên điểm lại hợp tác kể từ khi Đối thoại 2+2 được tổ chức lần đầu tiên tại Seoul vào tháng 7/2013.",
        "Cuộc họp 2+2 đầu tiên giữa hai nước theo cơ chế này diễn ra vào tháng 7/2013 tại Seoul.",
        "Đây là cuộc gặp 2+2 đầu tiên giữa hai nước theo cơ chế này kể từ tháng 7/2013.",
    ]
    for recall in recalls:
        found = {(d.date, d.status) for d in dialogues(HEADLINE + recall, "2024-05-02")}
        assert found == {("2024-05-01", "held"), ("2013-07", "held")}, recall
    found = {d.date: d.location.city for d in dialogues(HEADLINE + recalls[0], "2024-05-02")}
    assert found["2013-07"] == "Seoul"


def test_a_recalled_meeting_named_only_as_the_first_round_is_one_of_the_articles_mechanism():
    text = HEADLINE + "Hai bên đã đạt nhiều tiến bộ kể từ Đối thoại lần đầu tổ chức tháng 9/2019 tại Sydney."
    found = {(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2024-05-02")}
    assert ("2+2", ("AUS", "KOR"), "2019-09", "Sydney") in found


def test_a_recalled_round_meets_the_countries_of_its_own_clause_not_those_told_after_it():
    text = ("Nhật Bản và Ấn Độ họp 2+2 lần thứ hai\n\nNgày 30/11/2019, ngoại trưởng và bộ trưởng quốc phòng Nhật Bản và "
            "Ấn Độ đã họp theo định dạng 2+2 tại New Delhi. Phiên đầu tiên diễn ra tại Tokyo ngày 10-5-2018, vài tuần sau "
            "cuộc tập trận chung giữa hải quân Mỹ và Australia.")
    found = {(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2019-12-01")}
    assert ("2+2", ("IND", "JPN"), "2018-05-10", "Tokyo") in found


def test_the_date_of_an_act_told_after_a_meeting_is_not_the_meetings():
    text = ("Mỹ và Philippines họp 2+2\n\nNgày 12/1/2016, ngoại trưởng và bộ trưởng quốc phòng Mỹ và Philippines họp 2+2 "
            "tại Washington. Cuộc gặp diễn ra đúng ngày tòa án Philippines phán quyết về hiệp định hợp tác quốc phòng mà "
            "hai nước ký năm 2014.")
    assert [d.date for d in dialogues(text, "2016-01-13")] == ["2016-01-12"]


def test_a_round_of_the_mechanism_at_a_level_is_a_meeting_not_talk_of_the_mechanism():
    text = ("Tin\n\nBộ trưởng Quốc phòng Nhật Bản và Australia ngày 5/6 đã tiến hành phiên họp cấp bộ trưởng lần thứ 3 "
            "của cơ chế Đối thoại Chiến lược quốc phòng tại Tokyo.")
    assert [(d.parties, d.date, d.status, d.location.city) for d in dialogues(text, "2019-06-06")] == [
        (("AUS", "JPN"), "2019-06-05", "held", "Tokyo")]


def test_numbered_rounds_told_right_after_the_mechanism_is_named_are_its_rounds():
    text = ("Tàu Italy thăm Nhật Bản\n\nTàu sân bay Cavour cập cảng Yokosuka. Quan hệ quốc phòng Italy - Nhật Bản phát "
            "triển mạnh từ khi hai nước lập cơ chế đối thoại 2+2 giữa ngoại trưởng và bộ trưởng quốc phòng. Phiên đầu "
            "tiên được tổ chức trực tuyến ngày 5/3/2023, với sự tham gia của bốn bộ trưởng. Phiên thứ hai diễn ra ngày "
            "8/6/2024 tại Rome.")
    found = [(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2024-08-01")]
    assert found == [("2+2", ("ITA", "JPN"), "2023-03-05", None), ("2+2", ("ITA", "JPN"), "2024-06-08", "Rome")]


def test_the_first_round_since_a_date_is_not_the_round_of_that_date():
    text = ("Nhật Bản - Italy nối lại 2+2\n\nNgày 8/6/2024, Nhật Bản và Italy đã tổ chức cuộc họp 2+2 lần thứ ba tại "
            "Rome - phiên đầu tiên kể từ tháng 3/2021. Phiên thứ hai diễn ra ngày 30/3/2021 tại Tokyo.")
    found = [(d.date, d.location.city) for d in dialogues(text, "2024-06-09")]
    assert found == [("2024-06-08", "Rome"), ("2021-03-30", "Tokyo")]


def test_a_meeting_told_online_has_no_venue_even_if_another_mention_gives_one():
    text = ("Anh - Nhật sẽ họp 2+2 trực tuyến\n\nCuộc họp 2+2 lần thứ năm giữa ngoại trưởng và bộ trưởng quốc phòng Anh "
            "và Nhật Bản sẽ diễn ra theo hình thức trực tuyến vào ngày 3/2, sau khi kế hoạch gặp trực tiếp tại London "
            "hồi cuối năm ngoái bị gác lại.")
    meeting = next(d for d in dialogues(text, "2021-01-30") if d.date == "2021-02-03")
    assert (meeting.location.city, meeting.location.country) == (None, None)


def test_a_date_told_after_sau_khi_is_the_date_of_that_other_event():
    text = ("Hàn Quốc - Australia họp 2+2\n\nNgày 5/12/2023, ngoại trưởng và bộ trưởng quốc phòng Hàn Quốc và Australia "
            "họp 2+2 tại Melbourne. Cuộc họp diễn ra chỉ ba tuần sau khi Australia ký một thỏa thuận hợp tác hàng hải "
            "ngày 14/11.")
    assert [d.date for d in dialogues(text, "2023-12-06")] == ["2023-12-05"]


def test_a_2_plus_2_of_secretaries_is_the_officials_round():
    text = "Tin\n\nẤn Độ và Nhật Bản đã tổ chức vòng đối thoại 2+2 cấp thư ký đầu tiên tại Tokyo năm 2019."
    assert [d.mechanism for d in dialogues(text, "2020-06-05")] == ["2+2 intersessional"]


def test_deciding_to_raise_the_mechanism_to_ministers_agrees_to_hold_it():
    text = "Tin\n\nẤn Độ và Australia quyết định nâng cấp cơ chế đối thoại \"2+2\" lên cấp bộ trưởng."
    assert [(d.mechanism, d.status) for d in dialogues(text, "2020-06-05")] == [("2+2", "agreed")]


def test_a_security_policy_dialogue_is_a_security_dialogue():
    text = "Tin\n\nNgày 17/4, Hàn Quốc và Nhật Bản tổ chức Đối thoại chính sách an ninh lần thứ 12 tại Seoul."
    assert [(d.mechanism, d.date) for d in dialogues(text, "2023-04-17")] == [("security dialogue", "2023-04-17")]


@pytest.mark.parametrize("talks", [
    "Vòng đàm phán chính thức đầu tiên về hiệp định được tổ chức tại Tokyo trong hai ngày 29-30/11/2023.",
    "Vòng đàm phán đầu tiên về hiệp định được tổ chức tại Tokyo ngày 29/11/2023.",
])
def test_talks_on_an_agreement_are_no_round_of_the_mechanism(talks):
    text = ("Nhật Bản và Philippines họp 2+2\n\nNgày 8/7/2024, ngoại trưởng và bộ trưởng quốc phòng Nhật Bản và "
            "Philippines họp 2+2 lần thứ hai tại Manila. " + talks)
    assert [d.date for d in dialogues(text, "2024-07-09")] == ["2024-07-08"]


def test_ships_of_countries_told_in_another_clause_make_them_no_parties_of_the_meeting():
    text = ("Nhật Bản và Philippines họp 2+2\n\nNgày 8/7/2024, ngoại trưởng và bộ trưởng quốc phòng Nhật Bản và "
            "Philippines họp 2+2 lần thứ hai tại Manila. Tại cuộc họp 2+2, các bộ trưởng cũng trao đổi về tình hình Biển "
            "Đông, nơi các vụ va chạm giữa tàu Philippines và tàu Trung Quốc gia tăng.")
    assert [d.parties for d in dialogues(text, "2024-07-09")] == [("JPN", "PHL")]


def test_a_2_plus_2_listed_with_more_than_two_countries_names_the_formats_partners_not_a_meeting():
    text = ("Nhật Bản và Indonesia họp 2+2\n\nNgày 17/12/2015, ngoại trưởng và bộ trưởng quốc phòng Nhật Bản và "
            "Indonesia họp 2+2 lần đầu tại Tokyo. Đây là lần đầu tiên Nhật Bản tổ chức cơ chế 2+2 với một nước Đông Nam "
            "Á, sau các cơ chế tương tự với Mỹ, Australia, Nga, Pháp và Anh.")
    assert [d.parties for d in dialogues(text, "2015-12-18")] == [("IDN", "JPN")]


def test_a_hyphenated_pair_after_a_comma_is_its_own_meetings_pair():
    text = ("Điểm tin\n\nHàn Quốc dồn dập họp 2+2 với Mỹ và Canada, Trung Quốc - Nga tham vấn an ninh chiến lược, trong "
            "khi xe tăng tìm được khách hàng mới là những điểm nhấn nửa đầu tháng 11.")
    assert [(d.mechanism, d.parties) for d in dialogues(text, "2024-11-16")] == [("security dialogue", ("CHN", "RUS"))]


def test_officials_meeting_within_a_named_mechanism_is_its_round_on_the_day_told_with_the_meeting():
    text = ("Mỹ - Nga ấn định ngày đàm phán\n\nNgày 27/12, Nhà Trắng thông báo quan chức Mỹ và Nga sẽ gặp nhau tại "
            "Geneva ngày 10/1/2022, trong khuôn khổ Đối thoại ổn định chiến lược mà hai tổng thống nhất trí khởi động "
            "hồi tháng 6.")
    assert [(d.date, d.status) for d in dialogues(text, "2021-12-28")] == [("2022-01-10", "planned")]


def test_a_meeting_expected_to_take_place_then_called_off_is_cancelled():
    text = ("Tin\n\nCuộc họp 2+2 giữa Anh và Nhật Bản dự kiến diễn ra tại Tokyo ngày 5/8, với sự tham dự của bốn bộ "
            "trưởng, nhưng phía Anh đã quyết định hủy cuộc gặp.")
    assert [(d.date, d.status) for d in dialogues(text, "2025-07-20")] == [("2025-08-05", "cancelled")]


def test_a_mechanism_held_every_two_years_is_talk_of_it_not_a_meeting():
    text = ("Việt Nam - Ấn Độ đối thoại an ninh\n\nNgày 5/12/2024, Đối thoại An ninh Việt Nam - Ấn Độ cấp Thứ trưởng lần "
            "thứ 3 diễn ra tại Hà Nội. Đối thoại An ninh Việt Nam - Ấn Độ được tổ chức hai năm một lần, trên cơ sở Bản "
            "ghi nhớ ký năm 2016.")
    assert [d.date for d in dialogues(text, "2024-12-06")] == ["2024-12-05"]


def test_dates_after_a_first_time_cue_that_date_something_else_are_no_meeting():
    for sentence in [
        "Đây là cuộc gặp 2+2 đầu tiên kể từ khi Tổng thống nhậm chức tháng 5/2022.",
        "Đây là vòng đối thoại 2+2 thứ ba kể từ năm 2019.",
        "Cuộc họp 2+2 lần thứ hai dự kiến diễn ra vào tháng 12/2024 tại Seoul.",
    ]:
        dates = {d.date for d in dialogues(HEADLINE + sentence, "2024-05-02") if d.status == "held"}
        assert dates == {"2024-05-01"}, sentence


def test_the_venue_is_the_country_visited_or_the_city_after_a_named_building():
    cases = {
        "Ngày 6/12, hai bộ trưởng Australia thăm Mỹ, đồng chủ trì Đối thoại 2+2 Australia - Mỹ.": (None, "USA"),
        "Ngày 6/12, Đối thoại 2+2 Mỹ - Ấn Độ đã diễn ra tại Nhà khách Hyderabad, New Delhi.": ("New Delhi", "IND"),
        "Ngày 6/12, Đối thoại 2+2 Nhật - Mỹ đã diễn ra tại Washington D.C (Mỹ).": ("Washington D.C", "USA"),
        "Ngày 6/12, Đối thoại 2+2 Nhật - Mỹ đã diễn ra tại Tokyo, Nhật Bản.": ("Tokyo", "JPN"),
    }
    for sentence, (city, country) in cases.items():
        (found,) = dialogues("Họp 2+2\n\n" + sentence, "2024-12-07")
        assert (found.location.city, found.location.country) == (city, country), sentence


def test_a_meeting_under_consideration_is_not_held():
    text = "Nhật Bản tính họp 2+2\n\nNhật Bản đang xem xét tổ chức đối thoại 2+2 với Philippines."
    assert [d.status for d in dialogues(text, "2024-03-01")] == ["planned"]


def test_a_later_sentence_about_these_meetings_gives_their_venue():
    text = ("Nhật Bản họp 2+2\n\nNhật Bản sẽ tổ chức đối thoại 2+2 với Philippines vào đầu tháng 4. "
            "Cuộc gặp này sẽ diễn ra ở thủ đô Tokyo.")
    (found,) = dialogues(text, "2024-03-01")
    assert (found.location.city, found.location.country) == ("Tokyo", "JPN")


def test_a_sentence_placing_another_meeting_gives_no_venue():
    text = ("Nhật Bản họp 2+2\n\nNhật Bản sẽ tổ chức đối thoại 2+2 với Philippines vào đầu tháng 4. "
            "Hai bộ trưởng cũng có cuộc gặp riêng tại Manila.")
    (found,) = dialogues(text, "2024-03-01")
    assert found.location.city is None


def test_a_round_counted_from_without_its_date_is_no_record():
    text = ("Đối thoại Chính sách quốc phòng Việt Nam - Singapore lần thứ 15\n\n"
            "Ngày 10/10, tại Hà Nội, Đối thoại Chính sách quốc phòng Việt Nam - Singapore lần thứ 15 đã diễn ra. "
            "Hợp tác quốc phòng được triển khai hiệu quả kể từ phiên Đối thoại Chính sách quốc phòng lần thứ 14.")
    assert [(d.date, d.status) for d in dialogues(text, "2024-10-11")] == [("2024-10-10", "held")]


def test_a_round_counted_from_with_its_date_in_brackets_is_held_then():
    text = ("Đối thoại Chính sách quốc phòng Việt Nam - Philippines lần thứ 7\n\n"
            "Ngày 26/11, Đối thoại Chính sách quốc phòng Việt Nam - Philippines lần thứ 7 đã diễn ra. "
            "Hai bên đánh giá kết quả kể từ Đối thoại Chính sách quốc phòng lần thứ 6 (tháng 7/2024).")
    assert {d.date for d in dialogues(text, "2025-11-27")} == {"2025-11-26", "2024-07"}


def test_the_defence_ministry_named_without_a_country_is_vietnams():
    text = ("Đối thoại\n\nChiều 26/11, tại trụ sở Bộ Quốc phòng đã diễn ra Đối thoại Chính sách quốc phòng "
            "Việt Nam - Philippines lần thứ 7.")
    (found,) = dialogues(text, "2025-11-27")
    assert (found.location.city, found.location.country) == (None, "VNM")


def test_a_dialogue_about_defence_policy_spelt_with_ve_is_the_defence_policy_dialogue():
    text = "Việt Nam, Indonesia đối thoại\n\nViệt Nam và Indonesia vừa tổ chức đối thoại về chính sách quốc phòng lần thứ 3 tại Hà Nội vào chiều 31/10."
    (found,) = dialogues(text, "2023-11-01")
    assert (found.mechanism, found.date, found.location.city) == ("defence policy dialogue", "2023-10-31", "Hà Nội")


def test_a_forum_named_after_its_city_is_no_bilateral_dialogue():
    text = ("Hàn Quốc và Australia\n\nNgày 19/10, ông Marles đang trong chuyến thăm Hàn Quốc để tham dự "
            "Đối thoại an ninh Seoul 2023.")
    assert dialogues(text, "2023-10-20") == ()


def test_a_pages_own_date_in_the_headline_gives_the_year_of_dates_without_one():
    text = ("date 2023-11 Việt Nam, Indonesia vừa tổ chức đối thoại chính sách quốc phòng lần thứ 3 tại Hà Nội "
            "vào chiều 31/10.\n\nHai bên đánh giá kết quả kể từ Đối thoại lần thứ 2 vào năm 2021.")
    assert "2023-10-31" in {d.date for d in dialogues(text, None)}


def test_the_foreign_and_defence_ministers_meeting_spelt_out_is_a_2_plus_2():
    text = ("Hàn Quốc và Australia\n\nHội nghị Bộ trưởng Ngoại giao, Quốc phòng Hàn-Australia lần thứ 5 được diễn ra "
            "tại Seoul vào tháng 9/2021.")
    assert [(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2024-04-16")] == [
        ("2+2", ("AUS", "KOR"), "2021-09", "Seoul")]


def test_a_meeting_planned_then_put_off_later_in_the_sentence_is_postponed():
    text = ("Hàn Quốc và Australia\n\nNgày 19/10, Ngoại trưởng Penny Wong dự kiến tới Hàn Quốc để tham dự Hội nghị "
            "Bộ trưởng Ngoại giao, Quốc phòng Hàn-Australia (Hội nghị 2+2), nhưng đã phải hoãn chuyến thăm do ảnh hưởng "
            "từ tình hình Trung Đông và phải hủy lịch gặp.")
    assert [d.status for d in dialogues(text, "2023-10-20")] == ["postponed"]


def test_a_round_put_off_for_a_reason_naming_other_countries_stays_the_articles_meeting():
    text = ("Hàn Quốc và Australia họp 2+2\n\nHàn Quốc và Australia sẽ tổ chức Hội nghị 2+2 lần thứ 6 vào tháng 5. "
            "Ban đầu, cuộc họp lần thứ 6 được dự kiến tổ chức vào tháng 10 năm ngoái, nhưng đã bị hoãn lại do Hamas "
            "của Palestine tấn công Israel.")
    found = {(d.parties, d.date, d.status) for d in dialogues(text, "2024-04-16")}
    assert (("AUS", "KOR"), "2023-10", "postponed") in found


def test_naming_the_countries_that_hold_the_mechanism_is_no_meeting():
    text = ("Hàn Quốc và Australia họp 2+2\n\nNgày 16/4, Hàn Quốc và Australia đã tổ chức Hội nghị 2+2 tại Canberra. "
            "Cùng với Mỹ, Australia là một trong số hai nước mà Hàn Quốc đang tổ chức Hội nghị 2+2.")
    assert [d.parties for d in dialogues(text, "2024-04-17")] == [("AUS", "KOR")]


def test_a_meeting_told_on_the_day_the_sentence_opens_with_and_held_is_dated_that_day():
    text = ("Australia và Mỹ tiến hành tham vấn cấp bộ trưởng AUSMIN 2023 tại Brisbane\n\n"
            "Theo phóng viên TTXVN tại Sydney, ngày 29/7, Bộ trưởng Ngoại giao Australia Penny Wong và Phó Thủ tướng kiêm "
            "Bộ trưởng Quốc phòng Richard Marles đã có cuộc tham vấn thường niên với Ngoại trưởng Mỹ Antony Blinken tại "
            "thành phố Brisbane.")
    assert [(d.date, d.status) for d in dialogues(text, "2023-07-29")] == [("2023-07-29", "held")]


def test_the_day_a_postponement_was_asked_for_dates_no_meeting():
    text = ("Ấn Độ và Mỹ hoãn 2+2\n\nĐối thoại 2+2 Mỹ - Ấn Độ vốn được lên lịch vào ngày 6/7 tại Washington. "
            "Tuy nhiên, tối 27/6, phía Mỹ đề nghị hoãn cuộc gặp.")
    assert {d.date for d in dialogues(text, "2018-06-28")} == {"2018-07-06"}


def test_rounds_told_as_sessions_are_recalled_and_an_agreement_since_carried_out_is_no_record():
    text = ("Ấn Độ, Nhật Bản sắp họp 2+2 lần thứ ba\n\nĐối thoại 2+2 Ấn Độ - Nhật Bản lần thứ ba sẽ diễn ra tại New Delhi "
            "ngày 20/8. Cơ chế 2+2 giữa hai nước được lãnh đạo hai bên quyết định thiết lập năm 2018. "
            "Phiên đầu tiên diễn ra tại New Delhi tháng 11/2019, phiên thứ hai được tổ chức ở Tokyo vào tháng 9/2022.")
    assert sorted((d.date, d.status, d.location.city) for d in dialogues(text, "2024-08-19")) == [
        ("2019-11", "held", "New Delhi"), ("2022-09", "held", "Tokyo"), ("2024-08-20", "planned", "New Delhi")]


def test_naming_the_partners_a_country_holds_the_mechanism_with_is_no_meeting():
    text = ("Hàn Quốc và Australia họp 2+2\n\nNgày 1/5, Hàn Quốc và Australia đã tổ chức Hội nghị 2+2 tại Melbourne. "
            "Hàn Quốc hiện chỉ tổ chức cơ chế 2+2 cấp bộ trưởng với hai đối tác là Mỹ và Australia.")
    assert [d.parties for d in dialogues(text, "2024-05-02")] == [("AUS", "KOR")]


def test_the_foreign_ministers_framework_dialogue_is_an_other_dialogue():
    text = ("Ấn Độ và Australia\n\nNgày 21/11, Ngoại trưởng Ấn Độ và Ngoại trưởng Australia sẽ đồng chủ trì Đối thoại "
            "Khuôn khổ Bộ trưởng Ngoại giao lần thứ 14 tại New Delhi.")
    assert [(d.mechanism, d.status) for d in dialogues(text, "2023-11-20")] == [("other dialogue", "planned")]


def test_a_dialogue_with_a_partner_named_after_it_is_between_the_host_and_that_partner():
    text = ("Australia đối thoại dồn dập\n\nNgày 11/9, Australia và Ấn Độ tổ chức Đối thoại 2+2 tại New Delhi. Sau Ấn Độ, "
            "phái đoàn Australia sẽ tới Seoul để tiến hành Đối thoại 2+2 với Hàn Quốc vào ngày 13/9, trước khi sang "
            "Washington dự Tham vấn Bộ trưởng Australia - Mỹ (AUSMIN) dự kiến diễn ra vào giữa tháng này.")
    found = {(d.parties, d.location.city) for d in dialogues(text, "2021-09-12")}
    assert (("AUS", "KOR"), "Seoul") in found and (("AUS", "USA"), "Washington") in found


def test_a_round_told_after_a_comma_and_a_city_in_brackets_after_the_building():
    text = ("Đối thoại Chính sách quốc phòng Việt Nam - Ấn Độ lần thứ 15\n\nChiều 10/11, tại Trụ sở Bộ Quốc phòng (Hà Nội), "
            "hai bên đồng chủ trì Đối thoại Chính sách quốc phòng Việt Nam - Ấn Độ lần thứ 15. Hai bên điểm lại kết quả "
            "đã thống nhất tại Đối thoại lần thứ 14, được tổ chức tại Thủ đô New Delhi ngày 1/8/2024.")
    assert sorted((d.date, d.location.city) for d in dialogues(text, "2025-11-11")) == [
        ("2024-08-01", "New Delhi"), ("2025-11-10", "Hà Nội")]


def test_launching_a_mechanism_on_a_given_day_is_its_first_meeting_held_that_day():
    text = ("Ấn Độ và Australia lần đầu đối thoại 2+2\n\nNgày 11/9, New Delhi và Canberra chính thức khởi động cơ chế "
            "Đối thoại 2+2 cấp bộ trưởng. Cuộc đối thoại đầu tiên diễn ra tại thủ đô New Delhi của Ấn Độ.")
    assert [(d.parties, d.date, d.status, d.location.city) for d in dialogues(text, "2021-09-12")] == [
        (("AUS", "IND"), "2021-09-11", "held", "New Delhi")]


def test_the_australia_uk_ministerial_consultations_are_a_2_2_under_their_acronym():
    text = ("AUKMIN\n\nNgày 22/3, tại Adelaide, Australia và Anh tổ chức cuộc Tham vấn cấp Bộ trưởng Ngoại giao và "
            "Quốc phòng thường niên (AUKMIN) năm 2024.\n\nTrước đó, AUKMIN 2022 được tổ chức tại Sydney vào tháng 1/2022.")
    found = {(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2024-03-23")}
    assert found == {("2+2", ("AUS", "GBR"), "2024-03-22", "Adelaide"), ("2+2", ("AUS", "GBR"), "2022-01", "Sydney")}


def test_a_ministerial_consultation_of_foreign_and_defence_ministers_is_a_2_2_of_its_parties():
    text = ("Tham vấn\n\nNgày 5/9, Nhật Bản và Australia tổ chức Tham vấn cấp Bộ trưởng Ngoại giao và Quốc phòng "
            "tại Queenscliff.")
    (dialogue,) = dialogues(text, "2024-09-06")
    assert (dialogue.mechanism, dialogue.parties, dialogue.date) == ("2+2", ("AUS", "JPN"), "2024-09-05")


def test_the_defence_policy_coordination_talks_meet_in_rounds_recalled_by_number():
    text = ("Mỹ - Trung Quốc tổ chức vòng đàm phán chính sách quốc phòng thứ 18 tại Bắc Kinh\n\n"
            "Ngày 15/9, Bộ Quốc phòng Trung Quốc cho biết vòng Đàm phán Phối hợp chính sách quốc phòng Trung - Mỹ lần "
            "thứ 18 đã diễn ra tại Bắc Kinh trong hai ngày 14 và 15/9.\n\n"
            "Đàm phán Phối hợp chính sách quốc phòng từng được tổ chức thường niên, nhưng bị đình trệ sau chuyến thăm "
            "Đài Loan của bà Nancy Pelosi vào tháng 8/2022. Vòng thứ 16 diễn ra theo hình thức trực tuyến vào cuối "
            "tháng 9/2021.")
    found = {(d.mechanism, d.parties, d.date) for d in dialogues(text, "2024-09-16")}
    assert found == {("defence policy dialogue", ("CHN", "USA"), "2024-09-14"),
                     ("defence policy dialogue", ("CHN", "USA"), "2021-09")}


def test_talks_called_off_are_not_the_talks_resumed_later():
    text = ("Mỹ - Trung nối lại đàm phán chính sách quốc phòng\n\n"
            "Ngày 9/1, phiên Đàm phán Phối hợp chính sách quốc phòng Mỹ - Trung lần thứ 17 đã diễn ra tại Lầu Năm Góc.\n\n"
            "Tháng 8/2022, Bắc Kinh tuyên bố hủy cuộc đàm phán phối hợp chính sách quốc phòng với Mỹ.")
    found = {(d.date, d.status) for d in dialogues(text, "2024-01-10")}
    assert found == {("2024-01-09", "held"), (None, "cancelled")}


def test_a_town_named_as_one_is_the_venue_with_the_country_placed_after_it():
    text = ("2+2\n\nNgày 5/9, tại thị trấn ven biển Queenscliff thuộc bang Victoria, Australia, bộ trưởng ngoại giao và "
            "quốc phòng Australia và Nhật Bản đã tiến hành cuộc Tham vấn 2+2 lần thứ 11.")
    (dialogue,) = dialogues(text, "2024-09-06")
    assert (dialogue.location.city, dialogue.location.country) == ("Queenscliff", "AUS")


def test_a_country_named_past_a_comma_after_the_mechanism_is_not_a_party():
    text = ("Nhật Bản - Australia nhóm họp 2+2, mở rộng hợp tác quốc phòng ba bên với Mỹ\n\n"
            "Cuộc Tham vấn 2+2 lần thứ 10 đã diễn ra tại Tokyo ngày 9/12/2022.")
    assert {d.parties for d in dialogues(text, "2024-09-06")} == {("AUS", "JPN")}


def test_the_first_meeting_since_a_date_recalls_the_meeting_held_then_and_where():
    text = ("Mỹ - Nhật họp 2+2 tại Tokyo\n\nNgày 28/7, Mỹ và Nhật Bản tổ chức đối thoại 2+2 tại Tokyo.\n\n"
            "Đây là cuộc đối thoại 2+2 Mỹ - Nhật đầu tiên kể từ tháng 1/2023, khi các bộ trưởng hai nước gặp nhau tại "
            "Washington. Sau cuộc họp, hai bên ra tuyên bố chung vào tháng 2/2024.")
    found = {(d.date, d.location.city, d.status) for d in dialogues(text, "2024-07-29")}
    assert found == {("2024-07-28", "Tokyo", "held"), ("2023-01", "Washington", "held")}


def test_a_long_name_ending_in_2_2_is_one_2_2_mechanism():
    text = ("Hàn - Trung\n\n\"Đối thoại An ninh và ngoại giao Hàn-Trung 2+2\" đã được tổ chức vào tháng 12/2013, với sự "
            "tham gia của các Vụ trưởng thuộc Bộ Ngoại giao và Bộ Quốc phòng hai nước.")
    assert {d.mechanism for d in dialogues(text, "2020-11-27")} == {"2+2 intersessional"}


def test_the_defence_ministries_security_and_defence_dialogue_is_their_defence_policy_dialogue():
    text = ("Việt Nam - Ấn Độ\n\nNgày 12/1, Bộ trưởng Quốc phòng Ấn Độ Ajay Kumar đồng chủ trì Đối thoại An ninh Quốc "
            "phòng Việt Nam - Ấn Độ lần thứ 13 cùng Thượng tướng Nguyễn Chí Vịnh.")
    (dialogue,) = dialogues(text, "2021-01-13")
    assert (dialogue.mechanism, dialogue.parties) == ("defence policy dialogue", ("IND", "VNM"))


def test_a_meeting_dated_to_a_past_day_is_held_though_another_sentence_tells_it_was_agreed_on():
    text = ("Nhật Bản - Pháp họp 2+2\n\nNgày 9/5, Nhật Bản và Pháp đã tổ chức cuộc họp Bộ trưởng Ngoại giao và Quốc "
            "phòng (2+2) lần thứ bảy.\n\nCuộc họp được thu xếp sau khi hai nhà lãnh đạo, trong cuộc hội đàm hồi tháng 1, "
            "nhất trí tổ chức \"2+2\" trong nửa đầu năm 2023.")
    (dialogue,) = dialogues(text, "2023-05-10")
    assert (dialogue.date, dialogue.status) == ("2023-05-09", "held")


def test_a_meeting_by_video_link_takes_no_venue_from_other_sentences():
    text = ("Nhật Bản - Pháp họp 2+2\n\nNgày 9/5, Nhật Bản và Pháp đã tổ chức cuộc họp 2+2 lần thứ bảy theo hình thức "
            "trực tuyến.\n\nCuộc họp được thu xếp sau khi Thủ tướng Kishida và Tổng thống Macron, trong cuộc hội đàm tại "
            "Paris hồi tháng 1, nhất trí tổ chức \"2+2\" trong nửa đầu năm 2023.")
    (dialogue,) = dialogues(text, "2023-05-10")
    assert (dialogue.location.city, dialogue.location.country) == (None, None)


def test_a_month_of_that_year_dates_the_first_session_of_a_mechanism_launched_that_year():
    text = ("Nhật - Anh họp 2+2\n\nNgày 7/11, Nhật Bản và Anh tổ chức đối thoại 2+2 lần thứ năm tại Tokyo.\n\n"
            "Cơ chế \"2+2\" Nhật - Anh được khởi động năm 2015, với phiên họp đầu tiên diễn ra tại London vào tháng 1 "
            "năm đó.")
    assert {(d.date, d.location.city) for d in dialogues(text, "2023-11-08")} == {
        ("2023-11-07", "Tokyo"), ("2015-01", "London")}


def test_a_leaders_title_in_an_aside_about_a_participant_does_not_make_a_session_a_leaders_meeting():
    text = ("Nhật Bản - Indonesia họp 2+2\n\nNgày 17/11, Nhật Bản và Indonesia tổ chức cuộc họp 2+2 lần thứ ba tại Tokyo."
            "\n\nPhiên thứ hai diễn ra ngày 30/3/2021, cũng tại Tokyo, với sự tham gia của Bộ trưởng Quốc phòng Prabowo "
            "Subianto - người hiện là Tổng thống Indonesia.")
    assert {d.date for d in dialogues(text, "2025-11-18")} == {"2025-11-17", "2021-03-30"}


def test_channels_called_off_together_are_all_cancelled_and_the_maritime_consultations_are_a_dialogue():
    text = ("Mỹ - Trung\n\nTháng 8/2022, Bắc Kinh tuyên bố hủy cuộc đàm phán phối hợp chính sách quốc phòng với Mỹ, cùng "
            "với các cuộc họp theo Thỏa thuận tham vấn quân sự trên biển (MMCA).")
    found = {(d.mechanism, d.date, d.status) for d in dialogues(text, "2024-01-10")}
    assert found == {("defence policy dialogue", None, "cancelled"), ("other dialogue", None, "cancelled")}


def test_the_maritime_consultative_agreement_is_no_arms_deal():
    text = ("MMCA\n\nCác cuộc họp diễn ra tại Honolulu trong khuôn khổ Thỏa thuận tham vấn hàng hải quân sự (MMCA) đã "
            "ký giữa Mỹ và Trung Quốc.")
    assert parse_text(text, published="2024-04-05").deals == ()


def test_meetings_a_travelling_pair_of_ministers_held_with_partners_on_their_tour():
    text = ("Hàn Quốc - Australia họp 2+2\n\nNgày 13/9, Hàn Quốc và Australia tổ chức đối thoại 2+2 tại Seoul. Phía Hàn "
            "Quốc có Ngoại trưởng Chung Eui-yong; phía Úc có Ngoại trưởng Marise Payne và Bộ trưởng Quốc phòng Peter "
            "Dutton.\n\nSeoul là điểm dừng thứ ba của bà Payne và ông Dutton trong chuyến công du khu vực. Trước đó, ngày "
            "9-9, hai bộ trưởng đã dự cuộc họp 2+2 với Indonesia tại Jakarta, và ngày 11-9 tiến hành cuộc họp 2+2 đầu "
            "tiên với Ấn Độ tại New Delhi.")
    found = {(d.parties, d.date, d.location.city) for d in dialogues(text, "2021-09-14")}
    assert found == {(("AUS", "KOR"), "2021-09-13", "Seoul"), (("AUS", "IDN"), "2021-09-09", "Jakarta"),
                     (("AUS", "IND"), "2021-09-11", "New Delhi")}


def test_a_mechanism_held_twice_on_two_listed_dates_is_two_meetings():
    text = ("Hàn - Trung\n\nĐối thoại 2+2 Hàn - Trung cấp Vụ trưởng đã được tổ chức hai lần vào tháng 12/2013 và tháng "
            "1/2015.")
    assert {d.date for d in dialogues(text, "2020-11-27")} == {"2013-12", "2015-01"}


def test_the_first_round_counted_from_is_a_meeting_when_its_date_is_told_after_it():
    text = ("Nhật Bản - Indonesia\n\nNgày 30-3, tại Tokyo, Nhật Bản và Indonesia đã tổ chức đối thoại \"2+2\" lần thứ "
            "hai.\n\nĐây là lần đầu tiên hai nước tổ chức cơ chế này kể từ phiên đối thoại \"2+2\" đầu tiên, cũng diễn "
            "ra tại Tokyo, vào tháng 12-2015.")
    assert {(d.date, d.status) for d in dialogues(text, "2021-03-31")} == {("2021-03-30", "held"), ("2015-12", "held")}


def test_a_meeting_dated_to_a_past_day_is_held_though_a_later_sentence_speaks_of_plans():
    text = ("Nhật Bản - Indonesia\n\nNgày 30-3, tại Tokyo, Nhật Bản và Indonesia đã tổ chức cuộc đối thoại giữa bộ "
            "trưởng ngoại giao và bộ trưởng quốc phòng hai nước (đối thoại \"2+2\") lần thứ hai.\n\nBộ trưởng Kishi cho "
            "biết Tokyo sẽ đẩy nhanh việc thảo luận tại đối thoại \"2+2\".")
    assert [(d.date, d.status) for d in dialogues(text, "2021-03-31")] == [("2021-03-30", "held")]


def test_an_earlier_round_told_in_the_clause_after_it_is_held_there_and_then():
    text = ("Việt Nam - Thái Lan\n\nNgày 18-3, tại Bangkok, Việt Nam và Thái Lan tổ chức Đối thoại Chính sách Quốc phòng "
            "lần thứ 6.\n\nĐánh giá kết quả hợp tác kể từ Đối thoại lần thứ 5, diễn ra tại Hà Nội ngày 13-12-2023, hai "
            "bên nhất trí cho rằng hợp tác tiếp tục được triển khai tích cực.")
    assert {(d.date, d.status) for d in dialogues(text, "2025-03-19")} == {("2025-03-18", "held"), ("2023-12-13", "held")}


def test_the_last_time_the_mechanism_was_held_is_a_meeting():
    text = ("Úc - Trung Quốc\n\nNgày 17-2, Úc và Trung Quốc tổ chức đối thoại chính sách quốc phòng lần thứ 23 tại Bắc "
            "Kinh.\n\nLần gần nhất cơ chế này được tổ chức là vào ngày 14-11-2019 tại Sydney.")
    assert {(d.date, d.location.city) for d in dialogues(text, "2025-02-18")} == {
        ("2025-02-17", "Bắc Kinh"), ("2019-11-14", "Sydney")}


def test_a_city_the_gazetteer_knows_with_its_thanh_pho_is_the_venue_in_its_country():
    text = ("Việt Nam - Thái Lan\n\nNgày 19/9, Việt Nam và Thái Lan tổ chức Đối thoại Chính sách Quốc phòng lần thứ 3 tại "
            "Thành phố Hồ Chí Minh.")
    (dialogue,) = dialogues(text, "2019-09-20")
    assert (dialogue.location.city, dialogue.location.country) == ("Thành phố Hồ Chí Minh", "VNM")


def test_the_ministrys_seat_before_the_meeting_and_an_abbreviated_city_are_venues():
    seat = dialogues("Việt Nam - Thái Lan\n\nNgày 13/12, tại trụ sở Bộ Quốc phòng diễn ra Đối thoại Chính sách Quốc phòng "
                     "Việt Nam - Thái Lan lần thứ 5.", "2023-12-14")
    city = dialogues("MMCA\n\nCác cuộc họp của Thỏa thuận tham vấn hàng hải quân sự (MMCA) giữa Mỹ và Trung Quốc diễn ra "
                     "từ ngày 3 - 4.4 tại TP.Honolulu.", "2024-04-05")
    assert [(d.location.city, d.location.country) for d in seat + city] == [(None, "VNM"), ("Honolulu", "USA")]


def test_the_date_of_another_event_in_the_paragraph_does_not_date_the_meeting():
    text = ("Việt Nam - Campuchia\n\nHội nghị Đối thoại chính sách quốc phòng Việt Nam - Campuchia lần thứ 8 do hai Thứ "
            "trưởng đồng chủ trì.\n\nPhát biểu tại hội nghị, thượng tướng Hoàng Xuân Chiến nhấn mạnh, Đối thoại chính "
            "sách quốc phòng Việt Nam - Campuchia lần thứ 8 có ý nghĩa quan trọng. Sự kiện này nhằm triển khai kết quả "
            "cuộc gặp giữa Bộ Chính trị Đảng Cộng sản Việt Nam và Ban Thường vụ Trung ương Đảng Nhân dân Campuchia vào "
            "tháng 2.2025.")
    assert [d.date for d in dialogues(text, "2025-10-29")] == [None]


def test_a_kind_of_dialogue_in_general_is_no_meeting():
    text = ("Trung Quốc - Indonesia họp 2+2\n\nNgày 21/4, Trung Quốc và Indonesia tổ chức đối thoại 2+2 đầu tiên tại Bắc "
            "Kinh.\n\nVới Jakarta, đây cũng là sự bổ sung cho mạng lưới đối thoại an ninh vốn đã khá dày.")
    assert [(d.mechanism, d.date) for d in dialogues(text, "2025-04-22")] == [("2+2", "2025-04-21")]


def test_rounds_recalled_as_the_mechanisms_start_its_resumption_and_its_latest_round():
    text = ("Nga - Nhật họp 2+2\n\n"
            "Ngoại trưởng và Bộ trưởng Quốc phòng Nga và Nhật Bản ngày 30/5 đã tiến hành vòng tham vấn theo định dạng "
            "\"2+2\" tại Tokyo. Cơ chế này được khởi động tại Tokyo vào tháng 11/2013, bị gián đoạn hơn ba năm và chỉ "
            "được nối lại vào tháng 3/2017, sau chuyến thăm Nhật Bản của Tổng thống Vladimir Putin cuối năm 2016. "
            "Vòng gần nhất diễn ra tại Moskva ngày 31/7/2018.")
    found = {(d.date, d.status, d.location.city) for d in dialogues(text, published="2019-05-31")}
    assert {("2019-05-30", "held", "Tokyo"), ("2013-11", "held", "Tokyo"), ("2018-07-31", "held", "Moskva")} <= found
    assert {d.date for d in dialogues(text, published="2019-05-31")} == {"2019-05-30", "2013-11", "2017-03",
                                                                        "2018-07-31"}


def test_a_bilateral_defence_ministers_meeting_named_by_its_two_countries_is_a_defence_policy_dialogue():
    text = ("Philippines - Úc\n\nBộ trưởng Quốc phòng Philippines và Phó thủ tướng kiêm Bộ trưởng Quốc phòng Úc hôm 22/8 "
            "đã tiến hành Hội nghị Bộ trưởng Quốc phòng Philippines - Úc lần thứ 2 tại thủ đô Manila. "
            "Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng sẽ họp vào tháng 11.")
    found = {(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, published="2025-08-22")}
    assert found == {("defence policy dialogue", ("AUS", "PHL"), "2025-08-22", "Manila")}


def test_a_round_named_by_its_year_is_dated_by_the_day_its_sentence_opens_with():
    text = ("Đối thoại Chính sách quốc phòng Việt Nam - Hoa Kỳ năm 2019 tại Washington\n\n"
            "Washington (TTXVN 12/12) - Ngày 11/12 (giờ địa phương), tại trụ sở Bộ Quốc phòng Mỹ, Thứ trưởng Bộ Quốc phòng "
            "Việt Nam và Trợ lý Bộ trưởng Quốc phòng Mỹ đã đồng chủ trì Đối thoại Chính sách quốc phòng Việt Nam - Hoa Kỳ "
            "năm 2019.")
    assert [d.date for d in dialogues(text, published="2019-12-12")] == ["2019-12-11"]


def test_a_joint_working_group_on_defence_cooperation_and_a_strategic_mechanism_are_named_dialogues():
    text = ("JWG\n\nNgày 4-11, tại Tel Aviv, cuộc họp lần thứ 17 Nhóm công tác chung (JWG) về hợp tác quốc phòng Ấn Độ - "
            "Israel đã diễn ra. Ngoại trưởng Mỹ và người đồng cấp Thổ Nhĩ Kỳ ngày 18/1 đã có cuộc gặp tại Washington trong "
            "khuôn khổ Cơ chế chiến lược Mỹ - Thổ Nhĩ Kỳ.")
    found = {(d.mechanism, d.parties) for d in dialogues(text, published="2025-11-05")}
    assert found == {("defence policy dialogue", ("IND", "ISR")), ("strategic dialogue", ("TUR", "USA"))}


def test_a_round_recalled_beside_a_leaders_meeting_in_another_clause_is_kept():
    text = ("Mỹ - Kuwait\n\nĐối thoại chiến lược Mỹ - Kuwait lần thứ tư diễn ra tại Washington ngày 24/11/2020. "
            "Phiên thứ hai cũng được tổ chức tại thủ đô của Mỹ ngày 8/9/2017, do hai ngoại trưởng đồng chủ trì, một ngày "
            "sau cuộc gặp giữa Tiểu vương Kuwait và Tổng thống Donald Trump tại Nhà Trắng. Tuyên bố chung cho rằng tiến "
            "trình đối thoại chiến lược là công cụ định hướng chương trình nghị sự trong năm tới.")
    found = {(d.date, d.status) for d in dialogues(text, published="2020-11-25")}
    assert found == {("2020-11-24", "held"), ("2017-09-08", "held")}


def test_a_session_of_another_named_body_and_a_leaders_meeting_are_no_rounds():
    text = ("3+3\n\nCơ chế \"3+3\" Việt - Trung họp phiên đầu tiên ngày 9/12/2024 tại Bắc Kinh, ở cấp thứ trưởng, ngay trước "
            "Phiên họp lần thứ 16 Ủy ban Chỉ đạo Hợp tác song phương diễn ra hôm 10/12/2024. Trước đó, lãnh đạo cấp cao "
            "hai nước cũng đã có cuộc gặp vào tháng 5/2024, trong đó hai bên nhất trí tăng cường hợp tác.")
    assert {d.date for d in dialogues(text, published="2024-12-12")} <= {"2024-12-09"}


def test_strategic_security_consultations_are_a_security_dialogue():
    text = ("Trung - Nga\n\nNgày 26/7, tại Bắc Kinh, Ủy viên Quốc vụ Trung Quốc và Thư ký Hội đồng An ninh Nga đã đồng chủ "
            "trì vòng tham vấn an ninh chiến lược Trung - Nga lần thứ 13.")
    found = {(d.mechanism, d.parties, d.date) for d in dialogues(text, published="2017-07-27")}
    assert found == {("security dialogue", ("CHN", "RUS"), "2017-07-26")}


def test_a_state_councillor_and_a_security_council_secretary_are_participants():
    text = ("Trung - Nga\n\nNgày 26/7, tại Bắc Kinh, Ủy viên Quốc vụ Trung Quốc Dương Khiết Trì và Thư ký Hội đồng An ninh "
            "Nga Nikolai Patrushev đã đồng chủ trì vòng tham vấn an ninh chiến lược Trung - Nga lần thứ 13.")
    (meeting,) = dialogues(text, published="2017-07-27")
    assert {(p.name, p.role, p.country) for p in meeting.participants} == {
        ("Dương Khiết Trì", "Ủy viên Quốc vụ", "CHN"), ("Nikolai Patrushev", "Thư ký Hội đồng An ninh", "RUS")}


def test_a_round_recalled_by_its_session_is_dated_finely_and_its_parties_read_in_its_own_clause():
    text = ("AUSMIN 2022\n\nHội nghị tham vấn cấp bộ trưởng ngoại giao và quốc phòng Mỹ - Australia (AUSMIN) diễn ra tại "
            "Washington ngày 6/12/2022. Phiên tham vấn năm ngoái cũng được tổ chức tại Washington vào tháng 9/2021, ngay "
            "sau khi ba nước Mỹ, Australia và Anh công bố quan hệ đối tác an ninh AUKUS.")
    found = {(d.parties, d.date) for d in dialogues(text, published="2022-12-07")}
    assert found == {(("AUS", "USA"), "2022-12-06"), (("AUS", "USA"), "2021-09")}


def test_a_mechanism_held_with_several_partners_names_no_meeting_of_them():
    text = ("Nhật Bản - Indonesia\n\nNgày 17/12, Ngoại trưởng và Bộ trưởng Quốc phòng Nhật Bản đã hội đàm với hai bộ trưởng "
            "Indonesia tại Tokyo, trong khuôn khổ cuộc đối thoại \"2+2\" lần đầu tiên giữa hai nước. Indonesia là thành viên "
            "ASEAN đầu tiên thiết lập cơ chế này với Nhật Bản; trước đó Tokyo đã tổ chức \"2+2\" với năm đối tác, trong đó có "
            "Mỹ, Anh và Australia.")
    assert {d.parties for d in dialogues(text, published="2015-12-18")} == {("IDN", "JPN")}


def test_a_meeting_of_the_body_that_is_the_mechanism_is_its_round():
    text = ("Mỹ - Nhật\n\nSáng 27/4 (giờ địa phương), tại thành phố New York, Ngoại trưởng Mỹ John Kerry và Bộ trưởng Quốc "
            "phòng Ashton Carter đã chủ trì cuộc họp Ủy ban Tư vấn An ninh Mỹ - Nhật Bản, thường được gọi là cơ chế đối "
            "thoại \"2+2\", với hai bộ trưởng Nhật Bản. Cuộc họp \"2+2\" tại New York là lần đầu tiên cơ chế này được triệu "
            "tập kể từ phiên họp diễn ra ở Tokyo ngày 3/10/2013.")
    assert {d.date for d in dialogues(text, published="2015-04-28")} == {"2015-04-27", "2013-10-03"}


def test_leaders_named_in_a_relative_clause_do_not_make_a_round_a_leaders_meeting():
    text = ("Việt - Hàn\n\nĐối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 5 diễn ra tại Hà Nội ngày 27/12/2016. "
            "Phiên đối thoại đầu tiên được tổ chức vào năm 2012, là một trong những kết quả của quan hệ Đối tác hợp tác "
            "chiến lược mà lãnh đạo cấp cao hai nước xác lập từ năm 2009.")
    assert {d.date for d in dialogues(text, published="2016-12-27")} == {"2016-12-27", "2012"}


@pytest.mark.parametrize("name, mechanism", [
    ("Đối thoại Bộ trưởng Ngoại giao - Quốc phòng", "2+2"),
    ("Hội nghị Ngoại trưởng và Bộ trưởng Quốc phòng", "2+2"),
    ("Tham vấn quốc phòng thường niên", "defence policy dialogue"),
    ("Tham vấn Quốc phòng cấp Thứ trưởng", "defence policy dialogue"),
    ("Đối thoại Hợp tác Quốc phòng", "defence policy dialogue"),
    ("cuộc họp Nhóm Chính sách Quốc phòng (DPG)", "defence policy dialogue"),
    ("Tham vấn chiến lược", "strategic dialogue"),
])
def test_mechanisms_named_by_their_family_words(name, mechanism):
    text = f"Tin quốc phòng\n\n{name} Canada - Hàn Quốc lần thứ tư đã diễn ra tại Ottawa ngày 12/2."
    found = [(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text)]
    assert found == [(mechanism, ("CAN", "KOR"), "2024-02-12", "Ottawa")]


_POLICY_DIALOGUE_HELD = (
    "Việt Nam - Canada đối thoại quốc phòng\n\n"
    "Ngày 9/2, tại Hà Nội, Thứ trưởng Quốc phòng Việt Nam và Thứ trưởng Quốc phòng Canada đồng chủ trì Đối thoại "
    "Chính sách Quốc phòng Việt Nam - Canada lần thứ 5. "
)


def test_a_numbered_round_agreed_without_a_date_is_a_meeting_of_its_own():
    text = _POLICY_DIALOGUE_HELD + "Dịp này, hai bên thống nhất sẽ tiến hành Đối thoại lần thứ 6 tại Canada."
    found = sorted((d.date or "", d.status) for d in dialogues(text))
    assert found == [("", "agreed"), ("2024-02-09", "held")]


def test_a_numbered_round_told_after_the_period_that_opens_its_sentence():
    text = _POLICY_DIALOGUE_HELD + "Năm 2022, Đối thoại lần thứ 4 đã diễn ra tại Ottawa."
    found = sorted((d.date, d.status, d.location.city) for d in dialogues(text))
    assert found == [("2022", "held", "Ottawa"), ("2024-02-09", "held", "Hà Nội")]


def test_a_talk_opened_by_a_period_is_no_round_without_its_number():
    text = _POLICY_DIALOGUE_HELD + "Hồi tháng 1 năm nay, hai bộ trưởng cũng đã có cuộc hội đàm tại Ottawa."
    assert [d.date for d in dialogues(text)] == ["2024-02-09"]


def test_talks_of_a_visit_are_no_round_of_a_mechanism_named_only_for_an_earlier_date():
    text = ("Bộ trưởng Nội vụ Việt Nam thăm Canada\n\n"
            "Ngày 12/2, đoàn đại biểu Bộ Nội vụ Việt Nam đã có cuộc hội đàm với Cố vấn An ninh Quốc gia Canada tại "
            "Ottawa. Hai bên nhắc lại Đối thoại An ninh Việt Nam - Canada lần thứ nhất vào tháng 5/2023 tại Hà Nội.")
    assert [(d.mechanism, d.date, d.status) for d in dialogues(text)] == [("security dialogue", "2023-05", "held")]


def test_a_round_told_without_its_name_beside_a_recalled_one_is_still_a_round():
    text = ("Nhật Bản - Canada họp 2+2\n\n"
            "Ngày 12/2, Ngoại trưởng và Bộ trưởng Quốc phòng Nhật Bản và Canada đã có cuộc họp 2+2 tại Tokyo. "
            "Cuộc họp 2+2 đầu tiên giữa hai nước diễn ra vào tháng 5/2023 tại Ottawa.")
    assert sorted(d.date for d in dialogues(text)) == ["2023-05", "2024-02-12"]


def test_a_bilateral_defence_ministers_dialogue_is_the_defence_ministries_dialogue():
    text = ("Canada - Hàn Quốc\n\nNgày 12/2, hai bộ trưởng đã đồng chủ trì Đối thoại Bộ trưởng Quốc phòng Canada - "
            "Hàn Quốc lần thứ nhất tại Ottawa.")
    assert [(d.mechanism, d.date) for d in dialogues(text)] == [("defence policy dialogue", "2024-02-12")]


def test_institutionalising_a_dialogue_is_talk_of_the_mechanism():
    text = ("Canada - Hàn Quốc\n\nGiới phân tích tại Ottawa cho rằng việc thể chế hóa đối thoại quốc phòng phản ánh "
            "mối quan tâm chung của Canada và Hàn Quốc.")
    assert dialogues(text) == ()


def test_a_meeting_held_within_a_mechanism_named_as_such_is_its_round():
    text = ("Canada và Hàn Quốc khởi động cơ chế mới\n\n"
            "Ngày 12/2, tại Ottawa, Canada và Hàn Quốc đã tổ chức cuộc họp đầu tiên trong khuôn khổ Cơ chế Đối thoại "
            "\"2+2\" giữa bộ trưởng ngoại giao và bộ trưởng quốc phòng hai nước.")
    assert [(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text)] == [
        ("2+2", ("CAN", "KOR"), "2024-02-12", "Ottawa")]


def test_a_2_2_given_the_officials_level_in_another_clause_is_their_round():
    text = ("Canada - Hàn Quốc\n\nNgày 12/2, Canada và Hàn Quốc đã tiến hành Đối thoại ngoại giao và an ninh theo định "
            "dạng \"2+2\" tại Ottawa, lần đầu tiên ở cấp thứ trưởng kể từ khi cơ chế này được thiết lập.")
    assert [(d.mechanism, d.date) for d in dialogues(text)] == [("2+2 intersessional", "2024-02-12")]


def test_a_2_2_whose_sentence_names_ministers_stays_ministerial():
    text = ("Canada - Hàn Quốc\n\nNgày 12/2, Bộ trưởng Ngoại giao và Bộ trưởng Quốc phòng Canada và Hàn Quốc đã họp "
            "\"2+2\" tại Ottawa, với sự tham dự của các quan chức cấp thứ trưởng.")
    assert [(d.mechanism, d.date) for d in dialogues(text)] == [("2+2", "2024-02-12")]


def test_the_rounds_a_meeting_comes_after_are_held_meetings_of_their_own():
    text = ("Canada - Hàn Quốc họp 2+2\n\nNgày 12/2, Ngoại trưởng và Bộ trưởng Quốc phòng Canada và Hàn Quốc đã họp "
            "2+2 tại Ottawa. Đây là lần thứ ba hai nước tổ chức đối thoại ở định dạng này, sau lần đầu tiên tại Seoul "
            "năm 2019 và lần thứ hai tại Ottawa năm 2022.")
    found = sorted((d.date, d.status, d.location.city) for d in dialogues(text))
    assert found == [("2019", "held", "Seoul"), ("2022", "held", "Ottawa"), ("2024-02-12", "held", "Ottawa")]


def test_a_consultation_round_recalled_with_its_date_is_a_meeting():
    text = ("Ấn Độ - Nga tiến hành tham vấn an ninh chiến lược vòng thứ 5\n\n"
            "Ngày 12/2, tại New Delhi, Cố vấn An ninh Quốc gia Ấn Độ và Thư ký Hội đồng An ninh Liên bang Nga đã đồng "
            "chủ trì vòng tham vấn an ninh chiến lược Ấn - Nga lần thứ 5. Vòng tham vấn thứ 4 từng được tổ chức tại "
            "Nhà khách Chính phủ ở Moskva ngày 6/6/2022, cũng do hai ông chủ trì.")
    assert sorted(d.date for d in dialogues(text)) == ["2022-06-06", "2024-02-12"]


@pytest.mark.parametrize("sentence, mechanism", [
    ("Ngày 12/2, Canada và Hàn Quốc tổ chức đối thoại 2+2 cấp làm việc tại Ottawa.", "2+2 intersessional"),
    ("Ngày 12/2, Phó Bộ trưởng Ngoại giao và Phó Bộ trưởng Quốc phòng Canada và Hàn Quốc đã họp 2+2 tại Ottawa.",
     "2+2 intersessional"),
    ("Ngày 12/2, Ngoại trưởng và Bộ trưởng Quốc phòng Canada và Hàn Quốc tổ chức cuộc họp 2+2 tại Ottawa.", "2+2"),
])
def test_who_meets_decides_the_level_of_a_2_2(sentence, mechanism):
    assert [d.mechanism for d in dialogues(f"Canada - Hàn Quốc\n\n{sentence}")] == [mechanism]


def test_the_annual_security_consultative_meeting_is_the_defence_ministers_dialogue():
    text = ("Mỹ - Hàn Quốc\n\nNgày 23/1, hai bộ trưởng quốc phòng Mỹ và Hàn Quốc đã đồng chủ trì Hội nghị Tham vấn "
            "An ninh (SCM) thường niên lần thứ 46 tại Washington.")
    assert [(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text)] == [
        ("defence policy dialogue", ("KOR", "USA"), "2024-01-23", "held")]


def test_a_meeting_told_as_the_day_before_the_news_is_dated_by_it():
    text = ("Mỹ - Hàn Quốc họp 2+2\n\nNgày 24/1, Ngoại trưởng và Bộ trưởng Quốc phòng Mỹ và Hàn Quốc đã họp 2+2 tại "
            "Washington. Một ngày trước đó, hai bộ trưởng quốc phòng Mỹ và Hàn Quốc đã đồng chủ trì Hội nghị Tham vấn "
            "An ninh (SCM) thường niên lần thứ 46 tại Washington.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text)) == [
        ("2+2", "2024-01-24"), ("defence policy dialogue", "2024-01-23")]


def test_the_next_day_told_at_the_head_of_a_sentence_is_dated_by_the_day_before():
    text = ("Mỹ - Hàn Quốc họp 2+2\n\nNgày 24/1, Ngoại trưởng và Bộ trưởng Quốc phòng Mỹ và Hàn Quốc đã họp 2+2 tại "
            "Washington. Ngày hôm sau, hai bộ trưởng quốc phòng Mỹ và Hàn Quốc đồng chủ trì Hội nghị Tham vấn An ninh "
            "(SCM) thường niên lần thứ 46 tại Washington.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text)) == [
        ("2+2", "2024-01-24"), ("defence policy dialogue", "2024-01-25")]


def test_a_day_counted_later_in_a_sentence_dates_a_background_event_only():
    text = ("Nhật Bản - Anh họp 2+2\n\nNgày 21/1, Nhật Bản và Anh họp 2+2 lần đầu tại London. Cuộc họp diễn ra trong "
            "bối cảnh đặc biệt: chỉ một ngày trước đó, một nhóm vũ trang tung đoạn video đe dọa con tin người Nhật.")
    assert [d.date for d in dialogues(text)] == ["2024-01-21"]


def test_the_clause_of_a_mechanism_goes_on_after_its_short_name_in_brackets():
    text = ("Hàn Quốc - Mỹ\n\nNgày 11/4, Bộ Quốc phòng Hàn Quốc thông báo Đối thoại quốc phòng tích hợp Hàn - Mỹ (KIDD) "
            "lần thứ 23 sẽ khai mạc tại Seoul trong hai ngày 11-12/4.")
    assert [(d.date, d.status) for d in dialogues(text, "2023-04-11")] == [("2023-04-11", "planned")]


@pytest.mark.parametrize("recall, expected", [
    ("Lần họp trước diễn ra tại Tokyo vào tháng 1/2018.", ("2018-01", "Tokyo")),
    ("Trước đó, cơ chế này nhóm họp tại Paris vào tháng 1/2017.", ("2017-01", "Paris")),
])
def test_an_earlier_round_told_as_the_last_meeting_or_as_this_mechanism_meeting(recall, expected):
    text = ("Nhật Bản - Pháp họp 2+2\n\nNgày 10/1/2019, Ngoại trưởng và Bộ trưởng Quốc phòng Nhật Bản và Pháp đã họp "
            f"2+2 lần thứ năm tại Brest. {recall}")
    assert expected in [(d.date, d.location.city) for d in dialogues(text, "2019-01-11")]


def test_a_round_told_by_its_number_and_a_dated_day_is_an_earlier_meeting():
    text = ("Mỹ - Uzbekistan\n\nNgày 13/11/2024, Mỹ và Uzbekistan tổ chức phiên thứ tư của Đối thoại Đối tác chiến lược "
            "tại Washington. Hai năm trước, ngày 5/12/2022, Ngoại trưởng Uzbekistan tới Washington dự phiên thứ hai.")
    assert sorted(d.date for d in dialogues(text, "2024-11-15")) == ["2022-12-05", "2024-11-13"]


def test_a_bare_year_in_a_later_clause_does_not_date_a_meeting():
    text = ("Ấn Độ - Maldives\n\nẤn Độ và Maldives vừa tổ chức Đối thoại hợp tác quốc phòng lần thứ 6 tại Male, sau "
            "một thời gian quan hệ nguội lạnh năm 2024. Theo phía Ấn Độ, phiên đối thoại diễn ra ngày 6/10.")
    assert [d.date for d in dialogues(text, "2025-10-07")] == ["2025-10-06"]


@pytest.mark.parametrize("city, country", [("Malé", "MDV"), ("Nairobi", "KEN"), ("Tallinn", "EST"), ("Brest", "FRA")])
def test_a_meeting_held_in_a_listed_city_is_placed_in_its_country(city, country):
    text = (f"Ấn Độ - Maldives\n\nNgày 6/10, Ấn Độ và Maldives tổ chức Đối thoại hợp tác quốc phòng lần thứ 6 tại "
            f"{city}.")
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2025-10-07")] == [(city, country)]


def test_a_meeting_at_a_ministry_takes_the_city_the_story_is_filed_from():
    text = ("Hàn Quốc - Mỹ họp 2+2\n\nWashington (TTXVN) - Ngày 14/6, Ngoại trưởng và Bộ trưởng Quốc phòng Mỹ và Hàn "
            "Quốc đã họp 2+2 lần thứ hai tại trụ sở Bộ Ngoại giao Mỹ.")
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2012-06-15")] == [("Washington", "USA")]


def test_the_city_a_story_is_filed_from_does_not_place_a_meeting_in_another_country():
    text = ("Ấn Độ - Mỹ\n\nNew Delhi (TTXVN) - Ngày 14/6, Ấn Độ và Mỹ đã tổ chức Đối thoại 2+2 lần thứ ba tại Mỹ.")
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2020-06-15")] == [(None, "USA")]


def test_a_numbered_high_level_dialogue_is_a_named_mechanism():
    text = ("Chile - Mỹ\n\nNgày 3/4, Đối thoại cấp cao Chile - Mỹ lần thứ 5 đã diễn ra tại Santiago. Hai bên nhất trí "
            "tăng cường đối thoại cấp cao trong thời gian tới.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2024-04-04")] == [
        ("other dialogue", ("CHL", "USA"), "2024-04-03")]


def test_talks_between_the_top_officials_of_both_ministries_are_the_ministers_2_2():
    text = ("Nhật Bản - Australia\n\nTheo Bộ Ngoại giao Nhật Bản, Tokyo và Canberra sẽ có cuộc họp 2+2 giữa các quan "
            "chức ngoại giao và quốc phòng hàng đầu hai nước tại Sydney ngày 5/12.")
    assert [d.mechanism for d in dialogues(text, "2024-11-20")] == ["2+2"]


@pytest.mark.parametrize("venue, expected", [("tại thủ đô của Mỹ", ("Washington", "USA")),
                                              ("ở thủ đô Nhật Bản", ("Tokyo", "JPN"))])
def test_a_meeting_in_the_capital_of_a_country_is_placed_in_that_capital(venue, expected):
    text = f"Mỹ - Nhật Bản\n\nĐối thoại 2+2 Mỹ - Nhật Bản lần thứ hai được tổ chức {venue} ngày 8/9/2017."
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2020-11-25")] == [expected]


def test_meetings_held_under_this_mechanism_are_rounds_of_the_mechanism_named_before():
    text = ("Pháp và Indonesia bàn nâng cấp đối thoại\n\n"
            "Paris và Jakarta đang trao đổi về việc nâng cơ chế đối thoại 2+2 giữa hai bộ ngoại giao và quốc phòng, "
            "hiện ở cấp thứ trưởng. Phiên họp đầu tiên theo cơ chế này được tổ chức vào tháng 5/2019 tại "
            "Paris và phiên họp thứ hai vào tháng 11/2021 tại Jakarta.")
    found = {(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2023-01-10")}
    assert found == {("2+2 intersessional", ("FRA", "IDN"), "2019-05", "Paris"),
                     ("2+2 intersessional", ("FRA", "IDN"), "2021-11", "Jakarta")}


def test_a_place_named_before_a_second_meeting_of_the_sentence_is_the_first_ones():
    text = ("Đức và Nhật Bản tổ chức Đối thoại 2+2 lần thứ ba\n\n"
            "Ngày 2/4, Đức và Nhật Bản tổ chức Đối thoại 2+2 lần thứ ba tại Munich. Cuộc họp đầu tiên diễn ra vào "
            "tháng 4/2021 tại Tokyo và cuộc họp thứ hai vào tháng 11/2022 tại Berlin.")
    found = {(d.date, d.location.city) for d in dialogues(text, "2024-04-03")}
    assert found == {("2024-04-02", "Munich"), ("2021-04", "Tokyo"), ("2022-11", "Berlin")}


@pytest.mark.parametrize("sentence, parties, day, city", [
    ("Mỹ và Hàn Quốc ngày 25/2 tổ chức phiên họp thứ tư của Nhóm tư vấn hạt nhân (NCG) tại Washington.",
     ("KOR", "USA"), "2024-02-25", "Washington"),
    ("Ngày 12/2, đại diện đặc biệt của Trung Quốc và Ấn Độ về vấn đề biên giới đã tiến hành vòng đàm phán thứ 25 tại "
     "Bắc Kinh.", ("CHN", "IND"), "2024-02-12", "Bắc Kinh"),
    ("Nhật Bản và Trung Quốc ngày 20/2 tổ chức vòng tham vấn cấp cao thứ 16 về các vấn đề hàng hải tại Tokyo.",
     ("CHN", "JPN"), "2024-02-20", "Tokyo"),
    ("Ngày 3/2, Việt Nam và Ấn Độ tổ chức Tham vấn chính trị lần thứ 18 tại Hà Nội.",
     ("IND", "VNM"), "2024-02-03", "Hà Nội"),
])
def test_named_consultations_outside_the_main_kinds_are_other_dialogues(sentence, parties, day, city):
    found = [(d.mechanism, d.parties, d.date, d.status, d.location.city)
             for d in dialogues(f"Tin đối ngoại\n\n{sentence}")]
    assert found == [("other dialogue", parties, day, "held", city)]


def test_a_strategic_partnership_commission_is_a_strategic_dialogue():
    text = ("Mỹ và Gruzia họp ủy ban đối tác\n\n"
            "Ngày 20/2, Ủy ban Đối tác Chiến lược Mỹ - Gruzia đã họp tại Tbilisi dưới sự đồng chủ trì của hai ngoại "
            "trưởng.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text)] == [
        ("strategic dialogue", ("GEO", "USA"), "2024-02-20")]


def test_a_framework_dialogue_of_foreign_ministers_is_an_other_dialogue():
    text = ("Nhật Bản và Ấn Độ đối thoại khung\n\n"
            "Ngày 18/2, tại Tokyo, hai ngoại trưởng Nhật Bản và Ấn Độ đồng chủ trì Đối thoại khung cấp ngoại trưởng "
            "lần thứ 15.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text)] == [
        ("other dialogue", ("IND", "JPN"), "2024-02-18")]


def test_a_leader_in_a_clause_telling_when_a_round_met_does_not_make_it_a_leaders_meeting():
    text = ("Pháp và Ấn Độ đối thoại chiến lược vòng hai\n\n"
            "Ngày 10/2, Pháp và Ấn Độ tổ chức Đối thoại chiến lược lần thứ hai tại Paris.\n\n"
            "Vòng đối thoại đầu tiên được tổ chức tại New Delhi hồi tháng 5/2022, khi Thủ tướng Narendra Modi vừa kết "
            "thúc chuyến công du châu Âu.")
    found = {(d.date, d.location.city) for d in dialogues(text)}
    assert found == {("2024-02-10", "Paris"), ("2022-05", "New Delhi")}


def test_the_next_round_the_parties_plan_is_its_own_meeting():
    text = ("Mỹ và Ai Cập đối thoại chiến lược\n\n"
            "Cairo và Washington kết thúc hai ngày đối thoại chiến lược tại thủ đô Mỹ hôm 3/8.\n\n"
            "Hai bên cũng nhất trí vòng đối thoại tiếp theo sẽ được tổ chức tại Cairo, có thể ngay trong năm nay.")
    found = {(d.date, d.status, d.location.city) for d in dialogues(text, "2015-08-05")}
    assert found == {("2015-08-03", "held", "Washington"), ("2015", "planned", "Cairo")}


def test_a_next_round_whose_time_and_place_are_not_yet_set_is_no_meeting():
    text = ("Mỹ và Ai Cập đối thoại chiến lược\n\n"
            "Cairo và Washington kết thúc hai ngày đối thoại chiến lược tại thủ đô Mỹ hôm 3/8.\n\n"
            "Hai bên chưa công bố thời gian và địa điểm tổ chức phiên đối thoại tiếp theo.")
    assert [(d.date, d.status) for d in dialogues(text, "2015-08-05")] == [("2015-08-03", "held")]


def test_a_2_plus_2_of_the_ministries_representatives_is_the_officials_round():
    text = ("Ấn Độ và Mexico đối thoại 2+2\n\n"
            "Ngày 14/2, tại Mexico City, Ấn Độ và Mexico tổ chức phiên đầu tiên của đối thoại 2+2, với sự tham gia của "
            "đại diện bộ ngoại giao và bộ quốc phòng hai nước.")
    assert [(d.mechanism, d.date) for d in dialogues(text)] == [("2+2 intersessional", "2024-02-14")]


def test_rounds_of_a_maritime_consultation_told_as_its_consultations():
    text = ("Nhật - Trung tham vấn về biển\n\n"
            "Ngày 29/6, Nhật Bản và Trung Quốc kết thúc ngày tham vấn chính thức cấp cao đầu tiên về các vấn đề biển ở "
            "Fukuoka.\n\n"
            "Lần tham vấn gần đây nhất giữa hai nước diễn ra tại Bắc Kinh hồi tháng 12/2016.")
    found = {(d.mechanism, d.date) for d in dialogues(text, "2017-06-30")}
    assert found == {("other dialogue", "2017-06-29"), ("other dialogue", "2016-12")}


def test_a_security_dialogue_named_for_the_days_2_plus_2_is_that_meeting():
    text = ("Hàn - Nhật họp 2+2 cấp Vụ trưởng\n\n"
            "Ngày 17/4, Hàn Quốc và Nhật Bản tổ chức Đối thoại an ninh, ngoại giao 2+2 cấp Vụ trưởng tại Seoul.\n\n"
            "Trả lời báo giới ngày 17/4, một quan chức Nhật Bản cho biết tại Đối thoại an ninh, ngoại giao ngày 17/4, "
            "hai bên đã thảo luận vấn đề máy bay tuần tra.")
    assert [(d.mechanism, d.date) for d in dialogues(text, "2023-04-18")] == [("2+2 intersessional", "2023-04-17")]


def test_an_earlier_round_named_as_the_basis_of_this_one_is_no_meeting_of_this_day():
    text = ("Việt Nam - Campuchia đối thoại chính sách quốc phòng\n\n"
            "Ngày 12/4, tại Siem Reap, đã diễn ra Đối thoại Chính sách Quốc phòng Việt Nam - Campuchia lần thứ 6.\n\n"
            "Hai bên nhấn mạnh, trên cơ sở Đối thoại Chính sách Quốc phòng Việt Nam - Campuchia lần thứ 5, hợp tác "
            "quốc phòng được triển khai hiệu quả.")
    assert [(d.date, d.status) for d in dialogues(text, "2024-04-13")] == [("2024-04-12", "held")]


def test_a_place_the_gazetteer_does_not_know_is_placed_by_its_country_in_brackets():
    text = ("Việt Nam - Lào đối thoại\n\n"
            "Ngày 28/3, tại Xiêng Khoảng (Lào), đã diễn ra Đối thoại Chính sách Quốc phòng Việt Nam - Lào lần thứ 6.")
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2025-03-29")] == [
        ("Xiêng Khoảng", "LAO")]


def test_a_foreign_and_strategic_dialogue_is_a_strategic_dialogue():
    text = ("Trung Quốc và New Zealand đối thoại\n\n"
            "Ngày 5/12, Trung Quốc và New Zealand nối lại đối thoại ngoại giao-chiến lược tại Bắc Kinh.")
    assert [(d.mechanism, d.date) for d in dialogues(text, "2023-12-06")] == [("strategic dialogue", "2023-12-05")]


def test_a_meeting_told_held_on_the_day_it_was_announced_takes_that_month():
    text = ("Việt Nam và Belarus tham vấn an ninh\n\n"
            "Một thông báo của Hội đồng An ninh Belarus đưa ra hôm 14/10 cho biết hai bên đã tiến hành một cuộc tham "
            "vấn giữa Việt Nam và Belarus về an ninh tại Minsk.")
    assert [(d.mechanism, d.date, d.status) for d in dialogues(text, "2023-10-16")] == [
        ("security dialogue", "2023-10", "held")]


def test_earlier_rounds_listed_by_their_dates_are_one_meeting_each():
    text = ("Hàn Quốc và Nhật Bản nối lại đối thoại 2+2\n\n"
            "Ngày 18/6, Hàn Quốc và Nhật Bản tổ chức đối thoại 2+2 cấp thứ trưởng tại Seoul.\n\n"
            "Những phiên gần nhất trước đây diễn ra vào tháng 12-2013 và tháng 1-2015, với sự tham gia của các vụ "
            "trưởng.")
    found = {(d.mechanism, d.date) for d in dialogues(text, "2024-06-19")}
    assert found == {("2+2 intersessional", "2024-06-18"), ("2+2 intersessional", "2013-12"),
                     ("2+2 intersessional", "2015-01")}


def test_a_leader_in_a_since_clause_does_not_make_the_recalled_round_a_leaders_meeting():
    text = ("Nhật Bản và Australia họp 2+2\n\n"
            "Ngày 20/11, Nhật Bản và Australia tổ chức Đối thoại 2+2 tại Tokyo. Phiên họp trước đó đã diễn ra vào ngày "
            "5/3, trước khi Thủ tướng mới nhậm chức.")
    found = {(d.mechanism, d.date, d.status) for d in dialogues(text, published="2025-11-21")}
    assert found == {("2+2", "2025-11-20", "held"), ("2+2", "2025-03-05", "held")}


def test_ministers_who_meet_on_a_day_within_a_mechanism_hold_its_round_there():
    text = ("Hàn Quốc và Canada lần đầu họp 2+2\n\n"
            "Ngoại trưởng và Bộ trưởng Quốc phòng Hàn Quốc, Canada ngày 12/6 đã họp tại Ottawa trong khuôn khổ cơ chế "
            "tham vấn \"2+2\" đầu tiên giữa hai nước.")
    (dialogue,) = dialogues(text, published="2024-06-13")
    assert (dialogue.mechanism, dialogue.parties, dialogue.date, dialogue.status) == (
        "2+2", ("CAN", "KOR"), "2024-06-12", "held")
    assert dialogue.location.city == "Ottawa"


def test_a_dialogue_at_deputy_minister_level_on_security_is_a_security_dialogue():
    text = ("Lào và Campuchia\n\nChiều 3/5, tại Viêng Chăn, Bộ Công an Lào và Bộ Nội vụ Campuchia tổ chức Hội nghị "
            "đối thoại cấp thứ trưởng về an ninh chính trị lần thứ nhất.")
    (dialogue,) = dialogues(text, published="2024-05-04")
    assert (dialogue.mechanism, dialogue.parties, dialogue.date, dialogue.status) == (
        "security dialogue", ("KHM", "LAO"), "2024-05-03", "held")


def test_a_country_keeping_the_2plus2_form_with_partners_holds_no_meeting():
    text = ("Trung Quốc và Indonesia họp 2+2\n\nNgày 21/4, Trung Quốc và Indonesia tổ chức phiên họp 2+2 đầu tiên tại "
            "Bắc Kinh. Trước đó, vào tháng 8/2024, hai bên đã thống nhất lịch họp. Indonesia vốn đã duy trì hình thức "
            "2+2 với Australia và Nhật Bản.")
    found = {(d.parties, d.date) for d in dialogues(text, published="2025-04-22")}
    assert found == {(("CHN", "IDN"), "2025-04-21")}


def test_what_was_agreed_at_a_recalled_meeting_is_not_its_stage():
    text = ("Hàn Quốc và Australia họp 2+2 lần thứ hai\n\n"
            "Ngày 11/9, Hàn Quốc và Australia tổ chức Hội nghị 2+2 lần thứ hai tại Sydney. Cuộc họp đầu tiên đã diễn ra "
            "tại Seoul vào tháng 7/2013 và khi đó các bên đã thống nhất tổ chức cơ chế này hai năm một lần.")
    found = {(d.date, d.status, d.location.city) for d in dialogues(text, published="2015-09-12")}
    assert found == {("2015-09-11", "held", "Sydney"), ("2013-07", "held", "Seoul")}


def test_the_first_meeting_since_a_month_recalls_the_meeting_of_that_month_but_not_since_a_year():
    text = ("Mỹ và Nhật Bản họp 2+2\n\nNgày 21/6, ngoại trưởng và bộ trưởng quốc phòng Mỹ, Nhật Bản đã họp trong khuôn "
            "khổ Đối thoại 2+2 tại Washington. Đây là lần đầu tiên cơ chế này được nhóm họp kể từ tháng 5/2007.")
    assert {d.date for d in dialogues(text, published="2011-06-22")} == {"2011-06-21", "2007-05"}
    by_year = text.replace("kể từ tháng 5/2007", "kể từ năm 2007")
    assert {d.date for d in dialogues(by_year, published="2011-06-22")} == {"2011-06-21"}


def test_a_second_round_told_as_lan_thu_hai_with_its_date_is_recalled():
    text = ("Nhật Bản và Anh họp 2+2 lần thứ ba\n\nNgày 14/12, Nhật Bản và Anh tiến hành cuộc đối thoại 2+2 lần thứ ba "
            "tại London. Cuộc đối thoại đầu tiên được tổ chức tại London vào tháng 1/2015, còn lần thứ hai diễn ra tại "
            "Tokyo vào tháng 1/2016.")
    found = {(d.date, d.location.city) for d in dialogues(text, published="2017-12-15")}
    assert found == {("2017-12-14", "London"), ("2015-01", "London"), ("2016-01", "Tokyo")}


def test_the_nth_round_of_this_mechanism_is_recalled_and_what_the_mechanism_is_holds_no_meeting():
    text = ("Đối thoại Chiến lược quốc phòng Việt Nam - Trung Quốc lần thứ 7\n\n"
            "Ngày 23/4, tại thành phố Đông Hưng, hai bên tổ chức Đối thoại Chiến lược quốc phòng Việt Nam - Trung Quốc lần thứ 7. "
            "Đối thoại Chiến lược quốc phòng là cơ chế hợp tác quan trọng giữa Bộ Quốc phòng hai nước. Lần thứ 6 của cơ "
            "chế này được tổ chức tại thành phố Thành Đô vào tháng 11/2016.")
    found = {(d.date, d.location.city, d.location.country) for d in dialogues(text, published="2021-04-24")}
    assert found == {("2021-04-23", "Đông Hưng", None), ("2016-11", "Thành Đô", "CHN")}


def test_a_date_told_after_another_event_in_a_later_clause_is_that_events():
    text = ("Đối thoại Chính sách quốc phòng Việt Nam - Lào lần thứ 6\n\n"
            "Sáng 12/11, tại Hà Nội, đã diễn ra Đối thoại Chính sách quốc phòng Việt Nam - Lào lần thứ 6. "
            "Thứ trưởng cho rằng Đối thoại Chính sách quốc phòng Việt Nam - Lào lần thứ 6 góp phần cụ thể hóa, sau "
            "cuộc gặp giữa lãnh đạo hai Đảng vào tháng 3.")
    found = {(d.date, d.location.city) for d in dialogues(text, published="2024-11-12")}
    assert found == {("2024-11-12", "Hà Nội")}


def test_ho_chi_minh_city_abbreviated_is_a_venue_in_vietnam():
    text = ("Việt Nam và Campuchia\n\nSáng 29-10, tại TP.HCM, đã diễn ra đối thoại Chính sách quốc phòng Việt Nam - "
            "Campuchia lần thứ 8.")
    (dialogue,) = dialogues(text, published="2025-10-29")
    assert (dialogue.location.city, dialogue.location.country) == ("TP.HCM", "VNM")


def test_last_years_conference_of_the_mechanism_is_a_recalled_round():
    text = ("Australia và Anh họp AUKMIN\n\nNgày 22/3, Australia và Anh tổ chức AUKMIN tại Adelaide. Hội nghị năm ngoái "
            "diễn ra tại thành phố Portsmouth của Anh vào đầu tháng 2/2023.")
    found = {(d.date, d.location.city) for d in dialogues(text, published="2024-03-23")}
    assert found == {("2024-03-22", "Adelaide"), ("2023-02", "Portsmouth")}


def test_a_new_meeting_schedule_put_off_again_is_a_postponed_round():
    text = ("Ấn Độ và Mỹ họp 2+2\n\nNgày 6/9, Ấn Độ và Mỹ tổ chức Đối thoại 2+2 tại New Delhi. Cuộc gặp từng được lên "
            "lịch tổ chức tại Washington vào giữa tháng 4 nhưng phải hoãn. Lịch họp mới vào ngày 6/7, cũng tại "
            "Washington, sau đó tiếp tục bị lùi lại.")
    found = {(d.date, d.status) for d in dialogues(text, published="2018-09-07")}
    assert found == {("2018-09-06", "held"), ("2018-04", "postponed"), ("2018-07-06", "postponed")}


@pytest.mark.parametrize(("article", "date", "city"), [
    ("Canada và Philippines tổ chức phiên đối thoại chiến lược lần thứ sáu hôm 2/4 tại Manila. Cơ chế Đối thoại chiến "
     "lược cấp thứ trưởng ngoại giao Canada - Philippines được khởi động tại Ottawa vào tháng 3/2016.", "2016-03",
     "Ottawa"),
    ("Mỹ và Qatar tổ chức phiên đối thoại chiến lược lần thứ sáu hôm 2/4 tại Doha. Đối thoại chiến lược Mỹ - Qatar "
     "được chính thức khởi động ngày 30/1/2018 tại Washington.", "2018-01-30", "Washington"),
])
def test_a_mechanism_told_as_launched_then_and_there_held_its_first_meeting_then(article, date, city):
    recalled = [d for d in dialogues("Tin ngoại giao\n\n" + article, "2024-04-03") if d.date == date]
    assert [(d.mechanism, d.status, d.location.city) for d in recalled] == [("strategic dialogue", "held", city)]


def test_a_mechanism_launched_since_a_year_tells_no_meeting_that_year():
    text = ("Tin ngoại giao\n\nHai nước họp Đối thoại chiến lược Mỹ - Qatar lần thứ sáu hôm 2/4 tại Doha. "
            "Đối thoại chiến lược Mỹ - Qatar được khởi động từ năm 2018 và được tổ chức hằng năm.")
    assert [d.date for d in dialogues(text, "2024-04-03")] == ["2024-04-02"]


def test_political_consultations_told_as_tham_khao_are_the_consultations_told_as_tham_van():
    text = ("Tin ngoại giao\n\nNgày 12/3, tại Phnom Penh, Thứ trưởng Ngoại giao hai nước đồng chủ trì Tham khảo chính "
            "trị Việt Nam - Campuchia lần thứ 9.")
    assert [(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, "2025-03-13")] == [
        ("other dialogue", ("KHM", "VNM"), "2025-03-12", "Phnom Penh")]


@pytest.mark.parametrize(("sentence", "city", "country"), [
    ("Ngày 12/3, hai Thứ trưởng Ngoại giao gặp nhau tại thành phố Kampot, Vương quốc Campuchia, trong khuôn khổ Tham "
     "khảo chính trị lần thứ 9 giữa Việt Nam và Campuchia.", "Kampot", "KHM"),
    ("Đối thoại chiến lược Việt Nam - Nga lần thứ 8 được tổ chức tại TP HCM hôm 15/11.", "TP HCM", "VNM"),
])
def test_a_town_placed_in_a_country_by_its_formal_name_and_the_city_written_tp_hcm_have_their_country(
        sentence, city, country):
    (found,) = dialogues("Tin ngoại giao\n\n" + sentence, "2024-11-16")
    assert (found.location.city, found.location.country) == (city, country)


@pytest.mark.parametrize(("sentence", "mechanism", "parties"), [
    ('Ngày 2/6, Ngoại trưởng và Bộ trưởng Quốc phòng Ba Lan, Anh họp theo định dạng "Quadriga" tại Warsaw.', "2+2",
     ("GBR", "POL")),
    ('Ngày 2/6, cơ chế Đối thoại chiến lược "3+3" Việt Nam - Trung Quốc họp phiên thứ hai tại Hà Nội.',
     "strategic dialogue", ("CHN", "VNM")),
    ("Ngày 2/6, hai nước họp Ủy ban Bộ trưởng hỗn hợp Singapore - Australia (SAJMC) lần thứ 15 tại Singapore.",
     "other dialogue", ("AUS", "SGP")),
    ("Ngày 2/6, Campuchia và Thái Lan họp Ủy ban Biên giới chung (GBC) tại Phnom Penh.", "other dialogue",
     ("KHM", "THA")),
    ("Ngày 2/6, Ấn Độ và Trung Quốc họp Cơ chế làm việc về tham vấn và phối hợp các vấn đề biên giới (WMCC) tại Bắc "
     "Kinh.", "other dialogue", ("CHN", "IND")),
    ("Ngày 2/6, Nga và Mỹ tổ chức vòng Đối thoại ổn định chiến lược mới tại Geneva.", "strategic dialogue",
     ("RUS", "USA")),
    ("Ngày 2/6, Nhật Bản và Pháp có cuộc hội đàm ngoại giao - quốc phòng tại Paris.", "2+2", ("FRA", "JPN")),
    ("Ngày 2/6, hai bộ trưởng đồng chủ trì Đối thoại Bộ trưởng Quốc phòng Singapore-Trung Quốc lần thứ tư.",
     "defence policy dialogue", ("CHN", "SGP")),
    ("Ngày 2/6, Bộ Công an Việt Nam và Bộ An ninh Lào tổ chức Hội nghị hợp tác an ninh lần thứ 16 tại Viêng Chăn.",
     "other dialogue", ("LAO", "VNM")),
    ("Ngày 2/6, hai thứ trưởng ngoại giao đồng chủ trì cuộc họp Nhóm điều hành chiến lược Việt Nam - Đức lần thứ 6.",
     "other dialogue", ("DEU", "VNM")),
    ("Ngày 2/6, Bộ Công an Việt Nam và Hội đồng An ninh Belarus tổ chức phiên tham vấn trong lĩnh vực an ninh tại Minsk.",
     "security dialogue", ("BLR", "VNM")),
])
def test_mechanisms_known_by_their_own_names_are_recognised(sentence, mechanism, parties):
    found = [(d.mechanism, d.parties, d.date) for d in dialogues("Tin ngoại giao\n\n" + sentence, "2025-06-03")]
    assert found == [(mechanism, parties, "2025-06-02")]


def test_a_round_told_by_its_number_without_thu_is_a_recalled_meeting():
    text = ("Tin ngoại giao\n\nMỹ và Bahrain tổ chức Đối thoại chiến lược lần thứ ba tại Manama ngày 25/1. Vòng hai "
            "diễn ra tại Washington vào tháng 3/2023.")
    assert {(d.date, d.location.city) for d in dialogues(text, "2024-01-26")} == {
        ("2024-01-25", "Manama"), ("2023-03", "Washington")}


def test_the_four_ministers_who_met_before_hold_an_earlier_round_of_the_articles_2_2():
    text = ("Tin ngoại giao\n\nNgày 9/5, Nhật Bản và Đức họp 2+2 lần thứ ba theo hình thức trực tuyến. Trước đó, bốn "
            "bộ trưởng hai nước từng gặp nhau tại Berlin vào tháng 11/2022.")
    assert {(d.mechanism, d.date) for d in dialogues(text, "2024-05-10")} == {("2+2", "2024-05-09"), ("2+2", "2022-11")}


def test_earlier_rounds_told_without_a_name_and_held_by_officials_are_intersessional():
    text = ("Tin ngoại giao\n\nHàn Quốc và Trung Quốc nối lại đối thoại 2+2 ngày 18/6 tại Seoul. Những phiên gần nhất "
            "trước đây diễn ra vào tháng 11-2012 và tháng 3-2016, với sự tham gia của các vụ trưởng thuộc bộ ngoại giao "
            "và bộ quốc phòng hai nước.")
    found = {(d.mechanism, d.date) for d in dialogues(text, "2024-06-19")}
    assert {("2+2 intersessional", "2012-11"), ("2+2 intersessional", "2016-03")} <= found


def test_a_meeting_between_the_two_countries_is_the_articles_pair_whatever_the_sentence_names_after_it():
    text = ("Canada và Hàn Quốc họp 2+2 tại Ottawa\n\n"
            "Ngày 5/3, Canada và Hàn Quốc tổ chức Đối thoại 2+2 lần thứ hai tại Ottawa.\n\n"
            "Hai bên bàn về chuỗi cung ứng khoáng sản.\n\n"
            "Cuộc họp 2+2 trước đó giữa hai nước diễn ra tại Seoul ngày 12/10/2024, khi các bộ trưởng lên tiếng về "
            "hợp tác quân sự giữa Nga và Triều Tiên.")
    found = {(d.parties, d.date) for d in dialogues(text, "2025-03-06")}
    assert found == {(("CAN", "KOR"), "2025-03-05"), (("CAN", "KOR"), "2024-10-12")}


def test_a_round_that_only_dates_another_meeting_takes_no_date_from_it():
    text = ("Tin ngoại giao\n\nNhật Bản và Philippines họp 2+2 ngày 8/7 tại Manila. Ngay sau phiên họp 2+2, ngày 9/7, "
            "hai nước sẽ tiến hành Đối thoại an ninh hàng hải lần thứ ba.")
    found = {(d.mechanism, d.date) for d in dialogues(text, "2024-07-01")}
    assert found == {("2+2", "2024-07-08"), ("security dialogue", "2024-07-09")}


def test_the_intersessional_round_recalls_the_ministers_first_round_as_the_2_2():
    text = ("Tin ngoại giao\n\nQuan chức ngoại giao và quốc phòng Nhật Bản và Ấn Độ ngày 4/9 đã họp phiên giữa kỳ của "
            "Đối thoại 2+2 tại Tokyo, kể từ phiên đối thoại cấp bộ trưởng đầu tiên năm ngoái.")
    found = {(d.mechanism, d.date) for d in dialogues(text, "2020-09-05")}
    assert found == {("2+2 intersessional", "2020-09-04"), ("2+2", "2019")}


def test_the_next_ministers_round_is_not_the_first_round_the_article_recalls():
    text = ("Tin ngoại giao\n\nĐối thoại 2+2 cấp bộ trưởng đầu tiên giữa Ấn Độ và Australia diễn ra tại New Delhi ngày "
            "11/9/2021. Hai bên đang chuẩn bị cho phiên đối thoại 2+2 cấp bộ trưởng kế tiếp tại Canberra. Theo thông "
            "lệ luân phiên, Australia sẽ đăng cai phiên đối thoại 2+2 cấp bộ trưởng thứ hai.")
    found = sorted((d.date or "", d.status) for d in dialogues(text, "2022-06-01"))
    assert found == [("", "planned"), ("2021-09-11", "held")]


def test_dialogues_held_in_the_2_2_format_with_two_partners_are_two_2_2_meetings():
    text = ("Tin ngoại giao\n\nAustralia đang chuẩn bị các cuộc đối thoại an ninh riêng rẽ với Indonesia và Hàn Quốc "
            "vào tháng 5 theo hình thức 2+2 với sự tham gia của các bộ trưởng ngoại giao và quốc phòng.")
    found = {(d.mechanism, d.parties, d.date) for d in dialogues(text, "2024-04-02")}
    assert found == {("2+2", ("AUS", "IDN"), "2024-05"), ("2+2", ("AUS", "KOR"), "2024-05")}


def test_a_host_named_after_the_mechanism_meets_each_partner_separately_and_if_is_not_held():
    text = ("Tin ngoại giao\n\nNếu các cuộc đối thoại 2+2 giữa Australia với Indonesia và Hàn Quốc được tổ chức, các bộ trưởng "
            "sẽ bàn về an ninh biển.")
    found = {(d.parties, d.status) for d in dialogues(text, "2024-04-02")}
    assert found == {(("AUS", "IDN"), "planned"), (("AUS", "KOR"), "planned")}


def test_an_earlier_round_between_the_two_countries_belongs_to_the_series_it_precedes():
    text = ("Tin ngoại giao\n\nNgày 9/5, Anh và Ba Lan tổ chức Đối thoại 2+2 lần thứ năm tại London. Trước đó một ngày, "
            "Đức và Pháp cũng đã họp 2+2 tại Paris. Cuộc họp 2+2 lần thứ tư giữa hai nước diễn ra tại Warsaw vào "
            "tháng 3/2023.")
    found = {(d.parties, d.date) for d in dialogues(text, "2024-05-10")}
    assert (("GBR", "POL"), "2023-03") in found and (("DEU", "FRA"), "2023-03") not in found


def test_a_round_told_by_the_short_name_the_article_gave_the_mechanism_is_a_meeting():
    text = ("Tin quốc phòng\n\nQuan chức quốc phòng Nhật Bản và Australia vừa kết thúc Đối thoại chính sách quốc phòng "
            "Nhật - Úc (JADPD) lần thứ 9. JADPD lần thứ 9 diễn ra ngày 14/5 tại Canberra. Phiên JADPD lần thứ 8 được tổ "
            "chức tại Tokyo vào tháng 6/2023. JADPD được lập ra năm 2006.")
    found = {(d.mechanism, d.date, d.location.city) for d in dialogues(text, "2024-05-16")}
    assert found == {("defence policy dialogue", "2024-05-14", "Canberra"),
                     ("defence policy dialogue", "2023-06", "Tokyo")}


def test_a_meeting_put_off_in_news_of_the_day_keeps_the_date_it_was_scheduled_for():
    text = ("Tin ngoại giao\n\n"
            "Ngày 2/12, Bộ Ngoại giao Canada cho biết cuộc họp 2+2 Canada - Hàn Quốc, vốn được lên lịch diễn ra tại "
            "Ottawa vào giữa tháng này, đã bị hoãn lại.")
    assert [(d.date, d.status) for d in dialogues(text, "2025-12-02")] == [("2025-12", "postponed")]


def test_a_meeting_moved_to_the_start_of_a_year_is_planned_then():
    text = "Canada - Hàn Quốc hoãn Đối thoại 2+2 sang đầu năm 2026\n\nTin ngoại giao."
    assert [(d.date, d.status) for d in dialogues(text, "2025-12-02")] == [("2026", "planned")]


def test_a_mechanism_glossed_as_the_2_2_in_brackets_is_one_2_2_meeting():
    text = ("Tin quốc phòng\n\n"
            "Ngày 15/3, tại Paris, Ngoại trưởng và Bộ trưởng Quốc phòng Pháp và Australia đã tiến hành phiên tham vấn "
            "chính trị - quân sự cấp bộ trưởng (2+2) lần thứ 3.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2024-03-16")] == [
        ("2+2", ("AUS", "FRA"), "2024-03-15")]


def test_a_name_the_article_glosses_as_the_2_2_is_that_2_2_where_it_stands_alone():
    text = ("Hàn - Úc tổ chức đối thoại chiến lược ngoại giao-quốc phòng\n\n"
            "Đây sẽ là đối thoại chiến lược ngoại giao-quốc phòng đầu tiên giữa Hàn Quốc và Australia trong năm nay.\n\n"
            "Ngày 9/2, Ngoại trưởng và Bộ trưởng Quốc phòng Hàn Quốc tham dự đối thoại chiến lược ngoại giao-quốc phòng "
            "(Đối thoại chiến lược \"2+2\") với các bộ trưởng Australia tại Canberra.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2024-02-09")] == [
        ("2+2", ("AUS", "KOR"), "2024-02-09")]


def test_the_one_mechanism_whose_meeting_foreign_and_defence_ministers_attend_is_a_2_2():
    text = ("Tin quốc phòng\n\n"
            "Ngày 20/6, tại Hội nghị Tham vấn An ninh giữa Nhật Bản và Mỹ ở Washington, các bộ trưởng ngoại giao và quốc "
            "phòng của hai nước đã nhất trí sửa đổi các mục tiêu chiến lược chung.")
    assert [(d.mechanism, d.parties) for d in dialogues(text, "2011-06-21")] == [("2+2", ("JPN", "USA"))]


def test_a_round_of_the_mechanism_is_a_meeting_with_its_ordinal_not_talk_of_the_mechanism():
    text = ("Tin quốc phòng\n\n"
            "Ngoại trưởng và Bộ trưởng Quốc phòng Ấn Độ và Nhật Bản ngày 20/8 đã nhóm họp tại New Delhi trong phiên thứ "
            "ba của cơ chế đối thoại \"2+2\", cơ chế mà New Delhi duy trì với bốn đối tác.")
    assert [(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text, "2024-08-21")] == [
        ("2+2", ("IND", "JPN"), "2024-08-20", "held")]


def test_a_round_just_before_an_event_done_on_a_given_day_was_held_that_day():
    text = ("Tin quốc phòng\n\n"
            "Philippines và Nhật Bản ngày 8/7 đã ký hiệp định tiếp cận đối ứng, ngay sau cuộc họp \"2+2\" giữa Ngoại trưởng "
            "và Bộ trưởng Quốc phòng hai nước tại Manila.")
    assert [(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text, "2024-07-09")] == [
        ("2+2", ("JPN", "PHL"), "2024-07-08", "held")]


def test_a_round_right_after_which_an_event_is_planned_is_no_record():
    text = ("Tin quốc phòng\n\n"
            "Ngay sau phiên họp giữa kỳ, ngày 23/8, hai nước sẽ tiến hành cuộc tập trận chung đầu tiên.")
    assert dialogues(text, "2024-08-01") == ()


def test_two_days_given_in_turn_date_the_two_meetings_named():
    text = ("Tin quốc phòng\n\n"
            "Trong hai ngày 14 và 15-5, Thứ trưởng Bộ Quốc phòng lần lượt đồng chủ trì Đối thoại Chính sách quốc phòng "
            "Việt Nam - Lào lần thứ 10 tại Hà Nội và Đối thoại Chính sách quốc phòng Việt Nam - Thái Lan lần thứ 6 tại "
            "TP Hồ Chí Minh.")
    found = {(d.parties, d.date) for d in dialogues(text, "2025-05-16")}
    assert found == {(("LAO", "VNM"), "2025-05-14"), (("THA", "VNM"), "2025-05-15")}


def test_the_diplomatic_and_security_dialogue_is_a_2_2_at_its_level():
    text = ("Tin quốc phòng\n\n"
            "Ngày 9/11, Bộ trưởng Ngoại giao và Bộ trưởng Quốc phòng Mỹ tiếp hai quan chức Trung Quốc tại Washington "
            "trong vòng hai Đối thoại Ngoại giao và An ninh Mỹ - Trung.\n\n"
            "Ngày 18/6, Hàn Quốc và Trung Quốc tổ chức Đối thoại Ngoại giao và An ninh cấp thứ trưởng tại Seoul.")
    found = {(d.mechanism, d.parties) for d in dialogues(text, "2018-11-10")}
    assert found == {("2+2", ("CHN", "USA")), ("2+2 intersessional", ("CHN", "KOR"))}


def test_the_partners_a_mechanism_is_held_with_are_not_the_parties_of_its_round():
    text = ("Tin quốc phòng\n\n"
            "Ngoại trưởng và Bộ trưởng Quốc phòng Hàn Quốc và Australia ngày 10/12 đã nhóm họp tại Sydney trong phiên thứ "
            "tư của cơ chế đối thoại \"2+2\", cơ chế mà Seoul chỉ duy trì với hai đối tác là Mỹ và Australia.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2019-12-11")] == [
        ("2+2", ("AUS", "KOR"), "2019-12-10")]


def test_a_round_numbered_after_the_one_reported_and_only_planned_is_the_next_round():
    text = ("AUKMIN lần thứ 11 tại Sydney\n\n"
            "Ngày 21/1, Australia và Anh tổ chức AUKMIN lần thứ 11 tại Sydney.\n\n"
            "Theo thông lệ luân phiên, AUKMIN lần thứ 12 sẽ do Anh đăng cai.")
    found = {(d.parties, d.date, d.status) for d in dialogues(text, "2022-01-22")}
    assert found == {(("AUS", "GBR"), "2022-01-21", "held"), (("AUS", "GBR"), None, "planned")}


def test_a_meeting_a_few_days_later_told_with_a_comma_is_dated_from_the_day_before_it():
    text = ("Mỹ tổ chức hai cuộc đối thoại 2+2 trong một tuần\n\nNgày 8/7/2024, Mỹ và Nhật Bản tổ chức đối thoại 2+2 "
            "tại Tokyo. Hai ngày sau, Ngoại trưởng và Bộ trưởng Quốc phòng Mỹ tới Manila dự đối thoại 2+2 với "
            "Philippines.\nPhiên \"2+2\" thứ ba giữa Mỹ và Philippines được tổ chức tại Washington ngày 11-4-2023.")
    found = {(d.parties, d.date) for d in dialogues(text, published="2024-07-12")}
    assert found == {(("JPN", "USA"), "2024-07-08"), (("PHL", "USA"), "2024-07-10"), (("PHL", "USA"), "2023-04-11")}


def test_the_mechanism_named_back_meets_in_the_period_its_sentence_opens_with():
    text = ("Anh và Na Uy họp 2+2 tại Oslo\n\nNgày 3/5/2024, Ngoại trưởng và Bộ trưởng Quốc phòng Anh đã gặp hai người "
            "đồng cấp Na Uy tại Oslo trong cuộc đối thoại 2+2 lần thứ hai giữa hai nước. Trước đó nữa, vào tháng "
            "10/2019, cơ chế này nhóm họp lần đầu tại London.")
    found = {(d.date, d.status, d.location.city) for d in dialogues(text, published="2024-05-04")}
    assert found == {("2024-05-03", "held", "Oslo"), ("2019-10", "held", "London")}


def test_meetings_told_in_a_list_of_years_are_one_each():
    text = ("Australia và Mỹ họp AUSMIN tại Perth\n\nNgày 6/8/2025, AUSMIN diễn ra tại Perth với sự tham dự của ngoại "
            "trưởng và bộ trưởng quốc phòng hai nước. Đây là lần đầu tiên Australia đăng cai AUSMIN kể từ năm 2019, do "
            "dịch bệnh khiến các phiên họp năm 2020, 2021 và 2022 đều diễn ra tại Mỹ.")
    found = sorted(d.date for d in dialogues(text, published="2025-08-07"))
    assert found == ["2020", "2021", "2022", "2025-08-06"]


def test_a_round_recalled_without_a_name_belongs_to_the_meeting_told_just_before_it():
    text = ("Anh tổ chức hai cuộc 2+2 trong một tuần\n\nNgày 2/9/2025, Ngoại trưởng và Bộ trưởng Quốc phòng Anh họp "
            "Đối thoại 2+2 với hai người đồng cấp Nhật Bản tại Tokyo. Lần gần nhất hai bên họp theo định dạng này là "
            "tại London hồi tháng 12/2023.\nSau đó, hai bộ trưởng Anh tới Canberra, nơi Đối thoại 2+2 Anh - Australia "
            "được tổ chức hôm 5/9/2025. Phiên trước của cơ chế này từng diễn ra tại London vào tháng 3/2024.")
    found = {(d.parties, d.date) for d in dialogues(text, published="2025-09-06")}
    assert found == {(("GBR", "JPN"), "2025-09-02"), (("GBR", "JPN"), "2023-12"), (("AUS", "GBR"), "2025-09-05"),
                     (("AUS", "GBR"), "2024-03")}


def test_a_diplomatic_and_security_dialogue_without_a_connector_is_a_2_plus_2():
    text = ("Mỹ và Trung Quốc đối thoại\n\nNgày 9/11/2018, Mỹ và Trung Quốc tổ chức Đối thoại Ngoại giao an ninh lần "
            "thứ hai tại Washington với sự tham gia của Ngoại trưởng và Bộ trưởng Quốc phòng hai nước.")
    assert [(d.mechanism, d.parties) for d in dialogues(text, published="2018-11-10")] == [("2+2", ("CHN", "USA"))]


def test_a_2_plus_2_that_vice_ministers_attend_is_the_officials_round():
    text = ("Nhật Bản và Hàn Quốc đối thoại\n\nNgày 12/3/2024, Nhật Bản và Hàn Quốc đã tổ chức Đối thoại An ninh ngoại "
            "giao tại Tokyo. Cuộc họp có sự tham dự của Thứ trưởng Ngoại giao Nhật Bản và người đồng cấp Hàn Quốc, "
            "cùng các quan chức quốc phòng hai nước.")
    assert [d.mechanism for d in dialogues(text, published="2024-03-13")] == ["2+2 intersessional"]


def test_a_meeting_counted_from_the_start_of_a_year_is_not_dated_by_that_year():
    text = ("Nhật Trung đối thoại an ninh\n\nQuan chức ngoại giao và quốc phòng Nhật Bản, Trung Quốc hôm nay gặp nhau "
            "tại Tokyo trong phiên đối thoại an ninh đầu tiên kể từ đầu năm 2011.")
    found = {(d.date, d.location.city) for d in dialogues(text, published="2015-03-19")}
    assert ("2015-03-19", "Tokyo") in found


def test_a_date_told_after_another_event_does_not_date_a_meeting_named_without_its_name():
    text = ("Việt Nam - Nga đối thoại chiến lược quốc phòng\n\nNgày 3-12, tại Moscow, Thứ trưởng Quốc phòng hai nước "
            "đồng chủ trì Đối thoại chiến lược quốc phòng Việt Nam - Nga lần thứ tư.\nPhiên đối thoại năm nay được tổ "
            "chức trong bối cảnh quan hệ hai nước được củng cố, nhất là sau chuyến thăm Liên bang Nga của Tổng Bí thư "
            "hồi tháng 9.")
    assert [d.date for d in dialogues(text, published="2018-12-04")] == ["2018-12-03"]


def test_a_meeting_after_whose_end_something_was_said_was_held_by_that_day():
    text = ("AUKMIN 2024\n\nBộ trưởng Quốc phòng Anh ngày 3/3 cho biết London sẽ giúp Australia đóng tàu ngầm vào năm "
            "2030, sau khi kết thúc phiên Tham vấn Bộ trưởng Ngoại giao và Quốc phòng Australia - Anh (AUKMIN) tại "
            "thành phố Adelaide.")
    assert [(d.date, d.status) for d in dialogues(text, published="2024-03-04")] == [("2024-03-03", "held")]


def test_one_country_meets_the_country_of_the_city_it_meets_in():
    text = ("Mỹ họp 2+2 với hai đồng minh\n\nNgày 30/7, Philippines và Mỹ họp 2+2 tại Manila.\nTrước đó, tại Tokyo ngày "
            "28/7, Ngoại trưởng Mỹ và Bộ trưởng Quốc phòng Mỹ đã tham vấn 2+2 với bà Kamikawa và ông Kihara.")
    found = {(d.parties, d.date) for d in dialogues(text, published="2024-08-01")}
    assert (("JPN", "USA"), "2024-07-28") in found


@pytest.mark.parametrize("sentence", [
    "Kết thúc cuộc họp trực tuyến ngày 5/3, Ngoại trưởng và Bộ trưởng Quốc phòng hai nước Pháp và Nhật Bản ra tuyên "
    "bố chung về an ninh hàng hải.",
    "Ngày 5/3, Pháp và Nhật Bản tổ chức cuộc họp trực tuyến giữa ngoại trưởng và bộ trưởng quốc phòng hai nước.",
])
def test_a_meeting_of_both_countries_foreign_and_defence_ministers_is_their_2_plus_2(sentence):
    text = "Pháp và Nhật Bản bàn về an ninh biển\n\n" + sentence
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, published="2021-03-06")] == [
        ("2+2", ("FRA", "JPN"), "2021-03-05")]


def test_foreign_and_defence_ministers_meeting_someone_else_are_no_2_plus_2():
    text = ("Mỹ và Ai Cập\n\nNgày 5/3, cuộc gặp giữa Ngoại trưởng và Bộ trưởng Quốc phòng Mỹ với Tổng thống Ai Cập "
            "diễn ra tại Cairo.")
    assert not dialogues(text, published="2021-03-06")


def test_the_day_two_ministers_declare_a_dialogue_open_is_its_date():
    text = ("Mỹ và Thái Lan mở đối thoại chiến lược\n\nHãng AP đưa tin Ngoại trưởng Mỹ và người đồng cấp Thái Lan ngày "
            "5-9 đã tuyên bố khởi động cuộc đối thoại chiến lược giữa hai nước.")
    assert [(d.date, d.status) for d in dialogues(text, published="2022-09-06")] == [("2022-09-05", "held")]


def test_exploratory_talks_are_a_dialogue_and_a_day_both_sides_announce_them_is_not_their_date():
    text = ("Síp và Thổ Nhĩ Kỳ nối lại đàm phán\n\nBộ Ngoại giao Síp và Thổ Nhĩ Kỳ ngày 4-5 cùng thông báo vòng đàm "
            "phán thăm dò thứ 10 giữa hai nước sẽ diễn ra tại Nicosia vào ngày 20-5.")
    assert [(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text, published="2022-05-05")] == [
        ("other dialogue", ("CYP", "TUR"), "2022-05-20", "planned")]


@pytest.mark.parametrize("sentence", [
    "Hội nghị quan chức cấp cao theo định dạng 2+2 giữa Nhật Bản và Ấn Độ diễn ra tại Tokyo ngày 5/3.",
    "Cuộc họp các quan chức trong khuôn khổ đối thoại 2+2 Nhật Bản - Ấn Độ diễn ra tại Tokyo ngày 5/3.",
])
def test_a_meeting_of_officials_of_a_2_plus_2_is_its_officials_round(sentence):
    text = "Nhật Bản và Ấn Độ chuẩn bị đối thoại\n\n" + sentence
    assert [(d.mechanism, d.date) for d in dialogues(text, published="2024-03-06")] == [
        ("2+2 intersessional", "2024-03-05")]


@pytest.mark.parametrize("sentence", [
    "Trong hai ngày 3-4/6, tại Hà Nội, đã diễn ra đàm phán vòng 2 cấp chuyên viên Việt Nam - Indonesia về phân định "
    "vùng đặc quyền kinh tế.",
    "Từ ngày 3 đến 4-6, tại Hà Nội, đã diễn ra vòng 2 Nhóm công tác về vùng biển chồng lấn giữa Việt Nam và Indonesia.",
])
def test_rounds_of_maritime_boundary_talks_are_dialogue_meetings(sentence):
    text = "Việt Nam và Indonesia đàm phán\n\n" + sentence
    assert [(d.mechanism, d.parties, d.date, d.location.city) for d in dialogues(text, published="2013-06-05")] == [
        ("other dialogue", ("IDN", "VNM"), "2013-06-03", "Hà Nội")]


def test_an_economic_security_dialogue_is_no_security_dialogue():
    text = ("Hàn Quốc và Australia mở kênh mới\n\nNgày 12/4, Hàn Quốc và Australia tổ chức Đối thoại an ninh kinh tế "
            "đầu tiên tại Seoul.")
    assert [(d.mechanism, d.date) for d in dialogues(text, published="2024-04-13")] == [
        ("other dialogue", "2024-04-12")]


def test_the_day_a_minister_tells_the_press_of_a_meeting_is_not_its_date():
    text = ("Ngoại trưởng Nhật Bản sẽ thăm Ấn Độ\n\nNgoại trưởng Ấn Độ hôm 19/6 cho báo giới biết rằng ông Kishida "
            "sẽ tới New Delhi nhân cuộc Đối thoại Chiến lược giữa Nhật Bản và Ấn Độ kỳ hai.")
    assert [d.date for d in dialogues(text, published="2014-06-20")] == [None]


def test_the_next_round_named_with_its_pair_is_planned_apart():
    text = ("Nhật Bản và Ấn Độ nối lại đối thoại\n\nNgày 20/8, hai nước tiến hành vòng Đối thoại Chiến lược Nhật - Ấn lần "
            "thứ năm tại Tokyo.\n\nVòng đối thoại Nhật - Ấn tiếp theo sẽ được tổ chức tại New Delhi.")
    assert sorted((d.date or "", d.status, d.location.city) for d in dialogues(text, published="2013-08-21")) == [
        ("", "planned", "New Delhi"), ("2013-08-20", "held", "Tokyo")]


def test_strengthening_dialogue_is_no_meeting():
    text = ("Pháp và Ấn Độ hợp tác\n\nBộ trưởng Quốc phòng Pháp cho biết Paris và New Delhi sẽ tăng cường đối thoại an "
            "ninh trong thời gian tới.")
    assert not dialogues(text, published="2018-08-01")


@pytest.mark.parametrize("sentence", [
    "Giới phân tích cho rằng việc Paris và New Delhi nâng tầm đối thoại an ninh diễn ra trong bối cảnh mới.",
    "Hai nước hiện đã có kênh đối thoại chiến lược cấp quan chức cao cấp, được thiết lập từ năm 2012.",
])
def test_raising_or_having_a_channel_of_dialogue_is_no_meeting(sentence):
    assert not dialogues("Pháp và Ấn Độ hợp tác\n\n" + sentence, published="2018-08-01")


def test_senior_officials_of_both_ministries_hold_the_officials_round_of_a_2_plus_2():
    text = ("Mỹ và Malaysia lần đầu đối thoại theo mô hình 2+2\n\nNgày 5/3, các quan chức cấp cao của Bộ Ngoại giao và Bộ "
            "Quốc phòng Mỹ và Malaysia đã gặp nhau tại Kuala Lumpur trong cuộc đối thoại đầu tiên theo mô hình 2+2.")
    assert [(d.mechanism, d.date) for d in dialogues(text, published="2024-03-06")] == [
        ("2+2 intersessional", "2024-03-05")]


def test_a_round_whose_results_are_recalled_at_another_event_is_not_dated_by_it():
    text = ("Việt Nam và Ấn Độ hợp tác\n\nTháng 4/2023, trong chuyến thăm Ấn Độ, hai bộ trưởng đã hội đàm tại New Delhi, "
            "nhắc lại kết quả của Đối thoại Chính sách quốc phòng Việt Nam - Ấn Độ lần thứ 12 và nhất trí tăng cường "
            "trao đổi đoàn.")
    assert not dialogues(text, published="2023-05-01")


@pytest.mark.parametrize("sentence", [
    "Ấn Độ và Trung Quốc hôm 10/3 đã tiến hành vòng đàm phán quân sự cấp cao thứ 18 tại điểm họp Moldo.",
    "Ấn Độ - Trung Quốc đã tổ chức vòng đàm phán thứ 18 giữa các quan chức quốc phòng ở cấp tư lệnh quân đoàn vào "
    "ngày 10/3.",
])
def test_rounds_of_military_talks_are_dialogue_meetings(sentence):
    text = "Ấn Độ và Trung Quốc đàm phán\n\n" + sentence
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, published="2023-03-11")] == [
        ("other dialogue", ("CHN", "IND"), "2023-03-10")]


def test_rounds_numbered_with_vòng_are_different_meetings():
    text = ("Việt Nam và Lào đối thoại\n\nNgày 5/3/2024, tại Hà Nội đã diễn ra Đối thoại Chính sách quốc phòng Việt Nam "
            "- Lào vòng 11.\n\nHai bên nhất trí tổ chức Đối thoại Chính sách quốc phòng vòng 12 tại Lào.")
    held = [d for d in dialogues(text, published="2024-03-06") if d.status == "held"]
    assert [(d.date, d.evidence) for d in held] == [("2024-03-05", (1,))]


def test_a_negotiating_delegation_on_borders_is_no_meeting():
    text = ("Việt Nam và Campuchia\n\nHai bên làm việc dưới sự chỉ đạo của Đoàn đàm phán cấp Chính phủ về biên giới lãnh "
            "thổ, thành lập năm 2011.")
    assert not dialogues(text, published="2024-03-06")


def test_a_mechanism_glossed_in_brackets_by_its_short_name_is_one_meeting_dated_after_the_gloss():
    text = ("Úc và Ấn Độ họp 2+2\n\nNgày 11/9, Úc và Ấn Độ tổ chức đối thoại 2+2 đầu tiên tại New Delhi, hai ngày trước "
            "khi các bộ trưởng Úc sang Washington dự cuộc tham vấn thường niên cấp bộ trưởng Úc - Mỹ (AUSMIN) ngày "
            "16.9.")
    found = sorted((d.parties, d.date) for d in dialogues(text, published="2021-09-12"))
    assert found == [(("AUS", "IND"), "2021-09-11"), (("AUS", "USA"), "2021-09-16")]


def test_several_meetings_told_at_listed_capitals_are_one_meeting_with_each_host():
    text = ("Pháp họp 2+2 với hai đối tác\n\nTrong tuần, Ngoại trưởng và Bộ trưởng Quốc phòng Pháp đã lần lượt dự hai "
            "cuộc đối thoại 2+2 tại Canberra và Tokyo, với nhiều cam kết hợp tác.")
    found = sorted((d.parties, d.location.city) for d in dialogues(text, published="2024-07-31"))
    assert found == [(("AUS", "FRA"), "Canberra"), (("FRA", "JPN"), "Tokyo")]


def test_the_ministers_round_recalled_in_an_officials_round_story_is_the_2_plus_2():
    text = ("Ấn Độ và Mỹ họp giữa kỳ 2+2\n\nNgày 10/9, quan chức hai nước tổ chức cuộc họp giữa kỳ 2+2 tại Washington."
            "\n\nTại vòng đối thoại cấp bộ trưởng tháng 10/2020, hai nước đã ký một thỏa thuận về bản đồ số.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text, published="2021-09-11")) == [
        ("2+2", "2020-10"), ("2+2 intersessional", "2021-09-10")]


@pytest.mark.parametrize("sentence", [
    "Ngày 5/5, Đối thoại Bộ trưởng Quốc phòng ASEAN - Nhật Bản diễn ra tại Hà Nội với sự tham dự của Việt Nam.",
    "Ông Giang đánh giá cao Đối thoại Bộ trưởng Quốc phòng ASEAN - Nhật Bản lần đầu tiên được tổ chức vào tháng 5-2025.",
])
def test_a_dialogue_of_a_bloc_with_a_country_is_a_regional_forum(sentence):
    assert not dialogues("Việt Nam và Nhật Bản\n\n" + sentence, published="2025-08-13")


def test_a_first_round_recalled_with_a_long_phrase_before_its_date_is_kept():
    text = ("Mỹ và Nga đối thoại tại Geneva\n\nNgày 10/1, hai nước tham dự phiên họp bất thường của Đối thoại ổn định "
            "chiến lược Mỹ - Nga tại Geneva. Phiên đầu tiên của cơ chế đối thoại này được tổ chức cũng tại Geneva ngày "
            "28/7/2021.")
    assert sorted(d.date for d in dialogues(text, published="2022-01-11")) == ["2021-07-28", "2022-01-10"]


def test_the_idea_of_a_mechanism_agreed_at_a_summit_is_no_meeting():
    text = ("Ấn Độ và Nhật Bản\n\nÝ tưởng về cơ chế 2+2 được Thủ tướng hai nước thống nhất tại Hội nghị thượng đỉnh "
            "thường niên ở Nhật Bản tháng 10/2018.")
    assert not [d for d in dialogues(text, published="2024-08-21") if d.status == "held"]


def test_a_defence_policy_advisory_group_meeting_is_a_defence_policy_dialogue():
    text = ("Israel và Mỹ\n\nHôm 30/7, Bộ Quốc phòng Israel đã tổ chức phiên họp của Nhóm tư vấn chính sách quốc phòng "
            "hàng năm của Mỹ - Israel.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, published="2020-07-31")] == [
        ("defence policy dialogue", ("ISR", "USA"), "2020-07-30")]


def test_countries_at_odds_and_the_day_of_an_incident_are_not_a_meetings():
    text = ("Philippines và Nhật Bản chuẩn bị họp 2+2\n\nCuộc họp 2+2 sắp tới diễn ra trong bối cảnh căng thẳng giữa "
            "Philippines và Trung Quốc ở Biển Đông gia tăng, sau vụ va chạm ngày 17-6 gần bãi Cỏ Mây.")
    assert [(d.parties, d.date) for d in dialogues(text, published="2024-07-01")] == [(("JPN", "PHL"), None)]


def test_a_pair_in_tension_named_with_a_hyphen_is_not_a_meetings_parties():
    text = ("Điểm tin quốc phòng\n\nTrung Quốc lần đầu tổ chức đối thoại 2+2 với một nước ngoài, căng thẳng Ấn Độ - "
            "Pakistan leo thang sau vụ tấn công ở Kashmir.")
    assert all(d.parties != ("IND", "PAK") for d in dialogues(text, published="2025-04-29"))


def test_a_sentence_saying_what_the_meeting_before_it_was_takes_its_day_and_keeps_the_recalled_round():
    text = ("Ấn Độ và Pháp nối lại đối thoại\n\nCác quan chức quốc phòng Ấn Độ và Pháp đã họp tại Paris trong hai "
            "ngày 14 và 15-3, sau một thời gian gián đoạn. Theo thông cáo, đây là vòng Đối thoại chính sách quốc phòng "
            "Ấn Độ - Pháp lần thứ 9. Vòng gần nhất diễn ra hồi tháng 6-2022 tại New Delhi.")
    found = sorted((d.date, d.mechanism) for d in dialogues(text, published="2025-03-16"))
    assert found == [("2022-06", "defence policy dialogue"), ("2025-03-14", "defence policy dialogue")]


def test_earlier_rounds_told_as_lan_thu_are_meetings_and_one_held_online_has_no_venue():
    text = ("Hàn Quốc và Australia họp 2+2\n\nNgày 1/5, Hàn Quốc và Australia tổ chức Đối thoại 2+2 lần thứ 7 tại "
            "Seoul. Trước đó, lần thứ 6 được tổ chức tại Melbourne ngày 1/5/2024, còn lần thứ 5 vào ngày 3/3/2023 "
            "diễn ra theo hình thức trực tuyến.")
    found = {(d.date, d.location.city) for d in dialogues(text, published="2025-05-02")}
    assert found == {("2025-05-01", "Seoul"), ("2024-05-01", "Melbourne"), ("2023-03-03", None)}


def test_a_maritime_dialogue_is_an_other_dialogue():
    text = ("Nhật Bản và Philippines\n\nPhiên đầu tiên của Đối thoại Hàng hải Nhật Bản - Philippines sẽ diễn ra tại "
            "Manila vào tháng 10/2025.")
    assert [(d.mechanism, d.parties, d.date, d.status) for d in dialogues(text, published="2025-08-01")] == [
        ("other dialogue", ("JPN", "PHL"), "2025-10", "planned")]


def test_a_round_told_on_its_own_date_beside_a_named_meeting_is_kept():
    text = ("Mỹ và Ấn Độ họp 2+2\n\nNgày 11/4, Mỹ và Ấn Độ tiến hành Đối thoại 2+2 lần thứ tư tại Washington. Vòng gần "
            "nhất được tổ chức tại New Delhi vào tháng 10/2020, trong khi các quan chức hai bên đã gặp nhau trong "
            "khuôn khổ đối thoại 2+2 giữa kỳ vào tháng 9/2021.")
    found = {(d.mechanism, d.date) for d in dialogues(text, published="2022-04-12")}
    assert found == {("2+2", "2022-04-11"), ("2+2", "2020-10"), ("2+2 intersessional", "2021-09")}


def test_a_numbered_next_round_told_beside_a_named_first_one_is_planned():
    text = ("Ấn Độ và Australia\n\nPhiên đối thoại 2+2 Ấn Độ - Australia đầu tiên được tổ chức tại New Delhi vào tháng "
            "9/2021, còn vòng thứ hai dự kiến diễn ra tại Canberra vào tháng 11 tới.")
    found = {(d.date, d.status, d.location.city) for d in dialogues(text, published="2023-06-01")}
    assert found == {("2021-09", "held", "New Delhi"), ("2023-11", "planned", "Canberra")}


def test_the_first_conference_of_a_mechanism_told_as_hoi_nghi_lan_thu_nhat_is_a_meeting():
    text = ("Australia và Philippines\n\nNgày 22/8, tại Manila, hai bộ trưởng đã tiến hành Đối thoại Chính sách Quốc "
            "phòng Philippines - Australia lần thứ hai. Hội nghị lần thứ nhất diễn ra tại Canberra ngày 12/11/2024.")
    assert sorted(d.date for d in dialogues(text, published="2025-08-23")) == ["2024-11-12", "2025-08-22"]


def test_a_city_written_tp_dot_in_brackets_after_a_building_is_the_venue():
    text = ("Việt Nam và Thái Lan\n\nSáng 5.3, tại trụ sở Bộ Tư lệnh Hải quân (TP.Hải Phòng), hai bên đồng chủ trì "
            "Đối thoại Chính sách quốc phòng Việt Nam - Thái Lan lần thứ 9.")
    assert [d.location.city for d in dialogues(text, published="2025-03-06")] == ["Hải Phòng"]


def test_the_meeting_a_first_is_counted_from_is_a_held_round():
    text = ("Nhật Bản và Anh\n\nNgày 8/11, Nhật Bản và Anh tổ chức Đối thoại 2+2 tại Tokyo. Đây là lần đầu tiên Tokyo "
            "đăng cai cơ chế này kể từ cuộc họp ở London hôm 21/1/2015.")
    assert sorted((d.date, d.status) for d in dialogues(text, published="2023-11-09")) == [
        ("2015-01-21", "held"), ("2023-11-08", "held")]


def test_a_meeting_named_right_after_a_lead_that_tells_it_takes_the_leads_day():
    text = ("Mỹ - Trung nối lại đàm phán\n\nTTO - Quan chức quốc phòng Mỹ và Trung Quốc đã gặp nhau tại Washington trong "
            "hai ngày 10-11/3, nối lại kênh liên lạc.\n\nTheo thông báo, phiên Đàm phán phối hợp chính sách quốc phòng "
            "Mỹ - Trung lần thứ 18 do hai thứ trưởng chủ trì. Vòng gần nhất diễn ra hồi tháng 1/2024.")
    assert sorted(d.date for d in dialogues(text, published="2025-03-12")) == ["2024-01", "2025-03-10"]


def test_a_year_told_with_the_host_of_a_first_round_dates_it():
    text = ("Nhật Bản và Philippines\n\nHai nước quyết định tổ chức Đối thoại Hàng hải Nhật Bản - Philippines lần thứ "
            "nhất, do Manila đăng cai trong năm nay.")
    assert [d.date for d in dialogues(text, published="2025-03-01")] == ["2025"]


def test_the_host_city_of_a_meeting_is_its_venue():
    text = ("Nhật Bản và Philippines\n\nHai nước quyết định tổ chức Đối thoại Hàng hải Nhật Bản - Philippines lần thứ "
            "nhất, do Manila đăng cai trong năm nay.")
    assert [d.location.city for d in dialogues(text, published="2025-03-01")] == ["Manila"]


def test_a_border_dialogue_is_an_other_dialogue():
    text = ("Trung Quốc và Ấn Độ\n\nVòng thứ 16 của cuộc đối thoại về biên giới giữa Ấn Độ và Trung Quốc dự kiến diễn "
            "ra vào ngày 10.12 đã bị hoãn.")
    assert [(d.mechanism, d.date, d.status) for d in dialogues(text, published="2013-12-01")] == [
        ("other dialogue", "2013-12-10", "postponed")]


def test_when_a_mechanism_was_founded_is_no_meeting():
    text = ("Hàn Quốc và Australia\n\nNgày 1/5, Hàn Quốc và Australia tổ chức Đối thoại 2+2 lần thứ sáu tại Melbourne. "
            "Cơ chế 2+2 giữa hai nước được lãnh đạo hai bên quyết định thành lập tại cuộc gặp thượng đỉnh năm 2011.")
    assert [d.date for d in dialogues(text, published="2024-05-02")] == ["2024-05-01"]


def test_a_next_round_whose_time_is_not_yet_announced_after_it_is_no_meeting():
    text = ("Ấn Độ và Nhật Bản\n\nNgày 20/8, hai nước họp Đối thoại 2+2 tại New Delhi. Theo thông lệ, phiên họp tiếp "
            "theo sẽ do phía Nhật Bản đăng cai, song thời điểm cụ thể chưa được hai bên công bố.")
    assert [d.status for d in dialogues(text, published="2024-08-21")] == ["held"]


def test_a_round_of_a_mechanism_told_with_one_country_is_the_articles_pairs():
    text = ("Ấn Độ ký hợp đồng\n\nẤn Độ và Mỹ ký hợp đồng mua 31 máy bay không người lái MQ-9B. Hai nước hiện duy trì "
            "cơ chế Đối thoại 2+2 giữa Ngoại trưởng và Bộ trưởng Quốc phòng, với phiên gần nhất diễn ra tại New Delhi "
            "vào tháng 11/2023.")
    assert [(d.parties, d.date) for d in dialogues(text, published="2024-10-16")] == [(("IND", "USA"), "2023-11")]


def test_a_postponement_told_after_sau_khi_is_another_meetings():
    text = ("Hai nước chốt lịch họp 2+2\n\n"
            "Nhật Bản và Philippines dự kiến tổ chức cuộc họp 2+2 lần thứ ba tại Manila vào tháng 6 tới, sau khi kế "
            "hoạch họp tại Tokyo hồi tháng 11 năm ngoái bị hoãn.")
    assert [(d.date, d.status) for d in dialogues(text, "2025-03-10") if d.date == "2025-06"] == [("2025-06", "planned")]


def test_a_report_dated_by_the_news_day_is_not_a_round_recalled_from_years_before():
    text = ("Hai nước ký hiệp định nhân cuộc họp 2+2 tại Manila\n\n"
            "Nhật Bản và Philippines hôm nay ký một hiệp định quốc phòng tại Manila.\n\n"
            "Ngoại trưởng và Bộ trưởng Quốc phòng Nhật Bản đang có mặt tại Manila để dự cuộc họp Bộ trưởng Ngoại giao "
            "và Quốc phòng (2+2) lần thứ hai giữa hai nước.\n\n"
            "Việc đàm phán hiệp định được nhất trí tại cuộc họp 2+2 đầu tiên giữa hai nước, diễn ra ở Tokyo vào "
            "tháng 4/2022.")
    found = dialogues(text, "2024-07-08")
    assert sorted((d.date, d.evidence) for d in found) == [("2022-04", (3,)), ("2024-07-08", (0, 2))]


def test_the_first_meeting_under_a_new_government_is_no_first_round():
    text = ("Mỹ và Australia họp AUSMIN lần thứ 35\n\n"
            "Ngày 8/12, Tham vấn Bộ trưởng Australia - Mỹ (AUSMIN) lần thứ 35 diễn ra tại Washington.\n\n"
            "Đây là phiên AUSMIN đầu tiên của chính quyền mới ở Washington.\n\n"
            "Phiên AUSMIN trước đó diễn ra tại Annapolis ngày 6/8/2024.")
    found = dialogues(text, "2025-12-09")
    assert sorted((d.date, d.evidence) for d in found) == [("2024-08-06", (3,)), ("2025-12-08", (0, 1, 2))]


def test_a_date_borrowed_from_another_events_paragraph_makes_no_meeting_of_its_own():
    text = ("Indonesia và Pháp lần đầu họp theo cơ chế 2+2\n\n"
            "Ngày 21/7, tại Paris, ngoại trưởng và bộ trưởng quốc phòng Indonesia đã cùng người đồng cấp Pháp tiến hành "
            "cuộc họp đầu tiên theo hình thức 2+2.\n\n"
            "Ngày 10/2/2022, Indonesia đã ký hợp đồng mua 42 tiêm kích Rafale của Pháp.\n"
            "Giới quan sát cho rằng việc nâng cấp đối thoại lên cấp bộ trưởng 2+2 cho thấy Paris muốn củng cố chỗ đứng "
            "tại Đông Nam Á.")
    assert [(d.date, d.evidence) for d in dialogues(text, "2023-07-22")] == [("2023-07-21", (0, 1, 3))]


def test_a_call_the_day_after_a_named_dialogue_is_no_round_of_it():
    text = ("Ấn Độ và Thái Lan đối thoại quốc phòng\n\n"
            "Ngày 12/12, Đối thoại Chính sách quốc phòng Ấn Độ - Thái Lan lần thứ 9 diễn ra tại New Delhi.\n\n"
            "Sáng 13/12, trưởng đoàn Thái Lan đã có cuộc gặp với Thư ký Quốc phòng Ấn Độ, thảo luận các biện pháp tăng "
            "cường hợp tác.")
    assert [(d.date, d.evidence) for d in dialogues(text, "2024-12-14")] == [("2024-12-12", (0, 1))]


def test_a_leader_whose_visit_the_round_coincided_with_does_not_make_it_a_leaders_meeting():
    text = ("Đối thoại Chính sách quốc phòng Việt Nam - Ấn Độ lần thứ 15\n\n"
            "Chiều 10-11, tại Hà Nội, Đối thoại Chính sách quốc phòng Việt Nam - Ấn Độ lần thứ 15 đã diễn ra.\n\n"
            "Đối thoại lần thứ 14 được tổ chức tại New Delhi ngày 1-8-2024, trùng thời điểm Thủ tướng Việt Nam thăm "
            "chính thức Ấn Độ.")
    assert sorted(d.date for d in dialogues(text, "2025-11-11")) == ["2024-08-01", "2025-11-10"]


def test_a_meeting_held_under_a_mechanism_named_in_full_is_a_round_of_it():
    text = ("Tin quốc phòng\n\nIndonesia và Trung Quốc đã tổ chức cuộc họp cấp bộ trưởng đầu tiên theo cơ chế đối thoại "
            "chung Ngoại giao - Quốc phòng (2+2) tại Bắc Kinh hồi tháng 4.")
    assert [(d.mechanism, d.date, d.status) for d in dialogues(text, "2025-08-01")] == [("2+2", "2025-04", "held")]


def test_a_level_told_after_the_next_mechanism_named_is_that_ones():
    text = ("Hàn Quốc và Australia họp 2+2\n\n"
            "Ngày 1/5, Hội nghị 2+2 Hàn Quốc - Australia lần thứ 6 diễn ra tại Melbourne.\n\n"
            "Hội nghị 2+2 diễn ra hai tuần sau vòng Đối thoại chiến lược Hàn Quốc - Australia lần thứ 8 cấp thứ trưởng "
            "ngoại giao, được tổ chức tại Seoul ngày 16/4 nhằm chuẩn bị nội dung cho cuộc gặp cấp bộ trưởng.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text, "2024-05-02")) == [
        ("2+2", "2024-05-01"), ("strategic dialogue", "2024-04-16")]


def test_a_round_of_talks_on_an_agreement_is_no_round_of_the_consultations():
    text = ("Nhật Bản và Philippines ký hiệp định tiếp cận\n\n"
            "Ngày 8/7, tại Manila, cuộc họp 2+2 lần thứ hai giữa Nhật Bản và Philippines đã diễn ra.\n\n"
            "Hai nước khởi động đàm phán hiệp định từ tháng 11/2023. Vòng đàm phán chính thức đầu tiên diễn ra tại Tokyo "
            "trong hai ngày 29 và 30/11 năm ngoái.")
    assert [d.date for d in dialogues(text, "2024-07-09")] == ["2024-07-08"]


def test_a_meeting_given_a_new_date_is_planned_for_it():
    text = ("Mỹ - Ấn Độ chốt ngày mới cho Đối thoại 2+2\n\n"
            "Sau hai lần bị hoãn, cuộc Đối thoại 2+2 đầu tiên giữa Mỹ và Ấn Độ đã có ngày mới: 6/9 tới, tại New Delhi.")
    assert [(d.date, d.status) for d in dialogues(text, "2018-07-21")] == [("2018-09-06", "planned")]


def test_a_round_of_talks_stays_a_round_of_a_dialogue_that_is_called_talks():
    text = ("Mỹ và Trung Quốc nối lại đàm phán quốc phòng\n\n"
            "Ngày 9/1, Đàm phán Chính sách Quốc phòng Mỹ - Trung Quốc lần thứ 17 đã diễn ra tại Washington.\n\n"
            "Vòng đàm phán trước đó đã diễn ra tại Bắc Kinh ngày 5/12/2020.")
    assert sorted(d.date for d in dialogues(text, "2024-01-10")) == ["2020-12-05", "2024-01-09"]


@pytest.mark.parametrize("name", [
    "Ủy ban hợp tác quốc phòng chung (JDCC) Ấn Độ - Việt Nam",
    "Ủy ban hỗn hợp về hợp tác quốc phòng Ấn Độ - Việt Nam",
    "Nhóm Đối thoại quân sự cấp cao Ấn Độ - Việt Nam",
])
def test_a_joint_committee_on_defence_cooperation_is_a_defence_policy_dialogue(name):
    text = (f"Ấn Độ và Việt Nam họp về hợp tác quốc phòng\n\n"
            f"Ngày 14/3, phiên họp thứ tư của {name} đã diễn ra tại Hà Nội.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2025-03-15")] == [
        ("defence policy dialogue", ("IND", "VNM"), "2025-03-14")]


def test_a_meeting_named_after_the_sentence_that_tells_it_takes_that_sentences_venue():
    text = ("Nhật Bản và Ấn Độ họp 2+2\n\n"
            "Ngày 20-8, Ngoại trưởng Ấn Độ đã gặp Ngoại trưởng Nhật Bản tại trụ sở Bộ Ngoại giao Nhật Bản ở thủ đô Tokyo.\n\n"
            "Đây là cuộc đối thoại 2+2 thứ tư giữa hai nước.")
    assert [(d.date, d.location.city) for d in dialogues(text, "2025-08-21")] == [("2025-08-20", "Tokyo")]


def test_a_capital_named_as_thu_do_nuoc_is_that_countrys_capital():
    text = "Nhật Bản và Ấn Độ họp 2+2\n\nNgày 20-8, Nhật Bản và Ấn Độ họp 2+2 lần thứ tư tại thủ đô nước Nhật."
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2025-08-21")] == [("Tokyo", "JPN")]


def test_a_recalled_round_told_with_a_when_clause_keeps_that_clauses_venue():
    text = ("Nhật Bản và Ấn Độ họp 2+2\n\nNgày 20-8, Nhật Bản và Ấn Độ họp 2+2 lần thứ tư tại Tokyo.\n\n"
            "Cơ chế này được khởi động vào tháng 11-2019, khi phiên đầu tiên được tổ chức tại New Delhi.")
    assert sorted((d.date, d.location.city) for d in dialogues(text, "2025-08-21")) == [
        ("2019-11", "New Delhi"), ("2025-08-20", "Tokyo")]


def test_a_leader_whose_term_tells_when_a_round_was_is_no_participant_of_it():
    text = ("Hàn Quốc và Úc nối lại 2+2\n\nNgày 3-5, Hàn Quốc và Úc họp 2+2 tại Canberra.\n\n"
            "Phiên thứ hai diễn ra tại Seoul vào tháng 6-2015, trước khi bị gián đoạn trong nhiệm kỳ của cựu Tổng thống "
            "Moon Jae-in, người theo đuổi chính sách riêng với Trung Quốc.")
    assert sorted((d.date, d.location.city) for d in dialogues(text, "2025-05-04")) == [
        ("2015-06", "Seoul"), ("2025-05-03", "Canberra")]


def test_a_numbered_round_counted_from_the_mechanisms_start_year_is_a_meeting():
    text = ("Ấn Độ và Úc họp 2+2\n\nNgày 12/6, Ngoại trưởng và Bộ trưởng Quốc phòng Ấn Độ đã gặp người đồng cấp Úc "
            "tại Canberra.\n\nĐây là cuộc tham vấn 2+2 lần thứ ba giữa hai nước kể từ khi cơ chế được thiết lập năm 2021.")
    assert [(d.date, d.status) for d in dialogues(text, "2025-06-13")] == [("2025-06-12", "held")]


def test_the_first_round_between_the_two_since_a_change_is_not_the_first_round():
    text = ("Ấn Độ và Úc họp 2+2\n\nNgày 12/6, Ấn Độ và Úc tổ chức Đối thoại 2+2 lần thứ ba tại Canberra.\n\n"
            "Đây là vòng 2+2 đầu tiên giữa hai nước kể từ khi chính phủ mới của Úc nhậm chức.")
    assert [d.date for d in dialogues(text, "2025-06-13")] == ["2025-06-12"]


def test_the_previous_meeting_told_as_lan_gap_truoc_is_a_recalled_round():
    text = ("Ấn Độ và Úc họp 2+2\n\nNgày 12/6, Ấn Độ và Úc tổ chức Đối thoại 2+2 lần thứ ba tại Canberra.\n\n"
            "Lần gặp trước diễn ra tại New Delhi vào tháng 11/2023.")
    assert sorted((d.date, d.location.city) for d in dialogues(text, "2025-06-13")) == [
        ("2023-11", "New Delhi"), ("2025-06-12", "Canberra")]


def test_a_known_venue_after_words_describing_it_is_the_meetings_venue():
    text = "Ấn Độ và Úc họp 2+2\n\nNgày 12/6, Ấn Độ và Úc tổ chức Đối thoại 2+2 lần thứ ba tại khu nghỉ dưỡng Darwin."
    assert [d.location.city for d in dialogues(text, "2025-06-13")] == ["Darwin"]


def test_two_meetings_at_two_venues_have_the_host_told_after_them():
    text = ("Ngoại trưởng Pháp kết thúc chuyến công du\n\nSau hai cuộc đối thoại 2+2 liên tiếp tại Tokyo và Canberra, "
            "Ngoại trưởng Pháp đã tới Jakarta.")
    assert sorted((d.parties, d.location.city) for d in dialogues(text, "2025-06-13")) == [
        (("AUS", "FRA"), "Canberra"), (("FRA", "JPN"), "Tokyo")]


def test_the_next_round_told_as_vong_hop_tiep_theo_is_a_planned_round():
    text = ("Ấn Độ và Việt Nam họp về quốc phòng\n\nNgày 14/3, Đối thoại chính sách quốc phòng Ấn Độ - Việt Nam lần thứ tư "
            "đã diễn ra tại Hà Nội.\n\nVòng họp tiếp theo dự kiến được tổ chức tại New Delhi trong năm 2026.")
    assert sorted((d.date, d.status) for d in dialogues(text, "2025-03-15")) == [
        ("2025-03-14", "held"), ("2026", "planned")]


def test_a_ministers_meeting_on_extended_deterrence_is_an_other_dialogue():
    text = ("Mỹ và Hàn Quốc họp 2+2\n\nNgày 3/6, Mỹ và Hàn Quốc họp 2+2 tại Seoul.\n\n"
            "Cùng ngày, bốn bộ trưởng họp cấp bộ trưởng về răn đe mở rộng lần đầu tiên.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text, "2025-06-04")) == [
        ("2+2", "2025-06-03"), ("other dialogue", "2025-06-03")]


def test_a_meeting_told_cung_ngay_is_on_the_day_told_before():
    text = ("Ấn Độ và Việt Nam họp\n\nNgày 3/6, Ấn Độ và Việt Nam tổ chức Đối thoại chính sách quốc phòng tại Hà Nội.\n\n"
            "Ông nói thêm về quan hệ hai nước.\n\n"
            "Cũng trong ngày, hai bên tiến hành Đối thoại chiến lược cấp thứ trưởng ngoại giao Ấn Độ - Việt Nam. "
            "Tháng 5/2023, hai nước ký bản ghi nhớ về đào tạo.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text, "2025-06-10")) == [
        ("defence policy dialogue", "2025-06-03"), ("strategic dialogue", "2025-06-03")]


def test_a_headline_2_2_folds_into_the_officials_round_even_when_the_body_talks_of_the_mechanism():
    text = ("Hàn Quốc và Ai Cập tổ chức đối thoại ngoại giao - quốc phòng \"2+2\" lần thứ hai\n\n"
            "Ngày 2/10, tại Cairo, Hàn Quốc và Ai Cập đã tiến hành vòng thứ hai của cơ chế đối thoại \"2+2\" cấp thứ trưởng "
            "ngoại giao và quốc phòng.\n\n"
            "Cơ chế đối thoại 2+2 giữa Seoul và Cairo được hình thành sau chuyến thăm Ai Cập của Tổng thống Hàn Quốc.")
    assert [(d.mechanism, d.date) for d in dialogues(text, "2022-10-03")] == [("2+2 intersessional", "2022-10-02")]


def test_dialogue_as_an_activity_in_general_is_no_meeting():
    text = ("Quốc phòng thế giới tuần qua\n\nTuần từ 13 đến 19/9 ghi nhận nhiều hoạt động đối thoại quốc phòng song phương "
            "giữa Ấn Độ và Mỹ.\n\nNgày 16/9, tại Hà Nội, Việt Nam và Anh tổ chức Đối thoại chính sách quốc phòng lần thứ 5.")
    assert [(d.parties, d.date) for d in dialogues(text, "2024-09-20")] == [(("GBR", "VNM"), "2024-09-16")]


def test_last_years_consultation_told_bare_is_a_recalled_round():
    text = ("AUSMIN 2025 tại Washington\n\nNgày 8/12, AUSMIN 2025 đã diễn ra tại Washington.\n\n"
            "Tham vấn năm ngoái được tổ chức tại Annapolis hồi tháng 8/2024.")
    assert sorted((d.date, d.location.city) for d in dialogues(text, "2025-12-09")) == [
        ("2024-08", "Annapolis"), ("2025-12-08", "Washington")]


def test_a_round_resumed_by_a_period_the_sentence_opens_with_is_dated_by_it():
    text = ("Mỹ - Indonesia họp 2+2\n\nNgày 30/7, đối thoại 2+2 Mỹ - Indonesia lần thứ tư được tổ chức tại Jakarta.\n\n"
            "Chỉ đến tháng 5/2023, đối thoại mới được nối lại với phiên thứ ba tại Washington.")
    assert sorted(d.date for d in dialogues(text, "2025-07-31")) == ["2023-05", "2025-07-30"]


def test_a_format_the_two_countries_agreed_on_is_no_meeting():
    text = ("Mỹ hoãn đối thoại 2+2 với Ấn Độ\n\nHai nước hoãn cuộc đối thoại 2+2 dự kiến diễn ra ngày 6/7 tại "
            "Washington. Định dạng 2+2 được hai nước thống nhất trong chuyến thăm Mỹ của Thủ tướng Ấn Độ vào tháng "
            "6/2017.")
    assert [d.date for d in dialogues(text, published="2018-06-28")] == ["2018-07-06"]


def test_a_meeting_originally_set_for_a_day_or_moved_was_postponed():
    text = ("Ấn Độ và Mỹ\n\nCuộc đối thoại 2+2 giữa Ấn Độ và Mỹ vốn được ấn định vào ngày 6/7 tại Washington. "
            "Phiên tham vấn 2+2 giữa Nhật Bản và Philippines dự kiến tổ chức ngày 9/7 tại Manila cũng đã phải dời lại.")
    assert [(d.date, d.status) for d in dialogues(text, published="2018-06-28")] == [
        ("2018-07-06", "postponed"), ("2018-07-09", "postponed")]


def test_a_country_in_what_the_meeting_discussed_is_no_party_of_it():
    text = ("Nhật Bản và Philippines\n\nNgày 8/7, Nhật Bản và Philippines ký Hiệp định Tiếp cận đối ứng tại Manila. "
            "Sau lễ ký, bốn bộ trưởng tiến hành cuộc họp 2+2, thảo luận về an ninh hàng hải và việc tăng cường hợp "
            "tác ba bên với Mỹ.")
    assert [d.parties for d in dialogues(text, published="2024-07-09")] == [("JPN", "PHL")]


def test_the_day_after_a_dateline_with_a_dot_dates_the_round_named_by_its_year():
    text = ("Đối thoại Chính sách quốc phòng Việt - Mỹ năm 2019\n\nVOV.VN - Ngày 11/12, tại Washington, Thứ trưởng "
            "Bộ Quốc phòng Việt Nam và Trợ lý Bộ trưởng Quốc phòng Mỹ đồng chủ trì Đối thoại Chính sách quốc phòng "
            "Việt Nam - Hoa Kỳ năm 2019.")
    assert [d.date for d in dialogues(text, published="2019-12-12")] == ["2019-12-11"]


def test_the_extended_deterrence_group_and_the_nuclear_consultative_group_are_other_dialogues():
    text = ("Hàn Quốc và Mỹ\n\nNgày 15-9, Hàn Quốc và Mỹ tổ chức cuộc họp lần thứ 4 của Nhóm Tham vấn và Chiến lược "
            "răn đe mở rộng (EDSCG) tại Seoul. Cuộc họp đầu tiên của NCG đã diễn ra tại Seoul ngày 18-7.")
    assert [(d.mechanism, d.date) for d in dialogues(text, published="2023-09-16")] == [
        ("other dialogue", "2023-09-15"), ("other dialogue", "2023-07-18")]


def test_a_mechanism_that_opens_a_sentence_saying_it_was_founded_is_no_meeting():
    text = ("Hàn Quốc và Mỹ\n\nNgày 10/6, Nhóm Tham vấn hạt nhân (NCG) Hàn Quốc - Mỹ họp lần thứ ba tại Seoul. NCG "
            "được thành lập theo Tuyên bố Washington mà Tổng thống Hàn Quốc và Tổng thống Mỹ đã thông qua trong hội "
            "nghị thượng đỉnh tại thủ đô Washington vào tháng 4/2023.")
    assert [d.date for d in dialogues(text, published="2024-06-11")] == ["2024-06-10"]


def test_the_round_before_told_as_held_is_a_meeting():
    text = ("Nhật Bản và Australia\n\nNgày 5/9, Nhật Bản và Australia tổ chức Đối thoại 2+2 lần thứ 12 tại Tokyo. "
            "Phiên trước diễn ra tại Australia vào tháng 9/2024.")
    assert [d.date for d in dialogues(text, published="2025-09-06")] == ["2025-09-05", "2024-09"]


def test_the_first_ministers_meeting_on_extended_deterrence_is_an_other_dialogue():
    text = ("Mỹ và Nhật Bản\n\nNgày 28/7, Nhật Bản và Mỹ tổ chức đối thoại 2+2 tại Tokyo. Cũng trong ngày 28/7, bốn bộ "
            "trưởng đã tổ chức cuộc họp cấp bộ trưởng đầu tiên về răn đe mở rộng.")
    assert ("other dialogue", "2024-07-28") in [(d.mechanism, d.date) for d in dialogues(text, published="2024-07-29")]


def test_a_quoted_mechanism_said_to_have_been_formed_is_no_meeting():
    text = ("Trung Quốc và Campuchia\n\nNgày 22/4, Campuchia và Trung Quốc tiến hành cuộc họp đầu tiên của Cơ chế đối "
            "thoại chiến lược \"2+2\" tại Phnom Penh. Cơ chế \"2+2\" được hình thành trên cơ sở đề xuất của Chủ tịch "
            "Trung Quốc trong chuyến thăm Campuchia hồi tháng 4/2025.")
    assert [d.date for d in dialogues(text, published="2026-04-23")] == ["2026-04-22"]


def test_the_date_an_agreement_is_named_by_dates_no_round():
    text = ("Ấn Độ và Trung Quốc\n\nNgày 18/12, Ấn Độ và Trung Quốc tổ chức cuộc gặp Đại diện đặc biệt về vấn đề biên "
            "giới tại Bắc Kinh. Trước đó, ngày 5/12, hai nước đã họp Cơ chế làm việc về tham vấn và phối hợp (WMCC) tại "
            "New Delhi, rà soát việc thực thi thỏa thuận tháng 10 và chuẩn bị cho vòng đàm phán của cơ chế Đại diện "
            "đặc biệt.")
    assert "2024-10" not in [d.date for d in dialogues(text, published="2024-12-19")]


@pytest.mark.parametrize("told", [
    "Trước khi dự 2+2, hai bộ trưởng Nhật Bản đã hội kiến Thủ tướng Australia Anthony Albanese hôm 7/11.",
    "Hôm 10/11, bà Wong đón ông Hayashi tại sân bay và sau phiên 2+2, hai người có cuộc gặp song phương.",
])
def test_a_date_told_before_or_after_the_round_is_the_other_events(told):
    text = ("Nhật Bản và Australia họp 2+2\n\nNgày 11/11, tại Canberra, ngoại trưởng và bộ trưởng quốc phòng Nhật Bản "
            "và Australia đã tiến hành Đối thoại 2+2 lần thứ 12.\n\n" + told)
    assert [(d.date, d.status) for d in dialogues(text, "2025-11-12")] == [("2025-11-11", "held")]


def test_a_finer_date_in_a_clause_telling_another_event_is_not_the_rounds():
    text = ("Mỹ và Philippines họp 2+2\n\nVòng đối thoại 2+2 năm 2022 giữa Mỹ và Philippines diễn ra trong không khí "
            "trầm lắng, sau khi một trực thăng quân sự gặp nạn vào tối 7/11.")
    assert [d.date for d in dialogues(text, "2022-11-10")] == ["2022"]


def test_a_numbered_summit_a_mechanism_was_founded_at_is_no_round_of_it():
    text = ("Đối thoại 2+2 Ấn Độ - Australia\n\nNgày 20/11, Ấn Độ và Australia tổ chức Đối thoại 2+2 lần thứ hai tại "
            "New Delhi. Cơ chế 2+2 được hình thành theo quyết định của hai thủ tướng tại Hội nghị thượng đỉnh song phương "
            "lần thứ 2 diễn ra trực tuyến vào tháng 6/2020.")
    assert [(d.date, d.status) for d in dialogues(text, "2023-11-21")] == [("2023-11-20", "held")]


def test_a_date_told_after_another_event_named_after_the_round_is_that_events():
    text = ("Nhật Bản và Philippines họp 2+2\n\nNgày 9/4, Nhật Bản và Philippines tổ chức Đối thoại 2+2 đầu tiên tại Tokyo. "
            "Cuộc đối thoại 2+2 diễn ra chỉ ba tuần trước chuyến thăm Nhật Bản của Tổng thống Philippines, dự kiến tổ "
            "chức vào đầu tháng 5.")
    assert [(d.date, d.status) for d in dialogues(text, "2022-04-10")] == [("2022-04-09", "held")]


def test_a_round_held_beside_a_summit_takes_the_summits_date():
    text = ("Mỹ và Australia họp 2+2\n\nMỹ và Australia đã tổ chức Đối thoại 2+2 bên lề Hội nghị thượng đỉnh ASEAN "
            "ngày 5/9 tại Jakarta.")
    assert [(d.date, d.status) for d in dialogues(text, "2023-09-06")] == [("2023-09-05", "held")]


def test_a_meeting_of_the_leaders_recalled_beside_the_round_is_no_round():
    text = ("Nga và Việt Nam\n\nNgày 3/4, Việt Nam và Nga tổ chức Đối thoại chiến lược quốc phòng lần thứ 8 tại Hà Nội.\n\n"
            "Chuyến thăm của Tổng thống Nga, cuộc gặp trực tiếp đầu tiên giữa hai nhà lãnh đạo kể từ năm 2017, dự "
            "kiến diễn ra vào mùa hè.")
    assert [d.date for d in dialogues(text, "2024-04-04")] == ["2024-04-03"]


def test_the_day_a_joint_statement_came_out_is_not_the_rounds():
    text = ("Canada và Nhật Bản\n\nNgoại trưởng hai nước đã đồng ý tổ chức cuộc họp 2+2 đầu tiên giữa các bộ trưởng "
            "ngoại giao và quốc phòng vào đầu năm 2026.\n\nTrong tuyên bố chung ra ngày 5/3, hai ngoại trưởng Canada và "
            "Nhật Bản nhất trí tổ chức cuộc họp Bộ trưởng Ngoại giao và Quốc phòng (2+2) lần đầu tiên vào đầu năm 2026.")
    assert [(d.date, d.status) for d in dialogues(text, "2025-03-06")] == [("2026", "agreed")]


def test_the_next_round_that_had_been_scheduled_and_was_put_off_is_postponed():
    text = ("Nhật Bản và Canada họp 2+2\n\nNgày 12/6, Nhật Bản và Canada tổ chức Đối thoại 2+2 lần thứ hai tại Ottawa.\n\n"
            "Phiên kế tiếp vốn được lên lịch vào tháng 11-2024, song phải lùi lại vì bầu cử.")
    assert sorted((d.date, d.status) for d in dialogues(text, "2025-06-13")) == [("2024-11", "postponed"),
                                                                                ("2025-06-12", "held")]


@pytest.mark.parametrize("told", [
    "Phiên lần này ban đầu được lên kế hoạch tổ chức vào tháng 11-2024, nhưng đã bị hoãn vì bầu cử.",
    "Hội nghị lần thứ hai ban đầu được lên kế hoạch tổ chức vào tháng 11.2024, song đã bị hoãn vì bầu cử.",
])
def test_a_round_originally_planned_for_an_earlier_date_was_postponed_from_it(told):
    text = ("Nhật Bản và Canada họp 2+2\n\nNgày 12/6, Nhật Bản và Canada tổ chức Đối thoại 2+2 lần thứ hai tại Ottawa.\n\n"
            + told)
    assert sorted((d.date, d.status) for d in dialogues(text, "2025-06-13")) == [("2024-11", "postponed"),
                                                                                ("2025-06-12", "held")]


def test_the_last_round_a_first_round_since_is_counted_from_is_recalled_when_told_as_met_then():
    text = ("Nhật Bản và Pháp họp 2+2\n\nNgày 20/1, Nhật Bản và Pháp tổ chức Đối thoại 2+2 tại Tokyo. Đây là phiên 2+2 đầu "
            "tiên của hai nước kể từ tháng 1/2019, khi cơ chế này họp tại Brest.")
    assert sorted((d.date, d.status, d.location.city) for d in dialogues(text, "2022-01-21")) == [
        ("2019-01", "held", "Brest"), ("2022-01-20", "held", "Tokyo")]


def test_a_first_round_written_thu_nhat_is_recalled_like_thu_hai():
    text = ("Anh và Nhật Bản họp 2+2\n\nNgày 8/11, Anh và Nhật Bản tổ chức Đối thoại 2+2 tại Tokyo. Năm 2023 chứng kiến hai "
            "phiên họp của cơ chế này: phiên thứ nhất ở London ngày 3.2, phiên thứ hai tại Tokyo vào tháng 11.")
    assert ("2023-02-03", "held") in [(d.date, d.status) for d in dialogues(text, "2024-11-09")]


@pytest.mark.parametrize("venue, city, country", [
    ("tại thành phố Bằng Tường, khu tự trị dân tộc Choang Quảng Tây (Trung Quốc),", "Bằng Tường", "CHN"),
    ("tại thành phố Bonn, miền Tây nước Đức,", "Bonn", "DEU"),
])
def test_a_town_placed_in_its_country_past_a_region_is_in_that_country(venue, city, country):
    text = (f"Đối thoại quốc phòng\n\nNgày 14/5, {venue} Việt Nam và {'Trung Quốc' if country == 'CHN' else 'Đức'} "
            "đã tổ chức Đối thoại chính sách quốc phòng lần thứ 5.")
    (dialogue,) = dialogues(text, "2024-05-15")
    assert (dialogue.location.city, dialogue.location.country) == (city, country)


def test_a_partner_named_as_an_ally_after_with_is_the_partner():
    text = ("Ấn Độ và Nhật Bản họp 2+2\n\nNgày 24/5, Ấn Độ và Nhật Bản tổ chức Đối thoại 2+2 lần thứ tư tại Tokyo.\n\n"
            "Cuộc họp Ấn Độ - Nhật Bản diễn ra một tuần sau khi Tokyo tổ chức đối thoại 2+2 với đồng minh Mỹ hôm 17-5, "
            "cũng tại Tokyo.")
    assert sorted((d.parties, d.date) for d in dialogues(text, "2025-05-25")) == [
        (("IND", "JPN"), "2025-05-24"), (("JPN", "USA"), "2025-05-17")]


def test_a_country_only_venue_takes_the_city_another_mention_names_there():
    text = ("Australia và Indonesia ký hiệp định\n\n"
            "Hiệp định được ký ngày 20/8, ngay trong dịp các bộ trưởng Australia sang Indonesia dự Đối thoại 2+2 lần thứ "
            "tám giữa hai nước.\n\n"
            "Ngày 20/8, tại thủ đô Jakarta, các bộ trưởng ngoại giao và quốc phòng Australia và Indonesia đã tiến hành "
            "Đối thoại 2+2.")
    (dialogue,) = dialogues(text, "2025-08-21")
    assert (dialogue.location.city, dialogue.location.country) == ("Jakarta", "IDN")


def test_another_event_held_online_does_not_take_the_meetings_place():
    text = ("Ấn Độ và Australia họp 2+2\n\nNgày 11/9, tại thủ đô New Delhi, Ấn Độ và Australia đã tiến hành Đối thoại 2+2 "
            "lần đầu tiên.\n\nCơ chế 2+2 là kết quả của Hội nghị thượng đỉnh trực tuyến ngày 4/6/2020 giữa lãnh đạo hai "
            "nước.")
    (dialogue,) = dialogues(text, "2021-09-12")
    assert (dialogue.location.city, dialogue.location.country) == ("New Delhi", "IND")



@pytest.mark.parametrize("lead", ["Theo kế hoạch, hai bộ trưởng", "Rời Ấn Độ, hai bộ trưởng"])
def test_the_country_left_and_the_city_travelled_to_are_no_host_of_the_next_meeting(lead):
    text = ("Ấn Độ và Australia họp 2+2\n\nNgày 10/6, Ấn Độ và Australia tổ chức Đối thoại 2+2 tại New Delhi.\n\n"
            "New Delhi là chặng đầu trong chuyến công du của Ngoại trưởng Australia Penny Wong và Bộ trưởng Quốc phòng "
            "Australia Richard Marles. "
            f"{lead} sẽ tới Tokyo để dự cuộc họp 2+2 với Nhật Bản vào ngày 13/6, trước khi sang Washington tham dự cuộc "
            "tham vấn Australia - Mỹ.")
    found = [(d.parties, d.date) for d in dialogues(text, "2025-06-11")]
    assert (("AUS", "JPN"), "2025-06-13") in found and (("AUS", "USA"), "2025-06-13") not in found


def test_the_meeting_placed_by_the_next_sentence_is_the_one_named_not_the_round_it_recalls():
    text = ("Pháp và Nhật Bản họp 2+2\n\nParis (TTXVN 6/5) - Ngoại trưởng và Bộ trưởng Quốc phòng Pháp và Nhật Bản ngày 5/5 "
            "đã tiến hành cuộc họp theo hình thức \"2+2\" lần thứ bảy, phiên đầu tiên kể từ tháng 1/2022.\n\n"
            "Theo phóng viên TTXVN tại Paris, cuộc họp diễn ra tại thành phố Bordeaux, miền tây nước Pháp.")
    placed = {d.date: d.location for d in dialogues(text, "2025-05-06")}
    assert (placed["2025-05-05"].city, placed["2025-05-05"].country) == ("Bordeaux", "FRA")
    assert placed.get("2022-01") is None or placed["2022-01"].city is None


def test_a_mechanism_launched_on_a_day_at_a_place_met_there():
    text = ("Hàn Quốc và Séc lập cơ chế đối thoại\n\nHàn Quốc và Séc ngày 12/3 đã khởi động cơ chế Đối thoại chiến lược an "
            "ninh tại Praha, trong bối cảnh hợp tác quốc phòng giữa hai nước mở rộng.")
    (dialogue,) = dialogues(text, "2025-03-13")
    assert (dialogue.date, dialogue.status, dialogue.location.city) == ("2025-03-12", "held", "Praha")


def test_ministers_who_met_under_the_mechanism_on_a_day_held_its_round():
    text = ("Nhật Bản và Italy họp 2+2\n\nNgày 4/6, Ngoại trưởng và Bộ trưởng Quốc phòng Nhật Bản và Italy đã nhóm họp theo "
            "cơ chế đối thoại 2+2 lần thứ hai tại thành phố Napoli, với trọng tâm là hợp tác công nghiệp quốc phòng.")
    (dialogue,) = dialogues(text, "2025-06-05")
    assert (dialogue.date, dialogue.status, dialogue.location.city) == ("2025-06-04", "held", "Napoli")


def test_countries_travelled_on_to_after_the_meeting_are_not_its_parties():
    text = ("Mỹ và Ấn Độ họp 2+2\n\nNgày 10/11, Mỹ và Ấn Độ tổ chức Đối thoại 2+2 lần thứ năm tại New Delhi.\n\n"
            "Ông Austin sẽ hội đàm riêng với ông Singh sau phiên 2+2, trước khi lên đường sang Hàn Quốc và Indonesia.")
    assert [d.parties for d in dialogues(text, "2023-11-11")] == [("IND", "USA")]


def test_a_capital_that_holds_the_meeting_is_its_venue_unless_paired_with_another():
    text = ("Ấn Độ và Australia họp 2+2\n\nNgày 20/11, Ấn Độ và Australia tổ chức Đối thoại 2+2 lần thứ hai.\n\n"
            "Phiên đối thoại diễn ra chỉ 10 ngày sau khi New Delhi tổ chức Đối thoại 2+2 thường niên với Mỹ, hôm 10/11.\n\n"
            "Tokyo và Bắc Kinh đã tổ chức tham vấn an ninh hàng hải hồi tháng 5/2012 tại Trung Quốc.")
    with_us = next(d for d in dialogues(text, "2023-11-21") if d.parties == ("IND", "USA"))
    assert (with_us.location.city, with_us.location.country) == ("New Delhi", "IND")


@pytest.mark.parametrize("replaced", ["nhằm thay thế cơ chế Đối thoại chiến lược trước đây",
                                      "để thay cho Đối thoại chiến lược và thương mại trước đây"])
def test_a_mechanism_another_replaced_is_no_meeting(replaced):
    text = ("Mỹ và Ấn Độ họp 2+2\n\nNgày 18/12, Mỹ và Ấn Độ tổ chức Đối thoại 2+2 lần thứ hai tại Washington.\n\n"
            f"Cơ chế 2+2 được lãnh đạo hai nước nhất trí thiết lập năm 2017 {replaced}.")
    assert [(d.mechanism, d.date) for d in dialogues(text, "2019-12-19")] == [("2+2", "2019-12-18")]


def test_the_scene_of_a_war_or_crisis_is_no_venue():
    text = ("Nhật Bản và Italy họp 2+2\n\nNgày 3/11, Bộ trưởng Ngoại giao và Bộ trưởng Quốc phòng Nhật Bản và Italy đã tiến "
            "hành cuộc họp theo định dạng 2+2 lần thứ hai, trong bối cảnh cuộc xung đột ở Ukraine tiếp tục leo thang.")
    (dialogue,) = dialogues(text, "2022-11-04")
    assert dialogue.location.country != "UKR"


def test_a_building_named_after_a_city_is_placed_by_the_city_told_after_it():
    text = ("Ấn Độ và Italy họp 2+2\n\nHôm 12/3, hai bộ trưởng Ấn Độ tiếp hai bộ trưởng Italy tại Hyderabad House, thủ đô "
            "New Delhi, trong khuôn khổ Đối thoại 2+2 lần thứ nhất giữa Ấn Độ và Italy.")
    (dialogue,) = dialogues(text, "2025-03-13")
    assert (dialogue.location.city, dialogue.location.country) == ("New Delhi", "IND")


def test_the_meeting_a_mechanism_was_founded_after_is_not_one_of_its_rounds():
    text = ("Hàn Quốc và Philippines đối thoại quốc phòng\n\nNgày 19/3, Hàn Quốc và Philippines tổ chức Đối thoại chính sách "
            "quốc phòng lần thứ hai tại Seoul.\n\nĐối thoại chính sách quốc phòng Hàn Quốc - Philippines là cơ chế tham vấn "
            "định kỳ giữa hai bộ quốc phòng, được hình thành sau cuộc gặp giữa Bộ trưởng Quốc phòng hai nước hồi tháng "
            "10/2023 tại Manila.")
    assert [d.date for d in dialogues(text, "2025-03-20")] == ["2025-03-19"]


def test_the_meeting_a_joint_statement_followed_takes_no_date_from_what_the_statement_says():
    text = ("Mỹ và Nhật Bản họp 2+2\n\nNgày 11/1, Mỹ và Nhật Bản tổ chức Đối thoại 2+2 tại Washington.\n\n"
            "Tuyên bố chung sau cuộc họp cho biết hai bên nhất trí chuyển đổi một trung đoàn thủy quân lục chiến đóng tại "
            "Okinawa vào năm 2025.")
    assert [(d.date, d.status) for d in dialogues(text, "2023-01-12")] == [("2023-01-11", "held")]


def test_a_sentence_saying_what_the_meeting_before_was_takes_its_day():
    text = ("Mỹ và Nga đối thoại\n\nPhái đoàn Mỹ và Nga ngày 12/3 đã có cuộc gặp kéo dài 6 giờ tại Vienna (Áo).\n\n"
            "Cuộc gặp được tổ chức dưới dạng một phiên bất thường của Đối thoại Ổn định chiến lược Mỹ - Nga.\n\n"
            "Trước đó, hai bên đã tổ chức hai phiên đối thoại ổn định chiến lược tại Geneva vào ngày 28/7/2021 và 30/9/2021.")
    assert "2024-03-12" in [d.date for d in dialogues(text, "2024-03-13")]


def test_a_round_of_security_consultations_is_a_security_dialogue():
    text = ("Nga và Iran tham vấn an ninh\n\nNgày 9/11, thư ký hội đồng an ninh hai nước đã đồng chủ trì vòng tham vấn an ninh "
            "Nga - Iran tại thủ đô Tehran.\n\nHai bên cũng tổ chức tham vấn an ninh hàng hải và tham vấn an ninh quân sự.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2022-11-10")] == [
        ("security dialogue", ("IRN", "RUS"), "2022-11-09")]


def test_a_special_session_of_the_mechanism_is_a_round_of_it():
    text = ("Nga - Mỹ đàm phán\n\nThứ trưởng Ngoại giao hai nước hôm 12/3 dẫn đầu hai phái đoàn tham dự phiên họp đặc biệt "
            "của cơ chế Đối thoại Ổn định Chiến lược Mỹ - Nga, diễn ra tại thành phố Geneva, Thụy Sĩ.")
    assert [(d.date, d.status) for d in dialogues(text, "2024-03-13")] == [("2024-03-12", "held")]


def test_a_mechanism_launched_at_a_place_and_time_told_past_a_comma_met_then():
    text = ("Ấn Độ và Nhật Bản họp 2+2\n\nNgày 20/8, Ấn Độ và Nhật Bản tổ chức Đối thoại 2+2 lần thứ ba tại New Delhi.\n\n"
            "Đối thoại 2+2 là cơ chế tham vấn cấp bộ trưởng giữa Ấn Độ và Nhật Bản, được khởi động tại New Delhi vào "
            "tháng 11/2019.")
    assert sorted((d.date, d.status) for d in dialogues(text, "2024-08-21")) == [("2019-11", "held"),
                                                                                ("2024-08-20", "held")]


def test_a_capital_that_receives_the_visitors_for_a_meeting_is_its_venue():
    text = ("Nhật Bản và Đức họp 2+2\n\nNgày 13/4, Nhật Bản và Đức tổ chức Đối thoại 2+2 đầu tiên.\n\n"
            "Cuộc họp diễn ra hai tuần sau khi Tokyo tiếp Ngoại trưởng và Bộ trưởng Quốc phòng Indonesia trong phiên 2+2 "
            "thứ hai giữa hai nước hôm 30/3.")
    with_indonesia = next(d for d in dialogues(text, "2021-04-14") if d.parties == ("IDN", "JPN"))
    assert (with_indonesia.location.city, with_indonesia.location.country) == ("Tokyo", "JPN")


def test_a_summit_of_the_two_parties_told_beside_the_round_is_no_round():
    text = ("Đối thoại Chính sách Quốc phòng Việt Nam - Campuchia lần thứ 7\n\nSáng 12/4, tại Tây Ninh, Bộ Quốc phòng hai "
            "nước tổ chức Đối thoại Chính sách Quốc phòng lần thứ 7.\n\nPhiên đối thoại năm nay diễn ra sau cuộc gặp cấp cao "
            "giữa hai Đảng hồi tháng 1, theo Thứ trưởng Hoàng Xuân Chiến.")
    assert [d.date for d in dialogues(text, "2025-04-12")] == ["2025-04-12"]


def test_a_meeting_that_names_only_its_host_meets_the_country_all_the_articles_meetings_have():
    text = ("Bà Wong và một mùa đối thoại 2+2\n\nBà Penny Wong kết thúc nhiệm kỳ Ngoại trưởng Australia với nhiều cuộc họp "
            "2+2.\n\nTrong nhiệm kỳ, bà cùng Bộ trưởng Quốc phòng Richard Marles tham gia ba cuộc họp 2+2 chỉ trong khoảng "
            "hai tháng. Ngày 29/7, hai bộ trưởng tới Tokyo họp 2+2 với Ngoại trưởng Nhật Bản Kamikawa Yoko và Bộ trưởng Quốc "
            "phòng Kihara Minoru.\n\nChưa đầy một tuần sau, ngày 6/8, Annapolis là nơi diễn ra cuộc họp 2+2 Australia - Mỹ."
            "\n\nCuộc họp 2+2 Australia - Ấn Độ gần nhất diễn ra tại New Delhi tháng 11/2023.")
    found = {(d.parties, d.date) for d in dialogues(text, "2024-09-30")}
    assert (("AUS", "JPN"), "2024-07-29") in found


def test_a_minister_named_by_surname_has_the_country_the_article_gives_them():
    text = ("Nhật Bản và Mỹ họp 2+2\n\nNgoại trưởng Nhật Bản Kamikawa Yoko dự họp 2+2 với Mỹ tại Tokyo ngày 28/7. Hai "
            "bên bàn về răn đe mở rộng.\n\nNgày 20/8, bà Kamikawa họp 2+2 với Ngoại trưởng Ấn Độ Subrahmanyam Jaishankar, lần đầu tiên kể từ tháng 9/2022.")
    found = {(d.parties, d.date) for d in dialogues(text, "2024-09-30")}
    assert (("IND", "JPN"), "2024-08-20") in found


def test_the_strategic_security_policy_dialogue_of_two_defence_ministries_is_a_defence_policy_dialogue():
    text = ("Singapore và Mỹ đối thoại\n\nNgày 20/9, Singapore và Mỹ tổ chức Đối thoại chính sách an ninh chiến lược lần thứ "
            "12 tại Singapore.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2022-09-21")] == [
        ("defence policy dialogue", ("SGP", "USA"), "2022-09-20")]


def test_the_city_that_is_the_scene_of_a_meeting_is_its_venue():
    text = ("Mỹ và Nhật Bản họp 2+2\n\nNgày 28/7, Tokyo là nơi diễn ra cuộc họp 2+2 Nhật Bản - Mỹ.")
    assert [(d.date, d.location.city) for d in dialogues(text, "2024-07-29")] == [("2024-07-28", "Tokyo")]


def test_a_city_state_paired_after_the_mechanism_is_a_party_not_the_name_of_a_forum():
    text = ("Tin quốc phòng\n\nĐối thoại chính sách quốc phòng Singapore - Mỹ lần thứ 12 diễn ra tại Washington ngày 20/9. "
            "Đối thoại an ninh Seoul 2023 khai mạc ngày 5/9.")
    assert [(d.parties, d.date) for d in dialogues(text, "2022-09-21")] == [(("SGP", "USA"), "2022-09-20")]


def test_talks_told_in_a_sentence_that_opens_on_the_round_before_them_are_no_round():
    text = ("Trung Quốc và Indonesia họp 2+2\n\nNgày 21/4, Trung Quốc và Indonesia tổ chức cuộc họp 2+2 đầu tiên tại Bắc "
            "Kinh.\n\nTrước cuộc họp 2+2, hai bộ trưởng quốc phòng đã có cuộc hội đàm tại Jakarta hồi tháng 1.")
    assert [d.date for d in dialogues(text, "2025-04-22")] == ["2025-04-21"]



def test_a_joint_dialogue_of_foreign_and_defence_ministers_is_a_2_plus_2():
    text = ("Điểm tin quốc phòng\n\nNgày 21/4, tại Bắc Kinh, hai bên đồng chủ trì cuộc họp cấp bộ trưởng đầu tiên của cơ "
            "chế Đối thoại chung Bộ trưởng Ngoại giao và Quốc phòng Trung Quốc - Indonesia.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2025-04-28")] == [("2+2", ("CHN", "IDN"), "2025-04-21")]


def test_a_round_whose_results_are_praised_and_that_took_place_the_same_day_is_held_that_day():
    text = ("Thủ tướng hai nước hội đàm\n\nNgày 11/3, tại Canberra, Thủ tướng Việt Nam hội đàm với Thủ tướng Australia.\n\n"
            "Hai nhà lãnh đạo hoan nghênh kết quả Đối thoại chính sách quốc phòng Việt Nam - Australia lần thứ 6 diễn ra "
            "cùng ngày tại Canberra, do hai Thứ trưởng đồng chủ trì.\n\nLần thứ 5 của đối thoại được tổ chức trực tuyến "
            "ngày 2/12/2020.")
    found = {(d.date, d.status) for d in dialogues(text, "2024-03-12")}
    assert ("2024-03-11", "held") in found


def test_a_chinese_minister_titled_member_of_the_politburo_and_named_vuong_meets_in_a_dialogue_not_a_leaders_meeting():
    text = ("Trung Quốc và Malaysia lần đầu họp 2+2\n\nCuộc họp 2+2 đầu tiên giữa Trung Quốc và Malaysia đã diễn ra tại "
            "Bắc Kinh.\n\nTheo phóng viên TTXVN tại Bắc Kinh, ngày 9/6, Ủy viên Bộ Chính trị, Bộ trưởng Ngoại giao Trung "
            "Quốc Vương Nghị và Bộ trưởng Quốc phòng Đổng Quân đã chủ trì cuộc họp cùng hai bộ trưởng Malaysia.")
    assert [(d.parties, d.date) for d in dialogues(text, "2025-06-10")] == [(("CHN", "MYS"), "2025-06-09")]


def test_one_ministers_meeting_with_another_official_beside_a_conference_is_no_round_of_the_mechanism():
    text = ("Nhật Bản và Trung Quốc nối lại đối thoại an ninh\n\nNgày 22/2, Nhật Bản và Trung Quốc tổ chức Đối thoại an ninh "
            "lần thứ 17 tại Tokyo.\n\nViệc nối lại cơ chế này được Ngoại trưởng Nhật Bản thông báo sau cuộc gặp với Chủ "
            "nhiệm Văn phòng Ủy ban Công tác Đối ngoại Trung ương Trung Quốc bên lề một hội nghị ở Munich hôm 18/2.")
    assert [d.date for d in dialogues(text, "2023-02-23")] == ["2023-02-22"]


def test_one_ministers_talks_with_another_official_told_as_a_noun_are_no_round_of_the_mechanism():
    text = ("Ấn Độ và Mỹ họp 2+2\n\nNgày 10/11, Ấn Độ và Mỹ tổ chức Đối thoại 2+2 lần thứ năm tại New Delhi.\n\n"
            "Ngày 20/6, hai bộ trưởng Ấn Độ đã có cuộc hội đàm với Ngoại trưởng Mỹ tại Washington.")
    assert [d.date for d in dialogues(text, "2023-11-11")] == ["2023-11-10"]


def test_countries_in_what_a_round_discussed_are_not_its_parties():
    text = ("Nga và Nhật Bản họp 2+2\n\nNgày 20/3, Nga và Nhật Bản tổ chức cuộc họp 2+2 tại Tokyo.\n\nTại phiên tham vấn "
            "2+2, các bên đã trao đổi ý kiến về an ninh khu vực, cũng như tình hình Syria và Ukraine.")
    assert [d.parties for d in dialogues(text, "2017-03-21")] == [("JPN", "RUS")]


def test_a_new_date_the_two_sides_set_after_a_postponement_is_a_meeting_of_its_own():
    text = ("Ấn Độ và Mỹ chốt lịch đối thoại 2+2\n\nẤn Độ và Mỹ sẽ tổ chức Đối thoại 2+2 đầu tiên tại New Delhi ngày 6/9."
            "\n\nBan đầu, cuộc đối thoại dự kiến diễn ra tại Washington vào tháng 4 năm nay, nhưng bị hoãn.\n\nHai bên sau "
            "đó ấn định ngày 6/7, cũng tại thủ đô nước Mỹ.\n\nSong cuối tháng 6, phía Mỹ phải hoãn cuộc gặp.")
    assert "2018-07-06" in [d.date for d in dialogues(text, "2018-08-30")]


def test_a_numbered_round_of_another_mechanism_named_after_the_2_plus_2_is_no_earlier_2_plus_2():
    text = ("Hàn Quốc và Australia họp 2+2\n\nNgày 1/5, Hàn Quốc và Australia tổ chức cuộc họp 2+2 lần thứ sáu tại "
            "Melbourne.\n\nTrước cuộc họp 2+2, hai nước đã tổ chức đối thoại chiến lược lần thứ 8 ở cấp quan chức cao cấp "
            "tại Seoul vào ngày 16.4, nhằm chuẩn bị nội dung cho các bộ trưởng.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text, "2024-05-02")) == [
        ("2+2", "2024-05-01"), ("strategic dialogue", "2024-04-16")]


def test_hosting_another_countrys_foreign_and_defence_ministers_is_a_round_of_the_articles_mechanism():
    text = ("Nhật Bản và Australia sắp họp 2+2\n\nNhật Bản sẽ tiếp đón ngoại trưởng và bộ trưởng quốc phòng Australia tại "
            "Tokyo ngày 5-9.\n\nĐây sẽ là cuộc họp 2+2 đầu tiên kể từ tháng 9-2024, khi hai bên gặp nhau tại Queenscliff.")
    found = {(d.date, d.location.city) for d in dialogues(text, "2025-08-29")}
    assert ("2025-09-05", "Tokyo") in found


def test_a_defence_consultation_beside_a_defence_policy_dialogue_is_another_mechanism():
    text = ("Việt Nam và Canada đối thoại quốc phòng\n\nNgày 20/9, tại Ottawa, Đối thoại chính sách quốc phòng Việt Nam - "
            "Canada lần thứ hai đã diễn ra.\n\nĐể chuẩn bị cho đối thoại lần này, ngày 27/7, Tham vấn quốc phòng Việt Nam "
            "- Canada đã diễn ra theo hình thức trực tuyến.")
    assert sorted((d.mechanism, d.date) for d in dialogues(text, "2023-09-21")) == [
        ("defence policy dialogue", "2023-09-20"), ("other dialogue", "2023-07-27")]


def test_a_defence_consultation_alone_is_the_defence_ministries_dialogue():
    text = ("Việt Nam và Canada tham vấn quốc phòng\n\nNgày 27/7, Tham vấn quốc phòng Việt Nam - Canada đã diễn ra theo "
            "hình thức trực tuyến.")
    assert [(d.mechanism, d.date) for d in dialogues(text, "2023-07-28")] == [("defence policy dialogue", "2023-07-27")]


def test_a_joint_or_high_defence_committee_is_the_defence_ministries_dialogue():
    text = ("Ấn Độ và Đức họp ủy ban quốc phòng\n\nNgày 18/11, hai thứ trưởng quốc phòng đồng chủ trì cuộc họp Ủy ban Quốc "
            "phòng cấp cao (HDC) Ấn Độ - Đức tại New Delhi.")
    assert [(d.mechanism, d.parties, d.date) for d in dialogues(text, "2025-11-19")] == [
        ("defence policy dialogue", ("DEU", "IND"), "2025-11-18")]


def test_a_host_meeting_each_partner_on_its_own_day_holds_one_round_with_each():
    text = ("Nhật Bản và Australia họp 2+2\n\nNgày 5/9, Nhật Bản và Australia họp 2+2 tại Queenscliff.\n\nTrong hơn một "
            "tháng, Nhật Bản đã tổ chức các cuộc đối thoại 2+2 với các đối tác chủ chốt: với Mỹ tại Tokyo ngày 28/7 và "
            "với Ấn Độ tại New Delhi ngày 20/8.")
    found = {(d.parties, d.date, d.location.city) for d in dialogues(text, "2024-09-06")}
    assert {(("JPN", "USA"), "2024-07-28", "Tokyo"), (("IND", "JPN"), "2024-08-20", "New Delhi")} <= found


def test_the_last_rounds_venue_told_as_where_the_two_sides_met():
    text = ("Nhật Bản và Australia sắp họp 2+2\n\nNgày 5/9, Nhật Bản và Australia họp 2+2 tại Tokyo.\n\nĐây là cuộc họp "
            "2+2 đầu tiên giữa hai nước kể từ tháng 9-2024, khi hai bên gặp nhau tại Queenscliff.")
    found = {(d.date, d.location.city) for d in dialogues(text, "2025-09-06")}
    assert ("2024-09", "Queenscliff") in found


def test_a_vietnamese_city_that_hosts_a_round_is_its_venue():
    text = ("Việt Nam và Nhật Bản đối thoại quốc phòng\n\nNgày 30/8, tại Nha Trang, Việt Nam và Nhật Bản tổ chức Đối thoại "
            "chính sách quốc phòng lần thứ 5.")
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2017-08-31")] == [("Nha Trang", "VNM")]


def test_a_round_with_a_partner_in_a_clause_after_another_meeting_is_the_travellers_not_the_other_meetings():
    text = ("Australia và Indonesia họp 2+2\n\nNgày 9/9, Australia và Indonesia họp 2+2 tại Jakarta.\n\nSau Jakarta, hai "
            "bộ trưởng sẽ tới New Delhi dự Đối thoại 2+2 Australia - Ấn Độ vào ngày 11/9, rồi tới Seoul dự Đối thoại 2+2 "
            "với Hàn Quốc ngày 13/9.")
    assert {(d.parties, d.date) for d in dialogues(text, "2021-09-09")} >= {(("AUS", "KOR"), "2021-09-13")}


def test_a_numbered_round_in_quotes_between_the_two_countries_is_the_pair_told_before():
    text = ("Mỹ họp 2+2 ở châu Á\n\nNgày 28-7, hai ông dự Đối thoại \"2+2\" Nhật Bản - Mỹ tại Tokyo.\n\nHai ngày sau, 30-7, "
            "hai ông có mặt tại Manila để dự Đối thoại \"2+2\" Philippines - Mỹ lần thứ tư.\n\nTại đây, phía Mỹ công bố "
            "khoản tài trợ quân sự.\n\nPhiên \"2+2\" thứ ba giữa hai nước được tổ chức tại Washington ngày 11-4-2023.")
    assert (("PHL", "USA"), "2023-04-11") in {(d.parties, d.date) for d in dialogues(text, "2024-07-31")}


def test_the_only_undated_meeting_takes_the_day_of_the_caption_that_places_it_in_a_partys_country():
    text = ("Mỹ và Nhật Bản ra tuyên bố chung\n\nNgoại trưởng Mỹ Antony Blinken và Bộ trưởng Quốc phòng Lloyd Austin ở Nhà "
            "khách Iikura tại Tokyo ngày 16/3. Ảnh: CNN\n\nNgoại trưởng Mỹ và Bộ trưởng Quốc phòng Mỹ đang có chuyến công du "
            "đầu tiên dưới thời chính quyền mới.\n\nHai ông đã đến Nhật Bản để tổ chức cuộc gặp 2+2 với Ngoại trưởng và Bộ "
            "trưởng Quốc phòng của nước chủ nhà.")
    (meeting,) = dialogues(text, "2021-03-17")
    assert (meeting.date, meeting.location.city) == ("2021-03-16", "Tokyo")
    assert 1 in meeting.evidence  # the caption it was dated by


def test_a_capital_written_in_the_old_transliteration_is_a_venue():
    text = ("Việt Nam và Indonesia đối thoại quốc phòng\n\nNgày 18/9, tại Gia-các-ta, Việt Nam và Indonesia tổ chức Đối "
            "thoại chính sách quốc phòng lần thứ 4.")
    assert [(d.location.city, d.location.country) for d in dialogues(text, "2025-09-19")] == [("Gia-các-ta", "IDN")]
