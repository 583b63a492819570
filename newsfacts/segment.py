"""Split a normalised page into labelled blocks (title, lead, body, caption, byline, chaff) and sentences."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources

from newsfacts.records import MAIN_SEGMENTS, Segment, SegmentKind, Sentence

_NEAR_DUPLICATE = 0.85
# Headlines and titles repeat; a longer paragraph is compared exactly, since fuzzy matching is quadratic.
_MAX_HEADLINE_CHARS = 300
_MAX_SUMMARY_CHARS = 400
_MAX_CAPTION_CHARS = 400
_MIN_PROSE_CHARS = 60
_MIN_PROSE_WORDS = 10


@dataclass(frozen=True)
class _Vocab:
    section_starts: frozenset[str]
    section_names: frozenset[str]
    menu_section: re.Pattern[str]
    page_ends: frozenset[str]
    page_end_prefix: re.Pattern[str]
    lines: frozenset[str]
    line_pattern: re.Pattern[str]
    caption_credit: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    dateline_words: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    data = json.loads(resources.files("newsfacts").joinpath("vocab", "chaff.json").read_text("utf-8"))
    credits = _alternation(data["caption_credits"])
    return _Vocab(
        section_starts=frozenset(data["section_starts"]),
        section_names=frozenset(data["section_names"]),
        menu_section=re.compile(rf"(?<!\w)(?:{_alternation(data['section_names'] + data['menu_sections'])})(?!\w)"),
        page_ends=frozenset(data["page_ends"]),
        page_end_prefix=re.compile(_alternation(data["page_end_prefixes"])),
        lines=frozenset(data["lines"]),
        line_pattern=re.compile("|".join(f"(?:{p})" for p in data["line_patterns"])),
        caption_credit=re.compile(
            rf"(?:\((?:{credits})(?:\s*:\s*[^()]{{1,80}})?\)|(?<![^\s.!?])(?:{credits})\s*:\s*[^.!?()]{{1,60}})$"
        ),
        byline_prefix=re.compile(rf"^\(?(?:{_alternation(data['byline_prefixes'])})\s*:\s*"),
        dateline_words=re.compile(rf"\b(?:{_alternation(data['dateline_words'])})\b"),
    )


def _key(line: str) -> str:
    """The comparison form of a line: lowercased, without a leading bullet ("* Đọc thêm:"), without trailing colons,
    dots, spaces, table bars or the arrows of a link ("CÁC TIN KHÁC >>")."""
    return line.lower().lstrip("*•· ").rstrip(" :.|>»›→")


_WORD = re.compile(r"\w+")


@cache
def _words_pattern(count: int) -> re.Pattern[str]:
    # Each run of word characters is a whole `_WORD` match, so the n-th run is the n-th word `_WORD.findall` finds;
    # possessive quantifiers (`*+`, `++`) never backtrack into a run.
    return re.compile(rf"\W*+(?:\w++\W++){{{count - 1}}}\w")


def _has_words(line: str, count: int) -> bool:
    """Whether `line` holds at least `count` words (`len(_WORD.findall(line)) >= count`), read up to the last one
    only."""
    return _words_pattern(count).match(line) is not None


_AGENCY_SUFFIX = re.compile(r"\s*(?:\([^()]{1,40}\)|[-/]\s*[\w+.\-]+(?:\s[\w+.\-]+)?)$")
_SOURCE_LINE = re.compile(r"^\(?theo\s+(.+?)\)?\.?$", re.IGNORECASE)
_SOURCE_SEPARATOR = re.compile(r",\s*|\s+và\s+")
_MAX_SOURCE_WORDS = 5
_MAX_BYLINE_CHARS = 80
_ACRONYM = re.compile(r"^[A-ZĐ]{2,10}$")
# "TUOI TRE ONLINE", "BAO MAU.VN": a site's name in capitals above the headline.
_MASTHEAD = re.compile(r"(?=[^a-zà-ỹ]*$)(?:[A-ZĐ0-9.&-]+ ){0,4}?[A-ZĐ0-9.&-]*(?:ONLINE|NEWS|\.VN|\.COM|\.NET)\b[^a-z]{0,20}")
_FULL_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_DIGIT = re.compile(r"\d")
_DATELINE_REST = re.compile(r"^[\d\s/:,.()+\-|h]*\d[\d\s/:,.()+\-|h]*$")
_BREADCRUMB = re.compile(r"\S\s[>»|]\s\S")
_MAX_BREADCRUMB_CHARS = 150
_MIN_LEAD_WORDS = 15
_MIN_TITLE_WORDS = 4
_MAX_TITLE_CHARS = 300
_MAX_CHAFF_LINE_CHARS = 200
_CAPTION_TAIL_CHARS = 120
_MIN_CAPTION_TEXT_CHARS = 10
_SAME_ENDS_CHARS = 8
_END_MARKS = ("./.", "/.")
_MAX_MENU_WORDS = 6
_MIN_MENU_SECTIONS = 4
_MIN_RESUMING_CHARS = 200
# Two paragraphs of this length or more ending in the same characters are the same paragraph printed twice.
_SAME_PARAGRAPH_CHARS = 60
_NUMBERED = re.compile(r"\d{1,2}\.\s+\S")
_MAX_MENU_ITEM_WORDS = 12
_MIN_GLUED = 2
_MIN_GLUED_CHARS = 60
_LIST_SEPARATOR_END = re.compile(r"\s[-•·]$")
_BULLET = re.compile(r"[-•·–]\s+\S")
_TRUNCATED = re.compile(r"\s(?:\.\.\.|…)\s*\|?\s*$")
# "malaysia dong them 6 tau tuan tra co lon": a page's address slug (Vietnamese written without its marks), which
# pages print as a picture's alt text and before the headlines of their links; Vietnamese prose never reads so.
_SLUG = re.compile(r"[a-z0-9]+(?:[ -][a-z0-9]+){4,}(?=\s|$)")
# "Đức dự kiến mua thêm 105 xe tăng Leopard 2A8- Ảnh 1.": the headline as a picture's alt text, numbered.
_PICTURE_NUMBER = re.compile(r"\s*-\s*ảnh \d{1,2}$")


def _without_picture_number(key: str) -> str:
    return _PICTURE_NUMBER.sub("", key) if key[-1:].isdigit() else key


def _letters(test) -> str:
    """The Latin letters (Vietnamese's among them) of which `test` holds, as the inside of a character class."""
    ranges = (range(0x41, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
    return "".join(re.escape(chr(code)) for block in ranges for code in block if test(chr(code)))


# A lowercase letter right before a capital: headlines run together ("... ở Ấn ĐộRCEP - ...").
_GLUED = re.compile(f"[{_letters(str.islower)}][{_letters(str.isupper)}]")


def _near_duplicate(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = (len(a), len(b)) if len(a) <= len(b) else (len(b), len(a))
    if longer > _MAX_HEADLINE_CHARS or shorter < 15 or longer - shorter > 0.3 * longer:
        return False
    if a[:_SAME_ENDS_CHARS] != b[:_SAME_ENDS_CHARS] and a[-_SAME_ENDS_CHARS:] != b[-_SAME_ENDS_CHARS:]:
        return False
    (words_a, distinct_a), (words_b, distinct_b) = _words(a), _words(b)
    return (
        _distinct_word_bound(words_a, distinct_a, words_b, distinct_b) >= _NEAR_DUPLICATE
        and _common_subsequence_ratio(words_a, words_b) >= _NEAR_DUPLICATE
        and SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= _NEAR_DUPLICATE
    )


@lru_cache(maxsize=64)
def _words(line: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of a line and their set; a line is compared with its neighbour and the title, so split it once."""
    words = tuple(line.split())
    return words, frozenset(words)


def _distinct_word_bound(a: Sequence[str], distinct_a: frozenset[str], b: Sequence[str],
                         distinct_b: frozenset[str]) -> float:
    """An upper bound of difflib's `quick_ratio`: each distinct word of one side missing from the other is a word
    left unmatched."""
    length = len(a) + len(b)
    if not length:
        return 1.0
    shared = len(distinct_a & distinct_b)
    return 2.0 * min(len(a) - len(distinct_a) + shared, len(b) - len(distinct_b) + shared) / length


def _common_subsequence_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """An upper bound of difflib's `ratio`, whose matching blocks form a common subsequence: twice the length of the
    longest common subsequence over the total length. Bit-parallel (Allison and Dix, 1986): bit `i` of `row` is set
    where that length grows at word `i` of `b`."""
    length = len(a) + len(b)
    if not length:
        return 1.0
    positions: dict[str, int] = {}
    for i, word in enumerate(b):
        positions[word] = positions.get(word, 0) | 1 << i
    row = 0
    for word in a:
        either = positions.get(word, 0) | row
        row = either & ((either - (row << 1 | 1)) ^ either)
    return 2.0 * row.bit_count() / length


def _is_chaff_line(key: str) -> bool:
    vocab = _vocab()
    return key in vocab.lines or len(key) <= _MAX_CHAFF_LINE_CHARS and vocab.line_pattern.match(key) is not None


def _is_page_end(key: str) -> bool:
    vocab = _vocab()
    return key in vocab.page_ends or vocab.page_end_prefix.match(key) is not None


def _ends_sentence(line: str) -> bool:
    end = line.rstrip("\"')")
    return end.endswith((".", "!", "?")) and not end.endswith("..")


def _is_prose(line: str) -> bool:
    return (
        len(line) >= _MIN_PROSE_CHARS
        and _has_words(line, _MIN_PROSE_WORDS)
        and _ends_sentence(line)
    )


def _is_name(text: str) -> bool:
    words = text.replace("-", " ").split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w.replace("'", "").isalpha() for w in words)


def _is_source_line(line: str) -> bool:
    """A line naming only the sources an article follows: "Theo Reuters", "(Theo AFP, The Hindu)"."""
    match = _SOURCE_LINE.match(line)
    if match is None:
        return False
    sources = _SOURCE_SEPARATOR.split(match.group(1))
    return all(source[:1].isupper() and len(source.split()) <= _MAX_SOURCE_WORDS for source in sources)


def _is_dateline(key: str) -> bool:
    """A line with a date or time and only dateline words: "Thứ Sáu, 10/11/2023 - 15:20", "Đăng lúc 07:30"; or the
    section name a page prints before its weekday ("Chính trị Thứ Năm 27/11/2025, 14:14")."""
    if _DIGIT.search(key) is None:  # what is left after the words must hold a digit
        return False
    key = _SECTION_BEFORE_WEEKDAY.sub("", key, count=1)
    return _DATELINE_REST.match(_vocab().dateline_words.sub("", key)) is not None


_SECTION_BEFORE_WEEKDAY = re.compile(r"^(?:[^\W\d]+\s+){1,3}(?=(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\b)")


def _signature_strength(line: str) -> int:
    """2 for an author or source line ("Ngọc Thúy (TTXVN)", "Minh Hòa/VOV", "Theo Reuters"), 1 for a bare name."""
    if _is_source_line(line) or _ACRONYM.match(line):
        return 2
    bare = _AGENCY_SUFFIX.sub("", line)
    if bare != line and (_is_name(bare) or bare.isupper() or not bare and ":" not in line):
        return 2
    return 1 if _is_name(line) else 0


def _byline_strength(line: str, key: str) -> int:
    """2 for a line that is surely a byline or dateline, 1 for a bare name, 0 otherwise."""
    if len(line) > _MAX_BYLINE_CHARS:
        return 0
    if _vocab().byline_prefix.match(key) or _is_dateline(key):
        return 2
    return _signature_strength(line)


def _is_breadcrumb(line: str) -> bool:
    """A navigation trail or site line such as "Báo X | Thế giới | 10/11/2023" or "Báo X > Quốc tế"."""
    return (
        len(line) <= _MAX_BREADCRUMB_CHARS
        and (">" in line or "»" in line or "|" in line)  # finding a character is much cheaper than the search
        and _BREADCRUMB.search(line) is not None
        and not _ends_sentence(line)
    )


def _is_furniture(line: str, key: str) -> bool:
    """Lines above a title that are never the title: share bars, section names ("Thế giới"), a menu on one line, a
    site's name in capitals, breadcrumbs ("Trang chủ > Quốc tế"), datelines and signatures. A bare acronym ("AUKUS",
    "TTXVN") may be either and is not counted here."""
    return (
        _is_chaff_line(key)
        or key in _vocab().section_names
        or _is_breadcrumb(line)
        or _is_numbered_item(line)
        or _byline_strength(line, key) == 2 and not _ACRONYM.match(line)
        or key.count(" ") >= _MIN_MENU_SECTIONS and not _ends_sentence(line) and _is_menu_run(key)
        or _MASTHEAD.fullmatch(line) is not None
    )


def _is_numbered_item(line: str) -> bool:
    """An item of a numbered menu or list of stories ("1. Dòng sự kiện:", "2. Chiến sự Nga - Ukraine")."""
    return (_NUMBERED.match(line) is not None and not _ends_sentence(line)
            and not _has_words(line, _MAX_MENU_ITEM_WORDS + 1))


def _is_doubled_headline(key: str) -> bool:
    """A teaser's headline printed twice on one line ("Israel mua thêm F-35 Israel mua thêm F-35")."""
    half = len(key) // 2
    return (len(key) % 2 == 1 and key[half] == " " and key[:half] == key[half + 1:]
            and len(key[:half].split()) >= _MIN_TITLE_WORDS)


def _is_menu_run(key: str) -> bool:
    """A line that ends no sentence and is a site's menu printed as one line ("Mới nhất Thời sự Kinh doanh Thể thao
    Giải trí Pháp luật Video"): mostly section names."""
    sections = _vocab().menu_section.findall(key)
    return (len(sections) >= _MIN_MENU_SECTIONS
            and sum(map(len, sections)) * 2 >= len(key) - key.count(" "))


def _is_table_row(line: str) -> bool:
    """A row of a table of related stories ("| headline summary |")."""
    return line.startswith("|") and line.endswith("|")


def _is_glued_links(line: str) -> bool:
    """Headlines of a link list run together without spaces ("... ở Ấn ĐộRCEP - tình hình ...Ấn Độ họp ..."); a
    name written in two capitals and named again ("BrahMos ... BrahMos") is one word, not two junctions."""
    if len(line) < _MIN_GLUED_CHARS:
        return False
    words = {_word_around(line, junction.start()) for junction in _GLUED.finditer(line)}
    return len(words) >= _MIN_GLUED


def _word_around(line: str, position: int) -> str:
    start = end = position
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    while end < len(line) and line[end].isalpha():
        end += 1
    return line[start:end]


def _is_short(line: str) -> bool:
    return not _has_words(line, _MIN_TITLE_WORDS)


def _has_several_sentences(line: str) -> bool:
    """True when a sentence end is followed by more text: such a line is prose, never a title."""
    return len(_sentences_of(line)) > 1


def _could_be_title(line: str, key: str) -> bool:
    return len(line) <= _MAX_TITLE_CHARS and not _is_caption(line, key) and not _has_several_sentences(line)


def _page_furniture(line: str, key: str) -> SegmentKind:
    """A site, section or date line: a byline when it dates or signs the article, else chaff."""
    return "byline" if _FULL_DATE.search(line) or _byline_strength(line, key) else "chaff"


def _is_lead_like(line: str) -> bool:
    return (
        _ends_sentence(line)
        or len(line) > _MAX_TITLE_CHARS
        or _has_words(line, _MIN_LEAD_WORDS)
        or _has_several_sentences(line)
    )


def _is_repeated_text(line: str, key: str) -> bool:
    """A caption or a sentence printed twice (a photo's caption under it and in its alt text), or an author's name
    printed twice (the byline and its link): the copy is chaff, but unlike a teaser headline printed twice it starts
    no block of links."""
    return _is_caption(line, key) or _is_long_sentence(line) or _is_name(line)


def _ends_with_full_stop(line: str) -> bool:
    """"Ngoại trưởng hai nước tại cuộc gặp (ảnh trái)." printed twice is a photo's caption and its copy: a teaser's
    headline ends with no full stop."""
    return line.endswith(".") and not line.endswith("...")


def _is_long_sentence(line: str) -> bool:
    """Longer than a headline and ended as a sentence is: no teaser's headline looks so."""
    return _ends_sentence(line) and _has_words(line, _MIN_LEAD_WORDS)


def _ends_article(line: str) -> bool:
    """The end mark of Vietnamese wire copy ("... hai nước./."): what follows is signature, source or links."""
    return line.endswith(_END_MARKS)


# Letters only Vietnamese spelling uses (NFC): a line of eight words or more with none of them, and with English
# function words, is in another language ("Zambia's Katongo runs with the ball during their final ..."): a caption or
# a link from a foreign feed, never the Vietnamese article's text.
_VIETNAMESE_LETTER = re.compile("[đàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
_ENGLISH_FUNCTION_WORD = re.compile(r"\b(?:the|of|and|with|during|their|at|in|on|for|to|from|is|are|was)\b")
_MIN_FOREIGN_WORDS = 8
_MIN_ENGLISH_FUNCTION_WORDS = 3


# "[Mỹ đề nghị Ấn Độ mua F-16 để tránh trừng phạt ...]": a line in square brackets is a link to another story set
# into the text.
_BRACKETED_LINK = re.compile(r"\[[^\[\]]+\]")


def _is_foreign_language(line: str) -> bool:
    return (not _VIETNAMESE_LETTER.search(line) and _has_words(line, _MIN_FOREIGN_WORDS)
            and len(_ENGLISH_FUNCTION_WORD.findall(line)) >= _MIN_ENGLISH_FUNCTION_WORDS)


def _is_caption(line: str, key: str) -> bool:
    """A line of text ending in a photo credit: "... (Ảnh: Reuters)", "... (Nguồn: PTI)", "... Ảnh: TTXVN"."""
    if len(line) > _MAX_CAPTION_CHARS:
        return False
    offset = max(0, len(key) - _CAPTION_TAIL_CHARS)
    # A credit is bracketed at the end of the line or has a colon after its word.
    if not key.endswith(")") and key.find(":", offset) < 0:
        return False
    credit = _vocab().caption_credit.search(key, offset)
    return credit is not None and len(key[: credit.start()].strip()) >= _MIN_CAPTION_TEXT_CHARS


class _Page:
    """Line-by-line labelling of one page; `kinds[i]` is the label of `lines[i]`, None until decided."""

    def __init__(self, lines: list[str], title_hint: str | None) -> None:
        self.lines = lines
        self.keys = [_key(line) for line in lines]
        self.kinds: list[SegmentKind | None] = [None] * len(lines)
        self.starts_tail = [False] * len(lines)
        self.hard_end = len(lines)
        self.first = self._find_title(title_hint)
        titled = self.first and self.kinds[self.first - 1] == "title"
        self.title = title_hint.strip() if title_hint else lines[self.first - 1] if titled else ""
        for i in range(self.first):
            self.kinds[i] = self.kinds[i] or _page_furniture(lines[i], self.keys[i])

    def _find_title(self, title_hint: str | None) -> int:
        """Label the title line and return the index of the first line after it (or of the first text line).

        Without a hint the title is the first line that is not furniture (the first line when all are); a short
        line ("Rafale", "AUKUS") is the title unless a line that can be a title follows it, which makes it a
        kicker or site name. A page that opens with a paragraph or a caption has no title line.
        """
        if title_hint:
            return self._find_hinted_title(_key(title_hint))
        candidates = (i for i in range(len(self.lines)) if not self._is_furniture(i))
        first_text = next(candidates, None)
        if first_text is None:
            self.kinds[0] = "title"
            return 1
        while _is_short(self.lines[first_text]):
            following = next(candidates, None)
            if following is None or not self._is_title_not_lead(following):
                break
            first_text = following
        if not _could_be_title(self.lines[first_text], self.keys[first_text]):
            return first_text
        first_text = self._last_headline_before_lead(first_text)
        self.kinds[first_text] = "title"
        return first_text + 1

    def _last_headline_before_lead(self, first: int) -> int:
        """The title is the headline right above the article's first paragraph: a run of menu-length lines before it
        (topics of the day, trending stories) is page furniture. A full-length headline is kept: what follows it
        before the lead (an outlet's name and author, a kicker) is not the title."""
        title = first
        for i in range(first + 1, len(self.lines)):
            line, key = self.lines[i], self.keys[i]
            if (_is_lead_like(line) or key in _vocab().section_starts or _is_page_end(key)
                    or _has_words(self.lines[title], _MAX_MENU_WORDS + 1)):
                return title
            if (self._is_furniture(i) or _is_caption(line, key) or _is_short(line)
                    or _byline_strength(line, key) or _near_duplicate(key, self.keys[title])):
                continue
            title = i
        return first

    def _is_title_not_lead(self, i: int) -> bool:
        return _could_be_title(self.lines[i], self.keys[i]) and not _is_lead_like(self.lines[i])

    def _find_hinted_title(self, hint_key: str) -> int:
        for i in range(len(self.lines)):
            if _near_duplicate(self.keys[i], hint_key):
                self.kinds[i] = "title"
                return i + 1
            if not self._is_furniture(i) and not _is_short(self.lines[i]):
                return i
        return 0

    def _is_furniture(self, i: int) -> bool:
        return _is_furniture(self.lines[i], self.keys[i])

    def mark_chaff(self) -> None:
        i = self.first
        title_key = _key(self.title)
        prose_seen = False
        while i < len(self.lines):
            key, line = self.keys[i], self.lines[i]
            if _is_page_end(key):
                if prose_seen and not self._prints_again_later(i):
                    self.hard_end = i
                    return
                # "Bình luận (0) | Chia sẻ" under the byline: a toolbar above the text, not the page's end.
                self.kinds[i] = "chaff"
                i += 1
                continue
            prose_seen = prose_seen or _is_prose(line)
            # A run-together link list, a table row or a doubled headline never ends as a sentence does.
            loose = not _ends_sentence(line)
            slug = _SLUG.match(line) if line[:1].islower() else None
            if key in _vocab().section_starts:
                self.kinds[i] = "chaff"
                self.starts_tail[i] = True
            elif slug:
                # A URL slug alone is a picture's alt text; one run into a headline is a link to another story.
                self.kinds[i] = "chaff"
                self.starts_tail[i] = slug.end() < len(line)
            elif line.rstrip(" |").endswith(("...", "…")) and _TRUNCATED.search(line):
                # "Mỹ cáo buộc Nga ... Theo Reuters, ngày 22/4, ... và tham gia vào việc ... |": a teaser's summary
                # cut off.
                self.kinds[i] = "chaff"
            elif (_near_duplicate(_without_picture_number(key), title_key) or _is_chaff_line(key)
                  or _is_foreign_language(line)
                  or _BRACKETED_LINK.fullmatch(line)
                  or loose and (_is_glued_links(line) or _is_table_row(line) or _is_menu_run(key))):
                self.kinds[i] = "chaff"
            elif _is_breadcrumb(line):
                self.kinds[i] = _page_furniture(line, key)
            elif loose and (self._in_separated_list(i) or self._in_bulleted_headlines(i)):
                self.kinds[i] = "chaff"
            elif loose and _is_doubled_headline(key):
                self.kinds[i] = "chaff"
                self.starts_tail[i] = True
            elif i + 1 < len(self.lines) and _near_duplicate(key, self.keys[i + 1]):
                if _is_repeated_text(self.lines[i], key) or _is_long_sentence(self.lines[i + 1]) \
                        or _ends_with_full_stop(self.lines[i]):
                    self.kinds[i + 1] = "chaff"
                    i += 2
                    continue
                i = self._mark_teaser(i)
                continue
            if not loose and _ends_article(line) and i + 1 < len(self.lines):
                self.starts_tail[i + 1] = True
            i += 1

    def _prints_again_later(self, end: int) -> bool:
        """Whether a paragraph of prose before line `end` is printed again after it: the page showed the article's
        summary above a box ("Tin liên quan", "Đọc nhiều") and the article itself follows the box, so the box's
        heading is not the page's end."""
        after = {self.keys[j][-_SAME_PARAGRAPH_CHARS:] for j in range(end + 1, len(self.lines))
                 if len(self.keys[j]) >= _MIN_RESUMING_CHARS}
        return bool(after) and any(len(self.keys[i]) >= _MIN_RESUMING_CHARS
                                   and self.keys[i][-_SAME_PARAGRAPH_CHARS:] in after and _is_prose(self.lines[i])
                                   for i in range(self.first, end))

    def _in_separated_list(self, i: int) -> bool:
        """"Bão Kalmaegi mạnh nhất năm sắp đổ bộ ... -" over "Khai mạc Hội nghị Trung ương 14 -": headlines of other
        stories, each ended by the separator that joins them into one list. Two such lines in a row make the list."""
        if not _LIST_SEPARATOR_END.search(self.lines[i]):
            return False
        return any(0 <= j < len(self.lines) and _LIST_SEPARATOR_END.search(self.lines[j]) for j in (i - 1, i + 1))

    def _in_bulleted_headlines(self, i: int) -> bool:
        """"- Chi phí quân sự của Trung Quốc sẽ vượt 170 tỷ USD" over "- Nga cắt giảm chi phí quốc phòng": bulleted
        lines that end as no sentence does, two or more in a row, are headlines of other stories; a list a line
        ending in a colon introduces ("Gói vũ khí gồm:") is the article's own."""
        def headline(j: int) -> bool:
            return 0 <= j < len(self.lines) and _BULLET.match(self.lines[j]) is not None \
                and not _ends_sentence(self.lines[j]) and not self.lines[j].rstrip().endswith(";")
        if not headline(i) or not (headline(i - 1) or headline(i + 1)):
            return False
        start = i
        while headline(start - 1):
            start -= 1
        return start == 0 or not self.lines[start - 1].rstrip().endswith(":")

    def _mark_teaser(self, i: int) -> int:
        """Label a headline printed twice, and the summary after it, as chaff; return the next line."""
        self.kinds[i] = self.kinds[i + 1] = "chaff"
        self.starts_tail[i] = True
        summary = i + 2
        if summary < len(self.lines) and self._is_summary(summary):
            self.kinds[summary] = "chaff"
            return summary + 1
        return summary

    def _is_summary(self, i: int) -> bool:
        key = self.keys[i]
        followed_by_pair = i + 1 < len(self.lines) and _near_duplicate(key, self.keys[i + 1])
        return (
            len(self.lines[i]) <= _MAX_SUMMARY_CHARS
            and not followed_by_pair
            and not _is_page_end(key)
            and key not in _vocab().section_starts
            and not _is_chaff_line(key)
        )

    def mark_tail(self) -> None:
        """Chaff everything after a tail start, unless two prose paragraphs show the body goes on."""
        in_tail = False
        for i in range(self.first, len(self.lines)):
            if i >= self.hard_end:
                self.kinds[i] = "chaff"
                continue
            in_tail = in_tail or self.starts_tail[i]
            if in_tail and self.kinds[i] is None:
                if self._body_resumes(i):
                    in_tail = False
                else:
                    self.kinds[i] = "chaff"

    def _body_resumes(self, i: int) -> bool:
        """Whether line `i` starts article text again after a box of links: a paragraph of several sentences (a
        teaser's summary has one), or prose followed by more prose, a photo caption in between or not."""
        line = self.lines[i]
        if not _is_prose(line):
            return False
        if len(line) >= _MIN_RESUMING_CHARS and len(_sentences_of(line)) > 1:
            return True
        following = i + 1
        while following < self.hard_end and (_is_caption(self.lines[following], self.keys[following])
                                              or _SLUG.fullmatch(self.lines[following])):
            following += 1
        return (
            following < self.hard_end
            and self.kinds[following] is None
            and _is_prose(self.lines[following])
        )

    def _body_follows(self, i: int) -> bool:
        """True when two prose paragraphs come after line `i` before the next chaff."""
        for j in range(i + 1, len(self.lines)):
            if self.kinds[j] == "chaff":
                return False
            if self.kinds[j] is None and self._body_resumes(j):
                return True
        return False

    def mark_main(self) -> None:
        """Label the lines left: bylines, captions, the lead (first paragraph of prose) and the body.

        A signature after the text (author or source) ends the article as a teaser does: what follows is
        chaff unless two prose paragraphs show the body goes on.
        """
        seen_text = in_tail = False
        for i in range(self.first, len(self.lines)):
            if self.kinds[i] is not None:
                continue
            line, key = self.lines[i], self.keys[i]
            strength = _byline_strength(line, key)
            if in_tail and strength < 2 and not self._body_resumes(i):
                self.kinds[i] = "chaff"
                continue
            in_tail = False
            if strength == 2 or strength == 1 and (not seen_text or not self._body_follows(i)):
                self.kinds[i] = "byline"
                in_tail = seen_text and _signature_strength(line) > 0
            elif _is_caption(line, key):
                self.kinds[i] = "caption"
            elif seen_text:
                self.kinds[i] = "body"
            elif _is_lead_like(line):
                self.kinds[i] = "lead"
                seen_text = True
            else:
                self.kinds[i] = _page_furniture(line, key)


def segment(text: str, title_hint: str | None = None) -> tuple[Segment, ...]:
    """Label the non-empty lines of a normalised page; the title is `title_hint` or the first line of text."""
    lines = [line for line in map(str.strip, text.split("\n")) if line]
    if not lines:
        return (Segment("title", title_hint.strip()),) if title_hint and title_hint.strip() else ()
    page = _Page(lines, title_hint)
    page.mark_chaff()
    page.mark_tail()
    page.mark_main()
    segments = [Segment(kind, line) for kind, line in zip(page.kinds, lines, strict=True) if kind is not None]
    if page.title and "title" not in page.kinds:
        segments.insert(0, Segment("title", page.title))
    return tuple(segments)


_ABBREVIATIONS = frozenset(
    "tp tx tt ts gs pgs ths ncs bs ks ls th mr mrs ms dr prof st jr sr gen col lt capt sgt no vs co inc ltd corp"
    .split()
)
_BOUNDARY = re.compile(r"""([.!?]+)(["')\]]*)(?:\s+|(?=[^\W\d_]))(?=["'(\[]?[\w"'])""")
# The same pattern for a paragraph without "!" or "?": starting with a literal, it skips from period to period
# several times faster than a pattern starting with a character class.
_PERIOD_BOUNDARY = re.compile(r"""(\.\.*)(["')\]]*)(?:\s+|(?=[^\W\d_]))(?=["'(\[]?[\w"'])""")
_MAX_WORD_CHARS = 40
_MAX_SENTENCE_CHARS = 2000
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_MAX_ABBREVIATION_CHARS = max(map(len, _ABBREVIATIONS))
_YEAR_WORD = re.compile(r"(?:\d{1,2}[/.-]){0,2}(?:19|20)\d\d")


def _word_before(text: str, end: int) -> str:
    before = text[max(0, end - _MAX_WORD_CHARS) : end]
    return before.rsplit(maxsplit=1)[-1] if before[-1:].strip() else ""


def _is_abbreviation(word: str) -> bool:
    """An initial ("A"), a dotted abbreviation ("U.S", "TP.HCM") or a listed one ("Tp", "Dr")."""
    if len(word) == 1:
        return word.isupper() and word.isascii()  # "châu Á." ends a sentence; "Donald J. Trump" has an initial
    if "." in word and _DOTTED_ABBREVIATION.fullmatch(word):
        return True
    return len(word) <= _MAX_ABBREVIATION_CHARS and word.casefold() in _ABBREVIATIONS


def _glued_sentence_end(paragraph: str, punctuation_start: int) -> bool:
    """"... tại Washington (Mỹ).Đây là ...": a copy that lost the space after a sentence; the punctuation closes a
    word of two or more letters, or a bracket, not an initial ("D.C", "TP.HCM")."""
    before = paragraph[punctuation_start - 1] if punctuation_start else ""
    if before in ")\"'”":
        return True
    word = _word_before(paragraph, punctuation_start)
    if len(word) >= 2 and before.islower():
        return True
    # "... khoảng 2 tỷ USD.Theo tuyên bố ...": an acronym of three letters or more, then a capitalised word.
    after = paragraph[punctuation_start + 1:punctuation_start + 3]
    capitalised = after[:1].isupper() and after[1:].islower()
    # "... 11 tiêm kích Su-35.Mặc dù vậy ...": a model designation (letters and figures), then a capitalised word.
    model = before.isdigit() and any(c.isalpha() for c in word)
    # "... hội nghị thượng đỉnh tháng 4/2023.Đây là ...": a year, alone or closing a date, then a capitalised word.
    year = before.isdigit() and _YEAR_WORD.fullmatch(word) is not None
    return capitalised and (len(word) >= 3 and word.isalpha() and word.isupper() or model or year)


def _ends_sentence_at(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a boundary match outside quotes ends a sentence: not an ellipsis, not followed by a lowercase word or
    a bracket, not the period of an abbreviation."""
    punctuation, following = match[1], paragraph[match.end()]
    if punctuation[0] == "." and len(punctuation) > 1 or following.islower() or following == "(":
        return False
    if match.end() == match.end(2) and not _glued_sentence_end(paragraph, match.start()):
        return False
    if punctuation != "." or _ends_a_long_word(paragraph, match.start()):
        return True
    return not _is_abbreviation(_word_before(paragraph, match.start()).lstrip("\"'(["))


# Longer than any abbreviation `_is_abbreviation` knows, and than the last part of a dotted one.
_LONG_WORD_CHARS = max(_MAX_ABBREVIATION_CHARS, 3) + 1


def _ends_a_long_word(paragraph: str, end: int) -> bool:
    """Whether `_LONG_WORD_CHARS` letters or digits stand right before `end`: the end of no abbreviation (most
    periods end such a word, and this test is cheaper than finding the word)."""
    return end >= _LONG_WORD_CHARS and paragraph[end - _LONG_WORD_CHARS:end].isalnum()


def _sentence_cuts(paragraph: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) at each sentence end that is not an abbreviation, an initial, an
    ellipsis or inside quotes."""
    # Quotes only matter when they pair up; otherwise no boundary is ever inside one.
    track_quotes = '"' in paragraph and paragraph.count('"') % 2 == 0
    pattern = _BOUNDARY if "!" in paragraph or "?" in paragraph else _PERIOD_BOUNDARY
    cuts, quotes, counted_to = [], 0, 0
    for match in pattern.finditer(paragraph):
        end, following = match.end(2), match.end()
        opens_next = bool(match[2]) and _opens_next_sentence(paragraph, match)
        if opens_next:
            end = following = match.start(2)
        if track_quotes:
            quotes += paragraph.count('"', counted_to, end)
            counted_to = end
            if quotes % 2:
                continue
        if opens_next or _ends_sentence_at(paragraph, match):
            cuts.append((end, following))
    return cuts


def _opens_next_sentence(paragraph: str, match: re.Match[str]) -> bool:
    """"... trong tháng 10."Đối thoại quốc phòng" thường ...": a quote glued to both the period and a capital opens
    the next sentence (a closing quote is followed by a space)."""
    return (match[1] == "." and match[2] in ('"', "“") and match.end() == match.end(2)
            and paragraph[match.end():match.end() + 1].isupper()
            and not _is_abbreviation(_word_before(paragraph, match.start()).lstrip("\"'([")))


def _sentences_of(paragraph: str) -> list[str]:
    """Split one paragraph at sentence ends, not at abbreviations, initials, ellipses or inside quotes."""
    sentences, start = [], 0
    for end, following in _sentence_cuts(paragraph):
        sentences.append(paragraph[start:end].strip())
        start = following
    sentences.append(paragraph[start:].strip())
    kept = [sentence for sentence in sentences if sentence]
    if len(paragraph) <= _MAX_SENTENCE_CHARS or max(map(len, kept), default=0) <= _MAX_SENTENCE_CHARS:
        return kept
    return [piece for sentence in kept for piece in _pieces(sentence)]


def _pieces(sentence: str) -> list[str]:
    """`sentence` cut at spaces into pieces of at most _MAX_SENTENCE_CHARS, so that no extractor gets a huge one."""
    pieces = []
    while len(sentence) > _MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, _MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else _MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*pieces, sentence]


def split_sentences(segments: Sequence[Segment]) -> tuple[Sentence, ...]:
    """Sentences of the main segments (title, lead, body, caption), numbered in order; a title is one sentence."""
    return sentences_and_paragraphs(segments)[0]


def sentences_and_paragraphs(segments: Sequence[Segment]) -> tuple[tuple[Sentence, ...], dict[int, int]]:
    """`split_sentences`, and the paragraph of each sentence index: the position of its segment among the main ones."""
    sentences: list[Sentence] = []
    paragraph_of: dict[int, int] = {}
    main = (seg for seg in segments if seg.kind in MAIN_SEGMENTS)
    for paragraph, seg in enumerate(main):
        texts = [seg.text] if seg.kind == "title" else [
            sentence for line in seg.text.split("\n") for sentence in _sentences_of(line)
        ]
        for text in texts:
            paragraph_of[len(sentences)] = paragraph
            sentences.append(Sentence(len(sentences), seg.kind, text))
    return tuple(sentences), paragraph_of
