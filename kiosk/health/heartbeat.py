"""The heartbeat: the kiosk's status, signed and POSTed to the fleet's status endpoint.

Only the latest status matters, so there is one pending slot, not a queue: a new status
replaces one that has not gone out yet, and a long outage costs one request per retry, not a
backlog. Signing (Standard Webhooks), the POST itself and the backoff are the callback
delivery's own (kiosk/callbacks: signing, transport, backoff), so the receivers check one
scheme. Each submitted status gets its own random webhook-id, kept by its retries (a fresh
timestamp and signature each time), so a receiver can drop a status it already has. Retryable
failures back off with jitter, capped at the heartbeat interval; a refusal (a 4xx such as a
wrong secret) drops that status, since sending it again cannot help, and the next one tries.

The status is collected by the caller, on the thread that owns the stores (the UI thread,
on a timer every `interval_seconds`), and handed over with `submit()` as finished bytes; the
background thread only signs and sends. So a kiosk whose UI has frozen stops sending, which
is exactly what the fleet's dashboard should notice.
"""

from __future__ import annotations

import json
import logging
import random
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kiosk.background import BackgroundLoop
from kiosk.net import signing, transport
from kiosk.net.addresses import address_problem
from kiosk.net.backoff import retry_delay

if TYPE_CHECKING:
    from kiosk.health.status import KioskStatus
    from kiosk.staff.state import StaffState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendReport:
    """How sending has gone lately (wall-clock seconds), for the status screen."""

    last_success: float | None
    last_error: str | None  # the transport's words, for logs and `kiosk status`
    error_status: int | None = None  # the hub's HTTP status, when it answered
    error_cause: str | None = None  # else why not (kiosk/net/causes.py), for the panel's words


def check_endpoint(url: str) -> str:
    """`url` if the kiosk may send to it (see kiosk.net.addresses); else ValueError saying why."""
    problem = address_problem("status.endpoint", url)
    if problem:
        raise ValueError(problem)
    return url


class Heartbeat:
    """Sends the latest submitted status from a background thread, retrying with backoff."""

    def __init__(
        self,
        endpoint: str,
        secret: str,
        *,
        interval_seconds: float = 300.0,
        timeout_seconds: float = transport.TIMEOUT_SECONDS,
        deadline_seconds: float = transport.DEADLINE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        if not secret:
            raise ValueError("the heartbeat needs a shared secret to sign with")
        self.endpoint = check_endpoint(endpoint)
        self._key = signing.secret_key(secret)  # ValueError naming the format, not the secret
        self.interval_seconds = interval_seconds
        self.timeout_seconds = timeout_seconds  # each step of the POST
        self.deadline_seconds = deadline_seconds  # the whole POST
        self.clock = clock
        self.wall_clock = wall_clock
        self.jitter = jitter
        self.failures = 0  # in a row; 0 after a success
        self._lock = threading.Lock()
        self._loop = BackgroundLoop("heartbeat", self._round)
        self._pending: bytes | None = None
        self._pending_id = ""  # its webhook-id, the same on every try
        self._generation = 0  # which submit the pending body came from
        self._next_attempt = 0.0  # clock() time before which nothing is sent
        self._report = SendReport(None, None)

    def submit(self, status: KioskStatus | Mapping[str, Any]) -> None:
        """Make `status` the one to send next, replacing any not yet sent. Any thread.

        A KioskStatus goes as `status_json` makes it (codes, and the checks in English too).
        """
        from kiosk.health.status import KioskStatus, status_json

        values = status_json(status) if isinstance(status, KioskStatus) else status
        body = json.dumps(values, sort_keys=True, separators=(",", ":")).encode("utf-8")
        with self._lock:
            self._pending = body
            self._pending_id = "status-" + secrets.token_hex(16)
            self._generation += 1
        self._loop.wake()

    @property
    def pending(self) -> bytes | None:
        """The body waiting to go out, if any."""
        with self._lock:
            return self._pending

    def report(self) -> SendReport:
        with self._lock:
            return self._report

    def keep_report(self, state: StaffState) -> None:
        """Copy the latest report into the state file, for `kiosk status` in another process.

        The running kiosk calls this on the thread that owns `state`, each time it collects
        a status to send (kiosk/app.py): collecting status itself writes nothing.
        """
        keep_report(state, self.report())

    def send_pending(self) -> float | None:
        """Send the pending status if it is due; seconds until the next try, None if idle."""
        with self._lock:
            body, message_id, generation = self._pending, self._pending_id, self._generation
            wait = self._next_attempt - self.clock()
        if body is None:
            return None
        if wait > 0:
            return wait
        headers = signing.signed_headers(self._key, message_id, int(self.wall_clock()), body)
        outcome = transport.post(
            self.endpoint, body, headers, self.timeout_seconds, self.deadline_seconds
        )
        if outcome.kind == transport.RETRY:
            return self._retry_later(outcome)
        with self._lock:
            if self._generation == generation:
                self._pending = None  # else a newer status came in meanwhile: send that next
            more = self._pending is not None
            recovered, self.failures = self.failures, 0
            self._next_attempt = 0.0
            if outcome.kind == transport.DELIVERED:
                self._report = SendReport(self.wall_clock(), None)
            else:  # refused: this status is dropped; the error stays until one gets through
                self._report = SendReport(
                    self._report.last_success, f"refused ({outcome.detail})", outcome.status
                )
        if outcome.kind != transport.DELIVERED:
            log.warning("heartbeat to %s refused (%s)", self.endpoint, outcome.detail)
        elif recovered:
            log.info("heartbeat delivered again after %d failed tries", recovered)
        return 0.0 if more else None

    def _retry_later(self, outcome: transport.Outcome) -> float:
        error = outcome.detail
        with self._lock:
            self.failures += 1
            delay = min(self.interval_seconds, retry_delay(self.failures, self.jitter))
            self._next_attempt = self.clock() + delay
            cause = str(outcome.cause) if outcome.cause else None
            self._report = SendReport(self._report.last_success, error, outcome.status, cause)
            first = self.failures == 1
        (log.warning if first else log.debug)(
            "heartbeat to %s failed (%s); next try in %.0f s", self.endpoint, error, delay
        )
        return delay

    # -- the background thread ----------------------------------------------------------------

    def start(self) -> None:
        self._loop.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread (a request in flight may take up to its deadline to give up)."""
        self._loop.stop(timeout)

    def _round(self) -> float | None:
        try:
            return self.send_pending()
        except Exception:  # a bug here must not silence the heartbeat for good
            log.exception("heartbeat failed unexpectedly")
            return self._retry_later(transport.Outcome(transport.RETRY, "unexpected error"))


def keep_report(state: StaffState, report: SendReport) -> None:
    """Keep `report` in the state file (table `runtime`), as `kiosk status` reads it back."""
    from kiosk.health.status import HeartbeatFacts

    state.set_report("heartbeat", asdict(HeartbeatFacts.from_report(report)))


def heartbeat_from_config(config: Any) -> Heartbeat | None:
    """The heartbeat the config asks for, or None (off, or misconfigured: then logged)."""
    endpoint, secret = config["status.endpoint"], config["status.secret"]
    if not endpoint:
        return None
    try:
        return Heartbeat(endpoint, secret, interval_seconds=config["status.interval_minutes"] * 60)
    except ValueError as error:
        log.error("fleet heartbeat is off: %s", error)
        return None
