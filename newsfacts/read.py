"""Read articles from .txt/.md (with manifest or front matter), .html, .jsonl/.json and .zip files."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from newsfacts.readers.archive import open_archive, zip_members
from newsfacts.readers.base import MAX_FILE_BYTES, MAX_TEXT_CHARS, ReadError, iso_date, megabytes
from newsfacts.readers.decode import decode_bytes
from newsfacts.readers.html import read_html
from newsfacts.readers.text import split_front_matter
from newsfacts.records import ArticleMeta, RawArticle

__all__ = ["ReadError", "discover", "is_article_file", "load_manifest", "parse_manifest_bytes", "read_file", "supported"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
ZIP_SUFFIXES = frozenset({".zip"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | ZIP_SUFFIXES
# Markdown beside articles is notes (README, annotation guides): read a .md file only when it is named itself.
NAMED_ONLY_SUFFIXES = frozenset({".md"})
FOUND_SUFFIXES = SUPPORTED_SUFFIXES - NAMED_ONLY_SUFFIXES
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "source", "url", "published")
_JSON_TEXT_KEYS = ("text", "content")
_JSON_DATE_KEYS = ("published", "date", "published_at")
_JSON_SOURCE_KEYS = ("source", "site", "sitename")

Manifest = Mapping[str, ArticleMeta]


def supported(path: Path) -> bool:
    """True for the file types `read_file` reads."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def is_article_file(relative: PurePosixPath | Path) -> bool:
    """True for a supported article file whose path (relative to the folder searched) has no hidden part."""
    return _is_article_name(relative.name) and not any(_hidden(part) for part in relative.parts)


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files given plus the article files under folders given (recursively, no .md notes), sorted, without duplicates."""
    found: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            found.update((name, Path(name)) for name in _article_files(str(path)))
        else:
            found.setdefault(str(path), path)
    return sorted(found.values(), key=lambda path: path.parts)


def _article_files(folder: str) -> Iterator[str]:
    """Article files under `folder`, skipping hidden folders; like `rglob`, it does not follow linked folders."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink() and not _hidden(entry.name):
                yield from _article_files(entry.path)
        elif _is_article_name(entry.name) and entry.is_file():
            yield entry.path


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def _is_article_name(name: str) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return not _hidden(name) and suffix in FOUND_SUFFIXES and not name.endswith(".gold.json")


def load_manifest(csv_path: Path) -> dict[str, ArticleMeta]:
    """Metadata by file name from a CSV with columns file, source, url, published; ReadError when it is malformed."""
    label = str(csv_path)
    try:
        data = csv_path.read_bytes()
    except FileNotFoundError:
        raise ReadError(label, "file not found") from None
    except OSError as error:
        raise ReadError(label, f"cannot read: {error.strerror or error}") from None
    return parse_manifest_bytes(label, data)


def parse_manifest_bytes(label: str, data: bytes) -> dict[str, ArticleMeta]:
    """A manifest's entries from its bytes (read from anywhere); ReadError naming `label` when it is malformed."""
    try:
        return _parse_manifest(decode_bytes(data))
    except ValueError as error:
        raise ReadError(label, str(error)) from None


def _parse_manifest(text: str) -> dict[str, ArticleMeta]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [name.strip().casefold() for name in reader.fieldnames or ()]
    if "file" not in columns:
        raise ValueError("missing column 'file'")
    unknown = [name for name in columns if name not in MANIFEST_COLUMNS]
    if unknown:
        raise ValueError(f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                         f"(expected {', '.join(MANIFEST_COLUMNS)})")
    reader.fieldnames = columns
    entries: dict[str, ArticleMeta] = {}
    for row in reader:
        line = reader.line_num
        name = _manifest_key(row.get("file") or "")
        if not name:
            raise ValueError(f"empty 'file' on line {line}")
        if name in entries:
            raise ValueError(f"duplicate file '{name}' on line {line}")
        try:
            published = iso_date(row.get("published"))
        except ValueError as error:
            raise ValueError(f"{error} on line {line}") from None
        entries[name] = ArticleMeta(
            path=name, source=_blank_to_none(row.get("source")), url=_blank_to_none(row.get("url")), published=published
        )
    return entries


