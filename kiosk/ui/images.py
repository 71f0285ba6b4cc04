"""Pictures from the content store as Qt images, decoded at the size they are shown.

Qt's image plugins read SVG, PNG and JPEG alike; asking the reader for the final size
draws an SVG crisply at that size instead of scaling a small bitmap up.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap


def image_from_bytes(data: bytes, width: int | None = None) -> QImage:
    """Decode an image; with `width`, scaled (keeping its shape) to that many pixels wide."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if width and size.width() > 0:
        reader.setScaledSize(QSize(width, round(size.height() * width / size.width())))
    return reader.read()


def pixmap_from_bytes(data: bytes, width: int, tint: str | None = None) -> QPixmap:
    """A pixmap of the image; with `tint` (#rrggbb), every drawn pixel takes that colour.

    Line icons drawn dark for the standard theme stay visible on black this way.
    """
    image = image_from_bytes(data, width)
    if tint:
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor(tint))
        painter.end()
    return QPixmap.fromImage(image)
