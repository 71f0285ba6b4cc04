"""Text size and contrast restyle screens in place: nothing a patient did on them is lost,
and the screens not showing wait to be restyled until they show again."""

from __future__ import annotations

from tests.ui.patient import find, tap, visible_text
from tests.ui.test_callback_form import FAKE_PHONE, open_form_from_a_card, type_keys


def larger_text(qtbot, window) -> None:
    tap(qtbot, window, "Text and colors")
    tap(qtbot, window, "Text size 130 %")
    tap(qtbot, window, "Text and colors")  # and close the options again


def test_a_topic_keeps_its_screen_and_scroll_position_through_larger_text(qtbot, kiosk_window):
    window = kiosk_window
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    screen = window.current_screen()
    bar = screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 300)
    bar.setValue(300)  # the patient has read down the card
    larger_text(qtbot, window)
    assert window.current_screen() is screen  # the same widgets, restyled
    assert window.sheets.is_current(screen)
    assert bar.value() >= 300  # still where they were reading, or further on as text grew
    assert "antigens" in visible_text(window)
    tap(qtbot, window, "Text and colors")
    tap(qtbot, window, "High contrast")
    assert window.current_screen() is screen and bar.value() >= 300


def test_hidden_screens_are_kept_and_restyled_only_when_shown_again(qtbot, kiosk_window):
    window = kiosk_window
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    topic, section, home = (window.screens[name] for name in ("topic", "section", "home"))
    small = topic.title.font().pixelSize()
    tap(qtbot, window, "Home")
    larger_text(qtbot, window)
    assert window.sheets.is_current(home)
    assert not window.sheets.is_current(topic) and not window.sheets.is_current(section)
    assert topic.title.font().pixelSize() == small  # not restyled while nobody sees it
    tap(qtbot, window, "Your immune system")
    assert window.screens["section"] is section and window.sheets.is_current(section)
    assert not window.sheets.is_current(topic)
    tap(qtbot, window, "How your immune system works")
    assert window.screens["topic"] is topic and window.sheets.is_current(topic)
    assert topic.title.font().pixelSize() == home.title.font().pixelSize() > small


def test_the_form_keeps_what_was_typed_through_larger_text_and_contrast(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    screen = window.current_screen()
    type_keys(qtbot, window, "Tesa")
    larger_text(qtbot, window)
    tap(qtbot, window, "Text and colors")
    tap(qtbot, window, "High contrast")
    assert window.current_screen() is screen
    assert screen.form.name.text() == "Tesa"
    tap(qtbot, window, "Phone number")
    type_keys(qtbot, window, FAKE_PHONE)
    tap(qtbot, window, "Text size 100 %")
    assert screen.form.phone.text() == FAKE_PHONE and screen.form.name.text() == "Tesa"
    assert find(window, "Send request").isVisible()


def test_a_new_screen_is_built_in_the_current_style(qtbot, kiosk_window):
    window = kiosk_window
    larger_text(qtbot, window)
    tap(qtbot, window, "Your immune system")
    section = window.current_screen()
    assert window.sheets.is_current(section)
    title_px = section.title.font().pixelSize()
    home_px = window.screens["home"].title.font().pixelSize()
    assert title_px == home_px > 0


def test_the_idle_notice_opens_in_the_visits_style(qtbot, kiosk_window):
    window = kiosk_window
    larger_text(qtbot, window)
    assert not window.sheets.is_current(window.notice)  # hidden: not restyled for nothing
    window.idle.warn.emit()
    qtbot.waitUntil(window.notice.isVisible)
    assert window.sheets.is_current(window.notice)
    assert find(window, "Yes, I am still here").isVisible()
