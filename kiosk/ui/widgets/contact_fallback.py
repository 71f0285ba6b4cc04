"""What a screen says where Contact a specialist would be, on a kiosk that cannot send
requests: the clinic's own words (`callbacks.unavailable_message.*`), or ours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.services import CallbackOffer


class ContactFallback(QLabel):
    """The sentence shown instead of `contact` (a button or tile) while no request can leave."""

    def __init__(self, offer: CallbackOffer, contact: QWidget) -> None:
        super().__init__()
        self.setProperty("role", "lead")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.offer, self.contact = offer, contact

    def retranslate(self, language: str) -> None:
        self.setText(
            self.offer.unavailable.get(language)
            or self.tr("Please ask at the front desk if you would like to talk to a specialist.")
        )

    def update_offer(self) -> None:
        """Show the button if a request can be sent now, else the sentence."""
        offered = self.offer.available()
        self.contact.setVisible(offered)
        self.setVisible(not offered)
