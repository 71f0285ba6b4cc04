"""The two halves meet: a kiosk's real outbox, delivery worker and heartbeat, configured as a
clinic would, reach the hub on loopback, and the hub stores what they sent."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hub.intake.models import CallbackRequest, KioskStatus
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import Config
from kiosk.health.heartbeat import Heartbeat
from kiosk.health.status import collect_status


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    """Poll `condition` (the hub's database, the kiosk's outbox) until it holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds:g} s for {what}"
        time.sleep(0.05)


def kiosk_config(live_server, kiosk) -> Config:
    return Config().replace(
        kiosk__id=kiosk.id,
        callbacks__endpoint=f"{live_server.url}/api/callbacks",
        callbacks__secret=kiosk.secret,
        status__endpoint=f"{live_server.url}/api/heartbeats",
        status__secret=kiosk.secret,
    )


def test_a_request_sent_on_the_kiosk_lands_in_the_hub(live_server, kiosk, tmp_path):
    desk = CallbackDesk(kiosk_config(live_server, kiosk), tmp_path)
    try:
        desk.start()
        receipt = desk.send("Test Patient", "2025550123", "evening", "es", "cytokines", True)
        wait_for(lambda: desk.outbox.counts().delivered == 1, "the kiosk to deliver it")
    finally:
        desk.close()
    stored = CallbackRequest.objects.get()
    assert stored.reference == receipt.reference and stored.kiosk_id == "lobby-1"
    assert (stored.first_name, stored.phone) == ("Test Patient", "+12025550123")
    assert (stored.best_time, stored.language, stored.topic) == ("evening", "es", "cytokines")


def test_the_kiosks_own_heartbeat_lands_in_the_fleet(live_server, kiosk, tmp_path):
    config = kiosk_config(live_server, kiosk)
    heartbeat = Heartbeat(config["status.endpoint"], config["status.secret"])
    heartbeat.start()
    try:
        heartbeat.submit(collect_status(config, tmp_path, None))
        wait_for(lambda: KioskStatus.objects.filter(kiosk=kiosk).exists(), "the heartbeat")
    finally:
        heartbeat.stop()
    status = KioskStatus.objects.get(kiosk=kiosk)
    assert status.online and status.mode == "patient" and status.app_version
    assert "No staff PIN is set" in " ".join(status.failed_checks)


def tap_through_the_kiosk(live_server, kiosk, data_dir: Path) -> str:
    """A patient asks for a callback on the kiosk's own screens, in a kiosk process of its
    own (tests/hub/kiosk_patient.py), until it is delivered; the confirmation's reference line."""
    patient = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.hub.kiosk_patient",
            f"{live_server.url}/api/callbacks",
            kiosk.secret,
            kiosk.id,
            str(data_dir),
        ],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert patient.returncode == 0, patient.stderr
    return patient.stdout


def test_a_patient_taps_through_the_offscreen_kiosk_and_the_hub_has_the_request(
    live_server, kiosk, tmp_path
):
    shown = tap_through_the_kiosk(live_server, kiosk, tmp_path / "kiosk")
    stored = CallbackRequest.objects.get()
    assert stored.reference in shown  # the reference the patient was shown
    assert (stored.first_name, stored.phone) == ("Tesa", "+12025550123")
    assert (stored.topic, stored.best_time) == ("why-cancer-can-hide", "morning")
    assert stored.language == "en"
