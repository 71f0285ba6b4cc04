"""Take it home: a card with a "more information" address shows its QR code and the address,
big enough for a phone at arm's length; the code holds exactly that address."""

from __future__ import annotations

import segno

from kiosk.ui.widgets.take_home import MIN_CODE_PX, QUIET_MODULES, qr_image
from tests.ui.patient import find, tap, visible_text

ADDRESS = "https://www.cancer.gov/about-cancer/treatment/types/immunotherapy"


def modules(image, size: int) -> list[list[bool]]:
    """Read the code back from the picture: dark or light at the middle of each module."""
    step = image.width() / (size + 2 * QUIET_MODULES)
    return [
        [
            image.pixelColor(
                int((QUIET_MODULES + x + 0.5) * step), int((QUIET_MODULES + y + 0.5) * step)
            ).lightness()
            < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_the_code_holds_the_address_and_is_big_enough():
    image = qr_image(ADDRESS)
    assert image.width() == image.height() >= MIN_CODE_PX
    expected = [[bool(v) for v in row] for row in segno.make(ADDRESS, error="m").matrix]
    assert modules(image, len(expected)) == expected


def test_a_card_shows_its_code_with_the_address_under_it(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "What is immunotherapy?")
    code = find(kiosk_window, f"QR code for {ADDRESS}")
    assert code.pixmap().width() >= MIN_CODE_PX
    text = visible_text(kiosk_window)
    assert "Take it home" in text and ADDRESS in text
    tap(qtbot, kiosk_window, "Español")
    spanish = "https://www.cancer.gov/espanol/cancer/tratamiento/tipos/inmunoterapia"
    assert find(kiosk_window, f"Código QR de {spanish}").isVisible()
    assert "Llévelo a casa" in visible_text(kiosk_window)


def test_a_card_without_an_address_shows_no_code(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    assert "Take it home" not in visible_text(kiosk_window)


def test_without_a_printer_there_is_no_print_button(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "What is immunotherapy?")
    assert "Print this card" not in visible_text(kiosk_window)
