"""What every reader shares: the error type, size limits and date checking."""

from __future__ import annotations

import re

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_TEXT_CHARS = 2 * MB

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


class ReadError(Exception):
    """A file, line or archive member that could not be read; `str(e)` is `"{path}: {problem}"`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def iso_date(value: object) -> str | None:
    """The `YYYY-MM-DD` day of an ISO date or timestamp; None for an empty value; ValueError for anything else."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"bad date '{text}'")
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= _days_in(year, month)):
        raise ValueError(f"bad date '{text}'")
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"
