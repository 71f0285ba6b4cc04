"""A daemon thread that repeats one step, sleeping as long as the step asks, until stopped.

The content sync, the fleet heartbeat and callback delivery all work this way: `step()` does
one round and returns the seconds until the next (None: until woken); `wake()` cuts the wait
short (a "now" from staff, a new status to send, a request just stored); `stop()` ends it. The
step's own policy (backoff, jitter) stays with it, and so does catching its own errors.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class BackgroundLoop:
    def __init__(
        self,
        name: str,
        step: Callable[[], float | None],
        on_exit: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.step = step
        self.on_exit = on_exit  # runs on the thread as it ends (closing what it opened)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stopping.clear()
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    @property
    def stopping(self) -> bool:
        """True once stop() was called: a long round checks it to give up early."""
        return self._stopping.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float) -> bool:
        """Stop the thread; a round in flight finishes first (or is abandoned at `timeout`).

        True when the thread has ended; False when it was still busy at `timeout`.
        """
        self._stopping.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                delay = self.step()
                if self._stopping.is_set():
                    break
                self._wake.wait(delay)
                self._wake.clear()
        finally:
            if self.on_exit is not None:
                self.on_exit()
