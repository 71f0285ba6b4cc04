"""The confirmation: thanks, the reference, what happens next, and the masked number.

It keeps the receipt until the patient leaves, so a change of language shows the same
reference again in the new language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.callbacks.desk import Receipt
from kiosk.ui.screens.base import fill_with_scrolling
from kiosk.ui.widgets.buttons import TouchButton, heading


class CallbackDone(QWidget):
    finished = Signal()  # "Back to the topics"

    def __init__(self, promises: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.promises = promises
        self.receipt: Receipt | None = None
        self.language = "en"
        content = QWidget()
        content.setObjectName("Screen")
        column = QVBoxLayout(content)
        column.setContentsMargins(96, 64, 96, 64)
        column.setSpacing(28)
        self.thanks = heading("display")
        self.reference = heading("reference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.promise = heading("lead")
        self.number = heading("lead")
        self.button = TouchButton()
        self.button.clicked.connect(self.finished)
        for widget in (self.thanks, self.reference, self.promise, self.number):
            column.addWidget(widget)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        # At 200 % text on a short screen the thanks and the reference need more than its
        # height: the page scrolls by finger rather than squeezing its lines.
        fill_with_scrolling(self, content)

    def show_receipt(self, receipt: Receipt | None, language: str) -> None:
        """Show `receipt` in `language`; None empties every line."""
        self.receipt, self.language = receipt, language
        self.retranslate()

    def retranslate(self) -> None:
        self.thanks.setText(self.tr("Thank you. We have your request."))
        self.button.setText(self.tr("Back to the topics"))
        receipt = self.receipt
        lines = ("", "", "")
        if receipt is not None:
            lines = (
                self.tr("Your reference: %1").replace("%1", receipt.reference),
                self.promises.get(self.language)
                or self.tr("A specialist will call you, usually within one business day."),
                self.tr("We will call you at %1.").replace("%1", receipt.masked_phone),
            )
        for label, text in zip((self.reference, self.promise, self.number), lines, strict=True):
            label.setText(text)
            label.setAccessibleName(text)
