"""Contact a specialist, as a patient does it: on-screen keys only, mistakes, then a reference."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLineEdit

from kiosk.config import Config
from tests.callbacks.conftest import SECRET
from tests.callbacks.receiver import doc_code
from tests.ui.patient import find, tap, visible_text

FAKE_PHONE = "2025550123"  # a 555 number: obviously not a real person's


def open_form_from_a_card(qtbot, window):
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "Why cancer can hide")
    tap(qtbot, window, "Contact a specialist")
    assert window.current_screen_name() == "callback"


def type_keys(qtbot, window, keys: str) -> None:
    """Type on the on-screen keyboard, one key tap at a time."""
    for key in keys:
        tap(qtbot, window, {" ": "Space"}.get(key, key))


def fill_the_form(qtbot, window, *choices: str) -> None:
    """Type a first name and the fake number on the keyboard, tap each of `choices` (a time,
    a call language), and give consent."""
    tap(qtbot, window, "First name")
    type_keys(qtbot, window, "Tesa")
    tap(qtbot, window, "Done")
    type_keys(qtbot, window, FAKE_PHONE)
    for choice in choices:
        tap(qtbot, window, choice)
    tap(qtbot, window, "A specialist may call me at this number")


def activate(qtbot, window) -> None:
    """The kiosk's window is the active one, as on a kiosk: focus and caret only show then."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_patient_sends_a_request_after_fixing_the_phone_number(qtbot, kiosk_window, callbacks):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    assert "Why cancer can hide" in visible_text(window)  # the topic is filled in

    tap(qtbot, window, "First name")
    type_keys(qtbot, window, "Tesa")
    assert find(window, "First name").text() == "Tesa"  # the first letter came out capital
    tap(qtbot, window, "Done")  # on to the phone number, on the big keypad
    type_keys(qtbot, window, "20255")
    tap(qtbot, window, "Send request")
    text = visible_text(window)
    assert "There is a problem" in text
    assert "This number does not look complete. Please check it." in text
    assert "Please tick the box so a specialist may call you." in text
    assert callbacks.outbox.counts().pending == 0

    tap(qtbot, window, "This number does not look complete. Please check it.")  # the summary
    type_keys(qtbot, window, FAKE_PHONE[5:])
    tap(qtbot, window, "Evening")
    tap(qtbot, window, "A specialist may call me at this number")
    tap(qtbot, window, "Send request")
    text = visible_text(window)
    assert "Thank you. We have your request." in text
    assert "0123" in text and FAKE_PHONE not in text  # only the last four digits show
    reference = next(line for line in text.splitlines() if line.startswith("Your reference: "))
    assert len(reference.removeprefix("Your reference: ")) == 6
    assert callbacks.outbox.counts().pending == 1

    tap(qtbot, window, "Back to the topics")
    assert window.current_screen_name() == "home"


def test_bad_names_get_plain_messages(qtbot, kiosk_window):
    open_form_from_a_card(qtbot, kiosk_window)
    tap(qtbot, kiosk_window, "Send request")
    assert "Please enter your first name." in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "Please enter your first name.")
    name = find(kiosk_window, "First name")
    name.setText("<script>x</script>")
    tap(qtbot, kiosk_window, "Send request")
    assert "Please use letters only." in visible_text(kiosk_window)
    assert name.accessibleDescription().startswith("Please use letters only.")


def test_leaving_or_idling_leaves_nothing_for_the_next_patient(qtbot, kiosk_window):
    window = kiosk_window
    open_form_from_a_card(qtbot, window)
    tap(qtbot, window, "First name")
    type_keys(qtbot, window, "Tesa")
    tap(qtbot, window, "Done")
    type_keys(qtbot, window, FAKE_PHONE)
    tap(qtbot, window, "Home")
    open_form_from_a_card(qtbot, window)
    for field in window.findChildren(QLineEdit):
        assert field.text() == ""
        field.undo()  # try to get the previous patient's typing back
        field.redo()
        assert field.text() == "" and not field.isUndoAvailable()
    assert window.screen("callback").keyboard.target is not None

    tap(qtbot, window, "First name")
    type_keys(qtbot, window, "Tesa")
    window.session.reset()  # the idle reset
    screen = window.screen("callback")
    assert all(field.text() == "" for field in window.findChildren(QLineEdit))
    assert screen.keyboard.target is None and not screen.keyboard.shifted
    assert not screen.form.consent.isChecked()


def test_spanish_form_speaks_spanish(qtbot, kiosk_window):
    tap(qtbot, kiosk_window, "Español")
    tap(qtbot, kiosk_window, "Contactar a un especialista")
    tap(qtbot, kiosk_window, "Enviar solicitud")
    assert "Por favor, escriba su nombre." in visible_text(kiosk_window)
    assert find(kiosk_window, "En español").isChecked()


class Receiver:
    """A clinic's webhook on loopback: records what arrives and answers 200."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.requests: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args) -> None:  # keep the test output quiet
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/callbacks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    opened = Receiver()
    yield opened
    opened.close()


@pytest.fixture
def config(receiver):
    return Config().replace(
        callbacks__endpoint=receiver.url, callbacks__secret=SECRET, kiosk__id="lobby-1"
    )


def test_the_request_reaches_the_clinic_signed_and_then_leaves_the_kiosk(
    qtbot, kiosk_window, callbacks, receiver
):
    window = kiosk_window
    callbacks.start()
    open_form_from_a_card(qtbot, window)
    fill_the_form(qtbot, window, "In English")
    tap(qtbot, window, "Send request")
    qtbot.waitUntil(lambda: callbacks.outbox.counts().delivered == 1, timeout=10_000)

    ((headers, body),) = receiver.requests
    sent = doc_code()["verify_callback"](SECRET, headers, body)  # the documented library check
    assert sent == json.loads(body)
    assert sent["first_name"] == "Tesa" and sent["phone"] == "+1" + FAKE_PHONE
    assert sent["topic"] == "why-cancer-can-hide" and sent["kiosk_id"] == "lobby-1"
    assert headers["webhook-id"] == sent["idempotency_key"]
    assert sent["reference"] in visible_text(window)
    qtbot.waitUntil(lambda: not any_file_holds(callbacks.outbox.path, b"Tesa"), timeout=5000)


def any_file_holds(database, needle: bytes) -> bool:
    """Whether the database or its write-ahead log still holds `needle` anywhere on disk."""
    return any(needle in f.read_bytes() for f in database.parent.glob(database.name + "*"))
