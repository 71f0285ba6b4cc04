"""When the kiosk checks for updates: at start-up, on the interval, sooner after a failure
(backing off), and at once when asked. A fake clock drives it; nothing sleeps."""

from __future__ import annotations

import queue

import pytest

from kiosk.config import Config
from kiosk.content.updates.outcome import Outcome, SyncError, SyncResult
from kiosk.content.updates.scheduler import SyncScheduler, scheduler_from_config
from kiosk.content.updates.state import read_sync_state

INTERVAL = 900.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ScriptedSync:
    """Answers each sync with the next outcome of its script and counts the calls."""

    def __init__(self, *outcomes: Outcome) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0

    def __call__(self) -> SyncResult:
        self.calls += 1
        outcome = self.outcomes.pop(0)
        error = None if outcome is Outcome.UPDATED else SyncError.text("scripted")
        return SyncResult(outcome, error=error)


def scheduler(sync, clock, jitter=1.0, **kwargs) -> SyncScheduler:
    return SyncScheduler(
        sync, interval_seconds=INTERVAL, clock=clock, jitter=lambda: jitter, **kwargs
    )


def test_checks_at_start_up_then_every_interval():
    clock, sync = FakeClock(), ScriptedSync(Outcome.UP_TO_DATE, Outcome.UPDATED)
    checker = scheduler(sync, clock)
    assert checker.run_if_due() == INTERVAL and sync.calls == 1
    clock.advance(INTERVAL - 1)
    assert checker.run_if_due() == pytest.approx(1) and sync.calls == 1
    clock.advance(1)
    assert checker.run_if_due() == INTERVAL and sync.calls == 2


def test_failures_back_off_exponentially_up_to_the_interval_and_a_success_resets():
    clock = FakeClock()
    failed = [Outcome.UNAVAILABLE] * 6
    sync = ScriptedSync(*failed, Outcome.UP_TO_DATE, Outcome.REJECTED)
    checker = scheduler(sync, clock)  # jitter 1.0: the full delay
    delays = []
    for _ in range(8):
        delays.append(checker.run_if_due())
        clock.advance(delays[-1])
    assert delays == [60, 120, 240, 480, INTERVAL, INTERVAL, INTERVAL, 60]
    assert checker.failures == 1 and sync.calls == 8


def test_jitter_spreads_retries_between_half_and_the_whole_delay():
    clock = FakeClock()
    low = scheduler(ScriptedSync(Outcome.UNAVAILABLE), clock, jitter=0.0)
    assert low.run_if_due() == 30
    high = scheduler(ScriptedSync(Outcome.UNAVAILABLE), clock, jitter=0.999)
    assert 59 < high.run_if_due() < 60


def test_run_now_makes_a_check_due_at_once():
    clock, sync = FakeClock(), ScriptedSync(Outcome.UP_TO_DATE, Outcome.UP_TO_DATE)
    checker = scheduler(sync, clock)
    checker.run_if_due()
    clock.advance(10)
    checker.run_now()
    assert checker.seconds_until_next() == 0
    assert checker.run_if_due() == INTERVAL and sync.calls == 2


def test_run_now_during_a_sync_asks_for_another_one():
    clock = FakeClock()
    checker: SyncScheduler

    def sync() -> SyncResult:
        checker.run_now()  # e.g. staff tap "Check now" while a check is already running
        return SyncResult(Outcome.UP_TO_DATE)

    checker = scheduler(sync, clock)
    assert checker.run_if_due() == 0 and checker.seconds_until_next() == 0


def test_on_change_hears_of_updates_only_and_its_errors_stay_inside():
    clock = FakeClock()
    heard = []

    def on_change(result):
        heard.append(result.outcome)
        raise RuntimeError("a UI bug")

    sync = ScriptedSync(Outcome.UP_TO_DATE, Outcome.UPDATED, Outcome.REJECTED)
    checker = scheduler(sync, clock, on_change=on_change)
    for _ in range(3):
        clock.advance(checker.run_if_due())
    assert heard == [Outcome.UPDATED]


def test_a_sync_that_raises_is_a_failure_not_a_crash():
    def broken() -> SyncResult:
        raise OSError("disk full")

    checker = scheduler(broken, FakeClock())
    assert checker.run_if_due() == 60
    assert checker.last_result.outcome is Outcome.FAILED
    assert "disk full" in checker.last_result.reason


def test_the_thread_checks_at_start_up_and_when_asked_then_stops():
    done: queue.Queue[int] = queue.Queue()

    def sync() -> SyncResult:
        done.put(1)
        return SyncResult(Outcome.UP_TO_DATE)

    checker = SyncScheduler(sync, interval_seconds=3600)
    checker.start()
    try:
        assert done.get(timeout=10) == 1  # the start-up check
        checker.run_now()
        assert done.get(timeout=10) == 1
    finally:
        checker.stop()
    assert done.empty() and checker.last_result.outcome is Outcome.UP_TO_DATE


# -- from the config ---------------------------------------------------------------------------


def test_no_repository_means_no_scheduler(tmp_path):
    assert scheduler_from_config(Config(), tmp_path) is None
    assert read_sync_state(tmp_path).last_error is None


def test_a_misconfigured_sync_is_kept_as_the_last_error(tmp_path):
    config = Config().replace(sync__repository_url="https://cdn.example.org/kiosk")
    assert scheduler_from_config(config, tmp_path) is None
    assert "sync.trusted_root is empty" in read_sync_state(tmp_path).last_error.describe()


def test_the_configured_scheduler_applies_updates_and_tells_the_ui(
    content_dir, repo, keys, settings, kiosk_dir
):
    from kiosk.content.publishing.publish import publish

    published = publish(content_dir, repo, keys)
    config = Config().replace(
        sync__repository_url=settings.repository_url,
        sync__trusted_root=str(settings.trusted_root),
        sync__interval_minutes=5,
    )
    heard = []
    checker = scheduler_from_config(config, kiosk_dir, on_change=heard.append)
    assert checker.interval_seconds == 300
    assert checker.run_if_due() == 300
    assert [r.version for r in heard] == [published.content_version]
    assert read_sync_state(kiosk_dir).content_version == published.content_version


def test_run_now_reports_the_result_of_that_check_once():
    from kiosk.content.updates.outcome import Outcome, SyncResult
    from kiosk.content.updates.scheduler import SyncScheduler

    results = [SyncResult(Outcome.UP_TO_DATE), SyncResult(Outcome.UPDATED)]
    scheduler = SyncScheduler(lambda: results.pop(0), interval_seconds=900, clock=lambda: 0.0)
    heard = []
    scheduler.run_now(heard.append)
    scheduler.run_if_due()
    scheduler.run_now()
    scheduler.run_if_due()
    assert [r.outcome for r in heard] == [Outcome.UP_TO_DATE]
