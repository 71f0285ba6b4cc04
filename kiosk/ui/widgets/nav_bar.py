"""The bar on every patient screen: Home, Back, Search, the languages, and text and colours.

Text size and contrast sit in a second row that "Text and colors" opens, so the bar stays
short enough for large text on a small screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.session import Session
from kiosk.ui.speech import Speech
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.choices import Choice, TickBox
from kiosk.ui.widgets.flow_row import FlowRow

VOLUME_STEP = 0.2


class NavBar(QWidget):
    home_requested = Signal()
    back_requested = Signal()
    search_requested = Signal()

    def __init__(self, session: Session, speech: Speech, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.session = session
        self.home, self.back = TouchButton(), TouchButton()
        self.search = TouchButton()  # reached from every screen (kiosk/ui/screens/search.py)
        self.display = _toggle()
        # Each language is named in its own words, whatever language is showing.
        # Radio chips with a dot: which language is on shows by more than a shade of blue.
        self.english, self.spanish = Choice("English"), Choice("Español")
        self.smaller, self.larger = TouchButton(), TouchButton()
        self.contrast = TickBox()
        self.quieter, self.louder = TouchButton(), TouchButton()
        self.speech = speech
        self.home.clicked.connect(self.home_requested)
        self.back.clicked.connect(self.back_requested)
        self.search.clicked.connect(self.search_requested)
        self.display.toggled.connect(self._show_options)
        self.english.clicked.connect(lambda: self._choose("en"))
        self.spanish.clicked.connect(lambda: self._choose("es"))
        self.smaller.clicked.connect(session.smaller_text)
        self.larger.clicked.connect(session.larger_text)
        self.contrast.clicked.connect(lambda on: session.set_high_contrast(on))
        self.quieter.clicked.connect(lambda: self._volume(-VOLUME_STEP))
        self.louder.clicked.connect(lambda: self._volume(VOLUME_STEP))
        speech.availability_changed.connect(lambda _: self.update_state(self.back.isEnabled()))

        # One line on a wide screen; more when large text or a narrow screen needs them.
        main = FlowRow(
            [[self.home, self.back, self.search], [self.display, self.english, self.spanish]]
        )
        buttons = [self.smaller, self.larger, self.contrast, self.quieter, self.louder]
        self.options = FlowRow([[], buttons])
        self.options.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 14, 24, 14)
        column.setSpacing(12)
        column.addWidget(main)
        column.addWidget(self.options)
        self.retranslate()

    def _choose(self, language: str) -> None:
        self.session.set_language(language)
        self.update_state(self.back.isEnabled())

    def _show_options(self, visible: bool) -> None:
        self.options.setVisible(visible)

    def _volume(self, change: float) -> None:
        self.speech.set_volume(round(self.speech.volume + change, 2))
        self.update_state(self.back.isEnabled())

    def close_options(self) -> None:
        self.display.setChecked(False)

    def retranslate(self) -> None:
        self.home.setText(self.tr("Home"))
        self.back.setText(self.tr("Back"))
        self.search.setText(self.tr("Search"))
        self.display.setText(self.tr("Text and colors"))
        self.smaller.setText(self.tr("Smaller text"))
        self.larger.setText(self.tr("Larger text"))
        self.contrast.set_words(self.tr("High contrast"))
        self.quieter.setText(self.tr("Quieter"))
        self.louder.setText(self.tr("Louder"))

    def update_state(self, can_go_back: bool) -> None:
        self.back.setEnabled(can_go_back)
        self.smaller.setEnabled(self.session.can_shrink)
        self.larger.setEnabled(self.session.can_enlarge)
        self.contrast.setChecked(self.session.high_contrast)
        for button in (self.quieter, self.louder):
            button.setVisible(self.speech.available)
        self.quieter.setEnabled(self.speech.volume > 0)
        self.louder.setEnabled(self.speech.volume < 1)
        self.english.setChecked(self.session.language == "en")
        self.spanish.setChecked(self.session.language == "es")


def _toggle(text: str = "") -> TouchButton:
    button = TouchButton(text)
    button.setCheckable(True)
    return button
