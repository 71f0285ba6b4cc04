"""Speech can never freeze the kiosk: with a speech-dispatcher that stops answering, taps
still work, the systemd watchdog keeps pinging, Read aloud goes away and staff are told.

The dispatcher is real enough for Qt's speechd engine and libspeechd (tests/ui/fake_speechd.py):
a Unix socket that takes the connection and then says nothing, for good.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.config import Config
from kiosk.health.english import check_sentence
from kiosk.service_manager import ServiceNotifier
from kiosk.ui.watchdog import WatchdogPinger
from tests.test_service_manager import Listener
from tests.ui.fake_speechd import FakeSpeechd
from tests.ui.patient import tap, visible_controls

pytestmark = pytest.mark.skipif(
    "speechd" not in QTextToSpeech.availableEngines(), reason="Qt's speechd plug-in is missing"
)
FAST_MS = 300  # the timeouts under test, short so the tests are quick


@pytest.fixture
def config() -> Config:
    return Config().replace(speech__engine="speechd")


@pytest.fixture
def english_machine():
    """An English system locale: Qt's speechd engine starts with the system locale's voice."""
    was = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(was)


@pytest.fixture
def speechd(tmp_path_factory, monkeypatch):
    """Make a dispatcher: `speechd(None)` never answers, `speechd("SPEAK")` stops at SPEAK."""

    def make(answer_until: str | None) -> FakeSpeechd:
        fake = FakeSpeechd(tmp_path_factory.mktemp("speechd") / "speechd.sock", answer_until)
        monkeypatch.setenv("SPEECHD_ADDRESS", fake.address)
        return fake

    return make


class Pings:
    """What systemd hears: a thread reads the notify socket, so the pinger never waits on it."""

    def __init__(self, listener: Listener) -> None:
        self.listener, self.count, self.open = listener, 0, True
        listener.sock.settimeout(0.05)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while self.open:
            try:
                message = self.listener.sock.recv(4096).decode()
            except TimeoutError:
                continue
            self.count += message == "WATCHDOG=1"

    def close(self) -> None:
        self.open = False
        self.thread.join()
        self.listener.sock.close()


@pytest.fixture
def watchdog(tmp_path_factory):
    """The UI loop's systemd watchdog, pinging every 50 ms into a socket standing in for systemd."""
    listener = Listener(str(tmp_path_factory.mktemp("notify") / "notify"))
    pings = Pings(listener)
    pinger = WatchdogPinger(ServiceNotifier(listener.address, watchdog_usec=100_000))
    pinger.start()
    yield pings
    pinger.stop()
    pings.close()


def wait_for_pings(qtbot, pings: Pings, count: int) -> None:
    """`count` more pings arrive: the UI event loop turns."""
    wanted = pings.count + count
    qtbot.waitUntil(lambda: pings.count >= wanted, timeout=5000)


def timed_tap(qtbot, window, name: str) -> float:
    """Tap `name`; how long the tap took, in ms."""
    began = time.perf_counter()
    tap(qtbot, window, name)
    return (time.perf_counter() - began) * 1000


def names(window) -> set[str]:
    return {control.accessibleName() for control in visible_controls(window)}


def assert_read_aloud_gone_and_staff_told(qtbot, window, words: str) -> None:
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    assert not window.current_screen().read_aloud.isVisible()
    assert "Read aloud" not in names(window)
    tap(qtbot, window, "Text and colors")
    assert "Text size 200 %" in names(window) and "Louder" not in names(window)
    assert window.services.staff.runtime().problems["speech"] == window.speech.problem
    checks = window.services.status().checks  # what the panel and `kiosk status` list
    failed = [check_sentence(check) for check in checks]
    assert f"Speech: {words}" in failed


def test_a_dispatcher_that_never_answers_cannot_freeze_the_kiosk(
    qtbot, kiosk_window, speechd, watchdog
):
    window, speech = kiosk_window, kiosk_window.speech
    window.services.staff.record_start()
    fake = speechd(None)
    speech.ready_within_ms = FAST_MS
    began = time.perf_counter()
    speech.start()  # this never returned before
    assert (time.perf_counter() - began) * 1000 < 1000
    qtbot.waitUntil(fake.silent.is_set, timeout=5000)  # connected; the constructor now waits

    taps = [timed_tap(qtbot, window, "Your immune system"), timed_tap(qtbot, window, "Back")]
    wait_for_pings(qtbot, watchdog, 3)
    qtbot.waitUntil(lambda: speech.problem != "not started yet", timeout=5000)
    assert speech.problem == f"the speech engine was not ready within {FAST_MS} ms"
    assert not speech.available and speech.thread.alive  # still stuck, and nobody waits on it
    assert max(taps) < 1000, taps
    assert_read_aloud_gone_and_staff_told(qtbot, window, speech.problem)
    wait_for_pings(qtbot, watchdog, 3)


def test_a_dispatcher_that_stops_answering_mid_read_cannot_freeze_a_tap(
    qtbot, kiosk_window, speechd, watchdog, english_machine
):
    window, speech = kiosk_window, kiosk_window.speech
    window.services.staff.record_start()
    fake = speechd("SPEAK")
    speech.answer_within_ms = FAST_MS
    speech.start()
    qtbot.waitUntil(lambda: speech.available, timeout=5000)
    tap(qtbot, window, "Your immune system")
    tap(qtbot, window, "How your immune system works")
    tap(qtbot, window, "Read aloud")
    qtbot.waitUntil(fake.silent.is_set, timeout=5000)  # say() now waits for good

    back = timed_tap(qtbot, window, "Back")  # stops the reading: Speech.stop froze here before
    assert back < 1000
    qtbot.waitUntil(lambda: not speech.available, timeout=5000)
    assert speech.problem == f"the speech engine did not answer within {FAST_MS} ms"
    assert speech.state == "stopped"
    wait_for_pings(qtbot, watchdog, 3)
    tap(qtbot, window, "Home")
    assert_read_aloud_gone_and_staff_told(qtbot, window, speech.problem)


def test_closing_does_not_wait_for_a_stuck_engine(qtbot, kiosk_window, speechd):
    fake = speechd(None)
    speech = kiosk_window.speech
    speech.start()
    qtbot.waitUntil(fake.silent.is_set, timeout=5000)
    began = time.perf_counter()
    assert not speech.shutdown(wait_ms=FAST_MS)  # left behind: a daemon thread, stuck
    assert (time.perf_counter() - began) * 1000 < FAST_MS + 700
