"""Print this card: the card on paper, in its own language, with its QR code and address.

Where the clinic sets `printing.printer`, a topic offers "Print this card". The name is a
CUPS printer's (Qt's print support talks to CUPS), or a path ending in `.pdf`, which writes
the page there instead (to try printing without a printer, and for the tests). The page is
laid out by a QTextDocument from what the store holds: title, body (links printed as plain
words), pictures, the reviewed date and source, then the QR code and the address under it.
Nothing a patient typed is ever printed.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QTextDocument

from kiosk.content.storage.store import CardPage, ContentStore
from kiosk.ui.images import image_from_bytes
from kiosk.ui.widgets.take_home import qr_image

log = logging.getLogger(__name__)
PAGE_CSS = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 12pt; color: #000; }
h1 { font-size: 22pt; margin-bottom: 8pt; }
h2, h3 { font-size: 15pt; margin-top: 12pt; }
p, li { line-height: 140%; }
p.meta { font-size: 10pt; color: #333; }
p.address { font-size: 11pt; }
p.code { line-height: 100%; margin: 0; }
"""
QR_PX = 600  # drawn at this size, shown 4 cm wide: sharp on paper
QR_WIDTH_PT = 113  # 4 cm
IMAGE_WIDTH_PT = 300
_LINK = re.compile(r"</?a\b[^>]*>")
_IMAGE = re.compile(r'\ssrc="asset:([^"]+)"')


class CardPrinter:
    """Prints cards to the configured printer (or PDF file); empty destination: no printing."""

    def __init__(self, destination: str, store: ContentStore) -> None:
        self.destination = destination.strip()
        self.store = store

    @property
    def configured(self) -> bool:
        return bool(self.destination)

    @property
    def to_pdf(self) -> bool:
        return self.destination.lower().endswith(".pdf")

    def available(self) -> bool:
        """Whether the printer is there now (a PDF file always is)."""
        if not self.configured or self.to_pdf:
            return self.configured
        from PySide6.QtPrintSupport import QPrinterInfo

        return not QPrinterInfo.printerInfo(self.destination).isNull()

    def print_card(self, card: CardPage, words: Mapping[str, str]) -> bool:
        """Print `card`; `words` are the page's fixed lines in the card's language (`reviewed`,
        `source`, `take_home`, `scan`), worded by the screen through tr().

        False (logged, nothing raised) if the printer could not take the page.
        """
        from PySide6.QtPrintSupport import QPrinter

        try:
            if not self.available():
                log.warning("printer %r is not available", self.destination)
                return False
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if self.to_pdf:
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(self.destination)
            else:
                printer.setPrinterName(self.destination)
            printer.setDocName(card.title)
            printer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.Letter),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(18, 18, 18, 18),
                    QPageLayout.Unit.Millimeter,
                )
            )
            document = self.page(card, words)
            document.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
            document.print_(printer)
            return True
        except Exception:
            log.exception("could not print card %s", card.id)
            return False

    def page(self, card: CardPage, words: Mapping[str, str]) -> QTextDocument:
        """The card as one printable document (its language set, its pictures and code in)."""
        document = QTextDocument()
        document.setDefaultStyleSheet(PAGE_CSS)
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, card.title)
        body = _LINK.sub("", card.body_html)
        for path in set(_IMAGE.findall(body)):
            data = self.store.asset(path)
            image = image_from_bytes(data, 2 * IMAGE_WIDTH_PT, path) if data else None
            if image is not None:
                document.addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(f"asset:{path}"), image
                )
        body = body.replace("<img ", f'<img width="{IMAGE_WIDTH_PT}" ')
        meta = (words["reviewed"], words["source"])
        parts = [f"<h1>{html.escape(card.title)}</h1>", body]
        parts.append('<p class="meta">' + "<br>".join(html.escape(m) for m in meta) + "</p>")
        if card.more_info:
            code: QImage = qr_image(card.more_info, QR_PX)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("qr:code"), code)
            parts.append(f"<h2>{html.escape(words['take_home'])}</h2>")
            parts.append(f"<p>{html.escape(words['scan'])}</p>")
            size = f'width="{QR_WIDTH_PT}" height="{QR_WIDTH_PT}"'
            parts.append(f'<p class="code"><img src="qr:code" {size}></p>')
            parts.append(f'<p class="address">{html.escape(card.more_info)}</p>')
        document.setHtml(f'<html lang="{card.lang}"><body>{"".join(parts)}</body></html>')
        return document
