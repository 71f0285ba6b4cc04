"""The attract loop: what the kiosk shows when nobody is using it.

A calm, slow rotation of card highlights and two big ways in: "Touch to start" and
"Toque para empezar" (each starts in its own language). A tap anywhere else starts in
the default language. Nobody has chosen a language yet, so everything here is said in both:
the welcome, each highlight (in English, then in Spanish), and the signage note. Its type
has sizes of its own that no patient's text size changes, so it always fits its screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsOpacityEffect, QVBoxLayout, QWidget

from kiosk.config import LANGUAGES
from kiosk.content.storage.store import CardTile, ContentStore
from kiosk.session import Session
from kiosk.staff import modes
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.flow_row import FlowRow

NOTE_MS = 8000
WELCOME = {"en": "Questions about immunotherapy?", "es": "¿Preguntas sobre la inmunoterapia?"}


class AttractScreen(QWidget):
    name = "attract"
    start_requested = Signal(str)  # the language to start in

    def __init__(
        self, store: ContentStore, session: Session, slide_ms: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.store, self.session = store, session
        self.welcome = heading("display")
        self.welcome_es = heading("highlight-title")
        for label in (self.welcome, self.welcome_es):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.highlight_title = heading("highlight-title")
        self.highlight_summary = heading("lead")
        for label in (self.highlight_title, self.highlight_summary):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        highlight = QWidget()
        box = QVBoxLayout(highlight)
        box.addWidget(self.highlight_title)
        box.addWidget(self.highlight_summary)
        self.fade = QGraphicsOpacityEffect(highlight)
        highlight.setGraphicsEffect(self.fade)
        self.fade_in = QPropertyAnimation(self.fade, b"opacity", self)
        self.fade_in.setDuration(1200)
        self.fade_in.setStartValue(0.0)
        self.fade_in.setEndValue(1.0)
        self.fade_in.setEasingCurve(QEasingCurve.Type.InOutQuad)
        # Each start button speaks its own language, whatever the kiosk's default.
        self.start_english = TouchButton("Touch to start")
        self.start_spanish = TouchButton("Toque para empezar")
        self.start_english.clicked.connect(lambda: self.start_requested.emit("en"))
        self.start_spanish.clicked.connect(lambda: self.start_requested.emit("es"))
        # Side by side, or one above the other on a portrait screen.
        buttons = FlowRow([[self.start_english, self.start_spanish]], centred=True)
        column = QVBoxLayout(self)
        column.setContentsMargins(96, 96, 96, 96)
        column.addStretch(2)
        column.addWidget(self.welcome)
        column.addWidget(self.welcome_es)
        column.addStretch(1)
        column.addWidget(highlight)
        column.addStretch(2)
        column.addWidget(buttons)
        column.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(slide_ms)
        self.timer.timeout.connect(self.next_highlight)
        self.highlights: list[CardTile] = []
        self.index = -1
        self.signage = False
        self.signage_note = heading("lead")
        self.signage_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signage_note.hide()
        column.addWidget(self.signage_note)
        self.note_timer = QTimer(self, singleShot=True, interval=NOTE_MS)
        self.note_timer.timeout.connect(self.signage_note.hide)

    def show_item(self, item: str | None = None) -> None:
        """Start the loop from the first highlight: each card in English, then in Spanish."""
        self.welcome.setText(WELCOME["en"])
        self.welcome_es.setText(WELCOME["es"])
        by_language = [self.store.all_cards(language) for language in LANGUAGES]
        self.highlights = [card for pair in zip(*by_language, strict=False) for card in pair]
        self.index = -1
        self.next_highlight()
        self.timer.start()

    def retranslate(self) -> None:
        """Both languages always show; nothing here follows the patient's language."""

    def stop(self) -> None:
        self.timer.stop()
        self.fade_in.stop()

    def next_highlight(self) -> None:
        if not self.highlights:
            return
        self.index = (self.index + 1) % len(self.highlights)
        card = self.highlights[self.index]
        self.highlight_title.setText(card.title)
        self.highlight_summary.setText(card.summary)
        self.fade_in.stop()
        self.fade_in.start()

    def set_signage(self, on: bool) -> None:
        """Signage mode: the loop only; a tap explains instead of starting a visit."""
        self.signage = on
        self.start_english.setVisible(not on)
        self.start_spanish.setVisible(not on)
        self.signage_note.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self.signage:
            self.signage_note.setText("\n".join(modes.SIGNAGE_NOTES[lang] for lang in LANGUAGES))
            self.signage_note.show()
            self.note_timer.start()
        else:
            self.start_requested.emit(self.session.default_language)
