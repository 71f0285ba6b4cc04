"""A glossary word's meaning, over the card it was tapped in: the word, its plain definition,
Read aloud, the card to read next (if the glossary names one) and Close.

It covers the window like the idle notice, so a finger or a key reaches only its buttons
until it is closed (Close, Escape, another screen, or the idle reset).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.storage.store import Definition
from kiosk.ui.speech import Speech
from kiosk.ui.widgets.button_row import ButtonRow
from kiosk.ui.widgets.buttons import TileButton, TouchButton, heading
from kiosk.ui.widgets.cover import Cover


class DefinitionCover(Cover):
    card_chosen = Signal(str)  # the "see also" card's id

    def __init__(self, parent: QWidget, speech: Speech) -> None:
        super().__init__(parent, max_width=1200)  # wide: fewer lines at 200 % on a short screen
        self.speech = speech
        self.definition: Definition | None = None
        self.lang = "en"
        self.term = heading("title")
        self.meaning = heading("lead")
        self.read = TouchButton()
        self.read.clicked.connect(self._read)
        self.see_also = TileButton()  # a card's title can be long: a tile wraps it
        self.see_also.clicked.connect(self._see_also)
        self.close_button = TouchButton()
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self.close_definition)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(40, 28, 40, 28)
        inner.setSpacing(20)
        inner.addWidget(self.term)
        inner.addWidget(self.meaning)
        inner.addWidget(self.see_also)
        inner.addWidget(ButtonRow([self.read, self.close_button]))

    def open_definition(self, definition: Definition, lang: str) -> None:
        self.definition, self.lang = definition, lang
        self.retranslate()
        self.card.setMinimumHeight(0)
        self.cover_window()
        # The tile's words wrap: once the card has its width, it asks for the height they need.
        layout = self.card.layout()
        layout.activate()
        self.card.setMinimumHeight(layout.totalHeightForWidth(self.card.width()))
        self.cover_window()
        self.close_button.setFocus()

    def close_definition(self) -> None:
        if self.isVisible():
            self.speech.stop()
        self.hide()
        self.definition = None

    def retranslate(self) -> None:
        found = self.definition
        self.term.setText(found.term if found else "")
        self.meaning.setText(found.definition if found else "")
        self.read.setText(self.tr("Read aloud"))
        self.read.setVisible(self.speech.available)
        see_also = found.see_also if found else None
        self.see_also.setVisible(see_also is not None)
        if see_also is not None:
            self.see_also.set_content(self.tr("Read: %1").replace("%1", see_also.title), "")
        self.close_button.setText(self.tr("Close"))

    def _read(self) -> None:
        if self.definition is not None:
            self.speech.speak(f"{self.definition.term}.\n{self.definition.definition}", self.lang)

    def _see_also(self) -> None:
        if self.definition is not None and self.definition.see_also is not None:
            card = self.definition.see_also.id
            self.close_definition()
            self.card_chosen.emit(card)
