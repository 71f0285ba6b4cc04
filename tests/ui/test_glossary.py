"""Glossary words in a card: tapped as a patient would (on the word in the card), their plain
definition opens over the card, can be read aloud, leads to a card, and closes by touch, by
Escape and on the idle reset; in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from tests.ui.patient import find, tap, visible_text


@pytest.fixture
def config():
    return Config().replace(speech__engine="mock")


def tap_word(qtbot, window, href: str) -> None:
    """Tap the middle of the linked word whose link is `href`, in the card on screen."""
    body = window.current_screen().body
    document = body.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                point = body.cursorRect(cursor).center()
                window.current_screen().scroll.ensureVisible(
                    *body.mapTo(window.current_screen().scroll.widget(), point).toTuple()
                )
                QApplication.processEvents()
                qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the card")


def test_a_tap_on_a_word_opens_its_meaning_then_the_card_about_it(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "Why cancer can hide")
    tap_word(qtbot, kiosk_window, "term:antigen")
    text = visible_text(kiosk_window)
    assert "A mark on the outside of a cell." in text
    tap(qtbot, kiosk_window, "Close")
    assert kiosk_window.screens["topic"].definition.isHidden()
    tap_word(qtbot, kiosk_window, "term:antigen")
    tap(qtbot, kiosk_window, "Read: How your immune system works")  # the topic about it
    assert kiosk_window.current_screen_name() == "topic"
    assert "How your immune system works" in visible_text(kiosk_window)
    assert kiosk_window.screens["topic"].definition.isHidden()


def test_the_meaning_is_read_aloud_in_the_cards_language(qtbot, kiosk_window):
    kiosk_window.speech.start()
    qtbot.waitUntil(lambda: kiosk_window.speech.available, timeout=5000)
    tap(qtbot, kiosk_window, "Español")
    tap(qtbot, kiosk_window, "Tipos de inmunoterapia")
    tap(qtbot, kiosk_window, "Citocinas")
    tap_word(qtbot, kiosk_window, "term:adjunct")
    assert "Un tratamiento extra" in visible_text(kiosk_window)
    spoken = []
    kiosk_window.speech.saying_word.connect(spoken.append)
    tap(qtbot, kiosk_window, "Leer en voz alta")
    qtbot.waitUntil(lambda: len(spoken) >= 2, timeout=5000)
    assert spoken[0] == "coadyuvante"
    kiosk_window.activateWindow()
    qtbot.waitUntil(kiosk_window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or kiosk_window, Qt.Key.Key_Escape)
    assert kiosk_window.screens["topic"].definition.isHidden()
    assert kiosk_window.current_screen_name() == "topic"  # Escape closed it, no more


def test_the_idle_reset_closes_the_meaning(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "Why cancer can hide")
    tap_word(qtbot, kiosk_window, "term:antigen")
    assert find(kiosk_window, "Close").isVisible()
    kiosk_window.session.reset()
    assert kiosk_window.screens["topic"].definition.isHidden()
    assert kiosk_window.current_screen_name() == "attract"


def test_the_words_of_a_card_are_reached_by_keys_too(qtbot, kiosk_window):
    from tests.ui.test_accessibility import focus_on, press

    kiosk_window.activateWindow()
    qtbot.waitUntil(kiosk_window.isActiveWindow)
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "Why cancer can hide")
    assert "Words on this card" in visible_text(kiosk_window)
    focus_on(qtbot, kiosk_window, "antigen")
    press(qtbot, kiosk_window, Qt.Key.Key_Return)
    assert "A mark on the outside of a cell." in visible_text(kiosk_window)
    assert QApplication.focusWidget().accessibleName() == "Close"
    press(qtbot, kiosk_window, Qt.Key.Key_Down)  # the keys stay on the definition
    assert kiosk_window.screens["topic"].definition.isAncestorOf(QApplication.focusWidget())
    press(qtbot, kiosk_window, Qt.Key.Key_Escape)
    assert kiosk_window.screens["topic"].definition.isHidden()
