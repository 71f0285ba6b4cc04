"""The kiosk window, built by the same composition root as `kiosk run`, at a kiosk's size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import build_window
from kiosk.config import Config


@pytest.fixture
def kiosk_window(qtbot, store):
    window = build_window(QApplication.instance(), Config(), store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.idle.stop()
    if "attract" in window.screens:
        window.screens["attract"].stop()
    window.translations.clear()
    QApplication.instance().removeEventFilter(window.idle)
