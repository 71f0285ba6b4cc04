"""A kiosk that cannot send a callback request never promises a call."""

from __future__ import annotations

import pytest

from kiosk.config import Config
from kiosk.health.checks import failed_checks
from kiosk.health.english import check_sentence
from tests.ui.conftest import DELIVERING
from tests.ui.patient import tap, visible_text

INSTEAD = "Please ask at the front desk if you would like to talk to a specialist."
INSTEAD_ES = "Si desea hablar con un especialista, por favor pregunte en la recepción."


@pytest.fixture
def config() -> Config:
    return Config()  # no callbacks.endpoint


def assert_not_offered(window, instead: str) -> None:
    text = visible_text(window)
    assert "Contact a specialist" not in text and "Contactar a un especialista" not in text
    assert instead in text


def test_no_endpoint_no_contact_a_specialist_anywhere(qtbot, kiosk_window, config):
    window = kiosk_window
    assert_not_offered(window, INSTEAD)  # home
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "Why cancer can hide")
    assert_not_offered(window, INSTEAD)  # a card
    tap(qtbot, window, "Español")
    assert_not_offered(window, INSTEAD_ES)
    tap(qtbot, window, "Inicio")
    assert_not_offered(window, INSTEAD_ES)
    status = window.services.status()
    lines = [check_sentence(check) for check in failed_checks(status, config)]
    assert any("No callback endpoint" in line for line in lines)


@pytest.mark.parametrize(
    "config",
    [
        Config().replace(
            callbacks__unavailable_message__en="Ask Test Clinic's desk, or call 555-0100.",
            callbacks__secret="",  # an endpoint but no secret: nothing can be sent either
            callbacks__endpoint="https://callbacks.example.invalid/in",
        )
    ],
)
def test_the_clinic_says_what_to_do_instead(qtbot, kiosk_window):
    assert_not_offered(kiosk_window, "Ask Test Clinic's desk, or call 555-0100.")


@pytest.mark.parametrize("config", [Config().replace(**DELIVERING)])
def test_a_kiosk_that_can_send_offers_it(qtbot, kiosk_window):
    assert "Contact a specialist" in visible_text(kiosk_window)
    assert INSTEAD not in visible_text(kiosk_window)
