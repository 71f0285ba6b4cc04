"""A patient at a real kiosk asks for a callback: run in its own process by the hub's tests.

The kiosk is the one `kiosk run` builds (offscreen Qt, its own data directory, the shipped
content); the patient taps through it as the kiosk's own UI tests do, and the request leaves
through the kiosk's real outbox and delivery worker for the hub given on the command line.
Prints the confirmation's reference line once the hub has taken it; exits 1 if it never did.

    python -m tests.hub.kiosk_patient ENDPOINT SECRET KIOSK_ID DATA_DIR
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import build_window
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import Config
from kiosk.content.updates.first_start import open_store
from tests.ui.patient import tap
from tests.ui.test_callback_form import fill_the_form, open_form_from_a_card


class Finger:
    """What the UI helpers need of pytest-qt's qtbot, for a process without pytest."""

    mouseClick = staticmethod(QTest.mouseClick)

    def waitUntil(self, condition, timeout: int = 5000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the kiosk never got there")
            QCoreApplication.processEvents()
            time.sleep(0.01)


def main(endpoint: str, secret: str, kiosk_id: str, data_dir: Path) -> int:
    app = QApplication(sys.argv[:1])
    config = Config().replace(
        kiosk__id=kiosk_id, callbacks__endpoint=endpoint, callbacks__secret=secret
    )
    store = open_store(data_dir, default_content_dir())
    desk = CallbackDesk(config, data_dir)
    window = build_window(app, config, data_dir, store, desk)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    finger = Finger()
    try:
        desk.start()
        open_form_from_a_card(finger, window)
        fill_the_form(finger, window, "In English", "Morning")
        tap(finger, window, "Send request")
        finger.waitUntil(lambda: desk.outbox.counts().delivered == 1, timeout=30_000)
        print(window.screen("callback").done_page.reference.text(), flush=True)
        return 0
    except TimeoutError as error:
        print(f"kiosk_patient: {error}", file=sys.stderr)
        return 1
    finally:
        window.detach()
        desk.close()
        window.services.staff.close()
        store.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])))
