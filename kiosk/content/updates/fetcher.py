"""HTTP for content sync with one deadline for the whole exchange, not only per read.

python-tuf's own fetcher times out a connection or a gap between bytes, so a host that
answers and then trickles a byte every few seconds can hold a sync for as long as it likes.
Here every request of one sync shares a deadline: connect and read timeouts shrink to the
time that is left, and a download still running when it passes is cut off by shutting its
socket (from a timer thread: a read blocked in the middle of a chunk wakes at once).
Files fetched completely before the deadline stay in the hash-keyed cache, so the next
sync carries on from there. The host is looked up within the time left, too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import urllib3
from tuf.api import exceptions
from tuf.ngclient.urllib3_fetcher import Urllib3Fetcher

from kiosk.net.addresses import resolve
from kiosk.net.transport import Budget

SYNC_DEADLINE_SECONDS = 60.0  # the whole of one sync: metadata, index and every file


class SyncDeadlineExceeded(exceptions.SlowRetrievalError):
    """The sync as a whole took longer than its deadline."""


class DeadlineFetcher(Urllib3Fetcher):
    """Urllib3Fetcher whose every request ends by `time.monotonic() + seconds` from now."""

    def __init__(self, seconds: float, app_user_agent: str | None = None) -> None:
        super().__init__(app_user_agent=app_user_agent)
        self.seconds = seconds
        self.budget = Budget(float(self.socket_timeout), seconds)
        self._looked_up: set[tuple[str, int]] = set()

    def left(self) -> float:
        """Seconds left before the deadline; raises once it has passed."""
        try:
            return self.budget.left()
        except TimeoutError:
            raise self.exceeded() from None

    def _fetch(self, url: str) -> Iterator[bytes]:
        self._look_up(url)
        try:
            timeout = self.budget.step()
        except TimeoutError:
            raise self.exceeded() from None
        try:
            response = self._proxy_env.request(
                "GET",
                url,
                preload_content=False,
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
                retries=False,
            )
        except (urllib3.exceptions.TimeoutError, urllib3.exceptions.MaxRetryError) as error:
            self.left()  # past the deadline: say so rather than "slow"
            if isinstance(error, urllib3.exceptions.TimeoutError) or isinstance(
                error.reason, urllib3.exceptions.TimeoutError
            ):
                raise exceptions.SlowRetrievalError from error
            raise
        if response.status >= 400:
            response.close()
            raise exceptions.DownloadHTTPError(
                f"HTTP error occurred with status {response.status}", response.status
            )
        return self._timed_chunks(response)

    def _timed_chunks(self, response: urllib3.response.BaseHTTPResponse) -> Iterator[bytes]:
        cut_off = threading.Event()

        def cut() -> None:
            cut_off.set()
            response.shutdown()

        timer = threading.Timer(self.left(), cut)
        timer.daemon = True
        timer.start()
        try:
            for chunk in response.stream(self.chunk_size):
                self.left()
                yield chunk
        except SyncDeadlineExceeded:
            raise
        except (urllib3.exceptions.HTTPError, OSError) as error:
            if cut_off.is_set():
                raise self.exceeded() from error
            raise exceptions.SlowRetrievalError from error
        finally:
            timer.cancel()
            response.release_conn()
        if cut_off.is_set():  # a stream cut short ends early: it must never look complete
            raise self.exceeded()

    def _look_up(self, url: str) -> None:
        """Look the host up within the time left: urllib3's own lookup has no deadline, and
        one that takes this long would take as long again."""
        parts = urlsplit(url)
        host = (parts.hostname or "", parts.port or 443)
        if host in self._looked_up:  # once per host and sync: the answer does not change
            return
        try:
            resolve(*host, self.left())
            self._looked_up.add(host)
        except TimeoutError as error:
            raise self.exceeded() from error
        except OSError:
            pass  # urllib3 meets the same error and says it its own way

    def exceeded(self) -> SyncDeadlineExceeded:
        return SyncDeadlineExceeded(f"the sync took longer than {self.seconds:g} s")
