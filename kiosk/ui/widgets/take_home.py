"""Take it home: a QR code for the card's "more information" address, with the address under it.

The code is drawn by segno from the address the content gives, never from anything a
patient typed. Its size is for a phone held at arm's length: at least MIN_CODE_PX on the
screen (about 6 cm on a 22-inch kiosk), with the four-module quiet zone a reader needs.
"""

from __future__ import annotations

import functools
import io
import logging
import re

import segno
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets.buttons import heading

MIN_CODE_PX = 240
QUIET_MODULES = 4  # the blank border round a QR code that readers need
log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=64)  # a trials list shows 20 at each filter tap: made once each
def qr_image(address: str, min_px: int = MIN_CODE_PX) -> QImage:
    """The QR code of `address`, black on white, each module a whole number of pixels."""
    code = segno.make(address, error="m", micro=False)
    width, _ = code.symbol_size(scale=1, border=QUIET_MODULES)
    scale = max(1, -(-min_px // width))  # rounded up: never smaller than min_px
    data = io.BytesIO()
    code.save(data, kind="png", scale=scale, border=QUIET_MODULES, dark="black", light="white")
    image = QImage()
    image.loadFromData(data.getvalue(), "PNG")
    return image


def wrap_address(address: str, fits) -> str:
    """`address` in lines that each `fits(line)`, broken after a "/" (or, for a part too long
    on its own, between letters): an address has no spaces for a label to wrap at."""
    parts = [part for part in re.split(r"(?<=/)(?!/)", address) if part]
    lines: list[str] = []
    for part in parts:
        if lines and fits(lines[-1] + part):
            lines[-1] += part
            continue
        while part and not fits(part):
            cut = next((n for n in range(len(part) - 1, 0, -1) if fits(part[:n])), 1)
            lines.append(part[:cut])
            part = part[cut:]
        if part:
            lines.append(part)
    return "\n".join(lines)


class AddressLabel(QLabel):
    """An address shown whole, on as many lines as the width needs."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "small")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.address = ""

    def set_address(self, address: str) -> None:
        self.address = address
        self.setAccessibleName(address)
        self._wrap()

    def _wrap(self) -> None:
        metrics = self.fontMetrics()
        room = max(self.contentsRect().width(), 120)
        self.setText(
            wrap_address(self.address, lambda line: metrics.horizontalAdvance(line) <= room)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        try:
            self._wrap()
        except Exception:  # never let an exception out of a Qt override
            log.exception("could not wrap an address")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        try:
            if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
                self._wrap()
        except Exception:
            log.exception("could not wrap an address")


class TakeHome(QWidget):
    """The code and its words; hidden for a card without an address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = ""
        self.heading = heading("title")
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.words = heading("lead")
        self.link = AddressLabel()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        for widget in (self.heading, self.words, self.code, self.link):
            column.addWidget(widget)
        self.hide()

    def show_address(self, address: str) -> None:
        self.address = address
        self.setVisible(bool(address))
        if address:
            self.code.setPixmap(QPixmap.fromImage(qr_image(address)))
            self.link.set_address(address)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Take it home"))
        self.words.setText(
            self.tr("Point your phone's camera at the code to open this page on your phone.")
        )
        self.code.setAccessibleName(self.tr("QR code for %1").replace("%1", self.address))
