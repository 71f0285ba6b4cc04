"""Choices a patient (or staff) can see: radio chips with a dot, and a tick box whose words wrap.

Both are real QRadioButton / QCheckBox, so assistive technology hears "radio button,
checked" or "check box, not checked". The stylesheet draws the box, its fill when chosen
and the dot (kiosk.qss, `role="choice"` and `role="tick"`); the tick is painted here in the
colour the stylesheet gives `qproperty-tickColor`, over the filled indicator.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.ui.widgets.buttons import heading

INDICATOR_PX = 60  # the tick box's square: as big as a fingertip (kiosk.qss says the same)
PADDING_PX = 20  # inside the tick box's border, around the square and the words


class Choice(QRadioButton):
    """One of a few exclusive choices, drawn as a large chip with a dot when chosen."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "choice")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # like TouchButton: keys focus, taps do not
        # Auto-exclusive, as radio buttons are (Qt then reports the role RadioButton); its
        # QButtonGroup keeps one chosen among its own.
        self.setAutoExclusive(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the whole chip, not only the dot and the words


class TickBox(QCheckBox):
    """A check box whose words wrap beside a 60 px square; tapping the words toggles it too.

    The words are a child label rather than the check box's own text (which never wraps);
    the accessible name is the words all the same.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tick")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._tick = QColor("#ffffff")
        self.words = heading("tick-words")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as tall as its wrapped words (a check box is fixed)
        self.setSizePolicy(policy)
        row = QHBoxLayout(self)
        row.setContentsMargins(PADDING_PX * 2 + INDICATOR_PX, PADDING_PX, PADDING_PX, PADDING_PX)
        row.addWidget(self.words, 1)

    def set_words(self, text: str) -> None:
        self.words.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.words.text()

    # The tick's colour, set by the stylesheet: `qproperty-tickColor: #ffffff;`.
    def _get_tick(self) -> QColor:
        return self._tick

    def _set_tick(self, color: QColor) -> None:
        self._tick = QColor(color)
        self.update()

    tickColor = Property(QColor, _get_tick, _set_tick)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def sizeHint(self) -> QSize:
        hint = self.layout().sizeHint()
        return QSize(hint.width(), max(hint.height(), INDICATOR_PX + 2 * PADDING_PX))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint().boundedTo(QSize(INDICATOR_PX * 3, 10_000))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.layout().totalHeightForWidth(width), INDICATOR_PX + 2 * PADDING_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A scroll area sizes its content by size hints, not by height for width: ask for the
        # height the wrapped words need at this width, so no line is ever cut.
        needed = self.heightForWidth(self.width())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.isChecked():
            return
        option = QStyleOptionButton()
        self.initStyleOption(option)
        box = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._tick, max(4.0, box.width() / 9))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        x, y, w, h = box.x(), box.y(), box.width(), box.height()
        painter.drawPolyline(
            [
                QPointF(x + w * 0.24, y + h * 0.52),
                QPointF(x + w * 0.42, y + h * 0.70),
                QPointF(x + w * 0.76, y + h * 0.32),
            ]
        )
        painter.end()
