"""The fields of the callback form, their inline errors, and a wipe that leaves nothing behind.

Only the minimum needed to call a patient back: first name, phone number, best time,
language and topic, plus consent. Errors arrive as codes from the domain
(kiosk.callbacks.request) and are shown here in the patient's language. Once shown, an
error is checked again with the same rules at every change, and goes as soon as its field
is right.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.callbacks.request import NAME_LIMIT, PHONE_INPUT_LIMIT, clean_name, clean_phone
from kiosk.ui.widgets.button_row import ButtonRow
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.choices import Choice, TickBox

# The fields in the order they are shown, which is also the error summary's order.
FIELDS = ("first_name", "phone", "best_time", "consent", "form")


class CallbackForm(QWidget):
    field_focused = Signal(QLineEdit, bool)  # the field, and whether it wants the phone keypad
    change_topic = Signal()
    errors_changed = Signal()  # an error was shown, changed or cleared

    def __init__(self, region: str = "US", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = region
        self.name_label, self.name = (
            heading("field"),
            _field(NAME_LIMIT + 10),
        )  # room to type past it and be told
        self.phone_label, self.phone = heading("field"), _field(PHONE_INPUT_LIMIT)
        self.best_time_label, self.language_label = heading("field"), heading("field")
        self.topic_label, self.topic_value = heading("field"), heading("lead")
        self.times = {key: Choice() for key in ("morning", "afternoon", "evening", "any")}
        self.languages = {"en": Choice(), "es": Choice()}
        self.topic_button = TouchButton()
        self.topic_button.clicked.connect(self.change_topic)
        self.consent = TickBox()
        self.errors = {key: _error() for key in FIELDS}
        self.codes: dict[str, str] = {}  # what each error now shown is about
        self._groups = [_exclusive(self.times.values()), _exclusive(self.languages.values())]
        for field in (self.name, self.phone):
            field.installEventFilter(self)
        self.name.textChanged.connect(lambda text: self._recheck("first_name", text))
        self.phone.textChanged.connect(lambda text: self._recheck("phone", text))
        self.consent.toggled.connect(lambda on: self._recheck("consent", on))

        # One column, each label above its control: it stays readable at twice the text size.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        rows = [
            (self.name_label, self.name, self.errors["first_name"]),
            (self.phone_label, self.phone, self.errors["phone"]),
            (self.best_time_label, ButtonRow(self.times.values()), self.errors["best_time"]),
            (self.language_label, ButtonRow(self.languages.values()), None),
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
        self.consent.set_words(self.tr("A specialist may call me at this number"))
        self.show_errors(self.codes)  # the errors showing, in the new language

    # -- values ----------------------------------------------------------------------------

    def best_time(self) -> str:
        return next(key for key, button in self.times.items() if button.isChecked())

    def language(self) -> str:
        return next(key for key, button in self.languages.items() if button.isChecked())

    def control(self, field: str) -> QWidget:
        """The control a patient fixes `field` with: the summary's lines take them there."""
        controls = {
            "first_name": self.name,
            "phone": self.phone,
            "best_time": self.times["any"],
            "consent": self.consent,
        }
        return controls.get(field, self.errors["form"])

    # -- errors ----------------------------------------------------------------------------

    def show_errors(self, codes: dict[str, str]) -> None:
        """Show each field's message beside it; fields not named are cleared."""
        self.codes = {field: codes[field] for field in FIELDS if codes.get(field)}
        for field, label in self.errors.items():
            text = self.message(self.codes[field]) if field in self.codes else ""
            label.setText(text)
            label.setVisible(bool(text))
        self.name.setAccessibleDescription(self.errors["first_name"].text())
        self.phone.setAccessibleDescription(self.errors["phone"].text())
        self.errors_changed.emit()

    def problems(self) -> list[tuple[str, str]]:
        """Each error showing as (field, message), in the order of the fields."""
        return [(field, self.message(code)) for field, code in self.codes.items()]

    def _recheck(self, field: str, value: str | bool) -> None:
        """Check a field again with the domain's rules, once its error is showing."""
        if field not in self.codes:
            return
        if field == "first_name":
            code = clean_name(value)[1]
        elif field == "phone":
            code = clean_phone(value, self.region)[1]
        else:
            code = "" if value else "consent_missing"
        if code != self.codes[field]:
            self.show_errors({**self.codes, field: code})

    def message(self, code: str) -> str:
        messages = {
            "name_empty": self.tr("Please enter your first name."),
            "name_too_long": self.tr("Please use 40 letters or fewer."),
            "name_characters": self.tr(
                "Please use letters only. Spaces, hyphens and apostrophes are fine."
            ),
            "phone_empty": self.tr("Please enter a phone number."),
            "phone_letters": self.tr("A phone number has only numbers."),
            "phone_invalid": self.tr("This number does not look complete. Please check it."),
            "phone_wrong_region": self.tr("Please enter a phone number from this country."),
            "consent_missing": self.tr("Please tick the box so a specialist may call you."),
            "service_unavailable": self.tr(
                "This screen cannot take requests right now. Please ask at the front desk."
            ),
        }
        return messages.get(code, self.tr("Please check this."))

    # -- wiping ----------------------------------------------------------------------------

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


def _exclusive(buttons: Iterable[Choice]) -> QButtonGroup:
    group = QButtonGroup()
    group.setExclusive(True)
    for button in buttons:
        group.addButton(button)
    return group


def _row(widgets: Iterable[QWidget]) -> QWidget:
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
