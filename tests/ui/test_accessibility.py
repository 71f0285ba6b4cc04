"""Assistive technology, high contrast, and the keypad path (no touch at all)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.patient import find, tap, visible_controls, visible_text
from tests.ui.test_touch_targets import each_screen


def test_every_visible_control_exposes_name_and_role_to_assistive_technology(qtbot, kiosk_window):
    for screen in each_screen(qtbot, kiosk_window):
        names = []
        for control in visible_controls(kiosk_window):
            interface = QAccessible.queryAccessibleInterface(control)
            assert interface is not None and interface.isValid(), screen
            name = interface.text(QAccessible.Text.Name)
            assert name.strip(), f"a {type(control).__name__} on {screen} has no name"
            assert interface.role() in (
                QAccessible.Role.Button,
                QAccessible.Role.CheckBox,
                QAccessible.Role.RadioButton,
            ), f"{name!r} on {screen} has role {interface.role()}"
            names.append(name)
        assert len(names) == len(set(names)), f"duplicate names on {screen}: {sorted(names)}"


def test_high_contrast_switches_the_whole_kiosk_and_the_reset_switches_it_back(qtbot, kiosk_window):
    window = kiosk_window
    tap(qtbot, window, "Text and colors")
    tap(qtbot, window, "High contrast")
    assert window.session.high_contrast
    for part in (window.nav_bar, window.current_screen()):
        assert "background: #000000" in part.styleSheet()
    assert "background: #000000" not in window.notice.styleSheet()  # restyled as it opens
    assert find(window, "High contrast").isChecked()
    tap(qtbot, window, "Text size 200 %")
    restyled = window.sheets.restyled
    window.session.reset()  # back to the attract loop, which was never shown in this style
    assert not window.session.high_contrast
    assert window.current_screen_name() == "attract"
    assert "background: #000000" not in window.current_screen().styleSheet()
    assert "background: #000000" not in window.nav_bar.styleSheet()
    # text size and contrast back at once: each part restyled once, not twice (the top bar,
    # the attract loop)
    assert window.sheets.restyled - restyled == 2


def press(qtbot, window: QWidget, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)


def focus_on(qtbot, window: QWidget, name: str, limit: int = 60) -> None:
    """Press Down until the control called `name` has the focus."""
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is not None and focused.accessibleName() == name:
            return
        press(qtbot, window, Qt.Key.Key_Down)
    raise AssertionError(f"Down never reached {name!r}")


def test_a_whole_visit_with_keys_only(qtbot, kiosk_window):
    kiosk_window.activateWindow()
    qtbot.waitUntil(kiosk_window.isActiveWindow)
    focus_on(qtbot, kiosk_window, "Your immune system")
    press(qtbot, kiosk_window, Qt.Key.Key_Return)
    assert kiosk_window.current_screen_name() == "section"
    focus_on(qtbot, kiosk_window, "How your immune system works")
    press(qtbot, kiosk_window, Qt.Key.Key_Return)
    assert "antigens" in visible_text(kiosk_window)
    press(qtbot, kiosk_window, Qt.Key.Key_Escape)
    assert kiosk_window.current_screen_name() == "section"
    press(qtbot, kiosk_window, Qt.Key.Key_Escape)
    assert kiosk_window.current_screen_name() == "home"
    focus_on(qtbot, kiosk_window, "Contact a specialist")
    press(qtbot, kiosk_window, Qt.Key.Key_Return)
    assert kiosk_window.current_screen_name() == "callback"


def test_keys_move_in_reading_order_from_the_first_control(qtbot, kiosk_window):
    """The first Down on a screen goes to its first control, then down the page as it reads:
    the bar, then the section tiles, and Contact a specialist last."""
    kiosk_window.activateWindow()
    qtbot.waitUntil(kiosk_window.isActiveWindow)
    kiosk_window.navigator.to_attract()
    attract = kiosk_window.current_screen()
    attract.stop()  # the highlight holds still while the keys move
    press(qtbot, kiosk_window, Qt.Key.Key_Down)  # the highlight first, as it reads
    assert QApplication.focusWidget() is attract.highlight
    press(qtbot, kiosk_window, Qt.Key.Key_Down)
    assert QApplication.focusWidget().accessibleName() == "Touch to start"
    press(qtbot, kiosk_window, Qt.Key.Key_Return)
    assert kiosk_window.current_screen_name() == "home"
    names = []
    for _ in range(len(kiosk_window.keypad.controls())):
        press(qtbot, kiosk_window, Qt.Key.Key_Down)
        names.append(QApplication.focusWidget().accessibleName())
    assert names[:5] == ["Home", "Search", "Text and colors", "English", "Español"]  # Back is off
    assert names[5:7] == ["Immunotherapy basics", "Your immune system"]
    assert names[-1] == "Contact a specialist"
    contact = QApplication.focusWidget()
    viewport = kiosk_window.current_screen().scroll.viewport()
    shown = contact.mapTo(viewport, contact.rect().bottomLeft())
    assert 0 <= shown.y() <= viewport.height()  # scrolled into view with the focus
    press(qtbot, kiosk_window, Qt.Key.Key_Down)
    assert QApplication.focusWidget().accessibleName() == "Home"  # round to the top again


def test_the_text_size_choices_stay_in_place_as_the_text_grows(qtbot, kiosk_window):
    """Tapping the same spot three times does the same thing: the bar and its sheet keep one
    size whatever the text size, so no "A" moves under the finger."""
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    tap(qtbot, kiosk_window, "Text and colors")

    def spots():
        QApplication.processEvents()
        names = [f"Text size {p} %" for p in (100, 130, 160, 200)] + ["High contrast", "Home"]
        return {n: find(kiosk_window, n).mapTo(kiosk_window, QPoint(0, 0)) for n in names}

    before = spots()
    for size in (130, 160, 200):
        tap(qtbot, kiosk_window, f"Text size {size} %")
        assert kiosk_window.session.text_size == size
        assert find(kiosk_window, f"Text size {size} %").isChecked()
        assert spots() == before


def test_a_portrait_screen_puts_the_bar_at_the_bottom_within_reach(qtbot, kiosk_window):
    kiosk_window.resize(1080, 1920)
    qtbot.waitUntil(lambda: kiosk_window.bar_at_bottom)
    bar = kiosk_window.nav_bar
    qtbot.waitUntil(lambda: bar.geometry().bottom() == kiosk_window.height() - 1)
    assert kiosk_window.stack.geometry().bottom() < bar.geometry().top()
    tap(qtbot, kiosk_window, "Text and colors")  # the sheet opens above the bar's buttons
    QApplication.processEvents()
    sheet = find(kiosk_window, "Text size 200 %").mapTo(kiosk_window, QPoint(0, 0))
    home = find(kiosk_window, "Home").mapTo(kiosk_window, QPoint(0, 0))
    assert sheet.y() < home.y() and home.y() > kiosk_window.height() * 0.85
    kiosk_window.resize(1280, 800)
    qtbot.waitUntil(lambda: not kiosk_window.bar_at_bottom)
    qtbot.waitUntil(lambda: bar.geometry().top() == 0)  # once the window is laid out again
    assert kiosk_window.stack.geometry().top() > bar.geometry().bottom()
