"""The staff state file: PIN attempts and lockouts, modes, defaults and the audit trail.

Real SQLite files; time moves only when a test moves the clock.
"""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.staff import modes
from kiosk.staff.lockout import LOCKED, NO_PIN, OK, WRONG, PinResult
from kiosk.staff.pin import PinError
from kiosk.staff.state import STATE_FILE, StaffDefaults, StaffState

PIN, WRONG_PIN = "2580", "1397"


def wrong_run(state, times=5):
    return [state.check_pin(WRONG_PIN) for _ in range(times)]


def test_no_pin_set_means_the_gesture_does_nothing_and_says_why(state, caplog):
    assert not state.has_pin()
    assert not state.request_pad()
    assert "no staff PIN is set" in caplog.text
    assert state.check_pin(PIN).outcome == NO_PIN
    assert [(e.action, e.outcome) for e in state.recent_audit()] == [
        ("pin.attempt", "refused: no PIN set"),
        ("pad.request", "refused: no PIN set"),
    ]


def test_right_pin_opens(state):
    state.set_pin(PIN)
    assert state.has_pin() and state.request_pad()
    assert state.check_pin(PIN) == PinResult(OK)
    assert state.check_pin(PIN).ok


def test_five_wrong_pins_lock_the_pad_for_a_minute(state, clock):
    state.set_pin(PIN)
    results = wrong_run(state)
    assert [r.attempts_left for r in results[:4]] == [4, 3, 2, 1]
    assert {r.outcome for r in results[:4]} == {WRONG}
    assert results[4] == PinResult(LOCKED, locked_seconds=60)

    clock.advance(59.5)
    assert state.locked_seconds() == 1
    assert state.check_pin(PIN) == PinResult(LOCKED, locked_seconds=1)  # even the right one
    clock.advance(0.5)
    assert state.locked_seconds() == 0
    assert state.check_pin(PIN).ok


def test_each_further_run_of_five_locks_longer_until_the_right_pin(state, clock):
    state.set_pin(PIN)
    lockouts = []
    for _ in range(5):
        lockouts.append(wrong_run(state)[-1].locked_seconds)
        clock.advance(lockouts[-1])
    assert lockouts == [60, 300, 900, 900, 900]
    assert state.check_pin(PIN).ok
    assert wrong_run(state)[-1].locked_seconds == 60  # a right PIN forgave the past


def test_a_wrong_pin_after_a_lockout_starts_a_fresh_run_of_five(state, clock):
    state.set_pin(PIN)
    wrong_run(state)
    clock.advance(60)
    assert state.check_pin(WRONG_PIN) == PinResult(WRONG, attempts_left=4)


def test_a_clock_that_jumps_back_never_locks_longer_than_the_lockout(state, clock):
    state.set_pin(PIN)
    wrong_run(state)
    clock.advance(-3600)
    assert state.locked_seconds() == 60


@pytest.mark.parametrize("back", [86400, 3600, 61])
def test_after_the_clock_goes_back_the_pad_opens_when_its_countdown_ends(data_dir, clock, back):
    """It used to show 60 s left for a whole day while refusing even the right PIN."""
    path = data_dir / STATE_FILE
    with StaffState(path, clock) as state:
        state.set_pin(PIN)
        wrong_run(state)
        clock.advance(10)
        clock.advance(-back)  # an NTP correction or a dead RTC battery, mid-lockout
        assert state.locked_seconds() == 60  # shown: never more than the lockout's length
        clock.advance(30)
        assert state.check_pin(PIN) == PinResult(LOCKED, locked_seconds=30)
    clock.advance(30)
    with StaffState(path, clock) as restarted:  # what was bounded stays bounded
        assert restarted.locked_seconds() == 0
        assert restarted.check_pin(PIN) == PinResult(OK)


def test_after_the_clock_goes_back_a_wrong_pin_still_counts_from_the_bounded_lockout(state, clock):
    state.set_pin(PIN)
    wrong_run(state)
    clock.advance(-86400)
    assert state.check_pin(WRONG_PIN) == PinResult(LOCKED, locked_seconds=60)
    clock.advance(60)
    assert state.check_pin(WRONG_PIN) == PinResult(WRONG, attempts_left=4)


def test_restart_keeps_mode_defaults_pin_and_lockout(data_dir, clock):
    path = data_dir / STATE_FILE
    with StaffState(path, clock) as first:
        first.set_pin(PIN)
        first.set_mode(modes.OUT_OF_SERVICE)
        first.set_defaults(StaffDefaults("es", 160, True))
        wrong_run(first, 4)
    with StaffState(path, clock) as second:
        assert second.mode == modes.OUT_OF_SERVICE
        assert second.defaults() == StaffDefaults("es", 160, True)
        assert second.check_pin(WRONG_PIN).outcome == LOCKED  # the fifth in the run
    clock.advance(30)
    with StaffState(path, clock) as third:
        assert third.check_pin(PIN) == PinResult(LOCKED, locked_seconds=30)
        clock.advance(30)
        assert third.check_pin(PIN).ok


