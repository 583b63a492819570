"""Normalise Vietnamese text: NFC, one tone-mark placement, plain quotes and dashes, tidy whitespace."""

from __future__ import annotations

import re
import unicodedata

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_CONSONANTS = "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX"

_CHAR_MAP = {
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"), '"'),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
    **dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " "),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
    **dict.fromkeys(map(ord, "\r\u2028\u2029\u0085\v\f"), "\n"),
    ord("\u2026"): "...",
}

_SPACED_PLUS = re.compile(r"(?<=\d)[ ]*\+[ ]*(?=\d)")
_SPACE_RUN = re.compile(r" {2,}")
_LINE_EDGE_SPACE = re.compile(r" *\n *")
_BLANK_LINE_RUN = re.compile(r"\n{3,}")


def _retone(match: re.Match[str]) -> str:
    onset, nucleus = match.group(1), match.group(2)
    if onset[-1:] in ("q", "Q") and nucleus[0] in "uU":
        return match.group(0)
    return onset + _NEW_STYLE[nucleus]


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
        for base in ("aAeE" if first in "oO" else "yY"):
            for mark in _TONE_MARKS:
                old = unicodedata.normalize("NFC", first + base + mark)
                table[old] = _move_tone(old)
    return table


_NEW_STYLE = _old_style_nuclei()
_OLD_TONE = re.compile(rf"(?<!\w)([{_CONSONANTS}]*)({'|'.join(_NEW_STYLE)})(?!\w)")


def normalise(text: str) -> str:
    """Return `text` in NFC with new-style tone marks, plain quotes/dashes, `2+2`, single spaces and LF lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).translate(_CHAR_MAP)
    text = _OLD_TONE.sub(_retone, text)
    text = _SPACED_PLUS.sub("+", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _LINE_EDGE_SPACE.sub("\n", text)
    return _BLANK_LINE_RUN.sub("\n\n", text).strip()
