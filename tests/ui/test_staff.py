"""Staff: the hidden way in, PIN and lockout, modes that stick, a kiosk no patient can leave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from kiosk.staff import modes
from tests.ui.patient import find, tap, visible_controls, visible_text

PIN = "482913"


def tap_corner(qtbot, window, times: int = 5) -> None:
    corner = QPoint(window.width() - 5, 5)
    for _ in range(times):
        target = window.childAt(corner) or window
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))


def enter_pin(qtbot, window, pin: str) -> None:
    for digit in pin:
        tap(qtbot, window, digit)
    tap(qtbot, window, "OK")


@pytest.fixture
def staffed(kiosk_window):
    kiosk_window.services.staff.set_pin(PIN)
    return kiosk_window


def test_without_a_pin_the_gesture_does_nothing(qtbot, kiosk_window):
    tap_corner(qtbot, kiosk_window)
    assert not kiosk_window.staff.pad.isVisible()


def test_a_few_taps_or_taps_elsewhere_do_not_open_the_pad(qtbot, staffed):
    tap_corner(qtbot, staffed, times=4)
    tap(qtbot, staffed, "Your immune system")
    tap_corner(qtbot, staffed, times=1)
    assert not staffed.staff.pad.isVisible()


def test_wrong_pins_lock_the_pad_and_the_lockout_survives_a_restart(qtbot, staffed, tmp_path):
    tap_corner(qtbot, staffed)
    assert staffed.staff.pad.isVisible()
    for _ in range(4):
        enter_pin(qtbot, staffed, "0000")
    assert "1 try left before a pause" in visible_text(staffed)
    enter_pin(qtbot, staffed, "0000")
    assert "Too many wrong tries. Try again in 1:00." in visible_text(staffed)
    for key in (*"0123456789", "OK", "Delete"):  # even the right PIN waits out the lockout
        assert not find(staffed, key).isEnabled(), key
    assert find(staffed, "Cancel").isEnabled()
    assert not staffed.staff.panel.isVisible()
    from kiosk.staff.state import StaffState

    again = StaffState(staffed.services.staff.path)
    assert again.locked_seconds() > 0
    actions = [(e.action, e.outcome) for e in again.recent_audit(20)]
    assert sum(a == "pin.attempt" and o.startswith("wrong") for a, o in actions) == 5
    assert all(PIN not in str(entry) for entry in again.recent_audit(50))
    again.close()


def test_the_lockout_counts_down_and_then_frees_the_keys(qtbot, staffed):
    state = staffed.services.staff
    now = [1_000_000.0]
    state.clock = lambda: now[0]
    tap_corner(qtbot, staffed)
    for _ in range(5):
        enter_pin(qtbot, staffed, "0000")
    assert "Try again in 1:00." in visible_text(staffed)
    now[0] += 15
    qtbot.waitUntil(lambda: "Try again in 0:45." in visible_text(staffed))
    keys = find(staffed, "5")
    now[0] += 50  # the minute is over
    qtbot.waitUntil(keys.isEnabled)
    assert "Too many wrong tries" not in visible_text(staffed)
    enter_pin(qtbot, staffed, PIN)
    assert staffed.staff.panel.isVisible()


def test_right_pin_opens_the_panel_and_modes_stick(qtbot, staffed):
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    assert staffed.staff.panel.isVisible()
    assert "Mode" in visible_text(staffed)

    tap(qtbot, staffed, "Out of service")
    tap(qtbot, staffed, "Close staff panel")
    assert staffed.current_screen_name() == "resting"
    assert "Our front desk team is happy to help you." in visible_text(staffed)
    assert visible_controls(staffed) == []  # nothing interactive while resting
    assert staffed.services.staff.mode == modes.OUT_OF_SERVICE

    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    tap(qtbot, staffed, "Signage mode")
    tap(qtbot, staffed, "Close staff panel")
    assert staffed.current_screen_name() == "attract"
    qtbot.mouseClick(staffed.current_screen(), Qt.MouseButton.LeftButton)
    assert staffed.current_screen_name() == "attract"  # a tap explains, it does not start
    assert "shows information only right now" in visible_text(staffed)

    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    tap(qtbot, staffed, "Patient mode")
    tap(qtbot, staffed, "Close staff panel")
    tap(qtbot, staffed, "Touch to start")
    assert staffed.current_screen_name() == "home"


def test_staff_defaults_are_what_the_idle_reset_returns_to(qtbot, staffed):
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    tap(qtbot, staffed, "Language: English")  # shows the default; a tap changes it
    tap(qtbot, staffed, "Close staff panel")
    staffed.session.reset()
    assert staffed.session.language == "es"


def test_panel_closes_itself_on_the_idle_reset_and_after_a_quiet_minute(qtbot, staffed):
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    staffed.session.reset()
    assert not staffed.staff.panel.isVisible()
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    staffed.staff.panel.timer.setInterval(30)
    staffed.staff.panel.timer.start()
    qtbot.waitUntil(lambda: not staffed.staff.panel.isVisible(), timeout=2000)


def test_a_touch_keeps_the_panel_open_through_the_windows_one_event_filter(qtbot, staffed):
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    panel = staffed.staff.panel
    panel.timer.stop()
    qtbot.mouseClick(panel.title, Qt.MouseButton.LeftButton)  # a touch on the panel's words
    assert panel.timer.isActive()  # the quiet minute starts again
    assert staffed.input_router.watchers.count(staffed.staff) == 1


def test_locked_down_kiosk_refuses_close_and_escape_keys(qtbot, staffed):
    staffed.lockdown.enabled = True
    staffed.allow_close = False
    event = QCloseEvent()
    QApplication.sendEvent(staffed, event)
    assert not event.isAccepted() and staffed.isVisible()
    for key, modifier in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(staffed, key, modifier)
        assert staffed.isVisible() and staffed.current_screen_name() == "home"
    assert staffed.lockdown.blocked >= 4

    tap(qtbot, staffed, "Your immune system")
    tap(qtbot, staffed, "How your immune system works")
    body = staffed.current_screen().body
    from PySide6.QtGui import QContextMenuEvent

    where = QPoint(10, 10)
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, body.mapToGlobal(where))
    QApplication.sendEvent(body.viewport(), menu)
    assert QApplication.activePopupWidget() is None


def test_status_on_the_panel_has_no_personal_data(qtbot, staffed, callbacks):
    from kiosk.callbacks.request import validate_request

    request = validate_request("Tesa", "+12025550123", "any", "en", "", True)
    callbacks.outbox.submit(request, "test-kiosk")
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    text = visible_text(staffed)
    assert "1" in text and "Tesa" not in text and "0123" not in text


def test_an_error_in_a_slot_is_logged_and_the_kiosk_goes_home(qtbot, kiosk_window, monkeypatch):
    import sys

    from kiosk.ui.recovery import recover_from_slot_errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    recover_from_slot_errors(kiosk_window.navigator.home)
    tap(qtbot, kiosk_window, "Your immune system")
    try:
        raise ZeroDivisionError("a bug in some slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: kiosk_window.current_screen_name() == "home", timeout=2000)


def test_exit_to_desktop_is_set_apart_marked_and_audited(qtbot, staffed):
    tap_corner(qtbot, staffed)
    enter_pin(qtbot, staffed, PIN)
    panel = staffed.staff.panel
    leave = find(staffed, "Exit to desktop")
    assert leave.property("role") == "danger"  # drawn in the error colour (kiosk.qss)
    below = leave.mapTo(panel, leave.rect().topLeft()).y()
    status = panel.status_view
    assert below > status.mapTo(panel, status.rect().bottomLeft()).y()  # after everything
    exits = []
    panel.exit_to_desktop = lambda: exits.append(True)  # not the test process itself
    tap(qtbot, staffed, "Exit to desktop")
    assert exits == [True]
    assert staffed.services.staff.recent_audit(1)[0].action == "kiosk.exit"
