"""What the running kiosk says about itself, kept in the state file for other processes.

`kiosk status` runs in its own process, yet staff expect it to say what the panel says:
how long the kiosk has been up, that Read aloud has no voice, when the heartbeat last got
through. So the kiosk writes these here (table `runtime`), and a reader trusts them only
while the process that wrote them is still alive. A new start clears the old ones.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.staff.state import StaffState


@dataclass(frozen=True)
class KioskRuntime:
    """What the last started kiosk process recorded about itself."""

    started_at: float | None = None  # wall-clock seconds
    pid: int | None = None  # None once it stopped cleanly
    version: str | None = None
    problems: dict[str, str] = field(default_factory=dict)  # e.g. {"speech": "..."}
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)  # e.g. {"heartbeat": ...}


class Runtime:
    """The `runtime` table of a StaffState, which offers these methods as its own."""

    def __init__(self, state: StaffState) -> None:
        self.state = state

    def record_start(self) -> None:
        with self.state.transaction():
            self.state.db.execute("DELETE FROM runtime")
            values = {"started_at": self.state.clock(), "pid": os.getpid(), "version": __version__}
            for key, value in values.items():
                self._put(key, value)
            self.state.audit("kiosk.start", f"version {__version__}", "kiosk")

    def record_stop(self) -> None:
        with self.state.transaction():
            self._put("pid", None)
            self.state.audit("kiosk.stop", "ok", "kiosk")

    def set_problem(self, name: str, message: str | None) -> None:
        self._put(f"problem.{name}", message)

    def set_report(self, name: str, report: dict[str, Any] | None) -> None:
        self._put(f"report.{name}", report)

    def read(self) -> KioskRuntime:
        rows = self.state.db.execute("SELECT key, value FROM runtime")
        values = {key: json.loads(value) for key, value in rows}

        def prefixed(prefix: str) -> dict[str, Any]:
            return {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}

        return KioskRuntime(
            values.get("started_at"),
            values.get("pid"),
            values.get("version"),
            prefixed("problem."),
            prefixed("report."),
        )

    def _put(self, key: str, value: Any) -> None:
        if value is None:
            self.state.db.execute("DELETE FROM runtime WHERE key = ?", [key])
        else:
            self.state.db.execute(
                "INSERT OR REPLACE INTO runtime (key, value) VALUES (?, ?)",
                [key, json.dumps(value)],
            )
