"""Zip archives read in memory, refusing unsafe paths, symbolic links and zip bombs."""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsfacts.readers.base import MAX_FILE_BYTES, MB, megabytes

MAX_ARCHIVE_BYTES = 200 * MB
MAX_RATIO = 100
_RATIO_FLOOR_BYTES = MB
_CHUNK_BYTES = MB
_PATH_PARTS = re.compile(r"[/\\]")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Member:
    """A file inside an archive: its bytes, or the reason it was refused."""

    name: str
    data: bytes = b""
    problem: str | None = None


def open_archive(data: bytes) -> zipfile.ZipFile:
    """The zip archive in `data`; ValueError when it is not one or declares too much uncompressed data."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise ValueError("not a valid zip archive") from None
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_ARCHIVE_BYTES:
        archive.close()
        raise ValueError(f"refused: uncompressed size {megabytes(declared)} > {megabytes(MAX_ARCHIVE_BYTES)}")
    return archive


def zip_members(archive: zipfile.ZipFile, wanted: Callable[[str], bool]) -> Iterator[Member]:
    """The files of `archive` whose names `wanted` accepts, and every member refused as unsafe."""
    budget = MAX_ARCHIVE_BYTES
    for info in archive.infolist():
        if info.is_dir() or _hidden(info.filename):
            continue
        problem = _refusal(info)
        if problem:
            yield Member(info.filename, problem=problem)
        elif wanted(info.filename):
            member = _read_member(archive, info, budget)
            budget -= len(member.data)
            yield member


def _hidden(name: str) -> bool:
    parts = _PATH_PARTS.split(name)
    return any(part.startswith(".") and part not in (".", "..") or part == "__MACOSX" for part in parts)


def _refusal(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in _PATH_PARTS.split(name):
        return "refused: unsafe path"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "refused: symbolic link"
    if info.file_size > _RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return f"refused: compression ratio over {MAX_RATIO} (zip bomb?)"
    return None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> Member:
    """Read one member in chunks, stopping at the size caps whatever its header claims."""
    cap = min(MAX_FILE_BYTES, budget)
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK_BYTES):
                size += len(chunk)
                if size > _RATIO_FLOOR_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
                    return Member(info.filename, problem=f"refused: compression ratio over {MAX_RATIO} (zip bomb?)")
                if size > cap:
                    return Member(info.filename, problem=f"refused: more than {megabytes(cap)} uncompressed")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError) as error:
        return Member(info.filename, problem=f"cannot read member: {error}")
    return Member(info.filename, data=b"".join(chunks))
