"""What every SQLite file of the kiosk's does the same way: write transactions and the
integrity check. (Schema migrations are in migrations.py.)

A write takes the database's write lock at its start (`BEGIN IMMEDIATE`), so two processes
(the kiosk and a `kiosk` command) never both read, then both try to write, and one fail
half-way: the second waits for the lock instead, up to the connection's busy timeout.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A transaction holding the write lock from its start; a nested one joins the outer.

    For connections in autocommit mode (`isolation_level=None`), as every kiosk file uses.
    """
    if conn.in_transaction:  # nested: the outer transaction commits or rolls back
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def integrity_problem(path: Path, *, read_only: bool = False) -> str | None:
    """What `PRAGMA integrity_check` finds wrong with the database at `path`, or None.

    A file that is damaged or not a database at all is a problem found; any other error
    (permissions, a missing file opened read-only) is raised, since the file may be fine.
    """
    target = f"{Path(path).resolve().as_uri()}?mode=ro" if read_only else str(path)
    try:
        db = sqlite3.connect(target, uri=read_only)
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return str(error)
        raise
    return None if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:3])
