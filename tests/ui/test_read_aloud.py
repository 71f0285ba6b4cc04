"""Read aloud with Qt's mock speech engine: it speaks the card, pauses, stops, and resets."""

from __future__ import annotations

import pytest

from kiosk.config import Config
from tests.ui.patient import find, tap, visible_text


@pytest.fixture
def config():
    return Config().replace(speech__engine="mock")


@pytest.fixture
def speaking_window(qtbot, kiosk_window):
    kiosk_window.speech.start()
    qtbot.waitUntil(lambda: kiosk_window.speech.available, timeout=5000)
    return kiosk_window


def test_read_aloud_speaks_pauses_resumes_and_stops(qtbot, speaking_window):
    window = speaking_window
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    spoken = []
    window.speech.saying_word.connect(spoken.append)
    tap(qtbot, window, "Read aloud")
    qtbot.waitUntil(lambda: window.speech.state == "speaking", timeout=5000)
    qtbot.waitUntil(lambda: len(spoken) >= 4, timeout=5000)
    assert spoken[:4] == ["How", "your", "immune", "system"]  # the title comes first
    tap(qtbot, window, "Pause")
    qtbot.waitUntil(lambda: window.speech.state == "paused", timeout=5000)
    tap(qtbot, window, "Resume")
    qtbot.waitUntil(lambda: window.speech.state == "speaking", timeout=5000)
    tap(qtbot, window, "Stop")
    qtbot.waitUntil(lambda: window.speech.state == "stopped", timeout=5000)


def test_moving_on_or_the_idle_reset_silences_the_kiosk(qtbot, speaking_window):
    window = speaking_window
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    tap(qtbot, window, "Read aloud")
    qtbot.waitUntil(lambda: window.speech.state == "speaking", timeout=5000)
    # While it reads, the card says what is being read.
    qtbot.waitUntil(lambda: "Reading aloud: How your immune system works" in visible_text(window))
    tap(qtbot, window, "Back")
    qtbot.waitUntil(lambda: window.speech.state == "stopped", timeout=5000)

    tap(qtbot, window, "How your immune system works")
    # The volume sits beside Read aloud, labelled with what it is now.
    assert "Volume: 80 %" in visible_text(window)
    tap(qtbot, window, "Quieter")
    tap(qtbot, window, "Quieter")
    assert window.speech.volume == pytest.approx(0.4)
    assert "Volume: 40 %" in visible_text(window)
    window.session.reset()
    assert window.speech.volume == pytest.approx(0.8)


def test_without_a_working_engine_the_buttons_are_hidden(qtbot, kiosk_window):
    kiosk_window.speech.engine_name = "no-such-engine"
    kiosk_window.speech.start()
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    topic = kiosk_window.current_screen()
    assert not topic.read_aloud.isVisible()
    assert "no-such-engine" in kiosk_window.speech.problem
    runtime = kiosk_window.services.staff.runtime()
    assert "speech" in runtime.problems


def test_help_key_speaks_where_you_are(qtbot, speaking_window):
    from PySide6.QtCore import Qt

    spoken = []
    speaking_window.speech.saying_word.connect(spoken.append)
    find(speaking_window, "Your immune system").setFocus()
    qtbot.keyClick(speaking_window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(spoken) >= 4, timeout=5000)
    assert " ".join(spoken[:4]).startswith("You are on")
