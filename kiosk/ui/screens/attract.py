"""The attract loop: what the kiosk shows when nobody is using it.

The clinic's logo and name, our illustration, the headline in both languages, one card's
highlight at a time (each card in English, then in Spanish: tap it to read that card in its
language), and two big ways in: "Touch to start" and "Toque para empezar" (each starts in its
own language). A tap anywhere else starts in the default language. Nobody has chosen a
language yet, so everything here is said in both.

Nothing here can push the layout: its type has sizes of its own that no patient's text size
changes, and the highlight's box is as tall as the tallest highlight needs at this width,
so the loop turning from a short card to a long one moves nothing on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import LANGUAGES
from kiosk.content.storage.store import CardTile, ContentStore
from kiosk.session import Session
from kiosk.staff import modes
from kiosk.ui.services import Clinic
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.clinic_banner import ClinicBanner
from kiosk.ui.widgets.flow_row import FlowRow
from kiosk.ui.widgets.illustration import Illustration

NOTE_MS = 8000
WELCOME = {"en": "Questions about immunotherapy?", "es": "¿Preguntas sobre la inmunoterapia?"}
OPEN_HINT = {"en": "Tap to read", "es": "Toque para leer"}
HIGHLIGHT_MAX_PX = 1100
MARGIN_PX = 72
HERO_GAP_PX = 56
LOGO_PX = 72


class Highlight(QPushButton):
    """One card's title and summary, tappable as a whole: "Tap to read" in its language."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Highlight")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMaximumWidth(HIGHLIGHT_MAX_PX)
        self.title = heading("highlight-title")
        self.summary = heading("lead")
        self.hint = heading("highlight-hint")
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 28, 40, 28)
        column.setSpacing(10)
        for label in (self.title, self.summary, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)
        column.addStretch(1)

    def show_card(self, card: CardTile, language: str) -> None:
        self.title.setText(card.title)
        self.summary.setText(card.summary)
        self.hint.setText(OPEN_HINT[language] + " →")
        self.setAccessibleName(card.title)
        self.setAccessibleDescription(card.summary)

    def height_for(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)


class AttractScreen(QWidget):
    name = "attract"
    start_requested = Signal(str)  # the language to start in
    card_requested = Signal(str, str)  # the language, and the card to open in it

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        slide_ms: int,
        clinic: Clinic | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.store, self.session = store, session
        self.banner = ClinicBanner(clinic or Clinic(), role="clinic-name", logo_px=LOGO_PX)
        self.banner.centre()
        self.illustration = Illustration(240)
        self.welcome = heading("display")
        self.welcome_es = heading("highlight-title")
        self.words = words = QWidget()
        words_column = QVBoxLayout(words)
        words_column.setContentsMargins(0, 0, 0, 0)
        words_column.addStretch(1)
        for label in (self.welcome, self.welcome_es):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            words_column.addWidget(label)
        words_column.addStretch(1)
        # The illustration beside the headline on a landscape screen, above it in portrait.
        self.hero = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.hero.setSpacing(HERO_GAP_PX)
        self.hero.addStretch(1)
        self.hero.addWidget(self.illustration, 0, Qt.AlignmentFlag.AlignCenter)
        self.hero.addWidget(words, 0)
        self.hero.addStretch(1)
        self.highlight = Highlight()
        self.highlight.clicked.connect(self._open_highlight)
        self.fade = QGraphicsOpacityEffect(self.highlight)
        self.highlight.setGraphicsEffect(self.fade)
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
        highlight_row = QHBoxLayout()
        highlight_row.addStretch(1)
        highlight_row.addWidget(self.highlight, 1000)
        highlight_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN_PX, 40, MARGIN_PX, 48)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addStretch(1)
        column.addLayout(self.hero)
        column.addStretch(1)
        column.addLayout(highlight_row)
        column.addSpacing(32)
        column.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(slide_ms)
        self.timer.timeout.connect(self.next_highlight)
        self.highlights: list[tuple[CardTile, str]] = []
        self.index = -1
        self.signage = False
        self.signage_note = heading("lead")
        self.signage_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signage_note.hide()
        column.addSpacing(24)
        column.addWidget(self.signage_note)
        self.note_timer = QTimer(self, singleShot=True, interval=NOTE_MS)
        self.note_timer.timeout.connect(self.signage_note.hide)

    def show_item(self, item: str | None = None) -> None:
        """Start the loop from the first highlight: each card in English, then in Spanish."""
        self.welcome.setText(WELCOME["en"])
        self.welcome_es.setText(WELCOME["es"])
        by_language = [
            [(card, language) for card in self.store.all_cards(language)] for language in LANGUAGES
        ]
        self.highlights = [card for pair in zip(*by_language, strict=False) for card in pair]
        self.highlight.setVisible(bool(self.highlights))
        self._fit_hero()
        self._fit_highlight()
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
        self.highlight.show_card(*self.highlights[self.index])
        self.fade_in.stop()
        self.fade_in.start()

    def _fit_highlight(self) -> None:
        """As tall as the tallest highlight needs at the width it has: turning never moves a
        thing on the screen."""
        if not self.highlights:
            return
        width = min(HIGHLIGHT_MAX_PX, self.width() - 2 * MARGIN_PX)
        shown = self.highlights[max(self.index, 0)]
        tallest = 0
        for card, language in self.highlights:
            self.highlight.show_card(card, language)
            tallest = max(tallest, self.highlight.height_for(width))
        self.highlight.show_card(*shown)
        self.highlight.setFixedHeight(tallest)

    def _open_highlight(self) -> None:
        if self.signage or not self.highlights:
            self._explain_signage()
            return
        card, language = self.highlights[self.index]
        self.card_requested.emit(language, card.id)

    def set_signage(self, on: bool) -> None:
        """Signage mode: the loop only; a tap explains instead of starting a visit."""
        self.signage = on
        self.start_english.setVisible(not on)
        self.start_spanish.setVisible(not on)
        self.signage_note.hide()

    def _explain_signage(self) -> None:
        self.signage_note.setText("\n".join(modes.SIGNAGE_NOTES[lang] for lang in LANGUAGES))
        self.signage_note.show()
        self.note_timer.start()

    def _fit_hero(self) -> None:
        """The illustration beside the headline on a landscape screen (a quarter of its height
        tall), above it on a portrait one; the headline's box exactly as tall as its lines at
        the width left for it, so wrapping words never overlap the highlight."""
        room = self.width() - 2 * MARGIN_PX
        portrait = self.height() > self.width()
        if portrait:
            self.hero.setDirection(QBoxLayout.Direction.TopToBottom)
            self.illustration.set_width(min(440, room // 2))
            words = room
        else:
            self.hero.setDirection(QBoxLayout.Direction.LeftToRight)
            self.illustration.set_width(min(320, self.height() // 4))
            words = room - self.illustration.width() - HERO_GAP_PX
        # No wider than the headline's own line, so the pair sits together in the middle.
        natural = max(
            label.fontMetrics().horizontalAdvance(label.text()) + 8
            for label in (self.welcome, self.welcome_es)
        )
        words = min(words, natural)
        self.words.setFixedWidth(max(words, 1))
        self.words.setFixedHeight(self.words.layout().totalHeightForWidth(max(words, 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_hero()
        self._fit_highlight()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self.signage:
            self._explain_signage()
        else:
            self.start_requested.emit(self.session.default_language)