def _manifest_key(name: str) -> str:
    return name.strip().replace("\\", "/").removeprefix("./")


def _blank_to_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _manifest_entry(manifest: Manifest, path: PurePosixPath) -> ArticleMeta | None:
    """The entry whose file name is `path` or a trailing part of it (`sub/a.txt` for `data/sub/a.txt`)."""
    parts = path.parts
    for start in range(len(parts)):
        entry = manifest.get("/".join(parts[start:]))
        if entry is not None:
            return entry
    return None


@lru_cache(maxsize=32)
def _cached_manifest(csv_path: str, _mtime_ns: int) -> dict[str, ArticleMeta] | ReadError:
    try:
        return load_manifest(Path(csv_path))
    except ReadError as error:
        return error


def _folder_manifest(path: Path) -> dict[str, ArticleMeta] | ReadError | None:
    csv_path = os.path.join(os.path.dirname(path), MANIFEST_NAME)
    try:
        mtime_ns = os.stat(csv_path).st_mtime_ns
    except OSError:
        return None
    return _cached_manifest(csv_path, mtime_ns)


def read_file(
    path: Path | str, manifest: Manifest | None = None, data: bytes | None = None
) -> Iterator[RawArticle | ReadError]:
    """One RawArticle per article in `path` (or in `data`, named `path`), and a ReadError for each unit that fails.

    `path` may be a URL string when `data` is given; its folder's manifest is then not looked for.
    """
    label = str(path)
    name = PurePosixPath(path.as_posix() if isinstance(path, Path) else urlsplit(path).path)
    suffix = name.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReadError(label, f"unsupported file type '{suffix or path.name}'")
        return
    if data is None:
        try:
            data = _read_bytes(path)
        except ReadError as error:
            yield error
            return
    if manifest is None and isinstance(path, Path) and suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        found = _folder_manifest(path)
        if isinstance(found, ReadError):
            yield found
        else:
            manifest = found
    yield from _read_unit(label, name, data, manifest or {}, nested=False)


def _read_bytes(path: Path) -> bytes:
    label = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(label, f"file too large ({megabytes(size)} > {megabytes(MAX_FILE_BYTES)})")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(label, "file not found") from None
    except OSError as error:
        raise ReadError(label, f"cannot read: {error.strerror or error}") from None


def _read_unit(
    label: str, name: PurePosixPath, data: bytes, manifest: Manifest, *, nested: bool
) -> Iterator[RawArticle | ReadError]:
    suffix = name.suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        yield ReadError(label, f"file too large ({megabytes(len(data))} > {megabytes(MAX_FILE_BYTES)})")
        return
    if suffix in ZIP_SUFFIXES:
        yield from _zip_articles(label, data, manifest, nested=nested)
        return
    try:
        text = decode_bytes(data)
    except ValueError as error:
        yield ReadError(label, str(error))
        return
    if not text.strip():
        yield ReadError(label, "empty file")
    elif suffix in JSON_SUFFIXES:
        yield from _json_articles(label, suffix, text)
    elif suffix in HTML_SUFFIXES:
        yield from _html_article(label, text, _manifest_entry(manifest, name))
    else:
        yield from _text_article(label, text, _manifest_entry(manifest, name))


def _capped(label: str, text: str) -> Iterator[str | ReadError]:
    """`text`, cut at a line break before MAX_TEXT_CHARS when longer, with a ReadError saying so."""
    if len(text) <= MAX_TEXT_CHARS:
        yield text
        return
    cut = text.rfind("\n", 0, MAX_TEXT_CHARS)
    yield ReadError(label, f"text truncated to its first {MAX_TEXT_CHARS:,} characters (of {len(text):,})")
    yield text[: cut if cut > 0 else MAX_TEXT_CHARS]


