"""The outbox file: its table as sqlite-utils migrations, and how every connection opens it.

Every connection (the UI's, the delivery worker's, the command line's) goes through
`open_database`, because the settings that make it safe are per connection:

- WAL with synchronous=FULL: a commit is on disk when it returns, and a crash (even SIGKILL
  or power loss) keeps every committed request;
- secure_delete=ON: erased names and numbers are overwritten with zeros, not left in free
  space of a page (the worker then checkpoints and truncates the WAL, see Outbox.scrub);
- the file is created readable by its owner only, and SQLite gives its -wal and -shm files
  the same permissions.

Add a new function at the end of MIGRATIONS for every change; never edit one that has shipped.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kiosk.migrations import MigrationSet

T = TypeVar("T")

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "kiosk.callbacks"
BUSY_TIMEOUT_SECONDS = 5.0


def m001_outbox(db: Database) -> None:
    db.table("outbox").create(
        {
            "id": int,
            "reference": str,
            "idempotency_key": str,
            "kiosk_id": str,
            "created_at": float,  # Unix seconds, from the outbox's clock
            "status": str,  # pending | delivered | failed | expired
            "attempts": int,
            "next_attempt_at": float,  # pending only
            "last_attempt_at": float,
            "finished_at": float,  # when it became delivered, failed or expired
            "last_error": str,  # "HTTP 503", "connection refused": never a response body
            # Personal fields: set to NULL once delivered or expired.
            "first_name": str,
            "phone": str,
            "best_time": str,
            "language": str,
            "topic": str,
        },
        pk="id",
        not_null={"reference", "idempotency_key", "kiosk_id", "created_at", "status", "attempts"},
        defaults={"attempts": 0},
    )
    db.table("outbox").create_index(["reference"], unique=True)
    db.table("outbox").create_index(["idempotency_key"], unique=True)
    db.table("outbox").create_index(["status", "next_attempt_at"])
    db.table("outbox").create_index(["status", "created_at"])


def m002_trial(db: Database) -> None:
    # The clinical trial a request is about (NCT number and title): erased with the rest.
    db.table("outbox").add_column("trial_id", str)
    db.table("outbox").add_column("trial_title", str)


MIGRATIONS = MigrationSet(MIGRATION_SET, (m001_outbox, m002_trial))
is_current, migrate = MIGRATIONS.is_current, MIGRATIONS.migrate


def open_database(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (callers write `BEGIN IMMEDIATE` themselves)."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    conn = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
        check_same_thread=check_same_thread,
    )
    try:
        mode = _with_retries(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        if mode.lower() != "wal":
            raise sqlite3.OperationalError(f"{path}: cannot use WAL (journal mode is {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        if not is_current(conn):
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _with_retries(step: Callable[[], T]) -> T:
    """Run `step`, retrying while the file is locked.

    After a process was killed, the next one to open the file recovers its write-ahead log
    under an exclusive lock, and SQLite answers "locked" to others at once, without waiting
    through the busy timeout. That passes in milliseconds; retry for as long as the timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            return step()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
