"""Search, as a patient uses it: Search in the top bar, keys on the on-screen keyboard, a tap on
a result; in both languages, accents ignored, and nothing typed kept for the next person."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.patient import find, tap, visible_text


def type_on_keyboard(qtbot, window, letters: str) -> None:
    for letter in letters:
        tap(qtbot, window, "Space" if letter == " " else letter)


def test_search_is_in_the_top_bar_and_results_follow_each_key(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "Search")
    assert kiosk_window.current_screen_name() == "search"
    field = find(kiosk_window, "Search words")
    assert field.hasFocus()
    assert "Or choose a section" in visible_text(kiosk_window)  # nothing typed yet
    type_on_keyboard(qtbot, kiosk_window, "interl")
    assert field.text() == "interl"  # no capital first: these are words to find, not a name
    text = visible_text(kiosk_window)
    assert "Cytokines" in text and "Or choose a section" not in text
    tap(qtbot, kiosk_window, "Cytokines")
    assert kiosk_window.current_screen_name() == "topic"
    tap(qtbot, kiosk_window, "Back")  # back to the results, words and all
    assert kiosk_window.current_screen_name() == "search"
    assert find(kiosk_window, "Search words").text() == "interl"
    tap(qtbot, kiosk_window, "Back")
    assert kiosk_window.current_screen_name() == "section"  # the search was left: wiped
    tap(qtbot, kiosk_window, "Search")
    assert find(kiosk_window, "Search words").text() == ""


def test_nothing_found_offers_the_sections_and_a_specialist(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Search")
    type_on_keyboard(qtbot, kiosk_window, "zzq")
    text = visible_text(kiosk_window)
    assert "We found no topic with those words" in text
    tap(qtbot, kiosk_window, "Contact a specialist")
    assert kiosk_window.current_screen_name() == "callback"
    tap(qtbot, kiosk_window, "Search")
    type_on_keyboard(qtbot, kiosk_window, "xq")
    tap(qtbot, kiosk_window, "Types of immunotherapy")
    assert kiosk_window.current_screen_name() == "section"


def test_spanish_search_ignores_accents_both_ways(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Español")
    tap(qtbot, kiosk_window, "Buscar")
    type_on_keyboard(qtbot, kiosk_window, "interleucí")  # the cards write it without
    assert "Citocinas" in visible_text(kiosk_window)
    field = find(kiosk_window, "Palabras para buscar")
    field.clear()
    qtbot.keyClicks(field, "celulas")  # a hardware keyboard works as well
    assert "células" in visible_text(kiosk_window).lower()
    tap(qtbot, kiosk_window, "English")  # kept through a change of language
    assert find(kiosk_window, "Search words").text() == "celulas"
    assert "We found no topic" in visible_text(kiosk_window)  # English cards say "cells"


def test_the_idle_reset_wipes_what_was_typed(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Search")
    type_on_keyboard(qtbot, kiosk_window, "anti")
    kiosk_window.session.reset()
    assert kiosk_window.current_screen_name() == "attract"
    screen = kiosk_window.screens["search"]
    assert screen.field.text() == "" and not screen.field.isUndoAvailable()
    assert screen.results.visible_tiles == []


def test_keypad_done_moves_to_the_first_result(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Search")
    field = find(kiosk_window, "Search words")
    qtbot.keyClicks(field, "antibod")
    tap(qtbot, kiosk_window, "Done")
    screen = kiosk_window.screens["search"]
    assert screen.results.visible_tiles[0].hasFocus()
    qtbot.keyClick(screen.results.visible_tiles[0], Qt.Key.Key_Return)
    assert kiosk_window.current_screen_name() == "topic"
