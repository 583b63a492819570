"""Where ingest inputs live: local paths, or fsspec URLs (`s3://`, `gs://`, `memory://`, ...).

An input is a `Path` when it is local (a `file://` URL becomes one) and its canonical URL string otherwise.
URLs need fsspec (and the filesystem's own package, e.g. s3fs), installed with the `scale` extra
(requirements-scale.txt); local paths never import it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from newsfacts.readers.base import ReadError

Input = Path | str
FILE_SCHEME = "file://"


def is_url(name: str) -> bool:
    return "://" in name and not name.startswith(FILE_SCHEME)


def input_of(name: Path | str) -> Input:
    """The input `name` stands for: a `Path` for a local path or `file://` URL, else the canonical URL."""
    text = str(name) if isinstance(name, Path) else name
    if not is_url(text):
        return Path(text.removeprefix(FILE_SCHEME)) if text.startswith(FILE_SCHEME) else Path(name)
    fs, path = _filesystem(text)
    return fs.unstrip_protocol(path)


def exists(item: Input) -> bool:
    if isinstance(item, Path):
        return item.exists()
    fs, path = _filesystem(item)
    return fs.exists(path)


def is_file(item: Input) -> bool:
    if isinstance(item, Path):
        return item.is_file()
    fs, path = _filesystem(item)
    return fs.isfile(path)


def discover(items: list[Input]) -> list[Input]:
    """The article files given and under the folders given: local ones as `read.discover` finds them, then URLs."""
    from newsfacts.read import discover as discover_local

    local = discover_local([item for item in items if isinstance(item, Path)])
    urls = {url: None for item in items if isinstance(item, str) for url in _article_urls(item)}
    return [*local, *sorted(urls)]


def _article_urls(url: str) -> list[str]:
    from newsfacts.read import is_article_file

    fs, root = _filesystem(url)
    if not fs.isdir(root):
        return [url]
    base = PurePosixPath(root)
    return [fs.unstrip_protocol(found) for found in fs.find(root)
            if is_article_file(PurePosixPath(found).relative_to(base))]


def folder_of(item: Input) -> str:
    return os.path.dirname(str(item))


def manifest_beside(item: Input, name: str) -> Input | None:
    """The file `name` in the folder of `item`, when it exists."""
    if isinstance(item, Path):
        path = os.path.join(folder_of(item), name)
        return Path(path) if os.path.isfile(path) else None
    candidate = f"{folder_of(item)}/{name}"
    return candidate if is_file(candidate) else None


def sha256_of(item: Input) -> str:
    digest = hashlib.sha256()
    with _open(item) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_and_hash(item: Input, max_bytes: int) -> tuple[bytes | None, str, int]:
    """The file's bytes (None when larger than `max_bytes`), their sha256 and the file's size."""
    with _open(item) as handle:
        size = os.fstat(handle.fileno()).st_size if isinstance(item, Path) else handle.size
        if size > max_bytes:
            return None, hashlib.file_digest(handle, "sha256").hexdigest(), size
        data = handle.read()
    return data, hashlib.sha256(data).hexdigest(), len(data)


def load_manifest(item: Input) -> dict:
    """`read.load_manifest` for a local path or a URL; ReadError when it cannot be read or is malformed."""
    from newsfacts.read import load_manifest as load_local, parse_manifest_bytes

    if isinstance(item, Path):
        return load_local(item)
    try:
        with _open(item) as handle:
            data = handle.read()
    except OSError as error:
        raise ReadError(item, f"cannot read: {error}") from None
    return parse_manifest_bytes(item, data)


def _open(item: Input):
    if isinstance(item, Path):
        return item.open("rb")
    fs, path = _filesystem(item)
    return fs.open(path, "rb")


def _filesystem(url: str):
    """(filesystem, path inside it) for a URL; a clear error when fsspec is not installed."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise ReadError(url, "URLs need fsspec: pip install -r requirements-scale.txt") from None
    return url_to_fs(url)
