"""Baseline for the start-up benchmark: a bare PySide6 window that quits on its first paint.

Like the kiosk, it says READY=1 to $NOTIFY_SOCKET (when set) once its first frame is painted,
so the benchmark can time start to first frame as well as start to exit.
"""

import os
import sys

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QLabel

NOTIFY_SOCKET = os.environ.get("NOTIFY_SOCKET")
if NOTIFY_SOCKET:
    import socket


class Label(QLabel):
    painted = False

    def event(self, event):
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest and not self.painted:
            self.painted = True
            if NOTIFY_SOCKET:
                with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                    sock.sendto(b"READY=1", NOTIFY_SOCKET)
            QTimer.singleShot(0, QApplication.quit)
        return handled


app = QApplication(sys.argv[:1])
label = Label("Hello")
label.resize(1280, 800)
label.show()
sys.exit(app.exec())
