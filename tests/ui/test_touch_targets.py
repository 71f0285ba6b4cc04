"""Every tappable control on every screen is big enough for a finger and has a clear name."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from kiosk.config import TEXT_SIZES
from kiosk.ui.widgets.buttons import TileButton
from kiosk.ui.widgets.choices import TickBox
from tests.ui.patient import tap, visible_controls
from tests.ui.test_staff import PIN, tap_corner

MIN_TOUCH_PX = 60


def each_screen(qtbot, window):
    """Walk through every screen a patient can reach, yielding its name once it is laid out."""
    for name in _walk(qtbot, window):
        # A top bar that wraps to a second line re-lays the screen under it in a second pass.
        for _ in range(4):
            QApplication.processEvents()
        yield name


def _walk(qtbot, window):
    yield "home"
    tap(qtbot, window, "Your immune system")
    yield "section"
    tap(qtbot, window, "How your immune system works")
    yield "topic"
    tap(qtbot, window, "Text and colors")
    yield "topic with text and colors open"
    tap(qtbot, window, "Contact a specialist")
    yield "callback form"
    tap(qtbot, window, "Phone number")
    yield "callback form with the phone keypad"
    tap(qtbot, window, "Change topic")
    yield "callback topic picker"
    tap(qtbot, window, "Back")
    window.notice.open(30)
    yield "idle notice"
    window.notice.close_notice()
    window.session.reset()
    yield "attract"


@pytest.mark.parametrize("text_size", [TEXT_SIZES[0], TEXT_SIZES[-1]])
def test_controls_are_at_least_60_px_and_do_not_overlap(qtbot, kiosk_window, text_size):
    kiosk_window.session.set_text_size(text_size)
    for screen in each_screen(qtbot, kiosk_window):
        controls = visible_controls(kiosk_window)
        assert controls, screen
        for control in controls:
            size = control.size()
            assert size.width() >= MIN_TOUCH_PX and size.height() >= MIN_TOUCH_PX, (
                f"{control.accessibleName()!r} on {screen} is {size.width()}x{size.height()}"
            )
        # Only what shows counts: a button scrolled half under the keyboard is clipped there.
        rects = [
            (c, c.visibleRegion().boundingRect().translated(c.mapTo(kiosk_window, QPoint(0, 0))))
            for c in controls
        ]
        for i, (a, ra) in enumerate(rects):
            for b, rb in rects[i + 1 :]:
                if a.isAncestorOf(b) or b.isAncestorOf(a):
                    continue
                assert not ra.intersects(rb), (
                    f"{a.accessibleName()!r} overlaps {b.accessibleName()!r}"
                )


def test_every_control_has_a_unique_name_on_each_screen(qtbot, kiosk_window):
    for screen in each_screen(qtbot, kiosk_window):
        names = [c.accessibleName() for c in visible_controls(kiosk_window)]
        assert all(name.strip() for name in names), f"unnamed control on {screen}"
        assert len(names) == len(set(names)), f"duplicate names on {screen}: {sorted(names)}"


def test_button_names_are_what_the_buttons_say(qtbot, kiosk_window):
    """Words on a button are its name. The one exception is the text-size choices, whose
    "A"s (a letter, each larger) are named for the size they choose: "Text size 130 %"."""
    for screen in each_screen(qtbot, kiosk_window):
        for control in visible_controls(kiosk_window):
            if control.objectName().startswith("TextSize"):
                assert control.text() == "A"
                assert re.fullmatch(r"Text size \d+ %", control.accessibleName()), screen
            elif control.text():
                assert control.accessibleName() == control.text(), screen


def test_at_the_largest_text_every_button_shows_all_its_words(qtbot, kiosk_window):
    """At 200 % nothing is cut off: each button is at least as wide as its words need."""
    kiosk_window.session.set_text_size(TEXT_SIZES[-1])
    for screen in each_screen(qtbot, kiosk_window):
        assert_words_fit(kiosk_window, screen)


@pytest.mark.parametrize("language", ["English", "Español"])
def test_the_staff_panel_shows_all_its_words_at_the_largest_text(qtbot, kiosk_window, language):
    """Staff may open the panel right after a patient chose the largest text, in Spanish."""
    kiosk_window.services.staff.set_pin(PIN)
    kiosk_window.session.set_text_size(TEXT_SIZES[-1])
    tap(qtbot, kiosk_window, language)
    tap_corner(qtbot, kiosk_window)
    for digit in PIN:
        tap(qtbot, kiosk_window, digit)
    tap(qtbot, kiosk_window, "OK" if language == "English" else "Aceptar")
    assert kiosk_window.staff.panel.isVisible()
    QApplication.processEvents()
    assert_words_fit(kiosk_window, f"the staff panel in {language}")


def assert_words_fit(window, screen: str) -> None:
    for control in visible_controls(window):
        if isinstance(control, (TileButton, TickBox)):  # these wrap their words instead
            assert control.height() >= control.heightForWidth(control.width()) - 1, screen
            labels = [control.words] if isinstance(control, TickBox) else []
            for label in labels or (control.title_label, control.summary_label):
                metrics = label.fontMetrics()
                for word in label.text().split():  # but never cut a word in two
                    assert metrics.horizontalAdvance(word) <= label.contentsRect().width(), (
                        f"{word!r} is cut off in the tile {control.accessibleName()!r} on {screen}"
                    )
            continue
        need = control.sizeHint().width()  # the words plus the padding around them
        lines = control.fontMetrics().height()
        assert control.width() >= need and control.height() >= lines, (
            f"{control.accessibleName()!r} on {screen}: {control.width()}x{control.height()}"
            f" but its words need {need} wide and {lines} high"
        )
