"""What a sync run comes to, and every failure put into words staff and admins can act on.

Imported at start-up (by the scheduler), so TUF is loaded only when a failure is classified.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.content.updates.settings import SyncConfigError

if TYPE_CHECKING:
    from kiosk.content.index import Changes

MAX_REASON_CHARS = 300


class Outcome(enum.Enum):
    UPDATED = "updated"
    UP_TO_DATE = "up to date"
    REJECTED = "rejected"  # the repository offered something this kiosk must not trust
    UNAVAILABLE = "unavailable"  # no network, or the host did not answer properly
    FAILED = "failed"  # a problem on this kiosk: its settings or its disk


class UpdateRejected(Exception):
    """The offered version verified as signed but is unusable (oversize, incomplete, invalid)."""


@dataclass(frozen=True)
class SyncResult:
    outcome: Outcome
    version: str | None = None  # the content version the store holds after the run
    previous_version: str | None = None
    changes: Changes = field(default_factory=lambda: _no_changes())
    fetched_files: int = 0
    fetched_bytes: int = 0
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.UPDATED, Outcome.UP_TO_DATE)

    def describe(self) -> str:
        """One paragraph for `kiosk sync --once` and the log."""
        if self.outcome is Outcome.UP_TO_DATE:
            return f"up to date: content version {self.version}"
        if self.outcome is Outcome.UPDATED:
            before = f" (was {self.previous_version})" if self.previous_version else ""
            return (
                f"updated to content version {self.version}{before}; "
                f"{self.changes.describe()}; fetched {self.fetched_files} file(s), "
                f"{self.fetched_bytes:,} bytes"
            )
        return f"update {self.outcome.value}: {self.reason}"


def classify(error: BaseException) -> tuple[Outcome, str]:
    """The outcome a failure amounts to, and the reason in words (never a traceback)."""
    outcome, words = _words(error)
    detail = str(error)
    reason = f"{words}: {detail}" if words and detail else words or detail
    return outcome, reason[:MAX_REASON_CHARS]


def _words(error: BaseException) -> tuple[Outcome, str]:
    from tuf.api import exceptions as tuf_errors  # only once something failed

    rejected = Outcome.REJECTED
    from kiosk.content.index import BadIndex  # the loader under it: only when a sync ran

    if isinstance(error, UpdateRejected | BadIndex):
        return rejected, ""
    if isinstance(error, tuf_errors.ExpiredMetadataError):
        return rejected, "expired metadata"
    if isinstance(error, tuf_errors.BadVersionNumberError):
        return rejected, "older version than this kiosk has seen (replay or rollback)"
    if isinstance(error, tuf_errors.UnsignedMetadataError):
        return rejected, "bad signature or wrong key"
    if isinstance(error, tuf_errors.LengthOrHashMismatchError):
        return rejected, "hash or length mismatch"
    if isinstance(error, tuf_errors.DownloadLengthMismatchError):
        return rejected, "oversize download"
    if isinstance(error, tuf_errors.RepositoryError):
        return rejected, "invalid metadata"
    from kiosk.content.updates.fetcher import SyncDeadlineExceeded

    if isinstance(error, SyncDeadlineExceeded):
        return Outcome.UNAVAILABLE, "repository too slow"
    if isinstance(error, tuf_errors.DownloadHTTPError):
        return Outcome.UNAVAILABLE, f"repository answered HTTP {error.status_code}"
    if isinstance(error, tuf_errors.DownloadError):
        cause = network_cause(error)
        detail = f" ({cause})" if cause else ""
        return Outcome.UNAVAILABLE, f"repository cannot be reached{detail}"
    if isinstance(error, SyncConfigError):
        return Outcome.FAILED, "sync settings"
    if isinstance(error, OSError):
        return Outcome.FAILED, "local file problem"
    return Outcome.FAILED, f"unexpected {type(error).__name__}"


def network_cause(error: BaseException) -> str:
    """What went wrong under a failed download, in words: the deepest cause that says it.

    python-tuf wraps urllib3, which wraps the socket's own error (a refused connection is a
    NewConnectionError in a MaxRetryError in a SlowRetrievalError); only the socket's counts.
    """
    chain: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    for cause in reversed(chain):
        words = _socket_words(cause)
        if words:
            return words
    deepest = chain[-1]
    return type(deepest).__name__ if deepest is not error else ""


def _socket_words(error: BaseException) -> str:
    import socket
    import ssl

    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "host name not found"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "TLS certificate not trusted"
    if isinstance(error, ssl.SSLError):
        return "TLS error"
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, ConnectionError):
        return "connection lost"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return ""


def _no_changes() -> Changes:
    """An empty change list (imported late: the index module loads the whole content loader)."""
    from kiosk.content.index import Changes

    return Changes()
