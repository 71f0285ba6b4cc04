"""Out of service: one calm full-screen message in both languages, and nothing to touch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import heading


class RestingScreen(QWidget):
    name = "resting"

    def __init__(self, messages: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")  # the same calm colours as the attract loop
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.messages = messages
        self.english, self.spanish = heading("display"), heading("highlight-title")
        column = QVBoxLayout(self)
        column.setContentsMargins(120, 120, 120, 120)
        column.addStretch(1)
        for label in (self.english, self.spanish):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
            column.addSpacing(48)
        column.addStretch(1)

    def show_item(self, item: str | None = None) -> None:
        self.english.setText(self.messages["en"])
        self.spanish.setText(self.messages["es"])

    def retranslate(self) -> None:
        """Both languages always show; nothing follows the patient's language here."""
