"""Search: type a few letters on the on-screen keyboard and the matching topics show at once.

Results follow every keystroke, in the patient's language, accents ignored, each word
matched as the start of a word ("inmuno" finds "inmunoterapia"). With nothing found, or
nothing typed yet, the screen offers the sections and Contact a specialist instead of a
blank page. What was typed stays through a change of language or text size and while the
patient reads a result (Back returns to it), and is wiped when they go anywhere else or
the visit resets, like the callback form's fields.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.navigation import CALLBACK, SEARCH, SECTION, TOPIC, TRIALS, Navigator, Place
from kiosk.session import Session
from kiosk.ui.screens.base import make_kinetic, scroll_area, wipe_when_left
from kiosk.ui.services import CallbackOffer
from kiosk.ui.widgets.buttons import heading
from kiosk.ui.widgets.contact_fallback import ContactFallback
from kiosk.ui.widgets.keyboard import Keyboard
from kiosk.ui.widgets.tile_grid import TileGrid

MAX_QUERY_CHARS = 60
RESULTS = 20
log = logging.getLogger(__name__)


class SearchScreen(QWidget):
    name = "search"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        callbacks: CallbackOffer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.store, self.session, self.navigator = store, session, navigator
        self.open = False  # a patient is on this screen: keep what they typed
        content = QWidget()
        content.setObjectName("Screen")
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 16, 48, 24)
        column.setSpacing(12)
        self.title = heading("title")
        self.field = QLineEdit()
        self.field.setMaxLength(MAX_QUERY_CHARS)
        self.field.setMinimumHeight(72)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)  # a tap on the field brings the keyboard back
        self.status = heading("lead")
        self.results = TileGrid()
        self.sections_heading = heading("title")
        self.sections = TileGrid()
        self.contact = TileGrid(columns=1)
        self.no_contact = ContactFallback(callbacks, self.contact)
        for widget in (self.title, self.field, self.status, self.results):
            column.addWidget(widget)
        for widget in (self.sections_heading, self.sections, self.contact, self.no_contact):
            column.addWidget(widget)
        column.addStretch(1)
        self.area = scroll_area(content)
        make_kinetic(self.area.viewport())
        self.keyboard = Keyboard()
        self.keyboard.done.connect(self._to_results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.keyboard)
        self._result_places: list[Place] = []
        self._section_ids: list[str] = []
        self._follow(navigator, session)

    def _follow(self, navigator: Navigator, session: Session) -> None:
        """Wipe when the patient leaves this screen or the visit resets, until this is deleted."""
        # A result's topic or trial is not leaving: Back from it finds the words still there.
        wipe_when_left(self, navigator, session, self.wipe, stay=(SEARCH, TOPIC, TRIALS))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Search the topics"))
        self.field.setAccessibleName(self.tr("Search words"))
        self.field.setPlaceholderText(self.tr("Type a word, like “antibody”"))
        self.sections_heading.setText(self.tr("Or choose a section"))
        self.contact.fill(
            [
                (
                    self.tr("Contact a specialist"),
                    self.tr("Leave your first name and number, and a specialist will call you."),
                    None,
                )
            ],
            lambda _: self.navigator.go(Place(CALLBACK)),
        )
        self.no_contact.retranslate(self.session.language)
        self.keyboard.retranslate()
        if self.open:
            self._search(self.field.text())

    def show_item(self, item: str | None = None) -> None:
        """Open with an empty field, or (a new language or text size) as the patient left it."""
        if not self.open:
            self.wipe()
            self.open = True
        self.field.setFocus()
        self.keyboard.attach(self.field, capitals=False)
        self.no_contact.update_offer()
        self._search(self.field.text())

    def wipe(self) -> None:
        """Forget what was typed, and its undo history, and the keyboard's Shift."""
        self.open = False
        self.field.blockSignals(True)
        self.field.clear()
        self.field.setText("")  # a fresh text also drops the undo history
        self.field.blockSignals(False)
        self.keyboard.reset()
        self._show_results([])

    # -- searching -------------------------------------------------------------------------

    def results_for(self, text: str, lang: str) -> list[tuple[str, str, Place]]:
        """What `text` finds in `lang`: (title, summary, where a tap goes), best first.

        Cards first, then the clinical trials near the clinic (their words are the registry's
        English, so they match in either language), each with the place that shows it.
        """
        found = [
            (tile.title, tile.summary, Place(TOPIC, tile.id))
            for tile in self.store.search(text, lang, RESULTS)
        ]
        listed = self.store.trials()
        if listed is not None and len(found) < RESULTS:
            found += [
                (
                    trial.title,
                    self.tr("Clinical trial %1").replace("%1", trial.nct_id),
                    Place(TRIALS, trial.nct_id),
                )
                for trial in listed.search(text)[: RESULTS - len(found)]
            ]
        return found

    def _search(self, text: str) -> None:
        lang = self.session.language
        found = self.results_for(text, lang) if text.strip() else []
        self._show_results(found)
        if not text.strip():
            self.status.setText(self.tr("Type a word, and the topics that use it show here."))
        elif found:
            self.status.setText(self.tr("Topics with these words:"))
        else:
            self.status.setText(
                self.tr("We found no topic with those words. Try another word, or:")
            )
        offer = not found  # nothing to show yet, or nothing found: offer the ways on
        self.sections_heading.setVisible(offer)
        self.sections.setVisible(offer)
        if offer:
            tiles = self.store.sections(lang)
            self._section_ids = [tile.id for tile in tiles]
            self.sections.fill(
                ((t.title, "", None) for t in tiles),
                lambda index: self.navigator.go(Place(SECTION, self._section_ids[index])),
            )
            self.no_contact.update_offer()
        else:
            self.contact.setVisible(False)
            self.no_contact.setVisible(False)

    def _show_results(self, found: list[tuple[str, str, Place]]) -> None:
        self._result_places = [place for _, _, place in found]
        self.results.setVisible(bool(found))
        self.results.fill(
            ((title, summary, None) for title, summary, _ in found),
            lambda index: self.navigator.go(self._result_places[index]),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The field taken (by touch or by keys) after Done: the keyboard shows again."""
        try:
            kinds = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress)
            if watched is self.field and event.type() in kinds and self.keyboard.target is None:
                self.keyboard.attach(self.field, capitals=False)
        except Exception:  # never let an exception out of a Qt override
            log.exception("search field event")
        return False

    def _to_results(self) -> None:
        """Done on the keyboard: put it away and move to the first result, if there is one."""
        self.keyboard.attach(None)
        tiles = self.results.visible_tiles
        (tiles[0] if tiles else self.field).setFocus()
