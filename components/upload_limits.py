"""Bounds on what uploads the server holds in memory, checked before an upload's body is read.

Streamlit keeps every uploaded file in memory until its session ends. Its own limit (`server.maxUploadSize`) is per
file; this ASGI middleware adds a count and a byte budget per session and a byte budget for the whole server, and
answers 413 to an upload that would pass one of them, from its Content-Length, before any of its body is read.
Uploads in flight are counted against the budgets too, so parallel uploads cannot overshoot them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

MIB = 1 << 20
MAX_SESSION_FILES = 200
MAX_SESSION_BYTES = 200 * MIB
MAX_SERVER_BYTES = 1024 * MIB
UPLOAD_PATH = re.compile(r"^(?:/[^/]+)*/_stcore/upload_file/(?P<session>[^/]+)/[^/]+$")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


@dataclass(frozen=True)
class Held:
    """What the server holds now: one session's files and bytes, and every session's bytes."""

    session_files: int
    session_bytes: int
    server_bytes: int


@dataclass
class Budget:
    """The limits, and the uploads that passed the check but are not held yet: session -> (files, bytes)."""

    max_session_files: int = MAX_SESSION_FILES
    max_session_bytes: int = MAX_SESSION_BYTES
    max_server_bytes: int = MAX_SERVER_BYTES
    in_flight: dict[str, tuple[int, int]] = field(default_factory=dict)

    def refusal(self, session: str, size: int, held: Held) -> str | None:
        """Why an upload of `size` bytes into `session` would pass a limit; None when it fits."""
        files, pending = self.in_flight.get(session, (0, 0))
        if held.session_files + files + 1 > self.max_session_files:
            return f"at most {self.max_session_files} files per session"
        if held.session_bytes + pending + size > self.max_session_bytes:
            return f"at most {self.max_session_bytes // MIB} MB of uploads per session"
        if held.server_bytes + sum(b for _, b in self.in_flight.values()) + size > self.max_server_bytes:
            return "the server holds as many uploads as it can; try again after other imports"
        return None

    @classmethod
    def from_env(cls) -> Budget:
        """The default limits, or the megabytes NEWSFACTS_UPLOAD_SESSION_MB and NEWSFACTS_UPLOAD_SERVER_MB give."""
        return cls(max_session_bytes=_megabytes("NEWSFACTS_UPLOAD_SESSION_MB", MAX_SESSION_BYTES),
                   max_server_bytes=_megabytes("NEWSFACTS_UPLOAD_SERVER_MB", MAX_SERVER_BYTES))

    def reserve(self, session: str, size: int, sign: int = 1) -> None:
        """Counts (or with sign -1, stops counting) one upload of `size` bytes in flight."""
        files, pending = self.in_flight.get(session, (0, 0))
        files, pending = files + sign, pending + sign * size
        if files:
            self.in_flight[session] = (files, pending)
        else:
            self.in_flight.pop(session, None)


def _megabytes(variable: str, default: int) -> int:
    value = os.environ.get(variable, "")
    return int(value) * MIB if value.isdigit() and int(value) > 0 else default


def held_by_streamlit(session: str) -> Held:
    """What the running Streamlit server's in-memory upload manager holds now."""
    from streamlit.runtime import Runtime

    return held_in(Runtime.instance().uploaded_file_mgr, session)


def held_in(manager: Any, session: str) -> Held:
    """What a Streamlit upload manager holds now, for one session and in all."""
    server = sum(stat.byte_length for stats in manager.get_stats().values() for stat in stats)
    for _ in range(3):  # a script thread may remove a file while the dict is read
        try:
            files = list(getattr(manager, "file_storage", {}).get(session, {}).values())
            return Held(len(files), sum(len(f.data) for f in files), server)
        except RuntimeError:
            continue
    return Held(0, 0, server)


class UploadLimits:
    """ASGI middleware: refuses (413) an upload that would pass the session's or the server's budget."""

    def __init__(self, app: Callable, budget: Budget | None = None,
                 held: Callable[[str], Held] = held_by_streamlit) -> None:
        self.app = app
        self.budget = budget or Budget.from_env()
        self.held = held

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = UPLOAD_PATH.match(scope.get("path", "")) if scope.get("type") == "http" else None
        if match is None or scope.get("method") != "PUT":
            await self.app(scope, receive, send)
            return
        session = match.group("session")
        size = _content_length(scope)
        refusal = "a Content-Length header is required" if size is None else self.budget.refusal(
            session, size, self.held(session))
        if refusal:
            await _refuse(send, 411 if size is None else 413, refusal)
            return
        self.budget.reserve(session, size)
        try:
            await self.app(scope, receive, send)
        finally:
            self.budget.reserve(session, size, -1)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def _refuse(send: Send, status: int, reason: str) -> None:
    body = f"Upload refused: {reason}.".encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def release(files: list[Any]) -> None:
    """Drops uploaded files from Streamlit's memory once they are saved (else they stay until the session ends)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    remove = getattr(context.uploaded_file_mgr, "remove_file", None) if context else None
    for upload in files:
        if remove is not None and upload is not None:
            remove(session_id=context.session_id, file_id=upload.file_id)
