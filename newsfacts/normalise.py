"""Normalise Vietnamese text: NFC, one tone-mark placement, plain quotes and dashes, tidy whitespace."""

from __future__ import annotations

import re
import unicodedata

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_CONSONANTS = "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX"

_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", " "),
    **dict.fromkeys("\u202f\u205f\u3000\t", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    **dict.fromkeys("\r\u2028\u2029\u0085\v\f", "\n"),
    "\u2026": "...",
    # "Ðà Lạt": the Icelandic eth some pages use for the Vietnamese đ.
    "\u00d0": "\u0110", "\u00f0": "\u0111",
}
_SPACE_RUN = re.compile(r" {2,}")
_LINE_EDGE_SPACE = re.compile(r" *\n *")
_BLANK_LINE_RUN = re.compile(r"\n{3,}")


def _move_tone(nucleus: str) -> str:
    """Move the tone mark of an old-style two-vowel nucleus ("oà") onto its first vowel ("òa")."""
    first, second = nucleus
    decomposed = unicodedata.normalize("NFD", second)
    mark = next(c for c in decomposed if c in _TONE_MARKS)
    bare = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", first + mark + bare)


def _old_style_nuclei() -> dict[str, str]:
    """Every old-style oa/oe/uy nucleus with a tone mark, mapped to its new-style spelling."""
    table = {}
    for first in "oOuU":
        for base in "aAeE" if first in "oO" else "yY":
            for mark in _TONE_MARKS:
                old = unicodedata.normalize("NFC", first + base + mark)
                table[old] = _move_tone(old)
    return table


_NEW_STYLE = _old_style_nuclei()
# One pattern per first vowel: a pattern that starts with a literal skips from one such vowel to the next several times
# faster than a pattern that starts with a character class.
_WORD_FINAL_NUCLEI = tuple(
    re.compile(f"{first}[{''.join(nucleus[1] for nucleus in _NEW_STYLE if nucleus[0] == first)}](?!\\w)")
    for first in "oOuU"
)


def _retone(match: re.Match[str]) -> str:
    """The new-style spelling of a word-final oa/oe/uy nucleus when only consonants (not "qu") precede it."""
    nucleus = match.group()
    text, start = match.string, match.start()
    onset = start
    while onset > 0 and text[onset - 1] in _CONSONANTS:
        onset -= 1
    if onset > 0 and (text[onset - 1].isalnum() or text[onset - 1] == "_"):
        return nucleus
    if nucleus[0] in "uU" and text[start - 1 : start] in ("q", "Q"):
        return nucleus
    return _NEW_STYLE[nucleus]


def _tighten_plus(text: str) -> str:
    """Drop the spaces around a plus sign between digits: "2 + 2" -> "2+2"."""
    pieces, start = [], 0
    plus = text.find("+")
    while plus != -1:
        left, right = plus, plus + 1
        while left > 0 and text[left - 1] == " ":
            left -= 1
        while right < len(text) and text[right] == " ":
            right += 1
        if left > 0 and text[left - 1].isdigit() and right < len(text) and text[right].isdigit():
            pieces += [text[start:left], "+"]
            start = right
        plus = text.find("+", plus + 1)
    return "".join(pieces) + text[start:]


def normalise(text: str) -> str:
    """Return `text` in NFC with new-style tone marks, plain quotes/dashes, `2+2`, single spaces and LF lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    for char, replacement in _REPLACEMENTS.items():
        if char in text:
            text = text.replace(char, replacement)
    for nuclei in _WORD_FINAL_NUCLEI:
        text = nuclei.sub(_retone, text)
    if "+" in text:
        text = _tighten_plus(text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGE_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINE_RUN.sub("\n\n", text)
    return text.strip()
