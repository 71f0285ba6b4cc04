"""The staff panel: modes, the idle reset's defaults, honest status, update now, exit.

It covers the whole window, closes itself after a minute without a touch (and on the idle
reset), and every change it makes goes through StaffState, which audits it. It collects the
status when it opens and after each change staff make; a language change while it is hidden
only re-words what it has (collecting reads several files, on the UI thread).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from kiosk.config import TEXT_SIZES
from kiosk.content.updates.outcome import SyncResult
from kiosk.health.status import KioskStatus
from kiosk.staff import modes
from kiosk.staff.state import StaffDefaults, StaffState
from kiosk.ui.screens.base import fill_with_scrolling
from kiosk.ui.widgets.button_row import ButtonRow
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.choices import Choice, TickBox
from kiosk.ui.widgets.status_view import StatusView

AUTO_CLOSE_MS = 60_000


class StaffPanel(QWidget):
    closed = Signal()
    update_finished = Signal(object)  # a SyncResult, emitted from the sync thread

    def __init__(
        self,
        parent: QWidget,
        state: StaffState,
        read_status: Callable[[], KioskStatus],
        update_now: Callable[[Callable[[SyncResult], None]], None] | None,
        exit_to_desktop: Callable[[], None],
        fallback_defaults: StaffDefaults,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.state, self.read_status = state, read_status
        self.update_now, self.exit_to_desktop = update_now, exit_to_desktop
        self.fallback_defaults = fallback_defaults
        self.title, self.status_view = heading(), StatusView()
        self.mode_label, self.defaults_label, self.status_label, self.message = (
            heading("title"),
            heading("title"),
            heading("title"),
            heading("lead"),
        )
        self.mode_buttons = {mode: Choice() for mode in modes.MODES}
        self._mode_group = QButtonGroup(self)  # one mode at a time, and a tap never unsets it
        for button in self.mode_buttons.values():
            self._mode_group.addButton(button)
        self.default_language = TouchButton()
        self.default_size = TouchButton()
        self.default_contrast = TickBox()
        self.update_button, self.exit_button, self.close_button = (TouchButton() for _ in range(3))
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _=False, m=mode: self._set_mode(m))
        self.default_language.clicked.connect(self._next_language)
        self.default_size.clicked.connect(self._next_size)
        self.default_contrast.clicked.connect(self._toggle_contrast)
        self.update_button.clicked.connect(self._update)
        self.update_button.setVisible(update_now is not None)
        self.exit_button.clicked.connect(self._exit)
        self.close_button.clicked.connect(self.close_panel)
        self.update_finished.connect(self._update_done)

        content = QWidget()
        content.setObjectName("Screen")
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(16)
        defaults = (self.default_language, self.default_size, self.default_contrast)
        actions = (self.update_button, self.close_button)
        # The one way out of the kiosk is set apart, at the end, and marked as dangerous.
        self.exit_button.setProperty("role", "danger")
        rows = (
            self.title,
            self.mode_label,
            ButtonRow(self.mode_buttons.values()),
            self.defaults_label,
            ButtonRow(defaults),
            self.message,
            ButtonRow(actions),
            self.status_label,
            self.status_view,
        )
        for widget in rows:
            column.addWidget(widget)
        column.addSpacing(48)
        column.addWidget(self.exit_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        fill_with_scrolling(self, content)
        self.timer = QTimer(self, singleShot=True, interval=AUTO_CLOSE_MS)
        self.timer.timeout.connect(self.close_panel)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff panel"))
        self.mode_label.setText(self.tr("Mode"))
        self.defaults_label.setText(self.tr("After each visit, start again with"))
        self.status_label.setText(self.tr("Status"))
        for mode, button in self.mode_buttons.items():
            button.setText(self.status_view.mode_name(mode))
        self.update_button.setText(self.tr("Update content now"))
        self.exit_button.setText(self.tr("Exit to desktop"))
        self.close_button.setText(self.tr("Close staff panel"))
        self.default_contrast.set_words(self.tr("High contrast"))
        self._show_choices()
        self.status_view.retranslate()  # the status it has, re-worded: not collected again

    # -- opening and closing ---------------------------------------------------------------

    def open(self) -> None:
        self._say("")
        self.refresh()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.timer.start()

    def close_panel(self) -> None:
        if self.isVisible():
            self.timer.stop()
            self.hide()
            self.state.audit("panel.close", "ok")
            self.closed.emit()

    def touched(self, event: QEvent) -> None:
        """Input while the panel is open (from the window's InputRouter, via StaffAccess)."""
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress):
            self.timer.start()  # any touch keeps the panel open another minute

    # -- what the buttons do ---------------------------------------------------------------

    def refresh(self) -> None:
        """Show the current choices and a freshly collected status."""
        self._show_choices()
        self.status_view.show_status(self.read_status())

    def _show_choices(self) -> None:
        mode = self.state.mode
        for name, button in self.mode_buttons.items():
            button.setChecked(name == mode)
        defaults = self.defaults()
        language = "English" if defaults.language == "en" else "Español"
        self.default_language.setText(self.tr("Language: %1").replace("%1", language))
        self.default_size.setText(self.tr("Text %1%").replace("%1", str(defaults.text_size)))
        self.default_contrast.setChecked(defaults.high_contrast)

    def defaults(self) -> StaffDefaults:
        return self.state.defaults() or self.fallback_defaults

    def _set_mode(self, mode: str) -> None:
        self.state.set_mode(mode)
        self.refresh()

    def _change_defaults(self, **changes: object) -> None:
        current = self.defaults()
        values = {
            "language": current.language,
            "text_size": current.text_size,
            "high_contrast": current.high_contrast,
        }
        self.state.set_defaults(StaffDefaults(**{**values, **changes}))
        self.refresh()

    def _next_language(self) -> None:
        self._change_defaults(language="es" if self.defaults().language == "en" else "en")

    def _next_size(self) -> None:
        sizes = TEXT_SIZES
        current = sizes.index(self.defaults().text_size)
        self._change_defaults(text_size=sizes[(current + 1) % len(sizes)])

    def _toggle_contrast(self) -> None:
        self._change_defaults(high_contrast=not self.defaults().high_contrast)

    def _update(self) -> None:
        self._say(self.tr("Checking for new content…"))
        self.update_button.setEnabled(False)
        self.update_now(self.update_finished.emit)  # the signal brings the result to this thread

    def _update_done(self, result: SyncResult) -> None:
        self.update_button.setEnabled(True)
        self._say(self.status_view.sync_result_words(result))
        self.refresh()  # the status shows the new content version and the last update

    def _say(self, message: str) -> None:
        """The update's progress; hidden when empty, so it leaves no gap above the buttons."""
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _exit(self) -> None:
        self.state.audit("kiosk.exit", "ok")
        self.exit_to_desktop()
