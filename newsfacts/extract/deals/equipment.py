"""The systems a sentence names: equipment phrases, their category and model, their count, and lists of systems."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from newsfacts.extract.companies import company_country
from newsfacts.extract.prefilter import prefiltered
from newsfacts.extract.deals.vocabulary import _patterns, _weapons


_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "một": 1}


_QUANTITY = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d{1,6}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:(?:chiếc|tổ hợp|hệ thống|bộ|khẩu đội|khẩu|đơn vị|tàu|xe|quả|hỏa lực|tiểu đoàn|trung đoàn|sư đoàn|bệ phóng|dàn phóng)\s+)?$")


_HEDGED = prefiltered(r"(?:hơn|khoảng|gần|trên|ước tính|xấp xỉ)\s+$")


_COUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d{1,6})\s+(?:chiếc|khẩu|tổ hợp|hệ thống|bộ|quả|xe|tàu)(?!\w)")


_STOP_WORDS = frozenset(
    "do từ của để với trị bất nhằm theo tới sang vào trong và cũng đang đã sẽ được là mà thuộc nhưng hoặc tại ở "
    "khi sau trước bao gồm cho thay nên vì nếu như này đó kể nhận mua bán ký cung đặt giao chuyển sản nhập xuất "
    "đóng dự lớn đầu hiện còn thứ trên hơn khoảng gần hôm có bắt nào gọi nằm vẫn bị thì diễn cùng kèm nói giữa "
    "hồi chưa dành vấp trở mỗi".split())


_STOP_PAIRS = frozenset({"có thể", "trị giá", "bao gồm", "kéo dài", "có giá", "loại này", "loại đó", "loại trên",
                         "cuối cùng"})


# "Gripen E 23/10/2025 07:25": a page's date or time printed after a title ends its equipment ("Block 70/72" does not).
_STAMP = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{1,2}:\d{2}")


# "ông Bayraktar": a model's name after a personal title is a person's (the maker's family, say).
_PERSON_TITLE = re.compile(r"\b(?:ông|bà)\s+$")


# "máy bay chiến đấu thế hệ thứ năm KAAN": a generation, not an ordinal that ends the phrase ("chiếc thứ hai").
_GENERATION = re.compile(r"thế hệ\s+$")


_TRAILING = ",.;:!?\"'“”"


# "20 bệ phóng HIMARS năm 2019 với giá ...": a year told after the equipment is the trade's, not part of its name.
_A_YEAR = re.compile(r"năm (?:19|20)\d\d")
# "phụ tùng trực thăng 96 triệu USD": an amount told after the equipment is its price, not part of its name.
_AN_AMOUNT = re.compile(r"[\d.,]+ (?:triệu|tỷ|tỉ|nghìn|ngàn)")


_WORD = re.compile(r"\S+")


# "radar phòng không và phòng thủ tên lửa": a second purpose of the same system, not a second system.
_PURPOSE = re.compile(r"(?:phòng thủ|phòng không|chống|đánh chặn)\b")


_MAKER_DESCRIPTION = re.compile(
    r"\s*,?\s*(?:được\s+|vốn\s+|là sản phẩm\s+)?(?:(?:sản xuất|chế tạo|phát triển|thiết kế)\s+bởi"
    r"|do\s+[^,.;]{1,60}?\s+(?:cùng\s+|hợp tác\s+|liên doanh\s+|phối hợp\s+)?(?:sản xuất|chế tạo|phát triển|thiết kế))")


@lru_cache(maxsize=256)
def _system_spans(text: str, lower: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """(start, end, category, model) of each equipment phrase: head noun, its modifiers, a model designation."""
    models = [(m.start(), m.end(), m.group(1)) for m in _patterns()["model"].finditer(text)
              if not _PERSON_TITLE.search(lower, max(0, m.start() - 4), m.start())]
    heads = [(m.start(), m.end(), _weapons()["heads"][m.group()]) for m in _patterns()["head"].finditer(lower)
             if m.group() not in _weapons()["counted_heads"] or _counted_and_unnamed(lower, m, models)]
    spans: list[tuple[int, int, str, str | None]] = []
    position = 0
    candidates = heads + [(s, e, _weapons()["models"][g]["category"]) for s, e, g in models]
    arms = tuple(_weapons().get("arms_of_service", ()))
    civil = tuple(_weapons()["civil_qualifiers"])
    for start, head_end, category in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < position:
            continue
        if spans and _ALIAS_BEFORE.search(lower, max(0, start - _ALIAS_CHARS), start):
            continue  # "Cheongung-II (còn gọi là M-SAM II)": the same system under another name
        if spans and _IN_BRACKETS_RIGHT_AFTER.fullmatch(lower, spans[-1][1], start):
            # "hệ thống pháo phản lực phóng loạt dẫn đường (GMLRS)": the designation of a system named without one;
            # anything else in such brackets ("tiêm kích F-16V (F-16 Block 70)") names the system again.
            named = next((g for s, _, g in models if s == start), None) if spans[-1][3] is None else None
            if named:
                model = _same_model(named)
                closing = text.find(")", start, start + _BRACKETED_NAME_CHARS)
                position = closing + 1 if closing >= 0 else _phrase_end(text, lower, head_end)
                spans[-1] = (spans[-1][0], position, _weapons()["models"][model]["category"], model)
            continue
        if lower.startswith(arms, start) or lower.startswith(civil, head_end + 1):
            position = start + 1
            continue
        end = _without_unopened_bracket(text, start, _phrase_end(text, lower, head_end))
        named = next(((s, g) for s, e, g in models if start <= s and e <= end), None)
        model = _same_model(named[1]) if named else None
        if model and _is_class_name(lower, named[0], start, end, heads, _weapons()["models"][model]["category"]):
            model = None
        category = _weapons()["models"][model]["category"] if model else _phrase_category(lower, start, end, heads)
        spans.append((start, end, category, model))
        position = end
    return tuple(sorted(spans))


_IN_BRACKETS_RIGHT_AFTER = re.compile(r"\s*\(\s*")


def _without_unopened_bracket(text: str, start: int, end: int) -> int:
    """"thiết bị không người lái (drone)": a phrase that starts inside brackets ends before their closing one."""
    closing = text.find(")", start, end)
    return closing if closing >= 0 and "(" not in text[start:closing] else end


_BRACKETED_NAME_CHARS = 30
_ALIAS_CHARS = 45
_ALIAS_BEFORE = re.compile(r"\(\s*(?:hay\s+)?(?:còn gọi là|còn được gọi là|tức là|tức|gọi tắt là"
                           r"|tên gọi(?: tại [^()]{1,25}?)? là)\s+$")
_COUNT_BEFORE = re.compile(r"\d[\d.,]*\s+$")
_MODEL_RIGHT_AFTER = re.compile(r"\s+(?:[^\s,.;]+\s+)?$")


# "THAAD, bao gồm 44 bệ phóng, 360 tên lửa đánh chặn": the parts of a system counted in its package.
_PARTS_COUNTED = re.compile(r"\bgồm(?: có)?\s+\d[\d.,]*\s+$")


def _counted_and_unnamed(lower: str, head: re.Match[str], models) -> bool:
    """A counted head that no known model follows closely and no package lists as a part (`counted_heads`)."""
    before = max(0, head.start() - 20)
    return _COUNT_BEFORE.search(lower, before, head.start()) is not None \
        and not _PARTS_COUNTED.search(lower, before, head.start()) and not any(
            _MODEL_RIGHT_AFTER.fullmatch(lower, head.end(), s) for s, _, _ in models if s >= head.end())


def _is_class_name(lower: str, model_start: int, start: int, end: int, heads, model_category: str) -> bool:
    """"tàu đổ bộ lớp Mistral": a ship class that shares its name with a model of another kind (the Mistral
    missile) names no model."""
    return lower.endswith("lớp ", 0, model_start) and any(h[0] == start for h in heads) \
        and _phrase_category(lower, start, end, heads) != model_category


def _same_model(model: str | None) -> str | None:
    """One name for a model written under several ("Apache" and "AH-64")."""
    return _weapons().get("same_model", {}).get(model, model) if model else None


def _phrase_category(lower: str, start: int, end: int, heads) -> str:
    """The category of the phrase's head noun, or of a longer head overlapping it ("hệ thống tên lửa đất đối không")."""
    first = [h for h in heads if h[0] == start]
    overlapping = [h for h in heads if start <= h[0] < first[0][1] and h[1] <= end] if first else []
    return max(overlapping or first, key=lambda h: h[1] - h[0])[2] if first else "other"


