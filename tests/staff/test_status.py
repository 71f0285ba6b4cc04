"""Status: the same facts for the panel, `kiosk status` and the heartbeat; no personal data."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

import pytest

from kiosk.config import Config
from kiosk.content.updates.outcome import SyncError, SyncErrorCode
from kiosk.health.checks import CheckCode
from kiosk.health.english import check_sentence, format_status, status_rows
from kiosk.health.heartbeat import SendReport, keep_report
from kiosk.health.status import OutboxFacts, collect_status, status_json
from kiosk.staff import modes
from kiosk.staff.modes import out_of_service_message
from kiosk.staff.state import STATE_FILE

FAKE_NAME, FAKE_PHONE = "Tesa", "2025550123"  # a 555 number: obviously not a real person's


@dataclass
class OutboxCounts:
    """Counts as an outbox might return them, with a patient's details riding along."""

    pending: int
    failed: int
    oldest_pending_age_seconds: float | None
    newest: dict


@dataclass
class SyncState:
    last_success: float | None
    last_error: str | None


def counts_with_a_patient():
    request = {"first_name": FAKE_NAME, "phone": FAKE_PHONE, "topic": "car-t"}
    return OutboxCounts(pending=2, failed=1, oldest_pending_age_seconds=4000, newest=request)


def configured(**changes):
    return Config().replace(**changes)


def sentences(status) -> list[str]:
    """The failed checks as `kiosk status` and the heartbeat word them."""
    return [check_sentence(check) for check in status.checks]


def test_status_lists_every_fact_and_the_failed_checks(state, data_dir, store, clock):
    state.record_start()
    clock.advance(2 * 3600 + 5 * 60)
    state.set_mode(modes.SIGNAGE)
    state.set_problem("speech", "speech engine 'speechd' is not installed")
    status = collect_status(
        configured(kiosk__id="lobby-2"),
        data_dir,
        state,
        content=store.info,
        sync=lambda: SyncState(clock.now - 600, "repository unreachable"),
        outbox=counts_with_a_patient,
        now=clock.now,
    )
    assert status.kiosk_id == "lobby-2" and status.app_version
    assert status.mode == "signage" and status.running is True
    assert status.uptime_seconds == 2 * 3600 + 5 * 60
    assert status.content.origin == "first start from content"
    assert status.sync.last_error == SyncError.text("repository unreachable")
    assert status.outbox == OutboxFacts(pending=2, failed=1, oldest_pending_age_seconds=4000)
    assert status.disk_free_bytes > 0 and status.data_dir == str(data_dir)
    checks = "\n".join(sentences(status))
    assert "No staff PIN is set" in checks
    assert "No callback endpoint" in checks
    assert "1 callback request(s) could not be delivered" in checks
    assert "waiting for more than an hour" in checks
    assert "Content updates are off" in checks
    assert "Speech: speech engine 'speechd' is not installed" in checks

    text = format_status(status)
    assert "Mode:" in text and "Signage" in text
    assert "(2 h 5 min)" in text
    assert "2 pending (oldest 1 h 6 min), 1 failed" in text
    assert re.search(r"\nLast sync error: +repository unreachable\n", text)
    assert re.search(rf"\nChecks: +{len(status.checks)} failed\n  - No staff PIN", text)


def test_status_holds_no_personal_data_even_with_requests_in_the_outbox(state, data_dir, store):
    def leaky_source():
        raise ValueError(f"bad row for {FAKE_NAME} {FAKE_PHONE}")

    for outbox in (counts_with_a_patient, leaky_source):
        status = collect_status(Config(), data_dir, state, content=store.info, outbox=outbox)
        for shown in (json.dumps(status_json(status)), format_status(status)):
            assert FAKE_PHONE not in shown and FAKE_PHONE[-4:] not in shown
            assert FAKE_NAME not in shown
    assert status.unreadable == {"outbox": "ValueError"}
    assert "Callback outbox: could not be read (ValueError)" in sentences(status)


def test_status_with_the_real_callback_outbox_holds_no_personal_data(state, data_dir):
    outbox_module = pytest.importorskip("kiosk.callbacks.outbox")
    request_module = pytest.importorskip("kiosk.callbacks.request")
    outbox = outbox_module.Outbox(data_dir / "callbacks.db")
    request = request_module.validate_request(
        FAKE_NAME, FAKE_PHONE, "evening", "en", "why-cancer-can-hide", True, "US"
    )
    outbox.submit(request, "lobby-2")
    try:
        status = collect_status(Config(), data_dir, state, outbox=outbox.counts)
    finally:
        outbox.close()
    assert status.outbox.pending == 1
    for shown in (json.dumps(status_json(status)), format_status(status)):
        assert FAKE_PHONE not in shown and FAKE_NAME not in shown


def test_a_kiosk_that_never_started_is_reported_honestly(data_dir):
    status = collect_status(Config(), data_dir, None)
    assert status.running is False and status.mode == "patient"
    assert status.content is None and status.sync is None
    rows = dict(status_rows(status))
    assert rows["Running"] == "no (never started)"
    assert rows["Content"] == "none loaded" and rows["Callback outbox"] == "not available"
    assert sentences(status)[:3] == [
        "The kiosk is not running.",
        "No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`).",
        "No content is loaded.",
    ]


