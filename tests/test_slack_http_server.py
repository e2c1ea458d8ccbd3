"""The HTTP endpoint under slow and stalled clients: uvicorn serving the real Bolt app.

Hundreds of connections that send half a request (part of the headers, or a body that
promises more than it sends), all on loopback and bounded in count and time, must not
stop the server answering a valid signed request within a second, and every stalled
connection must be closed within its timeout, quietly (no traceback in the log).
The figures printed here are the ones quoted in docs/security.md.
"""

from __future__ import annotations

import json
import logging
import resource
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from connectors.slack.server import ServerLimits
from tests.slack_fixtures import SlackRig

pytest_plugins = ["tests.slack_fixtures"]

STALLED = 300
"""Half-sent requests held open at once (docs/security.md: "slow clients")."""
LIMITS = ServerLimits(request_timeout=3.0, body_timeout=2.0, keep_alive=2)


def _address(rig: SlackRig) -> tuple[str, int]:
    url = urllib.parse.urlsplit(rig.server.url)
    return url.hostname or "127.0.0.1", url.port or 0


def _stall(address: tuple[str, int], n: int) -> socket.socket:
    """A connection that starts a request and stops: headers cut short (even ``n``), or
    a body promising 100 bytes that sends one (odd ``n``)."""
    sock = socket.create_connection(address, timeout=5)
    if n % 2:
        sock.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"X-Slack-Request-Timestamp: 1\r\nContent-Length: 100\r\n\r\n{"
        )
    else:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le")
    return sock


def _closed_by(sock: socket.socket, deadline: float) -> bool:
    """Does the server close ``sock`` (after any reply it sends) by ``deadline``
    (a ``time.monotonic()``)? Every socket shares one deadline, so the check is bounded."""
    try:
        while True:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            if not sock.recv(65536):
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False
    finally:
        sock.close()


def _challenge(rig: SlackRig) -> tuple[int, str, float]:
    """A valid signed request that needs no answering: Slack's url_verification."""
    began = time.monotonic()
    status, body = rig.post(
        json.dumps({"type": "url_verification", "token": "x", "challenge": "c-123"}),
        "application/json",
    )
    return status, body, time.monotonic() - began


def test_stalled_clients_do_not_hold_up_signed_requests_and_are_closed_in_time(
    slack_rig_factory, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.INFO)
    rig = slack_rig_factory(limits=LIMITS)
    address = _address(rig)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    opened = time.monotonic()
    stalled = [_stall(address, n) for n in range(STALLED)]
    held = time.monotonic() - opened

    status, body, seconds = _challenge(rig)
    assert status == 200 and "c-123" in body
    assert seconds < 1.0, (
        f"a signed request took {seconds:.2f}s behind {STALLED} stalled connections"
    )
    status, _ = rig.command("how is 12.1 rated?")  # the real answering path too
    assert status == 200
    rig.mock.wait_for("response_url")

    started = time.monotonic()
    deadline = opened + LIMITS.request_timeout + 2.0
    still_open = [s for s in stalled if not _closed_by(s, deadline)]
    closed_after = time.monotonic() - started
    assert not still_open, f"{len(still_open)} of {STALLED} stalled connections were not closed"
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures = (
        f"\n{STALLED} stalled connections opened in {held:.2f}s; a signed request answered in "
        f"{seconds * 1000:.0f} ms; all closed {closed_after:.1f}s later (timeout {LIMITS.request_timeout}s); "
        f"closed by the request deadline: {rig.server.closed_stalled}; peak RSS {rss_before // 1024} → "
        f"{rss_after // 1024} MB"
    )
    assert (
        rig.server.closed_stalled >= STALLED // 2
    )  # the header stalls: only the deadline closes them
    rig.wait_idle()
    noisy = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not noisy, [r.getMessage() for r in noisy[:3]]
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "BrokenPipe" not in out + err
    with capfd.disabled():
        print(figures)
    assert _challenge(rig)[0] == 200  # and the server still serves


def test_over_the_connection_limit_requests_are_refused_with_503_not_queued(
    slack_rig_factory,
) -> None:
    rig = slack_rig_factory(
        limits=ServerLimits(request_timeout=3.0, body_timeout=2.0, max_connections=20)
    )
    address = _address(rig)
    stalled = [_stall(address, 1) for _ in range(25)]
    time.sleep(0.2)
    try:
        status, _, seconds = _challenge(rig)
        assert status == 503 and seconds < 1.0
    finally:
        for sock in stalled:
            sock.close()
    deadline = time.monotonic() + 5
    while _challenge(rig)[0] != 200:  # once they are gone, it serves again
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_a_body_that_stops_arriving_gets_408_and_the_connection_is_closed(
    slack_rig_factory,
) -> None:
    rig = slack_rig_factory(limits=LIMITS)
    sock = _stall(_address(rig), 1)
    sock.settimeout(LIMITS.body_timeout + 2)
    began = time.monotonic()
    reply = b""
    while chunk := sock.recv(4096):
        reply += chunk
    sock.close()
    assert (
        reply.startswith(b"HTTP/1.1 408") and time.monotonic() - began < LIMITS.body_timeout + 1.5
    )


def test_health_and_readiness(slack_rig_factory, tmp_path) -> None:
    rig = slack_rig_factory()
    base = rig.server.url.rsplit("/slack/events", 1)[0]

    def get(path: str) -> int:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as err:
            return err.code

    assert get("/healthz") == 200 and get("/readyz") == 200 and get("/nothing") == 404
    rig.server.asgi.ready = lambda: False
    assert get("/readyz") == 503 and get("/healthz") == 200

    def broken() -> bool:
        raise OSError("index unreadable")

    rig.server.asgi.ready = broken
    assert get("/readyz") == 503
