"""Checking for content updates at start-up and then now and then, on a thread of its own.

The UI builds one with `scheduler_from_config` and calls `start()`. It checks at once, then
every `sync.interval_minutes`. After a failure it retries sooner at first and then less and
less often (exponential backoff with jitter, so kiosks that lost the network together do
not come back in step), never waiting longer than the normal interval.

`on_change` runs on the worker thread after new content was applied: a Qt UI must pass it
on to its own thread (a queued signal) before it touches widgets or its own store. The
sync itself opens its own store connection on the worker thread, one connection per thread.
"""

from __future__ import annotations

import datetime
import logging
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.background import BackgroundLoop
from kiosk.content.updates.outcome import (
    Outcome,
    SyncError,
    SyncErrorCode,
    SyncResult,
    classify,
    failed,
)
from kiosk.content.updates.settings import SyncConfigError, SyncSettings
from kiosk.content.updates.state import record_failure
from kiosk.net.backoff import retry_delay

log = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 60.0


class SyncScheduler:
    """Runs `sync` when due on a background thread; `run_now()` asks for a check at once."""

    def __init__(
        self,
        sync: Callable[[], SyncResult],
        *,
        interval_seconds: float,
        first_retry_seconds: float = FIRST_RETRY_SECONDS,
        on_change: Callable[[SyncResult], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.sync = sync
        self.interval_seconds = interval_seconds
        self.first_retry_seconds = min(first_retry_seconds, interval_seconds)
        self.on_change = on_change
        self.clock = clock
        self.jitter = jitter
        self.failures = 0  # in a row; 0 after a success
        self.last_result: SyncResult | None = None
        self._lock = threading.Lock()
        self._loop = BackgroundLoop("content-sync", self.run_if_due)
        self._next_at = clock()  # the start-up check is due at once
        self._asked = False
        self._waiting: list[Callable[[SyncResult], None]] = []

    def run_now(self, then: Callable[[SyncResult], None] | None = None) -> None:
        """Check as soon as possible (from any thread); staff "Update content now" uses this.

        `then` is called once, on the sync thread, with the result of that check.
        """
        with self._lock:
            if then is not None:
                self._waiting.append(then)
            self._next_at = self.clock()
            self._asked = True  # even mid-sync: that sync may have started before the news
        self._loop.wake()

    def seconds_until_next(self) -> float:
        with self._lock:
            return max(0.0, self._next_at - self.clock())

    def run_if_due(self) -> float:
        """Sync if it is time; return the seconds until the next check. The thread's loop body."""
        with self._lock:
            wait = self._next_at - self.clock()
            if wait > 0:
                return wait
            self._asked = False
        try:
            result = self.sync()
        except Exception as error:  # a sync is not supposed to raise; if it does, back off
            result = failed(classify(error))
        delay = self._after(result)
        with self._lock:
            waiting, self._waiting = self._waiting, []
        for then in waiting:
            try:
                then(result)
            except Exception:
                log.exception("a sync result callback failed")
        if result.outcome is Outcome.UPDATED and self.on_change is not None:
            try:
                self.on_change(result)
            except Exception:
                log.exception("the content-changed callback failed")
        return delay

    def _after(self, result: SyncResult) -> float:
        with self._lock:
            self.last_result = result
            if result.ok:
                self.failures, delay = 0, self.interval_seconds
            else:
                self.failures += 1
                delay = retry_delay(
                    self.failures,
                    self.jitter,
                    base=self.first_retry_seconds,
                    cap=self.interval_seconds,
                )
            if self._asked:  # run_now() came while this sync ran: check again at once
                delay = 0.0
            self._next_at = self.clock() + delay
        if not result.ok:
            log.info("next content check in %.0f s (%d failure(s) in a row)", delay, self.failures)
        return delay

    # -- the background thread ----------------------------------------------------------------

    def start(self) -> None:
        self._loop.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread. A sync in flight finishes first (it is safe to abandon at exit)."""
        self._loop.stop(timeout)


def scheduler_from_config(
    config: Any,
    data_dir: Path,
    on_change: Callable[[SyncResult], None] | None = None,
) -> SyncScheduler | None:
    """The scheduler the config asks for, or None when updates are off or misconfigured.

    A misconfiguration is logged and kept as the last sync error, for the status screen.
    """
    try:
        settings = SyncSettings.from_config(config)
    except SyncConfigError as error:
        log.error("content updates are off: %s", error)
        record_failure(
            data_dir,
            SyncError(SyncErrorCode.SETTINGS, {"detail": str(error)}),
            datetime.datetime.now(datetime.UTC),
        )
        return None
    if settings is None:
        log.info("content updates are off: sync.repository_url is empty")
        return None

    def sync() -> SyncResult:
        from kiosk.content.updates.sync import sync_once  # TUF loads on the worker, not at start-up

        return sync_once(settings, data_dir)

    return SyncScheduler(
        sync, interval_seconds=config["sync.interval_minutes"] * 60, on_change=on_change
    )
