"""Callback fixtures: a fake clock, a real receiver on loopback, a real outbox file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.callbacks.delivery import DeliveryWorker
from kiosk.callbacks.outbox import Outbox
from kiosk.callbacks.request import CallbackRequest
from tests.callbacks.receiver import Receiver

SECRET = "whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u"  # "test-secret-not-for-production"
NAME = "Test Patient"
PHONE = "+12025550123"  # a 555 number: fictional
REQUEST = CallbackRequest(NAME, PHONE, "evening", "en", "why-cancer-can-hide")


class FakeClock:
    """Unix time that moves only when a test says so."""

    def __init__(self, start: float = 1_767_258_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def file_bytes(folder: Path) -> bytes:
    """Everything SQLite keeps on disk for the outbox: the file, its WAL and shared memory."""
    return b"".join(p.read_bytes() for p in sorted(folder.glob("callbacks.db*")))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def outbox_path(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "callbacks.db"


@pytest.fixture
def outbox(outbox_path, clock):
    opened = Outbox(outbox_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def receiver(clock):
    started = Receiver(SECRET, clock)
    yield started
    started.release.set()
    if started.server is not None:
        started.stop()


@pytest.fixture
def make_worker(outbox_path, receiver, clock):
    """Workers on the test's outbox and receiver; all are stopped after the test."""
    workers = []

    def make(**options) -> DeliveryWorker:
        settings = {
            "endpoint": receiver.url,
            "secret": SECRET,
            "kiosk_id": "test-kiosk",
            "retention_days": 14,
            "clock": clock,
            "random": lambda: 1.0,
            "timeout": 2.0,
        } | options
        worker = DeliveryWorker(outbox_path, **settings)
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop()
