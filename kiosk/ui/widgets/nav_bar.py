"""The bar on every patient screen: Home, Back, Search, the two languages, and text and colors.

"Text and colors" opens the accessibility sheet: the text size as a row of ever larger "A"s,
the current one chosen, and the high-contrast switch. The bar and the sheet keep one size
whatever the text size (kiosk.qss, `$size_fixed_control`), so nothing in them moves when the
text grows: tapping the same spot three times does the same thing three times. Read-aloud
volume sits beside Read aloud on a card (kiosk/ui/widgets/read_aloud.py).

On a landscape screen the bar runs along the top; on a portrait one (a floor stand) along the
bottom, within reach of a seated patient, with the sheet opening above it
(`set_at_bottom`, called by the window from its screen's shape).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from kiosk.config import TEXT_SIZES
from kiosk.session import Session
from kiosk.ui.speech import Speech
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.choices import Choice, TickBox
from kiosk.ui.widgets.flow_row import FlowRow


class NavBar(QWidget):
    home_requested = Signal()
    back_requested = Signal()
    search_requested = Signal()

    def __init__(self, session: Session, speech: Speech, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("edge", "top")
        self.session = session
        self.speech = speech
        self.home, self.back = TouchButton(), TouchButton()
        self.search = TouchButton()  # reached from every screen (kiosk/ui/screens/search.py)
        self.display = _toggle()
        # Each language is named in its own words, whatever language is showing.
        # Radio chips with a dot: which language is on shows by more than a shade of blue.
        self.english, self.spanish = Choice("English"), Choice("Español")
        self.home.clicked.connect(self.home_requested)
        self.back.clicked.connect(self.back_requested)
        self.search.clicked.connect(self.search_requested)
        self.display.toggled.connect(self._show_options)
        self.english.clicked.connect(lambda: self._choose("en"))
        self.spanish.clicked.connect(lambda: self._choose("es"))

        # The sheet: "Text size" and an "A" per step, each larger, then the contrast switch.
        self.size_label = heading("sheet-label")
        self.size_label.setWordWrap(False)  # one line: its height never follows a width
        self.sizes: dict[int, Choice] = {}
        group = QButtonGroup(self)
        for step, percent in enumerate(TEXT_SIZES):
            choice = Choice("A")
            choice.setObjectName(f"TextSize{step}")  # each "A" its own fixed size (kiosk.qss)
            choice.clicked.connect(lambda _=False, p=percent: session.set_text_size(p))
            group.addButton(choice)
            self.sizes[percent] = choice
        self.contrast = TickBox()
        self.contrast.clicked.connect(lambda on: session.set_high_contrast(on))
        self.options = FlowRow([[self.size_label, *self.sizes.values()], [self.contrast]])
        self.options.setObjectName("AccessSheet")
        self.options.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.options.hide()

        # One line on a wide screen; more when a narrow screen needs them.
        self.main = FlowRow(
            [[self.home, self.back, self.search], [self.display, self.english, self.spanish]]
        )
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(24, 14, 24, 14)
        self.column.setSpacing(12)
        self.column.addWidget(self.main)
        self.column.addWidget(self.options)
        self.retranslate()

    def set_at_bottom(self, bottom: bool) -> None:
        """Along the bottom of a portrait screen (the sheet opens above the bar's buttons), or
        along the top of a landscape one (the sheet opens below them)."""
        if (self.property("edge") == "bottom") == bottom:
            return
        self.setProperty("edge", "bottom" if bottom else "top")
        self.column.removeWidget(self.main)
        self.column.removeWidget(self.options)
        for widget in (self.options, self.main) if bottom else (self.main, self.options):
            self.column.addWidget(widget)
        self.style().unpolish(self)
        self.style().polish(self)

    def _choose(self, language: str) -> None:
        self.session.set_language(language)
        self.update_state(self.back.isEnabled())

    def _show_options(self, visible: bool) -> None:
        self.options.setVisible(visible)

    def close_options(self) -> None:
        self.display.setChecked(False)

    def retranslate(self) -> None:
        self.home.setText(self.tr("Home"))
        self.back.setText(self.tr("Back"))
        self.search.setText(self.tr("Search"))
        self.display.setText(self.tr("Text and colors"))
        for percent, choice in self.sizes.items():
            choice.setAccessibleName(self.tr("Text size %1 %").replace("%1", str(percent)))
        self.contrast.set_words(self.tr("High contrast"))
        self._show_size()

    def _show_size(self) -> None:
        self.size_label.setText(
            self.tr("Text size: %1 %").replace("%1", str(self.session.text_size))
        )

    def update_state(self, can_go_back: bool) -> None:
        self.back.setEnabled(can_go_back)
        self.sizes[self.session.text_size].setChecked(True)
        self._show_size()
        self.contrast.setChecked(self.session.high_contrast)
        self.english.setChecked(self.session.language == "en")
        self.spanish.setChecked(self.session.language == "es")


def _toggle(text: str = "") -> TouchButton:
    button = TouchButton(text)
    button.setCheckable(True)
    return button
