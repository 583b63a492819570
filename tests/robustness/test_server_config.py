"""Streamlit's server settings that the security notes (docs/security.md) rely on."""

from __future__ import annotations

import tomllib

import pytest

from tests.robustness.support import ROOT

CONFIG = ROOT / ".streamlit" / "config.toml"


@pytest.fixture(scope="module")
def config() -> dict:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def test_xsrf_protection_is_on(config):
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"].get("enableCORS", True) is True


def test_usage_statistics_are_off(config):
    assert config["browser"]["gatherUsageStats"] is False


def test_server_is_headless(config):
    assert config["server"]["headless"] is True


def test_upload_size_is_capped(config):
    assert 1 <= config["server"]["maxUploadSize"] <= 200


def test_the_security_notes_describe_the_settings():
    notes = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for setting in ("enableXsrfProtection", "gatherUsageStats", "maxUploadSize", "127.0.0.1", "/_stcore/stream",
                    "Upgrade", "frame-ancestors 'none'", 'X-Frame-Options "DENY"'):
        assert setting in notes, setting


def test_the_table_toolbar_cannot_download(config):
    assert config["client"]["disableDataExport"] is True
