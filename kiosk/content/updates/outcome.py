"""What a sync run comes to, and why a failed one failed: codes with parameters.

A failure is a `SyncError`: a `SyncErrorCode` and JSON-ready parameters, stored as such in
DATA_DIR/sync/state.json, so each face words it in its own language (the staff panel through
Qt's translations). Its one English wording is here (`SyncError.reason`, `SyncResult.describe`),
for `kiosk sync --once`, `kiosk status`, the log and the heartbeat.

Imported at start-up (by the scheduler), so TUF is loaded only when a failure is classified.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.content.updates.settings import SyncConfigError
from kiosk.net.causes import CAUSE_ENGLISH, Cause, network_cause

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


class SyncErrorCode(enum.StrEnum):
    """Why a sync failed. Stored in state.json: never rename one once shipped."""

    UNUSABLE = "unusable"  # signed, but oversize, incomplete or invalid (detail says which)
    EXPIRED = "expired"
    ROLLBACK = "rollback"
    BAD_SIGNATURE = "bad_signature"
    HASH_MISMATCH = "hash_mismatch"
    OVERSIZE = "oversize"
    INVALID_METADATA = "invalid_metadata"
    TOO_SLOW = "too_slow"
    HTTP_STATUS = "http_status"  # params: status
    UNREACHABLE = "unreachable"  # params: cause (a Cause), cause_detail
    SETTINGS = "settings"
    LOCAL_FILE = "local_file"
    BUSY = "busy"
    UNEXPECTED = "unexpected"  # params: type
    TEXT = "text"  # params: text; an error stored as words, by an older kiosk


OUTCOMES = {
    **dict.fromkeys(
        (
            SyncErrorCode.UNUSABLE,
            SyncErrorCode.EXPIRED,
            SyncErrorCode.ROLLBACK,
            SyncErrorCode.BAD_SIGNATURE,
            SyncErrorCode.HASH_MISMATCH,
            SyncErrorCode.OVERSIZE,
            SyncErrorCode.INVALID_METADATA,
        ),
        Outcome.REJECTED,
    ),
    **dict.fromkeys(
        (SyncErrorCode.TOO_SLOW, SyncErrorCode.HTTP_STATUS, SyncErrorCode.UNREACHABLE),
        Outcome.UNAVAILABLE,
    ),
    **dict.fromkeys(
        (
            SyncErrorCode.SETTINGS,
            SyncErrorCode.LOCAL_FILE,
            SyncErrorCode.BUSY,
            SyncErrorCode.UNEXPECTED,
            SyncErrorCode.TEXT,
        ),
        Outcome.FAILED,
    ),
}

# The one English wording of each code (params in braces); a `detail` param follows ": ".
ENGLISH = {
    SyncErrorCode.UNUSABLE: "",
    SyncErrorCode.EXPIRED: "expired metadata",
    SyncErrorCode.ROLLBACK: "older version than this kiosk has seen (replay or rollback)",
    SyncErrorCode.BAD_SIGNATURE: "bad signature or wrong key",
    SyncErrorCode.HASH_MISMATCH: "hash or length mismatch",
    SyncErrorCode.OVERSIZE: "oversize download",
    SyncErrorCode.INVALID_METADATA: "invalid metadata",
    SyncErrorCode.TOO_SLOW: "repository too slow",
    SyncErrorCode.HTTP_STATUS: "repository answered HTTP {status}",
    SyncErrorCode.UNREACHABLE: "repository cannot be reached{cause}",
    SyncErrorCode.SETTINGS: "sync settings",
    SyncErrorCode.LOCAL_FILE: "local file problem",
    SyncErrorCode.BUSY: "another content update is running on this kiosk",
    SyncErrorCode.UNEXPECTED: "unexpected {type}",
    SyncErrorCode.TEXT: "{text}",
}


@dataclass(frozen=True)
class SyncError:
    """Why a sync failed: a code and its parameters (plain text and numbers)."""

    code: SyncErrorCode
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def outcome(self) -> Outcome:
        return OUTCOMES[self.code]

    @classmethod
    def text(cls, words: str) -> SyncError:
        return cls(SyncErrorCode.TEXT, {"text": words[:MAX_REASON_CHARS]})

    @classmethod
    def from_stored(cls, value: Any) -> SyncError | None:
        """What state.json (or a source) holds: {"code", "params"}, an older kiosk's text, or
        an unknown code from a newer one (kept as its words, if it had any)."""
        if isinstance(value, SyncError) or value is None:
            return value
        if isinstance(value, str):
            return cls.text(value) if value else None
        if isinstance(value, Mapping):
            params = value.get("params")
            params = (
                {k: v for k, v in params.items() if isinstance(v, str | int)}
                if isinstance(params, Mapping)
                else {}
            )
            try:
                return cls(SyncErrorCode(str(value.get("code"))), params)
            except ValueError:
                return cls.text(str(params.get("detail", "unknown error")))
        return None

    def stored(self) -> dict[str, Any]:
        return {"code": self.code.value, "params": dict(self.params)}

    def reason(self) -> str:
        """Why, in English: "repository cannot be reached (connection refused)"."""
        params = dict(self.params)
        cause = params.get("cause")
        if self.code is SyncErrorCode.UNREACHABLE:
            words = _cause_words(cause, params.get("cause_detail", ""))
            params["cause"] = f" ({words})" if words else ""
        words = _fill(ENGLISH[self.code], params)
        detail = str(self.params.get("detail", ""))
        reason = f"{words}: {detail}" if words and detail else words or detail
        return reason[:MAX_REASON_CHARS]

    def describe(self) -> str:
        """The whole failure in English: "update unavailable: repository cannot be reached"."""
        if self.code is SyncErrorCode.TEXT:
            return self.reason()
        return f"update {self.outcome.value}: {self.reason()}"


@dataclass(frozen=True)
class SyncResult:
    outcome: Outcome
    version: str | None = None  # the content version the store holds after the run
    previous_version: str | None = None
    changes: Changes = field(default_factory=lambda: _no_changes())
    fetched_files: int = 0
    fetched_bytes: int = 0
    error: SyncError | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.UPDATED, Outcome.UP_TO_DATE)

    @property
    def reason(self) -> str | None:
        """Why it failed, in English (None when it did not)."""
        return None if self.error is None else self.error.reason()

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


def failed(error: SyncError) -> SyncResult:
    """The result of a sync that failed with `error`."""
    return SyncResult(error.outcome, error=error)


def classify(error: BaseException) -> SyncError:
    """What a failure amounts to, as a code with parameters (never a traceback)."""
    code, params = _code(error)
    detail = str(error)[:MAX_REASON_CHARS]
    return SyncError(code, {**params, "detail": detail} if detail else params)


def _code(error: BaseException) -> tuple[SyncErrorCode, dict[str, Any]]:
    from tuf.api import exceptions as tuf_errors  # only once something failed

    from kiosk.content.index import BadIndex  # the loader under it: only when a sync ran

    if isinstance(error, UpdateRejected | BadIndex):
        return SyncErrorCode.UNUSABLE, {}
    if isinstance(error, tuf_errors.ExpiredMetadataError):
        return SyncErrorCode.EXPIRED, {}
    if isinstance(error, tuf_errors.BadVersionNumberError):
        return SyncErrorCode.ROLLBACK, {}
    if isinstance(error, tuf_errors.UnsignedMetadataError):
        return SyncErrorCode.BAD_SIGNATURE, {}
    if isinstance(error, tuf_errors.LengthOrHashMismatchError):
        return SyncErrorCode.HASH_MISMATCH, {}
    if isinstance(error, tuf_errors.DownloadLengthMismatchError):
        return SyncErrorCode.OVERSIZE, {}
    if isinstance(error, tuf_errors.RepositoryError):
        return SyncErrorCode.INVALID_METADATA, {}
    from kiosk.content.updates.fetcher import SyncDeadlineExceeded

    if isinstance(error, SyncDeadlineExceeded):
        return SyncErrorCode.TOO_SLOW, {}
    if isinstance(error, tuf_errors.DownloadHTTPError):
        return SyncErrorCode.HTTP_STATUS, {"status": int(error.status_code)}
    if isinstance(error, tuf_errors.DownloadError):
        found = network_cause(error)
        cause = {"cause": found[0].value, "cause_detail": found[1]} if found else {}
        return SyncErrorCode.UNREACHABLE, cause
    if isinstance(error, SyncConfigError):
        return SyncErrorCode.SETTINGS, {}
    if isinstance(error, OSError):
        return SyncErrorCode.LOCAL_FILE, {}
    return SyncErrorCode.UNEXPECTED, {"type": type(error).__name__}


def _cause_words(cause: Any, detail: Any) -> str:
    try:
        return _fill(CAUSE_ENGLISH[Cause(cause)], {"cause_detail": detail})
    except ValueError:
        return ""


def _fill(template: str, params: Mapping[str, Any]) -> str:
    """`template` with each {name} replaced by its parameter ("" when it has none)."""

    class Blank(dict):
        def __missing__(self, key: str) -> str:
            return ""

    return template.format_map(Blank(params))


def _no_changes() -> Changes:
    """An empty change list (imported late: the index module loads the whole content loader)."""
    from kiosk.content.index import Changes

    return Changes()