# 'Những chiếc F-16 "rất phù hợp với đơn hàng này ..."': a quotation opening after the equipment ends its phrase (a
# name in quotes, 'F-35 "Adir"', is part of it).
_QUOTED_WORDS = re.compile(r"[\"“]\s*[^\W\dA-ZÀ-ỸĐ]")


def _phrase_end(text: str, lower: str, position: int) -> int:
    end = position
    words = list(islice(_WORD.finditer(text[position:]), 11))
    for i, word in enumerate(words[:10]):
        token = word.group()
        bare = token.rstrip(_TRAILING).lower()
        pair = f"{bare} {words[i + 1].group().rstrip(_TRAILING).lower()}" if i + 1 < len(words) else ""
        if bare == "cho" and _patterns()["head"].match(lower, position + word.end() + 1):
            end = position + word.end()
            continue
        if bare == "và" and _PURPOSE.match(lower, position + word.end() + 1):
            continue
        if bare == "thứ" and _GENERATION.search(lower, 0, position + word.start()):
            end = position + word.end()
            continue
        if bare in _STOP_WORDS or pair in _STOP_PAIRS or not bare or bare.startswith("(") or _QUOTED_WORDS.match(token) \
                or _STAMP.fullmatch(bare) \
                or (bare == "năm" or bare[:1].isdigit()) and (_A_YEAR.fullmatch(pair) or _AN_AMOUNT.fullmatch(pair)):
            break
        end = position + word.start() + len(token.rstrip(_TRAILING))
        if token != token.rstrip(_TRAILING):
            break
    return end


