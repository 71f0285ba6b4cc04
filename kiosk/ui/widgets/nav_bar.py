"""The bar on every patient screen: Home, Back, text size, and the two languages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.session import Session
from kiosk.ui.widgets.buttons import TouchButton


class NavBar(QWidget):
    home_requested = Signal()
    back_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.session = session
        self.home = TouchButton()
        self.back = TouchButton()
        self.smaller = TouchButton()
        self.larger = TouchButton()
        # Each language is named in its own words, whatever language is showing.
        self.english = TouchButton("English")
        self.spanish = TouchButton("Español")
        for button in (self.english, self.spanish):
            button.setCheckable(True)
        self.home.clicked.connect(self.home_requested)
        self.back.clicked.connect(self.back_requested)
        self.smaller.clicked.connect(session.smaller_text)
        self.larger.clicked.connect(session.larger_text)
        self.english.clicked.connect(lambda: self._choose("en"))
        self.spanish.clicked.connect(lambda: self._choose("es"))
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(16)
        for button in (self.home, self.back):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.smaller, self.larger):
            row.addWidget(button)
        row.addSpacing(24)
        for button in (self.english, self.spanish):
            row.addWidget(button)
        self.retranslate()

    def _choose(self, language: str) -> None:
        self.session.set_language(language)
        self.update_state(self.back.isEnabled())

    def retranslate(self) -> None:
        self.home.setText(self.tr("Home"))
        self.back.setText(self.tr("Back"))
        self.smaller.setText(self.tr("Smaller text"))
        self.larger.setText(self.tr("Larger text"))

    def update_state(self, can_go_back: bool) -> None:
        self.back.setEnabled(can_go_back)
        self.smaller.setEnabled(self.session.can_shrink)
        self.larger.setEnabled(self.session.can_enlarge)
        self.english.setChecked(self.session.language == "en")
        self.spanish.setChecked(self.session.language == "es")