def _with_manifest(meta: ArticleMeta, entry: ArticleMeta | None) -> ArticleMeta:
    if entry is None:
        return meta
    return replace(
        meta,
        source=entry.source or meta.source,
        url=entry.url or meta.url,
        published=entry.published or meta.published,
    )


def _text_article(label: str, text: str, entry: ArticleMeta | None) -> Iterator[RawArticle | ReadError]:
    fields, body = split_front_matter(text)
    published = None
    try:
        published = iso_date(fields.get("published"))
    except ValueError as error:
        yield ReadError(label, f"{error} in front matter")
    meta = ArticleMeta(
        path=label, source=fields.get("source"), url=fields.get("url"), published=published, title=fields.get("title")
    )
    yield from _article(label, body, _with_manifest(meta, entry))


def _article(label: str, text: str, meta: ArticleMeta, html: str | None = None) -> Iterator[RawArticle | ReadError]:
    if not text.strip():
        yield ReadError(label, "no article text")
        return
    for item in _capped(label, text):
        yield item if isinstance(item, ReadError) else RawArticle(text=item, meta=meta, html=html)


def _html_article(label: str, html: str, entry: ArticleMeta | None) -> Iterator[RawArticle | ReadError]:
    page = read_html(html)
    try:
        published = iso_date(page.published)
    except ValueError:
        published = None
    meta = ArticleMeta(path=label, source=page.source, url=page.url, published=published, title=page.title)
    yield from _article(label, page.text, _with_manifest(meta, entry), html=html)


def _json_articles(label: str, suffix: str, text: str) -> Iterator[RawArticle | ReadError]:
    if suffix == ".json":
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            value = None
        if isinstance(value, dict):
            yield from _json_article(label, label, "", value)
            return
        if isinstance(value, list):
            for number, item in enumerate(value, 1):
                yield from _json_article(f"{label}#{number}", label, f"item {number}: ", item)
            return
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            yield ReadError(label, f"line {number}: not valid JSON")
            continue
        yield from _json_article(f"{label}#L{number}", label, f"line {number}: ", value)


def _first_string(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _json_article(unit: str, label: str, where: str, record: object) -> Iterator[RawArticle | ReadError]:
    """One article from a JSON object with title, text (or html, content), url, published and source fields."""
    if not isinstance(record, dict):
        yield ReadError(label, f"{where}not a JSON object")
        return
    published = None
    try:
        published = iso_date(_first_string(record, _JSON_DATE_KEYS))
    except ValueError as error:
        yield ReadError(label, f"{where}{error}")
    meta = ArticleMeta(
        path=unit,
        source=_first_string(record, _JSON_SOURCE_KEYS),
        url=_first_string(record, ("url",)),
        published=published,
        title=_first_string(record, ("title",)),
    )
    text = _first_string(record, _JSON_TEXT_KEYS)
    html = _first_string(record, ("html",))
    if text is None and html is not None:
        page = read_html(html)
        text = page.text
        meta = replace(
            meta, title=meta.title or page.title, url=meta.url or page.url, source=meta.source or page.source
        )
    if not text:
        yield ReadError(label, f"{where}no text, html or content field")
        return
    yield from _article(unit, text, meta, html=html)


def _zip_articles(label: str, data: bytes, manifest: Manifest, *, nested: bool) -> Iterator[RawArticle | ReadError]:
    try:
        archive = open_archive(data)
    except ValueError as error:
        yield ReadError(label, str(error))
        return
    with archive:
        for member in zip_members(archive, lambda name: is_article_file(PurePosixPath(name))):
            member_label = f"{label}!{member.name}"
            if member.problem:
                yield ReadError(member_label, member.problem)
            elif nested and member.name.lower().endswith(".zip"):
                yield ReadError(member_label, "refused: archive nested more than one level deep")
            else:
                yield from _read_unit(member_label, PurePosixPath(member.name), member.data, manifest, nested=True)
