"""The kiosk's own drawing (assets/illustrations/), drawn through the safe SVG path like any
picture, at a fixed width; it says nothing a patient needs, so assistive technology skips it."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.assets import assets_dir
from kiosk.ui.images import pixmap_from_bytes


@cache
def _drawing(name: str) -> bytes:
    return (assets_dir() / "illustrations" / f"{name}.svg").read_bytes()


class Illustration(QLabel):
    def __init__(self, width: int, name: str = "welcome") -> None:
        super().__init__()
        self.setObjectName("Illustration")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("")
        self.drawing = name
        self.drawn_width = 0
        self.set_width(width)

    def set_width(self, width: int) -> None:
        """Draw it `width` px wide (again only when the width changes)."""
        if width == self.drawn_width:
            return
        self.drawn_width = width
        pixmap = pixmap_from_bytes(_drawing(self.drawing), width, None, f"illustration {width}")
        if pixmap is not None:
            self.setPixmap(pixmap)
            self.setFixedSize(pixmap.size())
