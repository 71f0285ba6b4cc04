"""The fields of the callback form, their inline errors, and a wipe that leaves nothing behind.

Only the minimum needed to call a patient back: first name, phone number, best time,
language and topic, plus consent. Errors arrive as codes from the domain
(kiosk.callbacks.request) and are shown here in the patient's language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.buttons import TouchButton, heading

NAME_LIMIT = 40
PHONE_LIMIT = 25


class CallbackForm(QWidget):
    field_focused = Signal(QLineEdit, bool)  # the field, and whether it wants the phone keypad
    change_topic = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label, self.name = heading("field"), _field(NAME_LIMIT + 10)
        self.phone_label, self.phone = heading("field"), _field(PHONE_LIMIT)
        self.best_time_label, self.language_label = heading("field"), heading("field")
        self.topic_label, self.topic_value = heading("field"), heading("lead")
        self.times = {key: _choice() for key in ("morning", "afternoon", "evening", "any")}
        self.languages = {"en": _choice(), "es": _choice()}
        self.topic_button = TouchButton()
        self.topic_button.clicked.connect(self.change_topic)
        self.consent = QCheckBox()
        self.consent.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.errors = {
            key: _error() for key in ("first_name", "phone", "best_time", "consent", "form")
        }
        self._groups = [_exclusive(self.times.values()), _exclusive(self.languages.values())]
        for field in (self.name, self.phone):
            field.installEventFilter(self)

        # One column, each label above its control: it stays readable at twice the text size.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        rows = [
            (self.name_label, self.name, self.errors["first_name"]),
            (self.phone_label, self.phone, self.errors["phone"]),
            (self.best_time_label, _row(self.times.values()), self.errors["best_time"]),
            (self.language_label, _row(self.languages.values()), None),
            (self.topic_label, _row([self.topic_value, self.topic_button]), None),
        ]
        for label, control, error in rows:
            column.addWidget(label)
            column.addWidget(control)
            if error is not None:
                column.addWidget(error)
            column.addSpacing(12)
        column.addWidget(self.consent)
        column.addWidget(self.errors["consent"])
        column.addWidget(self.errors["form"])
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("First name"))
        self.phone_label.setText(self.tr("Phone number"))
        self.best_time_label.setText(self.tr("Best time to call"))
        self.language_label.setText(self.tr("Language for the call"))
        self.topic_label.setText(self.tr("Topic"))
        self.name.setAccessibleName(self.tr("First name"))
        self.phone.setAccessibleName(self.tr("Phone number"))
        words = {
            "morning": self.tr("Morning"),
            "afternoon": self.tr("Afternoon"),
            "evening": self.tr("Evening"),
            "any": self.tr("Any time"),
        }
        for key, button in self.times.items():
            button.setText(words[key])
        self.languages["en"].setText("In English")  # each named in its own language
        self.languages["es"].setText("En español")
        self.topic_button.setText(self.tr("Change topic"))
        self.consent.setText(self.tr("A specialist may call me at this number"))
        self.consent.setAccessibleName(self.consent.text())

    # -- values ----------------------------------------------------------------------------

    def best_time(self) -> str:
        return next(key for key, button in self.times.items() if button.isChecked())

    def language(self) -> str:
        return next(key for key, button in self.languages.items() if button.isChecked())

    def show_errors(self, messages: dict[str, str]) -> None:
        """Show each field's message beside it; fields not named are cleared."""
        for field, label in self.errors.items():
            text = messages.get(field, "")
            label.setText(text)
            label.setAccessibleName(text)
            label.setVisible(bool(text))
        self.name.setAccessibleDescription(messages.get("first_name", ""))
        self.phone.setAccessibleDescription(messages.get("phone", ""))

    def wipe(self, language: str) -> None:
        """Empty every field for the next patient: text, undo history, choices, errors."""
        for field in (self.name, self.phone):
            field.setText("")  # unlike clear(), setText drops the undo and redo history
            field.deselect()
        self.times["any"].setChecked(True)
        self.languages[language].setChecked(True)
        self.consent.setChecked(False)
        self.show_errors({})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self.field_focused.emit(watched, watched is self.phone)
        return False


def _field(limit: int) -> QLineEdit:
    field = QLineEdit()
    field.setMaxLength(limit)
    field.setMinimumHeight(72)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no paste, no undo menu
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return field


def _choice() -> TouchButton:
    button = TouchButton()
    button.setCheckable(True)
    return button


def _exclusive(buttons) -> QButtonGroup:
    group = QButtonGroup()
    group.setExclusive(True)
    for button in buttons:
        group.addButton(button)
    return group


def _row(widgets) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(16)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


def _error() -> QLabel:
    label = heading("error")
    label.hide()
    return label