def test_reports_only_the_kiosk_knows_reach_other_processes_while_it_runs(state, data_dir, clock):
    state.record_start()
    failing = SendReport(last_success=clock.now - 900, last_error="HTTP Error 503")
    config = configured(
        status__endpoint="https://fleet.example/s",
        status__secret="whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
    )
    keep_report(state, failing)  # what the running kiosk does each heartbeat round
    elsewhere = collect_status(config, data_dir, state, now=clock.now)  # as `kiosk status`
    assert elsewhere.heartbeat.last_error == "HTTP Error 503"
    assert "Fleet status is not getting through: HTTP Error 503" in sentences(elsewhere)
    state.record_stop()
    stopped = collect_status(config, data_dir, state, now=clock.now)
    assert stopped.heartbeat is None and stopped.running is False


def test_configuration_checks(state, data_dir):
    state.set_pin("2580")
    good = configured(
        callbacks__endpoint="https://crm.example/cb",
        callbacks__secret="whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
        sync__repository_url="https://content.example/",
    )
    state.record_start()
    assert sentences(collect_status(good, data_dir, state, content=lambda: None)) == [
        "No content is loaded."
    ]
    bad = good.replace(callbacks__secret="", status__endpoint="http://fleet.example/")
    checks = sentences(collect_status(bad, data_dir, state))
    assert "A callback endpoint is set but callbacks.secret is empty." in checks
    assert any("Fleet status is off" in c and "only for this machine" in c for c in checks)


def test_reading_status_writes_nothing(state, data_dir, store, clock):
    state.record_start()
    report = SendReport(last_success=clock.now - 60, last_error="HTTP 503")
    before, modified = state.db.total_changes, (data_dir / STATE_FILE).stat().st_mtime_ns
    for _ in range(3):
        status = collect_status(
            Config(), data_dir, state, content=store.info, heartbeat=lambda: report, now=clock.now
        )
    assert status.heartbeat.last_error == "HTTP 503"  # the live report is read...
    assert state.db.total_changes == before  # ...and nothing written, not even a copy of it
    assert state.runtime().reports == {}
    assert (data_dir / STATE_FILE).stat().st_mtime_ns == modified


def test_the_json_has_the_checks_as_codes_and_in_english(state, data_dir):
    status = collect_status(configured(kiosk__id="lobby-2"), data_dir, state)
    values = json.loads(json.dumps(status_json(status)))
    assert values["kiosk_id"] == "lobby-2" and values["mode"] == "patient"
    assert {"code": "no_pin", "params": {}} in values["checks"]
    assert values["failed_checks"] == sentences(status)
    assert (
        "No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`)."
        in (values["failed_checks"])
    )
    assert [check["code"] for check in values["checks"]] == [c.code for c in status.checks]
    assert status.checks[0].code is CheckCode.NOT_RUNNING  # never started here


def test_a_sync_error_is_worded_from_its_code(state, data_dir):
    error = SyncError(SyncErrorCode.UNREACHABLE, {"cause": "connection_refused"})
    status = collect_status(Config(), data_dir, state, sync=lambda: SyncState(None, error), now=0)
    rows = dict(status_rows(status))
    assert rows["Last sync error"] == (
        "update unavailable: repository cannot be reached (connection refused)"
    )
    assert status_json(status)["sync"]["last_error"] == {
        "code": "unreachable",
        "params": {"cause": "connection_refused"},
    }


def test_out_of_service_words_are_the_clinics_or_built_in():
    config = {"out_of_service.message.en": "", "out_of_service.message.es": "  Vuelvo pronto. "}
    assert out_of_service_message(config, "en") == (
        "This information screen is not available right now. Our front desk team is happy "
        "to help you."
    )
    assert out_of_service_message(config, "es") == "Vuelvo pronto."


def test_the_sync_state_keeps_codes_and_still_reads_an_older_kiosks_words(data_dir):
    from kiosk.content.updates.state import SyncPaths, read_sync_state, record_failure

    error = SyncError(SyncErrorCode.HTTP_STATUS, {"status": 503})
    record_failure(data_dir, error, datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    stored = json.loads(SyncPaths.under(data_dir).state.read_text())
    assert stored["last_error"] == {"code": "http_status", "params": {"status": 503}}
    assert read_sync_state(data_dir).last_error == error
    assert error.describe() == "update unavailable: repository answered HTTP 503"

    older = {"last_error": "update rejected: expired metadata", "last_success": None}
    SyncPaths.under(data_dir).state.write_text(json.dumps(older))
    assert read_sync_state(data_dir).last_error == SyncError.text(older["last_error"])
    assert read_sync_state(data_dir).last_error.describe() == older["last_error"]


def test_a_trials_list_older_than_trials_stale_days_is_flagged(state, data_dir):
    from kiosk.content.storage.store import ContentInfo

    now = datetime.datetime(2026, 12, 10, 12, 0, tzinfo=datetime.UTC)

    def content(days_old: float):
        fetched = (now - datetime.timedelta(days=days_old)).isoformat(timespec="seconds")
        return lambda: ContentInfo("v1", "d" * 64, now.isoformat(), "test", fetched)

    config = configured(trials__stale_days=30)
    fresh = collect_status(config, data_dir, state, content=content(29.9), now=now.timestamp())
    assert CheckCode.TRIALS_STALE not in {c.code for c in fresh.checks}
    stale = collect_status(config, data_dir, state, content=content(45), now=now.timestamp())
    assert (
        "The clinical trials list is 45 days old: run `kiosk trials fetch` and publish again."
        in (sentences(stale))
    )
    assert stale.content.trials_fetched_at == "2026-10-26T12:00:00+00:00"
    none = collect_status(config, data_dir, state, content=lambda: ContentInfo("v", "d", "", "t"))
    assert CheckCode.TRIALS_STALE not in {c.code for c in none.checks}
