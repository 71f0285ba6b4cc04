"""The delivery worker: a background thread that sends pending requests to the receiver.

The UI thread only ever calls `wake()` and `status()`, which never touch the network or the
database, so a slow or absent network can never freeze the screen. Everything the worker
knows about a request is in the outbox table, so after a restart (or a crash) it simply
carries on from there. One pass (`deliver_due`, which tests call directly with a fake
clock) does, in order:

1. erase and count as expired whatever is still undelivered after the retention period;
2. if the endpoint is usable and not backing off: send each due request, oldest first;
   2xx erases its personal fields, a refusal marks it failed, and a retryable answer
   reschedules it and pauses the whole queue for the same jittered delay (a patient's
   submit may still probe the receiver once, so delivery resumes as soon as it is back);
3. checkpoint and truncate the WAL if anything was erased, so no copy of it stays on disk.

Logs name requests by reference code only, never by what the patient typed.
"""

from __future__ import annotations

import datetime
import json
import logging
import random as random_module
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.background import BackgroundLoop
from kiosk.callbacks.endpoint import delivery_problem
from kiosk.callbacks.outbox import Outbox, QueuedRequest
from kiosk.net import signing, transport
from kiosk.net.backoff import parse_retry_after, retry_delay

log = logging.getLogger(__name__)
DAY_SECONDS = 86400


@dataclass(frozen=True)
class DeliveryStatus:
    """What the staff screen shows; nothing personal."""

    configured: bool  # an endpoint and a secret that can be used
    problem: str  # why nothing is sent when not configured, else ""
    running: bool  # the thread is alive
    last_error: str  # the latest failure ("HTTP 503", "timed out"), "" after a success
    last_error_at: float | None
    last_delivered_at: float | None
    consecutive_failures: int
    paused_until: float | None  # backing off until then (None when not)


@dataclass
class PassResult:
    """What one pass did, for tests and the benchmark."""

    delivered: int = 0
    retried: int = 0
    failed: int = 0
    expired: int = 0


