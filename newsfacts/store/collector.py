"""Pausing Python's cyclic garbage collector around work that allocates many objects and makes no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block (reference counting still frees what is dropped).

    Building many small objects that live on (lists, parsed records) triggers the collector over and over, and
    each run walks every object still alive; objects that cannot form cycles do not need it. Cycles made in the
    block are collected by the first collection after it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
