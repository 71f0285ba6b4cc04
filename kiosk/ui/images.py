"""Pictures from the content store as Qt images, decoded at the size they are shown.

Whatever a signed update holds, decoding here never raises, never allocates without bound
and never takes more than a few frames on the UI thread:

- the shown size is fitted into a box (the width asked for, at most SHOWN_ASPECT times as
  tall), so a 1 x 1000 px PNG or a 1 x 100,000,000 px SVG cannot ask for gigabytes; a
  picture that would be under a pixel on a side in that box is refused;
- bitmaps go through QImageReader with an allocation limit, and their size is read from the
  header and checked before any pixel is decoded;
- SVGs are cut down to what validate allows first (kiosk.content.source.svg_clean: no
  filters, no images, no references outside the file), their size and viewBox are checked
  before rendering, and they are rendered once, at the shown size, by QSvgRenderer.

A picture refused for any reason comes back as None (the caller shows a placeholder or no
icon) and is logged once per distinct picture.

Within those limits a picture can still cost some time at a card's width (290 translucent
full-size gradients, inside every limit: about 0.17 s at 720 px, 24 ms at 72 px), so the
card browser decodes on Qt's thread pool (BackgroundDecoder); home icons, 72 px, are
decoded in place, within a time budget for the whole of home.
"""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.content.source.image_check import MAX_IMAGE_SIDE
from kiosk.content.source.svg_clean import clean_svg, looks_like_svg

ALLOCATION_LIMIT_MB = 64  # QImageReader's own limit, for whatever slips past the checks here
# A bitmap no larger than validate lets through (its header's size, before decoding).
MAX_SOURCE_PIXELS = MAX_IMAGE_SIDE * MAX_IMAGE_SIDE
SHOWN_ASPECT = 4  # shown at most this many times as tall as wide (validate allows 10:1)
MAX_SIDE = MAX_IMAGE_SIDE  # without a width asked for, neither side is drawn larger than this
log = logging.getLogger(__name__)
_reported: set[str] = set()


class Unshowable(Exception):
    """The picture cannot be shown; the message says why, for the log."""


def image_from_bytes(data: bytes, width: int | None = None, name: str = "") -> QImage | None:
    """Decode an image; with `width`, scaled (keeping its shape) to fit that many pixels wide.

    None if the picture is broken, absurd or unsafe (logged once, never raised).
    """
    try:
        image = _svg(data, width) if looks_like_svg(data) else _bitmap(data, width)
    except Exception as error:  # any failure here is the content's, never the kiosk's
        _report(data, name, error)
        return None
    return image


def pixmap_from_bytes(
    data: bytes, width: int, tint: str | None = None, name: str = ""
) -> QPixmap | None:
    """A pixmap of the image (None if it cannot be shown); with `tint` (#rrggbb), every drawn
    pixel takes that colour.

    Line icons drawn dark for the standard theme stay visible on black this way.
    """
    image = image_from_bytes(data, width, name)
    if image is None:
        return None
    if tint:
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor(tint))
        painter.end()
    return QPixmap.fromImage(image)


_shared: dict[tuple[str, int, str | None], QPixmap | None] = {}
MAX_SHARED = 64  # icons kept decoded: a few sections' icons in two themes, with room to spare


def shared_pixmap(
    data: bytes, width: int, tint: str | None = None, name: str = ""
) -> QPixmap | None:
    """pixmap_from_bytes, decoded once per picture, width and tint and then shared.

    Screens rebuilt (new content, a restyle) get the very same QPixmap again, so Qt's
    pixmap cache, keyed by each pixmap's identity, holds one copy rather than one per build.
    """
    key = (hashlib.sha256(data).hexdigest(), width, tint)
    if key not in _shared:
        if len(_shared) >= MAX_SHARED:
            del _shared[next(iter(_shared))]  # the oldest
        _shared[key] = pixmap_from_bytes(data, width, tint, name)
    return _shared[key]


def shown_size(natural_width: float, natural_height: float, width: int | None) -> QSize:
    """The size to draw a picture at: fitted into `width` x SHOWN_ASPECT * `width`.

    Raises Unshowable for a picture with no area, or one under a pixel on a side when fitted.
    """
    if not (natural_width > 0 and natural_height > 0):
        raise Unshowable(f"no size ({natural_width:g} x {natural_height:g})")
    box_w = width or MAX_SIDE
    box_h = box_w * SHOWN_ASPECT if width else MAX_SIDE
    scale = min(box_w / natural_width, box_h / natural_height)
    if width is None:
        scale = min(scale, 1.0)
    shown = QSize(round(natural_width * scale), round(natural_height * scale))
    if shown.width() < 1 or shown.height() < 1:
        raise Unshowable(f"absurd shape ({natural_width:g} x {natural_height:g})")
    return shown


class BackgroundDecoder(QObject):
    """image_from_bytes on Qt's thread pool; `decoded` arrives on the UI thread.

    One per process (background_decoder()), never deleted, so a worker finishing after the
    widget that asked has gone still emits on a live object.
    """

    decoded = Signal(object, object)  # the caller's key, QImage | None

    def decode(self, key: object, data: bytes, width: int, name: str = "") -> None:
        QThreadPool.globalInstance().start(
            lambda: self.decoded.emit(key, image_from_bytes(data, width, name))
        )


_decoder: BackgroundDecoder | None = None


def background_decoder() -> BackgroundDecoder:
    global _decoder
    if _decoder is None:
        _decoder = BackgroundDecoder()
    return _decoder


def _bitmap(data: bytes, width: int | None) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    size = reader.size()  # from the header: nothing decoded yet
    if not size.isValid():
        raise Unshowable(f"not an image Qt can read ({reader.errorString()})")
    if size.width() * size.height() > MAX_SOURCE_PIXELS:
        raise Unshowable(f"too large ({size.width()} x {size.height()} px)")
    reader.setScaledSize(shown_size(size.width(), size.height(), width))
    image = reader.read()
    if image.isNull():
        raise Unshowable(f"cannot be decoded ({reader.errorString()})")
    return image


def _svg(data: bytes, width: int | None) -> QImage:
    clean = clean_svg(data)
    if clean is None:
        raise Unshowable("an SVG outside the safe subset (or not well-formed)")
    renderer = QSvgRenderer(QByteArray(clean))
    if not renderer.isValid():
        raise Unshowable("an SVG Qt cannot read")
    box = renderer.viewBoxF()
    natural = renderer.defaultSize()
    if box.width() <= 0 or box.height() <= 0 or natural.isEmpty():
        raise Unshowable("an SVG without a size or viewBox")
    shown = shown_size(natural.width(), natural.height(), width)
    image = QImage(shown, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _report(data: bytes, name: str, error: Exception) -> None:
    key = hashlib.sha256(data).hexdigest()
    if key in _reported:
        return
    _reported.add(key)
    what = name or f"a {len(data):,}-byte image"
    log.warning("cannot show %s: %s", what, error if isinstance(error, Unshowable) else repr(error))
