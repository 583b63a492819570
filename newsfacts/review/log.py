"""The corrections table: append-only Parquet part files in `STORE/corrections/`, beside the snapshots.

Each append writes one new part file under a hidden temporary name, flushes it to disk and
renames it into place, so a reader sees a whole correction or none. Part names are unique, so
two writers never touch the same file and need no lock, and an ingest (which only replaces
`snap-*` folders and `CURRENT`) never touches this folder. Parts are never rewritten or
deleted. Any Arrow tool reads the folder as one table (hidden files are skipped).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.review.records import Correction, CorrectionError
from newsfacts.store.layout import fsync_dir

FOLDER = "corrections"
EXPORT_FORMAT = "newsfacts-corrections/1"
SCHEMA = pa.schema([
    ("correction_id", pa.string()), ("action", pa.string()), ("kind", pa.string()), ("event_id", pa.string()),
    ("anchors", pa.list_(pa.string())), ("by", pa.string()), ("at", pa.string()), ("changes", pa.string()),
    ("reason", pa.string()), ("note", pa.string()), ("others", pa.string()), ("article_id", pa.string()),
    ("sentence_index", pa.int64()),
])


class CorrectionsFileError(ValueError):
    """A part of the store's corrections table that cannot be read: the store is refused; names the file."""


def corrections_dir(store_dir: Path) -> Path:
    return Path(store_dir) / FOLDER


def new_correction_id() -> str:
    return uuid4().hex


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def append(store_dir: Path, corrections: Sequence[Correction]) -> Path | None:
    """Adds `corrections` to the store's corrections table as one new part file; returns it (None if none)."""
    if not corrections:
        return None
    folder = corrections_dir(store_dir)
    folder.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([c.as_row() for c in corrections], schema=SCHEMA)
    name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid4().hex[:12]}.parquet"
    temporary = folder / f".tmp-{name}"
    pq.write_table(table, temporary)
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.rename(temporary, folder / name)
    fsync_dir(folder)
    return folder / name


def read_corrections(store_dir: Path) -> tuple[Correction, ...]:
    """Every correction of the store, oldest first; CorrectionsFileError names a damaged part."""
    folder = corrections_dir(store_dir)
    if not folder.exists():
        return ()
    if not folder.is_dir():
        raise CorrectionsFileError(f"{folder}: should be the folder of the store's corrections, but is not a folder")
    found: list[Correction] = []
    for part in sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_"))):
        try:
            rows = pq.read_table(part).to_pylist()
            found.extend(Correction.from_row(row) for row in rows)
        except (OSError, pa.ArrowException, CorrectionError) as error:
            raise CorrectionsFileError(f"{part}: not a readable corrections part ({error})") from error
    return tuple(sorted(found, key=lambda c: (c.at, c.correction_id)))


def version(store_dir: Path) -> str:
    """Changes whenever a correction is appended (names of the part files)."""
    folder = corrections_dir(store_dir)
    return "|".join(sorted(p.name for p in folder.glob("*.parquet"))) if folder.is_dir() else ""


def export_text(corrections: Iterable[Correction]) -> str:
    """`corrections` as one JSON document another analyst can import."""
    document = {"format": EXPORT_FORMAT, "exported_at": now(), "corrections": [c.as_row() for c in corrections]}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def export_corrections(corrections: Sequence[Correction], path: Path) -> int:
    """Writes `corrections` to `path` (whole or not at all); returns how many."""
    temporary = path.with_name(f".{path.name}.{uuid4().hex[:8]}.tmp")
    temporary.write_text(export_text(corrections), encoding="utf-8")
    os.replace(temporary, path)
    return len(corrections)


def read_export(path: Path) -> tuple[Correction, ...]:
    """The corrections of an exported file; CorrectionError (naming the file) when it is not one."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise CorrectionError(f"{path}: not a corrections file ({error})") from error
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise CorrectionError(f"{path}: not a corrections file (expected format {EXPORT_FORMAT!r})")
    try:
        return tuple(Correction.from_row(row) for row in document.get("corrections", []))
    except CorrectionError as error:
        raise CorrectionError(f"{path}: {error}") from error


def import_corrections(store_dir: Path, path: Path) -> int:
    """Appends the corrections of an exported file that the store does not hold yet; returns how many."""
    known = {c.correction_id for c in read_corrections(store_dir)}
    new = [c for c in {c.correction_id: c for c in read_export(path)}.values() if c.correction_id not in known]
    append(store_dir, new)
    return len(new)

