"""The preview server under hostile or clumsy clients, on loopback.

Probes for files outside the output folder, absurd requests, clients that stall
or vanish, and fifty live-reload streams: the server refuses, answers with an
error, or carries on — it never leaks a file, hangs, or dies.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.serve import EVENTS, Handler
from tests.serving import Live, running

SECRET = b"TOP-SECRET-BESIDE-THE-OUTPUT"
BIG = 8 * 1024 * 1024


@pytest.fixture
def site(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    for rel, text in {
        "index.html": "<html><body>root</body></html>",
        "ar/index.html": '<html lang="ar" dir="rtl"><body>عربي</body></html>',
        "en/index.html": "<html><body>english</body></html>",
        "static/style.css": "body{}",
    }.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    (out / "static" / "big.bin").write_bytes(b"x" * BIG)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "secret.txt").write_bytes(SECRET)
    # Links inside the output that lead out of it: a file, a folder, and one by an absolute path.
    (out / "en" / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    (out / "en" / "dir-out").symlink_to(tmp_path / "private", target_is_directory=True)
    (out / "abs-out.txt").symlink_to(str((tmp_path / "secret.txt").resolve()))
    return tmp_path


@pytest.fixture
def live(site: Path, capfd: pytest.CaptureFixture[str]) -> Iterator[Live]:
    with running(site) as server:
        yield server
    # Whatever the clients did, the server printed no traceback (socketserver's
    # handle_error would, for a client that hung up mid-response).
    assert "Traceback" not in capfd.readouterr().err


def get(live: Live, path: str, timeout: float = 5) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(live[0], live[1], timeout=timeout)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def raw(live: Live, request: bytes, timeout: float = 5) -> bytes:
    """Send bytes as they are; everything the server answers until it closes."""
    with socket.create_connection(live[:2], timeout=timeout) as s:
        # It may refuse before reading it all: the reply, if any, is read below.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            s.sendall(request)
        reply = b""
        try:
            while chunk := s.recv(65536):
                reply += chunk
        except ConnectionResetError:
            pass
    return reply


def status(reply: bytes) -> int:
    if reply.startswith(b"HTTP/"):
        return int(reply.split(b" ", 2)[1])
    # A request line that is not HTTP/1.x gets an HTTP/0.9 reply: a body, no status line.
    found = re.search(rb"Error code: (\d{3})", reply)
    return int(found.group(1)) if found else 0


def still_serving(live: Live) -> None:
    started = time.perf_counter()
    code, body = get(live, "/ar/")
    assert code == 200 and "عربي".encode() in body
    assert time.perf_counter() - started < 2.0


# -- traversal -------------------------------------------------------------------------------

PROBES = [
    "/../secret.txt",
    "/en/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/en%2f..%2f..%2fsecret.txt",
    "/%252e%252e/secret.txt",
    "/%252e%252e%252fsecret.txt",
    "/%25252e%25252e%25252fsecret.txt",
    "/..\\secret.txt",
    "/en\\..\\..\\secret.txt",
    "/%5c..%5c..%5csecret.txt",
    "/%255c..%255csecret.txt",
    "/..%c0%afsecret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/..;/secret.txt",
    "/en/link-out.txt",
    "/en/dir-out/secret.txt",
    "/en/dir-out/",
    "/en/dir-out",
    "/abs-out.txt",
    "/%2fetc%2fpasswd",
    "//etc/passwd",
    "/static/../../secret.txt",
    "/./../secret.txt",
    "/secret.txt%00.html",
    "http://127.0.0.1/../secret.txt",
    "*",
]


@pytest.mark.parametrize("probe", PROBES)
def test_traversal_is_refused(live: Live, probe: str) -> None:
    reply = raw(live, f"GET {probe} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    assert status(reply) in (400, 403, 404), (probe, reply[:100])
    assert SECRET not in reply and b"root:x:0" not in reply


# -- absurd requests -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_bytes", "allowed"),
    [
        (b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", (414,)),
        (b"GET /%" + b"2e%2e/" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", (414,)),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"b" * 100_000 + b"\r\n\r\n", (400, 431)),
        (b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 500 + b"\r\n", (400, 431)),
        (b"\x00\xff\xfe garbage\r\n\r\n", (400,)),
        (b"GET\r\n\r\n", (400,)),
        (b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", (501,)),
        (b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", (505,)),
        (
            b"GET /\xd8\xa5\xd8\xaf\xd9\x84\xd8\xa8.html HTTP/1.1\r\nHost: x\r\n"
            b"Connection: close\r\n\r\n",
            (404,),
        ),
    ],
    ids=[
        "100kB-path",
        "100kB-encoded-path",
        "100kB-header",
        "500-headers",
        "binary",
        "no-path",
        "unknown-method",
        "unknown-version",
        "raw-utf8-path",
    ],
)
def test_absurd_requests_get_an_error_status(
    live: Live, request_bytes: bytes, allowed: tuple[int, ...]
) -> None:
    started = time.perf_counter()
    reply = raw(live, request_bytes)
    assert time.perf_counter() - started < 3.0, "no hang"
    assert status(reply) in allowed, reply[:120]
    still_serving(live)


# -- clients that stall or vanish ------------------------------------------------------------


def test_slow_clients_do_not_block_others(live: Live) -> None:
    """Twenty clients send half a request line and wait; everyone else is served."""
    stalled = []
    try:
        for _ in range(20):
            s = socket.create_connection(live[:2], timeout=5)
            s.sendall(b"GET /ar/ind")
            stalled.append(s)
        started = time.perf_counter()
        for _ in range(20):
            assert get(live, "/en/")[0] == 200
        assert time.perf_counter() - started < 3.0
    finally:
        for s in stalled:
            s.close()
    still_serving(live)


def test_a_stalled_connection_is_closed_after_the_idle_timeout(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection is not a thread held for ever: the server hangs up on silence."""
    assert Handler.timeout is not None and 5 <= Handler.timeout <= 300
    monkeypatch.setattr(Handler, "timeout", 0.5)
    with socket.create_connection(live[:2], timeout=5) as s:
        s.sendall(b"GET /ar/ind")
        started = time.perf_counter()
        assert s.recv(100) == b""  # closed by the server
        assert time.perf_counter() - started < 4.0


