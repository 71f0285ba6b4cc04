"""The card body: sanitized HTML from the store, images served from the store, card links.

It never scrolls on its own (the screen around it does, kinetically) and never lets a
patient select text, open a menu or follow a link out of the kiosk: `card:` links open
another card, `term:` links a glossary word's definition.

Whatever a signed update holds, showing a card stays within a few frames: a body over
MAX_HTML_CHARS is not laid out at all (a short note stands in, and the log says which
card), and pictures are decoded off the UI thread within kiosk.ui.images' limits: a grey
placeholder shows until each is ready, and stays for one that cannot be shown.
"""

from __future__ import annotations

import html as html_text
import logging
import re

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.ui.images import background_decoder

MAX_IMAGE_WIDTH = 720
# Laying out 100 KB of HTML takes about 0.13 s here, 1 MB 0.5 s; the longest shipped body
# is under 2 KB. Validate caps a rendered body at 50,000 characters (render.MAX_HTML_CHARS,
# not imported: it would load the Markdown pipeline into the kiosk); the rest is room for
# the reviewed and source lines.
MAX_HTML_CHARS = 60_000
PLACEHOLDER = "#d8d8d8"
# A picture alone in its paragraph, as Markdown writes `![words](picture.svg)`: the sanitizer
# (kiosk/content/source/render.py) leaves only `alt` and `src`, in that order, both escaped.
_FIGURE = re.compile(r'<p><img alt="([^"]*)" (src="[^"]*")></p>')


def as_figures(body: str) -> str:
    """Each picture alone in its paragraph centred, with its words (the alt text) under it as
    a caption: what a sighted patient sees is what a screen reader says."""
    return _FIGURE.sub(
        r'<p class="figure" align="center"><img alt="\1" \2></p>'
        r'<p class="caption" align="center">\1</p>',
        body,
    )


log = logging.getLogger(__name__)


class CardBrowser(QTextBrowser):
    card_link_tapped = Signal(str)
    term_link_tapped = Signal(str)  # a glossary word (`term:<id>`, linked by the loader)

    def __init__(self, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.images: dict[tuple[str, int], QImage | None] = {}  # decoded once per width
        self._waiting: dict[tuple[str, int], QUrl] = {}  # being decoded off the UI thread
        background_decoder().decoded.connect(self._decoded)
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

    def show_html(self, html: str, css: str, name: str = "") -> bool:
        """Show `html`; False (and a short note instead) if it is too large to lay out."""
        self.document().setDefaultStyleSheet(css)
        if len(html) > MAX_HTML_CHARS:
            log.warning(
                "card %s not shown: its body is %s characters, over %s",
                name or "(unnamed)",
                f"{len(html):,}",
                f"{MAX_HTML_CHARS:,}",
            )
            note = self.tr("This topic cannot be shown right now. Please ask at the front desk.")
            self.setHtml(f"<p>{html_text.escape(note)}</p>")
            return False
        self.setHtml(as_figures(html))
        self._headings_at_their_size()
        return True

    def _headings_at_their_size(self) -> None:
        """Qt's rich text makes `<h1>` to `<h3>` larger again on top of their CSS size (a size
        adjustment of its own), which put a card's headings level with the page title. Here
        they keep the size card.css gives them, a clear step below it."""
        document = self.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                plain = QTextCharFormat()
                plain.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
                cursor.mergeCharFormat(plain)
            block = block.next()

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
        if key in self.images:
            return self.images[key] or placeholder(width)
        if key not in self._waiting:
            data = self.store.asset(url.path())  # read here: the store is this thread's
            if data is None:
                return None
            self._waiting[key] = QUrl(url)
            background_decoder().decode((id(self), key), data, width, url.path())
        return placeholder(width)

    @property
    def decoding(self) -> bool:
        """Whether a picture of this card is still being decoded."""
        return bool(self._waiting)

    def _decoded(self, tag: tuple[int, tuple[str, int]], image: QImage | None) -> None:
        owner, key = tag
        if owner != id(self) or key not in self._waiting:
            return  # another card browser's picture
        url = self._waiting.pop(key)
        self.images[key] = image
        document = self.document()
        document.addResource(
            QTextDocument.ResourceType.ImageResource, url, image or placeholder(key[1])
        )
        document.markContentsDirty(0, document.characterCount())

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "card":
            self.card_link_tapped.emit(url.path())
        elif url.scheme() == "term":
            self.term_link_tapped.emit(url.path())

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        height = round(self.document().size().height()) + margins.top() + margins.bottom()
        self.setFixedHeight(max(height, 60))


def placeholder(width: int) -> QImage:
    """What a picture that cannot be shown becomes: a plain grey band the width of one."""
    image = QImage(width, max(width // 4, 40), QImage.Format.Format_RGB32)
    image.fill(QColor(PLACEHOLDER))
    return image
