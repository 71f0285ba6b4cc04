"""What a visit adds to the day's counts, tapped as a patient would: numbers only."""

from __future__ import annotations

import pytest

from kiosk.config import Config
from tests.ui.conftest import DELIVERING
from tests.ui.patient import tap
from tests.ui.test_callback_form import fill_the_form


@pytest.fixture
def config():
    return Config().replace(speech__engine="mock", **DELIVERING)


def day_counts(window) -> dict:
    counts = window.services.counts
    return counts.report()[counts.today()]


def test_a_visit_counts_once_with_its_cards_read_aloud_and_request(qtbot, kiosk_window):
    window = kiosk_window
    window.speech.start()
    qtbot.waitUntil(lambda: window.speech.available, timeout=5000)
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "Why cancer can hide")
    tap(qtbot, window, "Read aloud")
    tap(qtbot, window, "Español")  # the same card in Spanish: not opened again
    tap(qtbot, window, "English")
    tap(qtbot, window, "Contact a specialist")
    fill_the_form(qtbot, window, "Evening")
    tap(qtbot, window, "Send request")
    assert window.services.callbacks.available()
    assert day_counts(window) == {
        "visits": 1,
        "read_aloud": 1,
        "callbacks_sent": 1,
        "cards": {"why-cancer-can-hide": {"en": 1}},
    }

    window.session.reset()  # the idle reset: the next patient starts from the attract loop
    tap(qtbot, window, "Toque para empezar")
    tap(qtbot, window, "Su sistema inmunitario")
    tap(qtbot, window, "Por qué el cáncer puede esconderse")
    counts = day_counts(window)
    assert counts["visits"] == 2 and counts["read_aloud"] == 1
    assert counts["cards"] == {"why-cancer-can-hide": {"en": 1, "es": 1}}


def test_a_form_sent_with_mistakes_is_not_counted(qtbot, kiosk_window):
    window = kiosk_window
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "Why cancer can hide")
    tap(qtbot, window, "Contact a specialist")
    tap(qtbot, window, "Send request")  # empty: the form shows its errors
    assert day_counts(window)["callbacks_sent"] == 0
