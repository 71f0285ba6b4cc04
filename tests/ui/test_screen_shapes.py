"""Every screen fits every kiosk screen shape: 1920x1080, 1280x800 and portrait 1080x1920, in
English and Spanish, at 100 % and 200 % text, in both themes.

Qt's offscreen platform reads its screen's size when it starts, so each shape is walked in a
process of its own (tests/ui/screen_walk.py); it reports what tests/ui/layout.py finds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from tests.ui.layout import layout_problems

ROOT = Path(__file__).resolve().parents[2]
SHAPES = [(1920, 1080), (1280, 800), (1080, 1920)]


@pytest.mark.parametrize(("width", "height"), SHAPES, ids=[f"{w}x{h}" for w, h in SHAPES])
def test_every_screen_fits_the_screen_in_both_languages_at_both_text_sizes(tmp_path, width, height):
    screens = tmp_path / "screens.json"
    screen = {"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screens.write_text(json.dumps({"screens": [screen]}))
    out = tmp_path / "problems.json"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_walk", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["shape"] == f"{width}x{height}"
    walked = report["problems"]
    assert len(walked) >= 2 * 2 * 2 * 20  # both themes, languages and sizes, every screen
    broken = {screen: faults for screen, faults in walked.items() if faults}
    assert not broken, json.dumps(broken, indent=1, ensure_ascii=False)


def test_the_check_sees_cut_words_overlaps_and_a_window_past_its_screen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.reachable = lambda: window  # what KioskWindow answers when nothing covers it
    label = QLabel("A sentence far too long for the little room it is given", window)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 120, 20)
    button = QPushButton("Contact a specialist", window)
    button.setGeometry(60, 0, 40, 40)
    window.show()
    qtbot.waitExposed(window)
    window.resize(QWidget.screen(window).geometry().size() * 2)
    problems = "\n".join(layout_problems(window))
    assert "not its screen's" in problems
    assert "px height" in problems  # the label's lines do not fit its height
    assert "its words need" in problems  # the button's words are cut
    assert "overlaps" in problems
