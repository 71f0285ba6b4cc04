"""Staff fixtures: a clock tests move by hand, and a real state file in a data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.staff.state import STATE_FILE, StaffState


class FakeClock:
    """Seconds since the epoch, moved only by the test."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def state(data_dir: Path, clock: FakeClock):
    opened = StaffState(data_dir / STATE_FILE, clock)
    yield opened
    opened.close()
