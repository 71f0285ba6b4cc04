"""The form's topic picker over a long catalogue: tiles are made as the patient scrolls
toward the end (or moves there with keys), and every card can still be reached and chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.screens import callback
from tests.ui.patient import find, tap
from tests.ui.test_callback_keeps import activate, fill_the_form, open_form_from_a_card


def test_the_picker_makes_tiles_as_the_patient_scrolls_and_shows_every_card(
    qtbot, kiosk_window, monkeypatch
):
    monkeypatch.setattr(callback, "TOPIC_BATCH", 4)  # the 12 cards, then, take four batches
    window = kiosk_window
    activate(qtbot, window)
    open_form_from_a_card(qtbot, window)
    fill_the_form(qtbot, window)
    tap(qtbot, window, "Change topic")
    screen = window.screen("callback")
    cards = window.store.all_cards("en")
    # A batch at a time, as many as fill the screen: not one tile per card at once.
    assert len(screen.topics.visible_tiles) % 4 == 0
    assert len(screen.topics.visible_tiles) < len(cards) + 1
    bar = screen.topics_page.verticalScrollBar()
    while len(screen.topics.visible_tiles) < len(cards) + 1:
        before = len(screen.topics.visible_tiles)
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda b=before: len(screen.topics.visible_tiles) > b)
    names = [tile.accessibleName() for tile in screen.topics.visible_tiles]
    assert all(any(card.title in name for name in names) for card in cards)
    last = cards[-1]
    tap(qtbot, window, last.title)
    assert screen.topic == last.id and window.current_screen_name() == "callback"


def test_the_keypad_reaches_past_the_first_tiles(qtbot, kiosk_window, monkeypatch):
    monkeypatch.setattr(callback, "TOPIC_BATCH", 4)
    window = kiosk_window
    activate(qtbot, window)
    open_form_from_a_card(qtbot, window)
    tap(qtbot, window, "Change topic")
    screen = window.screen("callback")
    made = len(screen.topics.visible_tiles)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # focus moves (and is announced) in the active window
    screen.topics.visible_tiles[-1].setFocus(Qt.FocusReason.TabFocusReason)  # as Down does
    qtbot.waitUntil(lambda: len(screen.topics.visible_tiles) > made)
    assert find(window, screen.topics.visible_tiles[made].accessibleName()) is not None
