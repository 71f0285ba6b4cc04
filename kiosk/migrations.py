"""Schema migrations for the kiosk's SQLite files, through sqlite-utils' Migrations.

Every file (content store, staff state, callback outbox) lists its migrations as plain
functions in a `MigrationSet`. Checking whether a file is current is one query with the
standard library; sqlite-utils is imported only when something is pending, so a kiosk
whose files are current starts without loading it. Pending migrations run under one write
lock, so two processes opening the same file at once (the kiosk and a `kiosk` command)
cannot both apply them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from kiosk.database import write_transaction

APPLIED_TABLE = "_sqlite_migrations"  # where sqlite-utils records what it applied


class MigrationSet:
    def __init__(self, name: str, migrations: Sequence[Callable[[Any], None]]) -> None:
        self.name = name
        self.migrations = tuple(migrations)

    def is_current(self, conn: sqlite3.Connection) -> bool:
        """True when every migration has been applied to this database already."""
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [APPLIED_TABLE]
        ).fetchone()
        if not exists:
            return False
        applied = {
            row[0]
            for row in conn.execute(
                f"SELECT name FROM {APPLIED_TABLE} WHERE migration_set = ?", [self.name]
            )
        }
        return all(m.__name__ in applied for m in self.migrations)

    def migrate(self, conn: sqlite3.Connection) -> None:
        """Apply whatever is pending, each migration in its own savepoint, under one lock."""
        from sqlite_utils import Database, Migrations

        migrations = Migrations(self.name)
        for migration in self.migrations:
            migrations()(migration)
        with write_transaction(conn):
            if not self.is_current(conn):  # another process may have finished while we waited
                migrations.apply(Database(conn))  # nested: sqlite-utils uses savepoints
