"""The idle reset: ask first, then wipe the visit back to the attract loop and the defaults."""

from __future__ import annotations

import pytest

from tests.ui.patient import tap, visible_text


def hurry_idle(window):
    """Shrink the idle timers (restarting the count) so the test waits milliseconds, not minutes."""
    window.idle.idle_timer.setInterval(40)
    window.idle.warning_timer.setInterval(150)


@pytest.fixture
def quick_idle(kiosk_window):
    hurry_idle(kiosk_window)
    return kiosk_window


def visit_a_card_in_spanish_at_large_text(qtbot, window):
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Texto y colores")
    tap(qtbot, window, "Tamaño del texto 130 %")
    tap(qtbot, window, "Su sistema inmunitario")
    tap(qtbot, window, "Cómo funciona su sistema inmunitario")
    window.current_screen().scroll.verticalScrollBar().setValue(300)


def test_idle_asks_then_resets_everything(qtbot, kiosk_window):
    window = kiosk_window
    visit_a_card_in_spanish_at_large_text(qtbot, window)
    hurry_idle(window)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)
    assert "¿Sigue ahí?" in visible_text(window)

    with qtbot.waitSignal(window.idle.expired, timeout=2000):
        pass
    assert window.current_screen_name() == "attract"
    assert not window.notice.isVisible()
    assert window.session.language == "en" and window.session.text_size == 100
    assert "Touch to start" in visible_text(window)

    tap(qtbot, window, "Touch to start")
    assert window.current_screen_name() == "home"
    tap(qtbot, window, "Your immune system")
    assert window.current_screen().scroll.verticalScrollBar().value() == 0


def test_a_patient_who_is_finished_clears_the_screen_at_once(qtbot, kiosk_window):
    window = kiosk_window
    visit_a_card_in_spanish_at_large_text(qtbot, window)
    hurry_idle(window)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)
    window.idle.warning_timer.setInterval(60_000)  # no countdown runs out in this test
    tap(qtbot, window, "Terminé: borrar mi pantalla")
    assert window.current_screen_name() == "attract"
    assert not window.notice.isVisible()
    assert window.session.language == "en" and window.session.text_size == 100


def test_patient_who_answers_keeps_their_visit(qtbot, kiosk_window):
    window = kiosk_window
    visit_a_card_in_spanish_at_large_text(qtbot, window)
    hurry_idle(window)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)
    window.idle.warning_timer.setInterval(60_000)  # the patient takes their time to answer
    tap(qtbot, window, "Sí, sigo aquí")
    assert not window.notice.isVisible()
    assert window.current_screen_name() == "topic"
    assert window.session.language == "es" and window.session.text_size == 130


def test_untouched_kiosk_goes_to_attract_without_asking(qtbot, quick_idle):
    with qtbot.waitSignal(quick_idle.idle.expired, timeout=2000):
        pass
    assert quick_idle.current_screen_name() == "attract"
    assert not quick_idle.notice.isVisible()


def test_spanish_start_button_starts_in_spanish(qtbot, kiosk_window):
    kiosk_window.session.reset()
    tap(qtbot, kiosk_window, "Toque para empezar")
    assert kiosk_window.current_screen_name() == "home"
    assert "Lo básico de la inmunoterapia" in visible_text(kiosk_window)


def test_attract_loop_moves_through_highlights(qtbot, kiosk_window):
    kiosk_window.session.reset()
    attract = kiosk_window.screen("attract")
    first = attract.highlight.title.text()
    height = attract.highlight.height()
    attract.timer.setInterval(20)
    attract.timer.start()
    qtbot.waitUntil(lambda: attract.highlight.title.text() != first, timeout=2000)
    assert attract.highlight.title.text() in [card.title for card, _ in attract.highlights]
    assert attract.highlight.height() == height  # a longer highlight pushes nothing


def test_a_highlight_tapped_opens_that_card_in_its_language(qtbot, kiosk_window):
    kiosk_window.navigator.to_attract()
    attract = kiosk_window.screen("attract")
    attract.stop()  # the loop holds still while the finger lands
    while attract.highlights[attract.index][1] != "es":
        attract.next_highlight()
    card, _ = attract.highlights[attract.index]
    assert "Toque para leer" in attract.highlight.hint.text()
    tap(qtbot, kiosk_window, card.title)
    assert kiosk_window.current_screen_name() == "topic"
    assert kiosk_window.session.language == "es"
    assert kiosk_window.current_screen().title.text() == card.title
    tap(qtbot, kiosk_window, "Atrás")
    assert kiosk_window.current_screen_name() == "home"
