"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, legacy Windows-1258; refuse binary data."""

from __future__ import annotations

import codecs
import re
import unicodedata

CANNOT_DECODE = "cannot decode: not UTF-8, UTF-16 or Windows-1258"
BINARY = "binary file"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE_BYTES = 4096
_MIN_NUL_SHARE = 0.3
_MAX_CONTROL_SHARE = 0.05
_MIN_VIETNAMESE_WORD_SHARE = 0.2
_MAX_UTF8_ERROR_SHARE = 0.1
_VIETNAMESE_SAMPLE_CHARS = 20000
_ASCII_BYTES = bytes(range(0x80))
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
_VIETNAMESE_MARK = re.compile("[đĐ\u0306\u0309\u031b\u0323]")


def decode_bytes(data: bytes) -> str:
    """Decode `data` by its BOM, as UTF-8, as BOM-less UTF-16 or as Vietnamese Windows-1258; ValueError if none fits."""
    text = _decode(data)
    if _has_control_bytes(data) and _mostly_control(text):
        raise ValueError(BINARY)
    return text


def _has_control_bytes(data: bytes) -> bool:
    """False when no encoding we read can give a control character from `data` (each one needs such a byte)."""
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def _mostly_control(text: str) -> bool:
    sample = text[:_SAMPLE_BYTES]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    utf16 = _bomless_utf16(data[:_SAMPLE_BYTES])
    if utf16:
        return _strict(data, utf16)
    if b"\x00" in data:
        raise ValueError(BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8")
        if _damaged_utf8(data):
            raise ValueError(CANNOT_DECODE) from None
        return _windows_1258(data)


def _damaged_utf8(data: bytes) -> bool:
    """True when nearly all non-ASCII bytes form valid UTF-8, so Windows-1258 would only give mojibake."""
    high_bytes = len(data.translate(None, _ASCII_BYTES))
    return data.decode("utf-8", errors="replace").count("\ufffd") < _MAX_UTF8_ERROR_SHARE * high_bytes


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ValueError(CANNOT_DECODE) from None


def _bomless_utf16(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit on one side of most byte pairs, as in UTF-16 Latin text."""
    pairs = len(sample) // 2
    if pairs == 0 or b"\x00" not in sample:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls >= _MIN_NUL_SHARE * pairs and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= _MIN_NUL_SHARE * pairs and odd_nuls == 0:
        return "utf-16-be"
    return None


def _windows_1258(data: bytes) -> str:
    text = data.decode("cp1258", errors="replace")
    if _mostly_control(text):
        raise ValueError(BINARY)
    text = unicodedata.normalize("NFC", text)
    if "\ufffd" in text or not _looks_vietnamese(text):
        raise ValueError(CANNOT_DECODE)
    return text


def _looks_vietnamese(text: str) -> bool:
    """True when a fifth of the words have đ, a breve, a horn, a hook above or a dot below (half do in Vietnamese)."""
    words = _WORD.findall(text[:_VIETNAMESE_SAMPLE_CHARS])
    marked = sum(1 for word in words if _VIETNAMESE_MARK.search(unicodedata.normalize("NFD", word)))
    return bool(words) and marked >= _MIN_VIETNAMESE_WORD_SHARE * len(words)
