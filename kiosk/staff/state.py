"""Everything staff set or did, in one small SQLite file of its own: DATA_DIR/kiosk-state.db.

It lives apart from the content store, which is replaced whole on every update, and from the
callback outbox, which holds patients' data: this file holds neither. It keeps the PIN hash
and the run of wrong attempts (so a restart does not lift a lockout), the mode and the idle
reset's defaults (so a restart does not undo what staff chose), what the running kiosk says
about itself (see runtime.py), and the audit trail.

The UI and the CLI may use the file at the same time (`kiosk set-pin` while the kiosk runs),
so nothing is cached: every read goes to the file, and every read-modify-write runs in one
`BEGIN IMMEDIATE` transaction. Time comes from an injectable wall clock, because lockouts
must survive a restart, which a monotonic clock does not; a wall clock that jumps back
during a lockout is bounded (lockout.bounded, stored at once), so the pad opens when the
countdown it shows ends.

Audit actions: `kiosk.start`, `kiosk.stop`, `pad.request`, `pin.set`, `pin.attempt`,
`mode.change`, `defaults.change`, and whatever the panel writes (`panel.close`, ...).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk.config import LANGUAGES, TEXT_SIZES
from kiosk.database import write_transaction
from kiosk.events import Event
from kiosk.staff import lockout, modes, schema
from kiosk.staff.lockout import LOCKED, NO_PIN, OK, WRONG, PinResult
from kiosk.staff.pin import hash_pin, verify_pin
from kiosk.staff.runtime import KioskRuntime, Runtime

__all__ = [
    "LOCKED",
    "NO_PIN",
    "OK",
    "STATE_FILE",
    "WRONG",
    "AuditEntry",
    "KioskRuntime",
    "PinResult",
    "StaffDefaults",
    "StaffState",
]

STATE_FILE = "kiosk-state.db"
AUDIT_KEEP = 10_000  # entries; older ones are dropped so the file cannot grow without end

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StaffDefaults:
    """What the idle reset returns to, as chosen on the staff panel."""

    language: str
    text_size: int
    high_contrast: bool

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES or self.text_size not in TEXT_SIZES:
            raise ValueError("default language or text size is not one the kiosk offers")

    @classmethod
    def from_config(cls, config: Any) -> StaffDefaults:
        """The defaults from the config file, for when staff never chose any."""
        return cls(
            config["language.default"], config["display.text_size"], config["display.high_contrast"]
        )

    def describe(self) -> str:
        contrast = "high contrast" if self.high_contrast else "normal contrast"
        return f"{self.language}, text {self.text_size}%, {contrast}"


@dataclass(frozen=True)
class AuditEntry:
    at: str  # ISO 8601, UTC
    actor: str  # "staff" (the panel), "cli", "kiosk" (the app itself)
    action: str
    outcome: str


class StaffState:
    """The staff state file. Open one per thread; `read_only` never creates or changes it."""

    def __init__(
        self, path: Path | str, clock: Callable[[], float] = time.time, *, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.read_only = read_only
        self.mode_changed = Event()  # emitted with the new mode
        self.defaults_changed = Event()  # emitted with the new StaffDefaults, or None
        self.db = self._connect_read_only() if read_only else self._connect()
        self._runtime = Runtime(self)

    def _connect_read_only(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path}: no staff state yet")
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        db = sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)
        if not schema.is_current(db):
            db.close()
            raise sqlite3.DatabaseError(f"{self.path} is from another version of the kiosk")
        return db

    def _connect(self) -> sqlite3.Connection:
        # The file holds the PIN hash: only the kiosk's own user may read it.
        created = not self.path.exists()
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        if created:
            _give_to_directory_owner(self.path)
        db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        if not schema.is_current(db):
            try:
                schema.migrate(db)
            except sqlite3.OperationalError:
                if not schema.is_current(db):  # else another process just did it
                    raise
        db.execute("INSERT OR IGNORE INTO pin (id) VALUES (1)")
        return db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StaffState:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the PIN ------------------------------------------------------------------------------

    def has_pin(self) -> bool:
        return self.db.execute("SELECT hash FROM pin WHERE id = 1").fetchone()[0] is not None

    def set_pin(self, pin: str, actor: str = "cli") -> None:
        """Store a new PIN's hash (PinError if it breaks a rule); lifts any lockout."""
        try:
            stored = hash_pin(pin)
        except ValueError:
            self.audit("pin.set", "refused: the PIN breaks the rules", actor)
            raise
        with self.transaction():
            replaced = self.has_pin()
            self.db.execute("UPDATE pin SET hash = ? WHERE id = 1", [stored])
            self._set_counters(lockout.Counters())
            self.audit("pin.set", "changed" if replaced else "set", actor)

    def request_pad(self, actor: str = "staff") -> bool:
        """The hidden gesture: True if the PIN pad may open; if no PIN is set, log why not."""
        if self.has_pin():
            return True
        log.warning("staff gesture ignored: no staff PIN is set (set one with `kiosk set-pin`)")
        self.audit("pad.request", "refused: no PIN set", actor)
        return False

    def locked_seconds(self) -> int:
        """Seconds until the PIN pad takes attempts again; 0 when it does now."""
        if self.read_only:
            return lockout.remaining(self._counters()[1], self.clock())
        with self.transaction():
            return lockout.remaining(self._bounded_counters()[1], self.clock())

    def check_pin(self, pin: str, actor: str = "staff") -> PinResult:
        """Check one attempt, count it, and audit it (the PIN itself is never written)."""
        with self.transaction():
            stored, counters = self._bounded_counters()
            now = self.clock()
            if stored is None:
                result, outcome = PinResult(lockout.NO_PIN), "refused: no PIN set"
            elif left := lockout.remaining(counters, now):
                result = PinResult(lockout.LOCKED, locked_seconds=left)
                outcome = f"refused: locked, {left} s left"
            elif verify_pin(pin, stored):
                self._set_counters(lockout.Counters())
                result, outcome = PinResult(lockout.OK), "ok"
            else:
                counters, result = lockout.after_wrong(counters, now)
                self._set_counters(counters)
                outcome = (
                    f"wrong, locked for {result.locked_seconds} s"
                    if result.locked_seconds
                    else f"wrong, {result.attempts_left} left"
                )
            self.audit("pin.attempt", outcome, actor)
            return result

    def _counters(self) -> tuple[str | None, lockout.Counters]:
        row = self.db.execute(
            "SELECT hash, failures, lockouts, locked_until FROM pin WHERE id = 1"
        ).fetchone()
        return row[0], lockout.Counters(*row[1:])

    def _bounded_counters(self) -> tuple[str | None, lockout.Counters]:
        """The counters, with a lockout the wall clock stretched pulled back and stored."""
        stored, counters = self._counters()
        bounded = lockout.bounded(counters, self.clock())
        if bounded != counters:
            log.warning(
                "the clock went back during a PIN lockout; it now ends in %d s",
                lockout.remaining(bounded, self.clock()),
            )
            self._set_counters(bounded)
        return stored, bounded

    def _set_counters(self, counters: lockout.Counters) -> None:
        self.db.execute(
            "UPDATE pin SET failures = ?, lockouts = ?, locked_until = ? WHERE id = 1",
            [counters.failures, counters.lockouts, counters.locked_until],
        )

    # -- mode and defaults --------------------------------------------------------------------

    @property
    def mode(self) -> str:
        stored = self._setting("mode")
        if stored is None:
            return modes.DEFAULT_MODE
        if stored not in modes.MODES:
            log.error("unknown stored mode %r; using %s", stored, modes.DEFAULT_MODE)
            return modes.DEFAULT_MODE
        return stored

    def set_mode(self, mode: str, actor: str = "staff") -> None:
        modes.check_mode(mode)
        with self.transaction():
            old = self.mode
            if mode == old:
                return
            self._put_setting("mode", mode)
            self.audit("mode.change", f"{old} -> {mode}", actor)
        self.mode_changed.emit(mode)

    def defaults(self) -> StaffDefaults | None:
        """The idle reset's defaults chosen by staff, or None (then the config's apply)."""
        stored = self._setting("defaults")
        if stored is None:
            return None
        try:
            return StaffDefaults(**stored)
        except (TypeError, ValueError):
            log.error("stored idle-reset defaults are unusable; using the config's")
            return None

    def set_defaults(self, defaults: StaffDefaults | None, actor: str = "staff") -> None:
        """Choose what the idle reset returns to; None goes back to the config file's."""
        with self.transaction():
            if defaults is None:
                self.db.execute("DELETE FROM settings WHERE key = 'defaults'")
                self.audit("defaults.change", "back to the config file's", actor)
            else:
                self._put_setting("defaults", asdict(defaults))
                self.audit("defaults.change", defaults.describe(), actor)
        self.defaults_changed.emit(defaults)

    def _setting(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else None

    def _put_setting(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, json.dumps(value)]
        )

    # -- the running kiosk (see runtime.py) --------------------------------------------------

    def record_start(self) -> None:
        """Call once when the kiosk starts: its start time and process id; old problems go."""
        self._runtime.record_start()

    def record_stop(self) -> None:
        """Call when the kiosk quits cleanly, so `kiosk status` does not think it still runs."""
        self._runtime.record_stop()

    def set_problem(self, name: str, message: str | None) -> None:
        """Report (or with None, clear) a problem staff should see, e.g. name 'speech'."""
        self._runtime.set_problem(name, message)

    def set_report(self, name: str, report: dict[str, Any] | None) -> None:
        """Keep the latest report only this process knows (sync, heartbeat) for other readers."""
        self._runtime.set_report(name, report)

    def runtime(self) -> KioskRuntime:
        return self._runtime.read()

    # -- the audit trail ----------------------------------------------------------------------

    def audit(self, action: str, outcome: str, actor: str = "staff") -> None:
        """Write one entry (never a PIN or anything about a patient), dropping the oldest."""
        at = datetime.datetime.fromtimestamp(self.clock(), datetime.UTC)
        cursor = self.db.execute(
            "INSERT INTO audit (at, actor, action, outcome) VALUES (?, ?, ?, ?)",
            [at.isoformat(timespec="seconds"), actor, action, outcome],
        )
        if cursor.lastrowid is not None:  # always, after an INSERT
            self.db.execute("DELETE FROM audit WHERE id <= ?", [cursor.lastrowid - AUDIT_KEEP])

    def recent_audit(self, limit: int = 50) -> list[AuditEntry]:
        """The latest entries, newest first."""
        rows = self.db.execute(
            "SELECT at, actor, action, outcome FROM audit ORDER BY id DESC LIMIT ?", [limit]
        )
        return [AuditEntry(*row) for row in rows]

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A write transaction that takes the lock at once (nested ones join the outer)."""
        return write_transaction(self.db)


def _give_to_directory_owner(path: Path) -> None:
    """Made by root (`sudo kiosk set-pin`)? Hand the file to the data directory's owner, the
    kiosk's user, or the kiosk could not write it. SQLite does the same for -wal and -shm."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        owner = path.parent.stat()
        os.chown(path, owner.st_uid, owner.st_gid)
