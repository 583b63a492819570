"""People named with a title: name, title as written, country."""

from newsfacts.pipeline import parse_text


def people(text: str):
    return {p.name: (p.role, p.country) for p in parse_text(text, published="2024-01-01").people}


def test_title_country_name():
    found = people("Tin\n\nTổng thống Nga Vladimir Putin tiếp Thủ tướng Ấn Độ Narendra Modi.")
    assert found == {"Vladimir Putin": ("Tổng thống", "RUS"), "Narendra Modi": ("Thủ tướng", "IND")}


def test_country_after_a_coordinated_group():
    found = people("Tin\n\nNgoại trưởng Antony Blinken và Bộ trưởng Quốc phòng Lloyd Austin của Mỹ đã tới Tokyo.")
    assert found == {"Antony Blinken": ("Ngoại trưởng", "USA"), "Lloyd Austin": ("Bộ trưởng Quốc phòng", "USA")}


def test_a_later_surname_is_the_same_person():
    text = ("Hợp tác quốc phòng Ấn Độ - Mỹ\n\nThứ trưởng Quốc phòng Ấn Độ Giridhar Aramane phát biểu.\n\n"
            "Thứ trưởng Aramane cho biết hai bên đang đàm phán.")
    article = parse_text(text, published="2024-01-01")
    (person,) = article.people
    assert (person.name, person.role, person.country) == ("Giridhar Aramane", "Thứ trưởng Quốc phòng", "IND")
    assert [article.sentences[i].text[:10] for i in person.evidence] == ["Thứ trưởng", "Thứ trưởng"]


def test_a_post_after_the_name_beats_a_military_rank():
    found = people("Tin\n\nĐại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng Việt Nam, đã tiếp đoàn.")
    assert found == {"Phan Văn Giang": ("Bộ trưởng Bộ Quốc phòng", "VNM")}


def test_side_phrases_give_the_country():
    found = people("Tin\n\nPhía Mỹ có Ngoại trưởng Mike Pompeo và Bộ trưởng Quốc phòng James Mattis.")
    assert found == {"Mike Pompeo": ("Ngoại trưởng", "USA"), "James Mattis": ("Bộ trưởng Quốc phòng", "USA")}


def test_a_joint_post_is_kept_whole_and_shares_the_groups_country():
    found = people("Tin\n\nBộ trưởng Ngoại giao Penny Wong và Phó Thủ tướng kiêm Bộ trưởng Quốc phòng Richard Marles "
                   "của Australia đã tới Seoul.")
    assert found == {"Penny Wong": ("Bộ trưởng Ngoại giao", "AUS"),
                     "Richard Marles": ("Phó Thủ tướng kiêm Bộ trưởng Quốc phòng", "AUS")}


def test_a_remit_after_the_title_stays_in_the_role():
    found = people("Tin\n\nThứ trưởng Quốc phòng phụ trách quốc tế Nhật Bản Oka Masami tiếp đoàn.")
    assert found == {"Oka Masami": ("Thứ trưởng Quốc phòng phụ trách quốc tế", "JPN")}


def test_places_a_remit_names_stay_in_the_role_and_out_of_the_name():
    found = people(
        "Tin\n\nPhái đoàn Mỹ do Trợ lý Ngoại trưởng phụ trách các vấn đề Nam Á và Trung Á Donald Lu và Phó Trợ lý "
        "Bộ trưởng Quốc phòng phụ trách các vấn đề an ninh Ấn Độ Dương-Thái Bình Dương Jedidiah Royal dẫn đầu. "
        "Phía Ấn Độ có Trợ lý Ngoại trưởng phụ trách các vấn đề châu Mỹ Nagaraj Naidu.")
    assert found == {
        "Donald Lu": ("Trợ lý Ngoại trưởng phụ trách các vấn đề Nam Á và Trung Á", "USA"),
        "Jedidiah Royal": ("Phó Trợ lý Bộ trưởng Quốc phòng phụ trách các vấn đề an ninh Ấn Độ Dương-Thái Bình Dương",
                           "USA"),
        "Nagaraj Naidu": ("Trợ lý Ngoại trưởng phụ trách các vấn đề châu Mỹ", "IND"),
    }


def test_titles_are_found_whatever_their_case_and_wherever_lowercasing_shifts_offsets():
    assert people("Tin\n\nBỘ TRƯỞNG QUỐC PHÒNG Mỹ Lloyd Austin đã tới Hà Nội.") == {
        "Lloyd Austin": ("BỘ TRƯỞNG QUỐC PHÒNG", "USA")}
    # "İ" lowercases to two characters, so this sentence is scanned in its original case.
    assert people("Tin\n\nÔng İlker nói rằng Ngoại trưởng Mevlüt Çavuşoğlu của Thổ Nhĩ Kỳ đã tới Hà Nội.") == {
        "Mevlüt Çavuşoğlu": ("Ngoại trưởng", "TUR")}


def test_each_side_names_its_own_people():
    text = "Họp\n\nPhía Hàn Quốc có Ngoại trưởng Chung Eui-yong; phía Úc có Ngoại trưởng Marise Payne."
    countries = {p.name: p.country for p in parse_text(text, published="2021-09-14").people}
    assert countries == {"Chung Eui-yong": "KOR", "Marise Payne": "AUS"}


def test_a_surname_two_full_names_share_goes_to_the_first_named_whatever_the_hash_seed():
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path
    script = (
        "import json; from newsfacts.pipeline import parse_text; "
        "a = parse_text('Nga - Ấn Độ\\n\\nThư ký Hội đồng An ninh Nga Sergei Shoigu đã tiếp ông Ajit Doval. "
        "Ông Sergey Shoigu cho biết hai bên nhất trí. Ông Shoigu nói thêm.', published='2025-05-27'); "
        "print(json.dumps([(p.name, list(p.evidence)) for p in a.people]))"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        outputs.add(subprocess.run([sys.executable, "-c", script], env=env, cwd=root, capture_output=True,
                                   text=True, check=True).stdout)
    assert len(outputs) == 1
    people = dict(json.loads(outputs.pop()))
    assert people["Sergei Shoigu"] == [1, 3]
