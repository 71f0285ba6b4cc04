"""Contact a specialist: the callback form, its topic picker, and the confirmation.

Whatever a patient typed is wiped when they leave this screen by any way (Home, Back,
the idle reset, or the confirmation's own button), so the next person finds it empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.callbacks.desk import SendRequest
from kiosk.callbacks.request import FormErrors
from kiosk.content.store import ContentStore
from kiosk.navigation import Navigator
from kiosk.session import Session
from kiosk.ui.screens.base import make_kinetic, scroll_area
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.callback_form import CallbackForm
from kiosk.ui.widgets.keyboard import Keyboard
from kiosk.ui.widgets.tile_grid import TileGrid


class CallbackScreen(QWidget):
    name = "callback"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        send: SendRequest,
        promises: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.store, self.session, self.navigator = store, session, navigator
        self.send, self.promises = send, promises
        self.topic = ""
        self.pages = QStackedWidget()
        self.form_page, self.form, self.keyboard, self.send_button = self._form_page()
        self.topics_page, self.topics = self._topics_page()
        self.done_page = self._done_page()
        for page in (self.form_page, self.topics_page, self.done_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        make_kinetic(self.form_scroll.viewport())
        make_kinetic(self.topics_page.viewport())

    # -- pages -----------------------------------------------------------------------------

    def _form_page(self) -> tuple[QWidget, CallbackForm, Keyboard, TouchButton]:
        content = QWidget()
        content.setObjectName("Screen")
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 24, 48, 24)
        column.setSpacing(16)
        self.title = heading()
        self.lead = heading("lead")
        form = CallbackForm()
        send = TouchButton()
        send.setProperty("role", "primary")
        send.clicked.connect(self._send)
        for widget in (self.title, self.lead, form):
            column.addWidget(widget)
        column.addWidget(send, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.form_scroll = scroll_area(content)
        keyboard = Keyboard()
        keyboard.done.connect(self._next_field)
        form.field_focused.connect(keyboard.attach)
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

    def _done_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("Screen")
        column = QVBoxLayout(page)
        column.setContentsMargins(96, 64, 96, 64)
        column.setSpacing(28)
        self.thanks = heading("display")
        self.reference = heading("reference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.promise = heading("lead")
        self.number = heading("lead")
        self.back_to_topics = TouchButton()
        self.back_to_topics.clicked.connect(self.navigator.home)
        for widget in (self.thanks, self.reference, self.promise, self.number):
            column.addWidget(widget)
        column.addWidget(self.back_to_topics, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return page

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ask a specialist to call you"))
        self.lead.setText(
            self.tr(
                "Leave your first name and phone number. We use them only to call you back, "
                "and they are erased from this screen when you leave."
            )
        )
        self.send_button.setText(self.tr("Send request"))
        self.topics_title.setText(self.tr("What would you like to talk about?"))
        self.thanks.setText(self.tr("Thank you. We have your request."))
        self.back_to_topics.setText(self.tr("Back to the topics"))
        self.form.retranslate()
        self.keyboard.retranslate()
        if self.pages.currentWidget() is self.form_page:
            self._show_topic()

    # -- showing ---------------------------------------------------------------------------

    def show_item(self, item: str | None) -> None:
        """Open an empty form about the card `item` (or no particular topic)."""
        self.wipe()
        self.topic = item or ""
        self._show_topic()
        self.form.name.setFocus()
        self.keyboard.attach(self.form.name)

    def _show_topic(self) -> None:
        card = self.store.card(self.topic, self.session.language) if self.topic else None
        self.form.topic_value.setText(card.title if card else self.tr("No particular topic"))

    def _pick_topic(self) -> None:
        cards = self.store.all_cards(self.session.language)
        ids = ["", *[card.id for card in cards]]
        entries = [(self.tr("No particular topic"), "", None)]
        entries += [(card.title, "", None) for card in cards]

        def choose(index: int) -> None:
            self.topic = ids[index]
            self._show_topic()
            self.pages.setCurrentWidget(self.form_page)

        self.topics.fill(entries, choose)
        self.pages.setCurrentWidget(self.topics_page)

    def _next_field(self) -> None:
        if self.keyboard.target is self.form.name:
            self.form.phone.setFocus()
        else:
            self.keyboard.attach(None)
            self.setFocus()

    def _send(self) -> None:
        try:
            receipt = self.send(
                self.form.name.text(),
                self.form.phone.text(),
                self.form.best_time(),
                self.form.language(),
                self.topic,
                self.form.consent.isChecked(),
            )
        except FormErrors as problems:
            self.form.show_errors({f: self._message(code) for f, code in problems.errors.items()})
            field = self.form.name if "first_name" in problems.errors else self.form.phone
            if {"first_name", "phone"} & problems.errors.keys():
                field.setFocus()
            return
        self.wipe()  # the confirmation shows only the reference and the masked number
        self.reference.setText(self.tr("Your reference: %1").replace("%1", receipt.reference))
        self.promise.setText(self.promises.get(self.session.language) or self._promise())
        self.number.setText(self.tr("We will call you at %1.").replace("%1", receipt.masked_phone))
        for label in (self.reference, self.promise, self.number):
            label.setAccessibleName(label.text())
        self.pages.setCurrentWidget(self.done_page)

    def _promise(self) -> str:
        return self.tr("A specialist will call you, usually within one business day.")

    def _message(self, code: str) -> str:
        messages = {
            "name_empty": self.tr("Please enter your first name."),
            "name_too_long": self.tr("Please use 40 letters or fewer."),
            "name_characters": self.tr(
                "Please use letters only. Spaces, hyphens and apostrophes are fine."
            ),
            "phone_empty": self.tr("Please enter a phone number."),
            "phone_letters": self.tr("A phone number has only numbers."),
            "phone_invalid": self.tr("This number does not look complete. Please check it."),
            "phone_wrong_region": self.tr("Please enter a phone number from this country."),
            "consent_missing": self.tr("Please tick the box so a specialist may call you."),
            "service_unavailable": self.tr(
                "This screen cannot take requests right now. Please ask at the front desk."
            ),
        }
        return messages.get(code, self.tr("Please check this."))

    # -- wiping ----------------------------------------------------------------------------

    def wipe(self) -> None:
        """Forget everything about the last patient: fields, keyboard, confirmation, topic."""
        self.form.wipe(self.session.language)
        self.keyboard.reset()
        for label in (self.reference, self.promise, self.number):
            label.setText("")
            label.setAccessibleName("")
        self.topic = ""
        self.pages.setCurrentWidget(self.form_page)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.wipe()
