"""The Qt binding itself must be fit to run for days: no reference leaks on everyday calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_drop_references_to_none(qtbot):
    """PySide6 6.12.0 under Python 3.11 loses a reference to None per call; a kiosk dies."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("still here")
    assert abs(sys.getrefcount(None) - before) < 50
