"""The staff panel's status: what needs attention first, then the facts as label/value rows.

It words, through tr(), the facts `kiosk.health.facts.status_facts` orders, the failed
checks and the sync errors (codes with parameters), so staff read them in the panel's
language; `kiosk status` words the same codes once in English (kiosk/health/english.py). The
mode names are worded here once, for these rows and the panel's mode buttons. Values that are
data (names, times, versions, paths, what a subsystem reported) are shown as they are, in a
proportional font, wrapping at any text size.

The view keeps the last status it was given: a language change re-words it (`retranslate`)
without collecting it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.updates.outcome import Outcome, SyncError, SyncErrorCode, SyncResult
from kiosk.health.checks import Check, CheckCode, Source
from kiosk.health.facts import Fact, FactCode, duration_words, gigabytes, local_time, status_facts
from kiosk.health.status import KioskStatus
from kiosk.net import addresses
from kiosk.net.causes import Cause
from kiosk.staff import modes
from kiosk.ui.widgets.buttons import heading

ZERO_WIDTH_SPACE = "\u200b"
LONG_RUN = 20  # characters without a space that QLabel could not wrap

Rows = list[tuple[str, str]]


class StatusView(QWidget):
    """A summary box (all checks passed, or each failed check) over a table of facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = _frame("StatusSummary")
        self.badge = heading("status-badge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = heading("status-headline")
        self.checked = heading("small")
        self.checks: list[QLabel] = []
        self.check_list = QVBoxLayout()
        self.check_list.setSpacing(10)
        words = QVBoxLayout()
        words.setSpacing(10)
        words.addWidget(self.headline)
        words.addLayout(self.check_list)
        words.addWidget(self.checked)
        row = QHBoxLayout(self.summary)
        row.setContentsMargins(28, 24, 28, 24)
        row.setSpacing(24)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)

        self.table = _frame("StatusTable")
        self.grid = QGridLayout(self.table)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(0)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.status: KioskStatus | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_status(self, status: KioskStatus) -> None:
        """Show `status` in the current language, and keep it to re-word later."""
        self.status = status
        self.retranslate()

    def retranslate(self) -> None:
        """Word the kept status again, in the current language (nothing is collected)."""
        if self.status is None:
            return
        failed = [self.check_words(check) for check in self.status.checks]
        self._show_summary(failed, self.status.collected_at)
        self._show_rows(self.facts(self.status))

    # -- the summary -----------------------------------------------------------------------

    def _show_summary(self, failed: list[str], collected_at: str | None) -> None:
        if failed:
            headline = self.tr("%n problem(s) need attention", "", len(failed))
        else:
            headline = self.tr("All checks passed")
        for widget in (self.summary, self.badge, self.headline):
            _restyle(widget, "state", "attention" if failed else "ok")
        self.badge.setText("!" if failed else "✓")
        self.headline.setText(headline)
        self.headline.setAccessibleName(headline)
        while len(self.checks) < len(failed):
            label = heading("status-check")
            label.setIndent(0)
            self.check_list.addWidget(label)
            self.checks.append(label)
        for index, label in enumerate(self.checks):  # labels are reused, never rebuilt
            check = failed[index] if index < len(failed) else ""
            label.setText(_breakable(check))
            label.setAccessibleName(check)
            label.setVisible(bool(check))
        checked = self.tr("Checked %1").replace("%1", local_time(collected_at))
        self.checked.setText(checked)
        self.checked.setVisible(bool(collected_at))

    # -- the checks ------------------------------------------------------------------------

    def check_words(self, check: Check) -> str:
        """One failed check in the current language (KeyError for a code without words)."""
        p = check.params
        words: dict[CheckCode, Callable[[], str]] = {
            CheckCode.NOT_RUNNING: lambda: self.tr("The kiosk is not running."),
            CheckCode.NO_PIN: lambda: self.tr(
                "No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`)."
            ),
            CheckCode.NO_CONTENT: lambda: self.tr("No content is loaded."),
            CheckCode.NO_CALLBACK_ENDPOINT: lambda: self.tr(
                "No callback endpoint: callback requests stay queued on this kiosk."
            ),
            CheckCode.NO_CALLBACK_SECRET: lambda: self.tr(
                "A callback endpoint is set but callbacks.secret is empty."
            ),
            CheckCode.UNDELIVERED_CALLBACKS: lambda: self.tr(
                "%n callback request(s) could not be delivered.", "", int(p["count"])
            ),
            CheckCode.STALE_CALLBACKS: lambda: self.tr(
                "Callback requests have been waiting for more than an hour."
            ),
            CheckCode.SYNC_OFF: lambda: self.tr(
                "Content updates are off: sync.repository_url is empty."
            ),
            CheckCode.FLEET_BAD_ENDPOINT: lambda: self._bad_endpoint(p),
            CheckCode.FLEET_NO_SECRET: lambda: self.tr(
                "Fleet status is off: status.endpoint is set but status.secret is empty."
            ),
            CheckCode.FLEET_FAILING: lambda: _fill(
                self.tr("Fleet status is not getting through: %1"), self._heartbeat_error(p)
            ),
            CheckCode.LOW_DISK: lambda: _fill(self.tr("Low disk space: %1 MB free."), p["free_mb"]),
            CheckCode.UNREADABLE: lambda: _fill(
                self.tr("%1: could not be read (%2)"), self._source(p["source"]), p["error"]
            ),
            CheckCode.PROBLEM: lambda: _fill(
                self.tr("%1: %2"), self._problem_source(p["source"]), p["detail"]
            ),
            CheckCode.TRIALS_STALE: lambda: _fill(
                self.tr(
                    "The clinical trials list is %1 days old: fetch it again and publish "
                    "the content."
                ),
                p["days"],
            ),
        }
        return words[check.code]()

    def _bad_endpoint(self, p: Any) -> str:
        words = {
            addresses.INVALID: self.tr("Fleet status is off: %1 is not a valid address."),
            addresses.HTTP_REMOTE: self.tr(
                "Fleet status is off: %1 must use https:// (http:// only for this machine)."
            ),
            addresses.NOT_HTTPS: self.tr("Fleet status is off: %1 must be an https:// address."),
        }
        return _fill(words[p["fault"]], p["setting"])

    def _source(self, source: str) -> str:
        words = {
            Source.CONTENT: self.tr("Content"),
            Source.SYNC: self.tr("Content updates"),
            Source.OUTBOX: self.tr("Callback outbox"),
            Source.HEARTBEAT: self.tr("Fleet status reports"),
            Source.COUNTS: self.tr("Daily counts"),
        }
        return words.get(source, source)

    def _problem_source(self, name: str) -> str:
        """The running part that reported a problem (StaffState.set_problem names)."""
        words = {"speech": self.tr("Speech"), "callbacks": self.tr("Callback requests")}
        return words.get(name, name.capitalize())

    # -- sync errors and results -----------------------------------------------------------

    def sync_error_words(self, error: SyncError) -> str:
        """Why a sync failed, in the current language (an older kiosk's text as it is)."""
        p = error.params
        words: dict[SyncErrorCode, Callable[[], str]] = {
            SyncErrorCode.UNUSABLE: lambda: self.tr(
                "the update offered cannot be used (too large, incomplete or not valid)"
            ),
            SyncErrorCode.EXPIRED: lambda: self.tr("the update's signed data has expired"),
            SyncErrorCode.ROLLBACK: lambda: self.tr(
                "older than a version this kiosk has seen (replay or rollback)"
            ),
            SyncErrorCode.BAD_SIGNATURE: lambda: self.tr("bad signature or wrong key"),
            SyncErrorCode.HASH_MISMATCH: lambda: self.tr("a file's hash or length does not match"),
            SyncErrorCode.OVERSIZE: lambda: self.tr("a download was larger than allowed"),
            SyncErrorCode.INVALID_METADATA: lambda: self.tr("invalid metadata"),
            SyncErrorCode.TOO_SLOW: lambda: self.tr("the content server was too slow"),
            SyncErrorCode.HTTP_STATUS: lambda: _fill(
                self.tr("the content server answered HTTP %1"), p.get("status", "?")
            ),
            SyncErrorCode.UNREACHABLE: lambda: self._unreachable(p),
            SyncErrorCode.SETTINGS: lambda: self.tr(
                "the update settings are not right (see `kiosk doctor`)"
            ),
            SyncErrorCode.LOCAL_FILE: lambda: self.tr(
                "a file on this kiosk could not be read or written"
            ),
            SyncErrorCode.BUSY: lambda: self.tr("another content update is running"),
            SyncErrorCode.UNEXPECTED: lambda: _fill(
                self.tr("unexpected error (%1)"), p.get("type", "?")
            ),
            SyncErrorCode.TEXT: lambda: str(p.get("text", "")),
        }
        return words[error.code]()

    def _unreachable(self, p: Any) -> str:
        cause = self.cause_words(p.get("cause"), p.get("cause_detail", ""))
        if not cause:
            return self.tr("the content server cannot be reached")
        return _fill(self.tr("the content server cannot be reached (%1)"), cause)

    def cause_words(self, cause: str | None, detail: str = "") -> str:
        """What went wrong under a download that got no answer ("" when nothing is known)."""
        words = {
            Cause.CONNECTION_REFUSED: lambda: self.tr("connection refused"),
            Cause.HOST_NOT_FOUND: lambda: self.tr("server name not found"),
            Cause.TLS_UNTRUSTED: lambda: self.tr("TLS certificate not trusted"),
            Cause.TLS_ERROR: lambda: self.tr("TLS error"),
            Cause.TIMED_OUT: lambda: self.tr("no answer in time"),
            Cause.CONNECTION_LOST: lambda: self.tr("connection lost"),
            Cause.SYSTEM: lambda: self.tr("system error"),
            Cause.OTHER: lambda: str(detail),  # the error's type: a name, not words
        }
        return words[cause]() if cause in words else ""

    def sync_failure_words(self, outcome: Outcome, error: SyncError | None) -> str:
        """A failed update as a whole: "Content update unavailable: ..."."""
        reason = self.sync_error_words(error) if error else ""
        words = {
            Outcome.REJECTED: self.tr("Content update rejected: %1"),
            Outcome.UNAVAILABLE: self.tr("Content update unavailable: %1"),
        }
        return _fill(words.get(outcome, self.tr("Content update failed: %1")), reason)

    def sync_result_words(self, result: SyncResult) -> str:
        """What "Update content now" came to, in the current language."""
        if result.outcome is Outcome.UPDATED:
            return _fill(self.tr("Content updated to version %1"), result.version)
        if result.outcome is Outcome.UP_TO_DATE:
            return _fill(self.tr("Content is up to date (version %1)"), result.version)
        return self.sync_failure_words(result.outcome, result.error)

    # -- the facts -------------------------------------------------------------------------

    def mode_name(self, mode: str) -> str:
        """A mode's name (kiosk.staff.modes), for these rows and the panel's mode buttons."""
        names = {
            modes.PATIENT: self.tr("Patient mode"),
            modes.SIGNAGE: self.tr("Signage mode"),
            modes.OUT_OF_SERVICE: self.tr("Out of service"),
        }
        return names.get(mode, mode)

    def facts(self, status: KioskStatus) -> Rows:
        """(label, value) for each fact of `status_facts`, worded in the current language."""
        return [row for fact in status_facts(status) for row in self.fact_rows(fact)]

    def fact_rows(self, fact: Fact) -> Rows:
        """One fact's rows (KeyError for a code without words)."""
        words: dict[FactCode, Callable[[Any], Rows]] = {
            FactCode.KIOSK: lambda p: [
                (self.tr("Kiosk"), p["kiosk_id"]),
                (self.tr("App version"), p["app_version"]),
            ],
            FactCode.MODE: lambda p: [(self.tr("Mode"), self.mode_name(p["mode"]))],
            FactCode.RUNNING: lambda p: [(self.tr("Running"), self._running(p))],
            FactCode.CONTENT: self._content,
            FactCode.LAST_SYNC: lambda p: [(self.tr("Last update"), self._last_success(p))],
            FactCode.LAST_SYNC_ERROR: lambda p: [(self.tr("Last update error"), self._error(p))],
            FactCode.OUTBOX: self._outbox,
            FactCode.HEARTBEAT: lambda p: [(self.tr("Fleet status reports"), self._heartbeat(p))],
            FactCode.FREE_DISK: lambda p: [(self.tr("Free disk"), gigabytes(p["bytes"]))],
            FactCode.DATA_DIR: lambda p: [(self.tr("Data folder"), p["path"])],
        }
        return words[fact.code](fact.params)

    def _time(self, iso: str | None) -> str:
        return local_time(iso) if iso else self.tr("unknown")

    def _running(self, p: Any) -> str:
        started = self._time(p["started_at"])
        if p["running"]:
            since = self.tr("Yes, since %1 (%2)").replace("%1", started)
            uptime = p["uptime_seconds"]
            return since.replace("%2", duration_words(uptime) if uptime is not None else "?")
        if p["started_at"]:
            return self.tr("No (last started %1)").replace("%1", started)
        return self.tr("No, never started")

    def _content(self, p: Any) -> Rows:
        if not p:
            return [(self.tr("Content version"), self.tr("None loaded"))]
        rows = [(self.tr("Content version"), p["version"])]
        if p["published"]:
            rows.append((self.tr("Content published"), local_time(p["published"])))
        rows.append((self.tr("Content loaded"), f"{self._time(p['loaded_at'])} ({p['origin']})"))
        return rows

    def _last_success(self, p: Any) -> str:
        if not p:
            return self.tr("Not available")
        return local_time(p["last_success"]) if p["last_success"] else self.tr("Never")

    def _error(self, p: Any) -> str:
        if not p:
            return self.tr("Not available")
        error = p["error"]
        if error is None:
            return self.tr("None")
        if error.code is SyncErrorCode.TEXT:  # an older kiosk's words: they say it all
            return self.sync_error_words(error)
        return self.sync_failure_words(error.outcome, error)

    def _outbox(self, p: Any) -> Rows:
        waiting, failed = self.tr("Callback requests waiting"), self.tr("Callback requests failed")
        if not p:
            return [(waiting, self.tr("Not available")), (failed, self.tr("Not available"))]
        pending, oldest = str(p["pending"]), p["oldest_pending_age_seconds"]
        if p["pending"] and oldest is not None:
            pending = self.tr("%1 (oldest %2)").replace("%1", pending)
            pending = pending.replace("%2", duration_words(oldest))
        return [(waiting, pending), (failed, str(p["failed"]))]

    def _heartbeat(self, p: Any) -> str:
        if not p:
            return self.tr("Off")
        if p["last_error"]:
            return self.tr("Failing: %1").replace("%1", self._heartbeat_error(p))
        if p["last_success"]:
            return self.tr("Last sent %1").replace("%1", local_time(p["last_success"]))
        return self.tr("Not sent yet")

    def _heartbeat_error(self, p: Any) -> str:
        """The heartbeat's failure in the panel's words: the hub's status, or the cause (a
        heartbeat fact names them error_status and error_cause, a check status and cause)."""
        status, cause = (
            p.get("error_status") or p.get("status"),
            p.get("error_cause") or p.get("cause"),
        )
        if status:
            return self.tr("the hub answered HTTP %1").replace("%1", str(status))
        if cause:
            return self.cause_words(cause, "") or str(p.get("last_error") or p.get("error"))
        return str(p.get("last_error") or p.get("error"))  # an older kiosk's: its own words

    def _show_rows(self, facts: list[tuple[str, str]]) -> None:
        while len(self.rows) < len(facts):
            caption, value = heading("status-label"), heading("status-value")
            for label in (caption, value):  # a wrapped value's label stays on its first line
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                label.setIndent(0)  # else a styled border adds an x-width inside the padding
            self.grid.addWidget(caption, len(self.rows), 0)
            self.grid.addWidget(value, len(self.rows), 1)
            self.rows.append((caption, value))
        for index, (caption, value) in enumerate(self.rows):
            shown = index < len(facts)
            caption.setVisible(shown)
            value.setVisible(shown)
            if not shown:
                continue
            label, text = facts[index]
            caption.setText(label)
            value.setText(_breakable(text))
            value.setAccessibleName(f"{label}: {text}")  # what a screen reader says
            value.setAccessibleDescription(text)
            last = "yes" if index == len(facts) - 1 else "no"
            _restyle(caption, "last", last)
            _restyle(value, "last", last)


def _fill(words: str, *values: Any) -> str:
    """`words` with %1, %2, ... replaced by `values`, in one pass (a value may hold "%2")."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), words)


def _frame(name: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    return frame


def _restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a style property; Qt applies a changed property only after a re-polish."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _breakable(text: str) -> str:
    """`text` with invisible break points in long runs (paths, hashes, URLs).

    QLabel wraps only where a line may break (QTBUG-85498), so a long path would push the
    value off the screen at large text sizes; a zero-width space after each separator, and
    every LONG_RUN characters where there is none, lets it wrap instead.
    """

    def split(run: re.Match[str]) -> str:
        marked = re.sub(r"([/\\._:\-])", rf"\1{ZERO_WIDTH_SPACE}", run.group())
        parts = marked.split(ZERO_WIDTH_SPACE)
        chunks = [
            ZERO_WIDTH_SPACE.join(p[i : i + LONG_RUN] for i in range(0, len(p), LONG_RUN))
            for p in parts
        ]
        return ZERO_WIDTH_SPACE.join(chunks)

    return re.sub(rf"\S{{{LONG_RUN},}}", split, text)