def request_body(row: QueuedRequest, kiosk_id: str) -> bytes:
    """The JSON body, exactly as signed and sent (UTF-8, no spaces). Its idempotency_key is
    also the webhook-id header."""
    created = datetime.datetime.fromtimestamp(row.created_at, datetime.UTC)
    fields = {
        "reference": row.reference,
        "idempotency_key": row.idempotency_key,
        "created_at": created.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "first_name": row.request.first_name,
        "phone": row.request.phone,
        "best_time": row.request.best_time,
        "language": row.request.language,
        "topic": row.request.topic,
        "kiosk_id": row.kiosk_id or kiosk_id,
    }
    if row.request.trial_id:  # only for a request about a clinical trial
        fields["trial_id"] = row.request.trial_id
        fields["trial_title"] = row.request.trial_title
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class DeliveryWorker:
    """Delivers the outbox in a background thread (or, in tests, one pass at a time)."""

    def __init__(
        self,
        outbox_path: Path,
        endpoint: str,
        secret: str,
        kiosk_id: str,
        retention_days: int,
        clock: Callable[[], float] = time.time,
        *,
        random: Callable[[], float] = random_module.random,
        timeout: float = transport.TIMEOUT_SECONDS,
        deadline: float = transport.DEADLINE_SECONDS,
        max_wait: float = 60.0,
        batch: int = 50,
    ) -> None:
        self.outbox_path = Path(outbox_path)
        self.endpoint, self.kiosk_id = endpoint, kiosk_id
        self.retention_seconds = retention_days * DAY_SECONDS
        self.clock, self.random = clock, random
        self.timeout, self.deadline = timeout, deadline  # per step, per request in all
        self.max_wait, self.batch = max_wait, batch
        self.problem = delivery_problem(endpoint, secret)
        self._key = b"" if self.problem else signing.secret_key(secret)
        self._outbox: Outbox | None = None
        self._pass_lock = threading.Lock()  # one pass at a time; the UI never takes it
        self._state_lock = threading.Lock()  # guards the fields status() reads
        self._loop = BackgroundLoop("callback-delivery", self._round, on_exit=self._close_on_exit)
        self._probe = False  # a submit asked to try once even while backing off
        self._scrub_needed = True  # a crash may have left erased rows in the WAL
        self._last_error = ""
        self._last_error_at: float | None = None
        self._last_delivered_at: float | None = None
        self._failures = 0
        self._paused_until: float | None = None
        self._reported_problem = False

    # -- the UI's side (never blocks) ---------------------------------------------------------

    def start(self) -> None:
        self._loop.start()

    def wake(self) -> None:
        """Deliver now: called right after a submit."""
        with self._state_lock:
            self._probe = True
        self._loop.wake()

    def stop(self, timeout: float = 5) -> None:
        """Stop for good; a request in flight is abandoned and stays pending."""
        if not self._loop.stop(timeout):
            log.warning("callback delivery still busy after %.0f s; leaving it", timeout)
            return
        if self._pass_lock.acquire(timeout=timeout):
            try:
                self._close_outbox()
            finally:
                self._pass_lock.release()

    def status(self) -> DeliveryStatus:
        with self._state_lock:
            return DeliveryStatus(
                configured=not self.problem,
                problem=self.problem,
                running=self._loop.running,
                last_error=self._last_error,
                last_error_at=self._last_error_at,
                last_delivered_at=self._last_delivered_at,
                consecutive_failures=self._failures,
                paused_until=self._paused_until,
            )

    # -- the worker's side --------------------------------------------------------------------

    def _round(self) -> float:
        try:
            self.deliver_due()
            return self.seconds_until_due()
        except Exception as error:  # the thread must survive a bad moment
            log.error("callback delivery pass failed: %s", type(error).__name__)
            return self.max_wait

    def _close_on_exit(self) -> None:
        with self._pass_lock:
            self._close_outbox()

    def deliver_due(self) -> PassResult:
        """One pass: expire, deliver what is due, scrub. Safe to call from any one thread."""
        with self._pass_lock:
            outbox = self._open_outbox()
            now = self.clock()
            result = PassResult(expired=outbox.expire(now - self.retention_seconds, now))
            if result.expired:
                log.info("%d undelivered callback request(s) expired and erased", result.expired)
            if self.problem:
                if not self._reported_problem:
                    log.warning("callback delivery off: %s", self.problem)
                    self._reported_problem = True
            else:
                self._deliver(outbox, result)
            if result.expired or result.delivered or self._scrub_needed:
                self._scrub_needed = not outbox.scrub()
            return result

    def _deliver(self, outbox: Outbox, result: PassResult) -> None:
        with self._state_lock:
            paused = self._paused_until is not None and self.clock() < self._paused_until
            probe, self._probe = self._probe, False
        if paused and not probe:
            return
        limit = 1 if paused else self.batch
        while not self._loop.stopping:
            rows = outbox.due(self.clock(), limit)
            if not rows:
                return
            for row in rows:
                if self._loop.stopping or not self._send_one(outbox, row, result):
                    return
            limit = self.batch

    def _send_one(self, outbox: Outbox, row: QueuedRequest, result: PassResult) -> bool:
        """Send one request and record the outcome; False when the queue should pause."""
        # The same id and body on every attempt (the receiver's idempotency key); a fresh
        # timestamp and so a fresh signature, so a retry is never stale.
        body = request_body(row, self.kiosk_id)
        stamp = int(self.clock())
        headers = signing.signed_headers(self._key, row.idempotency_key, stamp, body)
        outcome = transport.post(self.endpoint, body, headers, self.timeout, self.deadline)
        now = self.clock()
        attempt = row.attempts + 1
        if outcome.kind == transport.DELIVERED:
            outbox.mark_delivered(row.id, now)
            result.delivered += 1
            log.info("callback %s delivered (attempt %d)", row.reference, attempt)
            with self._state_lock:
                self._last_error, self._failures, self._paused_until = "", 0, None
                self._last_delivered_at = now
            return True
        if outcome.kind == transport.FAILED:
            outbox.mark_failed(row.id, now, outcome.detail)
            result.failed += 1
            log.warning("callback %s refused (%s); kept for staff", row.reference, outcome.detail)
            with self._state_lock:  # the receiver is up and answering: no need to back off
                self._last_error, self._last_error_at = outcome.detail, now
                self._failures, self._paused_until = 0, None
            return True
        with self._state_lock:
            self._failures += 1
            failures = max(self._failures, attempt)
        retry_after = parse_retry_after(outcome.retry_after, now)
        delay = retry_delay(failures, self.random, retry_after)
        outbox.schedule_retry(row.id, now, now + delay, outcome.detail)
        result.retried += 1
        log.info("callback %s: %s; retry in %.0f s", row.reference, outcome.detail, delay)
        with self._state_lock:
            self._last_error, self._last_error_at = outcome.detail, now
            self._paused_until = now + delay
        return False

    def seconds_until_due(self) -> float:
        """How long the thread may sleep before something needs doing (at most max_wait)."""
        with self._pass_lock:
            outbox = self._open_outbox()
            now = self.clock()
            due = outbox.next_due(self.retention_seconds, pending=not self.problem)
        with self._state_lock:
            if self._paused_until is not None and due is not None:
                due = max(due, self._paused_until)
        wait = self.max_wait if due is None else min(self.max_wait, due - now)
        return max(0.0, wait)

    def _open_outbox(self) -> Outbox:
        if self._outbox is None:
            self._outbox = Outbox(self.outbox_path, self.clock, check_same_thread=False)
        return self._outbox

    def _close_outbox(self) -> None:
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
