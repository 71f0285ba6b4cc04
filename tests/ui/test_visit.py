"""A patient's visit, tapped through by accessible name the way a screen reader finds things."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl

from tests.ui.patient import find, tap, visible_text


def test_kiosk_starts_on_home_with_every_section(kiosk_window):
    assert kiosk_window.current_screen_name() == "home"
    text = visible_text(kiosk_window)
    for section in ("Immunotherapy basics", "Your immune system", "Types of immunotherapy"):
        assert section in text
    assert "4 topics" in text  # plural forms come from the translation files


def test_patient_opens_section_card_related_card_and_goes_back(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    assert kiosk_window.current_screen_name() == "section"
    assert "Why cancer can hide" in visible_text(kiosk_window)

    tap(qtbot, kiosk_window, "How your immune system works")
    assert kiosk_window.current_screen_name() == "topic"
    text = visible_text(kiosk_window)
    assert "antigens" in text and "Reviewed: November 28, 2026" in text

    tap(qtbot, kiosk_window, "Why cancer can hide")  # a related topic
    assert "mutated" in visible_text(kiosk_window)

    tap(qtbot, kiosk_window, "Back")
    assert "antigens" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "Back")
    assert kiosk_window.current_screen_name() == "section"
    tap(qtbot, kiosk_window, "Home")
    assert kiosk_window.current_screen_name() == "home"
    assert not find(kiosk_window, "Back").isEnabled()


def test_link_inside_a_card_opens_that_card(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "Why cancer can hide")
    body = kiosk_window.current_screen().body
    body.anchorClicked.emit(QUrl("card:lab-made-helpers"))
    assert "Helpers made in a lab" in visible_text(kiosk_window)


def test_card_image_is_served_from_the_store(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    body = kiosk_window.current_screen().body
    qtbot.waitUntil(lambda: not body.decoding)  # decoded off the UI thread
    image = body.loadResource(2, QUrl("asset:cards/images/antibodies.svg"))
    assert image is not None and not image.isNull() and image.width() > 100
    assert None not in body.images.values()  # the picture itself, not a placeholder
    shown = body.document().resource(2, QUrl("asset:cards/images/antibodies.svg"))
    assert shown.size() == image.size()  # the placeholder it replaced is width x width/4
    assert image.height() != image.width() // 4
    assert body.loadResource(2, QUrl("https://example.org/x.png")) is None
    assert body.loadResource(2, QUrl("file:///etc/passwd")) is None


def test_switching_language_changes_words_and_content_on_the_same_screen(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    tap(qtbot, kiosk_window, "Español")
    assert kiosk_window.current_screen_name() == "topic"
    text = visible_text(kiosk_window)
    assert "Cómo funciona su sistema inmunitario" in text
    assert "Revisado: 28 de noviembre de 2026" in text
    tap(qtbot, kiosk_window, "Atrás")  # the controls now speak Spanish too
    assert "Por qué el cáncer puede esconderse" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "Inicio")
    assert "4 temas" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "English")
    assert "Immunotherapy basics" in visible_text(kiosk_window)


def test_text_size_grows_and_shrinks_in_steps(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    body = kiosk_window.current_screen().body
    start = body.height()
    tap(qtbot, kiosk_window, "Text and colors")
    assert find(kiosk_window, "Text size 100 %").isChecked()  # the current size shows
    assert "Text size: 100 %" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "Text size 200 %")
    assert kiosk_window.session.text_size == 200
    assert find(kiosk_window, "Text size 200 %").isChecked()
    assert "Text size: 200 %" in visible_text(kiosk_window)
    assert body.height() > start * 1.5  # the same card now needs far more room
    tap(qtbot, kiosk_window, "Text size 160 %")
    assert kiosk_window.session.text_size == 160


def test_finger_drag_on_the_card_scrolls_it(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    screen = kiosk_window.current_screen()
    bar = screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out: the card is longer than the screen
    qtbot.waitUntil(lambda: screen.finger_scrolls)  # set up once the screen is first painted
    assert bar.value() == 0
    finger = screen.body.viewport()
    qtbot.mousePress(finger, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    for step in range(1, 16):
        qtbot.wait(16)  # a finger moves at the screen's pace (60 Hz), not all at once
        qtbot.mouseMove(finger, QPoint(400, 400 - 20 * step))
    qtbot.mouseRelease(finger, Qt.MouseButton.LeftButton, pos=QPoint(400, 100))
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    assert screen.body.textCursor().selectedText() == ""  # dragging never selects card text


def test_new_content_shown_on_home_is_announced_as_shown(qtbot, kiosk_window):
    """What lets a downloaded version become the one a corrupt store is rebuilt from."""
    with qtbot.waitSignal(kiosk_window.content_shown, timeout=5000):
        kiosk_window.content_changed.emit()  # as the sync thread does after an update
    assert kiosk_window.current_screen_name() == "home"


def test_every_tile_has_its_icon_and_a_section_page_says_what_it_holds(qtbot, kiosk_window):
    home = kiosk_window.current_screen()
    for grid in (home.sections, home.starters):
        assert all(tile.icon_label.isVisibleTo(home) for tile in grid.visible_tiles)
    tap(qtbot, kiosk_window, "Types of immunotherapy")
    section = kiosk_window.current_screen()
    assert section.icon.isVisible() and section.icon.pixmap().width() >= 100  # its large icon
    assert "4 short topics to read at your own pace" in visible_text(kiosk_window)
    assert all(tile.icon_label.isVisibleTo(section) for tile in section.cards.visible_tiles)
    tap(qtbot, kiosk_window, "Cytokines")
    topic = kiosk_window.current_screen()
    assert all(tile.icon_label.isVisibleTo(topic) for tile in topic.related.visible_tiles)


def test_a_card_ends_with_its_next_steps_and_its_pictures_have_captions(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    topic = kiosk_window.current_screen()
    steps = topic.next_steps
    # At 1280x800 the card and a side pane do not both fit: the steps follow the card.
    assert not topic.beside
    qtbot.waitUntil(lambda: not topic.body.decoding)  # its picture in, the card at its height
    qtbot.waitUntil(lambda: topic.body.geometry().bottom() < steps.geometry().top())
    assert steps.isAncestorOf(topic.read_aloud)  # shown where a voice works (test_read_aloud)
    for name in ("Contact a specialist", "Why cancer can hide"):
        assert steps.isAncestorOf(find(kiosk_window, name)), name
    assert "What you can do next" in visible_text(kiosk_window)
    # The picture's words show under it as its caption.
    assert "A round germ covered with small Y-shaped antibodies" in topic.body.toPlainText()
    # On a wide screen the steps stand beside the card, in reach from its first line.
    kiosk_window.resize(1920, 1080)
    qtbot.waitUntil(lambda: topic.beside)
    assert topic.side.isAncestorOf(steps) and topic.side_area.isVisible()
    body_right = lambda: topic.body.mapTo(topic, QPoint(topic.body.width(), 0)).x()  # noqa: E731
    qtbot.waitUntil(lambda: topic.side_area.mapTo(topic, QPoint(0, 0)).x() > body_right())
    kiosk_window.resize(1280, 800)
    qtbot.waitUntil(lambda: not topic.beside)
    assert not topic.side.isAncestorOf(steps)
