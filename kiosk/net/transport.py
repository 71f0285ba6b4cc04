"""One HTTP POST to the receiver, and what its answer means for the request.

http.client rather than urllib: redirects are never followed (urllib would turn a redirected
POST into a GET without the body), and nothing else is needed. Answers are sorted into three
outcomes: DELIVERED (2xx), RETRY (408, 429, 5xx, timeouts, network and TLS errors) and FAILED
(every other status: the receiver refused this request, so trying again cannot help). The
outcome's detail is for staff and logs: a status code or an error kind, never a body.

Every POST has two limits: `timeout` for each step (the connect, the TLS handshake, each
read) and `deadline` for the whole exchange, measured on the monotonic clock. Each step waits
at most the smaller of its timeout and what is left of the deadline, so a receiver that
answers and then trickles a byte every few seconds is dropped when the deadline is up. Once
the status line and headers are in, the answer stands: a 2xx whose body is still trickling
at the deadline counts as delivered (the body is drained only to free the connection).
The host name lookup is the system resolver's and is bounded by its own timeouts.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import io
import socket
import ssl
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from kiosk.net.addresses import resolve
from kiosk.net.causes import CAUSE_ENGLISH, Cause, socket_cause

DELIVERED, RETRY, FAILED = "delivered", "retry", "failed"
RETRYABLE_STATUSES = frozenset({408, 429})
USER_AGENT = "clinic-kiosk-callbacks/1"
TIMEOUT_SECONDS = 10.0  # the connect, the handshake, each read
DEADLINE_SECONDS = 30.0  # the whole exchange


@dataclass(frozen=True)
class Outcome:
    kind: str  # DELIVERED, RETRY or FAILED
    detail: str  # "HTTP 503", "connection refused", ...: for logs and `kiosk status`
    retry_after: str | None = None  # the raw Retry-After header, if any
    # Codes beside the words (for faces that word them), so not part of what an outcome is.
    status: int | None = field(default=None, compare=False)  # the HTTP status, if answered
    cause: Cause | None = field(default=None, compare=False)  # else why not (net/causes.py)


def outcome_for_status(status: int, retry_after: str | None = None) -> Outcome:
    detail = f"HTTP {status}"
    if 200 <= status < 300:
        return Outcome(DELIVERED, detail, status=status)
    if status in RETRYABLE_STATUSES or 500 <= status < 600:
        return Outcome(RETRY, detail, retry_after, status=status)
    return Outcome(FAILED, detail, status=status)


def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    timeout: float = TIMEOUT_SECONDS,
    deadline: float = DEADLINE_SECONDS,
) -> Outcome:
    """POST `body` to `url` once, within `deadline` seconds in all; never raises for network
    trouble, only returns RETRY."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn = connection(url, Budget(timeout, deadline))
    try:
        conn.request("POST", path, body=body, headers={"User-Agent": USER_AGENT, **headers})
        response = conn.getresponse()
        outcome = outcome_for_status(response.status, response.getheader("Retry-After"))
        # Drained, never kept (it may echo what we sent); the answer is in, so a body that is
        # slow or cut short changes nothing.
        with contextlib.suppress(OSError, http.client.HTTPException):
            response.read(64 * 1024)
        response.close()
        return outcome
    except (OSError, http.client.HTTPException) as error:
        cause = (socket_cause(error) or (Cause.OTHER, ""))[0]
        worded = cause not in (Cause.SYSTEM, Cause.CONNECTION_LOST, Cause.OTHER)
        detail = CAUSE_ENGLISH[cause] if worded else f"network error ({type(error).__name__})"
        return Outcome(RETRY, detail, cause=cause)
    finally:
        conn.close()


def connection(url: str, budget: Budget) -> _HTTPConnection | _HTTPSConnection:
    """An HTTP(S) connection to `url`'s host whose every step, and whole exchange, keep to
    `budget`: connect, TLS handshake, and each read of the status line, headers and body."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return _HTTPSConnection(parts.hostname or "", parts.port, budget)
    return _HTTPConnection(parts.hostname or "", parts.port, budget)


class Budget:
    """The time one exchange may take: `timeout` per step, `deadline` in all (monotonic).

    Every outbound exchange keeps to one: a callback or heartbeat POST here, and a whole
    content sync (kiosk/content/updates/fetcher.py), whose every request shares it.
    """

    def __init__(self, timeout: float, deadline: float) -> None:
        self.timeout = timeout
        self.ends_at = time.monotonic() + deadline

    def left(self) -> float:
        """Seconds until the deadline; TimeoutError once it has passed."""
        left = self.ends_at - time.monotonic()
        if left <= 0:
            raise TimeoutError("the exchange's deadline passed")
        return left

    def step(self) -> float:
        """Seconds the next step may wait; TimeoutError once the deadline has passed."""
        return min(self.timeout, self.left())

    def connect(self, host: str, port: int) -> socket.socket:
        """A TCP connection to the first of the host's addresses that answers in time (each
        try bounded by the step; TimeoutError once the deadline is spent)."""
        error: OSError = OSError(f"no address for {host}")
        for family, kind, proto, _, address in resolve(host, port, self.step()):
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.step())
                sock.connect(address)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return sock
            except OSError as failed:  # the next address, while the deadline allows
                sock.close()
                error = failed
        raise error


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int | None, budget: Budget) -> None:
        super().__init__(host, port, timeout=budget.timeout)
        self.budget = budget
        self.response_class = functools.partial(_Response, budget=budget)  # type: ignore[assignment]

    def connect(self) -> None:
        self.sock = self.budget.connect(self.host, self.port)
        self.sock.settimeout(self.budget.step())  # the request's writes keep to it too


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int | None, budget: Budget) -> None:
        super().__init__(host, port, timeout=budget.timeout, context=_tls_context())
        self.budget = budget
        self.response_class = functools.partial(_Response, budget=budget)  # type: ignore[assignment]

    def connect(self) -> None:
        sock = self.budget.connect(self.host, self.port)
        sock.settimeout(self.budget.step())  # the whole handshake (ssl counts it as one step)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]
        self.sock.settimeout(self.budget.step())


class _Response(http.client.HTTPResponse):
    """Reads the status line, headers and body through the budget, each read bounded."""

    def __init__(self, sock: socket.socket, *args: Any, budget: Budget, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        raw = self.fp.detach()  # the socket's own reader, which keeps the socket open for us
        self.fp = io.BufferedReader(_BoundedReader(sock, raw, budget))


class _BoundedReader(io.RawIOBase):
    def __init__(self, sock: socket.socket, raw: Any, budget: Budget) -> None:
        super().__init__()
        self.sock, self.raw, self.budget = sock, raw, budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        self.sock.settimeout(self.budget.step())
        return self.raw.readinto(buffer)

    def close(self) -> None:
        self.raw.close()
        super().close()


@cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()
