"""A store at an fsspec URL (`s3://bucket/store`, `memory://store`, ...), kept with the same layout as a local one.

An ingest into it stages the store locally: the live snapshot is downloaded into a temporary store, the ingest
runs there with every local rule (incremental, prune, events), and a new snapshot is uploaded whole under its
own name before `CURRENT` is replaced (one small write) and the old snapshot deleted. A reader that resolves
`CURRENT` sees the old snapshot or the new one, never a mix. Object stores have no lock: run one ingest at a
time per store (a second one's snapshot would be published after the first, without the first's files).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from newsfacts.store import layout
from newsfacts.store.ingest import IngestReport
from newsfacts.store.inputs import is_url


class RemoteStoreDamaged(layout.StoreDamaged):
    """A store at a URL whose pointer cannot be trusted; it is refused, never rebuilt or cleaned."""

    def __init__(self, url: str, problem: str) -> None:
        Exception.__init__(self, f"{url}: {problem}")
        self.url = url
        self.problem = problem

    def advice(self) -> str:
        return f"nothing was changed; write the name of the snapshot to keep into {self.url}/{layout.CURRENT}"


def is_remote(store: Path | str) -> bool:
    return is_url(str(store))


def ingest_remote(store: str, ingest_into: Callable[[Path], IngestReport]) -> IngestReport:
    """Runs `ingest_into(local_store)` on a local copy of the store at `store` and publishes its new snapshot."""
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(store)
    with tempfile.TemporaryDirectory(prefix="newsfacts-stage-") as staging:
        staged = Path(staging)
        live = _download_live(fs, root, staged)
        report = ingest_into(staged)
        if report.snapshot != live:
            fs.put(str(staged / report.snapshot), f"{root}/{report.snapshot}", recursive=True)
            fs.pipe(f"{root}/{layout.CURRENT}", f"{report.snapshot}\n".encode())
            if live:
                fs.rm(f"{root}/{live}", recursive=True)
    return replace(report, store_dir=fs.unstrip_protocol(root))


def _download_live(fs, root: str, staged: Path) -> str | None:
    """Copies the live snapshot and its pointer into `staged`; None for a new store. Refuses a damaged one."""
    pointer = f"{root}/{layout.CURRENT}"
    if not fs.exists(pointer):
        snapshots = [p for p in _names(fs, root) if p.startswith(layout.SNAPSHOT_PREFIX)]
        if snapshots:
            raise RemoteStoreDamaged(fs.unstrip_protocol(root), f"snapshots {snapshots} but no {layout.CURRENT} pointer")
        return None
    name = fs.cat_file(pointer).decode("utf-8", "replace").strip()
    if not name.startswith(layout.SNAPSHOT_PREFIX) or "/" in name or not fs.isdir(f"{root}/{name}"):
        raise RemoteStoreDamaged(fs.unstrip_protocol(root),
                                 f"{layout.CURRENT} names {name!r}, which is not a snapshot of this store")
    fs.get(f"{root}/{name}", str(staged / name), recursive=True)
    (staged / layout.CURRENT).write_text(f"{name}\n", encoding="utf-8")
    return name


def _names(fs, root: str) -> list[str]:
    return [path.rstrip("/").rsplit("/", 1)[-1] for path in fs.ls(root, detail=False)] if fs.isdir(root) else []
