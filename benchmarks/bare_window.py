"""Baseline for the start-up benchmark: a bare PySide6 window that quits on its first paint."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.UpdateRequest:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
label = QLabel("Hello")
label.resize(1280, 800)
watcher = QuitOnFirstPaint()
label.installEventFilter(watcher)
label.show()
sys.exit(app.exec())
