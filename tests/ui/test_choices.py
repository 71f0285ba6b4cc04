"""Choices a patient can see and a screen reader can say: radio chips, a tick box that wraps."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from kiosk.theme import Theme
from tests.ui.patient import find, tap
from tests.ui.test_callback_form import open_form_from_a_card
from tests.ui.test_staff import PIN, tap_corner

CONSENT = "A specialist may call me at this number"
CONSENT_ES = "Un especialista puede llamarme a este número"


def said(control) -> tuple[QAccessible.Role, bool]:
    """What assistive technology hears: the role, and whether it is checked."""
    interface = QAccessible.queryAccessibleInterface(control)
    return interface.role(), interface.state().checked


def test_form_choices_are_radio_buttons_and_a_check_box(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    radio, check = QAccessible.Role.RadioButton, QAccessible.Role.CheckBox
    assert said(find(window, "Any time")) == (radio, True)
    assert said(find(window, "Evening")) == (radio, False)
    tap(qtbot, window, "Evening")
    assert said(find(window, "Evening")) == (radio, True)
    assert said(find(window, "Any time")) == (radio, False)
    tap(qtbot, window, "Evening")  # tapping the chosen one again keeps it chosen
    assert said(find(window, "Evening")) == (radio, True)
    assert said(find(window, "In English")) == (radio, True)
    assert said(find(window, CONSENT)) == (check, False)
    tap(qtbot, window, CONSENT)
    assert said(find(window, CONSENT)) == (check, True)


def test_chosen_chips_look_different_by_at_least_3_to_1_in_both_themes(qtbot, kiosk_window):
    """Rendered, not only the tokens: the chosen chip's fill against the unchosen one's."""
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    for contrast in (False, True):
        window.session.set_high_contrast(contrast)
        QApplication.processEvents()
        palette = Theme.load().palette(contrast)
        for name, fill in (("Any time", "choice_selected"), ("Evening", "choice")):
            chip = find(window, name)
            image = chip.grab().toImage()
            assert image.pixelColor(chip.width() - 12, chip.height() // 2).name() == palette[fill]


def test_the_consent_box_is_big_and_its_words_toggle_it(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    box = find(window, CONSENT)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert indicator.width() >= 60 and indicator.height() >= 60
    words = box.words.geometry().center()  # a tap on the words, not the box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=words)
    assert box.isChecked()


def test_the_consent_words_wrap_at_200_percent_in_spanish_on_a_portrait_screen(qtbot, kiosk_window):
    window = kiosk_window
    window.resize(1080, 1920)
    window.session.set_text_size(200)
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Contactar a un especialista")
    box = find(window, CONSENT_ES)
    QApplication.processEvents()
    label = box.words
    metrics = label.fontMetrics()
    assert metrics.horizontalAdvance(CONSENT_ES) > label.width()  # too long for one line...
    assert label.height() >= label.heightForWidth(label.width()) > metrics.height() * 1.5
    assert all(metrics.horizontalAdvance(w) <= label.width() for w in CONSENT_ES.split())
    assert box.mapTo(window, QPoint(box.width(), 0)).x() <= window.width()  # never cut off
    assert box.height() >= box.heightForWidth(box.width()) - 1


def test_staff_panel_modes_are_radio_buttons_and_contrast_a_check_box(qtbot, kiosk_window):
    window = kiosk_window
    window.services.staff.set_pin(PIN)
    tap_corner(qtbot, window)
    for digit in PIN:
        tap(qtbot, window, digit)
    tap(qtbot, window, "OK")
    radio, check = QAccessible.Role.RadioButton, QAccessible.Role.CheckBox
    assert said(find(window, "Patient mode")) == (radio, True)
    assert said(find(window, "Signage mode")) == (radio, False)
    assert said(find(window, "High contrast")) == (check, False)
    tap(qtbot, window, "High contrast")
    assert said(find(window, "High contrast")) == (check, True)
    assert window.services.staff.defaults().high_contrast
