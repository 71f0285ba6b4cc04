"""The attract loop: what the kiosk shows when nobody is using it.

A calm, slow rotation of card highlights and two big ways in: "Touch to start" and
"Toque para empezar" (each starts in its own language). A tap anywhere else starts in
the default language.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsOpacityEffect, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.store import CardTile, ContentStore
from kiosk.session import Session
from kiosk.ui.widgets.buttons import TouchButton, heading

NOTE_MS = 8000


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
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_english)
        buttons.addSpacing(48)
        buttons.addWidget(self.start_spanish)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(96, 96, 96, 96)
        column.addStretch(2)
        column.addWidget(self.welcome)
        column.addStretch(1)
        column.addWidget(highlight)
        column.addStretch(2)
        column.addLayout(buttons)
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
        """Start the loop from the first highlight, in the current language."""
        self.welcome.setText(self.tr("Questions about immunotherapy?"))
        self.highlights = self.store.all_cards(self.session.language)
        self.index = -1
        self.next_highlight()
        self.timer.start()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Questions about immunotherapy?"))

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
            self.signage_note.setText(
                self.tr(
                    "This screen shows information only right now. Please ask at the front desk."
                )
            )
            self.signage_note.show()
            self.note_timer.start()
        else:
            self.start_requested.emit(self.session.default_language)
