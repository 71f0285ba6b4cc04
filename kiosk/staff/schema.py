"""The staff state file's tables, as an ordered list of sqlite-utils migrations.

Add a new function at the end of MIGRATIONS for every change; never edit one that has
shipped. As in the content store, sqlite-utils is imported only when something is pending.

- `pin`: one row (id 1) with the PIN hash and the wrong-attempt counters, so a restart
  neither forgets a lockout nor resets the run of wrong attempts.
- `settings`: what staff chose (mode, idle-reset defaults), key to JSON value.
- `runtime`: what the running kiosk reports about itself (start time, process id, problems
  such as a missing speech engine), so `kiosk status` in another process tells the truth.
- `audit`: who did what and how it went; never a PIN.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "kiosk.staff"
APPLIED_TABLE = "_sqlite_migrations"  # where sqlite-utils records what it applied


def m001_staff_tables(db: Database) -> None:
    db["pin"].create(
        {"id": int, "hash": str, "failures": int, "lockouts": int, "locked_until": float},
        pk="id",
        not_null={"failures", "lockouts", "locked_until"},
        defaults={"failures": 0, "lockouts": 0, "locked_until": 0.0},
    )
    db["settings"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["runtime"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["audit"].create(
        {"id": int, "at": str, "actor": str, "action": str, "outcome": str},
        pk="id",
        not_null={"at", "actor", "action", "outcome"},
    )


MIGRATIONS = (m001_staff_tables,)


def is_current(conn: sqlite3.Connection) -> bool:
    """True when every migration has been applied to this database already."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [APPLIED_TABLE]
    ).fetchone()
    if not exists:
        return False
    applied = {
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {APPLIED_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
        )
    }
    return all(m.__name__ in applied for m in MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Apply whatever migrations are pending, each in its own transaction."""
    from sqlite_utils import Database, Migrations

    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        migrations()(migration)
    migrations.apply(Database(conn))