def _count(written: str) -> int:
    """ "12", "1.200", "hai" -> the number."""
    digits = written.replace(".", "")
    return int(digits) if digits.isdigit() else _NUMBER_WORDS[written]


def _quantity(lower: str, start: int) -> int | None:
    """The count before the equipment; a hedged one ("hơn 600.000 khẩu") gives way to an exact count of the same
    size later in the sentence ("tổng số súng là 601.427 khẩu")."""
    window = lower[max(0, start - 30):start]
    match = _QUANTITY.search(window)
    if not match:
        return None
    quantity = _count(match.group(1))
    if _HEDGED.search(window, 0, match.start()):
        exact = (int(m.group(1).replace(".", "")) for m in _COUNT.finditer(lower, start))
        quantity = next((n for n in exact if 0.9 * quantity <= n <= 1.1 * quantity), quantity)
    return quantity


# "... tiêm kích Su-35 lớn nhất từng được xuất khẩu, với số lượng lên đến 26 chiếc": the count told after the equipment.
_UNITS_COUNTED = r"(\d{1,3}(?:\.\d{3})*|\d+|" + "|".join(_NUMBER_WORDS) + r") (?:chiếc|hệ thống|tổ hợp|khẩu|tàu|bộ)\b"
_COUNT_AFTER = re.compile(r"[^,.;:()]{0,50}?,?\s*với số lượng (?:lên (?:đến|tới) |khoảng |gần |hơn |là )?" + _UNITS_COUNTED)


# "ba chiếc trực thăng UH-60M đầu tiên trong tổng số 40 chiếc nước này đặt mua": the first of an order, which is the
# deal, told with the order's size.
_OF_THE_ORDER = re.compile(r"[^,.;:()]{0,30}?\s(?:đầu tiên|cuối cùng|tiếp theo) trong (?:tổng )?số " + _UNITS_COUNTED)


def _counted_after(pattern: re.Pattern[str], lower: str, end: int) -> int | None:
    match = pattern.match(lower, end)
    return _count(match.group(1)) if match else None


def _quantity_after(lower: str, end: int) -> int | None:
    return _counted_after(_COUNT_AFTER, lower, end)


def _order_size(lower: str, end: int) -> int | None:
    return _counted_after(_OF_THE_ORDER, lower, end)


class _Item(NamedTuple):
    """Where an equipment phrase stands for clause purposes: a phrase listed with others ("180 xe tăng K2, 212 pháo
    tự hành K9 và 48 FA-50") reads its clause from the start of the list; `own_end` is where its own item ends."""

    start: int
    end: int
    own_end: int
    alone: bool


# "30 pháo tự hành K9 (tên gọi tại Australia là AS9 Huntsman) và 15 xe tiếp đạn K10": an aside in brackets ends no list.
_LIST_LINK = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:và\s+|cùng\s+)?|\s(?:và|cùng|cũng như)\s+)"
                        r"(?:(?:khoảng|gần|hơn|thêm)\s+)?(?:\d{1,3}(?:\.\d{3})*|\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)?"
                        r"\s*(?:(?:chiếc|tổ hợp|hệ thống|bộ|khẩu|quả|xe|tàu|đơn vị)\s+)?$")


def _without_maker_descriptions(lower: str, spans: Sequence[tuple[int, int, str, str | None]]) -> str:
    """The sentence with each phrase that says who makes a system ("BrahMos sản xuất bởi ...", "do Nga và Ấn Độ hợp
    tác sản xuất") blanked out: it names the maker, so it neither trades the system nor makes a deal co-production."""
    for _, end, _, _ in spans:
        described = _MAKER_DESCRIPTION.match(lower, end)
        if described:
            lower = lower[:described.start()] + " " * (described.end() - described.start()) + lower[described.end():]
    return lower


def _listed_items(lower: str, spans: Sequence[tuple[int, int, str, str | None]]) -> list[_Item]:
    """Each equipment phrase as an item of the list it belongs to (a list of one when it stands alone)."""
    linked = [i > 0 and _LIST_LINK.match(lower, spans[i - 1][1], span[0]) is not None
              and _LIST_LINK.match(lower, spans[i - 1][1], span[0]).end() == span[0] for i, span in enumerate(spans)]
    items: list[_Item] = []
    first = 0
    for i, span in enumerate(spans):
        if not linked[i]:
            first = i
        last = i
        while last + 1 < len(spans) and linked[last + 1]:
            last += 1
        own_end = spans[i + 1][0] if i < last else spans[i][1]
        items.append(_Item(spans[first][0], spans[last][1], own_end, first == last))
    return items


def _maker_country(model: str) -> str | None:
    return company_country(_weapons()["models"][model]["maker"])
