"""A daemon thread that repeats one step, sleeping as long as the step asks, until stopped.

The content sync and the fleet heartbeat both work this way: `step()` does one round and
returns the seconds until the next (None: until woken); `wake()` cuts the wait short (a
"now" from staff, a new status to send); `stop()` ends it. The step's own policy (backoff,
jitter) stays with it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class BackgroundLoop:
    def __init__(self, name: str, step: Callable[[], float | None]) -> None:
        self.name = name
        self.step = step
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float) -> None:
        """Stop the thread; a round in flight finishes first (or is abandoned at `timeout`)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stopping:
            delay = self.step()
            if self._stopping:
                break
            self._wake.wait(delay)
            self._wake.clear()
