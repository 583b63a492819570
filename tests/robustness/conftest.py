"""Fixtures of the robustness tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.support import seeded_store


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, set[str]]:
    """A store holding a private copy of the seeds, and the seeds' article ids."""
    return seeded_store(tmp_path)
