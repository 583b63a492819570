"""One `streamlit run serve.py` (the dashboard as `scripts/run.sh` starts it) and one Debian chromium for the whole browser session, on a real store."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from newsfacts.store import ingest, load_tables

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOST = "127.0.0.1"


def server_command(port: int) -> list[str]:
    """The dashboard as `scripts/run.sh` serves it, on loopback at `port`."""
    return [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port), "--server.address", HOST]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url}")


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser-store")
    ingest([ROOT / "data" / "seeds", ROOT / "data" / "sample"], store_dir=folder)
    return folder


@pytest.fixture(scope="session")
def tables(store_dir):
    return load_tables(store_dir)


@pytest.fixture(scope="session")
def base_url(store_dir, tmp_path_factory):
    port = free_port()
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("w")
    env = os.environ | {"NEWSFACTS_STORE": str(store_dir)}
    server = subprocess.Popen(
        server_command(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://{HOST}:{port}"
    try:
        wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def context(browser):
    """One context for the session, so the app's scripts are fetched once; each test opens its own tab."""
    shared = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    yield shared
    shared.close()


@pytest.fixture
def page(context, base_url):
    """A new tab (a new Streamlit session) whose every request, and its other tabs', is recorded and checked."""
    requests: list[str] = []

    def record(request) -> None:
        requests.append(request.url)

    context.on("request", record)
    tab = context.new_page()
    yield tab
    tab.close()
    context.remove_listener("request", record)
    outside = [url for url in requests if not url.startswith(("data:", "blob:", f"{base_url}/", "about:"))]
    assert not outside, f"requests left {HOST}: {outside[:5]}"
