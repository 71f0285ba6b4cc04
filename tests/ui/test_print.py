"""Print this card, where the clinic set a printer: printed here to a PDF file (Qt's PDF
output), then turned into pictures and text with poppler (pdftoppm, pdftotext) to check the
page a patient would take home, in the card's language, with its QR code and address."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kiosk.config import Config
from tests.ui.conftest import DELIVERING
from tests.ui.patient import tap, visible_text

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="needs poppler-utils (.ci/run installs it)"
)


@pytest.fixture
def config(tmp_path):
    return Config().replace(**DELIVERING, printing__printer=str(tmp_path / "card.pdf"))


def pages(pdf, out):
    """The PDF's pages as PNG pictures (kept in `out`, to look at) and its text."""
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(out / "page")], check=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return sorted(out.glob("page*.png")), text


def test_a_patient_prints_a_card_with_its_code_in_its_language(qtbot, kiosk_window, tmp_path):
    pdf = tmp_path / "card.pdf"
    tap(qtbot, kiosk_window, "Español")
    tap(qtbot, kiosk_window, "¿Qué es la inmunoterapia?")
    tap(qtbot, kiosk_window, "Imprimir esta tarjeta")
    assert "Su hoja se está imprimiendo" in visible_text(kiosk_window)
    assert pdf.stat().st_size > 0
    shots, text = pages(pdf, tmp_path)
    assert 1 <= len(shots) <= 3
    assert "¿Qué es la inmunoterapia?" in text and "Llévelo a casa" in text
    assert "Revisado: 28 de noviembre de 2026" in text
    address = "https://www.cancer.gov/espanol/cancer/tratamiento/tipos/inmunoterapia"
    assert address in text.replace("/\n", "/")  # a long address may wrap after a slash
    assert "What is immunotherapy" not in text  # the card's language only
    from PySide6.QtGui import QImage

    last = QImage(str(shots[-1]))
    dark = sum(
        last.pixelColor(x, y).lightness() < 80
        for x in range(0, last.width(), 2)
        for y in range(0, last.height(), 2)
    )
    assert dark > 200  # the QR code's modules, printed in black


def test_a_card_without_an_address_prints_without_a_code(qtbot, kiosk_window, tmp_path):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    tap(qtbot, kiosk_window, "Print this card")
    _, text = pages(tmp_path / "card.pdf", tmp_path)
    assert "How your immune system works" in text and "Take it home" not in text


def test_no_printer_configured_offers_no_printing(qtbot, kiosk_window, config, monkeypatch):
    screen = kiosk_window.screen("topic")
    screen.printer.destination = "no-such-printer-here"  # a CUPS name that is not there
    tap(qtbot, kiosk_window, "What is immunotherapy?")
    tap(qtbot, kiosk_window, "Print this card")
    assert "The printer is not working right now" in visible_text(kiosk_window)
