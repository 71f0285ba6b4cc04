"""The composition root: builds config, store, session and window in one place.

Nothing else creates long-lived services; screens get what they show through their
constructors. The CLI imports this module only for `kiosk run`, so other commands never
load Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.assets import default_content_dir
from kiosk.config import Config
from kiosk.content.first_start import open_store
from kiosk.content.store import ContentStore
from kiosk.navigation import Navigator
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.translation import Translations
from kiosk.ui.window import KioskWindow


def build_window(app: QApplication, config: Config, store: ContentStore) -> KioskWindow:
    """The kiosk window with its session and navigation, showing the home screen."""
    session = Session(config["language.default"], config["display.text_size"])
    navigator = Navigator()
    window = KioskWindow(config, store, session, navigator, Theme.load(), Translations(app))
    navigator.home()
    return window


def run(config: Config, data_dir: Path, *, fullscreen: bool, exit_after_first_frame: bool) -> int:
    """Start the kiosk UI and return its exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("clinic-kiosk")
    store = open_store(data_dir, default_content_dir())
    window = build_window(app, config, store)
    if exit_after_first_frame:
        window.first_frame_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    if fullscreen:
        # Without a window manager (a bare X session) full-screen is only a wish: size it too.
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    code = app.exec()
    store.close()
    return code
