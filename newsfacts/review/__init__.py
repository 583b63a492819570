"""Analyst review: typed corrections kept beside the parsed tables, applied on read (docs/review.md)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from newsfacts.review.apply import CorrectedView, Outcome, apply_corrections
from newsfacts.review.log import append, export_corrections, import_corrections, read_corrections
from newsfacts.review.records import Correction, CorrectionError, EventRef, FieldChange
from newsfacts.store.confidence import with_confidence

__all__ = [
    "CorrectedView", "Correction", "CorrectionError", "EventRef", "FieldChange", "Outcome", "append",
    "apply_corrections", "corrected_view", "export_corrections", "import_corrections", "load_view",
    "read_corrections", "with_confidence",
]


def corrected_view(tables: Mapping[str, pd.DataFrame], store_dir: Path) -> CorrectedView:
    """The store's corrections applied to `tables`, with the confidence of every record."""
    view = apply_corrections(tables, read_corrections(store_dir))
    rejected = with_confidence({**view.tables, **view.rejected})
    return CorrectedView(with_confidence(view.tables), {name: rejected[name] for name in view.rejected}, view.outcomes)


def load_view(store_dir: Path) -> CorrectedView:
    """The corrected view of the whole store: what the dashboard and the exports show."""
    from newsfacts.store import load_tables

    return corrected_view(load_tables(store_dir), store_dir)
