"""Whose kiosk this is: the clinic's logo and name side by side (config `clinic.*`).

The logo goes through the same safe SVG path as a card's pictures (kiosk.ui.images); one
that cannot be drawn is left out and the name shows alone. With neither, the banner hides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.ui.images import pixmap_from_bytes
from kiosk.ui.services import Clinic
from kiosk.ui.widgets.buttons import heading

LOGO_PX = 96  # the logo's width; its height follows its shape (at most 4x as tall)


class ClinicBanner(QWidget):
    def __init__(self, clinic: Clinic, *, role: str = "clinic-name", logo_px: int = LOGO_PX):
        super().__init__()
        self.setObjectName("ClinicBanner")
        self.logo = QLabel()
        self.logo.setAccessibleName(clinic.name or "")
        self.name = heading(role)
        self.name.setText(clinic.name)
        pixmap = None
        if clinic.logo:
            pixmap = pixmap_from_bytes(clinic.logo, logo_px, None, "clinic logo")
        if pixmap is not None:
            self.logo.setPixmap(pixmap)
        self.logo.setVisible(pixmap is not None)
        self.name.setVisible(bool(clinic.name))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)
        row.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.name, 1, Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(pixmap is not None or bool(clinic.name))

    def centre(self) -> None:
        """Logo and name in the middle of the line (the attract loop), not at its start: the
        name on one line while it fits (see resizeEvent), wrapped when it does not."""
        layout = self.layout()
        layout.insertStretch(0, 1)
        layout.setStretch(layout.indexOf(self.name), 0)
        layout.addStretch(1)
        self.centred = True

    centred = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.centred:
            logo = self.logo.sizeHint().width() + 20 if self.logo.isVisibleTo(self) else 0
            one_line = self.name.fontMetrics().horizontalAdvance(self.name.text())
            wrap = one_line > self.width() - logo
            if wrap != self.name.wordWrap():
                self.name.setWordWrap(wrap)
