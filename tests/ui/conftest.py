"""The kiosk window, built by the same composition root as `kiosk run`, at a kiosk's size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import build_window
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import Config

# A kiosk set up to send callback requests, as clinics run it. The address is never reached:
# tests build the window without starting the delivery worker (tests that deliver start it,
# with a loopback receiver).
DELIVERING = {
    "callbacks__endpoint": "https://callbacks.example.invalid/in",
    "callbacks__secret": "whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
}


@pytest.fixture
def config() -> Config:
    """The settings for this test's kiosk; tests override by returning Config().replace(...)
    (plain `Config()` is a kiosk with no callback endpoint)."""
    return Config().replace(**DELIVERING)


@pytest.fixture
def callbacks(config, tmp_path):
    opened = CallbackDesk(config, tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def sync():
    """What "Update content now" drives; None (no updates configured) unless a test says."""
    return None


@pytest.fixture
def kiosk_window(qtbot, store, config, callbacks, sync, tmp_path):
    app = QApplication.instance()
    window = build_window(app, config, tmp_path, store, callbacks, sync=sync)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.detach()
    window.speech.stop()
    window.speech.shutdown()
    window.translations.clear()
    window.services.staff.close()
