"""The staff state file's tables, as an ordered list of sqlite-utils migrations.

Add a new function at the end of MIGRATIONS for every change; never edit one that has
shipped. As in the content store, sqlite-utils is imported only when something is pending.

- `pin`: one row (id 1) with the PIN hash and the wrong-attempt counters, so a restart
  neither forgets a lockout nor resets the run of wrong attempts.
- `settings`: what staff chose (mode, idle-reset defaults), key to JSON value.
- `runtime`: what the running kiosk reports about itself (start time, process id, problems
  such as a missing speech engine), so `kiosk status` in another process tells the truth.
- `audit`: who did what and how it went; never a PIN.
- `daily_counts`: how many visits, card openings (per card and language), read-aloud uses
  and callback requests sent, per local day (kiosk/staff/counts.py); never a visit's own
  record or its order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.migrations import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "kiosk.staff"


def m001_staff_tables(db: Database) -> None:
    db.table("pin").create(
        {"id": int, "hash": str, "failures": int, "lockouts": int, "locked_until": float},
        pk="id",
        not_null={"failures", "lockouts", "locked_until"},
        defaults={"failures": 0, "lockouts": 0, "locked_until": 0.0},
    )
    db.table("settings").create({"key": str, "value": str}, pk="key", not_null={"value"})
    db.table("runtime").create({"key": str, "value": str}, pk="key", not_null={"value"})
    db.table("audit").create(
        {"id": int, "at": str, "actor": str, "action": str, "outcome": str},
        pk="id",
        not_null={"at", "actor", "action", "outcome"},
    )


def m002_daily_counts(db: Database) -> None:
    db.table("daily_counts").create(
        {"day": str, "name": str, "card": str, "lang": str, "count": int},
        pk=("day", "name", "card", "lang"),
        not_null={"day", "name", "card", "lang", "count"},
        defaults={"card": "", "lang": "", "count": 0},
    )


MIGRATIONS = MigrationSet(MIGRATION_SET, (m001_staff_tables, m002_daily_counts))
is_current, migrate = MIGRATIONS.is_current, MIGRATIONS.migrate
