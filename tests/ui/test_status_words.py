"""Each face words every status code once: `kiosk status` in English, the staff panel through
tr() in English and Spanish. A code added without words in either fails here, so the two
faces cannot drift; and a Spanish staff panel shows no English check or sync sentence."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.content.updates.outcome import ENGLISH, Outcome, SyncError, SyncErrorCode
from kiosk.content.updates.state import record_failure
from kiosk.health import english
from kiosk.health.checks import Check, CheckCode, Source
from kiosk.health.facts import Fact, FactCode
from kiosk.net import addresses
from kiosk.net.causes import CAUSE_ENGLISH, Cause
from kiosk.staff import modes
from kiosk.ui.translation import Translations
from kiosk.ui.widgets.status_view import StatusView
from tests.ui.patient import tap, visible_text
from tests.ui.test_staff import PIN
from tests.ui.test_staff_status import open_panel

CHECK_PARAMS = {
    CheckCode.UNDELIVERED_CALLBACKS: {"count": 2},
    CheckCode.FLEET_BAD_ENDPOINT: {"setting": "status.endpoint", "fault": addresses.HTTP_REMOTE},
    CheckCode.FLEET_FAILING: {"error": "HTTP 503"},
    CheckCode.LOW_DISK: {"free_mb": 120},
    CheckCode.UNREADABLE: {"source": Source.OUTBOX, "error": "ValueError"},
    CheckCode.PROBLEM: {"source": "speech", "detail": "no voice"},
    CheckCode.TRIALS_STALE: {"days": 45},
}
SYNC_PARAMS = {
    SyncErrorCode.HTTP_STATUS: {"status": 503},
    SyncErrorCode.UNREACHABLE: {"cause": Cause.TIMED_OUT},
    SyncErrorCode.UNEXPECTED: {"type": "KeyError"},
    SyncErrorCode.TEXT: {"text": "an older kiosk's words"},
}
# Words that are only data (a subsystem's own report, an error's type), the same in both.
DATA_ONLY = {CheckCode.PROBLEM, SyncErrorCode.TEXT, Cause.OTHER}
FACTS = [
    Fact(FactCode.KIOSK, {"kiosk_id": "lobby-2", "app_version": "1.0"}),
    Fact(FactCode.MODE, {"mode": modes.SIGNAGE}),
    Fact(FactCode.RUNNING, {"running": False, "started_at": None, "uptime_seconds": None}),
    Fact(FactCode.CONTENT, {}),
    Fact(FactCode.LAST_SYNC, {}),
    Fact(FactCode.LAST_SYNC_ERROR, {"error": None}),
    Fact(FactCode.OUTBOX, {}),
    Fact(FactCode.HEARTBEAT, {}),
    Fact(FactCode.FREE_DISK, {"bytes": 10**9}),
    Fact(FactCode.DATA_DIR, {"path": "/var/lib/kiosk"}),
]


@pytest.fixture
def config() -> Config:
    """A kiosk set up as a clinic sets one up: callbacks delivered, content updates on."""
    return Config().replace(
        callbacks__endpoint="https://clinic.example.org/callbacks",
        callbacks__secret="whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
        sync__repository_url="https://cdn.example.org/kiosk",
    )


@pytest.fixture
def running(kiosk_window):
    """A kiosk that started as `kiosk run` starts it, with a staff PIN set."""
    kiosk_window.services.staff.set_pin(PIN)
    kiosk_window.services.staff.record_start()
    return kiosk_window


def checks() -> list[Check]:
    return [Check(code, CHECK_PARAMS.get(code, {})) for code in CheckCode]


def sync_errors() -> list[SyncError]:
    return [SyncError(code, SYNC_PARAMS.get(code, {})) for code in SyncErrorCode]


@pytest.fixture
def view(qtbot):
    shown = StatusView()
    qtbot.addWidget(shown)
    translations = Translations(QApplication.instance())
    yield shown, translations
    translations.clear()


def panel_words(view: StatusView) -> dict[object, str]:
    """Every code's words on the panel, in the language now installed."""
    words: dict[object, str] = {c.code: view.check_words(c) for c in checks()}
    words |= {e.code: view.sync_error_words(e) for e in sync_errors()}
    words |= {cause: view.cause_words(cause, "OSError") for cause in Cause}
    words |= {mode: view.mode_name(mode) for mode in modes.MODES}
    words |= {f.code: " / ".join(f"{a}: {b}" for a, b in view.fact_rows(f)) for f in FACTS}
    for outcome in (Outcome.REJECTED, Outcome.UNAVAILABLE, Outcome.FAILED):
        words[outcome] = view.sync_failure_words(outcome, sync_errors()[0])
    return words


