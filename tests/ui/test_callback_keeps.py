"""A patient's typing is never lost by their own actions, and mistakes are easy to find and fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kiosk.theme import Theme
from tests.ui.patient import find, tap, visible_text
from tests.ui.test_accessibility import press
from tests.ui.test_callback_form import FAKE_PHONE, activate, open_form_from_a_card, type_keys
from tests.ui.test_callback_form import fill_the_form as filled


def fill_the_form(qtbot, window) -> None:
    filled(qtbot, window, "Evening", "En español")


def assert_form_as_filled(window) -> None:
    form = window.screen("callback").form
    assert form.name.text() == "Tesa" and form.phone.text() == FAKE_PHONE
    assert form.best_time() == "evening" and form.language() == "es"
    assert form.consent.isChecked()
    assert form.name.isUndoAvailable()  # even the undo history stays while the patient is here
    assert window.screen("callback").topic == "why-cancer-can-hide"


def test_contrast_text_size_and_language_keep_every_field(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    fill_the_form(qtbot, window)
    tap(qtbot, window, "Text and colors")
    tap(qtbot, window, "High contrast")
    assert window.session.high_contrast
    assert_form_as_filled(window)
    tap(qtbot, window, "Text size 130 %")
    assert window.session.text_size > 100
    assert_form_as_filled(window)
    tap(qtbot, window, "Español")
    assert_form_as_filled(window)
    assert "Por qué el cáncer puede esconderse" in visible_text(window)  # the topic, in Spanish
    assert find(window, "Noche").isChecked()

    tap(qtbot, window, "Inicio")  # leaving wipes it
    tap(qtbot, window, "Contactar a un especialista")
    form = window.screen("callback").form
    assert form.name.text() == "" and not form.name.isUndoAvailable()
    assert not form.consent.isChecked() and form.best_time() == "any"


def test_the_confirmation_and_its_reference_survive_a_change_of_language(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    fill_the_form(qtbot, window)
    tap(qtbot, window, "Send request")
    line = next(t for t in visible_text(window).splitlines() if t.startswith("Your reference: "))
    reference = line.removeprefix("Your reference: ")

    tap(qtbot, window, "Español")  # a relative reads it in Spanish
    text = visible_text(window)
    assert f"Su número de referencia: {reference}" in text
    assert "Gracias. Recibimos su solicitud." in text and "0123" in text
    tap(qtbot, window, "Texto y colores")
    tap(qtbot, window, "Alto contraste")
    assert f"Su número de referencia: {reference}" in visible_text(window)
    tap(qtbot, window, "English")
    assert f"Your reference: {reference}" in visible_text(window)

    tap(qtbot, window, "Back to the topics")
    assert window.current_screen_name() == "home"
    assert reference not in visible_text(window)
    tap(qtbot, window, "Contact a specialist")
    assert reference not in visible_text(window) and "Send request" in visible_text(window)


def test_back_from_the_topic_picker_returns_to_the_form_as_it_was(qtbot, kiosk_window):
    window = kiosk_window
    activate(qtbot, window)
    open_form_from_a_card(qtbot, window)
    fill_the_form(qtbot, window)
    tap(qtbot, window, "Change topic")
    assert "What would you like to talk about?" in visible_text(window)
    tap(qtbot, window, "Back")
    assert window.current_screen_name() == "callback"
    assert_form_as_filled(window)

    tap(qtbot, window, "Change topic")
    press(qtbot, window, Qt.Key.Key_Escape)  # the keypad path's Back
    assert "Send request" in visible_text(window)
    assert_form_as_filled(window)

    tap(qtbot, window, "Change topic")
    tap(qtbot, window, "Cytokines")
    assert window.screen("callback").topic == "cytokines"
    assert "Cytokines" in visible_text(window)
    assert find(window, "First name").text() == "Tesa"
    tap(qtbot, window, "Back")  # out of the form now: back to the card it came from
    assert window.current_screen_name() == "topic"
    tap(qtbot, window, "Contact a specialist")
    assert find(window, "First name").text() == ""


def assert_shows_above_the_keyboard_with_ring_and_caret(window, field) -> None:
    screen = window.screen("callback")
    QApplication.processEvents()
    assert QApplication.focusWidget() is field and field.hasFocus()
    assert field.cursorPosition() == len(field.text())  # the caret is after the last letter
    viewport = screen.form_scroll.viewport()
    top_left = field.mapTo(viewport, QPoint(0, 0))
    assert viewport.rect().contains(top_left), f"{field.accessibleName()} is scrolled away"
    bottom = field.mapTo(window, QPoint(0, field.height()))
    assert bottom.y() <= screen.keyboard.mapTo(window, QPoint(0, 0)).y(), "under the keyboard"
    ring = Theme.load().palette(window.session.high_contrast)["focus_on_light"]
    image = field.grab().toImage()
    assert image.pixelColor(2, field.height() // 2).name() == ring  # the focus ring is drawn


@pytest.mark.parametrize(("size", "text_size"), [((1280, 800), 100), ((1920, 1080), 200)])
def test_the_field_being_typed_in_shows_above_the_keyboard(qtbot, kiosk_window, size, text_size):
    window = kiosk_window
    window.resize(*size)
    window.session.set_text_size(text_size)
    activate(qtbot, window)
    open_form_from_a_card(qtbot, window)
    tap(qtbot, window, "First name")
    type_keys(qtbot, window, "Te")
    assert_shows_above_the_keyboard_with_ring_and_caret(window, find(window, "First name"))
    tap(qtbot, window, "Done")
    type_keys(qtbot, window, "202")
    assert_shows_above_the_keyboard_with_ring_and_caret(window, find(window, "Phone number"))


def test_each_error_goes_as_soon_as_its_field_is_right(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    tap(qtbot, window, "Send request")
    text = visible_text(window)
    for message in (
        "Please enter your first name.",
        "Please enter a phone number.",
        "Please tick the box so a specialist may call you.",
    ):
        assert text.count(message) >= 2, message  # in the summary, and beside its field

    tap(qtbot, window, "Please enter your first name.")
    type_keys(qtbot, window, "Ana")
    text = visible_text(window)
    assert "Please enter your first name." not in text
    assert "Please enter a phone number." in text

    tap(qtbot, window, "Please enter a phone number.")
    type_keys(qtbot, window, "20255")
    assert "This number does not look complete. Please check it." in visible_text(window)
    type_keys(qtbot, window, FAKE_PHONE[5:])
    assert "Please check it." not in visible_text(window)

    tap(qtbot, window, "A specialist may call me at this number")
    text = visible_text(window)
    assert "Please tick the box" not in text and "There is a problem" not in text


@pytest.mark.parametrize("field", ["First name", "Phone number"])
def test_a_line_of_the_summary_takes_the_patient_to_its_field(qtbot, kiosk_window, field):
    window = kiosk_window
    window.session.set_text_size(200)
    activate(qtbot, window)
    open_form_from_a_card(qtbot, window)
    tap(qtbot, window, "Send request")
    screen = window.screen("callback")
    assert screen.form_scroll.verticalScrollBar().value() == 0  # the summary shows first
    message = {"First name": "Please enter your first name.", "Phone number": ""}[field]
    tap(qtbot, window, message or "Please enter a phone number.")
    control = find(window, field)
    assert screen.keyboard.target is control and screen.keyboard.isVisible()
    assert_shows_above_the_keyboard_with_ring_and_caret(window, control)


def test_the_idle_reset_wipes_the_form_and_the_confirmation(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    fill_the_form(qtbot, window)
    tap(qtbot, window, "Send request")
    assert "Your reference: " in visible_text(window)
    window.session.reset()
    screen = window.screen("callback")
    assert screen.done_page.receipt is None and screen.done_page.reference.text() == ""
    assert not screen.open
