"""Contact a specialist: the callback form, its topic picker, and the confirmation.

What a patient typed stays while they are on this screen, whatever they change (language,
text size, contrast: the window re-shows the screen in place) and when they step into the
topic picker and back. It is wiped when they leave this screen (Home, Back out of the form,
the confirmation's own button) and on the idle reset, so the next person finds it empty.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.callbacks.request import FormErrors
from kiosk.content.storage.store import ContentStore
from kiosk.navigation import CALLBACK, TOPIC_PICKER, Navigator, Place
from kiosk.session import Session
from kiosk.ui.screens.base import make_kinetic, scroll_area, wipe_when_left
from kiosk.ui.screens.trials import TRIAL_TOPIC
from kiosk.ui.services import CallbackOffer
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.callback_done import CallbackDone
from kiosk.ui.widgets.callback_form import CallbackForm
from kiosk.ui.widgets.error_summary import ErrorSummary
from kiosk.ui.widgets.keyboard import Keyboard
from kiosk.ui.widgets.tile_grid import TileGrid

TOPIC_BATCH = 24  # the picker's tiles made at a time: more follow while they do not fill the screen

VIEW_MARGIN_PX = 80  # room kept around a field shown above the keyboard: its label shows too


class CallbackScreen(QWidget):
    name = "callback"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        offer: CallbackOffer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.store, self.session, self.navigator, self.offer = store, session, navigator, offer
        self.topic = ""
        self.trial = ""  # the NCT number of a trial asked about (then topic is "")
        self.open = False  # a patient is on this screen: keep what they did
        self.pages = QStackedWidget()
        self.form_page, self.form, self.keyboard, self.send_button = self._form_page()
        self.topics_page, self.topics = self._topics_page()
        self.done_page = CallbackDone(offer.promises)
        self.done_page.finished.connect(self.navigator.home)
        for page in (self.form_page, self.topics_page, self.done_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        make_kinetic(self.form_scroll.viewport())
        make_kinetic(self.topics_page.viewport())
        self._topic_ids: list[str] = []
        self._topic_entries: list[tuple[str, str, None]] = []
        self._topics_shown = 0
        bar = self.topics_page.verticalScrollBar()
        bar.valueChanged.connect(self._topics_scrolled)
        # Also when the tiles made so far do not fill the screen (larger text, a tall screen).
        bar.rangeChanged.connect(lambda _low, _high: self._topics_scrolled(bar.value()))
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self.form_scroll.viewport().installEventFilter(self)
        self._follow(navigator, session)

    def _follow(self, navigator: Navigator, session: Session) -> None:
        """Wipe when the patient leaves this screen or the visit resets, until this is deleted."""
        wipe_when_left(self, navigator, session, self.wipe, stay=(CALLBACK,))

    # -- pages -----------------------------------------------------------------------------

    def _form_page(self) -> tuple[QWidget, CallbackForm, Keyboard, TouchButton]:
        content = QWidget()
        content.setObjectName("Screen")
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 24, 48, 24)
        column.setSpacing(16)
        self.summary = ErrorSummary()
        self.summary.chosen.connect(self.go_to_field)
        self.title = heading()
        self.lead = heading("lead")
        form = CallbackForm(self.offer.region)
        form.errors_changed.connect(lambda: self.summary.show_problems(self.form.problems()))
        send = TouchButton()
        send.setProperty("role", "primary")
        send.clicked.connect(self._send)
        for widget in (self.summary, self.title, self.lead, form):
            column.addWidget(widget)
        column.addWidget(send, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.form_scroll = scroll_area(content)
        keyboard = Keyboard()
        keyboard.done.connect(self._next_field)
        form.field_focused.connect(self._field_focused)
        form.change_topic.connect(self._pick_topic)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(keyboard)
        return page, form, keyboard, send

    def _topics_page(self) -> tuple[QWidget, TileGrid]:
        content = QWidget()
        content.setObjectName("Screen")
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 24, 48, 48)
        self.topics_title = heading()
        topics = TileGrid()
        column.addWidget(self.topics_title)
        column.addWidget(topics)
        column.addStretch(1)
        area = scroll_area(content)
        return area, topics

    def retranslate(self) -> None:
        self.title.setText(self.tr("Contact a specialist"))
        self.lead.setText(
            self.tr(
                "Leave your first name and phone number. We use them only to call you back, "
                "and they are erased from this screen when you leave."
            )
        )
        self.send_button.setText(self.tr("Send request"))
        self.topics_title.setText(self.tr("What would you like to talk about?"))
        self.summary.retranslate()
        self.form.retranslate()
        self.keyboard.retranslate()
        self.done_page.language = self.session.language
        self.done_page.retranslate()
        self._show_topic()

    # -- showing ---------------------------------------------------------------------------

    def show_item(self, item: str | None) -> None:
        """Open an empty form about the card `item` (or no particular topic); when the patient
        is already here (a new language or text size, back from the topic picker), show what
        they had, as they left it."""
        if not self.open:
            self.wipe()
            self.open = True
            self.topic = item or ""
            if self.topic.startswith(TRIAL_TOPIC):  # from the trials screen
                self.topic, self.trial = "", self.topic.removeprefix(TRIAL_TOPIC)
            self.form.name.setFocus()
            self.keyboard.attach(self.form.name)
        self._show_topic()
        if self.done_page.receipt is not None:
            self.done_page.show_receipt(self.done_page.receipt, self.session.language)
            self.pages.setCurrentWidget(self.done_page)
        elif self.navigator.current.view == TOPIC_PICKER:
            self._fill_topics()
            self.pages.setCurrentWidget(self.topics_page)
            self._topics_scrolled(self.topics_page.verticalScrollBar().value())
        else:
            self.pages.setCurrentWidget(self.form_page)
            self.reveal(self.keyboard.target)

    def _show_topic(self) -> None:
        trial = self._trial()
        if trial is not None:  # its number only: a long title would squeeze Change topic
            self.form.topic_value.setText(
                self.tr("The clinical trial %1").replace("%1", trial.nct_id)
            )
            return
        card = self.store.card(self.topic, self.session.language) if self.topic else None
        self.form.topic_value.setText(card.title if card else self.tr("No particular topic"))

    def _trial(self):
        """The trial asked about, while the content still lists it."""
        listed = self.store.trials() if self.trial else None
        return next((t for t in listed.trials if t.nct_id == self.trial), None) if listed else None

    def _pick_topic(self) -> None:
        here = self.navigator.current
        self.navigator.go(Place(CALLBACK, here.item, TOPIC_PICKER))  # Back returns to the form

    def _fill_topics(self) -> None:
        """The picker's first tiles; the rest are made as the patient scrolls (or moves the
        focus with keys) toward the end, so a catalogue of thousands opens as fast as a few
        dozen cards and holds a widget only for the cards someone came near."""
        cards = self.store.all_cards(self.session.language)
        self._topic_ids = ["", *[card.id for card in cards]]
        self._topic_entries = [(self.tr("No particular topic"), "", None)]
        self._topic_entries += [(card.title, "", None) for card in cards]
        self._topics_shown = 0
        self._more_topics(TOPIC_BATCH)

    def _more_topics(self, count: int = 0) -> None:
        """Show `count` more topics (a batch by default), while there are more to show."""
        total = len(self._topic_entries)
        if self._topics_shown >= total:
            return
        self._topics_shown = min(total, self._topics_shown + (count or TOPIC_BATCH))

        def choose(index: int) -> None:
            self.topic = self._topic_ids[index]
            self.trial = ""
            self.navigator.back()  # to the form, as it was, with the new topic

        self.topics.fill(self._topic_entries[: self._topics_shown], choose)
        # Once laid out: still not a screenful past the end? Then the next batch too.
        bar = self.topics_page.verticalScrollBar()
        QTimer.singleShot(0, self, lambda: self._topics_scrolled(bar.value()))

    def _topics_scrolled(self, value: int) -> None:
        bar = self.topics_page.verticalScrollBar()
        showing = self.pages.currentWidget() is self.topics_page
        if showing and value >= bar.maximum() - self.topics_page.viewport().height():
            self._more_topics()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The keypad reached one of the last tiles made: make the next batch."""
        shown = self.topics.visible_tiles
        if new is not None and new in shown[-TOPIC_BATCH // 4 :]:
            self._more_topics()

    # -- the focused field, above the keyboard ---------------------------------------------

    def _field_focused(self, field: QLineEdit, digits: bool) -> None:
        self.keyboard.attach(field, digits)
        self.reveal(field)

    def reveal(self, widget: QWidget | None) -> None:
        """Scroll so `widget` shows whole above the keyboard, now and once the layout settles."""
        if widget is None or self.pages.currentWidget() is not self.form_page:
            return
        for layout in (self.form_page.layout(), self.form_scroll.widget().layout()):
            layout.activate()  # the keyboard may just have appeared: place it first
        self.form_scroll.ensureWidgetVisible(widget, VIEW_MARGIN_PX, VIEW_MARGIN_PX)
        # Text size changes and new errors lay the form out again after this event.
        QTimer.singleShot(0, self, self._reveal_focused)

    def _reveal_focused(self) -> None:
        focused = QApplication.focusWidget()
        target = focused if self.form.isAncestorOf(focused) else self.keyboard.target
        if target is not None and self.pages.currentWidget() is self.form_page:
            self.form_scroll.ensureWidgetVisible(target, VIEW_MARGIN_PX, VIEW_MARGIN_PX)

    def go_to_field(self, field: str) -> None:
        """From the error summary: focus the field to fix and bring it into view."""
        control = self.form.control(field)
        control.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(control, QLineEdit):
            self.keyboard.attach(control, control is self.form.phone)
        else:
            self.keyboard.attach(None)
        self.reveal(control)

    def _next_field(self) -> None:
        if self.keyboard.target is self.form.name:
            self.form.phone.setFocus()
            self._field_focused(self.form.phone, True)
        else:
            self.keyboard.attach(None)
            self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # the keyboard came or went, or the text grew
            self._reveal_focused()
        return False

    # -- sending ---------------------------------------------------------------------------

    def _send(self) -> None:
        form = self.form
        trial = self._trial()
        try:
            receipt = self.offer.send(
                form.name.text(),
                form.phone.text(),
                form.best_time(),
                form.language(),
                self.topic,
                form.consent.isChecked(),
                trial_id=trial.nct_id if trial else "",
                trial_title=trial.title if trial else "",
            )
        except FormErrors as problems:
            form.show_errors(problems.errors)
            self.keyboard.attach(None)
            self.form_scroll.verticalScrollBar().setValue(0)
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        form.wipe(self.session.language)  # the confirmation shows only the reference
        self.keyboard.reset()
        self.done_page.show_receipt(receipt, self.session.language)
        self.pages.setCurrentWidget(self.done_page)

    # -- wiping ----------------------------------------------------------------------------

    def wipe(self) -> None:
        """Forget everything about the last patient: fields, keyboard, confirmation, topic."""
        self.open = False
        self.form.wipe(self.session.language)
        self.keyboard.reset()
        self.done_page.show_receipt(None, self.session.language)
        self.topic = ""
        self.trial = ""
        self.pages.setCurrentWidget(self.form_page)
        self.form_scroll.verticalScrollBar().setValue(0)
