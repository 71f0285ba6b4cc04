"""The staff panel's status, as staff read it: what needs attention, then the facts by name."""

from __future__ import annotations

import datetime
import threading

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from kiosk.config import TEXT_SIZES, Config
from kiosk.content.updates.outcome import Outcome, SyncError, SyncResult
from kiosk.content.updates.state import record_failure
from tests.ui.patient import find, reachable, tap, visible_text
from tests.ui.test_staff import PIN, tap_corner

UNREACHABLE = "repository unreachable"


@pytest.fixture
def config() -> Config:
    """A kiosk set up as a clinic sets one up: callbacks delivered, content updates on."""
    return Config().replace(
        callbacks__endpoint="https://clinic.example.org/callbacks",
        callbacks__secret="whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
        sync__repository_url="https://cdn.example.org/kiosk",
        kiosk__id="lobby-2",
    )


class UnreachableSync:
    """A content update that finds the repository unreachable; like the real scheduler, it
    records the outcome and reports from its own thread."""

    def __init__(self, data_dir) -> None:
        self.data_dir = data_dir
        self.threads: list[threading.Thread] = []

    def run_now(self, done) -> None:
        def work() -> None:
            error = SyncError.text(UNREACHABLE)  # as an older kiosk stored it: words only
            record_failure(self.data_dir, error, datetime.datetime.now(datetime.UTC))
            done(SyncResult(Outcome.UNAVAILABLE, error=error))

        thread = threading.Thread(target=work)
        self.threads.append(thread)
        thread.start()


@pytest.fixture
def sync(tmp_path):
    unreachable = UnreachableSync(tmp_path)  # tmp_path is the window's data directory
    yield unreachable
    for thread in unreachable.threads:
        thread.join()


@pytest.fixture
def running(kiosk_window):
    """A kiosk that started as `kiosk run` starts it, with a staff PIN set."""
    kiosk_window.services.staff.set_pin(PIN)
    kiosk_window.services.staff.record_start()
    return kiosk_window


def open_panel(qtbot, window, ok: str = "OK") -> None:
    tap_corner(qtbot, window)
    for digit in PIN:
        tap(qtbot, window, digit)
    tap(qtbot, window, ok)
    assert window.staff.panel.isVisible()


def spoken(window) -> list[str]:
    """What a screen reader says for each label on the panel."""
    return [label.accessibleName() for label in reachable(window).findChildren(QLabel)]


def test_a_healthy_kiosk_says_all_checks_passed_over_its_facts(qtbot, running, store):
    open_panel(qtbot, running)
    text = visible_text(running)
    assert "All checks passed" in text and "need attention" not in text
    version = store.info().version
    assert find(running, f"Content version: {version}").text() == version
    find(running, "Kiosk: lobby-2")
    find(running, "Mode: Patient mode")
    find(running, "Callback requests waiting: 0")
    assert any(name.startswith("Running: Yes, since ") for name in spoken(running))


def test_a_failed_check_is_counted_and_listed_in_its_own_words(qtbot, running):
    running.services.staff.set_problem("speech", "speech engine 'speechd' is not installed")
    open_panel(qtbot, running)
    text = visible_text(running)
    assert "1 problem needs attention" in text and "All checks passed" not in text
    find(running, "Speech: speech engine 'speechd' is not installed")


def test_the_status_refreshes_when_update_content_now_finishes(qtbot, running):
    open_panel(qtbot, running)
    find(running, "Last update error: None")
    tap(qtbot, running, "Update content now")
    says_unreachable = f"Last update error: {UNREACHABLE}"
    qtbot.waitUntil(lambda: says_unreachable in spoken(running), timeout=5000)
    assert f"update unavailable: {UNREACHABLE}" in visible_text(running)
    assert find(running, "Update content now").isEnabled()


def test_in_spanish_the_status_speaks_spanish(qtbot, running, store):
    tap(qtbot, running, "Español")  # the last patient left the kiosk in Spanish
    open_panel(qtbot, running, ok="Aceptar")
    text = visible_text(running)
    assert "Todas las comprobaciones están bien" in text
    find(running, f"Versión del contenido: {store.info().version}")
    find(running, "Modo: Modo paciente")
    find(running, "Solicitudes de llamada en espera: 0")
    assert "Content version" not in text and "All checks passed" not in text


def test_values_wrap_inside_the_screen_at_the_largest_text(qtbot, running, tmp_path):
    # TUF names targets by their hash: 64 characters where a line cannot break by itself
    missing = f"targets/{'4e1f9a0c' * 8}.index.json"
    error = SyncError.text(f"not found: {missing}")
    record_failure(tmp_path, error, datetime.datetime.now(datetime.UTC))
    running.session.set_text_size(TEXT_SIZES[-1])
    open_panel(qtbot, running)
    QApplication.processEvents()
    error = find(running, f"Last update error: not found: {missing}")
    assert error.height() > 2 * error.fontMetrics().height()  # it wrapped
    viewport = running.staff.panel.findChild(QScrollArea).viewport()
    for label in running.staff.panel.status_view.findChildren(QLabel):
        if label.isVisible():
            name = label.accessibleName()
            right = label.mapTo(viewport, label.rect().topRight()).x()
            assert right <= viewport.width(), f"{name!r} runs off the screen"
            assert label.minimumSizeHint().width() <= label.width(), f"{name!r} is cut off"
            assert label.heightForWidth(label.width()) <= label.height(), f"{name!r} is cut off"
