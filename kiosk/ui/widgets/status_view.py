"""The staff panel's status: what needs attention first, then the facts as label/value rows.

It shows the facts `kiosk.health.status.status_rows` gives `kiosk status`, worded here
through tr() so staff read them in the panel's language, in a proportional font, with
values that wrap at any text size. Values that come from the status itself (names, times,
versions, error messages, the failed checks) are shown as they are.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.health.status import duration_words, local_time
from kiosk.staff import modes
from kiosk.ui.widgets.buttons import heading

ZERO_WIDTH_SPACE = "\u200b"
LONG_RUN = 20  # characters without a space that QLabel could not wrap


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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_status(self, status: dict[str, Any]) -> None:
        """Show `status` (a `collect_status` dict) in the current language."""
        self._show_summary(status["failed_checks"], status["collected_at"])
        self._show_rows(self.facts(status))

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

    # -- the facts -------------------------------------------------------------------------

    def facts(self, status: dict[str, Any]) -> list[tuple[str, str]]:
        """(label, value) in the order of `status_rows`, worded in the current language."""
        content, outbox = status["content"], status["outbox"]
        rows = [
            (self.tr("Kiosk"), status["kiosk_id"]),
            (self.tr("App version"), status["app_version"]),
            (self.tr("Mode"), self._mode(status["mode"])),
            (self.tr("Running"), self._running(status)),
            (self.tr("Content version"), content["version"] if content else self.tr("None loaded")),
        ]
        if content and content["published"]:
            rows.append((self.tr("Content published"), local_time(content["published"])))
        if content:
            loaded = f"{local_time(content['loaded_at'])} ({content['origin']})"
            rows.append((self.tr("Content loaded"), loaded))
        rows += [
            (self.tr("Last update"), self._last_success(status["sync"])),
            (self.tr("Last update error"), self._last_error(status["sync"])),
            *self._outbox(outbox),
            (self.tr("Fleet status reports"), self._heartbeat(status["heartbeat"])),
            (self.tr("Free disk"), f"{status['disk_free_bytes'] / 1000**3:.1f} GB"),
            (self.tr("Data folder"), status["data_dir"]),
        ]
        return rows

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

    def _mode(self, mode: str) -> str:
        names = {
            modes.PATIENT: self.tr("Patient mode"),
            modes.SIGNAGE: self.tr("Signage mode"),
            modes.OUT_OF_SERVICE: self.tr("Out of service"),
        }
        return names.get(mode, mode)

    def _running(self, status: dict[str, Any]) -> str:
        started = local_time(status["started_at"])
        if status["running"]:
            since = self.tr("Yes, since %1 (%2)").replace("%1", started)
            return since.replace("%2", duration_words(status["uptime_seconds"]))
        if status["started_at"]:
            return self.tr("No (last started %1)").replace("%1", started)
        return self.tr("No, never started")

    def _last_success(self, report: dict[str, Any] | None) -> str:
        if report is None:
            return self.tr("Not available")
        return local_time(report["last_success"]) if report["last_success"] else self.tr("Never")

    def _last_error(self, report: dict[str, Any] | None) -> str:
        if report is None:
            return self.tr("Not available")
        return report["last_error"] or self.tr("None")

    def _outbox(self, outbox: dict[str, Any] | None) -> list[tuple[str, str]]:
        waiting, failed = self.tr("Callback requests waiting"), self.tr("Callback requests failed")
        if outbox is None:
            return [(waiting, self.tr("Not available")), (failed, self.tr("Not available"))]
        pending, oldest = str(outbox["pending"]), outbox["oldest_pending_age_seconds"]
        if outbox["pending"] and oldest is not None:
            pending = self.tr("%1 (oldest %2)").replace("%1", pending)
            pending = pending.replace("%2", duration_words(oldest))
        return [(waiting, pending), (failed, str(outbox["failed"]))]

    def _heartbeat(self, report: dict[str, Any] | None) -> str:
        if report is None:
            return self.tr("Off")
        if report["last_error"]:
            return self.tr("Failing: %1").replace("%1", report["last_error"])
        if report["last_success"]:
            return self.tr("Last sent %1").replace("%1", local_time(report["last_success"]))
        return self.tr("Not sent yet")


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
