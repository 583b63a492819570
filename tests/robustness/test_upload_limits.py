"""Upload budgets per session and per server, checked before an upload's body is read (the ASGI middleware driven
as Streamlit's server drives it, over Streamlit's own in-memory upload manager)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from components.upload_limits import MIB, Budget, Held, UploadLimits, held_in

KB = 1024


def run(coroutine) -> None:
    """Runs `coroutine` on an event loop of its own thread (another test's loop may be running in this one)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, coroutine).result()


class Server:
    """Streamlit's upload route in miniature: reads the body and hands it to the real upload manager."""

    def __init__(self, budget: Budget) -> None:
        self.manager = MemoryUploadedFileManager("/_stcore/upload_file")
        self.limits = UploadLimits(self.store, budget, self.held)
        self.bodies_read = 0

    def held(self, session: str) -> Held:
        return held_in(self.manager, session)

    async def store(self, scope, receive, send) -> None:
        message = await receive()
        self.bodies_read += 1
        session, file_id = scope["path"].rsplit("/", 2)[1:]
        self.manager.add_file(session, UploadedFileRec(file_id, file_id, "text/plain", message["body"]))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    def upload(self, session: str, file_id: str, size: int, *, length: bool = True) -> int:
        """PUT one file of `size` bytes; the response status."""
        statuses = []

        async def receive():
            return {"type": "http.request", "body": b"x" * size, "more_body": False}

        async def send(message):
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        headers = [(b"content-length", str(size).encode())] if length else []
        scope = {"type": "http", "method": "PUT", "path": f"/_stcore/upload_file/{session}/{file_id}", "headers": headers}
        run(self.limits(scope, receive, send))
        return statuses[0]


@pytest.fixture
def server() -> Server:
    return Server(Budget(max_session_files=3, max_session_bytes=100 * KB, max_server_bytes=150 * KB))


def test_a_session_is_refused_past_its_bytes_before_the_body_is_read(server: Server):
    assert [server.upload("s1", f"f{i}", 40 * KB) for i in range(3)] == [204, 204, 413]
    assert server.bodies_read == 2
    assert server.held("s1").session_bytes == 80 * KB


def test_a_session_is_refused_past_its_file_count(server: Server):
    assert [server.upload("s1", f"f{i}", 1 * KB) for i in range(4)] == [204, 204, 204, 413]


def test_the_server_is_refused_past_its_bytes_across_sessions(server: Server):
    assert server.upload("s1", "a", 90 * KB) == 204
    assert server.upload("s2", "b", 50 * KB) == 204
    assert server.upload("s3", "c", 20 * KB) == 413
    assert server.held("s3").server_bytes == 140 * KB


def test_an_upload_without_its_length_is_refused(server: Server):
    assert server.upload("s1", "a", 1 * KB, length=False) == 411 and server.bodies_read == 0


def test_uploads_in_flight_count_against_the_budget():
    budget = Budget(max_session_bytes=100 * KB)
    budget.reserve("s1", 60 * KB)
    assert budget.refusal("s1", 60 * KB, Held(0, 0, 0)) is not None
    budget.reserve("s1", 60 * KB, -1)
    assert budget.refusal("s1", 60 * KB, Held(0, 0, 0)) is None and budget.in_flight == {}


def test_other_requests_pass_untouched(server: Server):
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["path"])

    limits = UploadLimits(app, Budget(max_server_bytes=1), server.held)
    run(limits({"type": "http", "method": "GET", "path": "/_stcore/health", "headers": []}, None, None))
    assert seen == ["/_stcore/health"]


def test_the_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSFACTS_UPLOAD_SESSION_MB", "8")
    monkeypatch.setenv("NEWSFACTS_UPLOAD_SERVER_MB", "nonsense")
    budget = Budget.from_env()
    assert budget.max_session_bytes == 8 * MIB and budget.max_server_bytes == Budget().max_server_bytes