def test_kiosk_status_has_english_words_for_every_code():
    assert set(english.FACT_WORDS) == set(FactCode)
    assert set(english.CHECK_WORDS) == set(CheckCode)
    assert set(english.MODE_WORDS) == set(modes.MODES)
    assert set(ENGLISH) == set(SyncErrorCode) and set(CAUSE_ENGLISH) == set(Cause)
    for check in checks():
        assert english.check_sentence(check).strip(), check
    for error in sync_errors():
        assert error.describe().strip(), error
    for fact in FACTS:
        label, value = english.fact_row(fact)
        assert label and value, fact


def test_the_panel_has_words_for_every_code_in_english_and_in_spanish(view):
    status_view, translations = view
    in_english = panel_words(status_view)  # a missing code is a KeyError here
    assert all(words.strip() for words in in_english.values())
    translations.use("es")
    in_spanish = panel_words(status_view)
    untranslated = [
        code
        for code, words in in_spanish.items()
        if code not in DATA_ONLY and words == in_english[code]
    ]
    assert untranslated == []


def test_a_failing_heartbeat_is_worded_in_the_panels_language(view):
    """The transport's codes beside its English words: the panel words the cause itself."""
    status_view, translations = view
    refused = Check(
        CheckCode.FLEET_FAILING, {"error": "connection refused", "cause": "connection_refused"}
    )
    answered = Check(CheckCode.FLEET_FAILING, {"error": "refused (HTTP 401)", "status": 401})
    translations.use("es")
    assert "conexión rechazada" in status_view.check_words(refused)
    assert "connection refused" not in status_view.check_words(refused)
    assert "HTTP 401" in status_view.check_words(answered)
    assert "refused" not in status_view.check_words(answered)


# No callbacks, no updates, and a fleet address the kiosk may not send to: three checks fail.
UNSET_UP = Config().replace(status__endpoint="http://fleet.example.org/status", kiosk__id="lobby-2")


@pytest.mark.parametrize("config", [UNSET_UP])
def test_a_spanish_staff_panel_says_no_english_check_or_sync_sentence(qtbot, running, tmp_path):
    unreachable = SyncError(SyncErrorCode.UNREACHABLE, {"cause": Cause.CONNECTION_REFUSED})
    record_failure(tmp_path, unreachable, datetime.datetime.now(datetime.UTC))
    status = running.services.status()
    assert len(status.checks) >= 3
    tap(qtbot, running, "Español")  # the last patient left the kiosk in Spanish
    open_panel(qtbot, running, ok="Aceptar")
    text = visible_text(running)
    english_words = [english.check_sentence(check) for check in status.checks]
    english_words += [unreachable.describe(), unreachable.reason(), "connection refused"]
    assert [words for words in english_words if words in text] == []
    assert f"{len(status.checks)} problemas requieren atención" in text
    assert "No hay dirección para las solicitudes de llamada" in text
    assert "Los informes de estado están apagados: status.endpoint debe usar https://" in text
    assert (
        "Actualización de contenido no disponible: no se puede conectar con el servidor de "
        "contenido (conexión rechazada)"
    ) in text


def test_a_hidden_panel_rewords_its_status_on_a_language_switch_without_collecting(qtbot, running):
    open_panel(qtbot, running)
    tap(qtbot, running, "Close staff panel")
    panel, collected = running.staff.panel, []
    read = panel.read_status
    panel.read_status = lambda: collected.append(1) or read()
    for language in ("Español", "English", "Español"):
        tap(qtbot, running, language)
    assert collected == []  # three switches, no status collected on the UI thread
    assert panel.status_view.headline.text() == "Todas las comprobaciones están bien"
    open_panel(qtbot, running, ok="Aceptar")
    assert collected == [1]  # opening collects it fresh
