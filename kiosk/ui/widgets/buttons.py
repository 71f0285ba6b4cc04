"""Touch buttons whose accessible name is always exactly what they say."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class TouchButton(QPushButton):
    """A big button; setting its text sets its accessible name to match."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        # Keys move focus, taps do not: no focus ring lingers on a button a finger touched.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)


class TileButton(QPushButton):
    """A large tile: optional icon, a title and a summary line, tappable as a whole.

    The title is the accessible name and the summary its description, which is what a
    screen reader should say and what tests tap by.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.icon_label = QLabel()
        self.title_label = _label("tile-title")
        self.summary_label = _label("tile-summary")
        self.icon_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.icon_label.hide()
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(self.title_label)
        words.addWidget(self.summary_label)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 20, 24, 20)
        row.setSpacing(20)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)

    def set_content(self, title: str, summary: str, icon: QPixmap | None = None) -> None:
        self.title_label.setText(title)
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        if icon is not None:
            self.icon_label.setPixmap(icon)
        self.icon_label.setVisible(icon is not None)
        self.updateGeometry()

    def words_fit(self, width: int) -> bool:
        """Whether every word of the title and summary fits on a line in a tile `width` wide."""
        margins = self.layout().contentsMargins()
        room = width - margins.left() - margins.right()
        if not self.icon_label.isHidden():
            room -= self.icon_label.sizeHint().width() + self.layout().spacing()
        for label in (self.title_label, self.summary_label):
            metrics = label.fontMetrics()
            if any(metrics.horizontalAdvance(word) > room for word in label.text().split()):
                return False
        return True

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)


def _label(role: str) -> QLabel:
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class Words(QLabel):
    """A wrapping label that may be narrower than its column (kiosk.qss gives lines of reading
    text a `max-width`): as tall as its lines at the width it will really have. A plain
    QLabel answers for the whole column's width, and the column comes up short."""

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(min(width, self.maximumWidth()))


def heading(role: str = "heading") -> QLabel:
    """A plain-text label with a style role, wrapping, never selectable."""
    label = Words()
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