def test_new_pin_from_the_command_line_lifts_a_lockout(state):
    state.set_pin(PIN)
    wrong_run(state)
    state.set_pin("3690", actor="cli")
    assert state.check_pin("3690").ok


def test_a_pin_breaking_the_rules_is_refused_and_audited(state):
    with pytest.raises(PinError):
        state.set_pin("1111")
    assert not state.has_pin()
    assert state.recent_audit(1)[0].outcome == "refused: the PIN breaks the rules"


def test_mode_changes_are_announced_and_audited(state):
    seen = []
    state.mode_changed.connect(seen.append)
    assert state.mode == modes.PATIENT
    state.set_mode(modes.SIGNAGE)
    state.set_mode(modes.SIGNAGE)  # no change: nothing to say
    assert seen == [modes.SIGNAGE]
    with pytest.raises(ValueError, match="unknown mode 'party'"):
        state.set_mode("party")
    assert [(e.action, e.outcome) for e in state.recent_audit()] == [
        ("mode.change", "patient -> signage")
    ]


def test_defaults_are_checked_and_can_go_back_to_the_config(state):
    seen = []
    state.defaults_changed.connect(seen.append)
    assert state.defaults() is None
    with pytest.raises(ValueError):
        StaffDefaults("fr", 100, False)
    state.set_defaults(StaffDefaults("es", 130, False))
    state.set_defaults(None)
    assert state.defaults() is None
    assert seen == [StaffDefaults("es", 130, False), None]
    config = {"language.default": "en", "display.text_size": 100, "display.high_contrast": True}
    assert StaffDefaults.from_config(config) == StaffDefaults("en", 100, True)


def test_audit_has_time_actor_action_outcome_and_never_the_pin(state, data_dir, clock):
    state.set_pin(PIN, actor="cli")
    state.check_pin(WRONG_PIN)
    state.check_pin(PIN)
    state.set_mode(modes.SIGNAGE)
    state.audit("panel.close", "timed out")
    entries = state.recent_audit()
    assert [(e.actor, e.action, e.outcome) for e in entries] == [
        ("staff", "panel.close", "timed out"),
        ("staff", "mode.change", "patient -> signage"),
        ("staff", "pin.attempt", "ok"),
        ("staff", "pin.attempt", "wrong, 4 left"),
        ("cli", "pin.set", "set"),
    ]
    assert entries[0].at == "2027-01-15T08:00:00+00:00"  # the fake clock's time, in UTC
    assert state.recent_audit(2) == entries[:2]
    state.close()
    for name in (STATE_FILE, f"{STATE_FILE}-wal"):
        path = data_dir / name
        if path.exists():
            raw = path.read_bytes()
            assert PIN.encode() not in raw and WRONG_PIN.encode() not in raw


def test_the_audit_trail_keeps_only_the_newest_entries(state, monkeypatch):
    monkeypatch.setattr("kiosk.staff.state.AUDIT_KEEP", 3)
    for n in range(5):
        state.audit("test", str(n))
    assert [e.outcome for e in state.recent_audit()] == ["4", "3", "2"]


def test_the_state_file_is_private_and_read_only_opening_changes_nothing(state, data_dir):
    path = data_dir / STATE_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    state.set_mode(modes.SIGNAGE)
    with StaffState(path, read_only=True) as reader:
        assert reader.mode == modes.SIGNAGE
        with pytest.raises(sqlite3.OperationalError):
            reader.set_mode(modes.PATIENT)
    with pytest.raises(FileNotFoundError):
        StaffState(data_dir / "missing.db", read_only=True)


def test_runtime_records_start_problems_reports_and_stop(state):
    state.record_start()
    state.set_problem("speech", "speech engine 'speechd' is not installed")
    state.set_report("heartbeat", {"last_success": None, "last_error": "HTTP 503"})
    runtime = state.runtime()
    assert runtime.started_at == state.clock() and runtime.pid is not None
    assert runtime.problems == {"speech": "speech engine 'speechd' is not installed"}
    assert runtime.reports["heartbeat"]["last_error"] == "HTTP 503"
    state.set_problem("speech", None)
    state.record_stop()
    assert state.runtime().problems == {} and state.runtime().pid is None
    state.record_start()  # a new start forgets the last run's reports
    assert state.runtime().reports == {}
    assert [e.action for e in state.recent_audit()] == ["kiosk.start", "kiosk.stop", "kiosk.start"]
