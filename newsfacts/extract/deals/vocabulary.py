"""The deal vocabularies (deal_verbs.json, weapons.json, exporters.json) compiled once, with the fast guards that keep their patterns cheap."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache, reduce
from importlib.resources import files

from newsfacts.extract.prefilter import (
    Prefiltered, alternation, any_alternative, guarded, prefiltered, required_literals,
)


_STATUS_RANK = {"proposed": 1, "negotiating": 2, "signed": 3, "delivered": 4, "cancelled": 5}


@cache
def _verbs() -> dict:
    """deal_verbs.json with its `shared` pieces put in where a pattern names them ("<deliver>")."""
    verbs = json.loads(files("newsfacts.vocab").joinpath("deal_verbs.json").read_text("utf-8"))
    shared = verbs.get("shared", {})
    return {key: _with_shared(value, shared) for key, value in verbs.items()}


def _with_shared(value: object, shared: dict[str, str]) -> object:
    if isinstance(value, str):
        return reduce(lambda text, name: text.replace(f"<{name}>", shared[name]), shared, value)
    if isinstance(value, list):
        return [_with_shared(item, shared) for item in value]
    return value


@cache
def _weapons() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("weapons.json").read_text("utf-8"))


@cache
def _exporters() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("exporters.json").read_text("utf-8"))


@cache
def _exporter_rank() -> dict[str, int]:
    return {code: i for i, code in enumerate(_exporters()["rank"])}


@cache
def major_exporters() -> frozenset[str]:
    exporters = _exporters()
    return frozenset(exporters["rank"][:exporters["major_exporters"]])


@cache
def known_suppliers() -> frozenset[str]:
    """Countries that sell major arms: the ranked exporters and the `other_suppliers` outside the ranking."""
    exporters = _exporters()
    return frozenset(exporters["rank"]) | frozenset(exporters["other_suppliers"])


@cache
def _agreement_order() -> tuple[dict[str, int], int]:
    exporters = _exporters()
    suppliers = exporters["agreement_suppliers"]
    order = suppliers + [code for code in exporters["rank"] if code not in suppliers]
    receivers = {code: len(order) + 1 for code in exporters["agreement_receivers"]}
    return {code: i for i, code in enumerate(order)} | receivers, len(order)


def _agreement_rank(code: str) -> int:
    """How likely a side of an agreement is to supply (lowest first): the declared suppliers, then SIPRI's rank, then
    every other country, then the declared receivers."""
    rank, unranked = _agreement_order()
    return rank.get(code, unranked)


@cache
def _patterns() -> dict:
    """The vocabulary patterns; those most sentences cannot match sit behind their literal prefilter, and the trade
    trigger, asked of every sentence, looks for its plain words in one pass."""
    verbs = _verbs()
    plain = ("buy_verbs", "sell_verbs", "named_agreement_excluded", "acronym_reference")
    filtered = ("not_a_deal", "co_production", "framework", "partner_production", "platform",
                "not_traded_before", "contract_words", "cancels_other", "generic_agreement", "agreement_on_defence")
    compiled = ({name: guarded(verbs[name]) for name in plain}
                | {name: _guarded_prefiltered(verbs[name]) for name in filtered})
    compiled["trigger"] = any_alternative(verbs["trigger"], guarded)
    compiled["named_agreement"] = prefiltered(verbs["named_agreement"])
    compiled["in_service"] = prefiltered(verbs["in_service"])
    compiled["operated_now"] = re.compile(verbs["operated_now"])
    compiled["received_before"] = re.compile(verbs["received_before"])
    compiled["carries_after"] = re.compile(verbs["carries_after"])
    compiled["grants_access_after"] = re.compile(verbs["grants_access_after"])
    compiled["in_service_examples_before"] = re.compile(verbs["in_service_examples_before"])
    compiled["customer_tally"] = prefiltered(verbs["customer_tally"])
    compiled["contract_for"] = re.compile(verbs["contract_for"])
    compiled["status"] = [(status, _guarded_prefiltered(pattern)) for status, pattern in verbs["status"]]
    # "Bồ Đào Nha ký hợp đồng mua 12 chiếc A-29N": a country that signs to buy buys.
    compiled["buyer_before_verb"] = re.compile(_AUXILIARY + r"(?:ký(?: kết)? (?:hợp đồng|thỏa thuận)(?: để)?\s+)?"
                                               + "(?:" + verbs["buy_verbs"] + ")")
    compiled["seller_before_verb"] = re.compile(_AUXILIARY + "(?:" + verbs["sell_verbs"] + ")")
    weapons = _weapons()
    compiled["head"] = guarded(r"(?<!\w)(?:" + alternation(weapons["heads"]) + r")(?!\w)")
    compiled["model"] = guarded(r"(?<![\w-])(" + alternation(weapons["models"]) + r")[A-Z0-9]{0,3}(?![\w])")
    return compiled


def _guarded_prefiltered(pattern: str) -> Prefiltered:
    """`pattern` guarded, behind the substring test that rules out at once the many sentences it cannot match."""
    return Prefiltered(guarded(pattern), required_literals(re.compile(pattern)))


@cache
def _head_kinds() -> dict[str, str]:
    return {head: kind for kind, heads in _weapons()["head_kinds"].items() for head in heads}


@lru_cache(maxsize=4096)
def head_kind(system: str) -> str | None:
    """The kind of equipment the head noun a system's name opens with names ("tàu đổ bộ Type 071E": amphibious), if
    it names one."""
    head = _patterns()["head"].match(system.lower())
    return _head_kinds().get(head.group()) if head else None


@cache
def _compatible_categories() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in _weapons()["compatible"])


# "vượt qua các đối thủ", "Gripen đã vượt qua đề xuất F-16", "đánh bại lời chào hàng ...": beating a rival (not passing a
# test or a stage, not a weapon defeating drones).
BEATS_A_RIVAL = (r"\b(?:vượt qua|vượt mặt)\s+(?!(?:\S+\s+){0,2}?(?:thử nghiệm|kiểm tra|vòng|giai đoạn|tầng|phê duyệt|"
                 r"khó khăn|thách thức|trở ngại|rào cản)\b)"
                 r"|\bđánh bại\s+(?:(?:các|những|cả)\s+)?(?:đề xuất|đề nghị|lời chào|đối thủ|ứng viên|phương án)\b")


_AUXILIARY = (r"(?:\s+[\"“]?(?:đã|sẽ|đang|vừa|cũng|còn|vẫn|sắp|lại|gần đây|chốt|dự kiến|muốn|đề nghị|đề xuất|quyết định|quyết|có kế hoạch|đồng ý|chính thức|hiện|"
              r"thể hiện sự|bày tỏ sự|tiếp tục|từng|lần đầu(?: tiên)?|đàm phán(?: về việc)?|tìm cách|lên kế hoạch|cân nhắc|xem xét|hủy(?: bỏ)?|"
              r"thông qua đề xuất|ngày \d{1,2}/\d{1,2}|được (?:chấp thuận|phê duyệt|duyệt|phép|cho phép)))*\s+[\"“]?")
