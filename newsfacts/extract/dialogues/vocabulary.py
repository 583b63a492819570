"""The names of dialogue mechanisms and the cue patterns, compiled once from vocab/mechanisms.json and venues.json."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files

from newsfacts.extract.prefilter import Prefiltered, every_required_literals, guarded, literal_finder, prefiltered


# "cơ chế đối thoại ...", "tăng cường đối thoại an ninh", "nâng tầm đối thoại an ninh", "kênh đối thoại chiến lược":
# the mechanism, or dialogue as such, not a meeting.
_MECHANISM_TALK = re.compile(r"(?:cơ chế|định dạng|hình thức|thiết lập|thành lập|tiến trình|thể chế hóa|tăng cường"
                             r"|thúc đẩy|đẩy mạnh|nâng tầm|kênh)\s*$")


# "các cơ chế như Đối thoại Chính sách Quốc phòng": mechanisms named as examples, no meeting.
_MECHANISMS_SUCH_AS = re.compile(r"(?:các|những) (?:cơ chế|kênh|định dạng)(?: \S+){0,3} (?:như|gồm|là)\s*$")


_MECHANISM_WORDS = r"(?:cơ chế|định dạng|hình thức)"
_MECHANISM_WORD = re.compile(_MECHANISM_WORDS + r"\b")
# 'Cơ chế "2+2" được hình thành ...': the mechanism word before a quoted name.
_MECHANISM_WORD_BEFORE_QUOTE = re.compile(_MECHANISM_WORDS + r"\s*[\"“]$")


# "Australia là một trong số hai nước mà Hàn Quốc tổ chức Hội nghị 2+2": who holds the mechanism, not a meeting.
_PARTNERS_OF_THE_MECHANISM = re.compile(r"là (?:một trong(?: số)?|những|các)(?: \S+){0,2} (?:nước|quốc gia|đối tác) mà\b")


# "Hàn Quốc hiện chỉ tổ chức cơ chế 2+2 cấp bộ trưởng với hai đối tác là Mỹ và Australia", "Tokyo đã tổ chức "2+2" với
# năm đối tác, trong đó có Mỹ, Anh và Australia": the same, told after.
_WITH_ITS_PARTNERS = re.compile(r"\bvới (?:hai|ba|bốn|năm|sáu|bảy|tám|\d+|các|những|một số|số ít)(?: \S+){0,2} "
                                r"(?:đối tác|nước|quốc gia)(?: là|,? gồm|,? trong đó có)\b")


# "Ấn Độ duy trì cơ chế 2+2 với ...", "Indonesia vốn đã duy trì hình thức 2+2 với Australia": the mechanism itself,
# not a meeting of it.
_KEEPS_MECHANISM = re.compile(r"(?:duy trì|\bcó\b|thiết lập|xây dựng|nâng cấp|mở rộng)(?: \S+){0,2} $")


# "Cơ chế 2+2 giữa hai nước được lãnh đạo hai bên quyết định thành lập tại cuộc gặp thượng đỉnh năm 2018", "Định dạng
# 2+2 được hai nước thống nhất trong chuyến thăm ... tháng 6/2017": when the mechanism was founded or agreed on, no
# meeting (agreeing to hold or resume a round is not agreeing on the format).
_FOUNDED_AFTER = re.compile(r"\s*(?:[^\s,.;]+\s+){0,10}?(?:được\s+)?(?:quyết định\s+|nhất trí\s+)?"
                            r"(?:thành lập|thiết lập|lập ra|ra đời|hình thành"
                            r"|(?:thống nhất|nhất trí)\b(?! (?:tổ chức|nối lại)))\b")


# "Đàm phán Phối hợp chính sách quốc phòng từng được tổ chức thường niên": how often the mechanism meets, no meeting.
_HELD_REGULARLY = re.compile(r"\s*(?:\S+\s+){0,8}?(?:từng|thường|vẫn|được)\s+(?:được\s+)?"
                             r"(?:tổ chức|diễn ra|nhóm họp)\s+(?:thường niên|hằng năm|hàng năm|định kỳ|luân phiên|mỗi năm"
                             r"|(?:hai|ba|\d) năm (?:một|1) lần)")


# "bổ sung cho mạng lưới đối thoại an ninh", "các đối thoại an ninh", "nhiều hoạt động đối thoại quốc phòng", "nhiều cuộc
# đối thoại": a kind of dialogue in general, no meeting ("các cuộc đối thoại 2+2 với Philippines và Ấn Độ" are meetings).
_KIND_OF_DIALOGUE = re.compile(r"\b(?:mạng lưới|các|những|nhiều)(?:\s+(?:hoạt động|kênh|hình thức))?\s+$|\bnhiều cuộc\s+$")


_GENERIC_MECHANISM = re.compile(r"(?:các|những)\s+(?=(?:cơ chế|định dạng)\b)")


@cache
def _vocab() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("mechanisms.json").read_text("utf-8"))


# The defence ministries' consultation, a defence policy dialogue or another mechanism beside one (`find_dialogues`).
CONSULTATION = "defence consultation"


@cache
def bilateral_formats() -> frozenset[str]:
    return frozenset(_vocab()["bilateral"])


@cache
def _cues() -> tuple[str, ...]:
    """Words a sentence must hold to name a meeting: the dialogue words, and each mechanism known by its own name
    ("AUSMIN", "AUKMIN")."""
    words = tuple(_vocab()["cue_words"])
    return words + tuple(key for key in _vocab()["fixed_parties"] if not any(cue in key for cue in words))


@cache
def _cue_scanner() -> re.Pattern[str]:
    """Finds where any cue starts in one pass over an article (`LoweredArticle.matching`), instead of one substring
    search per cue."""
    return literal_finder(_cues())


@cache
def _mechanism_patterns() -> tuple[tuple[str, Prefiltered], ...]:
    return tuple((entry["mechanism"], prefiltered(pattern))
                 for entry in _vocab()["mechanisms"] for pattern in entry["patterns"])


@cache
def _mechanism_gate() -> tuple[str, ...] | None:
    """Fixed strings one of which every match of every mechanism pattern holds; None when a pattern has no such list.

    A sentence holding none of them names no mechanism, and is ruled out with one test instead of one per pattern."""
    per_pattern = [entry.literals for _, entry in _mechanism_patterns()]
    if any(literals is None for literals in per_pattern):
        return None
    gate: list[str] = []
    for literal in sorted(set().union(*per_pattern), key=len):
        if not any(shorter in literal for shorter in gate):
            gate.append(literal)
    return tuple(gate)


@cache
def _literals_by_gate() -> tuple[tuple[str, tuple[tuple[str, tuple[int, ...]], ...]], ...]:
    """Each fixed string the mechanism patterns require, with the priorities of the patterns requiring it, listed under
    a string of the gate it holds (each holds one): a text that holds no string of the gate holds none listed under it.
    Without a gate (a pattern has no known fixed string), all are listed under the empty string, which every text
    holds; so is such a pattern."""
    owners: dict[str, list[int]] = {}
    for priority, (_, entry) in enumerate(_mechanism_patterns()):
        for literal in entry.literals or ("",):
            owners.setdefault(literal, []).append(priority)
    gate = _mechanism_gate() or ("",)
    under: dict[str, list[tuple[str, tuple[int, ...]]]] = {literal: [] for literal in gate}
    for literal, priorities in owners.items():
        under[next(held for held in gate if held in literal)].append((literal, tuple(priorities)))
    return tuple((held, tuple(literals)) for held, literals in under.items())


@cache
def _gate_finder() -> re.Pattern[str] | None:
    gate = _mechanism_gate()
    return literal_finder(gate) if gate else None


def _possible_patterns(lower: str) -> set[int]:
    """The priorities of the mechanism patterns whose fixed strings `lower` holds; none when it holds no string of the
    gate, as most sentences do not: one pass of `_gate_finder` tells them."""
    finder = _gate_finder()
    if finder is not None and finder.search(lower) is None:
        return set()
    possible: set[int] = set()
    for held, literals in _literals_by_gate():
        if held in lower:
            for literal, priorities in literals:
                if literal in lower:
                    possible.update(priorities)
    return possible


@cache
def _patterns() -> dict[str, re.Pattern[str] | Prefiltered]:
    """The cue patterns; those only ever searched sit behind their literal prefilter, and those searched most behind a
    lookahead on the characters their matches start with (`guarded`)."""
    vocab = _vocab()
    compiled: dict[str, re.Pattern[str] | Prefiltered] = {
        name: prefiltered(pattern) for name, pattern in vocab["status_cues"].items()}
    compiled["bare"] = guarded(vocab["bare_references"])
    compiled["this_mechanism"] = re.compile(vocab["this_mechanism"])
    compiled["meeting"] = prefiltered(vocab["meeting_verbs"])
    compiled["new_date"] = re.compile(vocab["new_date_cue"])
    compiled["announcement"] = re.compile(vocab["announcement_verbs"])
    compiled["since"] = re.compile(vocab["since_cue"])
    compiled["since_year"] = re.compile(vocab["since_year_cue"])
    compiled["officials"] = guarded(vocab["officials_level"])
    compiled["ministers"] = guarded(vocab["ministers_level"])
    compiled["recalled"] = guarded(vocab["recalled_meeting_cue"])
    compiled["about_an_agreement"] = re.compile(vocab["about_an_agreement"])
    compiled["not_recalled"] = re.compile(vocab["not_recalled"] + "|" + vocab["about_an_agreement"])
    compiled["not_recalled_after_nth"] = re.compile(vocab["not_recalled_after_nth"])
    compiled["other_event"] = re.compile(r"\b(?:" + vocab["other_events"] + r")\b")
    compiled["dated_act"] = re.compile(r"\b(?:" + vocab["dated_acts"]
                                       + r")\s+(?:(?:vào|hồi|từ|trong)\s+)?(?:năm|tháng|ngày)?\s*$")
    compiled["other_event_before"] = re.compile(r"(?i:" + vocab["other_events"] + r")[^,.;]*$")
    return compiled


@cache
def _venue_vocabulary() -> dict:
    return json.loads(files("newsfacts.vocab").joinpath("venues.json").read_text("utf-8"))


@cache
def _venues() -> dict[str, str]:
    return _venue_vocabulary()["cities"]


@cache
def _capitals() -> dict[str, str]:
    return _venue_vocabulary()["capitals"]


@cache
def _venue_pattern() -> re.Pattern[str]:
    names = sorted(_venues(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")


@cache
def _mechanism_parts() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """For each mechanism pattern, by priority, the lists of fixed strings its matches hold one of each
    (`every_required_literals`), less those its own literals (`_possible_patterns`) already hold one of."""
    parts = []
    for _, entry in _mechanism_patterns():
        own = entry.literals or ("",)
        parts.append(tuple(part for part in every_required_literals(entry.pattern)
                           if not all(any(literal in held for literal in part) for held in own)))
    return tuple(parts)


def _holds_every_part(lower: str, priority: int) -> bool:
    """Whether `lower` holds a string of each list the pattern of `priority` needs: "đối thoại" names no 2+2 without
    "2+2". A sentence holding a mechanism's literal holds those of about ten patterns, and this rules most of them
    out before a scan (plain loops: `any()` over a generator costs more than the scans it saves)."""
    for literals in _mechanism_parts()[priority]:
        for literal in literals:
            if literal in lower:
                break
        else:
            return False
    return True


def _mechanism_spans(lower: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, mechanism) spans; earlier vocabulary entries win overlaps, then longer spans.

    Only the patterns whose fixed strings the sentence holds are scanned: most sentences name no mechanism, and the
    others one or two of the vocabulary's many."""
    possible = [priority for priority in _possible_patterns(lower) if _holds_every_part(lower, priority)]
    if not possible:
        return []
    patterns = _mechanism_patterns()
    found = sorted((priority, -(m.end() - m.start()), m.start(), m.end(), patterns[priority][0])
                   for priority in possible for m in patterns[priority][1].pattern.finditer(lower) if m.end() > m.start())
    kept: list[tuple[int, int, str]] = []
    for _, _, start, end, mechanism in found:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, mechanism))
    return sorted(kept)


def _fixed_parties(lower: str, start: int, end: int) -> tuple[str, ...]:
    phrase = lower[start:end]
    return next((tuple(codes) for key, codes in _vocab()["fixed_parties"].items() if key in phrase), ())
