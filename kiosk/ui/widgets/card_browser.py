"""The card body: sanitized HTML from the store, images served from the store, card links.

It never scrolls on its own (the screen around it does, kinetically) and never lets a
patient select text, open a menu or follow a link out of the kiosk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from kiosk.content.store import ContentStore
from kiosk.ui.images import image_from_bytes

MAX_IMAGE_WIDTH = 720
log = logging.getLogger(__name__)


class CardBrowser(QTextBrowser):
    card_link_tapped = Signal(str)

    def __init__(self, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.images: dict[tuple[str, int], QImage] = {}  # decoded once per width
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.anchorClicked.connect(self._follow)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def show_html(self, html: str, css: str) -> None:
        self.document().setDefaultStyleSheet(css)
        self.setHtml(html)

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Only images stored with the content load; nothing from disk or the network.

        Never raises: an exception escaping a Qt override would take the kiosk down.
        """
        try:
            return self._image(kind, url)
        except Exception:
            log.exception("could not load %s for a card", url.toString())
            return None

    def _image(self, kind: int, url: QUrl) -> QImage | None:
        if kind != QTextDocument.ResourceType.ImageResource or url.scheme() != "asset":
            return None
        width = max(320, min(self.viewport().width() - 48, MAX_IMAGE_WIDTH))
        key = (url.path(), width)
        if key not in self.images:
            data = self.store.asset(url.path())
            if data is None:
                return None
            self.images[key] = image_from_bytes(data, width)
        return self.images[key]

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "card":
            self.card_link_tapped.emit(url.path())

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        height = round(self.document().size().height()) + margins.top() + margins.bottom()
        self.setFixedHeight(max(height, 60))