def _reset(s: socket.socket) -> None:
    """Close with a TCP reset, as a killed browser tab does."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


@pytest.mark.parametrize("how", ["close", "reset"])
def test_a_client_that_hangs_up_mid_response(live: Live, how: str) -> None:
    for _ in range(5):
        s = socket.create_connection(live[:2], timeout=5)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.sendall(b"GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        assert s.recv(4096).startswith(b"HTTP/1.1 200")
        _reset(s) if how == "reset" else s.close()
    time.sleep(0.3)  # let the handler threads hit the broken pipe
    still_serving(live)
    status_, body = get(live, "/static/big.bin", timeout=10)
    assert status_ == 200 and len(body) == BIG


def test_a_client_that_hangs_up_before_reading_anything(live: Live) -> None:
    for _ in range(20):
        s = socket.create_connection(live[:2], timeout=5)
        s.sendall(b"GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        _reset(s)
    time.sleep(0.3)
    still_serving(live)


# -- live reload -----------------------------------------------------------------------------


def open_stream(live: Live) -> socket.socket:
    s = socket.create_connection(live[:2], timeout=5)
    s.sendall(f"GET {EVENTS} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    return s


def read_until(s: socket.socket, marker: bytes, limit: float = 5) -> bytes:
    data = b""
    deadline = time.perf_counter() + limit
    while marker not in data:
        assert time.perf_counter() < deadline, data[-200:]
        chunk = s.recv(4096)
        assert chunk, data[-200:]
        data += chunk
    return data


def test_fifty_event_streams_and_pages_at_the_same_time(live: Live) -> None:
    started = time.perf_counter()
    streams = [open_stream(live) for _ in range(50)]
    # A burst of connections must not overflow the listen backlog (a dropped SYN
    # is sent again only after a second).
    assert time.perf_counter() - started < 1.0
    try:
        for s in streams:
            assert read_until(s, b"event: hello").startswith(b"HTTP/1.1 200")
        timings = []
        for _ in range(30):
            started = time.perf_counter()
            assert get(live, "/en/")[0] == 200
            timings.append(time.perf_counter() - started)
        assert max(timings) < 1.0 and sum(timings) < 3.0, timings
        live[2].publish([], wrote=True)
        for s in streams:
            read_until(s, b"event: reload")
        # Half the tabs vanish, some of them rudely; the others still hear the next rebuild.
        for s in streams[:25]:
            _reset(s) if streams.index(s) % 2 else s.close()
        live[2].publish([], wrote=True)
        time.sleep(1.2)  # past a heartbeat: the dead streams' threads find out and end
        for s in streams[25:]:
            read_until(s, b"event: reload")
        still_serving(live)
    finally:
        for s in streams:
            s.close()
