"""The outbox: callback requests written durably before the patient sees a confirmation.

Each row moves pending -> delivered | failed | expired (failed -> pending again only when
staff ask). Delivered and expired rows keep only their reference, times, status and attempt
count: the personal fields are set to NULL in the same transaction that changes the status.
Every state change is one short `BEGIN IMMEDIATE` transaction, so the UI's submit never
waits long on the worker, and a process killed at any moment leaves a consistent table
that delivery resumes from.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.callbacks import reference
from kiosk.callbacks.outbox_schema import open_database
from kiosk.callbacks.request import CallbackRequest
from kiosk.database import write_transaction

OUTBOX_FILE = "callbacks.db"  # inside the kiosk's data directory
PENDING, DELIVERED, FAILED, EXPIRED = "pending", "delivered", "failed", "expired"
STATUSES = (PENDING, DELIVERED, FAILED, EXPIRED)
PERSONAL_FIELDS = (
    "first_name", "phone", "best_time", "language", "topic", "trial_id", "trial_title",
)  # fmt: skip
# A retry scheduled further ahead than this means the clock was set back: it is due now.
CLOCK_SET_BACK_SECONDS = 2 * 3600

_ERASE = ", ".join(f"{name} = NULL" for name in PERSONAL_FIELDS)


@dataclass(frozen=True)
class OutboxCounts:
    """How many requests are in each state; never anything about who sent them."""

    pending: int
    delivered: int
    failed: int
    expired: int
    oldest_pending_age_seconds: float | None  # None when nothing is pending


@dataclass(frozen=True)
class QueuedRequest:
    """A pending row as the delivery worker needs it."""

    id: int
    reference: str
    idempotency_key: str
    kiosk_id: str
    created_at: float
    attempts: int
    request: CallbackRequest


def _request(personal: list[Any]) -> CallbackRequest:
    """A request from its stored fields (rows from before trials have NULL trial fields)."""
    name, phone, best_time, language, topic, trial_id, trial_title = personal
    return CallbackRequest(
        name, phone, best_time, language, topic, trial_id or "", trial_title or ""
    )


class Outbox:
    """One connection to the outbox file; use one Outbox per thread."""

    def __init__(
        self,
        path: Path,
        clock: Callable[[], float] = time.time,
        *,
        new_reference: Callable[[], str] = reference.new_reference,
        check_same_thread: bool = True,
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self._new_reference = new_reference
        self.db = open_database(self.path, check_same_thread=check_same_thread)

    def close(self) -> None:
        self.db.close()

    def _transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return write_transaction(self.db)

    # -- the UI's side ------------------------------------------------------------------------

    def submit(self, request: CallbackRequest, kiosk_id: str) -> str:
        """Store the request; it is on disk when this returns. Returns its reference code."""
        now = self.clock()
        with self._transaction() as db:
            code = self._free_reference(db)
            db.execute(
                """
                INSERT INTO outbox (reference, idempotency_key, kiosk_id, created_at, status,
                    attempts, next_attempt_at, first_name, phone, best_time, language, topic,
                    trial_id, trial_title)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    code,
                    reference.new_idempotency_key(code),
                    kiosk_id,
                    now,
                    PENDING,
                    now,
                    request.first_name,
                    request.phone,
                    request.best_time,
                    request.language,
                    request.topic,
                    request.trial_id,
                    request.trial_title,
                ],
            )
        return code

    def _free_reference(self, db: sqlite3.Connection) -> str:
        for _ in range(100):
            code = self._new_reference()
            if not db.execute("SELECT 1 FROM outbox WHERE reference = ?", [code]).fetchone():
                return code
        raise RuntimeError("no free reference code after 100 draws")

    def counts(self) -> OutboxCounts:
        rows = self.db.execute(
            "SELECT status, COUNT(*), MIN(created_at) FROM outbox GROUP BY status"
        ).fetchall()
        by_status = {status: (count, oldest) for status, count, oldest in rows}
        count = {status: by_status.get(status, (0, None))[0] for status in STATUSES}
        oldest_pending = by_status.get(PENDING, (0, None))[1]
        age = None if oldest_pending is None else max(0.0, self.clock() - oldest_pending)
        return OutboxCounts(
            pending=count[PENDING],
            delivered=count[DELIVERED],
            failed=count[FAILED],
            expired=count[EXPIRED],
            oldest_pending_age_seconds=age,
        )

    # -- the delivery worker's side -----------------------------------------------------------

    def due(self, now: float, limit: int = 50) -> list[QueuedRequest]:
        """Pending requests whose next attempt is due, oldest schedule first."""
        rows = self.db.execute(
            f"""
            SELECT id, reference, idempotency_key, kiosk_id, created_at, attempts,
                   {", ".join(PERSONAL_FIELDS)}
            FROM outbox WHERE status = ? AND (next_attempt_at <= ? OR next_attempt_at > ?)
            ORDER BY next_attempt_at, id LIMIT ?
            """,
            [PENDING, now, now + CLOCK_SET_BACK_SECONDS, limit],
        ).fetchall()
        return [
            QueuedRequest(
                row_id,
                reference,
                key,
                kiosk_id,
                created_at,
                attempts,
                _request(personal),
            )
            for row_id, reference, key, kiosk_id, created_at, attempts, *personal in rows
        ]

    def next_due(self, retention_seconds: float, *, pending: bool = True) -> float | None:
        """When something next needs the worker: a retry (if `pending`) or an expiry."""
        times = []
        if pending:
            times.append(
                self.db.execute(
                    "SELECT MIN(next_attempt_at) FROM outbox WHERE status = ?", [PENDING]
                ).fetchone()[0]
            )
        oldest = self.db.execute(
            "SELECT MIN(created_at) FROM outbox WHERE status IN (?, ?)", [PENDING, FAILED]
        ).fetchone()[0]
        times.append(None if oldest is None else oldest + retention_seconds)
        known = [t for t in times if t is not None]
        return min(known) if known else None

    def mark_delivered(self, row_id: int, now: float) -> None:
        """Delivered: erase the personal fields in the same transaction."""
        with self._transaction() as db:
            db.execute(
                f"""
                UPDATE outbox SET status = ?, attempts = attempts + 1, last_attempt_at = ?,
                    finished_at = ?, next_attempt_at = NULL, last_error = NULL, {_ERASE}
                WHERE id = ? AND status = ?
                """,
                [DELIVERED, now, now, row_id, PENDING],
            )

    def schedule_retry(self, row_id: int, now: float, at: float, error: str) -> None:
        with self._transaction() as db:
            db.execute(
                """
                UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?,
                    next_attempt_at = ?, last_error = ?
                WHERE id = ? AND status = ?
                """,
                [now, at, error, row_id, PENDING],
            )

    def mark_failed(self, row_id: int, now: float, error: str) -> None:
        """Refused by the receiver: kept, personal fields and all, for staff until it expires."""
        with self._transaction() as db:
            db.execute(
                """
                UPDATE outbox SET status = ?, attempts = attempts + 1, last_attempt_at = ?,
                    finished_at = ?, next_attempt_at = NULL, last_error = ?
                WHERE id = ? AND status = ?
                """,
                [FAILED, now, now, error, row_id, PENDING],
            )

    def expire(self, created_before: float, now: float) -> int:
        """Erase every undelivered request created at or before the cutoff; returns how many."""
        with self._transaction() as db:
            cursor = db.execute(
                f"""
                UPDATE outbox SET status = ?, finished_at = ?, next_attempt_at = NULL, {_ERASE}
                WHERE status IN (?, ?) AND created_at <= ?
                """,
                [EXPIRED, now, PENDING, FAILED, created_before],
            )
            return cursor.rowcount

    def retry_failed(self, now: float | None = None) -> int:
        """Queue failed requests again (after staff fixed the endpoint or the secret)."""
        now = self.clock() if now is None else now
        with self._transaction() as db:
            cursor = db.execute(
                """
                UPDATE outbox SET status = ?, next_attempt_at = ?, finished_at = NULL
                WHERE status = ?
                """,
                [PENDING, now, FAILED],
            )
            return cursor.rowcount

    def scrub(self) -> bool:
        """Copy the WAL into the file and truncate it, so erased rows' old page images go too.

        Returns False when a reader kept the checkpoint from finishing; call again later.
        """
        busy, _, _ = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
